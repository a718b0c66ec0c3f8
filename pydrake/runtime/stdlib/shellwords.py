"""``require "shellwords"``: splitting, escaping and joining words as the Bourne shell reads them."""

from __future__ import annotations

import re
from typing import Any

from pydrake.runtime.classes import ARRAY, STRING, builtin
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RModule, RProc, RString

SHELLWORDS = RModule("Shellwords")

# One word piece and the separator after it, as Ruby's Shellwords.shellsplit scans them.
_WORD = re.compile(r"""\s*(?>([^\s\\'"]+)|'([^']*)'|"((?:[^"\\]|\\.)*)"|(\\.?)|(\S))(\s|\Z)?""", re.S)
_DQ_ESCAPE = re.compile(r'\\([$`"\\\n])')
_ESCAPE = re.compile(r"\\(.)")
_UNSAFE = re.compile(r"[^A-Za-z0-9_\-.,:+/@\n]")


def split(rt: Any, line: str) -> list[str]:
    """The words of ``line`` (ArgumentError "Unmatched quote: ..." for an unclosed quote)."""
    words: list[str] = []
    field = ""
    pos = 0
    while True:
        m = _WORD.match(line, pos)
        if m is None or m.end() == pos and not m.group(0):
            break
        word, sq, dq, esc, garbage, sep = m.groups()
        if garbage is not None:
            raise rt.error("ArgumentError", f"Unmatched quote: {rt.inspect(RString(line))}")
        if word is not None:
            field += word
        elif sq is not None:
            field += sq
        elif dq is not None:
            field += _DQ_ESCAPE.sub(r"\1", dq)
        else:
            field += _ESCAPE.sub(r"\1", esc)
        if sep is not None:
            words.append(field)
            field = ""
        pos = m.end()
        if pos >= len(line):
            break
    return words


def escape(text: str) -> str:
    """``text`` quoted for the shell: unsafe characters backslashed, newlines as ``'\\n'``, empty as ``''``."""
    if not text:
        return "''"
    return _UNSAFE.sub(lambda m: "\\" + m.group(0), text).replace("\n", "'\n'")


def _text(rt: Any, value: Any) -> str:
    return value.s if isinstance(value, RString) else rt.to_s(value)


def _str_arg(rt: Any, value: Any) -> str:
    if isinstance(value, RString):
        return value.s
    if rt.responds_to(value, "to_str"):
        return rt.to_s(rt.call(value, "to_str"))
    raise rt.error("TypeError", f"no implicit conversion of {rt.real_class(value).name} into String")


def _join(rt: Any, items: Any) -> RString:
    return RString(" ".join(escape(_text(rt, x)) for x in rt.call(items, "to_a")))


def _split_fn(rt: Any, recv: Any, line: Any, block: RProc | None = None) -> list[RString]:
    return [RString(w) for w in split(rt, _str_arg(rt, line))]


def _escape_fn(rt: Any, recv: Any, text: Any, block: RProc | None = None) -> RString:
    return RString(escape(_text(rt, text)))


def _join_fn(rt: Any, recv: Any, items: Any, block: RProc | None = None) -> RString:
    return _join(rt, items)


for _name in ("shellsplit", "shellwords", "split"):
    builtin(SHELLWORDS, _name, singleton=True)(_split_fn)
for _name in ("shellescape", "escape"):
    builtin(SHELLWORDS, _name, singleton=True)(_escape_fn)
for _name in ("shelljoin", "join"):
    builtin(SHELLWORDS, _name, singleton=True)(_join_fn)
# the module functions, callable unqualified after ``include Shellwords``
builtin(SHELLWORDS, "shellsplit", "shellwords")(_split_fn)
builtin(SHELLWORDS, "shellescape")(_escape_fn)
builtin(SHELLWORDS, "shelljoin")(_join_fn)


def string_shellsplit(rt: Any, recv: RString, block: RProc | None = None) -> list[RString]:
    """String#shellsplit."""
    return [RString(w) for w in split(rt, recv.s)]


def string_shellescape(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """String#shellescape."""
    return RString(escape(recv.s))


def array_shelljoin(rt: Any, recv: list[Any], block: RProc | None = None) -> RString:
    """Array#shelljoin."""
    return _join(rt, recv)


@default_feature("shellwords")
def _feature(rt: Any) -> None:
    """``require "shellwords"``: the Shellwords module, String#shellsplit/shellescape, Array#shelljoin."""
    rt.constants["Shellwords"] = SHELLWORDS
    rt.add_method(STRING, "shellsplit", string_shellsplit)
    rt.add_method(STRING, "shellescape", string_shellescape)
    rt.add_method(ARRAY, "shelljoin", array_shelljoin)
