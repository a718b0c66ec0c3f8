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
    "thread",
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


# The shim that provides a library, by the first part of its ``require`` name (``json/add/core``
# -> json); a name not listed, or not found where listed, loads every shim.
FIRST_CHOICE = {
    "json": "json",
    "yaml": "yaml",
    "psych": "yaml",
    "erb": "erb",
    "shellwords": "shellwords",
    "pathname": "pathname",
    "find": "find",
    "digest": "digest",
    "open3": "open3",
    "timeout": "timeout",
    "benchmark": "benchmark",
    "logger": "logger",
    "date": "date",
    "time": "timelib",
    "tempfile": "tempfile",
    "zlib": "zlib",
    "stringio": "stringio",
    "open-uri": "open_uri",
}


def load_on_require(feature: str | None = None) -> None:
    """Import the standard-library shim for ``feature`` (every on-require shim when None)."""
    if feature is not None:
        short = FIRST_CHOICE.get(feature.split("/")[0])
        if short is not None:
            importlib.import_module(f"pydrake.runtime.stdlib.{short}")
            return
    for name in ON_REQUIRE:
        importlib.import_module(name)
