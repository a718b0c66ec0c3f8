"""Ruby (Onigmo) regular expressions as Python ``re`` patterns, and Ruby's replacement-string expansion.

Ruby semantics kept by the translation:

- ``^`` and ``$`` are always line anchors (``re.MULTILINE`` is always on); Ruby's ``m`` option is
  Python's ``re.DOTALL``; the ``x`` option (and ``(?x)``) is applied here, never passed to Python.
- ``\\d \\w \\s \\h`` are ASCII-only; POSIX brackets and ``\\p{...}`` are Unicode.
- ``(?i)`` in the middle of a group applies to the rest of that group, alternatives included.
- Once a pattern has a named group, its plain ``(...)`` groups do not capture.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from pydrake.lazy_pattern import LazyPattern

IGNORECASE = 1
EXTENDED = 2
MULTILINE = 4

_ANY = r"[\s\S]"
_LINEBREAK = "(?:\r\n|[\n\x0b\x0c\r\x85\u2028\u2029])"
_ASCII_SETS = {  # escape letter -> inside-of-[] text
    "d": "0-9",
    "w": "a-zA-Z0-9_",
    "s": "\\t\\n\\x0b\\x0c\\r ",
    "h": "0-9a-fA-F",
}
_SIMPLE_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
_INLINE_FLAGS = LazyPattern(r"\(\?[imxadu]*(?:-[imxadu]*)?\)")
_POSIX_BRACKET = LazyPattern(r"\[:(\^?)([A-Za-z]+):\]")
_INTERVAL = LazyPattern(r"\{([0-9]*)(?:(,)([0-9]*))?\}")
_HEX = "0123456789abcdefABCDEF"
_OCT = "01234567"
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
_WHITE_SPACE = "\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


class UnsupportedRegex(ValueError):
    """A valid Ruby regex construct that Python's ``re`` cannot express."""

    def __init__(self, feature: str) -> None:
        super().__init__(f"unsupported Ruby regex feature: {feature}")
        self.feature = feature


class RegexpError(ValueError):
    """An invalid Ruby regex (Ruby's RegexpError); the message ends with ``: /source/``."""


def translate(source: str, options: int = 0) -> re.Pattern[str]:
    """Compile Ruby regex ``source`` with Ruby option bits (1 i, 2 x, 4 m) into a Python pattern."""
    return _translate(source, options & 7)


@functools.lru_cache(maxsize=2048)
def _translate(source: str, options: int) -> re.Pattern[str]:
    parser = _Parser(source, options, named=False)
    text = parser.parse()
    if parser.saw_named:
        text = _Parser(source, options, named=True).parse()
    flags = re.MULTILINE
    if options & IGNORECASE:
        flags |= re.IGNORECASE
    if options & MULTILINE:
        flags |= re.DOTALL
    try:
        return re.compile(text, flags)
    except re.error as exc:
        if "look-behind requires fixed-width" in exc.msg:
            raise UnsupportedRegex("variable-width look-behind") from None
        raise RegexpError(f"{exc.msg}: /{source}/") from None


def expand_replacement(template: str, m: re.Match[str]) -> str:
    """Ruby's ``sub``/``gsub`` replacement text for match ``m``.

    Handles ``\\0 \\& \\` \\' \\+ \\1``-``\\9 \\k<name> \\\\``; any other backslash pair is kept.
    Raises IndexError for an unknown group name and RuntimeError for a malformed ``\\k<``, as Ruby does.
    """
    if "\\" not in template:
        return template
    out: list[str] = []
    named = bool(m.re.groupindex)
    i, n = 0, len(template)
    while i < n:
        j = template.find("\\", i)
        if j < 0:
            out.append(template[i:])
            break
        out.append(template[i:j])
        if j + 1 >= n:
            out.append("\\")
            break
        c = template[j + 1]
        i = j + 2
        if c in "0&":
            out.append(m.group(0))
        elif c in "123456789":
            g = int(c)
            if not named and g <= m.re.groups:
                out.append(m.group(g) or "")
        elif c == "`":
            out.append(m.string[: m.start()])
        elif c == "'":
            out.append(m.string[m.end() :])
        elif c == "+":
            for g in range(m.re.groups, 0, -1):
                if m.start(g) != -1:
                    out.append(m.group(g))
                    break
        elif c == "\\":
            out.append("\\")
        elif c == "k" and i < n and template[i] == "<":
            end = template.find(">", i + 1)
            if end < 0:
                raise RuntimeError("invalid group name reference format")
            name = template[i + 1 : end]
            if name not in m.re.groupindex:
                raise IndexError(f"undefined group name reference: {name}")
            out.append(m.group(name) or "")
            i = end + 1
        else:
            out.append("\\" + c)
    return "".join(out)


