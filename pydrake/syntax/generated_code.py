"""Code pydrake writes for itself at start-up (the records' initialisers), compiled once per source
text and Python version and kept in the private cache (``$XDG_CACHE_HOME/pydrake/code``, see
``private_cache``): compiling it was milliseconds of every run, loading it back is a fraction of
one.  The AST's constructors and codecs are generated ahead of time instead (``ast_codegen``)."""

from __future__ import annotations

import marshal
import sys
import types
from typing import Any

from pydrake.syntax.private_cache import blake2b, cache_folder, read_entry, write_entry

_folder: str | None | bool = False  # False: not looked up yet; None: no usable folder


def run(source: str, scope: dict[str, Any], label: str) -> None:
    """Execute generated ``source`` in ``scope`` (``label`` names it in tracebacks)."""
    exec(compiled(source, label), scope)  # noqa: S102 - pydrake's own generated code


def compiled(source: str, label: str) -> types.CodeType:
    """The code object of ``source``: from the cache when this Python compiled it before."""
    folder = _code_folder()
    name = blake2b(f"{sys.version}\0{label}\0{source}".encode(), digest_size=20).hexdigest()
    if folder is not None:
        data = read_entry(folder, name)
        if data is not None:
            try:
                code = marshal.loads(data)
            except (EOFError, ValueError, TypeError):
                code = None
            if isinstance(code, types.CodeType):
                return code
    code = compile(source, f"<pydrake generated: {label}>", "exec")
    if folder is not None:
        write_entry(folder, name, marshal.dumps(code))
    return code


def _code_folder() -> str | None:
    global _folder
    if _folder is False:
        _folder = cache_folder("code")
    return _folder if isinstance(_folder, str) else None
