"""Regexp and MatchData: Ruby's regular expressions (RRegexp) and match results (RMatch)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from pydrake.lazy_pattern import LazyPattern
from pydrake.runtime import rubyregex
from pydrake.runtime.classes import MATCH_DATA, REGEXP, BuiltinFn, builtin
from pydrake.runtime.core.array import range_span
from pydrake.runtime.core.numeric import is_object, to_int
from pydrake.runtime.core.string import regexp_escape, str_arg
from pydrake.runtime.objects import RHash, RMatch, RProc, RRange, RRegexp, RString, Symbol, truthy

IGNORECASE = rubyregex.IGNORECASE
EXTENDED = rubyregex.EXTENDED
MULTILINE = rubyregex.MULTILINE
FIXEDENCODING = 16
NOENCODING = 32
_EMBEDDABLE = IGNORECASE | EXTENDED | MULTILINE
# The option bits Regexp.new keeps from an Integer argument.
_OPTION_MASK = _EMBEDDABLE | FIXEDENCODING | NOENCODING
_OPTION_CHARS = {"i": IGNORECASE, "x": EXTENDED, "m": MULTILINE}
_UNICODE_ESCAPE = LazyPattern(r"(?<!\\)(?:\\\\)*\\u")

REGEXP.constants.update(
    {
        "IGNORECASE": IGNORECASE,
        "EXTENDED": EXTENDED,
        "MULTILINE": MULTILINE,
        "FIXEDENCODING": FIXEDENCODING,
        "NOENCODING": NOENCODING,
    }
)


def _ruby_method(owner: Any, *names: str, singleton: bool = False) -> Callable[[BuiltinFn], BuiltinFn]:
    """``builtin`` with Ruby's ArgumentError for a wrong argument count, read from the Python signature."""

    def register(fn: BuiltinFn) -> BuiltinFn:
        # Read from the code object (not ``inspect``, whose import is a noticeable part of start-up).
        code = fn.__code__
        everything = code.co_varnames[: code.co_argcount]
        defaulted = set(everything[len(everything) - len(fn.__defaults__ or ()) :])
        positional = [name for name in everything[2:] if name != "block"]
        lo = sum(1 for name in positional if name not in defaulted)
        rest = bool(code.co_flags & 0x04)  # CO_VARARGS
        hi = None if rest else len(positional)
        expected = f"{lo}+" if hi is None else str(lo) if lo == hi else f"{lo}..{hi}"

        @functools.wraps(fn)
        def checked(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
            if len(args) < lo or (hi is not None and len(args) > hi):
                raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected {expected})")
            return fn(rt, recv, *args, block=block)

        builtin(owner, *names, singleton=singleton)(checked)
        return fn

    return register


# --- building and describing regexps -----------------------------------------------------------


def make_regexp(rt: Any, source: str, options: int) -> RRegexp:
    """A Regexp from Ruby source and option bits; RegexpError when the source is invalid."""
    try:
        pattern = rubyregex.translate(source, options & _EMBEDDABLE)
    except ValueError as e:
        raise rt.error("RegexpError", str(e)) from None
    return RRegexp(source, options, pattern)


def option_letters(options: int) -> str:
    """The ``mix`` letters of the option bits, in Ruby's order."""
    return "".join(c for c, bit in (("m", MULTILINE), ("i", IGNORECASE), ("x", EXTENDED)) if options & bit)


def _escaped_char(c: str, unicode_escapes: bool) -> str:
    o = ord(c)
    if o >= 0x80:
        if not unicode_escapes:
            return c
        return f"\\u{o:04X}" if o < 0x10000 else f"\\u{{{o:X}}}"
    if 0x20 <= o < 0x7F or c in " \t\n\v\f\r":
        return c
    return f"\\x{o:02X}"


def source_text(source: str, unicode_escapes: bool, term: str = "/") -> str:
    """The source as inspect and to_s show it: ``term`` and unprintable characters escaped (rb_reg_expr_str)."""
    if all(c != term and (ord(c) >= 0x80 or 0x20 <= ord(c) < 0x7F) for c in source):
        return source
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n:
            out.append(source[i : i + 2])
            i += 2
            continue
        out.append("\\" + c if c == term else _escaped_char(c, unicode_escapes))
        i += 1
    return "".join(out)