class _Set:
    """A one-character matcher: ``inner`` fits inside ``[...]`` (or is None); ``rx`` stands alone."""

    __slots__ = ("inner", "rx", "char")

    def __init__(self, inner: str | None, rx: str, char: str | None = None) -> None:
        self.inner = inner
        self.rx = rx
        self.char = char  # the single literal character, when the set is one


def _cls_char(c: str) -> str:
    """A character written so that it is literal inside a Python character class."""
    if c.isascii() and c.isalnum():
        return c
    o = ord(c)
    if o < 0x100:
        return f"\\x{o:02x}"
    if o < 0x10000:
        return f"\\u{o:04x}"
    return f"\\U{o:08x}"


def _char_set(c: str) -> _Set:
    return _Set(_cls_char(c), re.escape(c), c)


def _inner_set(inner: str) -> _Set:
    return _Set(inner, f"[{inner}]")


def _negated(s: _Set) -> _Set:
    if s.inner is not None:
        return _Set(None, f"[^{s.inner}]")
    return _Set(None, f"(?:(?!{s.rx}){_ANY})")


def _union(items: list[_Set], negate: bool) -> _Set:
    if all(s.inner is not None for s in items):
        inner = "".join(s.inner for s in items)  # type: ignore[misc]
        if not inner:
            return _Set(None, _ANY if negate else "(?!)")
        return _Set(None, f"[^{inner}]") if negate else _inner_set(inner)
    alts = "|".join(s.rx for s in items)
    return _Set(None, f"(?:(?!{alts}){_ANY})") if negate else _Set(None, f"(?:{alts})")


def _intersection(parts: list[_Set]) -> _Set:
    looks = "".join(f"(?={p.rx})" for p in parts[:-1])
    return _Set(None, f"(?:{looks}{parts[-1].rx})")


@functools.cache
def _table(name: str) -> str:
    """Inside-of-[] ranges for a Unicode class, computed once on first use."""
    pred = _PREDICATES[name]
    parts: list[str] = []
    start = prev = -2
    for cp in range(0x110000):
        if pred(chr(cp)):
            if cp != prev + 1:
                if start >= 0:
                    parts.append(_range_text(start, prev))
                start = cp
            prev = cp
    if start >= 0:
        parts.append(_range_text(start, prev))
    return "".join(parts)


def _range_text(lo: int, hi: int) -> str:
    if lo == hi:
        return _cls_char(chr(lo))
    return f"{_cls_char(chr(lo))}-{_cls_char(chr(hi))}"


def _cat(prefixes: tuple[str, ...]) -> Callable[[str], bool]:
    return lambda c: unicodedata.category(c).startswith(prefixes)


_ASCII_SYMBOLS = frozenset("$+<=>^`|~")
_PREDICATES: dict[str, Callable[[str], bool]] = {
    "alpha": str.isalpha,
    "alnum": lambda c: c.isalpha() or unicodedata.category(c) == "Nd",
    "upper": str.isupper,
    "lower": str.islower,
    "punct": lambda c: c in _ASCII_SYMBOLS or unicodedata.category(c).startswith("P"),
    "graph": lambda c: not (c.isspace() or unicodedata.category(c) in ("Cc", "Cn", "Cs", "Zs", "Zl", "Zp")),
    "print": lambda c: (
        unicodedata.category(c) == "Zs"
        or not (c.isspace() or unicodedata.category(c) in ("Cc", "Cn", "Cs", "Zl", "Zp"))
    ),
}
for _gc in (
    "L",
    "Lu",
    "Ll",
    "Lt",
    "Lm",
    "Lo",
    "M",
    "Mn",
    "Mc",
    "Me",
    "N",
    "Nd",
    "Nl",
    "No",
    "P",
    "Pc",
    "Pd",
    "Ps",
    "Pe",
    "Pi",
    "Pf",
    "Po",
    "S",
    "Sm",
    "Sc",
    "Sk",
    "So",
    "Z",
    "Zs",
    "Zl",
    "Zp",
    "C",
    "Cc",
    "Cf",
    "Co",
    "Cn",
):
    _PREDICATES[_gc.lower()] = _cat((_gc,))

