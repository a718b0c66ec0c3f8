"""pydrake: Rake's Rakefiles, run exactly as Rake runs them, or in parallel."""

__version__ = "0.1.0"
RAKE_VERSION = "13.0.6"
