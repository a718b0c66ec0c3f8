"""Ruby 3.1's ``Dir.glob`` and ``File.fnmatch`` as plain functions over ``str`` paths.

``glob`` follows dir.c's walk: braces at the start of a pattern, or in a component outside a
``**/`` walk, expand into alternatives globbed one after another; a brace met during a ``**/``
walk is matched against each entry instead. Every directory read is sorted by byte value, so
results come out depth first in name order. ``**/`` does not follow symbolic links or enter
hidden directories (unless FNM_DOTMATCH); a wildcard matches ``.`` only in directories reached
without a wildcard (the start and literally named ones), and never matches ``..``.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Iterator

FNM_NOESCAPE = 1
FNM_PATHNAME = 2
FNM_DOTMATCH = 4
FNM_CASEFOLD = 8
FNM_EXTGLOB = 16
_SKIPDOT = 1 << 30  # set while reading directories below the first one: "." is no longer listed
_MATCH_FLAGS = FNM_NOESCAPE | FNM_PATHNAME | FNM_DOTMATCH | FNM_CASEFOLD

# Component kinds (dir.c's glob_pattern_type, with ALPHA folded into PLAIN as on Linux).
_PLAIN, _BRACE, _MAGICAL, _RECURSIVE, _MATCH_ALL, _MATCH_DIR = range(6)

# Path types, ordered as dir.c compares them: anything above _NOENT exists.
_UNKNOWN, _NOENT, _EXIST, _OTHER, _DIR, _REG, _LNK = -2, -1, 0, 1, 4, 8, 10


def fnmatch(pattern: str, path: str, flags: int = 0) -> bool:
    """Ruby's ``File.fnmatch(pattern, path, flags)``."""
    if flags & FNM_EXTGLOB:
        escape = not flags & FNM_NOESCAPE
        return any(_fnmatch(alt, path, flags) for alt in _brace_expand(pattern, escape))
    return _fnmatch(pattern, path, flags)


def glob(pattern: str, flags: int = 0, base: str | None = None) -> list[str]:
    """Ruby's ``Dir.glob(pattern, flags, base: base)``, sorted as Ruby 3.1 sorts by default.

    Relative patterns are resolved against ``base`` (results then relative to it) or the
    current directory. FNM_CASEFOLD is ignored, as on any case-sensitive file system. A
    directory that cannot be read for a reason other than ENOENT, ENOTDIR or EACCES raises
    the OSError (Ruby's Errno exception, e.g. ELOOP for a symbolic-link loop).
    """
    out: list[str] = []
    _glob0(pattern, flags & ~FNM_CASEFOLD & ~_SKIPDOT, base or None, out)
    return out


# -- brace expansion ------------------------------------------------------


def _brace_expand(s: str, escape: bool) -> Iterator[str]:
    """dir.c's ruby_brace_expand: alternatives in order; an unclosed ``{`` yields nothing."""
    n = len(s)
    lbrace = rbrace = -1
    nest = 0
    i = 0
    while i < n:
        c = s[i]
        if c == "{":
            if nest == 0:
                lbrace = i
            nest += 1
        if c == "}" and lbrace >= 0:
            nest -= 1
            if nest == 0:
                rbrace = i
                break
        if c == "\\" and escape:
            i += 1
            if i >= n:
                break
        i += 1
    if lbrace >= 0 and rbrace >= 0:
        prefix, suffix = s[:lbrace], s[rbrace + 1 :]
        p = lbrace
        while p < rbrace:
            p += 1
            t = p
            nest = 0
            while p < rbrace and not (s[p] == "," and nest == 0):
                if s[p] == "{":
                    nest += 1
                elif s[p] == "}":
                    nest -= 1
                if s[p] == "\\" and escape:
                    p += 1
                    if p == rbrace:
                        break
                p += 1
            yield from _brace_expand(prefix + s[t:p] + suffix, escape)
    elif lbrace < 0:
        yield s


# -- fnmatch ----------------------------------------------------------------


def _fnmatch(pattern: str, path: str, flags: int) -> bool:
    flags &= _MATCH_FLAGS
    if flags & FNM_CASEFOLD:
        return _fnmatch_port(pattern, path, flags)
    return _compile(pattern, flags).fullmatch(path) is not None