_FIXED_CLASSES = {  # POSIX / property name -> inside-of-[] text
    "digit": "\\d",
    "space": _WHITE_SPACE,
    "xdigit": "0-9A-Fa-f",
    "word": "\\w",
    "blank": "\\t \\xa0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000",
    "cntrl": "\\x00-\\x1f\\x7f-\\x9f",
    "ascii": "\\x00-\\x7f",
}
_POSIX_NAMES = frozenset(["alpha", "alnum", "upper", "lower", "punct", "graph", "print", *_FIXED_CLASSES])


def _named_class(name: str) -> _Set | None:
    """The set for a POSIX or property name (already lower-cased), or None when unknown."""
    if name in _FIXED_CLASSES:
        return _inner_set(_FIXED_CLASSES[name])
    if name == "any":
        return _Set(None, _ANY)
    if name in _PREDICATES:
        return _inner_set(_table(name))
    return None


class _Parser:
    """Recursive-descent translation of one Ruby regex source into Python ``re`` syntax."""

    def __init__(self, src: str, options: int, named: bool) -> None:
        self.src = src
        self.pos = 0
        self.n = len(src)
        self.named = named  # plain groups become non-capturing
        self.saw_named = False
        self.groups = 0
        self.names: set[str] = set()
        self.extended = bool(options & EXTENDED)

    def error(self, msg: str) -> RegexpError:
        return RegexpError(f"{msg}: /{self.src}/")

    def peek(self, k: int = 0) -> str:
        p = self.pos + k
        return self.src[p] if p < self.n else ""

    def parse(self) -> str:
        text = self.alternation(self.extended)
        if self.pos < self.n:
            raise self.error("unmatched close parenthesis")
        return text

    def alternation(self, x: bool) -> str:
        return "|".join(self.branches(x))

    def branches(self, x: bool) -> list[str]:
        out: list[str] = []
        while True:
            text, stop = self.sequence(x)
            out.append(text)
            if stop or self.peek() != "|":
                return out
            self.pos += 1

    def skip_space(self, x: bool) -> None:
        while x and self.pos < self.n:
            c = self.src[self.pos]
            if c in " \t\n\r\f\v":
                self.pos += 1
            elif c == "#":
                nl = self.src.find("\n", self.pos)
                self.pos = self.n if nl < 0 else nl + 1
            else:
                return

    def sequence(self, x: bool) -> tuple[str, bool]:
        """One alternative; the flag is True when an inline ``(?flags)`` consumed the rest of the group."""
        out: list[str] = []
        while True:
            self.skip_space(x)
            c = self.peek()
            if c == "" or c in "|)":
                return "".join(out), False
            if c == "(" and self.peek(1) == "?" and self.inline_flags_ahead():
                out.append(self.inline_flags(x))
                return "".join(out), True
            atoms = self.atom(x)
            if not atoms:
                continue
            out.extend(atoms[:-1])
            out.append(self.quantified(atoms[-1], x))

    def quantified(self, atom: str, x: bool) -> str:
        first = True
        while True:
            self.skip_space(x)
            q = self.quantifier()
            if q is None:
                return atom
            atom = atom + q if first else f"(?:{atom}){q}"
            first = False

    def quantifier(self) -> str | None:
        c = self.peek()
        interval = False
        if c in ("*", "+", "?") and c:
            self.pos += 1
            q = c
        elif c == "{":
            m = _INTERVAL.match(self.src, self.pos)
            if m is None or (m.group(1) == "" and not m.group(3)):
                return None
            self.pos = m.end()
            lo = m.group(1) or "0"
            q = f"{{{lo}}}" if m.group(2) is None else f"{{{lo},{m.group(3)}}}"
            interval = True
        else:
            return None
        if self.peek() == "?":
            self.pos += 1
            q += "?"
        elif self.peek() == "+" and not interval:
            self.pos += 1
            q += "+"
        return q

    def atom(self, x: bool) -> list[str]:
        c = self.src[self.pos]
        if c == "(":
            return self.group(x)
        if c == "[":
            self.pos += 1
            return [self.char_class().rx]
        if c == "\\":
            return self.escape()
        if c in "*+?":
            raise self.error("target of repeat operator is not specified")
        if c == "{":
            m = _INTERVAL.match(self.src, self.pos)
            if m is not None and (m.group(1) or m.group(3)):
                raise self.error("target of repeat operator is not specified")
        self.pos += 1
        if c == "^":
            # Ruby's ^ is a line start, but not the empty "line" after a final newline (Python's is).
            return [r"(?:\A|(?<=\n)(?!\Z))"]
        if c in ".$":
            return [c]
        return [re.escape(c) if c in _SPECIAL else c]

    def close(self) -> None:
        if self.peek() != ")":
            raise self.error("end pattern with unmatched parenthesis")
        self.pos += 1

    def group(self, x: bool) -> list[str]:
        self.pos += 1
        if self.peek() != "?":
            body_open = "(?:" if self.named else "("
            if not self.named:
                self.groups += 1
            body = self.alternation(x)
            self.close()
            return [f"{body_open}{body})"]
        c = self.peek(1)
        self.pos += 2
        if c in (":", "=", "!", ">"):
            body = self.alternation(x)
            self.close()
            return [f"(?{c}{body})"]
        if c == "<" and self.peek() in ("=", "!"):
            kind = self.peek()
            self.pos += 1
            parts = self.branches(x)
            self.close()
            if len(parts) == 1:
                return [f"(?<{kind}{parts[0]})"]
            if kind == "=":
                return ["(?:" + "|".join(f"(?<={p})" for p in parts) + ")"]
            return ["(?:" + "".join(f"(?<!{p})" for p in parts) + ")"]
        if c in ("<", "'"):
            end = self.src.find(">" if c == "<" else "'", self.pos)
            if end < 0:
                raise self.error("invalid group name")
            name = self.src[self.pos : end]
            if not name.isidentifier():
                raise self.error(f"invalid group name <{name}>")
            if name in self.names:
                raise UnsupportedRegex("duplicate group name")
            self.names.add(name)
            self.saw_named = True
            self.groups += 1
            self.pos = end + 1
            body = self.alternation(x)
            self.close()
            return [f"(?P<{name}>{body})"]
        if c == "#":
            end = self.src.find(")", self.pos)
            if end < 0:
                raise self.error("end pattern in group")
            self.pos = end + 1
            return []
        if c == "~":
            raise UnsupportedRegex("absence operator (?~...)")
        if c == "(":
            raise UnsupportedRegex("conditional group (?(...)...)")
        if c in "imx-adu":
            self.pos -= 1
            on, off, new_x = self.flag_letters(x)
            if self.peek() != ":":
                raise self.error("undefined group option")
            self.pos += 1
            body = self.alternation(new_x)
            self.close()
            return [f"{self.flag_group(on, off)}{body})"]
        raise self.error("undefined group option")

    def inline_flags_ahead(self) -> bool:
        """Is the text at the cursor ``(?flags)`` (flags only, closed by a parenthesis)?"""
        m = _INLINE_FLAGS.match(self.src, self.pos)
        return m is not None and m.end() - self.pos > 3

    def inline_flags(self, x: bool) -> str:
        self.pos += 2
        on, off, new_x = self.flag_letters(x)
        self.pos += 1  # the ')'
        rest = self.alternation(new_x)
        return f"{self.flag_group(on, off)}{rest})"

    def flag_letters(self, x: bool) -> tuple[str, str, bool]:
        on, off, negate = "", "", False
        while self.peek() and self.peek() in "imx-adu":
            c = self.peek()
            self.pos += 1
            if c == "-":
                negate = True
            elif c in "adu":
                raise UnsupportedRegex(f"(?{c}) character-set option")
            elif c == "x":
                x = not negate
            else:
                py = "s" if c == "m" else c
                if negate:
                    off += py
                else:
                    on += py
        return on, off, x

    @staticmethod
    def flag_group(on: str, off: str) -> str:
        if not on and not off:
            return "(?:"
        return f"(?{on}-{off}:" if off else f"(?{on}:"

    # -- escapes ---------------------------------------------------------

    def escape(self) -> list[str]:
        self.pos += 1
        if self.pos >= self.n:
            raise self.error("too short escape sequence")
        c = self.src[self.pos]
        self.pos += 1
        if c == "A":
            return ["\\A"]
        if c == "z":
            return ["\\Z"]
        if c == "Z":
            return ["(?=\\n?\\Z)"]
        if c in "bB":
            return ["\\" + c]
        if c in "GKXg":
            raise UnsupportedRegex({"G": "\\G", "K": "\\K", "X": "\\X", "g": "\\g subexpression call"}[c])
        if c == "R":
            return [_LINEBREAK]
        if c.lower() in _ASCII_SETS:
            inner = _ASCII_SETS[c.lower()]
            return [f"[^{inner}]" if c.isupper() else f"[{inner}]"]
        if c in "pP":
            return [self.property(c == "P").rx]
        if c == "k":
            return [self.named_backref()]
        if c in "123456789":
            return self.digits_escape(c)
        return [re.escape(ch) for ch in self.char_escape(c)]

    def digits_escape(self, first: str) -> list[str]:
        start = self.pos - 1
        end = start
        while end < self.n and self.src[end].isdigit() and self.src[end].isascii():
            end += 1
        num = int(self.src[start:end])
        if num <= 9 or num <= self.groups:
            if self.named:
                raise self.error("numbered backref/call is not allowed. (use name)")
            self.pos = end
            return [f"(?:\\{num})"]
        if first in "89":
            return [first]
        self.pos = start
        return [re.escape(self.octal())]

    def octal(self) -> str:
        end = self.pos
        while end < self.n and end - self.pos < 3 and self.src[end] in _OCT:
            end += 1
        value = int(self.src[self.pos : end], 8)
        self.pos = end
        return chr(value)

    def named_backref(self) -> str:
        opener = self.peek()
        if opener not in ("<", "'"):
            return "k"
        end = self.src.find(">" if opener == "<" else "'", self.pos + 1)
        if end < 0:
            raise self.error("invalid backref name")
        name = self.src[self.pos + 1 : end]
        self.pos = end + 1
        if re.fullmatch(r"-?[0-9]+", name):
            if self.named:
                raise self.error("numbered backref/call is not allowed. (use name)")
            num = int(name)
            if num < 0:
                num = self.groups + 1 + num
            if num <= 0:
                raise self.error("invalid backref number/name")
            return f"(?:\\{num})"
        if not name.isidentifier():
            raise UnsupportedRegex("backreference with nest level")
        return f"(?P={name})"

    def char_escape(self, c: str) -> str:
        """The characters for a character escape whose letter ``c`` was just consumed."""
        if c in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[c]
        if c == "0":
            self.pos -= 1
            return self.octal()
        if c == "x":
            end = self.pos
            while end < self.n and end - self.pos < 2 and self.src[end] in _HEX:
                end += 1
            if end == self.pos:
                raise self.error("invalid hex escape")
            value = int(self.src[self.pos : end], 16)
            self.pos = end
            return chr(value)
        if c == "u":
            return self.unicode_escape()
        if c == "c" or (c == "C" and self.peek() == "-"):
            if c == "C":
                self.pos += 1
            ch = self.peek()
            if not ch:
                raise self.error("end pattern at control")
            self.pos += 1
            return "\x7f" if ch == "?" else chr(ord(ch) & 0x1F)
        if c == "M" and self.peek() == "-":
            raise UnsupportedRegex("\\M- meta escape")
        return c

    def unicode_escape(self) -> str:
        if self.peek() == "{":
            end = self.src.find("}", self.pos)
            if end < 0:
                raise self.error("invalid Unicode escape")
            words = self.src[self.pos + 1 : end].split()
            if not words or not all(w and all(ch in _HEX for ch in w) for w in words):
                raise self.error("invalid Unicode list")
            self.pos = end + 1
            return "".join(chr(int(w, 16)) for w in words)
        digits = self.src[self.pos : self.pos + 4]
        if len(digits) != 4 or not all(ch in _HEX for ch in digits):
            raise self.error("invalid Unicode escape")
        self.pos += 4
        return chr(int(digits, 16))

    def property(self, negate: bool) -> _Set:
        if self.peek() != "{":
            raise self.error("invalid character property name")
        end = self.src.find("}", self.pos)
        if end < 0:
            raise self.error("invalid character property name")
        raw = self.src[self.pos + 1 : end]
        self.pos = end + 1
        name = raw
        if name.startswith("^"):
            negate = not negate
            name = name[1:]
        key = re.sub(r"[ _-]", "", name).lower()
        if key == "punct":
            key = "p"  # unlike [[:punct:]], \p{Punct} leaves out the ASCII symbols
        s = _named_class(key)
        if s is None:
            raise UnsupportedRegex(f"\\p{{{raw}}}")
        return _negated(s) if negate else s

    # -- character classes -----------------------------------------------

    def char_class(self) -> _Set:
        """Parse a bracket expression whose ``[`` was just consumed."""
        negate = self.peek() == "^"
        if negate:
            self.pos += 1
        parts: list[list[_Set]] = []
        items: list[_Set] = []
        first = True
        while True:
            if self.pos >= self.n:
                raise self.error("premature end of char-class")
            c = self.src[self.pos]
            if c == "]" and not first:
                self.pos += 1
                break
            first = False
            if c == "&" and self.peek(1) == "&":
                self.pos += 2
                parts.append(items)
                items = []
                continue
            for item in self.class_items():
                items.append(self.maybe_range(item))
        parts.append(items)
        if len(parts) == 1:
            return _union(parts[0], negate)
        whole = _intersection([_union(p, False) for p in parts if p])
        return _negated(whole) if negate else whole

    def class_items(self) -> list[_Set]:
        c = self.src[self.pos]
        if c == "[":
            m = _POSIX_BRACKET.match(self.src, self.pos)
            if m is not None:
                name = m.group(2).lower()
                if name not in _POSIX_NAMES:
                    raise self.error("invalid POSIX bracket type")
                self.pos = m.end()
                s = _named_class(name)
                assert s is not None
                return [_negated(s) if m.group(1) else s]
            self.pos += 1
            return [self.char_class()]
        if c == "\\":
            return self.class_escape()
        self.pos += 1
        return [_char_set(c)]

    def class_escape(self) -> list[_Set]:
        self.pos += 1
        if self.pos >= self.n:
            raise self.error("premature end of char-class")
        c = self.src[self.pos]
        self.pos += 1
        if c.lower() in _ASCII_SETS:
            s = _inner_set(_ASCII_SETS[c.lower()])
            return [_negated(s) if c.isupper() else s]
        if c in "pP":
            return [self.property(c == "P")]
        if c == "b":
            return [_char_set("\b")]
        if c in "123456789":
            self.pos -= 1
            if c in "89":
                self.pos += 1
                return [_char_set(c)]
            return [_char_set(self.octal())]
        return [_char_set(ch) for ch in self.char_escape(c)]

    def maybe_range(self, item: _Set) -> _Set:
        if self.peek() != "-" or self.peek(1) in ("]", ""):
            return item
        if item.char is None:
            raise self.error("unmatched range specifier in char-class")
        save = self.pos
        self.pos += 1
        if self.peek() == "[":
            raise self.error("char-class value at end of range")
        if self.peek() == "&" and self.peek(1) == "&":
            self.pos = save
            return item
        ends = self.class_escape() if self.peek() == "\\" else [self.take_char()]
        hi = ends[0]
        if hi.char is None:
            raise self.error("char-class value at end of range")
        if ord(hi.char) < ord(item.char):
            raise self.error("empty range in char class")
        rng = _inner_set(f"{_cls_char(item.char)}-{_cls_char(hi.char)}")
        if len(ends) > 1:
            return _union([rng, *ends[1:]], False)
        return rng

    def take_char(self) -> _Set:
        c = self.src[self.pos]
        self.pos += 1
        return _char_set(c)
