"""The on-disk cache of parsed files: the AST of a file, keyed by its text, name and pydrake's version.

An entry is the AST in ``marshal`` form (a node is a list ``[class number, field...]``, everything
else is the tuples, strings and numbers it holds), which loads far faster than a pickle and never
runs code.  A block's body is kept apart as its own ``marshal`` bytes and rebuilt only when the
block is first used (``ast.Deferred``): a listing or a null build never rebuilds most of the code.
It lives in ``$XDG_CACHE_HOME/pydrake/ast`` under the rules of ``private_cache``; anything
unreadable counts as a miss.
"""

from __future__ import annotations

import marshal
import os
from typing import Any

from pydrake import __version__
from pydrake.syntax.private_cache import blake2b, cache_folder, read_entry, write_entry

# The modules that decide what a file parses to: an entry records their sizes and times, so an
# edited parser (a checkout between releases) never reuses an entry made by another one.
PARSER_MODULES = (
    "ast.py",
    "ast_cache.py",
    "ast_code.py",
    "builder.py",
    "lalr.py",
    "lalr_tables.py",
    "lexer.py",
    "literal_calls.py",
    "pattern_builder.py",
    "tokens.py",
)

# marshal's format 2 keeps no table of shared objects: it writes and reads an AST about twice as
# fast as the default format, for entries about 8% larger (an AST shares few objects anyway).
MARSHAL_VERSION = 2

# Oldest entries beyond this many are removed when a new one is written.
MAX_ENTRIES = 512

_folder: str | None | bool = False  # False: not looked up yet; None: no usable folder


def key(source: str, filename: str) -> str:
    """The entry name for ``source`` read from ``filename``."""
    digest = blake2b(digest_size=32)
    for part in (__version__, _parser_stamp(), filename, source):
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return digest.hexdigest()


_stamp: str | None = None