_NEVER = re.compile("(?!)")


@functools.lru_cache(maxsize=4096)
def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """An exact regex for dir.c's fnmatch without FNM_CASEFOLD."""
    escape = not flags & FNM_NOESCAPE
    period = not flags & FNM_DOTMATCH
    pathname = bool(flags & FNM_PATHNAME)
    one = "[^/]" if pathname else "."
    out: list[str] = []
    n = len(pattern)
    i = 0
    segment_start = True
    while True:
        if segment_start:
            if pathname and pattern.startswith("**/", i):
                while pattern.startswith("**/", i):
                    i += 3
                out.append(r"(?:(?!\.)[^/]*/)*" if period else r"(?:[^/]*/)*")
            if period:
                j = i + 1 if escape and i < n and pattern[i] == "\\" else i
                if j >= n or pattern[j] != ".":
                    out.append(r"(?!\.)")
            segment_start = False
        if i >= n:
            break
        c = pattern[i]
        if c == "*":
            while i < n and pattern[i] == "*":
                i += 1
            out.append(one + "*")
            continue
        if c == "?":
            out.append(one)
            i += 1
            continue
        if c == "[":
            cls, i = _bracket_regex(pattern, i + 1, escape, pathname)
            if cls is None:
                return _NEVER
            out.append(cls)
            continue
        if escape and c == "\\":
            i += 1
            if i >= n:
                break  # a trailing backslash matches nothing
            c = pattern[i]
        i += 1
        if pathname and c == "/":
            out.append("/")
            segment_start = True
        else:
            out.append(re.escape(c))
    return re.compile("".join(out), re.DOTALL)


def _cls(c: str) -> str:
    return c if c.isascii() and c.isalnum() else f"\\U{ord(c):08x}"


def _bracket_regex(p: str, i: int, escape: bool, pathname: bool) -> tuple[str | None, int]:
    """The class for the bracket expression after ``[`` at ``i``; None when malformed."""
    n = len(p)
    if i >= n:
        return None, i
    negate = p[i] in "!^"
    if negate:
        i += 1
    members: list[str] = []
    while True:
        if i >= n:
            return None, i
        if p[i] == "]":
            break
        t1 = i + 1 if escape and p[i] == "\\" else i
        if t1 >= n:
            return None, i
        i = t1 + 1
        if i >= n:
            return None, i
        if p[i] == "-" and (i + 1 >= n or p[i + 1] != "]"):
            t2 = i + 1
            if escape and t2 < n and p[t2] == "\\":
                t2 += 1
            if t2 >= n:
                return None, i
            i = t2 + 1
            lo, hi = p[t1], p[t2]
            if lo <= hi:
                members.append(f"{_cls(lo)}-{_cls(hi)}")
            else:
                members.append(_cls(lo) + _cls(hi))
        else:
            members.append(_cls(p[t1]))
    i += 1
    if pathname:
        # A bracket never consumes a separator when FNM_PATHNAME is set.
        if negate:
            members.append("/")
        elif members:
            return f"(?:(?!/)[{''.join(members)}])", i
    if not members:
        return ("." if negate else "(?!)"), i
    return f"[{'^' if negate else ''}{''.join(members)}]", i


def _upper(c: str) -> str:
    return c.upper() if "a" <= c <= "z" else c


def _bracket_port(p: str, i: int, ch: str, flags: int) -> int | None:
    """dir.c's bracket(): the index after ``]`` when ``ch`` matches, else None."""
    nocase = flags & FNM_CASEFOLD
    escape = not flags & FNM_NOESCAPE
    n = len(p)
    if i >= n:
        return None
    negate = p[i] in "!^"
    if negate:
        i += 1
    ok = False
    while i >= n or p[i] != "]":
        t1 = i + 1 if escape and i < n and p[i] == "\\" else i
        if t1 >= n:
            return None
        i = t1 + 1
        if i >= n:
            return None
        if p[i] == "-" and (i + 1 >= n or p[i + 1] != "]"):
            t2 = i + 1
            if escape and t2 < n and p[t2] == "\\":
                t2 += 1
            if t2 >= n:
                return None
            i = t2 + 1
            if ok:
                continue
            if p[t1] == ch or p[t2] == ch:
                ok = True
                continue
            c1 = ord(_upper(ch)) if nocase else ord(ch)
            c2 = ord(_upper(p[t1])) if nocase else ord(p[t1])
            if c1 < c2:
                continue
            c2 = ord(_upper(p[t2])) if nocase else ord(p[t2])
            if c1 > c2:
                continue
        else:
            if ok:
                continue
            if p[t1] == ch:
                ok = True
                continue
            if not nocase:
                continue
            # dir.c compares with the pattern character after the member here.
            if i >= n or _upper(ch) != _upper(p[i]):
                continue
        ok = True
    return None if ok == negate else i + 1