def regexp_inspect(rx: RRegexp) -> str:
    """Regexp#inspect: ``/a\\/b/i``."""
    suffix = option_letters(rx.options) + ("n" if rx.options & NOENCODING else "")
    return f"/{source_text(rx.source, True)}/{suffix}"


def _leading_flags(src: str, options: int) -> tuple[str, int] | None:
    """Strip a whole-pattern ``(?flags)`` prefix or ``(?flags:...)`` group; None when there is none."""
    i, n = 2, len(src)
    while i < n and src[i] in _OPTION_CHARS:
        options |= _OPTION_CHARS[src[i]]
        i += 1
    if i < n - 1 and src[i] == "-":
        i += 1
        while i < n and src[i] in _OPTION_CHARS:
            options &= ~_OPTION_CHARS[src[i]]
            i += 1
    if i < n and src[i] == ")":
        return src[i + 1 :], options
    if i < n and src[i] == ":" and src.endswith(")") and i < n - 1:
        inner = src[i + 1 : -1]
        try:
            rubyregex.translate(inner, options & _EMBEDDABLE)
        except ValueError:
            return None
        return inner, options
    return None


def regexp_to_s(rx: RRegexp, term: str = "/") -> str:
    """Regexp#to_s: the pattern as an embeddable group, ``(?i-mx:source)`` (rb_reg_to_s).

    ``term`` is the character escaped in the source ("" for none, as Regexp.union embeds patterns).
    """
    src, options = rx.source, rx.options
    while len(src) >= 4 and src.startswith("(?"):
        stripped = _leading_flags(src, options)
        if stripped is None:
            src, options = rx.source, rx.options
            break
        src, options = stripped
    on = option_letters(options)
    off = "" if options & _EMBEDDABLE == _EMBEDDABLE else "-" + option_letters(~options)
    return f"(?{on}{off}:{source_text(src, False, term)})"


def group_names(rx: RRegexp) -> list[str]:
    """The named groups of a regexp, in order."""
    return sorted(rx.pattern.groupindex, key=rx.pattern.groupindex.__getitem__)


# --- matching ----------------------------------------------------------------------------------


def _subject(rt: Any, value: Any) -> str | None:
    """The text a match runs against: a String, a Symbol's name, a ``to_str`` object; None for nil."""
    if isinstance(value, RString):
        return value.s
    if type(value) is Symbol:
        return value.name
    if value is None:
        return None
    return str_arg(rt, value)


def search(rt: Any, rx: RRegexp, s: str, pos: int = 0) -> RMatch | None:
    """Match ``rx`` against ``s`` from character ``pos`` (negative counts from the end); sets ``$~``."""
    if pos < 0:
        pos += len(s)
        if pos < 0:
            rt.set_global("$~", None)
            return None
    m = rx.pattern.search(s, pos) if pos <= len(s) else None
    md = RMatch(m, rx, s) if m is not None else None
    rt.set_global("$~", md)
    return md


# --- Regexp class methods ----------------------------------------------------------------------


@_ruby_method(REGEXP, "new", "compile", singleton=True)
def regexp_new(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RRegexp:
    """Regexp.new(string_or_regexp, options = nil, kcode = nil)."""
    if not 1 <= len(args) <= 3:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 1..3)")
    pat = args[0]
    if isinstance(pat, RRegexp):
        if len(args) > 1:
            _warn(rt, "flags ignored")
        return make_regexp(rt, pat.source, pat.options)
    options = 0
    if len(args) >= 2:
        opt = args[1]
        if type(opt) is int:
            options = opt & _OPTION_MASK
        elif truthy(opt):
            options = IGNORECASE
    if len(args) == 3 and args[2] is not None:
        kcode = str_arg(rt, args[2])
        if kcode[:1] in ("n", "N"):
            options |= NOENCODING
        else:
            _warn(rt, f"encoding option is ignored - {kcode}")
    return make_regexp(rt, str_arg(rt, pat), options)


def _warn(rt: Any, message: str) -> None:
    """A Ruby warning naming the running line, as ``rb_warn`` prints it."""
    stack = rt.thread_state().stack if hasattr(rt, "thread_state") else []
    where = f"{stack[-1].file}:{stack[-1].line}: " if stack else ""
    rt.stderr.write(f"{where}warning: {message}\n")


def _quote_arg(rt: Any, value: Any) -> str:
    return value.name if type(value) is Symbol else str_arg(rt, value)


