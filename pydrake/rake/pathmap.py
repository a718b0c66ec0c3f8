"""Rake 13.0.6's ``String#ext`` and ``String#pathmap`` on plain strings, with the ``File`` path helpers they use."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydrake.runtime import rubyregex

# Ruby's scan pattern for a pathmap spec; ``.`` does not match a newline, so a ``%``
# followed by one is skipped, as Ruby's scan skips it.
_SPEC = re.compile(r"%\{[^}]*\}-?[0-9]*[sdpfnxX%]|%-?[0-9]+d|%.|[^%]+")
_PARTIAL = re.compile(r"%(-?[0-9]+)d")
_SUBSTITUTION = re.compile(r"^%\{([^}]*)\}([0-9]*[dpfnxX])", re.MULTILINE)
_PERCENT = re.compile(r"^%", re.MULTILINE)
_LEADING_DOT = re.compile(r"^\.", re.MULTILINE)


class PathmapError(ValueError):
    """A pathmap failure that Ruby raises as ``ruby_class`` (``ArgumentError`` or ``TypeError``)."""

    def __init__(self, ruby_class: str, message: str) -> None:
        super().__init__(message)
        self.ruby_class = ruby_class


def ext(path: str, newext: str = "") -> str:
    """Rake's ``String#ext``: replace (or, with ``""``, remove) the extension of ``path``."""
    if path in (".", ".."):
        return path
    if newext != "" and not _LEADING_DOT.search(newext):
        newext = "." + newext
    return _chomp(path, extname(path)) + newext


def pathmap(path: str, spec: str | None, replace: Callable[[str], str] | None = None) -> str:
    """Rake's ``String#pathmap``; ``replace`` plays the block called for a ``*`` replacement.

    Raises PathmapError for an unknown specifier (ArgumentError) or an empty pattern (TypeError),
    and rubyregex.RegexpError / UnsupportedRegex for a pattern Ruby rejects or Python cannot run.
    """
    if spec is None:
        return path
    out: list[str] = []
    for m in _SPEC.finditer(spec):
        frag = m.group(0)
        simple = _SIMPLE.get(frag)
        if simple is not None:
            out.append(simple(path))
            continue
        partial = _PARTIAL.search(frag)
        if partial is not None:
            out.append(_partial(path, int(partial.group(1))))
            continue
        subst = _SUBSTITUTION.search(frag)
        if subst is not None:
            out.append(_replace(pathmap(path, "%" + subst.group(2)), subst.group(1), replace))
            continue
        if _PERCENT.search(frag):
            raise PathmapError("ArgumentError", f"Unknown pathmap specifier {frag} in '{spec}'")
        out.append(frag)
    return "".join(out)


_SIMPLE: dict[str, Callable[[str], str]] = {
    "%f": lambda p: basename(p),
    "%n": lambda p: ext(basename(p)),
    "%d": lambda p: dirname(p),
    "%x": lambda p: extname(p),
    "%X": lambda p: ext(p),
    "%p": lambda p: p,
    "%s": lambda p: "/",
    "%-": lambda p: "",
    "%%": lambda p: "%",
}


def _partial(path: str, n: int) -> str:
    """The first ``n`` (or, negative, last) directories of ``path``; ``.`` for zero."""
    if n == 0:
        return "."
    dirs = _explode(dirname(path))
    return _join(dirs[:n] if n > 0 else dirs[n:])


def _explode(path: str) -> list[str]:
    """Rake's ``pathmap_explode``: ``a/b/c`` -> ``[a, b, c]``, ``/a/b`` -> ``[/, a, b]``."""
    rev: list[str] = []
    while True:
        head, tail = dirname(path), basename(path)
        if head == path:
            rev.append(path)
            break
        if head == "." or tail == "/":
            rev.append(tail)
            break
        if head == "/":
            rev += [tail, head]
            break
        rev.append(tail)
        path = head
    rev.reverse()
    return rev


def _replace(result: str, patterns: str, replace: Callable[[str], str] | None) -> str:
    """Rake's ``pathmap_replace``: each ``pat,rep`` applied with ``sub`` in turn."""
    for pair in _split(patterns, ";"):
        fields = _split(pair, ",")
        if not fields:
            raise PathmapError("TypeError", "no implicit conversion of nil into String")
        m = rubyregex.translate(fields[0], 0).search(result)
        if m is None:
            continue
        replacement = fields[1] if len(fields) > 1 else None
        if replacement == "*" and replace is not None:
            text = replace(m.group(0))
        elif replacement is not None:
            text = rubyregex.expand_replacement(replacement, m)
        else:
            text = ""
        result = result[: m.start()] + text + result[m.end() :]
    return result


def _split(s: str, sep: str) -> list[str]:
    """Ruby's ``String#split(sep)``: trailing empty fields are dropped."""
    parts = s.split(sep)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _chomp(s: str, suffix: str) -> str:
    """Ruby's ``String#chomp(suffix)``; an empty suffix drops trailing ``\\n`` and ``\\r\\n``."""
    if suffix:
        return s[: -len(suffix)] if s.endswith(suffix) else s
    end = len(s)
    while end > 0 and s[end - 1] == "\n":
        end -= 1
        if end > 0 and s[end - 1] == "\r":
            end -= 1
    return s[:end]


def _last_separator(s: str) -> int:
    """Index of the last run of ``/`` that is not trailing, or -1 (Ruby's ``strrdirsep``)."""
    last = -1
    i, n = 0, len(s)
    while i < n:
        if s[i] == "/":
            start = i
            while i < n and s[i] == "/":
                i += 1
            if i >= n:
                break
            last = start
        else:
            i += 1
    return last


def basename(path: str) -> str:
    """Ruby's ``File.basename(path)``."""
    if not path:
        return ""
    stripped = path.rstrip("/")
    if not stripped:
        return "/"
    return stripped[stripped.rfind("/") + 1 :]


def dirname(path: str) -> str:
    """Ruby's ``File.dirname(path)``."""
    root = len(path) - len(path.lstrip("/"))
    start = root - 1 if root > 1 else 0  # several leading slashes count as one
    sep = _last_separator(path[root:])
    end = root if sep < 0 else root + sep
    if end == start:
        return "."
    return path[start:end]


def extname(path: str) -> str:
    """Ruby's ``File.extname(path)`` (Unix rules: ``"a."`` has extension ``"."``)."""
    sep = _last_separator(path)
    p = 0
    if sep >= 0:
        p = sep
        while p < len(path) and path[p] == "/":
            p += 1
    n = len(path)
    while p < n and path[p] == ".":
        p += 1
    e = -1
    while p < n:
        c = path[p]
        if c == ".":
            e = p
        elif c == "/":
            break
        p += 1
    if e < 0:
        return ""
    return path[e:p]


def _join(parts: list[str]) -> str:
    """Ruby's ``File.join(parts)`` for plain strings."""
    if not parts:
        return ""
    result = parts[0]
    for part in parts[1:]:
        stripped = result.rstrip("/")
        if part.startswith("/"):
            result = stripped
        elif len(stripped) == len(result):
            result += "/"
        result += part
    return result