def _helper_port(p: str, pi: int, s: str, si: int, flags: int) -> tuple[int, int, bool]:
    """dir.c's fnmatch_helper on one segment (or the whole string without FNM_PATHNAME)."""
    period = not flags & FNM_DOTMATCH
    pathname = flags & FNM_PATHNAME
    escape = not flags & FNM_NOESCAPE
    nocase = flags & FNM_CASEFOLD
    pn, sn = len(p), len(s)

    def p_end(k: int) -> bool:
        return k >= pn or (bool(pathname) and p[k] == "/")

    def s_end(k: int) -> bool:
        return k >= sn or (bool(pathname) and s[k] == "/")

    def unescape(k: int) -> int:
        return k + 1 if escape and k < pn and p[k] == "\\" else k

    if period and si < sn and s[si] == "." and (p[unescape(pi)] if unescape(pi) < pn else "") != ".":
        return pi, si, False
    ptmp = stmp = -1
    while True:
        c = p[pi] if pi < pn else ""
        if c == "*":
            while pi < pn and p[pi] == "*":
                pi += 1
            if p_end(unescape(pi)):
                return unescape(pi), si, True
            if s_end(si):
                return pi, si, False
            ptmp, stmp = pi, si
            continue
        if c == "?":
            if s_end(si):
                return pi, si, False
            pi += 1
            si += 1
            continue
        matched = False
        if c == "[":
            if s_end(si):
                return pi, si, False
            t = _bracket_port(p, pi + 1, s[si], flags)
            if t is not None:
                pi = t
                si += 1
                continue
        else:
            pi = unescape(pi)
            if s_end(si):
                return pi, si, p_end(pi)
            if not p_end(pi) and (p[pi] == s[si] or (nocase and _upper(p[pi]) == _upper(s[si]))):
                pi += 1
                si += 1
                matched = True
        if matched:
            continue
        if ptmp >= 0 and stmp >= 0:
            pi = ptmp
            stmp += 1
            si = stmp
            continue
        return pi, si, False


def _fnmatch_port(p: str, s: str, flags: int) -> bool:
    """dir.c's fnmatch, character by character (used for FNM_CASEFOLD)."""
    if not flags & FNM_PATHNAME:
        return _helper_port(p, 0, s, 0, flags)[2]
    period = not flags & FNM_DOTMATCH
    pn, sn = len(p), len(s)
    pi = si = 0
    ptmp = stmp = -1
    while True:
        if p.startswith("**/", pi):
            while p.startswith("**/", pi):
                pi += 3
            ptmp, stmp = pi, si
        npi, nsi, ok = _helper_port(p, pi, s, si, flags)
        if ok:
            pi, si = npi, nsi
            while si < sn and s[si] != "/":
                si += 1
            if pi < pn and si < sn:
                pi += 1
                si += 1
                continue
            if pi >= pn and si >= sn:
                return True
        if ptmp >= 0 and stmp >= 0 and not (period and stmp < sn and s[stmp] == "."):
            while stmp < sn and s[stmp] != "/":
                stmp += 1
            if stmp < sn:
                pi = ptmp
                stmp += 1
                si = stmp
                continue
        return False


# -- glob -------------------------------------------------------------------


class _Pat:
    """One pattern component; ``next`` is the rest of the pattern."""

    __slots__ = ("kind", "text", "next")

    def __init__(self, kind: int, text: str | None) -> None:
        self.kind = kind
        self.text = text
        self.next: _Pat | None = None


def _has_magic(p: str, flags: int) -> int:
    escape = not flags & FNM_NOESCAPE
    magical = False
    i, n = 0, len(p)
    while i < n:
        c = p[i]
        i += 1
        if c == "{":
            return _BRACE
        if c in "*?[":
            magical = True
        elif c == "\\" and escape:
            i += 1
    return _MAGICAL if magical else _PLAIN


