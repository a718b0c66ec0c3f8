"""String: Ruby's mutable text, with its indexing, searching, editing and conversion methods."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydrake.lazy_pattern import LazyPattern
from pydrake.runtime import rubyregex
from pydrake.runtime.classes import STRING, builtin, type_name
from pydrake.runtime.core.enumerable import make_enum
from pydrake.runtime.core.numeric import int_to_f, is_object, to_int
from pydrake.runtime.objects import RHash, RMatch, RProc, RRange, RRegexp, RString, Symbol, truthy

# --- conversions and checks --------------------------------------------------------------------




def str_arg(rt: Any, v: Any) -> str:
    """Ruby's implicit String conversion (``to_str``) of an argument, as Python text."""
    if isinstance(v, RString):
        return v.s
    if is_object(v) and rt.responds_to(v, "to_str"):
        r = rt.call(v, "to_str")
        if isinstance(r, RString):
            return r.s
    raise rt.error("TypeError", f"no implicit conversion of {type_name(v)} into String")


def check_frozen(rt: Any, recv: RString) -> None:
    """FrozenError "can't modify frozen String: \"abc\"" when ``recv`` is frozen."""
    if recv.frozen:
        raise rt.error("FrozenError", f"can't modify frozen String: {str_inspect(recv.s)}")


def _arity(rt: Any, args: tuple[Any, ...], lo: int, hi: int | None) -> None:
    n = len(args)
    if n < lo or (hi is not None and n > hi):
        want = f"{lo}+" if hi is None else str(lo) if lo == hi else f"{lo}..{hi}"
        raise rt.error("ArgumentError", f"wrong number of arguments (given {n}, expected {want})")


def _kwargs(args: tuple[Any, ...]) -> tuple[tuple[Any, ...], RHash | None]:
    if args and type(args[-1]) is RHash:
        return args[:-1], args[-1]
    return args, None


def _set(rt: Any, recv: RString, new: str) -> RString | None:
    """Store ``new`` in ``recv`` for a bang method: the receiver, or nil when nothing changed."""
    if new == recv.s:
        return None
    recv.s = new
    return recv


# --- inspect and dump --------------------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\f": "\\f",
    "\v": "\\v",
    "\b": "\\b",
    "\a": "\\a",
    "\x1b": "\\e",
}
_PLAIN_ASCII = re.compile(r"[ !$-\[\]-~]*\Z")  # printable ASCII without '"', '#' and '\'


def _printable(c: str) -> bool:
    o = ord(c)
    if 0x20 <= o < 0x7F:
        return True
    if o < 0xA0:
        return o == 0x85
    return unicodedata.category(c) not in ("Cn", "Cc", "Zl", "Zp", "Cs")


def _escape_code(c: str, unicode_form: bool) -> str:
    o = ord(c)
    if 0xDC80 <= o <= 0xDCFF:  # a raw byte kept by the surrogateescape error handler
        return f"\\x{o - 0xDC00:02X}"
    if not unicode_form:
        return f"\\x{o:02X}"
    return f"\\u{o:04X}" if o < 0x10000 else f"\\u{{{o:X}}}"


def str_inspect(s: str) -> str:
    """String#inspect: double-quoted with Ruby's escapes (``\\n``, ``\\e``, ``\\#{``, ``\\u0001``)."""
    if _PLAIN_ASCII.match(s):
        return f'"{s}"'
    out = ['"']
    n = len(s)
    for i, c in enumerate(s):
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif c == "#":
            out.append("\\#" if i + 1 < n and s[i + 1] in "{$@" else "#")
        elif _printable(c):
            out.append(c)
        else:
            out.append(_escape_code(c, True))
    out.append('"')
    return "".join(out)


def str_dump(s: str) -> str:
    """String#dump: like inspect but ASCII-only (``\\u00E9``, ``\\x01``)."""
    out = ['"']
    n = len(s)
    for i, c in enumerate(s):
        e = _ESCAPES.get(c)
        o = ord(c)
        if e is not None:
            out.append(e)
        elif c == "#":
            out.append("\\#" if i + 1 < n and s[i + 1] in "{$@" else "#")
        elif 0x20 <= o < 0x7F:
            out.append(c)
        else:
            out.append(_escape_code(c, o > 0x7F and not 0xDC80 <= o <= 0xDCFF))
    out.append('"')
    return "".join(out)


