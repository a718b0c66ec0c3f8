"""Runtime: the Ruby-subset interpreter and its core classes."""