def _find_dirsep(p: str, i: int, flags: int) -> int:
    escape = not flags & FNM_NOESCAPE
    n = len(p)
    inside = False
    while i < n:
        c = p[i]
        i += 1
        if c in "[{":
            inside = True
        elif c in "]}":
            inside = False
        elif c == "/":
            if not inside:
                return i - 1
        elif c == "\\" and escape:
            if i >= n:
                return n
            i += 1
    return n


def _make_pattern(p: str, flags: int) -> _Pat:
    """dir.c's glob_make_pattern: split into components, merging runs of plain ones."""
    nodes: list[_Pat] = []
    dirsep = recursive = False
    i, n = 0, len(p)
    while i < n:
        if p.startswith("**/", i):
            while True:
                i += 3
                while i < n and p[i] == "/":
                    i += 1
                if not p.startswith("**/", i):
                    break
            nodes.append(_Pat(_RECURSIVE, None))
            dirsep = recursive = True
            continue
        m = _find_dirsep(p, i, flags)
        magic = _has_magic(p[i:m], flags)
        if magic == _PLAIN and not recursive and m < n:
            while True:
                m2 = _find_dirsep(p, m + 1, flags)
                if m2 < n and _has_magic(p[m + 1 : m2], flags) == _PLAIN:
                    m = m2
                else:
                    break
        nodes.append(_Pat(magic, p[i:m]))
        dirsep = m < n
        i = m + 1 if dirsep else m
    nodes.append(_Pat(_MATCH_DIR if dirsep else _MATCH_ALL, None))
    for a, b in zip(nodes, nodes[1:], strict=False):
        a.next = b
    return nodes[0]


def _join_pattern(pat: _Pat | None) -> str:
    parts: list[str] = []
    while pat is not None:
        if pat.kind == _RECURSIVE:
            parts.append("**")
        elif pat.kind == _MATCH_DIR:
            parts.append("")
        elif pat.text is not None:
            parts.append(pat.text)
        pat = pat.next
    return "/".join(parts)


def _remove_backslashes(s: str) -> str:
    if "\\" not in s:
        return s
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        if s[i] == "\\":
            i += 1
            if i >= n:
                break
        out.append(s[i])
        i += 1
    return "".join(out)


def _mode_type(mode: int) -> int:
    if stat.S_ISDIR(mode):
        return _DIR
    if stat.S_ISLNK(mode):
        return _LNK
    if stat.S_ISREG(mode):
        return _REG
    return _OTHER