@builtin(STRING, "inspect")
def str_inspect_m(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """The double-quoted, escaped form ``p`` prints."""
    return RString(str_inspect(recv.s))


@builtin(STRING, "dump")
def str_dump_m(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """An ASCII-only double-quoted form."""
    return RString(str_dump(recv.s))


# --- regexps -----------------------------------------------------------------------------------

_QUOTED: dict[str, RRegexp] = {}


def regexp_escape(s: str) -> str:
    """Regexp.escape: backslash the metacharacters, name the control characters."""
    out = []
    for c in s:
        if c in ".*?+^$|()[]{}\\-#":
            out.append("\\" + c)
        elif c == " ":
            out.append("\\ ")
        elif c in "\n\t\r\f\v":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f", "\v": "\\v"}[c])
        else:
            out.append(c)
    return "".join(out)


def quoted_regexp(s: str) -> RRegexp:
    """A Regexp matching the literal text ``s`` (how a String pattern is searched)."""
    rx = _QUOTED.get(s)
    if rx is None:
        if len(_QUOTED) > 512:
            _QUOTED.clear()
        rx = _QUOTED[s] = RRegexp(regexp_escape(s), 0, re.compile(re.escape(s)))
    return rx


def regexp_from_string(rt: Any, s: str) -> RRegexp:
    """``Regexp.new(s)``: the String's text as a pattern (String#match, String#match?)."""
    try:
        return RRegexp(s, 0, rubyregex.translate(s, 0))
    except ValueError as e:
        raise rt.error("RegexpError", str(e)) from None


def _pattern(rt: Any, pat: Any) -> RRegexp:
    """A Regexp argument, or a String argument taken literally (sub, gsub, scan, split, index)."""
    if isinstance(pat, RRegexp):
        return pat
    if isinstance(pat, RString):
        return quoted_regexp(pat.s)
    if is_object(pat) and rt.responds_to(pat, "to_str"):
        return quoted_regexp(str_arg(rt, pat))
    raise rt.error("TypeError", f"wrong argument type {type_name(pat)} (expected Regexp)")


def set_last_match(rt: Any, m: re.Match[str] | None, rx: RRegexp, s: str) -> RMatch | None:
    """Record ``$~`` after a match attempt; the MatchData, or nil."""
    md = RMatch(m, rx, s) if m is not None else None
    rt.set_global("$~", md)
    return md


def each_match(rx: RRegexp, s: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """Successive matches as scan and gsub find them: an empty match advances one character."""
    pat = rx.pattern
    n = len(s)
    while pos <= n:
        m = pat.search(s, pos)
        if m is None:
            return
        yield m
        end = m.end()
        pos = end + 1 if end == m.start() else end


def _group_index(rt: Any, m: re.Match[str], ref: Any) -> int | str:
    if isinstance(ref, (RString, Symbol)):
        name = ref.s if isinstance(ref, RString) else ref.name
        if name not in m.re.groupindex:
            raise rt.error("IndexError", f"undefined group name reference: {name}")
        return name
    return to_int(rt, ref)


def _group_span(rt: Any, m: re.Match[str], ref: Any) -> tuple[int, int] | None:
    """The span of capture ``ref`` (number or name); None when absent or unmatched."""
    g = _group_index(rt, m, ref)
    if isinstance(g, int):
        ngroups = m.re.groups
        if g < 0:
            g += ngroups + 1
            if g <= 0:
                return None
        if g > ngroups:
            return None
    span = m.span(g)
    return None if span[0] < 0 else span


def expand_replacement(rt: Any, repl: str, m: re.Match[str]) -> str:
    """A sub/gsub replacement with ``\\0 \\& \\1..\\9 \\k<name> \\` \\' \\+ \\\\`` substituted."""
    try:
        return rubyregex.expand_replacement(repl, m)
    except IndexError as e:
        raise rt.error("IndexError", str(e)) from None
    except RuntimeError as e:
        raise rt.error("RuntimeError", str(e)) from None


def hash_fetch(rt: Any, h: RHash, key: Any) -> Any:
    """``h[key]`` honouring the Hash's default value or default block."""
    if key in h:
        return h[key]
    if h.default_proc is not None:
        return rt.call_block(h.default_proc, h, key)
    return h.default


def _substitute(rt: Any, recv: RString, args: tuple[Any, ...], block: RProc | None, every: bool) -> str | None:
    """The text after sub (one) or gsub (``every``) replacement; None when nothing matched."""
    if len(args) == 2:
        pat, repl = args
        if not isinstance(repl, RHash):
            repl = str_arg(rt, repl)
    elif len(args) == 1 and block is not None:
        pat, repl = args[0], None
    else:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 1..2)")
    rx = _pattern(rt, pat)
    s = recv.s
    out: list[str] = []
    last = 0
    lastm: re.Match[str] | None = None
    pos = 0
    n = len(s)
    pattern = rx.pattern
    while pos <= n:
        m = pattern.search(s, pos)
        if m is None:
            break
        lastm = m
        start, end = m.span()
        out.append(s[last:start])
        if repl is None:
            set_last_match(rt, m, rx, s)
            out.append(rt.to_s(rt.call_block(block, RString(m.group(0)))))  # type: ignore[arg-type]
        elif isinstance(repl, RHash):
            out.append(rt.to_s(hash_fetch(rt, repl, RString(m.group(0)))))
        else:
            out.append(expand_replacement(rt, repl, m))
        last = end
        if not every:
            break
        if start == end:
            if end >= n:
                break
            out.append(s[end])
            last = pos = end + 1
        else:
            pos = end
    set_last_match(rt, lastm, rx, s)
    if lastm is None:
        return None
    out.append(s[last:])
    return "".join(out)


@builtin(STRING, "sub")
def str_sub(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString:
    """A copy with the first match replaced (replacement string, hash, or block)."""
    r = _substitute(rt, recv, args, block, False)
    return RString(recv.s if r is None else r)


@builtin(STRING, "gsub")
def str_gsub(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> Any:
    """A copy with every match replaced (replacement string, hash, or block)."""
    if len(args) == 1 and block is None:
        return make_enum(recv, "gsub", *args)
    r = _substitute(rt, recv, args, block, True)
    return RString(recv.s if r is None else r)


@builtin(STRING, "sub!")
def str_sub_bang(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString | None:
    """Replace the first match in place; nil when nothing matched."""
    check_frozen(rt, recv)
    r = _substitute(rt, recv, args, block, False)
    if r is None:
        return None
    recv.s = r
    return recv


@builtin(STRING, "gsub!")
def str_gsub_bang(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString | None:
    """Replace every match in place; nil when nothing matched."""
    check_frozen(rt, recv)
    r = _substitute(rt, recv, args, block, True)
    if r is None:
        return None
    recv.s = r
    return recv


def _scan_item(m: re.Match[str]) -> Any:
    if m.re.groups == 0:
        return RString(m.group(0))
    return [None if g is None else RString(g) for g in m.groups()]


@builtin(STRING, "scan")
def str_scan(rt: Any, recv: RString, pat: Any, block: RProc | None = None) -> Any:
    """All matches (arrays of captures when the pattern has groups); with a block, yield each."""
    rx = _pattern(rt, pat)
    s = recv.s
    lastm = None
    if block is None:
        out = []
        for m in each_match(rx, s):
            lastm = m
            out.append(_scan_item(m))
        set_last_match(rt, lastm, rx, s)
        return out
    for m in each_match(rx, s):
        lastm = m
        set_last_match(rt, m, rx, s)
        rt.call_block(block, _scan_item(m))
    set_last_match(rt, lastm, rx, s)
    return recv


@builtin(STRING, "=~")
def str_match_op(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> Any:
    """Index of the first match of a Regexp (sets ``$~``), or nil."""
    if isinstance(other, RRegexp):
        m = other.pattern.search(recv.s)
        set_last_match(rt, m, other, recv.s)
        return None if m is None else m.start()
    if isinstance(other, RString):
        raise rt.error("TypeError", "type mismatch: String given")
    return rt.call(other, "=~", recv)


def _match_args(rt: Any, recv: RString, args: tuple[Any, ...]) -> tuple[RRegexp, int | None]:
    _arity(rt, args, 1, 2)
    pat = args[0]
    rx = pat if isinstance(pat, RRegexp) else regexp_from_string(rt, str_arg(rt, pat))
    pos = to_int(rt, args[1]) if len(args) > 1 else 0
    n = len(recv.s)
    if pos < 0:
        pos += n
        if pos < 0:
            return rx, None
    if pos > n:
        return rx, None
    return rx, pos


@builtin(STRING, "match")
def str_match(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> Any:
    """MatchData for the first match (a String pattern is a regexp source), or nil; sets ``$~``."""
    rx, pos = _match_args(rt, recv, args)
    m = None if pos is None else rx.pattern.search(recv.s, pos)
    md = set_last_match(rt, m, rx, recv.s)
    if md is not None and block is not None:
        return rt.call_block(block, md)
    return md


@builtin(STRING, "match?")
def str_match_p(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> bool:
    """Whether the pattern matches; leaves ``$~`` alone."""
    rx, pos = _match_args(rt, recv, args)
    return pos is not None and rx.pattern.search(recv.s, pos) is not None


# --- indexing ----------------------------------------------------------------------------------


def range_beg_len(rt: Any, rng: RRange, size: int) -> tuple[int, int] | None:
    """Start and length a Range selects in a sequence of ``size``; None when it starts outside."""
    beg = 0 if rng.first is None else to_int(rt, rng.first)
    end = size if rng.last is None else to_int(rt, rng.last)
    excl = rng.exclusive if rng.last is not None else True
    if beg < 0:
        beg += size
        if beg < 0:
            return None
    if beg > size:
        return None
    if end < 0:
        end += size
    if not excl:
        end += 1
    if end > size:
        end = size
    return beg, max(0, end - beg)


def _range_text(rt: Any, rng: RRange) -> str:
    first = "" if rng.first is None else rt.inspect(rng.first)
    last = "" if rng.last is None else rt.inspect(rng.last)
    return f"{first}{'...' if rng.exclusive else '..'}{last}"


def _locate(rt: Any, recv: RString, args: tuple[Any, ...]) -> tuple[int, int] | None:
    """The span ``str[...]`` selects (sets ``$~`` for a Regexp), or None when it selects nil."""
    s = recv.s
    n = len(s)
    a = args[0]
    if len(args) == 2:
        if isinstance(a, RRegexp):
            m = a.pattern.search(s)
            set_last_match(rt, m, a, s)
            if m is None:
                return None
            span = _group_span(rt, m, args[1])
            return None if span is None else (span[0], span[1] - span[0])
        start, length = to_int(rt, a), to_int(rt, args[1])
        if length < 0:
            return None
        if start < 0:
            start += n
            if start < 0:
                return None
        if start > n:
            return None
        return start, min(length, n - start)
    if len(args) != 1:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 1..2)")
    if type(a) is int or type(a) is float:
        i = to_int(rt, a)
        if i < 0:
            i += n
        return (i, 1) if 0 <= i < n else None
    if isinstance(a, RRange):
        return range_beg_len(rt, a, n)
    if isinstance(a, RRegexp):
        m = a.pattern.search(s)
        set_last_match(rt, m, a, s)
        return None if m is None else (m.start(), m.end() - m.start())
    if isinstance(a, RString):
        i = s.find(a.s)
        return None if i < 0 else (i, len(a.s))
    i = to_int(rt, a)
    if i < 0:
        i += n
    return (i, 1) if 0 <= i < n else None


@builtin(STRING, "[]", "slice")
def str_aref(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString | None:
    """Character, substring, range, regexp match (and capture) or substring lookup; nil when absent."""
    if not args:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..2)")
    span = _locate(rt, recv, args)
    if span is None:
        return None
    return RString(recv.s[span[0] : span[0] + span[1]])


@builtin(STRING, "slice!")
def str_slice_bang(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString | None:
    """Remove and return what ``[]`` would select; nil (and no change) when absent."""
    check_frozen(rt, recv)
    span = _locate(rt, recv, args)
    if span is None:
        return None
    start, length = span
    s = recv.s
    recv.s = s[:start] + s[start + length :]
    return RString(s[start : start + length])


def _update(rt: Any, recv: RString, beg: int, length: int, val: str) -> None:
    """Replace ``length`` characters at ``beg`` (Ruby's rb_str_update bounds rules)."""
    n = len(recv.s)
    if length < 0:
        raise rt.error("IndexError", f"negative length {length}")
    if n < beg:
        raise rt.error("IndexError", f"index {beg} out of string")
    if beg < 0:
        if beg + n < 0:
            raise rt.error("IndexError", f"index {beg} out of string")
        beg += n
    if n < beg + length:
        length = n - beg
    recv.s = recv.s[:beg] + val + recv.s[beg + length :]


@builtin(STRING, "[]=")
def str_aset(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> Any:
    """Replace the selected character, substring, range, match or capture; IndexError when absent."""
    _arity(rt, args, 2, 3)
    check_frozen(rt, recv)
    val = args[-1]
    text = str_arg(rt, val)
    a = args[0]
    s = recv.s
    if len(args) == 3:
        if isinstance(a, RRegexp):
            m = a.pattern.search(s)
            set_last_match(rt, m, a, s)
            if m is None:
                raise rt.error("IndexError", "regexp not matched")
            g = _group_index(rt, m, args[1])
            if isinstance(g, int) and not -m.re.groups - 1 < g <= m.re.groups:
                raise rt.error("IndexError", f"index {g} out of regexp")
            if isinstance(g, int) and g < 0:
                g += m.re.groups + 1
            start, end = m.span(g)
            if start < 0:
                raise rt.error("IndexError", f"regexp group {g} not matched")
            recv.s = s[:start] + text + s[end:]
            return val
        _update(rt, recv, to_int(rt, a), to_int(rt, args[1]), text)
        return val
    if isinstance(a, RRegexp):
        m = a.pattern.search(s)
        set_last_match(rt, m, a, s)
        if m is None:
            raise rt.error("IndexError", "regexp not matched")
        recv.s = s[: m.start()] + text + s[m.end() :]
        return val
    if isinstance(a, RString):
        i = s.find(a.s)
        if i < 0:
            raise rt.error("IndexError", "string not matched")
        recv.s = s[:i] + text + s[i + len(a.s) :]
        return val
    if isinstance(a, RRange):
        span = range_beg_len(rt, a, len(s))
        if span is None:
            raise rt.error("RangeError", f"{_range_text(rt, a)} out of range")
        _update(rt, recv, span[0], span[1], text)
        return val
    _update(rt, recv, to_int(rt, a), 1, text)
    return val


@builtin(STRING, "chr")
def str_chr(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """The first character."""
    return RString(recv.s[:1])


@builtin(STRING, "ord")
def str_ord(rt: Any, recv: RString, block: RProc | None = None) -> int:
    """Code point of the first character."""
    if not recv.s:
        raise rt.error("ArgumentError", "empty string")
    return ord(recv.s[0])


# --- searching ---------------------------------------------------------------------------------


@builtin(STRING, "index")
def str_index(rt: Any, recv: RString, sub: Any, *args: Any, block: RProc | None = None) -> int | None:
    """Index of the first occurrence of a String or Regexp at or after ``pos``, or nil."""
    _arity(rt, args, 0, 1)
    s = recv.s
    n = len(s)
    pos = to_int(rt, args[0]) if args else 0
    if pos < 0:
        pos += n
    if pos < 0 or pos > n:
        if isinstance(sub, RRegexp):
            rt.set_global("$~", None)
        return None
    if isinstance(sub, RRegexp):
        m = sub.pattern.search(s, pos)
        set_last_match(rt, m, sub, s)
        return None if m is None else m.start()
    i = s.find(str_arg(rt, sub), pos)
    return None if i < 0 else i


@builtin(STRING, "rindex")
def str_rindex(rt: Any, recv: RString, sub: Any, *args: Any, block: RProc | None = None) -> int | None:
    """Index of the last occurrence starting at or before ``pos``, or nil."""
    _arity(rt, args, 0, 1)
    s = recv.s
    n = len(s)
    pos = to_int(rt, args[0]) if args else n
    if pos < 0:
        pos += n
        if pos < 0:
            if isinstance(sub, RRegexp):
                rt.set_global("$~", None)
            return None
    if pos > n:
        pos = n
    if isinstance(sub, RRegexp):
        m = _search_backward(sub, s, pos)
        set_last_match(rt, m, sub, s)
        return None if m is None else m.start()
    text = str_arg(rt, sub)
    i = s.rfind(text, 0, pos + len(text))
    return None if i < 0 else i


def _search_backward(rx: RRegexp, s: str, pos: int) -> re.Match[str] | None:
    """The match starting nearest before (or at) ``pos``."""
    pat = rx.pattern
    for p in range(pos, -1, -1):
        m = pat.match(s, p)
        if m is not None:
            return m
    return None


@builtin(STRING, "include?")
def str_include(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> bool:
    """Whether ``other`` occurs in the String."""
    return str_arg(rt, other) in recv.s


@builtin(STRING, "start_with?")
def str_start_with(rt: Any, recv: RString, *prefixes: Any, block: RProc | None = None) -> bool:
    """Whether the String begins with any prefix (a Regexp must match at the start; sets ``$~``)."""
    s = recv.s
    for p in prefixes:
        if isinstance(p, RRegexp):
            if set_last_match(rt, p.pattern.match(s), p, s) is not None:
                return True
        elif s.startswith(str_arg(rt, p)):
            return True
    return False


@builtin(STRING, "end_with?")
def str_end_with(rt: Any, recv: RString, *suffixes: Any, block: RProc | None = None) -> bool:
    """Whether the String ends with any suffix."""
    s = recv.s
    return any(s.endswith(str_arg(rt, x)) for x in suffixes)


@builtin(STRING, "partition")
def str_partition(rt: Any, recv: RString, sep: Any, block: RProc | None = None) -> list[RString]:
    """[before, match, after] around the first occurrence; [self, "", ""] when absent."""
    s = recv.s
    if isinstance(sep, RRegexp):
        m = sep.pattern.search(s)
        set_last_match(rt, m, sep, s)
        if m is None:
            return [RString(s), RString(""), RString("")]
        return [RString(s[: m.start()]), RString(m.group(0)), RString(s[m.end() :])]
    text = str_arg(rt, sep)
    i = s.find(text)
    if i < 0:
        return [RString(s), RString(""), RString("")]
    return [RString(s[:i]), RString(text), RString(s[i + len(text) :])]


@builtin(STRING, "rpartition")
def str_rpartition(rt: Any, recv: RString, sep: Any, block: RProc | None = None) -> list[RString]:
    """[before, match, after] around the last occurrence; ["", "", self] when absent."""
    s = recv.s
    if isinstance(sep, RRegexp):
        m = _search_backward(sep, s, len(s))
        set_last_match(rt, m, sep, s)
        if m is None:
            return [RString(""), RString(""), RString(s)]
        return [RString(s[: m.start()]), RString(m.group(0)), RString(s[m.end() :])]
    text = str_arg(rt, sep)
    i = s.rfind(text)
    if i < 0:
        return [RString(""), RString(""), RString(s)]
    return [RString(s[:i]), RString(text), RString(s[i + len(text) :])]


# --- splitting and iterating -------------------------------------------------------------------

_AWK_SPACE = " \t\n\v\f\r"


def _split_awk(s: str, lim: int | None) -> tuple[list[str], int]:
    out: list[str] = []
    i, n = 1, len(s)
    beg = end = 0
    skip = True
    p = 0
    while p < n:
        c = s[p]
        p += 1
        if skip:
            if c in _AWK_SPACE:
                beg = p
            else:
                end = p
                skip = False
                if lim is not None and lim <= i:
                    break
        elif c in _AWK_SPACE:
            out.append(s[beg:end])
            skip = True
            beg = p
            if lim is not None:
                i += 1
        else:
            end = p
    return out, beg


def _split_string(s: str, sep: str, lim: int | None) -> tuple[list[str], int]:
    out: list[str] = []
    i = 1
    start = 0
    n = len(s)
    while start < n:
        j = s.find(sep, start)
        if j < 0:
            break
        out.append(s[start:j])
        start = j + len(sep)
        i += 1
        if lim is not None and lim <= i:
            break
    return out, start


def _split_chars(s: str, lim: int | None) -> tuple[list[str], int]:
    out: list[str] = []
    i = 1
    p = 0
    while p < len(s):
        out.append(s[p])
        p += 1
        i += 1
        if lim is not None and lim <= i:
            break
    return out, p


def _split_regexp(s: str, rx: RRegexp, lim: int | None) -> tuple[list[str], int, re.Match[str] | None]:
    out: list[str] = []
    n = len(s)
    pat = rx.pattern
    i = 1
    beg = start = 0
    last_null = False
    while True:
        m = pat.search(s, start) if start <= n else None
        if m is None:
            break
        mbeg, mend = m.span()
        if start == mbeg and mbeg == mend:
            if not s:
                out.append("")
                break
            if last_null:
                out.append(s[beg : beg + 1])
                beg = start
            else:
                start += 1
                last_null = True
                continue
        else:
            out.append(s[beg:mbeg])
            beg = start = mend
        last_null = False
        for g in range(1, m.re.groups + 1):
            gs, ge = m.span(g)
            if gs < 0:
                continue
            out.append(s[gs:ge])
        i += 1
        if lim is not None and lim <= i:
            break
    return out, beg, m


def split(rt: Any, s: str, pat: Any = None, limit: int = 0) -> list[str]:
    """String#split as Python strings: awk-style on nil/" ", literal String, or Regexp."""
    lim: int | None = None
    if limit > 0:
        if limit == 1:
            return [s] if s else []
        lim = limit
    if pat is None or (isinstance(pat, RString) and pat.s == " "):
        parts, beg = _split_awk(s, lim)
    elif isinstance(pat, RRegexp):
        parts, beg, last = _split_regexp(s, pat, lim)
        set_last_match(rt, last, pat, s)
    else:
        if not isinstance(pat, RString) and not is_object(pat):
            raise rt.error("TypeError", f"wrong argument type {type_name(pat)} (expected Regexp)")
        sep = str_arg(rt, pat)
        parts, beg = _split_chars(s, lim) if sep == "" else _split_string(s, sep, lim)
    n = len(s)
    if n > 0 and (lim is not None or n > beg or limit < 0):
        parts.append(s[beg:])
    if lim is None and limit == 0:
        while parts and parts[-1] == "":
            parts.pop()
    return parts


@builtin(STRING, "split")
def str_split(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> Any:
    """Split on whitespace (nil or " "), a literal String, or a Regexp (captures included)."""
    _arity(rt, args, 0, 2)
    pat = args[0] if args else None
    limit = to_int(rt, args[1]) if len(args) > 1 else 0
    parts = [RString(p) for p in split(rt, recv.s, pat, limit)]
    if block is None:
        return parts
    for p in parts:
        rt.call_block(block, p)
    return recv


def lines(s: str, sep: str | None = "\n", chomp: bool = False) -> list[str]:
    """The lines of ``s`` with their terminators (removed when ``chomp``); "" is paragraph mode."""
    if sep is None:
        return [s] if s else []
    out: list[str] = []
    n = len(s)
    if sep == "":
        p = 0
        while p < n:
            q = s.find("\n\n", p)
            if q < 0:
                out.append(s[p:])
                break
            end = q + 2
            out.append(s[p:q] if chomp else s[p:end])
            while end < n and s[end] == "\n":
                end += 1
            p = end
        return out
    p = 0
    while p < n:
        q = s.find(sep, p)
        if q < 0:
            out.append(s[p:])
            break
        end = q + len(sep)
        if chomp:
            piece = s[p:q]
            if sep == "\n" and piece.endswith("\r"):
                piece = piece[:-1]
            out.append(piece)
        else:
            out.append(s[p:end])
        p = end
    return out


def _lines_args(rt: Any, args: tuple[Any, ...]) -> tuple[str | None, bool]:
    pos, opts = _kwargs(args)
    _arity(rt, pos, 0, 1)
    sep: str | None = "\n"
    if pos:
        sep = None if pos[0] is None else str_arg(rt, pos[0])
    chomp = bool(opts and truthy(opts.get(Symbol.of("chomp"))))
    return sep, chomp


@builtin(STRING, "lines")
def str_lines(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> list[RString]:
    """The lines, each keeping its newline unless ``chomp: true``."""
    sep, chomp = _lines_args(rt, args)
    out = [RString(x) for x in lines(recv.s, sep, chomp)]
    if block is not None:
        for line in out:
            rt.call_block(block, line)
    return out


@builtin(STRING, "each_line")
def str_each_line(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> Any:
    """Yield each line (an Enumerator without a block)."""
    sep, chomp = _lines_args(rt, args)
    if block is None:
        return make_enum(recv, "each_line", *args)
    for line in [RString(x) for x in lines(recv.s, sep, chomp)]:
        rt.call_block(block, line)
    return recv


def _each(rt: Any, recv: RString, meth: str, items: list[Any], block: RProc | None) -> Any:
    if block is None:
        return make_enum(recv, meth)
    for x in items:
        rt.call_block(block, x)
    return recv


def _utf8(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


@builtin(STRING, "chars")
def str_chars(rt: Any, recv: RString, block: RProc | None = None) -> list[RString]:
    """The characters as one-character Strings."""
    return [RString(c) for c in recv.s]


@builtin(STRING, "each_char")
def str_each_char(rt: Any, recv: RString, block: RProc | None = None) -> Any:
    """Yield each character (an Enumerator without a block)."""
    return _each(rt, recv, "each_char", [RString(c) for c in recv.s], block)


@builtin(STRING, "bytes")
def str_bytes(rt: Any, recv: RString, block: RProc | None = None) -> list[int]:
    """The UTF-8 bytes."""
    return list(_utf8(recv.s))


@builtin(STRING, "each_byte")
def str_each_byte(rt: Any, recv: RString, block: RProc | None = None) -> Any:
    """Yield each UTF-8 byte (an Enumerator without a block)."""
    return _each(rt, recv, "each_byte", list(_utf8(recv.s)), block)


@builtin(STRING, "codepoints")
def str_codepoints(rt: Any, recv: RString, block: RProc | None = None) -> list[int]:
    """The code points."""
    return [ord(c) for c in recv.s]


@builtin(STRING, "each_codepoint")
def str_each_codepoint(rt: Any, recv: RString, block: RProc | None = None) -> Any:
    """Yield each code point (an Enumerator without a block)."""
    return _each(rt, recv, "each_codepoint", [ord(c) for c in recv.s], block)


@builtin(STRING, "bytesize")
def str_bytesize(rt: Any, recv: RString, block: RProc | None = None) -> int:
    """Length in UTF-8 bytes."""
    return len(_utf8(recv.s))


@builtin(STRING, "getbyte")
def str_getbyte(rt: Any, recv: RString, i: Any, block: RProc | None = None) -> int | None:
    """The byte at index ``i``, or nil."""
    b = _utf8(recv.s)
    i = to_int(rt, i)
    if i < 0:
        i += len(b)
    return b[i] if 0 <= i < len(b) else None


@builtin(STRING, "sum")
def str_sum(rt: Any, recv: RString, bits: Any = 16, block: RProc | None = None) -> int:
    """A simple checksum: the byte sum modulo 2**bits."""
    total = sum(_utf8(recv.s))
    bits = to_int(rt, bits)
    return total & ((1 << bits) - 1) if bits > 0 else total


# --- length, comparison, identity --------------------------------------------------------------


@builtin(STRING, "length", "size")
def str_length(rt: Any, recv: RString, block: RProc | None = None) -> int:
    """Number of characters."""
    return len(recv.s)


@builtin(STRING, "empty?")
def str_empty(rt: Any, recv: RString, block: RProc | None = None) -> bool:
    """Whether the String has no characters."""
    return not recv.s


@builtin(STRING, "==", "===")
def str_eq(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> bool:
    """Same text (an object with ``to_str`` is asked ``other == self``)."""
    if isinstance(other, RString):
        return other.s == recv.s
    if is_object(other) and rt.responds_to(other, "to_str"):
        return truthy(rt.call(other, "==", recv))
    return False


@builtin(STRING, "eql?")
def str_eql(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> bool:
    """Same text, and both are Strings."""
    return isinstance(other, RString) and other.s == recv.s


@builtin(STRING, "hash")
def str_hash(rt: Any, recv: RString, block: RProc | None = None) -> int:
    """A hash code that follows the text."""
    return hash(recv.s)


@builtin(STRING, "<=>")
def str_cmp(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> int | None:
    """Byte-order comparison: -1, 0, 1; nil for a non-String."""
    if not isinstance(other, RString):
        return None
    a, b = recv.s, other.s
    return (a > b) - (a < b)


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
_ASCII_UPPER = {c: c - 32 for c in range(97, 123)}


@builtin(STRING, "casecmp")
def str_casecmp(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> int | None:
    """Comparison ignoring ASCII case; nil for a non-String."""
    if not isinstance(other, RString):
        return None
    a, b = recv.s.translate(_ASCII_LOWER), other.s.translate(_ASCII_LOWER)
    return (a > b) - (a < b)


@builtin(STRING, "casecmp?")
def str_casecmp_p(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> bool | None:
    """Equality after Unicode case folding; nil for a non-String."""
    if not isinstance(other, RString):
        return None
    return recv.s.casefold() == other.s.casefold()


@builtin(STRING, "freeze")
def str_freeze(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """Make the String immutable; returns it."""
    recv.frozen = True
    return recv


@builtin(STRING, "frozen?")
def str_frozen(rt: Any, recv: RString, block: RProc | None = None) -> bool:
    """Whether the String is frozen."""
    return recv.frozen


@builtin(STRING, "dup")
def str_dup(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """An unfrozen copy."""
    return RString(recv.s)


@builtin(STRING, "+@")
def str_uplus(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """The String itself when mutable, else an unfrozen copy."""
    return RString(recv.s) if recv.frozen else recv


@builtin(STRING, "-@", "dedup")
def str_uminus(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """The String itself when frozen, else a frozen copy."""
    return recv if recv.frozen else RString(recv.s, frozen=True)


@builtin(STRING, "clone")
def str_clone(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString:
    """A copy that keeps the frozen state (unless ``freeze: false``)."""
    _, opts = _kwargs(args)
    frozen = recv.frozen
    if opts is not None and Symbol.of("freeze") in opts:
        f = opts[Symbol.of("freeze")]
        frozen = recv.frozen if f is None else bool(truthy(f))
    return RString(recv.s, frozen=frozen)


@builtin(STRING, "to_s", "to_str")
def str_to_s(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """The String itself."""
    return recv


@builtin(STRING, "to_sym", "intern")
def str_to_sym(rt: Any, recv: RString, block: RProc | None = None) -> Symbol:
    """The Symbol with this name."""
    return Symbol.of(recv.s)


# --- numeric conversion ------------------------------------------------------------------------


def _digit(c: str) -> int:
    o = ord(c)
    if 48 <= o <= 57:
        return o - 48
    if 97 <= o <= 122:
        return o - 87
    if 65 <= o <= 90:
        return o - 55
    return 99


# Base 0 detects a prefix (0x 0b 0o 0d, or a leading 0 for octal); a negative base is that
# base unless a prefix says otherwise (String#oct uses -8).
def str_to_inum(s: str, base: int, badcheck: bool) -> int | None:
    """Ruby's String-to-Integer parser (sign, base prefix, ``_`` separators); None when ``badcheck`` fails."""
    i, n = 0, len(s)
    while i < n and s[i] in _AWK_SPACE:
        i += 1
    neg = False
    if i < n and s[i] in "+-":
        neg = s[i] == "-"
        i += 1
    nxt = s[i + 1].lower() if i + 1 < n and s[i] == "0" else ""
    if base <= 0:
        if nxt:
            prefixed = {"x": 16, "b": 2, "o": 8, "d": 10}.get(nxt)
            if prefixed is not None:
                base = prefixed
                i += 2
            else:
                base = 8
        else:
            base = -base if base < -1 else 10
    elif (base, nxt) in ((16, "x"), (2, "b"), (8, "o"), (10, "d")):
        i += 2
    digits: list[str] = []
    underscore = False
    while i < n:
        c = s[i]
        if c == "_":
            if underscore or not digits:
                break
            underscore = True
            i += 1
            continue
        if _digit(c) >= base:
            break
        digits.append(c)
        underscore = False
        i += 1
    if badcheck:
        if not digits or underscore:
            return None
        while i < n and s[i] in _AWK_SPACE:
            i += 1
        if i < n:
            return None
    if not digits:
        return 0
    v = int("".join(digits), base)
    return -v if neg else v


_FLOAT_PREFIX = LazyPattern(r"[ \t\n\v\f\r]*([+-]?)(\d+(?:_\d+)*)?(?:\.(\d+(?:_\d+)*))?(?:[eE]([+-]?\d+(?:_\d+)*))?")
_FLOAT_STRICT = LazyPattern(
    r"[ \t\n\v\f\r]*([+-]?)(?=\.?\d)(\d+(?:_\d+)*)?(?:\.(\d+(?:_\d+)*))?(?:[eE]([+-]?\d+(?:_\d+)*))?[ \t\n\v\f\r]*\Z"
)


def _float_from_parts(sign: str, ip: str | None, fp: str | None, ep: str | None) -> float:
    text = f"{sign}{ip or '0'}.{fp or '0'}e{ep or '0'}".replace("_", "")
    return float(text)


def str_to_f(s: str) -> float:
    """String#to_f: the longest leading decimal number, 0.0 when there is none."""
    m = _FLOAT_PREFIX.match(s)
    if m is None or (m.group(2) is None and m.group(3) is None):
        return 0.0
    return _float_from_parts(*m.groups())


def str_to_f_strict(rt: Any, s: str) -> float:
    """Kernel#Float on a String: the whole text must be a number (hex Integers allowed)."""
    m = _FLOAT_STRICT.match(s)
    if m is not None:
        return _float_from_parts(*m.groups())
    stripped = s.strip(_AWK_SPACE)
    if stripped[:1] in "+-":
        body = stripped[1:]
    else:
        body = stripped
    if body[:2].lower() == "0x":
        v = str_to_inum(s, 16, True)
        if v is not None:
            return int_to_f(v)
    raise rt.error("ArgumentError", f"invalid value for Float(): {str_inspect(s)}")


@builtin(STRING, "to_i")
def str_to_i(rt: Any, recv: RString, base: Any = 10, block: RProc | None = None) -> int:
    """The leading Integer in ``base`` (0 when there is none)."""
    base = to_int(rt, base)
    if base < 0 or base == 1 or base > 36:
        raise rt.error("ArgumentError", f"invalid radix {base}")
    return str_to_inum(recv.s, base, False) or 0


@builtin(STRING, "to_f")
def str_to_f_m(rt: Any, recv: RString, block: RProc | None = None) -> float:
    """The leading decimal number as a Float (0.0 when there is none)."""
    return str_to_f(recv.s)


@builtin(STRING, "hex")
def str_hex(rt: Any, recv: RString, block: RProc | None = None) -> int:
    """The leading hexadecimal number (optional sign and 0x)."""
    return str_to_inum(recv.s, 16, False) or 0


@builtin(STRING, "oct")
def str_oct(rt: Any, recv: RString, block: RProc | None = None) -> int:
    """The leading octal number (0x, 0b, 0o prefixes switch base)."""
    return str_to_inum(recv.s, -8, False) or 0


# --- building and editing ----------------------------------------------------------------------


@builtin(STRING, "+")
def str_plus(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> RString:
    """Concatenation into a new String."""
    return RString(recv.s + str_arg(rt, other))


@builtin(STRING, "*")
def str_times(rt: Any, recv: RString, n: Any, block: RProc | None = None) -> RString:
    """The String repeated ``n`` times."""
    n = to_int(rt, n)
    if n < 0:
        raise rt.error("ArgumentError", "negative argument")
    return RString(recv.s * n)


def _append_arg(rt: Any, v: Any) -> str:
    if type(v) is int:
        if v < 0:
            raise rt.error("RangeError", f"{v} out of char range")
        if v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
            raise rt.error("RangeError", f"invalid codepoint 0x{v:X} in UTF-8")
        return chr(v)
    return str_arg(rt, v)


@builtin(STRING, "<<")
def str_append(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> RString:
    """Append in place (an Integer appends that code point); returns the receiver."""
    check_frozen(rt, recv)
    recv.s += _append_arg(rt, other)
    return recv


@builtin(STRING, "concat")
def str_concat(rt: Any, recv: RString, *others: Any, block: RProc | None = None) -> RString:
    """Append each argument in place."""
    check_frozen(rt, recv)
    recv.s += "".join([_append_arg(rt, o) for o in others])
    return recv


@builtin(STRING, "prepend")
def str_prepend(rt: Any, recv: RString, *others: Any, block: RProc | None = None) -> RString:
    """Insert the arguments at the front in place."""
    check_frozen(rt, recv)
    recv.s = "".join([str_arg(rt, o) for o in others]) + recv.s
    return recv


@builtin(STRING, "insert")
def str_insert(rt: Any, recv: RString, index: Any, other: Any, block: RProc | None = None) -> RString:
    """Insert ``other`` before ``index`` (after it when negative)."""
    check_frozen(rt, recv)
    pos = to_int(rt, index)
    text = str_arg(rt, other)
    if pos == -1:
        recv.s += text
        return recv
    if pos < 0:
        pos += 1
    _update(rt, recv, pos, 0, text)
    return recv


@builtin(STRING, "replace", "initialize_copy")
def str_replace(rt: Any, recv: RString, other: Any, block: RProc | None = None) -> RString:
    """Replace the whole content in place."""
    check_frozen(rt, recv)
    recv.s = str_arg(rt, other)
    return recv


@builtin(STRING, "clear")
def str_clear(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """Empty the String in place."""
    check_frozen(rt, recv)
    recv.s = ""
    return recv


def _justify(rt: Any, recv: RString, width: Any, pad: Any, where: str) -> RString:
    w = to_int(rt, width)
    p = " " if pad is None else str_arg(rt, pad)
    if not p:
        raise rt.error("ArgumentError", "zero width padding")
    s = recv.s
    n = w - len(s)
    if n <= 0:
        return RString(s)

    def fill(k: int) -> str:
        return (p * (k // len(p) + 1))[:k]

    if where == "l":
        return RString(s + fill(n))
    if where == "r":
        return RString(fill(n) + s)
    left = n // 2
    return RString(fill(left) + s + fill(n - left))


@builtin(STRING, "ljust")
def str_ljust(rt: Any, recv: RString, width: Any, pad: Any = None, block: RProc | None = None) -> RString:
    """Left-justified in ``width``, padded with ``pad``."""
    return _justify(rt, recv, width, pad, "l")


@builtin(STRING, "rjust")
def str_rjust(rt: Any, recv: RString, width: Any, pad: Any = None, block: RProc | None = None) -> RString:
    """Right-justified in ``width``, padded with ``pad``."""
    return _justify(rt, recv, width, pad, "r")


@builtin(STRING, "center")
def str_center(rt: Any, recv: RString, width: Any, pad: Any = None, block: RProc | None = None) -> RString:
    """Centered in ``width`` (the extra padding character goes right)."""
    return _justify(rt, recv, width, pad, "c")


# --- transformations with bang forms -----------------------------------------------------------
# Each transformation is a Python function of the text; the plain method returns a new String,
# the bang method stores the result and answers nil when the text did not change.

_STRIP = "\x00\t\n\v\f\r "


def ascii_option(args: tuple[Any, ...]) -> bool:
    return any(isinstance(a, Symbol) and a.name == "ascii" for a in args)


def upcase(s: str, ascii_only: bool = False) -> str:
    """Upper case (full Unicode mapping unless ``ascii_only``)."""
    return s.translate(_ASCII_UPPER) if ascii_only else s.upper()


def downcase(s: str, ascii_only: bool = False) -> str:
    """Lower case."""
    return s.translate(_ASCII_LOWER) if ascii_only else s.lower()


def capitalize(s: str, ascii_only: bool = False) -> str:
    """First character title case, the rest lower case."""
    if ascii_only:
        return s[:1].translate(_ASCII_UPPER) + s[1:].translate(_ASCII_LOWER)
    return s.capitalize()


def swapcase(s: str, ascii_only: bool = False) -> str:
    """Upper case to lower and lower to upper."""
    if ascii_only:
        return "".join(c.translate(_ASCII_UPPER) if "a" <= c <= "z" else c.translate(_ASCII_LOWER) for c in s)
    return s.swapcase()


def _case_method(name: str, fn: Callable[[str, bool], str]) -> None:
    def plain(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString:
        return RString(fn(recv.s, ascii_option(args)))

    def bang(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString | None:
        check_frozen(rt, recv)
        return _set(rt, recv, fn(recv.s, ascii_option(args)))

    plain.__doc__ = fn.__doc__
    bang.__doc__ = f"{name} in place; nil when unchanged."
    builtin(STRING, name)(plain)
    builtin(STRING, name + "!")(bang)


_case_method("upcase", upcase)
_case_method("downcase", downcase)
_case_method("capitalize", capitalize)
_case_method("swapcase", swapcase)


def chomp(s: str, sep: str | None = "\n") -> str:
    """Remove one trailing line terminator (or ``sep``; "" removes all trailing newlines)."""
    if sep is None or not s:
        return s
    if sep == "\n":
        if s.endswith("\r\n"):
            return s[:-2]
        if s[-1] in "\n\r":
            return s[:-1]
        return s
    if sep == "":
        while True:
            if s.endswith("\r\n"):
                s = s[:-2]
            elif s.endswith("\n"):
                s = s[:-1]
            else:
                return s
    return s[: -len(sep)] if s.endswith(sep) else s


def chop(s: str) -> str:
    """Remove the last character (both of a trailing CR LF)."""
    if s.endswith("\r\n"):
        return s[:-2]
    return s[:-1]


def _chomp_sep(rt: Any, args: tuple[Any, ...]) -> str | None:
    _arity(rt, args, 0, 1)
    if not args:
        return "\n"
    return None if args[0] is None else str_arg(rt, args[0])


@builtin(STRING, "chomp")
def str_chomp(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString:
    """A copy without the trailing line terminator (or suffix)."""
    return RString(chomp(recv.s, _chomp_sep(rt, args)))


@builtin(STRING, "chomp!")
def str_chomp_bang(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString | None:
    """chomp in place; nil when unchanged."""
    check_frozen(rt, recv)
    return _set(rt, recv, chomp(recv.s, _chomp_sep(rt, args)))


@builtin(STRING, "chop")
def str_chop(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """A copy without the last character."""
    return RString(chop(recv.s))


@builtin(STRING, "chop!")
def str_chop_bang(rt: Any, recv: RString, block: RProc | None = None) -> RString | None:
    """chop in place; nil when the String was empty."""
    check_frozen(rt, recv)
    return _set(rt, recv, chop(recv.s))


def _simple(name: str, fn: Callable[[str], str], doc: str) -> None:
    def plain(rt: Any, recv: RString, block: RProc | None = None) -> RString:
        return RString(fn(recv.s))

    def bang(rt: Any, recv: RString, block: RProc | None = None) -> RString | None:
        check_frozen(rt, recv)
        return _set(rt, recv, fn(recv.s))

    plain.__doc__ = doc
    bang.__doc__ = f"{name} in place; nil when unchanged."
    builtin(STRING, name)(plain)
    builtin(STRING, name + "!")(bang)


_simple("strip", lambda s: s.strip(_STRIP), "Without leading and trailing whitespace and NULs.")
_simple("lstrip", lambda s: s.lstrip(_STRIP), "Without leading whitespace.")
_simple("rstrip", lambda s: s.rstrip(_STRIP), "Without trailing whitespace and NULs.")
_simple("reverse", lambda s: s[::-1], "The characters in reverse order.")


def _affix(name: str, fn: Callable[[str, str], str], doc: str) -> None:
    def plain(rt: Any, recv: RString, affix: Any, block: RProc | None = None) -> RString:
        return RString(fn(recv.s, str_arg(rt, affix)))

    def bang(rt: Any, recv: RString, affix: Any, block: RProc | None = None) -> RString | None:
        check_frozen(rt, recv)
        return _set(rt, recv, fn(recv.s, str_arg(rt, affix)))

    plain.__doc__ = doc
    bang.__doc__ = f"{name} in place; nil when unchanged."
    builtin(STRING, name)(plain)
    builtin(STRING, name + "!")(bang)


_affix("delete_prefix", lambda s, p: s[len(p) :] if p and s.startswith(p) else s, "Without the leading ``prefix``.")
_affix("delete_suffix", lambda s, p: s[: -len(p)] if p and s.endswith(p) else s, "Without the trailing ``suffix``.")


# --- character sets: tr, delete, squeeze, count -------------------------------------------------


def _tr_chars(rt: Any, spec: str, allow_negate: bool = True) -> tuple[bool, list[str]]:
    """Expand a tr-style character spec (``a-z``, ``\\-``, leading ``^``) to (negated, characters)."""
    neg = allow_negate and len(spec) > 1 and spec[0] == "^"
    if neg:
        spec = spec[1:]
    out: list[str] = []
    i, n = 0, len(spec)
    while i < n:
        c = spec[i]
        if c == "\\" and i + 1 < n:
            i += 1
            c = spec[i]
        i += 1
        if i + 1 < n and spec[i] == "-":
            hi = spec[i + 1]
            if ord(hi) < ord(c):
                if ord(c) < 0x80 and ord(hi) < 0x80:
                    raise rt.error("ArgumentError", f'invalid range "{c}-{hi}" in string transliteration')
                raise rt.error("ArgumentError", "invalid range in string transliteration")
            out.extend(chr(o) for o in range(ord(c), ord(hi) + 1))
            i += 2
        else:
            out.append(c)
    return neg, out


def _charset(rt: Any, specs: tuple[Any, ...]) -> Callable[[str], bool]:
    """Membership test for the intersection of tr-style character specs."""
    sets = []
    for spec in specs:
        neg, chars = _tr_chars(rt, str_arg(rt, spec))
        sets.append((neg, frozenset(chars)))
    if len(sets) == 1:
        neg, cs = sets[0]
        return (lambda c: c not in cs) if neg else cs.__contains__
    return lambda c: all((c in cs) != neg for neg, cs in sets)


def tr(rt: Any, s: str, src: str, dst: str, squeeze: bool = False) -> str:
    """String#tr (``squeeze`` for tr_s): map characters of ``src`` to ``dst``."""
    neg, frm = _tr_chars(rt, src)
    if not dst:
        member = _charset(rt, (RString(src),))
        return "".join(c for c in s if not member(c))
    _, to = _tr_chars(rt, dst, allow_negate=False)
    out: list[str] = []
    last: str | None = None
    if neg:
        fset = frozenset(frm)
        fill = to[-1]
        for c in s:
            if c in fset:
                out.append(c)
                last = None
            elif not (squeeze and last == fill):
                out.append(fill)
                last = fill
        return "".join(out)
    table: dict[str, str] = {}
    for i, c in enumerate(frm):
        table[c] = to[i] if i < len(to) else to[-1]
    for c in s:
        t = table.get(c)
        if t is None:
            out.append(c)
            last = None
        elif not (squeeze and last == t):
            out.append(t)
            last = t
    return "".join(out)


def _tr_method(name: str, squeeze: bool) -> None:
    def plain(rt: Any, recv: RString, src: Any, dst: Any, block: RProc | None = None) -> RString:
        return RString(tr(rt, recv.s, str_arg(rt, src), str_arg(rt, dst), squeeze))

    def bang(rt: Any, recv: RString, src: Any, dst: Any, block: RProc | None = None) -> RString | None:
        check_frozen(rt, recv)
        return _set(rt, recv, tr(rt, recv.s, str_arg(rt, src), str_arg(rt, dst), squeeze))

    plain.__doc__ = "Translate characters" + (", squeezing runs of translated ones." if squeeze else ".")
    bang.__doc__ = f"{name} in place; nil when unchanged."
    builtin(STRING, name)(plain)
    builtin(STRING, name + "!")(bang)


_tr_method("tr", False)
_tr_method("tr_s", True)


def _delete(rt: Any, s: str, specs: tuple[Any, ...]) -> str:
    if not specs:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1+)")
    member = _charset(rt, specs)
    return "".join(c for c in s if not member(c))


def _squeeze(rt: Any, s: str, specs: tuple[Any, ...]) -> str:
    member = _charset(rt, specs) if specs else (lambda c: True)
    out: list[str] = []
    for c in s:
        if out and out[-1] == c and member(c):
            continue
        out.append(c)
    return "".join(out)


@builtin(STRING, "delete")
def str_delete(rt: Any, recv: RString, *specs: Any, block: RProc | None = None) -> RString:
    """A copy without the characters in the (intersected) sets."""
    return RString(_delete(rt, recv.s, specs))


@builtin(STRING, "delete!")
def str_delete_bang(rt: Any, recv: RString, *specs: Any, block: RProc | None = None) -> RString | None:
    """delete in place; nil when unchanged."""
    check_frozen(rt, recv)
    return _set(rt, recv, _delete(rt, recv.s, specs))


@builtin(STRING, "squeeze")
def str_squeeze(rt: Any, recv: RString, *specs: Any, block: RProc | None = None) -> RString:
    """Runs of the same character (from the sets, or any) reduced to one."""
    return RString(_squeeze(rt, recv.s, specs))


@builtin(STRING, "squeeze!")
def str_squeeze_bang(rt: Any, recv: RString, *specs: Any, block: RProc | None = None) -> RString | None:
    """squeeze in place; nil when unchanged."""
    check_frozen(rt, recv)
    return _set(rt, recv, _squeeze(rt, recv.s, specs))


@builtin(STRING, "count")
def str_count(rt: Any, recv: RString, *specs: Any, block: RProc | None = None) -> int:
    """How many characters are in the (intersected) sets."""
    if not specs:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1+)")
    member = _charset(rt, specs)
    return sum(1 for c in recv.s if member(c))


# --- succ and upto -----------------------------------------------------------------------------


def _alnum_kind(c: str) -> str:
    if "0" <= c <= "9":
        return "d"
    if "a" <= c <= "z" or "A" <= c <= "Z":
        return "a"
    return ""


def succ(s: str) -> str:
    """String#succ: increment the rightmost alphanumeric, carrying leftward ("az" -> "ba", "zz" -> "aaa")."""
    if not s:
        return ""
    chars = list(s)
    carry_pos = -1
    carry = ""
    last_kind = ""
    passed_other = False
    found_alnum = False
    i = len(chars) - 1
    while i >= 0:
        c = chars[i]
        kind = _alnum_kind(c)
        if not kind:
            if found_alnum:
                passed_other = True
            i -= 1
            continue
        if passed_other and last_kind and kind != last_kind:
            break
        passed_other = False
        found_alnum = True
        if c == "9":
            chars[i], carry = "0", "1"
        elif c == "z":
            chars[i], carry = "a", "a"
        elif c == "Z":
            chars[i], carry = "A", "A"
        else:
            chars[i] = chr(ord(c) + 1)
            return "".join(chars)
        last_kind = kind
        carry_pos = i
        i -= 1
    if not found_alnum:
        i = len(chars) - 1
        while i >= 0:
            o = ord(chars[i])
            if o < 0x10FFFF:
                chars[i] = chr(o + 1)
                return "".join(chars)
            chars[i] = "\x00"
            i -= 1
        return "\x01" + "".join(chars)
    chars.insert(carry_pos, carry)
    return "".join(chars)


@builtin(STRING, "succ", "next")
def str_succ(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """The successor String."""
    return RString(succ(recv.s))


@builtin(STRING, "succ!", "next!")
def str_succ_bang(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """Replace with the successor in place."""
    check_frozen(rt, recv)
    recv.s = succ(recv.s)
    return recv


def upto(beg: str, end: str, exclusive: bool = False) -> Iterator[str]:
    """The Strings String#upto yields, from ``beg`` to ``end``."""
    if len(beg) == 1 and len(end) == 1 and beg.isascii() and end.isascii():
        c, e = ord(beg), ord(end)
        if c > e or (exclusive and c == e):
            return
        while True:
            yield chr(c)
            if not exclusive and c == e:
                return
            c += 1
            if exclusive and c == e:
                return
    if beg[:1].isdigit() and end[:1].isdigit() and beg.isascii() and end.isascii() and beg.isdigit() and end.isdigit():
        width = len(beg)
        b, e = int(beg), int(end)
        while b <= e:
            if exclusive and b == e:
                return
            yield str(b).rjust(width, "0")
            b += 1
        return
    if beg > end or (exclusive and beg == end):
        return
    after_end = succ(end)
    current = beg
    while current != after_end:
        nxt = succ(current) if exclusive or current != end else None
        yield current
        if nxt is None:
            return
        current = nxt
        if exclusive and current == end:
            return
        if len(current) > len(end) or not current:
            return


@builtin(STRING, "upto")
def str_upto(rt: Any, recv: RString, last: Any, *rest: Any, block: RProc | None = None) -> Any:
    """Yield each successor from the receiver to ``last`` (an Enumerator without a block)."""
    _arity(rt, rest, 0, 1)
    if block is None:
        return make_enum(recv, "upto", last, *rest)
    exclusive = truthy(rest[0]) if rest else False
    for x in (RString(x) for x in upto(recv.s, str_arg(rt, last), exclusive)):
        rt.call_block(block, x)
    return recv


# --- encoding ----------------------------------------------------------------------------------


@builtin(STRING, "encoding")
def str_encoding(rt: Any, recv: RString, block: RProc | None = None) -> RString:
    """The encoding name; every String here is UTF-8 (Ruby returns an Encoding object)."""
    return RString("UTF-8", frozen=True)


@builtin(STRING, "force_encoding")
def str_force_encoding(rt: Any, recv: RString, enc: Any, block: RProc | None = None) -> RString:
    """The receiver unchanged (text is always held as Unicode)."""
    return recv


@builtin(STRING, "encode", "scrub", "b")
def str_encode(rt: Any, recv: RString, *args: Any, block: RProc | None = None) -> RString:
    """A copy (text is always held as Unicode)."""
    return RString(recv.s)


_NEW_KEYWORDS = ("encoding", "capacity")


@builtin(STRING, "new", singleton=True)
def str_new(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RString:
    """String.new(str = "", encoding: nil, capacity: nil): a new, unfrozen String holding a copy of ``str``."""
    pos, opts = _kwargs(args)
    _arity(rt, pos, 0, 1)
    if opts is not None:
        unknown = [k for k in opts if not (isinstance(k, Symbol) and k.name in _NEW_KEYWORDS)]
        if unknown:
            s = "s" if len(unknown) > 1 else ""
            raise rt.error("ArgumentError", f"unknown keyword{s}: " + ", ".join(rt.inspect(k) for k in unknown))
        encoding = opts.get(Symbol.of("encoding"))
        if encoding is not None:
            _check_encoding_name(rt, str_arg(rt, encoding))
        capacity = opts.get(Symbol.of("capacity"))
        if capacity is not None:
            to_int(rt, capacity)
    return RString(str_arg(rt, pos[0]) if pos else "")


def _check_encoding_name(rt: Any, name: str) -> None:
    """ArgumentError for a name that is no encoding (text is always held as Unicode, so a known name changes nothing)."""
    import codecs

    if name.upper() in ("ASCII-8BIT", "BINARY"):
        return
    try:
        codecs.lookup(name)
    except LookupError:
        raise rt.error("ArgumentError", f"unknown encoding name - {name}") from None


_NORMAL_FORMS: dict[str, Literal["NFC", "NFD", "NFKC", "NFKD"]] = {
    "NFC": "NFC",
    "NFD": "NFD",
    "NFKC": "NFKC",
    "NFKD": "NFKD",
}


@builtin(STRING, "unicode_normalize")
def str_unicode_normalize(rt: Any, recv: RString, form: Any = None, block: RProc | None = None) -> RString:
    """Unicode normalization (NFC by default)."""
    name = "NFC" if form is None else form.name.upper() if isinstance(form, Symbol) else str_arg(rt, form).upper()
    normal_form = _NORMAL_FORMS.get(name)
    if normal_form is None:
        raise rt.error("ArgumentError", "invalid normalization form")
    return RString(unicodedata.normalize(normal_form, recv.s))


@builtin(STRING, "valid_encoding?")
def str_valid_encoding(rt: Any, recv: RString, block: RProc | None = None) -> bool:
    """False only when the text holds undecodable bytes."""
    return not any(0xDC80 <= ord(c) <= 0xDCFF for c in recv.s)


@builtin(STRING, "ascii_only?")
def str_ascii_only(rt: Any, recv: RString, block: RProc | None = None) -> bool:
    """Whether every character is ASCII."""
    return recv.s.isascii()
