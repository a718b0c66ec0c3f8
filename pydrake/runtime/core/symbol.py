"""Symbol: interned names, their inspect form, String-like queries and ``to_proc``."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import SYMBOL, builtin
from pydrake.runtime.core import string as rstring
from pydrake.runtime.objects import RProc, RString, Symbol

# Operator method names that print bare after a colon (``:+``, ``:[]=``).
_OPERATORS = frozenset("+ - * / % ** == === =~ ! != !~ < <= > >= <=> << >> & | ^ ~ +@ -@ [] []= `".split())
_SPECIAL_GLOBALS = frozenset("~*$?!@/\\;,.=:<>\"&`'+0")


def _ident_char(c: str) -> bool:
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9") or ord(c) > 127


def _is_ident(s: str, suffix_ok: bool) -> bool:
    if not s or "0" <= s[0] <= "9":
        return False
    body = s[:-1] if suffix_ok and s[-1] in "?!=" else s
    return bool(body) and all(_ident_char(c) for c in body)


def symbol_is_simple(name: str) -> bool:
    """Whether ``:name`` is valid Ruby without quotes (``:foo?``, ``:[]``, ``:@x``, ``:$0``)."""
    if not name:
        return False
    if name in _OPERATORS:
        return True
    if name[0] == "$":
        rest = name[1:]
        if len(rest) == 1 and rest in _SPECIAL_GLOBALS:
            return True
        if rest.isascii() and rest.isdigit():
            return True
        if len(rest) == 2 and rest[0] == "-" and _ident_char(rest[1]):
            return True
        return _is_ident(rest, False)
    if name.startswith("@@"):
        return _is_ident(name[2:], False)
    if name[0] == "@":
        return _is_ident(name[1:], False)
    return _is_ident(name, True)


def symbol_inspect(name: str) -> str:
    """Symbol#inspect: ``:foo``, ``:"foo-bar"``, ``:foo?``, ``:[]``."""
    return ":" + (name if symbol_is_simple(name) else rstring.str_inspect(name))


@builtin(SYMBOL, "inspect")
def sym_inspect(rt: Any, recv: Symbol, block: RProc | None = None) -> RString:
    """The literal form, quoted only when needed."""
    return RString(symbol_inspect(recv.name))


@builtin(SYMBOL, "to_s", "id2name")
def sym_to_s(rt: Any, recv: Symbol, block: RProc | None = None) -> RString:
    """The name as a new String."""
    return RString(recv.name)


@builtin(SYMBOL, "name")
def sym_name(rt: Any, recv: Symbol, block: RProc | None = None) -> RString:
    """The name as a frozen String."""
    return RString(recv.name, frozen=True)


@builtin(SYMBOL, "to_sym")
def sym_to_sym(rt: Any, recv: Symbol, block: RProc | None = None) -> Symbol:
    """The Symbol itself."""
    return recv


def symbol_proc(rt: Any, name: str) -> RProc:
    """A lambda that calls method ``name`` on its first argument with the rest (``&:upcase``)."""

    def call(*args: Any) -> Any:
        if not args:
            raise rt.error("ArgumentError", "no receiver given")
        return rt.call(args[0], name, *args[1:])

    return RProc(None, None, None, None, is_lambda=True, native=call)


@builtin(SYMBOL, "to_proc")
def sym_to_proc(rt: Any, recv: Symbol, block: RProc | None = None) -> RProc:
    """A Proc calling this method on its argument."""
    return symbol_proc(rt, recv.name)


@builtin(SYMBOL, "==", "===", "eql?", "equal?")
def sym_eq(rt: Any, recv: Symbol, other: Any, block: RProc | None = None) -> bool:
    """Identity: equal Symbols are the same object."""
    return recv is other


@builtin(SYMBOL, "hash")
def sym_hash(rt: Any, recv: Symbol, block: RProc | None = None) -> int:
    """A hash code fixed for the Symbol."""
    return hash(recv)


@builtin(SYMBOL, "<=>")
def sym_cmp(rt: Any, recv: Symbol, other: Any, block: RProc | None = None) -> int | None:
    """Compare names; nil for a non-Symbol."""
    if not isinstance(other, Symbol):
        return None
    a, b = recv.name, other.name
    return (a > b) - (a < b)


