"""Built-in methods of the core Ruby classes, one module per class.

``load_all`` imports every one of them (each registers its methods with
``classes.builtin`` as it is imported); a missing module is an error.
"""

from __future__ import annotations

import importlib

MODULES = (
    "kernel",
    "object",
    "module",
    "exception",
    "proc",
    "struct",
    "binding",
    "string",
    "regexp",
    "symbol",
    "numeric",
    "singletons",
    "comparable",
    "format",
    "array",
    "hash",
    "range",
    "enumerable",
    "file",
    "dir",
    "io",
    "env",
    "time",
    "process",
    "fileutils",
    "fileutils_modes",
    "mutex",
    # standard-library shims (a dotted name is a full module path) that Rake itself has loaded
    # before a Rakefile runs, or that add constants to every interpreter
    "pydrake.runtime.stdlib.set",
    "pydrake.runtime.stdlib.misc",
    "pydrake.runtime.stdlib.rubygems",
    "pydrake.runtime.stdlib.ostruct",

)


# The other shims: importing one only registers what ``require`` of its library does, so they are
# imported the first time a ``require`` names a library no loaded module provides.
ON_REQUIRE = (
    "pydrake.runtime.stdlib.json",
    "pydrake.runtime.stdlib.yaml",
    "pydrake.runtime.stdlib.erb",
    "pydrake.runtime.stdlib.shellwords",
    "pydrake.runtime.stdlib.pathname",
    "pydrake.runtime.stdlib.find",
    "pydrake.runtime.stdlib.digest",
    "pydrake.runtime.stdlib.open3",
    "pydrake.runtime.stdlib.timeout",
    "pydrake.runtime.stdlib.benchmark",
    "pydrake.runtime.stdlib.logger",
    "pydrake.runtime.stdlib.rational",
    "pydrake.runtime.stdlib.date",
    "pydrake.runtime.stdlib.timelib",
    "pydrake.runtime.stdlib.tempfile",
    "pydrake.runtime.stdlib.zlib",
    "pydrake.runtime.stdlib.stringio",
    "pydrake.runtime.stdlib.open_uri",
)


def load_all() -> None:
    """Import every core built-in module."""
    for name in MODULES:
        importlib.import_module(name if "." in name else f"{__name__}.{name}")


def load_on_require() -> None:
    """Import the standard-library shims that are loaded only when required."""
    for name in ON_REQUIRE:
        importlib.import_module(name)