def _parser_stamp() -> str:
    global _stamp
    if _stamp is None:
        here = os.path.dirname(os.path.abspath(__file__))
        parts = []
        for name in PARSER_MODULES:
            try:
                st = os.stat(os.path.join(here, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                parts.append(name)
        _stamp = ";".join(parts)
    return _stamp


def folder() -> str | None:
    """The private cache folder, created if missing (None when there is no safe one)."""
    global _folder
    if _folder is False:
        _folder = cache_folder("ast")
    return _folder  # type: ignore[return-value]


def load(name: str) -> Any:
    """The cached AST for entry ``name``, or None."""
    where = folder()
    if where is None:
        return None
    data = read_entry(where, name)
    if data is None:
        return None
    try:
        return decode(marshal.loads(data))
    except Exception:  # noqa: BLE001 - a damaged entry is a miss
        return None


def store(name: str, program: Any) -> None:
    """Write the AST for entry ``name`` (silently nothing when it cannot be written)."""
    where = folder()
    if where is None:
        return
    try:
        data = marshal.dumps(encode(program), MARSHAL_VERSION)
    except (ValueError, KeyError, RecursionError):
        return
    write_entry(where, name, data, keep=MAX_ENTRIES)


def _classes() -> list[Any]:
    from pydrake.syntax import ast

    global _CLASSES
    if not _CLASSES:
        _CLASSES = sorted(
            (c for c in vars(ast).values() if isinstance(c, type) and issubclass(c, ast.Node) and c is not ast.Node),
            key=lambda c: c.__name__,
        )
    return _CLASSES


_CLASSES: list[Any] = []


def encode(value: Any) -> Any:
    """The marshal form of an AST value."""
    encoders, tup = _encoders()
    kind = type(value)
    if kind is tuple:
        return tup(value)
    encoder = encoders.get(kind)
    if encoder is not None:
        return encoder(value)
    if kind in (str, int, float, bool, type(None)):
        return value
    raise ValueError(f"not an AST value: {kind.__name__}")


_ENCODERS: tuple[dict[type, Any], Any] | None = None

# The values written as they are.
_SIMPLE = frozenset({str, int, float, bool, type(None)})


def _encoders() -> tuple[dict[type, Any], Any]:
    """One function per node class that writes a node's marshal form (``decode``'s inverse),
    from the generated ``ast_code``; and the one for tuples."""
    global _ENCODERS
    if _ENCODERS is None:
        from pydrake.syntax import ast_codegen

        _ENCODERS = ast_codegen.load().encoders(_classes(), _SIMPLE, _dumps, _not_plain)
    return _ENCODERS


def encoder_source() -> list[str]:
    """The source of the encoders: ``_e{n}`` per node class in ``_classes()`` order, then ``_T``.
    Free names: ``_S`` (the simple types), ``_dumps``, ``_not_plain``, ``_E`` (class -> encoder)."""
    field = "(x if (t := type(x := v.{name})) in _S else _T(x) if t is tuple else _E[t](x))"
    apart, plain, raw = _apart(), _plain(), _raw()

    def write(cls: Any, name: str) -> str:
        if name in ("line", "col") or (cls, name) in raw:
            return f"v.{name}"
        if (cls, name) in apart:
            return _PACK.format(field.format(name=name))
        if (cls, name) in plain:
            return _PLAIN.format(name=name)
        return field.format(name=name)

    source = []
    for n, cls in enumerate(_classes()):
        parts = [write(cls, name) for name in cls._fields]
        source.append(f"def _e{n}(v):\n    return [{n}, {', '.join(parts)}]")
    source.append(_tuple_source("(x if (t := type(x{value})) in _S else _T(x) if t is tuple else _E[t](x))"))
    return source


def _tuple_source(value: str) -> str:
    """The source of ``_T``, which converts each value of a tuple with the expression ``value``
    (``{value}`` marks where it reads the value into ``x``).  Most tuples hold one or two values
    (arguments, hash pairs): those skip the comprehension's call."""
    one, two = (value.format(value=f" := v[{i}]") for i in (0, 1))
    return (
        "def _T(v):\n"
        "    n = len(v)\n"
        f"    if n == 1:\n        return ({one},)\n"
        f"    if n == 2:\n        return ({one}, {two})\n"
        f"    return tuple([{value.format(value='')} for x in v])"
    )


def decode(value: Any) -> Any:
    """The AST value of a marshal form made by ``encode``."""
    decoders, tup = _decoders()
    kind = type(value)
    return decoders[value[0]](value) if kind is list else tup(value) if kind is tuple else value


_DECODERS: tuple[list[Any], Any] | None = None


def _decoders() -> tuple[list[Any], Any]:
    """One function per node class that rebuilds a node from its marshal form, from the generated
    ``ast_code``; and the one for tuples."""
    global _DECODERS
    if _DECODERS is None:
        from pydrake.syntax import ast_codegen
        from pydrake.syntax.ast import Deferred

        _DECODERS = ast_codegen.load().decoders(_classes(), object.__new__, Deferred, _unpack, _damaged)
    return _DECODERS


def decoder_source() -> list[str]:
    """The source of the decoders: ``_d{n}`` per node class in ``_classes()`` order, then ``_T``.

    Each reads its fields by position, decodes only values that are lists (nodes) or tuples and
    fills the new node's slots itself (no ``__init__`` call), so rebuilding costs one call per
    node; ``line`` and ``col`` are always plain integers.  Free names: ``_C{n}`` (the classes),
    ``_new``, ``_Deferred``, ``_unpack``, ``_damaged``, ``_D`` (the decoders by number)."""
    field = "(_D[x[0]](x) if (t := type(x := v[{i}])) is list else _T(x) if t is tuple else x)"
    apart, plain, raw = _apart(), _plain(), _raw()

    def read(cls: Any, name: str, i: int) -> str:
        if name in ("line", "col") or (cls, name) in plain or (cls, name) in raw:
            return f"v[{i}]"
        if (cls, name) in apart:
            return _UNPACK.format(i=i)
        return field.format(i=i)

    source = []
    for n, cls in enumerate(_classes()):
        fields = cls._fields
        parts = [read(cls, name, i + 1) for i, name in enumerate(fields)]
        stores = "".join(f"\n    o.{name} = {part}" for name, part in zip(fields, parts, strict=True))
        source.append(f"def _d{n}(v):\n    o = _new(_C{n}){stores}\n    return o")
    source.append(_tuple_source("(_D[x[0]](x) if (t := type(x{value})) is list else _T(x) if t is tuple else x)"))
    return source


def apart_names() -> tuple[tuple[str, str], ...]:
    """The fields kept apart, by class name: what ``ast_code``'s codecs were made for."""
    return tuple(sorted((cls.__name__, name) for cls, name in _apart()))


def plain_names() -> tuple[tuple[str, str], ...]:
    """The fields read back as they are, by class name: what ``ast_code``'s codecs were made for."""
    return tuple(sorted((cls.__name__, name) for cls, name in _plain()))


# A field annotated as a plain value (a string, number or flag, or None) is read back as it is,
# without a type test; writing anything else there makes the entry unwritable (no entry, no harm).
_PLAIN_ANNOTATIONS = frozenset({"str", "int", "float", "bool", "str | None", "int | None"})
_PLAIN = "(x if type(x := v.{name}) in _S else _not_plain(x))"


def _plain() -> frozenset[tuple[Any, str]]:
    """The (node class, field) pairs annotated as plain values, ``line`` and ``col`` aside."""
    return _annotated(_PLAIN_ANNOTATIONS)


def raw_names() -> tuple[tuple[str, str], ...]:
    """The fields written and read back as they are, by class name: what ``ast_code``'s codecs were made for."""
    return tuple(sorted((cls.__name__, name) for cls, name in _raw()))


def _raw() -> frozenset[tuple[Any, str]]:
    """The (node class, field) pairs holding literal data (``ast.LiteralData``): tuples, lists and
    plain values that are no nodes, written and read back as they are (``marshal`` refuses anything
    else, and then no entry is written)."""
    return _annotated(frozenset({"LiteralData"}))


def _annotated(annotations_wanted: frozenset[str]) -> frozenset[tuple[Any, str]]:
    """The (node class, field) pairs annotated with one of ``annotations_wanted``, ``line`` and ``col`` aside."""
    pairs: set[tuple[Any, str]] = set()
    for cls in _classes():
        annotations: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            annotations.update(vars(klass).get("__annotations__", {}))
        pairs.update(
            (cls, name)
            for name in cls._fields
            if name not in ("line", "col") and annotations.get(name) in annotations_wanted
        )
    return frozenset(pairs)


def _not_plain(value: Any) -> Any:
    raise ValueError(f"a plain field holds a {type(value).__name__}")


# A field kept apart is written as its own marshal bytes, and read back as a Deferred that
# decodes them on first use; anything but bytes there makes the entry unreadable (a miss).
_PACK = "_dumps({})"
_UNPACK = "(_Deferred(_unpack, x) if type(x := v[{i}]) is bytes else _damaged())"


def _apart() -> frozenset[tuple[Any, str]]:
    """The (node class, field) pairs stored apart: block bodies."""
    from pydrake.syntax import ast

    return frozenset({(ast.Block, "body")})


def _dumps(value: Any) -> bytes:
    """A field kept apart, as its bytes."""
    return marshal.dumps(value, MARSHAL_VERSION)


def _unpack(packed: bytes) -> Any:
    """A field kept apart, rebuilt from its bytes."""
    return decode(marshal.loads(packed))


def _damaged() -> Any:
    raise ValueError("a field kept apart is not bytes")