@_ruby_method(REGEXP, "escape", "quote", singleton=True)
def regexp_s_escape(rt: Any, cls: Any, value: Any, block: RProc | None = None) -> RString:
    """Regexp.escape(str): the text with regexp metacharacters backslashed."""
    return RString(regexp_escape(_quote_arg(rt, value)))


@_ruby_method(REGEXP, "union", singleton=True)
def regexp_union(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RRegexp:
    """Regexp.union(*patterns): Strings escaped, Regexps embedded with their options."""
    items = list(args[0]) if len(args) == 1 and type(args[0]) is list else list(args)
    if not items:
        return make_regexp(rt, "(?!)", 0)
    if len(items) == 1:
        only = items[0]
        if isinstance(only, RRegexp):
            return only
        return make_regexp(rt, regexp_escape(_quote_arg(rt, only)), 0)
    parts: list[str] = []
    for item in items:
        if isinstance(item, RRegexp):
            parts.append(regexp_to_s(item, ""))
        else:
            parts.append(regexp_escape(str_arg(rt, item)))
    return make_regexp(rt, "|".join(parts), 0)


@_ruby_method(REGEXP, "last_match", singleton=True)
def regexp_last_match(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> Any:
    """Regexp.last_match / Regexp.last_match(n): ``$~`` or one of its groups."""
    md = rt.get_global("$~")
    if not args:
        return md
    if md is None:
        return None
    return _aref(rt, md, args)


@_ruby_method(REGEXP, "try_convert", singleton=True)
def regexp_try_convert(rt: Any, cls: Any, value: Any, block: RProc | None = None) -> Any:
    """Regexp.try_convert(obj): the Regexp itself, or nil."""
    if isinstance(value, RRegexp):
        return value
    if is_object(value) and rt.responds_to(value, "to_regexp"):
        return rt.call(value, "to_regexp")
    return None


# --- Regexp instance methods -------------------------------------------------------------------


@_ruby_method(REGEXP, "=~")
def regexp_match_op(rt: Any, recv: RRegexp, other: Any, block: RProc | None = None) -> Any:
    """rx =~ str: the index of the first match, or nil; sets ``$~``."""
    s = _subject(rt, other)
    if s is None:
        rt.set_global("$~", None)
        return None
    md = search(rt, recv, s)
    return None if md is None else md.match.start()


@_ruby_method(REGEXP, "match")
def regexp_match(rt: Any, recv: RRegexp, other: Any, pos: Any = 0, block: RProc | None = None) -> Any:
    """rx.match(str, pos = 0) { |m| }: MatchData (or the block's value), nil when no match; sets ``$~``."""
    s = _subject(rt, other)
    if s is None:
        rt.set_global("$~", None)
        return None
    md = search(rt, recv, s, to_int(rt, pos))
    if md is not None and block is not None:
        return rt.call_block(block, md)
    return md


@_ruby_method(REGEXP, "match?")
def regexp_match_p(rt: Any, recv: RRegexp, other: Any, pos: Any = 0, block: RProc | None = None) -> bool:
    """rx.match?(str, pos = 0): whether it matches; leaves ``$~`` alone."""
    s = _subject(rt, other)
    if s is None:
        return False
    start = to_int(rt, pos)
    if start < 0:
        start += len(s)
        if start < 0:
            return False
    return start <= len(s) and recv.pattern.search(s, start) is not None


@_ruby_method(REGEXP, "===")
def regexp_case_eq(rt: Any, recv: RRegexp, other: Any, block: RProc | None = None) -> bool:
    """rx === obj (``when``): false for anything but Strings, Symbols and ``to_str`` objects; sets ``$~``."""
    if isinstance(other, RString):
        s = other.s
    elif type(other) is Symbol:
        s = other.name
    elif is_object(other) and rt.responds_to(other, "to_str"):
        s = str_arg(rt, other)
    else:
        rt.set_global("$~", None)
        return False
    return search(rt, recv, s) is not None


@_ruby_method(REGEXP, "~")
def regexp_tilde(rt: Any, recv: RRegexp, block: RProc | None = None) -> Any:
    """~rx: match against ``$_``."""
    line = rt.get_global("$_")
    if not isinstance(line, RString):
        rt.set_global("$~", None)
        return None
    md = search(rt, recv, line.s)
    return None if md is None else md.match.start()


@_ruby_method(REGEXP, "source")
def regexp_source(rt: Any, recv: RRegexp, block: RProc | None = None) -> RString:
    """The pattern text, as written."""
    return RString(recv.source)


def fixed_encoding(rx: RRegexp) -> bool:
    """Whether the pattern is tied to UTF-8: the u option, non-ASCII source text, or a ``\\u`` escape."""
    return bool(rx.options & FIXEDENCODING) or not rx.source.isascii() or _UNICODE_ESCAPE.search(rx.source) is not None


@_ruby_method(REGEXP, "options")
def regexp_options(rt: Any, recv: RRegexp, block: RProc | None = None) -> int:
    """The option bits (IGNORECASE 1, EXTENDED 2, MULTILINE 4, FIXEDENCODING 16, NOENCODING 32)."""
    return recv.options | (FIXEDENCODING if fixed_encoding(recv) else 0)


@_ruby_method(REGEXP, "casefold?")
def regexp_casefold(rt: Any, recv: RRegexp, block: RProc | None = None) -> bool:
    """Whether the i option is on."""
    return bool(recv.options & IGNORECASE)


@_ruby_method(REGEXP, "to_s")
def regexp_to_s_m(rt: Any, recv: RRegexp, block: RProc | None = None) -> RString:
    """``(?-mix:source)``."""
    return RString(regexp_to_s(recv))


@_ruby_method(REGEXP, "inspect")
def regexp_inspect_m(rt: Any, recv: RRegexp, block: RProc | None = None) -> RString:
    """``/source/flags``."""
    return RString(regexp_inspect(recv))


@_ruby_method(REGEXP, "==", "eql?")
def regexp_eq(rt: Any, recv: RRegexp, other: Any, block: RProc | None = None) -> bool:
    """Same source and options."""
    return isinstance(other, RRegexp) and recv.source == other.source and recv.options == other.options


@_ruby_method(REGEXP, "hash")
def regexp_hash(rt: Any, recv: RRegexp, block: RProc | None = None) -> int:
    """A hash of the source and options."""
    return hash(recv)


@_ruby_method(REGEXP, "names")
def regexp_names(rt: Any, recv: RRegexp, block: RProc | None = None) -> list[Any]:
    """The named groups' names."""
    return [RString(n) for n in group_names(recv)]


@_ruby_method(REGEXP, "named_captures")
def regexp_named_captures(rt: Any, recv: RRegexp, block: RProc | None = None) -> RHash:
    """``{"name" => [group number]}``."""
    return RHash({RString(n): [recv.pattern.groupindex[n]] for n in group_names(recv)})


@_ruby_method(REGEXP, "freeze")
def regexp_freeze(rt: Any, recv: RRegexp, block: RProc | None = None) -> RRegexp:
    """freeze: Regexps are never changed in place, so this is the Regexp itself."""
    return recv


@_ruby_method(REGEXP, "frozen?")
def regexp_frozen(rt: Any, recv: RRegexp, block: RProc | None = None) -> bool:
    """frozen?: true, as for every Regexp literal."""
    return True


@_ruby_method(REGEXP, "fixed_encoding?")
def regexp_fixed_encoding(rt: Any, recv: RRegexp, block: RProc | None = None) -> bool:
    """Whether the pattern is tied to its encoding."""
    return fixed_encoding(recv)


# --- MatchData ---------------------------------------------------------------------------------


@_ruby_method(MATCH_DATA, "new", "allocate", singleton=True)
def md_new(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> Any:
    """MatchData has no constructor: only matching makes one."""
    raise rt.error("NoMethodError", "undefined method `new' for MatchData:Class")


def _from_string_pattern(md: RMatch) -> bool:
    """Whether the match came from a search for a String (Ruby keeps no Regexp for it until asked)."""
    # A String pattern's Regexp (string.quoted_regexp) is the only one compiled without re.MULTILINE.
    return not md.regexp.pattern.flags & re.MULTILINE


def _group(md: RMatch, i: int) -> Any:
    g = md.match.group(i)
    return None if g is None else RString(g)


def _size(md: RMatch) -> int:
    return md.match.re.groups + 1


def nth(md: RMatch, i: int) -> Any:
    """Group ``i`` (negative counts back from the last group, never reaching the whole match); nil outside."""
    n = _size(md)
    if i >= n:
        return None
    if i < 0:
        i += n
        if i <= 0:
            return None
    return _group(md, i)


def _name_number(rt: Any, md: RMatch, ref: Any) -> int | None:
    """The group number a String or Symbol names (IndexError when unknown); None for other values."""
    if isinstance(ref, RString):
        name = ref.s
    elif type(ref) is Symbol:
        name = ref.name
    else:
        return None
    num = md.match.re.groupindex.get(name)
    if num is None:
        raise rt.error("IndexError", f"undefined group name reference: {name}")
    return num


def _backref(rt: Any, md: RMatch, ref: Any) -> int:
    """The group number for begin/end/offset: IndexError outside the groups."""
    num = _name_number(rt, md, ref)
    if num is None:
        num = to_int(rt, ref)
        if not 0 <= num < _size(md):
            raise rt.error("IndexError", f"index {num} out of matches")
    return num


def _to_a(md: RMatch) -> list[Any]:
    return [_group(md, i) for i in range(_size(md))]


def _subseq(md: RMatch, beg: int, count: int) -> list[Any]:
    n = _size(md)
    out = [_group(md, j) for j in range(beg, min(n, beg + count))]
    out.extend(None for _ in range(beg + count - max(beg, min(n, beg + count))))
    return out


def _aref(rt: Any, md: RMatch, args: tuple[Any, ...]) -> Any:
    if len(args) == 2:
        beg, count = to_int(rt, args[0]), to_int(rt, args[1])
        n = _size(md)
        if count < 0:
            return None
        if beg < 0:
            beg += n
            if beg < 0:
                return None
        elif beg > n:
            return None
        return _subseq(md, beg, min(count, n - beg))
    if len(args) != 1:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 1..2)")
    ref = args[0]
    if type(ref) is int:
        return nth(md, ref)
    num = _name_number(rt, md, ref)
    if num is not None:
        return nth(md, num)
    if type(ref) is RRange:
        span = range_span(rt, ref, _size(md), strict=False)
        return None if span is None else _subseq(md, *span)
    return nth(md, to_int(rt, ref))


@_ruby_method(MATCH_DATA, "[]")
def md_aref(rt: Any, recv: RMatch, *args: Any, block: RProc | None = None) -> Any:
    """m[i], m[name], m[start, len], m[range]."""
    return _aref(rt, recv, args)


@_ruby_method(MATCH_DATA, "values_at")
def md_values_at(rt: Any, recv: RMatch, *refs: Any, block: RProc | None = None) -> list[Any]:
    """m.values_at(*indexes_names_or_ranges)."""
    out: list[Any] = []
    for ref in refs:
        if type(ref) is int:
            out.append(nth(recv, ref))
            continue
        num = _name_number(rt, recv, ref)
        if num is not None:
            out.append(nth(recv, num))
        elif type(ref) is RRange:
            span = range_span(rt, ref, _size(recv), strict=True)
            if span is not None and span[1] > 0:
                out.extend(_subseq(recv, *span))
        else:
            out.append(nth(recv, to_int(rt, ref)))
    return out


@_ruby_method(MATCH_DATA, "to_a")
def md_to_a(rt: Any, recv: RMatch, block: RProc | None = None) -> list[Any]:
    """[whole match, groups...]."""
    return _to_a(recv)


@_ruby_method(MATCH_DATA, "captures")
def md_captures(rt: Any, recv: RMatch, block: RProc | None = None) -> list[Any]:
    """The groups (nil for those that did not take part)."""
    return _to_a(recv)[1:]


@_ruby_method(MATCH_DATA, "named_captures")
def md_named_captures(rt: Any, recv: RMatch, block: RProc | None = None) -> RHash:
    """``{"name" => text}`` for each named group."""
    return RHash({RString(n): _group(recv, recv.match.re.groupindex[n]) for n in group_names(recv.regexp)})


@_ruby_method(MATCH_DATA, "names")
def md_names(rt: Any, recv: RMatch, block: RProc | None = None) -> list[Any]:
    """The regexp's group names."""
    return [RString(n) for n in group_names(recv.regexp)]


@_ruby_method(MATCH_DATA, "pre_match")
def md_pre_match(rt: Any, recv: RMatch, block: RProc | None = None) -> RString:
    """The text before the match (``$```)."""
    return RString(recv.string[: recv.match.start()])


@_ruby_method(MATCH_DATA, "post_match")
def md_post_match(rt: Any, recv: RMatch, block: RProc | None = None) -> RString:
    """The text after the match (``$'``)."""
    return RString(recv.string[recv.match.end() :])


@_ruby_method(MATCH_DATA, "begin")
def md_begin(rt: Any, recv: RMatch, ref: Any, block: RProc | None = None) -> Any:
    """Where group ``ref`` starts (nil when it did not take part)."""
    start = recv.match.start(_backref(rt, recv, ref))
    return None if start < 0 else start


@_ruby_method(MATCH_DATA, "end")
def md_end(rt: Any, recv: RMatch, ref: Any, block: RProc | None = None) -> Any:
    """Where group ``ref`` ends (nil when it did not take part)."""
    end = recv.match.end(_backref(rt, recv, ref))
    return None if end < 0 else end


@_ruby_method(MATCH_DATA, "offset")
def md_offset(rt: Any, recv: RMatch, ref: Any, block: RProc | None = None) -> list[Any]:
    """[begin, end] of group ``ref``."""
    start, end = recv.match.span(_backref(rt, recv, ref))
    return [None, None] if start < 0 else [start, end]


@_ruby_method(MATCH_DATA, "match")
def md_match(rt: Any, recv: RMatch, ref: Any, block: RProc | None = None) -> Any:
    """The text of group ``ref`` (nil when it did not take part)."""
    return _group(recv, _backref(rt, recv, ref))


@_ruby_method(MATCH_DATA, "match_length")
def md_match_length(rt: Any, recv: RMatch, ref: Any, block: RProc | None = None) -> Any:
    """The length of group ``ref`` (nil when it did not take part)."""
    start, end = recv.match.span(_backref(rt, recv, ref))
    return None if start < 0 else end - start


@_ruby_method(MATCH_DATA, "size", "length")
def md_size(rt: Any, recv: RMatch, block: RProc | None = None) -> int:
    """The number of groups plus one."""
    return _size(recv)


@_ruby_method(MATCH_DATA, "string")
def md_string(rt: Any, recv: RMatch, block: RProc | None = None) -> RString:
    """The (frozen) text that was searched."""
    return RString(recv.string, frozen=True)


@_ruby_method(MATCH_DATA, "regexp")
def md_regexp(rt: Any, recv: RMatch, block: RProc | None = None) -> RRegexp:
    """The Regexp that matched (for a String pattern, made now, as Ruby makes it on first request)."""
    if _from_string_pattern(recv):
        recv.regexp = make_regexp(rt, recv.regexp.source, recv.regexp.options)
    return recv.regexp


@_ruby_method(MATCH_DATA, "to_s")
def md_to_s(rt: Any, recv: RMatch, block: RProc | None = None) -> RString:
    """The whole match (``$&``)."""
    return RString(recv.match.group(0))


@_ruby_method(MATCH_DATA, "inspect")
def md_inspect(rt: Any, recv: RMatch, block: RProc | None = None) -> RString:
    """``#<MatchData "1.2" 1:"1" name:"2">``; ``#<MatchData: b>`` after a search for a String pattern."""
    if _from_string_pattern(recv):
        return RString(f"#<MatchData: {recv.match.group(0)}>")
    names = {num: name for name, num in recv.match.re.groupindex.items()}
    parts = ["#<MatchData"]
    for i in range(_size(recv)):
        label = "" if i == 0 else f"{names.get(i, i)}:"
        g = _group(recv, i)
        parts.append(label + ("nil" if g is None else rt.inspect(g)))
    return RString(" ".join(parts) + ">")


def _same(a: RMatch, b: Any) -> bool:
    return (
        isinstance(b, RMatch)
        and a.string == b.string
        and a.regexp == b.regexp
        and _size(a) == _size(b)
        and all(a.match.span(i) == b.match.span(i) for i in range(_size(a)))
    )


@_ruby_method(MATCH_DATA, "==", "eql?")
def md_eq(rt: Any, recv: RMatch, other: Any, block: RProc | None = None) -> bool:
    """Same string, regexp and group positions."""
    return recv is other or _same(recv, other)


@_ruby_method(MATCH_DATA, "hash")
def md_hash(rt: Any, recv: RMatch, block: RProc | None = None) -> int:
    """A hash of the regexp, string and match position."""
    return hash((recv.regexp, recv.string, recv.match.span()))