@builtin(SYMBOL, "casecmp")
def sym_casecmp(rt: Any, recv: Symbol, other: Any, block: RProc | None = None) -> int | None:
    """Compare names ignoring ASCII case; nil for a non-Symbol."""
    if not isinstance(other, Symbol):
        return None
    return rstring.str_casecmp(rt, RString(recv.name), RString(other.name))


@builtin(SYMBOL, "casecmp?")
def sym_casecmp_p(rt: Any, recv: Symbol, other: Any, block: RProc | None = None) -> bool | None:
    """Names equal after case folding; nil for a non-Symbol."""
    if not isinstance(other, Symbol):
        return None
    return recv.name.casefold() == other.name.casefold()


@builtin(SYMBOL, "length", "size")
def sym_length(rt: Any, recv: Symbol, block: RProc | None = None) -> int:
    """Characters in the name."""
    return len(recv.name)


@builtin(SYMBOL, "empty?")
def sym_empty(rt: Any, recv: Symbol, block: RProc | None = None) -> bool:
    """Whether the name is empty."""
    return not recv.name


def _mapped(fn: Any, doc: str) -> Any:
    def method(rt: Any, recv: Symbol, *args: Any, block: RProc | None = None) -> Symbol:
        return Symbol.of(fn(recv.name, rstring.ascii_option(args)))

    method.__doc__ = doc
    return method


builtin(SYMBOL, "upcase")(_mapped(rstring.upcase, "The Symbol with an upper-case name."))
builtin(SYMBOL, "downcase")(_mapped(rstring.downcase, "The Symbol with a lower-case name."))
builtin(SYMBOL, "capitalize")(_mapped(rstring.capitalize, "The Symbol with a capitalized name."))
builtin(SYMBOL, "swapcase")(_mapped(rstring.swapcase, "The Symbol with the name's case swapped."))


@builtin(SYMBOL, "succ", "next")
def sym_succ(rt: Any, recv: Symbol, block: RProc | None = None) -> Symbol:
    """The Symbol named by the name's successor."""
    return Symbol.of(rstring.succ(recv.name))


@builtin(SYMBOL, "[]", "slice")
def sym_aref(rt: Any, recv: Symbol, *args: Any, block: RProc | None = None) -> RString | None:
    """``to_s[...]``."""
    return rstring.str_aref(rt, RString(recv.name), *args)


@builtin(SYMBOL, "start_with?")
def sym_start_with(rt: Any, recv: Symbol, *prefixes: Any, block: RProc | None = None) -> bool:
    """Whether the name starts with any prefix."""
    return rstring.str_start_with(rt, RString(recv.name), *prefixes)


@builtin(SYMBOL, "end_with?")
def sym_end_with(rt: Any, recv: Symbol, *suffixes: Any, block: RProc | None = None) -> bool:
    """Whether the name ends with any suffix."""
    return rstring.str_end_with(rt, RString(recv.name), *suffixes)


@builtin(SYMBOL, "=~")
def sym_match_op(rt: Any, recv: Symbol, other: Any, block: RProc | None = None) -> Any:
    """``to_s =~ other``."""
    return rstring.str_match_op(rt, RString(recv.name), other)


@builtin(SYMBOL, "match")
def sym_match(rt: Any, recv: Symbol, *args: Any, block: RProc | None = None) -> Any:
    """``to_s.match(...)``."""
    return rstring.str_match(rt, RString(recv.name), *args, block=block)


@builtin(SYMBOL, "match?")
def sym_match_p(rt: Any, recv: Symbol, *args: Any, block: RProc | None = None) -> bool:
    """``to_s.match?(...)``."""
    return rstring.str_match_p(rt, RString(recv.name), *args)


@builtin(SYMBOL, "encoding")
def sym_encoding(rt: Any, recv: Symbol, block: RProc | None = None) -> RString:
    """US-ASCII for ASCII names, else UTF-8 (Ruby returns an Encoding object)."""
    return RString("US-ASCII" if recv.name.isascii() else "UTF-8", frozen=True)
