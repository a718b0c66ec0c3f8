"""Built-in methods of the core Ruby classes, one module per class."""