def _lstat_type(path: str) -> int:
    try:
        return _mode_type(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return _NOENT


def _stat_type(path: str) -> int:
    try:
        return _mode_type(os.stat(path).st_mode)
    except (OSError, ValueError):
        return _NOENT


def _entry_type(entry: os.DirEntry[str]) -> int:
    try:
        if entry.is_symlink():
            return _LNK
        if entry.is_dir(follow_symlinks=False):
            return _DIR
        if entry.is_file(follow_symlinks=False):
            return _REG
        return _OTHER
    except OSError:
        return _UNKNOWN


def _glob0(pattern: str, flags: int, base: str | None, out: list[str]) -> None:
    if pattern.startswith("{"):
        for alt in _brace_expand(pattern, not flags & FNM_NOESCAPE):
            _glob0(alt, flags, base, out)
        return
    root = 1 if pattern.startswith("/") else 0
    if not root and base:
        _helper(base, len(base), True, _UNKNOWN, [_make_pattern(pattern, flags)], flags, out)
    else:
        _helper(pattern[:root], 0, False, _UNKNOWN, [_make_pattern(pattern[root:], flags)], flags, out)


def _subpath(path: str, baselen: int) -> str:
    if baselen and path[baselen : baselen + 1] == "/":
        return path[baselen + 1 :]
    return path[baselen:]


def _helper(path: str, baselen: int, dirsep: bool, pathtype: int, pats: list[_Pat], flags: int, out: list[str]) -> None:
    """dir.c's glob_helper: ``path`` is reached; ``pats`` are the pattern tails still to match below it."""
    plain = brace = magical = recursive = match_all = match_dir = False
    for pat in pats:
        p: _Pat | None = pat
        if pat.kind == _RECURSIVE:
            recursive = True
            p = pat.next
        assert p is not None
        kind = p.kind
        if kind == _PLAIN:
            plain = True
        elif kind == _BRACE:
            if not recursive:
                brace = True
        elif kind == _MAGICAL:
            magical = True
        elif kind == _MATCH_ALL:
            match_all = True
        elif kind == _MATCH_DIR:
            match_dir = True

    if brace:
        source = _join_pattern(pats[0])
        for alt in _brace_expand(source, not flags & FNM_NOESCAPE):
            _helper(path, baselen, dirsep, pathtype, [_make_pattern(alt, flags)], flags, out)
        return

    if path:
        if match_all and pathtype == _UNKNOWN:
            pathtype = _lstat_type(path)
        if match_dir and pathtype in (_UNKNOWN, _LNK):
            pathtype = _stat_type(path)
        if match_all and pathtype > _NOENT:
            out.append(_subpath(path, baselen))
        if match_dir and pathtype == _DIR:
            out.append(_subpath(path, baselen) + ("/" if dirsep else ""))

    if pathtype == _NOENT:
        return
    if magical or recursive:
        _read_dir(path, baselen, dirsep, pats, recursive, flags, out)
    elif plain:
        _literal(path, baselen, dirsep, pats, flags, out)


def _read_dir(
    path: str, baselen: int, dirsep: bool, pats: list[_Pat], recursive: bool, flags: int, out: list[str]
) -> None:
    try:
        with os.scandir(path or ".") as it:
            entries: list[tuple[bytes, str, os.DirEntry[str] | None]] = [(os.fsencode(e.name), e.name, e) for e in it]
    except OSError as exc:
        # Ruby skips missing and unreadable directories but raises the other errors (ELOOP, EIO, ...).
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EACCES):
            return
        raise
    except ValueError:
        return
    entries.append((b".", ".", None))
    entries.sort(key=lambda t: t[0])
    dotmatch = bool(flags & FNM_DOTMATCH)
    skipdot = flags & _SKIPDOT
    child_flags = flags | _SKIPDOT
    escape = not flags & FNM_NOESCAPE
    deepest_dotfile = 2 if dotmatch else 1  # recursion enters entries with fewer leading-dot marks
    for _, name, entry in entries:
        kind = _UNKNOWN
        dotfile = 0
        if name[0] == ".":
            dotfile = 1
            if entry is None:
                if (recursive and not dotmatch) or skipdot:
                    continue
                dotfile = 2
                kind = _DIR
        if entry is not None:
            kind = _entry_type(entry)
        new: list[_Pat] = []
        for pat in pats:
            p: _Pat | None = pat
            if pat.kind == _RECURSIVE:
                if kind in (_DIR, _EXIST) and dotfile < deepest_dotfile:
                    new.append(pat)
                p = pat.next
            assert p is not None
            if p.kind == _BRACE:
                assert p.text is not None
                if any(_fnmatch(alt, name, flags) for alt in _brace_expand(p.text, escape)):
                    assert p.next is not None
                    new.append(p.next)
            elif p.kind in (_PLAIN, _MAGICAL):
                assert p.text is not None and p.next is not None
                if _fnmatch(p.text, name, flags):
                    new.append(p.next)
        if new:
            buf = f"{path}/{name}" if dirsep else path + name
            _helper(buf, baselen, True, kind, new, child_flags, out)


def _literal(path: str, baselen: int, dirsep: bool, pats: list[_Pat], flags: int, out: list[str]) -> None:
    escape = not flags & FNM_NOESCAPE
    pending: list[_Pat | None] = [p if p.kind == _PLAIN else None for p in pats]
    for i, cur in enumerate(pending):
        if cur is None:
            continue
        assert cur.text is not None and cur.next is not None
        name = _remove_backslashes(cur.text) if escape else cur.text
        new = [cur.next]
        for j in range(i + 1, len(pending)):
            other = pending[j]
            if other is not None and other.text is not None and _fnmatch(other.text, name, flags):
                assert other.next is not None
                new.append(other.next)
                pending[j] = None
        buf = f"{path}/{name}" if dirsep else path + name
        _helper(buf, baselen, True, _UNKNOWN, new, flags, out)
