"""``require "yaml"``/``"psych"``: YAML.load/dump and ``#to_yaml`` as Psych 4 on libyaml 0.2.5 read and write them.

Reading follows libyaml's scanner and parser (tokens with simple-key
lookahead, then a node tree) and Psych's scalar resolution (YAML 1.1 types:
``yes``/``no``/``on``/``off`` are booleans, ``0x1f``/``017``/``1_000``
integers, ``~`` nil).  Writing follows Psych's choice of node styles and
libyaml's emitter, which decides the final quoting, indentation and line
folding at 80 columns.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from pydrake.runtime.classes import OBJECT, RUNTIME_ERROR, builtin
from pydrake.runtime.core.array import freeze as freeze_array
from pydrake.runtime.core.enumerable import store_key
from pydrake.runtime.core.numeric import float_to_s
from pydrake.runtime.core.string import str_arg
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import (
    RClass,
    RHash,
    RModule,
    RProc,
    RRange,
    RRegexp,
    RString,
    RubyError,
    Symbol,
    truthy,
)

PSYCH = RModule("Psych")


def _psych_class(name: str, superclass: RClass) -> RClass:
    cls = RClass(f"Psych::{name}", superclass, PSYCH)
    PSYCH.constants[name] = cls
    return cls


PSYCH_EXCEPTION = _psych_class("Exception", RUNTIME_ERROR)
BAD_ALIAS = _psych_class("BadAlias", PSYCH_EXCEPTION)
DISALLOWED_CLASS = _psych_class("DisallowedClass", PSYCH_EXCEPTION)
SYNTAX_ERROR = _psych_class("SyntaxError", PSYCH_EXCEPTION)
PSYCH.constants.update(VERSION=RString("4.0.3", frozen=True), LIBYAML_VERSION=RString("0.2.5", frozen=True))


@functools.cache
def _rx(source: str, flags: int = 0) -> re.Pattern[str]:
    # compiled on first use: importing this module must stay cheap
    return re.compile(source, flags)


_M = re.M
_MI = re.M | re.I


class YamlSyntaxError(Exception):
    """A libyaml scanner or parser error: the problem, its context, and where."""

    def __init__(self, context: str | None, context_mark: tuple[int, int, int], problem: str) -> None:
        super().__init__(problem)
        self.context = context
        self.mark = context_mark
        self.problem = problem


# ---------------------------------------------------------------- nodes


class Scalar:
    """A scalar node: its text, tag, anchor, and how it was (or is to be) written."""

    __slots__ = ("value", "tag", "anchor", "style", "plain", "quoted")

    def __init__(
        self, value: str, tag: str | None = None, plain: bool = True, quoted: bool = False, style: str = "any"
    ) -> None:
        self.value = value
        self.tag = tag
        self.anchor: str | None = None
        self.style = style
        self.plain = plain  # plain_implicit
        self.quoted = quoted  # quoted_implicit


class Seq:
    """A sequence node."""

    __slots__ = ("items", "tag", "anchor", "implicit", "flow")

    def __init__(self, tag: str | None = None, implicit: bool = True, flow: bool = False) -> None:
        self.items: list[Any] = []
        self.tag = tag
        self.anchor: str | None = None
        self.implicit = implicit
        self.flow = flow


class Map:
    """A mapping node: ``items`` holds keys and values alternately."""

    __slots__ = ("items", "tag", "anchor", "implicit", "flow")

    def __init__(self, tag: str | None = None, implicit: bool = True, flow: bool = False) -> None:
        self.items: list[Any] = []
        self.tag = tag
        self.anchor: str | None = None
        self.implicit = implicit
        self.flow = flow


class Alias:
    """An alias node ``*name``."""

    __slots__ = ("anchor",)

    def __init__(self, anchor: str) -> None:
        self.anchor = anchor


# ---------------------------------------------------------------- scanner

_BREAKS = "\r\n\x85\u2028\u2029"
_BLANKZ = " \t\r\n\x85\u2028\u2029\0"
_ALPHA = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")
_URI_CHARS = frozenset(";/?:@&=+$.%!~*'()")
_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_LENGTHS = {"x": 2, "u": 4, "U": 8}
_BLOCK_PLAIN_RUN = "[^ \t\r\n\x85\u2028\u2029\0:]+"
_FLOW_PLAIN_RUN = "[^ \t\r\n\x85\u2028\u2029\0:,\\[\\]{}]+"
_PLAIN_START_EXCLUDED = frozenset("-?:,[]{}#&*!|>'\"%@`")


class Token:
    """A scanner token: its kind, marks and payload."""

    __slots__ = ("kind", "start", "end", "value", "style", "handle")

    def __init__(self, kind: str, start: tuple[int, int, int], end: tuple[int, int, int], value: Any = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.style = ""
        self.handle = ""


class _SimpleKey:
    __slots__ = ("possible", "required", "token_number", "mark")

    def __init__(self) -> None:
        self.possible = False
        self.required = False
        self.token_number = 0
        self.mark = (0, 0, 0)


class Scanner:
    """libyaml's scanner: characters to tokens, one step ahead of the parser."""

    def __init__(self, text: str) -> None:
        self.text = text + "\0" * 8  # lookahead past the end reads NULs
        self.n = len(text)
        self.pos = 0
        self.line = 0
        self.column = 0
        self.tokens: list[Token] = []
        self.tokens_parsed = 0
        self.stream_start = False
        self.indent = -1
        self.indents: list[int] = []
        self.flow_level = 0
        self.simple_key_allowed = False
        self.simple_keys: list[_SimpleKey] = []

    # -- characters

    def ch(self, k: int = 0) -> str:
        return self.text[self.pos + k]

    def blankz(self, k: int = 0) -> bool:
        return self.ch(k) in _BLANKZ

    def is_break(self, k: int = 0) -> bool:
        return self.ch(k) in _BREAKS

    def mark(self) -> tuple[int, int, int]:
        return (self.pos, self.line, self.column)

    def skip(self) -> None:
        self.pos += 1
        self.column += 1

    def skip_line(self) -> None:
        if self.ch() == "\r" and self.ch(1) == "\n":
            self.pos += 2
        elif self.is_break():
            self.pos += 1
        else:
            return
        self.column = 0
        self.line += 1

    def read(self, out: list[str]) -> None:
        out.append(self.ch())
        self.skip()

    def read_line(self, out: list[str]) -> None:
        c = self.ch()
        if c == "\r" and self.ch(1) == "\n":
            out.append("\n")
            self.pos += 2
        elif c in "\r\n\x85":
            out.append("\n")
            self.pos += 1
        else:
            out.append(c)
            self.pos += 1
        self.column = 0
        self.line += 1

    def error(self, context: str | None, mark: tuple[int, int, int], problem: str) -> YamlSyntaxError:
        return YamlSyntaxError(context, mark, problem)

    # -- the token queue

    def peek(self) -> Token:
        """The next token (fetching as many as simple keys need)."""
        self.fetch_more()
        return self.tokens[0]

    def next(self) -> Token:
        """Consume and return the next token."""
        self.fetch_more()
        tok = self.tokens.pop(0)
        self.tokens_parsed += 1
        return tok

    def fetch_more(self) -> None:
        while True:
            need = not self.tokens
            if not need:
                self.stale_simple_keys()
                for key in self.simple_keys:
                    if key.possible and key.token_number == self.tokens_parsed:
                        need = True
                        break
            if not need:
                return
            self.fetch_next()

    def fetch_next(self) -> None:
        if not self.stream_start:
            self.stream_start = True
            self.indent = -1
            self.simple_keys.append(_SimpleKey())
            self.simple_key_allowed = True
            self.tokens.append(Token("STREAM-START", self.mark(), self.mark()))
            return
        self.scan_to_next_token()
        self.stale_simple_keys()
        self.unroll_indent(self.column)
        c = self.ch()
        if self.pos >= self.n:
            return self.fetch_stream_end()
        if self.column == 0 and c == "%":
            return self.fetch_directive()
        if self.column == 0 and self.blankz(3):
            if self.text.startswith("---", self.pos):
                return self.fetch_document_indicator("DOCUMENT-START")
            if self.text.startswith("...", self.pos):
                return self.fetch_document_indicator("DOCUMENT-END")
        if c in "[{":
            return self.fetch_flow_start("FLOW-SEQUENCE-START" if c == "[" else "FLOW-MAPPING-START")
        if c in "]}":
            return self.fetch_flow_end("FLOW-SEQUENCE-END" if c == "]" else "FLOW-MAPPING-END")
        if c == ",":
            return self.fetch_flow_entry()
        if c == "-" and self.blankz(1):
            return self.fetch_block_entry()
        if c == "?" and (self.flow_level or self.blankz(1)):
            return self.fetch_key()
        if c == ":" and (self.flow_level or self.blankz(1)):
            return self.fetch_value()
        if c == "*":
            return self.fetch_anchor("ALIAS")
        if c == "&":
            return self.fetch_anchor("ANCHOR")
        if c == "!":
            return self.fetch_tag()
        if c == "|" and not self.flow_level:
            return self.fetch_block_scalar(True)
        if c == ">" and not self.flow_level:
            return self.fetch_block_scalar(False)
        if c == "'":
            return self.fetch_flow_scalar(True)
        if c == '"':
            return self.fetch_flow_scalar(False)
        if (
            not (self.blankz() or c in _PLAIN_START_EXCLUDED)
            or (c == "-" and self.ch(1) not in " \t")
            or (not self.flow_level and c in "?:" and not self.blankz(1))
        ):
            return self.fetch_plain_scalar()
        raise self.error(
            "while scanning for the next token", self.mark(), "found character that cannot start any token"
        )

    # -- simple keys and indentation

    def stale_simple_keys(self) -> None:
        for key in self.simple_keys:
            if key.possible and (key.mark[1] < self.line or key.mark[0] + 1024 < self.pos):
                if key.required:
                    raise self.error("while scanning a simple key", key.mark, "could not find expected ':'")
                key.possible = False

    def save_simple_key(self) -> None:
        required = not self.flow_level and self.indent == self.column
        if self.simple_key_allowed:
            key = _SimpleKey()
            key.possible = True
            key.required = required
            key.token_number = self.tokens_parsed + len(self.tokens)
            key.mark = self.mark()
            self.remove_simple_key()
            self.simple_keys[-1] = key

    def remove_simple_key(self) -> None:
        key = self.simple_keys[-1]
        if key.possible and key.required:
            raise self.error("while scanning a simple key", key.mark, "could not find expected ':'")
        key.possible = False

    def roll_indent(self, column: int, number: int, kind: str, mark: tuple[int, int, int]) -> None:
        if self.flow_level:
            return
        if self.indent < column:
            self.indents.append(self.indent)
            self.indent = column
            tok = Token(kind, mark, mark)
            if number == -1:
                self.tokens.append(tok)
            else:
                self.tokens.insert(number - self.tokens_parsed, tok)

    def unroll_indent(self, column: int) -> None:
        if self.flow_level:
            return
        while self.indent > column:
            self.tokens.append(Token("BLOCK-END", self.mark(), self.mark()))
            self.indent = self.indents.pop()

    # -- fetchers

    def fetch_stream_end(self) -> None:
        if self.column != 0:
            self.column = 0
            self.line += 1
        self.unroll_indent(-1)
        self.remove_simple_key()
        self.simple_key_allowed = False
        self.tokens.append(Token("STREAM-END", self.mark(), self.mark()))

    def fetch_directive(self) -> None:
        self.unroll_indent(-1)
        self.remove_simple_key()
        self.simple_key_allowed = False
        start = self.mark()
        self.skip()
        name: list[str] = []
        while self.ch() in _ALPHA:
            self.read(name)
        directive = "".join(name)
        if not directive:
            raise self.error("while scanning a directive", start, "could not find expected directive name")
        while self.ch() in " \t":
            self.skip()
        value: list[str] = []
        while not self.blankz():
            self.read(value)
        params = "".join(value)
        if directive == "YAML":
            m = _rx(r"(\d+)\.(\d+)").fullmatch(params)
            if m is None:
                raise self.error(
                    "while scanning a %YAML directive", start, "did not find expected digit or '.' character"
                )
            tok = Token("VERSION-DIRECTIVE", start, self.mark(), (int(m.group(1)), int(m.group(2))))
        elif directive == "TAG":
            while self.ch() in " \t":
                self.skip()
            prefix: list[str] = []
            while not self.blankz():
                self.read(prefix)
            tok = Token("TAG-DIRECTIVE", start, self.mark(), (params, "".join(prefix)))
        else:
            raise self.error("while scanning a directive", start, "found unknown directive name")
        while self.ch() in " \t":
            self.skip()
        if self.ch() == "#":
            while not (self.is_break() or self.pos >= self.n):
                self.skip()
        if not (self.is_break() or self.pos >= self.n):
            raise self.error("while scanning a directive", start, "did not find expected comment or line break")
        self.skip_line()
        self.tokens.append(tok)

    def fetch_document_indicator(self, kind: str) -> None:
        self.unroll_indent(-1)
        self.remove_simple_key()
        self.simple_key_allowed = False
        start = self.mark()
        self.skip()
        self.skip()
        self.skip()
        self.tokens.append(Token(kind, start, self.mark()))

    def fetch_flow_start(self, kind: str) -> None:
        self.save_simple_key()
        self.simple_keys.append(_SimpleKey())
        self.flow_level += 1
        self.simple_key_allowed = True
        start = self.mark()
        self.skip()
        self.tokens.append(Token(kind, start, self.mark()))

    def fetch_flow_end(self, kind: str) -> None:
        self.remove_simple_key()
        if self.flow_level:
            self.flow_level -= 1
            self.simple_keys.pop()
        self.simple_key_allowed = False
        start = self.mark()
        self.skip()
        self.tokens.append(Token(kind, start, self.mark()))

    def fetch_flow_entry(self) -> None:
        self.remove_simple_key()
        self.simple_key_allowed = True
        start = self.mark()
        self.skip()
        self.tokens.append(Token("FLOW-ENTRY", start, self.mark()))

    def fetch_block_entry(self) -> None:
        if not self.flow_level:
            if not self.simple_key_allowed:
                raise self.error(None, self.mark(), "block sequence entries are not allowed in this context")
            self.roll_indent(self.column, -1, "BLOCK-SEQUENCE-START", self.mark())
        self.remove_simple_key()
        self.simple_key_allowed = True
        start = self.mark()
        self.skip()
        self.tokens.append(Token("BLOCK-ENTRY", start, self.mark()))

    def fetch_key(self) -> None:
        if not self.flow_level:
            if not self.simple_key_allowed:
                raise self.error(None, self.mark(), "mapping keys are not allowed in this context")
            self.roll_indent(self.column, -1, "BLOCK-MAPPING-START", self.mark())
        self.remove_simple_key()
        self.simple_key_allowed = not self.flow_level
        start = self.mark()
        self.skip()
        self.tokens.append(Token("KEY", start, self.mark()))

    def fetch_value(self) -> None:
        key = self.simple_keys[-1]
        if key.possible:
            self.tokens.insert(key.token_number - self.tokens_parsed, Token("KEY", key.mark, key.mark))
            self.roll_indent(key.mark[2], key.token_number, "BLOCK-MAPPING-START", key.mark)
            key.possible = False
            self.simple_key_allowed = False
        else:
            if not self.flow_level:
                if not self.simple_key_allowed:
                    raise self.error(None, self.mark(), "mapping values are not allowed in this context")
                self.roll_indent(self.column, -1, "BLOCK-MAPPING-START", self.mark())
            self.simple_key_allowed = not self.flow_level
        start = self.mark()
        self.skip()
        self.tokens.append(Token("VALUE", start, self.mark()))

    def fetch_anchor(self, kind: str) -> None:
        self.save_simple_key()
        self.simple_key_allowed = False
        start = self.mark()
        self.skip()
        name: list[str] = []
        while self.ch() in _ALPHA:
            self.read(name)
        if not name or not (self.blankz() or self.ch() in "?:,]}%@`"):
            raise self.error(
                "while scanning an anchor" if kind == "ANCHOR" else "while scanning an alias",
                start,
                "did not find expected alphabetic or numeric character",
            )
        self.tokens.append(Token(kind, start, self.mark(), "".join(name)))

    def fetch_tag(self) -> None:
        self.save_simple_key()
        self.simple_key_allowed = False
        start = self.mark()
        if self.ch(1) == "<":
            self.skip()
            self.skip()
            handle, suffix = "", self.scan_tag_uri(True, "", start)
            if self.ch() != ">":
                raise self.error("while scanning a tag", start, "did not find the expected '>'")
            self.skip()
        else:
            handle = self.scan_tag_handle(start)
            if len(handle) > 1 and handle.endswith("!"):
                suffix = self.scan_tag_uri(False, "", start)
            else:
                suffix = self.scan_tag_uri(False, handle, start)
                handle = "!"
                if suffix == "":
                    handle, suffix = "", "!"
        if not self.blankz() and not (self.flow_level and self.ch() == ","):
            raise self.error("while scanning a tag", start, "did not find expected whitespace or line break")
        tok = Token("TAG", start, self.mark(), suffix)
        tok.handle = handle
        self.tokens.append(tok)

    def scan_tag_handle(self, start: tuple[int, int, int]) -> str:
        if self.ch() != "!":
            raise self.error("while scanning a tag", start, "did not find expected '!'")
        out = ["!"]
        self.skip()
        while self.ch() in _ALPHA:
            self.read(out)
        if self.ch() == "!":
            self.read(out)
        return "".join(out)

    def scan_tag_uri(self, uri_char: bool, head: str, start: tuple[int, int, int]) -> str:
        out = [head[1:]] if len(head) > 1 else []
        length = len(head)
        while True:
            c = self.ch()
            if not (c in _ALPHA or c in _URI_CHARS or (uri_char and c in ",[]")):
                break
            if c == "%":
                out.append(self.scan_uri_escapes(start))
            else:
                self.read(out)
            length += 1
        if not length:
            raise self.error("while parsing a tag", start, "did not find expected tag URI")
        return "".join(out)

    def scan_uri_escapes(self, start: tuple[int, int, int]) -> str:
        data = bytearray()
        while self.ch() == "%":
            hexa = self.ch(1) + self.ch(2)
            if not _rx(r"[0-9A-Fa-f]{2}").fullmatch(hexa):
                raise self.error("while parsing a tag", start, "did not find URI escaped octet")
            data.append(int(hexa, 16))
            for _ in range(3):
                self.skip()
        return data.decode("utf-8", "replace")

    def fetch_block_scalar(self, literal: bool) -> None:
        self.remove_simple_key()
        self.simple_key_allowed = True
        self.tokens.append(self.scan_block_scalar(literal))

    def fetch_flow_scalar(self, single: bool) -> None:
        self.save_simple_key()
        self.simple_key_allowed = False
        self.tokens.append(self.scan_flow_scalar(single))

    def fetch_plain_scalar(self) -> None:
        self.save_simple_key()
        self.simple_key_allowed = False
        self.tokens.append(self.scan_plain_scalar())

    # -- scanning

    def scan_to_next_token(self) -> None:
        while True:
            if self.column == 0 and self.ch() == "\ufeff":
                self.skip()
            while self.ch() == " " or ((self.flow_level or not self.simple_key_allowed) and self.ch() == "\t"):
                self.skip()
            if self.ch() == "#":
                while not (self.is_break() or self.pos >= self.n):
                    self.skip()
            if self.is_break() and self.pos < self.n:
                self.skip_line()
                if not self.flow_level:
                    self.simple_key_allowed = True
            else:
                break

    def scan_block_scalar(self, literal: bool) -> Token:
        start = self.mark()
        self.skip()
        chomping = 0
        increment = 0
        c = self.ch()
        if c in "+-":
            chomping = 1 if c == "+" else -1
            self.skip()
            if self.ch().isdigit() and self.ch().isascii():
                if self.ch() == "0":
                    raise self.error(
                        "while scanning a block scalar", start, "found an indentation indicator equal to 0"
                    )
                increment = int(self.ch())
                self.skip()
        elif c.isdigit() and c.isascii():
            if c == "0":
                raise self.error("while scanning a block scalar", start, "found an indentation indicator equal to 0")
            increment = int(c)
            self.skip()
            if self.ch() in "+-":
                chomping = 1 if self.ch() == "+" else -1
                self.skip()
        while self.ch() in " \t":
            self.skip()
        if self.ch() == "#":
            while not (self.is_break() or self.pos >= self.n):
                self.skip()
        if not (self.is_break() or self.pos >= self.n):
            raise self.error("while scanning a block scalar", start, "did not find expected comment or line break")
        if self.is_break():
            self.skip_line()
        indent = 0
        if increment:
            indent = self.indent + increment if self.indent >= 0 else increment
        out: list[str] = []
        leading_break: list[str] = []
        trailing_breaks: list[str] = []
        indent = self.block_scalar_breaks(indent, trailing_breaks, start)
        leading_blank = False
        while self.column == indent and self.pos < self.n:
            trailing_blank = self.ch() in " \t"
            if not literal and leading_break[:1] == ["\n"] and not leading_blank and not trailing_blank:
                if not trailing_breaks:
                    out.append(" ")
                leading_break = []
            else:
                out.extend(leading_break)
                leading_break = []
            out.extend(trailing_breaks)
            trailing_breaks = []
            leading_blank = self.ch() in " \t"
            while not (self.is_break() or self.pos >= self.n):
                self.read(out)
            if self.pos < self.n:
                self.read_line(leading_break)
            indent = self.block_scalar_breaks(indent, trailing_breaks, start)
        if chomping != -1:
            out.extend(leading_break)
        if chomping == 1:
            out.extend(trailing_breaks)
        tok = Token("SCALAR", start, self.mark(), "".join(out))
        tok.style = "literal" if literal else "folded"
        return tok

    def block_scalar_breaks(self, indent: int, breaks: list[str], start: tuple[int, int, int]) -> int:
        max_indent = 0
        while True:
            while (not indent or self.column < indent) and self.ch() == " ":
                self.skip()
            max_indent = max(max_indent, self.column)
            if (not indent or self.column < indent) and self.ch() == "\t":
                raise self.error(
                    "while scanning a block scalar",
                    start,
                    "found a tab character where an indentation space is expected",
                )
            if not self.is_break() or self.pos >= self.n:
                break
            self.read_line(breaks)
        if not indent:
            indent = max(max_indent, self.indent + 1, 1)
        return indent

    def _document_marker(self) -> bool:
        return (
            self.column == 0
            and (self.text.startswith("---", self.pos) or self.text.startswith("...", self.pos))
            and self.blankz(3)
        )

    def scan_flow_scalar(self, single: bool) -> Token:
        start = self.mark()
        self.skip()
        quote = "'" if single else '"'
        out: list[str] = []
        while True:
            if self._document_marker():
                raise self.error("while scanning a quoted scalar", start, "found unexpected document indicator")
            if self.pos >= self.n:
                raise self.error("while scanning a quoted scalar", start, "found unexpected end of stream")
            leading_blanks = False
            while not self.blankz():
                c = self.ch()
                if single and c == "'" and self.ch(1) == "'":
                    out.append("'")
                    self.skip()
                    self.skip()
                elif c == quote:
                    break
                elif not single and c == "\\" and self.is_break(1):
                    self.skip()
                    self.skip_line()
                    leading_blanks = True
                    break
                elif not single and c == "\\":
                    esc = self.ch(1)
                    if esc in _ESCAPES:
                        out.append(_ESCAPES[esc])
                        self.skip()
                        self.skip()
                    elif esc in _HEX_LENGTHS:
                        length = _HEX_LENGTHS[esc]
                        self.skip()
                        self.skip()
                        digits = self.text[self.pos : self.pos + length]
                        if not _rx(r"[0-9A-Fa-f]+").fullmatch(digits) or len(digits) < length:
                            raise self.error(
                                "while parsing a quoted scalar", start, "did not find expected hexdecimal number"
                            )
                        value = int(digits, 16)
                        if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
                            raise self.error(
                                "while parsing a quoted scalar", start, "found invalid Unicode character escape code"
                            )
                        out.append(chr(value))
                        for _ in range(length):
                            self.skip()
                    else:
                        raise self.error("while parsing a quoted scalar", start, "found unknown escape character")
                else:
                    self.read(out)
            if self.ch() == quote:
                break
            whitespaces: list[str] = []
            leading_break: list[str] = []
            trailing_breaks: list[str] = []
            while self.ch() in " \t" or (self.is_break() and self.pos < self.n):
                if self.ch() in " \t":
                    if not leading_blanks:
                        self.read(whitespaces)
                    else:
                        self.skip()
                elif not leading_blanks:
                    whitespaces = []
                    self.read_line(leading_break)
                    leading_blanks = True
                else:
                    self.read_line(trailing_breaks)
            if leading_blanks:
                if leading_break[:1] == ["\n"]:
                    out.extend(trailing_breaks if trailing_breaks else [" "])
                else:
                    out.extend(leading_break)
                    out.extend(trailing_breaks)
            else:
                out.extend(whitespaces)
        self.skip()
        tok = Token("SCALAR", start, self.mark(), "".join(out))
        tok.style = "single" if single else "double"
        return tok

    def scan_plain_scalar(self) -> Token:
        start = end = self.mark()
        out: list[str] = []
        leading_break: list[str] = []
        trailing_breaks: list[str] = []
        whitespaces: list[str] = []
        leading_blanks = False
        indent = self.indent + 1
        while True:
            if self._document_marker() or self.ch() == "#":
                break
            while not self.blankz():
                c = self.ch()
                if self.flow_level and c == ":" and self.ch(1) in ",?[]{}":
                    raise self.error("while scanning a plain scalar", start, "found unexpected ':'")
                if (c == ":" and self.blankz(1)) or (self.flow_level and c in ",[]{}"):
                    break
                if leading_blanks or whitespaces:
                    if leading_blanks:
                        if leading_break[:1] == ["\n"]:
                            out.extend(trailing_breaks if trailing_breaks else [" "])
                        else:
                            out.extend(leading_break)
                            out.extend(trailing_breaks)
                        leading_break = []
                        trailing_breaks = []
                        leading_blanks = False
                    else:
                        out.extend(whitespaces)
                        whitespaces = []
                # a run of ordinary characters at once, then the special one (if any) by itself
                run = _rx(_FLOW_PLAIN_RUN if self.flow_level else _BLOCK_PLAIN_RUN).match(self.text, self.pos, self.n)
                if run is not None:
                    out.append(run.group())
                    self.column += run.end() - self.pos
                    self.pos = run.end()
                else:
                    self.read(out)
                end = self.mark()
            if not (self.ch() in " \t" or (self.is_break() and self.pos < self.n)):
                break
            while self.ch() in " \t" or (self.is_break() and self.pos < self.n):
                if self.ch() in " \t":
                    if leading_blanks and self.column < indent and self.ch() == "\t":
                        raise self.error(
                            "while scanning a plain scalar", start, "found a tab character that violates indentation"
                        )
                    if not leading_blanks:
                        self.read(whitespaces)
                    else:
                        self.skip()
                elif not leading_blanks:
                    whitespaces = []
                    self.read_line(leading_break)
                    leading_blanks = True
                else:
                    self.read_line(trailing_breaks)
            if not self.flow_level and self.column < indent:
                break
        tok = Token("SCALAR", start, end, "".join(out))
        tok.style = "plain"
        if leading_blanks:
            self.simple_key_allowed = True
        return tok


# ---------------------------------------------------------------- parser

_DEFAULT_TAGS = {"!": "!", "!!": "tag:yaml.org,2002:"}


class Parser:
    """libyaml's parser, building the node tree of each document in turn."""

    def __init__(self, text: str) -> None:
        self.scanner = Scanner(text)
        self.tags: dict[str, str] = dict(_DEFAULT_TAGS)
        self.started = False
        self.finished = False

    def error(self, context: str | None, context_mark: tuple[int, int, int] | None, problem: str) -> YamlSyntaxError:
        return YamlSyntaxError(context, context_mark or (0, 0, 0), problem)

    def documents(self) -> Any:
        """Yield the root node of each document."""
        sc = self.scanner
        tok = sc.next()
        if tok.kind != "STREAM-START":
            raise self.error(None, None, "did not find expected <stream-start>")
        first = True
        while True:
            tok = sc.peek()
            if first and tok.kind not in ("VERSION-DIRECTIVE", "TAG-DIRECTIVE", "DOCUMENT-START", "STREAM-END"):
                self.tags = dict(_DEFAULT_TAGS)
                root = self.node(True, False)
            else:
                while not first and tok.kind == "DOCUMENT-END":
                    sc.next()
                    tok = sc.peek()
                if tok.kind == "STREAM-END":
                    sc.next()
                    return
                self.directives()
                tok = sc.peek()
                if tok.kind != "DOCUMENT-START":
                    raise self.error(None, None, "did not find expected <document start>")
                sc.next()
                tok = sc.peek()
                if tok.kind in ("VERSION-DIRECTIVE", "TAG-DIRECTIVE", "DOCUMENT-START", "DOCUMENT-END", "STREAM-END"):
                    root = Scalar("", None, True, False, "plain")
                else:
                    root = self.node(True, False)
            first = False
            if sc.peek().kind == "DOCUMENT-END":
                sc.next()
            yield root

    def directives(self) -> None:
        sc = self.scanner
        self.tags = {}
        seen_version = False
        while sc.peek().kind in ("VERSION-DIRECTIVE", "TAG-DIRECTIVE"):
            tok = sc.next()
            if tok.kind == "VERSION-DIRECTIVE":
                if seen_version:
                    raise self.error(None, None, "found duplicate %YAML directive")
                major, minor = tok.value
                if major != 1 or minor not in (1, 2):
                    raise self.error(None, None, "found incompatible YAML document")
                seen_version = True
            else:
                handle, prefix = tok.value
                if handle in self.tags:
                    raise self.error(None, None, "found duplicate %TAG directive")
                self.tags[handle] = prefix
        for handle, prefix in _DEFAULT_TAGS.items():
            self.tags.setdefault(handle, prefix)

    def empty(self) -> Scalar:
        return Scalar("", None, True, False, "plain")

    def node(self, block: bool, indentless: bool) -> Any:
        """A node and everything in it."""
        sc = self.scanner
        tok = sc.peek()
        if tok.kind == "ALIAS":
            sc.next()
            return Alias(tok.value)
        start = tok.start
        anchor: str | None = None
        tag_tok: Token | None = None
        if tok.kind == "ANCHOR":
            anchor = sc.next().value
            if sc.peek().kind == "TAG":
                tag_tok = sc.next()
        elif tok.kind == "TAG":
            tag_tok = sc.next()
            if sc.peek().kind == "ANCHOR":
                anchor = sc.next().value
        tag: str | None = None
        if tag_tok is not None:
            if not tag_tok.handle:
                tag = tag_tok.value
            elif tag_tok.handle in self.tags:
                tag = self.tags[tag_tok.handle] + tag_tok.value
            else:
                raise self.error("while parsing a node", start, "found undefined tag handle")
        implicit = not tag
        tok = sc.peek()
        node: Any
        if indentless and tok.kind == "BLOCK-ENTRY":
            node = Seq(tag, implicit)
            node.anchor = anchor
            self.indentless_sequence(node)
            return node
        if tok.kind == "SCALAR":
            sc.next()
            plain = (tok.style == "plain" and not tag) or tag == "!"
            node = Scalar(tok.value, tag, plain, not plain and not tag, tok.style)
        elif tok.kind == "FLOW-SEQUENCE-START":
            node = Seq(tag, implicit, True)
            node.anchor = anchor
            self.flow_sequence(node)
        elif tok.kind == "FLOW-MAPPING-START":
            node = Map(tag, implicit, True)
            node.anchor = anchor
            self.flow_mapping(node)
        elif block and tok.kind == "BLOCK-SEQUENCE-START":
            node = Seq(tag, implicit)
            node.anchor = anchor
            self.block_sequence(node)
        elif block and tok.kind == "BLOCK-MAPPING-START":
            node = Map(tag, implicit)
            node.anchor = anchor
            self.block_mapping(node)
        elif anchor is not None or tag is not None:
            node = Scalar("", tag, implicit, False, "plain")
        else:
            raise self.error(
                "while parsing a block node" if block else "while parsing a flow node",
                start,
                "did not find expected node content",
            )
        node.anchor = anchor
        return node

    def block_sequence(self, node: Seq) -> None:
        sc = self.scanner
        mark = sc.next().start
        while True:
            tok = sc.peek()
            if tok.kind == "BLOCK-ENTRY":
                sc.next()
                if sc.peek().kind not in ("BLOCK-ENTRY", "BLOCK-END"):
                    node.items.append(self.node(True, False))
                else:
                    node.items.append(self.empty())
            elif tok.kind == "BLOCK-END":
                sc.next()
                return
            else:
                raise self.error("while parsing a block collection", mark, "did not find expected '-' indicator")

    def indentless_sequence(self, node: Seq) -> None:
        sc = self.scanner
        while sc.peek().kind == "BLOCK-ENTRY":
            sc.next()
            if sc.peek().kind not in ("BLOCK-ENTRY", "KEY", "VALUE", "BLOCK-END"):
                node.items.append(self.node(True, False))
            else:
                node.items.append(self.empty())

    def block_mapping(self, node: Map) -> None:
        sc = self.scanner
        mark = sc.next().start
        while True:
            tok = sc.peek()
            if tok.kind == "KEY":
                sc.next()
                if sc.peek().kind not in ("KEY", "VALUE", "BLOCK-END"):
                    node.items.append(self.node(True, True))
                else:
                    node.items.append(self.empty())
            elif tok.kind == "BLOCK-END":
                sc.next()
                return
            else:
                raise self.error("while parsing a block mapping", mark, "did not find expected key")
            if sc.peek().kind == "VALUE":
                sc.next()
                if sc.peek().kind not in ("KEY", "VALUE", "BLOCK-END"):
                    node.items.append(self.node(True, True))
                else:
                    node.items.append(self.empty())
            else:
                node.items.append(self.empty())

    def flow_sequence(self, node: Seq) -> None:
        sc = self.scanner
        mark = sc.next().start
        first = True
        while True:
            tok = sc.peek()
            if tok.kind == "FLOW-SEQUENCE-END":
                break
            if not first:
                if tok.kind != "FLOW-ENTRY":
                    raise self.error("while parsing a flow sequence", mark, "did not find expected ',' or ']'")
                sc.next()
                tok = sc.peek()
            first = False
            if tok.kind == "KEY":
                sc.next()
                pair = Map(None, True, True)
                if sc.peek().kind not in ("VALUE", "FLOW-ENTRY", "FLOW-SEQUENCE-END"):
                    pair.items.append(self.node(False, False))
                else:
                    pair.items.append(self.empty())
                if sc.peek().kind == "VALUE":
                    sc.next()
                    if sc.peek().kind not in ("FLOW-ENTRY", "FLOW-SEQUENCE-END"):
                        pair.items.append(self.node(False, False))
                    else:
                        pair.items.append(self.empty())
                else:
                    pair.items.append(self.empty())
                node.items.append(pair)
            elif tok.kind != "FLOW-SEQUENCE-END":
                node.items.append(self.node(False, False))
        sc.next()

    def flow_mapping(self, node: Map) -> None:
        sc = self.scanner
        mark = sc.next().start
        first = True
        while True:
            tok = sc.peek()
            if tok.kind == "FLOW-MAPPING-END":
                break
            if not first:
                if tok.kind != "FLOW-ENTRY":
                    raise self.error("while parsing a flow mapping", mark, "did not find expected ',' or '}'")
                sc.next()
                tok = sc.peek()
            first = False
            if tok.kind == "KEY":
                sc.next()
                if sc.peek().kind not in ("VALUE", "FLOW-ENTRY", "FLOW-MAPPING-END"):
                    node.items.append(self.node(False, False))
                else:
                    node.items.append(self.empty())
                if sc.peek().kind == "VALUE":
                    sc.next()
                    if sc.peek().kind not in ("FLOW-ENTRY", "FLOW-MAPPING-END"):
                        node.items.append(self.node(False, False))
                    else:
                        node.items.append(self.empty())
                else:
                    node.items.append(self.empty())
            elif tok.kind != "FLOW-MAPPING-END":
                node.items.append(self.node(False, False))
                node.items.append(self.empty())
        sc.next()


# ---------------------------------------------------------------- scalar resolution (Psych::ScalarScanner)

_STRINGISH = r"^[^0-9.:-]?(?:[^\W\d_]|[_\s!@#$%^&*(){}<>|/\\~;=])+"
_TIME = r"^-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|\s+)[0-9]{1,2}:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:\s*(?:Z|[-+][0-9]{1,2}:?(?:[0-9][0-9])?))?$"
_DATE = r"^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$"
_FLOAT = r"^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?)$"
_INTEGER = r"^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$"
_SEXAGESIMAL_INT = r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$"
_SEXAGESIMAL_FLOAT = r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$"


def classify(s: str) -> tuple[str, Any]:
    """What Psych's ScalarScanner#tokenize makes of a plain scalar: (kind, value)."""
    if s == "":
        return "nil", None
    if _rx(_STRINGISH, _M).search(s) or "\n" in s:
        if len(s) > 5 or _rx(r"^[^ytonf~]", _MI).search(s):
            return "str", s
        if s == "~" or _rx(r"^null$", _MI).search(s):
            return "nil", None
        if _rx(r"^(yes|true|on)$", _MI).search(s):
            return "bool", True
        if _rx(r"^(no|false|off)$", _MI).search(s):
            return "bool", False
        return "str", s
    if _rx(_TIME, _M).search(s):
        return "time", _time_fields(s)
    if _rx(_DATE, _M).search(s):
        y, m, d = (int(x) for x in s.split("-"))
        try:
            import datetime

            datetime.date(y, m, d)
        except ValueError:
            return "date", None
        return "date", (y, m, d)
    if _rx(r"^\+?\.inf$", _MI).search(s):
        return "float", math.inf
    if _rx(r"^-\.inf$", _MI).search(s):
        return "float", -math.inf
    if _rx(r"^\.nan$", _MI).search(s):
        return "float", math.nan
    if _rx(r"^:.", _M).search(s):
        quoted = _rx(r"^:([\"'])(.*)\1", _M).search(s)
        name = quoted.group(2) if quoted else s
        return "sym", re.sub(r"^:", "", name, count=1, flags=re.M)
    if _rx(_SEXAGESIMAL_INT, _M).search(s):
        total = 0
        parts = s.split(":")
        for e, n in enumerate(parts):
            total += _ruby_to_i(n) * 60 ** abs(e - 2)
        return "int", total
    if _rx(_SEXAGESIMAL_FLOAT, _M).search(s):
        totalf = 0.0
        for e, n in enumerate(s.split(":")):
            totalf += _ruby_to_f(n) * 60 ** abs(e - 2)
        return "float", totalf
    if _rx(_FLOAT, _M).search(s):
        if _rx(r"\A[-+]?\.\Z").search(s):
            return "str", s
        return "float", float(re.sub(r"[,_]|\.([Ee]|$)", r"\1", s))
    if _rx(_INTEGER, _M).search(s):
        return "int", _ruby_integer(s.replace(",", "").replace("_", ""))
    return "str", s


def _resolves_to_non_string(text: str) -> bool:
    """Whether a plain scalar with this text would load as something other than a String."""
    kind, value = classify(text)
    return kind != "str" and not (kind in ("time", "date") and value is None)


def _ruby_to_i(text: str) -> int:
    m = re.match(r"\s*([-+]?[0-9][0-9_]*)", text)
    return int(m.group(1).replace("_", "")) if m else 0


def _ruby_to_f(text: str) -> float:
    m = re.match(r"\s*([-+]?[0-9][0-9_]*(?:\.[0-9_]+)?)", text)
    return float(m.group(1).replace("_", "")) if m else 0.0


def _ruby_integer(text: str) -> int | None:
    """Kernel#Integer of a string the INTEGER pattern accepted (0b, 0x, leading-0 octal)."""
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    try:
        if body[:2] in ("0b", "0B"):
            return sign * int(body[2:], 2)
        if body[:2] in ("0x", "0X"):
            return sign * int(body[2:], 16)
        if len(body) > 1 and body[0] == "0":
            return sign * int(body[1:], 8)
        return sign * int(body)
    except ValueError:
        return None


def _time_fields(s: str) -> tuple[Any, ...] | None:
    """Psych's parse_time pieces: (y, m, d, H, M, S, microseconds, zone) or None when out of range."""
    date, _, time = re.split(r"([ tT])", s, maxsplit=1)
    y, mo, d = (int(x) for x in re.match(r"^(-?\d{4})-(\d{1,2})-(\d{1,2})", date).groups())  # type: ignore[union-attr]
    md = re.search(r"(\d+:\d+:\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(:\d\d)?)?", time)
    if md is None:
        return None
    hh, mi, ss = (int(x) for x in md.group(1).split(":"))
    frac = md.group(2) or ""
    us = int((frac + "000000")[:6]) if frac else 0
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 0 <= hh <= 24 and 0 <= mi <= 59 and 0 <= ss <= 60):
        return None
    return (y, mo, d, hh, mi, ss, us, md.group(3))


def _make_time(fields: tuple[Any, ...]) -> Any:
    import calendar

    from pydrake.runtime.core.time import RTime

    y, mo, d, hh, mi, ss, us, zone = fields
    base = calendar.timegm((y, mo, d, hh, mi, ss, 0, 0, 0)) * 1_000_000_000 + us * 1000
    if zone == "Z":
        return RTime(base, "utc")
    if zone is None:
        return RTime(base, "local")
    m = re.match(r"^([+\-]?\d{1,2}):?(\d{1,2})?$", zone)
    hours = int(m.group(1)) if m else 0
    minutes = int(m.group(2)) if m and m.group(2) else 0
    offset = hours * 3600 + (-minutes * 60 if hours < 0 or zone.startswith("-") else minutes * 60)
    return RTime(base - offset * 1_000_000_000, "fixed", offset)


def _base64_decode(text: str) -> str:
    import base64

    data = base64.b64decode(re.sub(r"[^A-Za-z0-9+/=]", "", text) + "==")
    return data.decode("utf-8", "surrogateescape")


# ---------------------------------------------------------------- nodes to Ruby values (Psych::Visitors::ToRuby)


class Loader:
    """Ruby values from YAML nodes, refusing classes not permitted (``permitted`` None: any)."""

    def __init__(
        self,
        rt: Any,
        permitted: set[str] | None,
        symbols: list[str],
        aliases: bool,
        symbolize_names: bool = False,
        freeze: bool = False,
    ) -> None:
        self.rt = rt
        self.permitted = permitted
        self.symbols = symbols
        self.aliases = aliases
        self.symbolize_names = symbolize_names
        self.freeze = freeze
        self.anchors: dict[str, Any] = {}

    def check_class(self, name: str) -> None:
        """DisallowedClass unless the class may be loaded."""
        if self.permitted is not None and name not in self.permitted:
            raise self.rt.error(DISALLOWED_CLASS, f"Tried to load unspecified class: {name}")

    def symbolize(self, name: str) -> Symbol:
        """A Symbol, when Symbol (and this one) is permitted."""
        if self.symbols and name not in self.symbols:
            raise self.rt.error(DISALLOWED_CLASS, "Tried to load unspecified class: Symbol")
        self.check_class("Symbol")
        return Symbol.of(name)

    def register(self, node: Any, value: Any) -> Any:
        if node.anchor is not None:
            self.anchors[node.anchor] = value
        return value

    def accept(self, node: Any) -> Any:
        """The Ruby value of a node."""
        value = self._accept(node)
        if self.freeze:
            _freeze(value)
        return value

    def _accept(self, node: Any) -> Any:
        t = type(node)
        if t is Scalar:
            return self.register(node, self.scalar(node))
        if t is Seq:
            if node.tag is not None:
                m = re.match(r"^!(?:seq|ruby/array):(.*)$", node.tag)
                if m:
                    self.check_class(m.group(1))
            items: list[Any] = self.register(node, [])
            for child in node.items:
                items.append(self.accept(child))
            return items
        if t is Map:
            return self.mapping(node)
        if not self.aliases:
            raise self.rt.error(BAD_ALIAS, f"Unknown alias: {node.anchor}")
        if node.anchor not in self.anchors:
            raise self.rt.error(BAD_ALIAS, f"Unknown alias: {node.anchor}")
        return self.anchors[node.anchor]

    def tokenize(self, text: str) -> Any:
        """A plain scalar's value, as Psych's ScalarScanner resolves it."""
        kind, value = classify(text)
        if kind == "str":
            return RString(text)
        if kind == "sym":
            return self.symbolize(value)
        if kind == "time":
            self.check_class("Time")
            return RString(text) if value is None else _make_time(value)
        if kind == "date":
            self.check_class("Date")
            if value is None:
                return RString(text)
            self.rt.require("date")
            date_cls = self.rt.lookup_const_in(OBJECT, "Date")
            return self.rt.call(date_cls, "new", *value)
        if kind == "int" and value is None:
            raise self.rt.error("ArgumentError", f'invalid value for Integer(): "{text}"')
        return value

    def scalar(self, node: Scalar) -> Any:
        if node.quoted:
            return RString(node.value)
        tag = node.tag
        if tag is None:
            return self.tokenize(node.value)
        if tag in ("!binary", "tag:yaml.org,2002:binary"):
            return RString(_base64_decode(node.value))
        m = re.match(r"^!(?:str|ruby/string)(?::(.*))?$", tag)
        if m or tag == "tag:yaml.org,2002:str":
            if m and m.group(1):
                self.check_class(m.group(1))
            return RString(node.value)
        if tag in ("tag:yaml.org,2002:float", "!float"):
            v = self.tokenize(node.value)
            if type(v) in (int, float):
                return float(v)
            raise self.rt.error("ArgumentError", f"invalid value for Float(): {self.rt.inspect(v)}")
        if tag == "!ruby/regexp":
            self.check_class("Regexp")
            m = re.match(r"^/(.*)/([mixn]*)$", node.value, re.S)
            source, flags = (m.group(1), m.group(2)) if m else (node.value, "")
            options = (1 if "i" in flags else 0) | (2 if "x" in flags else 0) | (4 if "m" in flags else 0)
            return self.rt.call(self.rt.lookup_const_in(OBJECT, "Regexp"), "new", RString(source), options)
        if tag == "!ruby/range":
            self.check_class("Range")
            parts = re.split(r"([.]{2,3})", node.value, maxsplit=1)
            if len(parts) == 3:
                return RRange(self.tokenize(parts[0]), self.tokenize(parts[2]), parts[1] == "...")
            return self.tokenize(node.value)
        if tag in ("!ruby/class", "!ruby/module"):
            self.check_class(node.value)
            return self.rt.call(OBJECT, "const_get", RString(node.value))
        for special in (
            "!ruby/object:BigDecimal",
            "!ruby/object:DateTime",
            "!ruby/object:Complex",
            "!ruby/object:Rational",
        ):
            if tag == special:
                self.check_class(special.split(":", 1)[1])
        if re.match(r"^!ruby/sym(bol)?:?(.*)?$", tag):
            return self.symbolize(node.value)
        return self.tokenize(node.value)

    def mapping(self, node: Map) -> Any:
        tag = node.tag
        if tag is None:
            return self.revive_hash(self.register(node, RHash()), node)
        m = re.match(r"^!ruby/object:?(.*)?$", tag) or re.match(r"^!ruby/struct:?(.*)?$", tag)
        if m:
            name = m.group(1) or ("Object" if tag.startswith("!ruby/object") else "Struct")
            if name == "Hash":
                return self.revive_hash(self.register(node, RHash()), node)
            self.check_class(name)
            return self.revive_object(name, node)
        m = re.match(r"^!ruby/exception:?(.*)?$", tag)
        if m:
            self.check_class(m.group(1) or "Exception")
        elif tag == "!ruby/range":
            self.check_class("Range")
            h = self.revive_hash(RHash(), node, True)
            return self.register(
                node, RRange(h.get(RString("begin")), h.get(RString("end")), truthy(h.get(RString("excl"))))
            )
        else:
            m = re.match(r"^!(?:map|ruby/hash|ruby/hash-with-ivars):(.*)$", tag) or re.match(
                r"^!ruby/marshalable:(.*)$", tag
            )
            if m:
                self.check_class(m.group(1))
        return self.revive_hash(self.register(node, RHash()), node)

    def revive_object(self, name: str, node: Map) -> Any:
        rt = self.rt
        cls: Any = rt.lookup_const_in(OBJECT, name.split("::")[0])
        for part in name.split("::")[1:]:
            cls = rt.lookup_const_in(cls, part) if isinstance(cls, RModule) else None
        if not isinstance(cls, RClass):
            raise rt.error("ArgumentError", f"undefined class/module {name}")
        obj = self.register(node, rt.call(cls, "allocate"))
        members = self.revive_hash(RHash(), node, True)
        for key, value in members.items():
            rt.ivars_of(obj)["@" + rt.to_s(key)] = value
        return obj

    def revive_hash(self, h: RHash, node: Map, tagged: bool = False) -> RHash:
        items = node.items
        for i in range(0, len(items) - 1, 2):
            knode, vnode = items[i], items[i + 1]
            key = self.accept(knode)
            val = self.accept(vnode)
            if type(key) is RString and key.s == "<<" and getattr(knode, "tag", None) != "tag:yaml.org,2002:str":
                if type(vnode) in (Alias, Map) and type(val) is RHash:
                    h.update(val)
                elif type(vnode) is Seq and all(type(v) is RHash for v in val):
                    merged = RHash()
                    for v in reversed(val):
                        merged.update(v)
                    h.update(merged)
                else:
                    h[store_key(self.rt, key)] = val
                continue
            if not tagged and self.symbolize_names and type(key) is RString:
                key = Symbol.of(key.s)
            h[store_key(self.rt, key)] = val
        return h


def _freeze(value: Any) -> None:
    t = type(value)
    if t is RString or t is RHash:
        value.frozen = True
    elif t is list:
        freeze_array(value)


# ---------------------------------------------------------------- Ruby values to nodes (Psych::Visitors::YAMLTree)


class Dumper:
    """Nodes for Ruby values: Psych's choice of tags and styles, anchors for repeated collections."""

    def __init__(
        self, rt: Any, line_width: int | None = None, restrict: tuple[set[str], list[str], bool] | None = None
    ):
        self.rt = rt
        self.line_width = line_width
        self.restrict = restrict
        self.nodes: dict[int, Any] = {}
        self.ids: dict[int, int] = {}
        self.counter = 0

    def register(self, obj: Any, node: Any) -> Any:
        self.nodes[id(obj)] = node
        return node

    def accept(self, obj: Any) -> Any:
        """The node of a value (an alias when the collection was seen before)."""
        key = id(obj)
        if key in self.nodes and type(obj) not in (int, float, bool, Symbol, RString) and obj is not None:
            if self.restrict is not None and not self.restrict[2]:
                raise self.rt.error(BAD_ALIAS, "Tried to dump an aliased object")
            if key not in self.ids:
                self.counter += 1
                self.ids[key] = self.counter
            anchor = str(self.ids[key])
            self.nodes[key].anchor = anchor
            return Alias(anchor)
        if self.restrict is not None:
            name = "Symbol" if type(obj) is Symbol else self.rt.module_name(self.rt.real_class(obj))
            if name not in self.restrict[0]:
                raise self.rt.error(DISALLOWED_CLASS, f"Tried to dump unspecified class: {name}")
            if type(obj) is Symbol and obj.name not in self.restrict[1] and obj not in self.restrict[1]:
                raise self.rt.error(
                    DISALLOWED_CLASS, f"Tried to dump unspecified class: Symbol({self.rt.inspect(obj)})"
                )
        return self.visit(obj)

    def visit(self, obj: Any) -> Any:
        t = type(obj)
        if t is RHash:
            node = self.register(obj, Map())
            for k, v in list(obj.items()):
                node.items.append(self.accept(k))
                node.items.append(self.accept(v))
            return node
        if isinstance(obj, list):
            node = self.register(obj, Seq())
            for item in list(obj):
                node.items.append(self.accept(item))
            return node
        if t is RString:
            return self.string(obj.s)
        if obj is None:
            return Scalar("", "tag:yaml.org,2002:null", True, False)
        if t is bool:
            return Scalar("true" if obj else "false", None, True, False)
        if t is int:
            return Scalar(str(obj), None, True, False)
        if t is float:
            text = (
                ".nan" if math.isnan(obj) else (".inf" if obj > 0 else "-.inf") if math.isinf(obj) else float_to_s(obj)
            )
            return Scalar(text, None, True, False)
        if t is Symbol:
            if obj.name == "":
                return Scalar("", "!ruby/symbol", False, False)
            return Scalar(":" + obj.name, None, True, False)
        if t is RRange:
            node = self.register(obj, Map("!ruby/range", False))
            for item in (RString("begin"), obj.first, RString("end"), obj.last, RString("excl"), obj.exclusive):
                node.items.append(self.accept(item))
            return node
        if t is RRegexp:
            return self.register(obj, Scalar(self.rt.inspect(obj), "!ruby/regexp", False, False))
        if isinstance(obj, RModule):
            if obj.name is None:
                kind = "class" if isinstance(obj, RClass) else "module"
                raise self.rt.error("TypeError", f"can't dump anonymous {kind}: {self.rt.inspect(obj)}")
            tag = "!ruby/class" if isinstance(obj, RClass) else "!ruby/module"
            return self.register(obj, Scalar(obj.name, tag, False, False, "single"))
        name = self.rt.module_name(self.rt.real_class(obj))
        if name == "Time":
            from pydrake.runtime.core.time import strftime

            fmt = "%Y-%m-%d %H:%M:%S.%9N Z" if obj.mode == "utc" else "%Y-%m-%d %H:%M:%S.%9N %:z"
            return self.register(obj, Scalar(strftime(obj, fmt), None, True, False))
        if name == "Date":
            return Scalar(self.rt.to_s(obj), None, True, False)
        return self.object(obj, name)

    def object(self, obj: Any, name: str) -> Any:
        tag = "!ruby/object" if name == "Object" else f"!ruby/object:{name}"
        node = self.register(obj, Map(tag, False))
        for ivar, value in list(self.rt.ivars_of(obj).items()):
            if not ivar.startswith("@"):
                continue
            node.items.append(Scalar(ivar[1:], None, True, False))
            node.items.append(self.accept(value))
        return node

    def string(self, o: str) -> Scalar:
        """Psych's visit_String: the style asked of the emitter (which may still quote more)."""
        plain = quote = True
        style = "plain"
        tag = None
        if _rx(r"\n(?!\n?\Z)").search(o):
            style = "literal"
        elif o == "<<":
            style, tag, plain, quote = "single", "tag:yaml.org,2002:str", False, False
        elif o in ("y", "n"):
            style = "double"
        elif self.line_width and len(o) > self.line_width:
            style = "folded"
        elif _rx(r'^[^\w][^"]*$', _M).search(o):
            style = "double"
        elif _resolves_to_non_string(o) or _rx(r"\A0[0-7]*[89]").search(o):
            style = "single"
        return Scalar(o, tag, plain, quote, style)


# ---------------------------------------------------------------- emitter (libyaml)


def _printable(c: str) -> bool:
    o = ord(c)
    return o == 0x0A or 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or (0xE000 <= o <= 0xFFFD and o != 0xFEFF)


class _Analysis:
    __slots__ = ("multiline", "flow_plain", "block_plain", "single", "block")

    def __init__(self, value: str) -> None:
        self.multiline = False
        self.flow_plain = self.block_plain = self.single = self.block = True
        if value == "":
            self.flow_plain = False
            self.block = False
            return
        block_ind = flow_ind = line_breaks = special = False
        leading_space = leading_break = trailing_space = trailing_break = False
        break_space = space_break = previous_space = previous_break = False
        if value.startswith(("---", "...")):
            block_ind = flow_ind = True
        preceded_by_ws = True
        n = len(value)
        followed_by_ws = n == 1 or value[1] in _BLANKZ
        for i, c in enumerate(value):
            if i == 0:
                if c in "#,[]{}&*!|>'\"%@`":
                    flow_ind = block_ind = True
                if c in "?:":
                    flow_ind = True
                    if followed_by_ws:
                        block_ind = True
                if c == "-" and followed_by_ws:
                    flow_ind = block_ind = True
            else:
                if c in ",?[]{}":
                    flow_ind = True
                if c == ":":
                    flow_ind = True
                    if followed_by_ws:
                        block_ind = True
                if c == "#" and preceded_by_ws:
                    flow_ind = block_ind = True
            if not _printable(c):
                special = True
            is_break = c in _BREAKS
            if is_break:
                line_breaks = True
            if c == " ":
                if i == 0:
                    leading_space = True
                if i == n - 1:
                    trailing_space = True
                if previous_break:
                    break_space = True
                previous_space, previous_break = True, False
            elif is_break:
                if i == 0:
                    leading_break = True
                if i == n - 1:
                    trailing_break = True
                if previous_space:
                    space_break = True
                previous_space, previous_break = False, True
            else:
                previous_space = previous_break = False
            preceded_by_ws = c in _BLANKZ
            if i + 1 < n:
                followed_by_ws = i + 2 >= n or value[i + 2] in _BLANKZ
        self.multiline = line_breaks
        if leading_space or leading_break or trailing_space or trailing_break:
            self.flow_plain = self.block_plain = False
        if trailing_space:
            self.block = False
        if break_space:
            self.flow_plain = self.block_plain = self.single = False
        if space_break or special:
            self.flow_plain = self.block_plain = self.single = self.block = False
        if line_breaks:
            self.flow_plain = self.block_plain = False
        if flow_ind:
            self.flow_plain = False
        if block_ind:
            self.block_plain = False


_DQ_ESCAPES = {
    "\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
    "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
}  # fmt: skip


class Emitter:
    """libyaml's emitter over a node tree: block style, 2-space indent, folding past ``width`` columns."""

    def __init__(self, indent: int = 2, width: int = 80) -> None:
        self.best_indent = indent if 2 <= indent <= 9 else 2
        if 0 <= width <= self.best_indent * 2:
            width = 80
        self.best_width = width if width >= 0 else 1 << 62
        self.out: list[str] = []
        self.column = 0
        self.whitespace = True
        self.indention = True
        self.indent = -1
        self.indents: list[int] = []
        self.flow_level = 0
        self.open_ended = 0
        self.mapping_context = False
        self.simple_key_context = False

    # -- low-level writing

    def put(self, text: str) -> None:
        self.out.append(text)
        self.column += len(text)

    def put_break(self) -> None:
        self.out.append("\n")
        self.column = 0

    def write_break(self, c: str) -> None:
        if c == "\n":
            self.put_break()
        else:
            self.out.append(c)
            self.column = 0

    def write_indent(self) -> None:
        indent = max(self.indent, 0)
        if not self.indention or self.column > indent or (self.column == indent and not self.whitespace):
            self.put_break()
        while self.column < indent:
            self.put(" ")
        self.whitespace = True
        self.indention = True

    def indicator(self, text: str, need_ws: bool, is_ws: bool = False, is_indention: bool = False) -> None:
        if need_ws and not self.whitespace:
            self.put(" ")
        self.put(text)
        self.whitespace = is_ws
        self.indention = self.indention and is_indention

    def increase_indent(self, flow: bool, indentless: bool) -> None:
        self.indents.append(self.indent)
        if self.indent < 0:
            self.indent = self.best_indent if flow else 0
        elif not indentless:
            self.indent += self.best_indent

    # -- documents

    def document(self, root: Any, first: bool) -> None:
        """One document: ``---``, its root node, and the line end."""
        self.write_indent()
        self.indicator("---", True)
        self.node(root, root=True)
        self.write_indent()
        if not self.open_ended:
            self.open_ended = 1

    def finish(self) -> str:
        """The stream's text."""
        if self.open_ended == 2:
            self.indicator("...", True)
            self.open_ended = 0
            self.write_indent()
        return "".join(self.out)

    # -- nodes

    def node(
        self, node: Any, root: bool = False, sequence: bool = False, mapping: bool = False, simple_key: bool = False
    ) -> None:
        self.mapping_context = mapping
        self.simple_key_context = simple_key
        t = type(node)
        if t is Alias:
            self.indicator("*", True)
            self.put(node.anchor)
            self.whitespace = self.indention = False
            if simple_key:
                self.put(" ")
        elif t is Scalar:
            self.scalar(node)
        elif t is Seq:
            self.anchor_and_tag(node, node.tag if not node.implicit else None)
            if self.flow_level or node.flow or not node.items:
                self.flow_sequence(node)
            else:
                self.block_sequence(node)
        else:
            self.anchor_and_tag(node, node.tag if not node.implicit else None)
            if self.flow_level or node.flow or not node.items:
                self.flow_mapping(node)
            else:
                self.block_mapping(node)

    def anchor_and_tag(self, node: Any, tag: str | None) -> None:
        if node.anchor is not None:
            self.indicator("&", True)
            self.put(node.anchor)
            self.whitespace = self.indention = False
        if tag:
            handle, suffix = _tag_parts(tag)
            self.write_tag(handle, suffix)

    def write_tag(self, handle: str | None, suffix: str) -> None:
        if handle is not None:
            if not self.whitespace:
                self.put(" ")
            self.put(handle)
            self.put(_tag_content(suffix))
        else:
            self.indicator("!<", True)
            self.put(_tag_content(suffix))
            self.indicator(">", False)
        self.whitespace = self.indention = False

    def flow_sequence(self, node: Seq) -> None:
        self.indicator("[", True, True)
        self.increase_indent(True, False)
        self.flow_level += 1
        for i, item in enumerate(node.items):
            if i:
                self.indicator(",", False)
            if self.column > self.best_width:
                self.write_indent()
            self.node(item, sequence=True)
        self.flow_level -= 1
        self.indent = self.indents.pop()
        self.indicator("]", False)

    def flow_mapping(self, node: Map) -> None:
        self.indicator("{", True, True)
        self.increase_indent(True, False)
        self.flow_level += 1
        items = node.items
        for i in range(0, len(items), 2):
            if i:
                self.indicator(",", False)
            if self.column > self.best_width:
                self.write_indent()
            key, value = items[i], items[i + 1]
            if self.simple_key(key):
                self.node(key, mapping=True, simple_key=True)
                self.indicator(":", False)
            else:
                self.indicator("?", True)
                self.node(key, mapping=True)
                if self.column > self.best_width:
                    self.write_indent()
                self.indicator(":", True)
            self.node(value, mapping=True)
        self.flow_level -= 1
        self.indent = self.indents.pop()
        self.indicator("}", False)

    def block_sequence(self, node: Seq) -> None:
        self.increase_indent(False, self.mapping_context and not self.indention)
        for item in node.items:
            self.write_indent()
            self.indicator("-", True, False, True)
            self.node(item, sequence=True)
        self.indent = self.indents.pop()

    def block_mapping(self, node: Map) -> None:
        self.increase_indent(False, False)
        items = node.items
        for i in range(0, len(items), 2):
            key, value = items[i], items[i + 1]
            self.write_indent()
            if self.simple_key(key):
                self.node(key, mapping=True, simple_key=True)
                self.indicator(":", False)
            else:
                self.indicator("?", True, False, True)
                self.node(key, mapping=True)
                self.write_indent()
                self.indicator(":", True, False, True)
            self.node(value, mapping=True)
        self.indent = self.indents.pop()

    def simple_key(self, node: Any) -> bool:
        """Whether a key can be written in place (``key:``) rather than after ``? ``."""
        t = type(node)
        length = len(node.anchor or "")
        if t is Scalar:
            if _Analysis(node.value).multiline:
                return False
            length += len(node.value.encode("utf-8", "surrogateescape"))
            if node.tag is not None and not node.plain and not node.quoted:
                length += _tag_length(node.tag)
        elif t is not Alias:
            if node.items:
                return False
            if node.tag is not None and not node.implicit:
                length += _tag_length(node.tag)
        return length <= 128

    def scalar(self, node: Scalar) -> None:
        info = _Analysis(node.value)
        tag_handle: str | None = None
        tag_suffix: str | None = None
        if node.tag is not None and not node.plain and not node.quoted:
            tag_handle, tag_suffix = _tag_parts(node.tag)
        no_tag = tag_handle is None and tag_suffix is None
        style = node.style
        if style == "any":
            style = "plain"
        if self.simple_key_context and info.multiline:
            style = "double"
        if style == "plain":
            if (self.flow_level and not info.flow_plain) or (not self.flow_level and not info.block_plain):
                style = "single"
            if not node.value and (self.flow_level or self.simple_key_context):
                style = "single"
            if no_tag and not node.plain:
                style = "single"
        if style == "single" and not info.single:
            style = "double"
        if style in ("literal", "folded") and (not info.block or self.flow_level or self.simple_key_context):
            style = "double"
        if no_tag and not node.quoted and style != "plain":
            tag_handle, tag_suffix = "!", ""
        if node.anchor is not None:
            self.indicator("&", True)
            self.put(node.anchor)
            self.whitespace = self.indention = False
        if tag_handle is not None or tag_suffix is not None:
            self.write_tag(tag_handle, tag_suffix or "")
        self.increase_indent(True, False)
        allow_breaks = not self.simple_key_context
        if style == "plain":
            self.write_plain(node.value, allow_breaks)
        elif style == "single":
            self.write_single(node.value, allow_breaks)
        elif style == "double":
            self.write_double(node.value, allow_breaks)
        elif style == "literal":
            self.write_literal(node.value)
        else:
            self.write_folded(node.value)
        self.indent = self.indents.pop()

    # -- scalar writers

    def write_plain(self, value: str, allow_breaks: bool) -> None:
        if not self.whitespace and (value or self.flow_level):
            self.put(" ")
        spaces = breaks = False
        n = len(value)
        for i, c in enumerate(value):
            if c == " ":
                if (
                    allow_breaks
                    and not spaces
                    and self.column > self.best_width
                    and not (i + 1 < n and value[i + 1] == " ")
                ):
                    self.write_indent()
                else:
                    self.put(c)
                spaces = True
            elif c in _BREAKS:
                if not breaks and c == "\n":
                    self.put_break()
                self.write_break(c)
                self.indention = True
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                self.put(c)
                self.indention = False
                spaces = breaks = False
        self.whitespace = False
        self.indention = False

    def write_single(self, value: str, allow_breaks: bool) -> None:
        self.indicator("'", True)
        spaces = breaks = False
        n = len(value)
        for i, c in enumerate(value):
            if c == " ":
                if (
                    allow_breaks
                    and not spaces
                    and self.column > self.best_width
                    and i != 0
                    and i != n - 1
                    and not (i + 1 < n and value[i + 1] == " ")
                ):
                    self.write_indent()
                else:
                    self.put(c)
                spaces = True
            elif c in _BREAKS:
                if not breaks and c == "\n":
                    self.put_break()
                self.write_break(c)
                self.indention = True
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                if c == "'":
                    self.put("'")
                self.put(c)
                self.indention = False
                spaces = breaks = False
        if breaks:
            self.write_indent()
        self.indicator("'", False)
        self.whitespace = False
        self.indention = False

    def write_double(self, value: str, allow_breaks: bool) -> None:
        self.indicator('"', True)
        spaces = False
        n = len(value)
        for i, c in enumerate(value):
            if not _printable(c) or c == "\ufeff" or c in _BREAKS or c in '"\\':
                esc = _DQ_ESCAPES.get(c)
                if esc is None:
                    o = ord(c)
                    esc = f"x{o:02X}" if o <= 0xFF else f"u{o:04X}" if o <= 0xFFFF else f"U{o:08X}"
                self.put("\\" + esc)
                spaces = False
            elif c == " ":
                if allow_breaks and not spaces and self.column > self.best_width and i != 0 and i != n - 1:
                    self.write_indent()
                    if i + 1 < n and value[i + 1] == " ":
                        self.put("\\")
                else:
                    self.put(c)
                spaces = True
            else:
                self.put(c)
                spaces = False
        self.indicator('"', False)
        self.whitespace = False
        self.indention = False

    def block_hints(self, value: str) -> None:
        if value and (value[0] == " " or value[0] in _BREAKS):
            self.indicator(str(self.best_indent), False)
        self.open_ended = 0
        chomp = ""
        if not value or value[-1] not in _BREAKS:
            chomp = "-"
        elif len(value) == 1 or value[-2] in _BREAKS:
            chomp = "+"
            self.open_ended = 2
        if chomp:
            self.indicator(chomp, False)

    def write_literal(self, value: str) -> None:
        self.indicator("|", True)
        self.block_hints(value)
        self.put_break()
        self.indention = self.whitespace = True
        breaks = True
        for c in value:
            if c in _BREAKS:
                self.write_break(c)
                self.indention = True
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                self.put(c)
                self.indention = False
                breaks = False

    def write_folded(self, value: str) -> None:
        self.indicator(">", True)
        self.block_hints(value)
        self.put_break()
        self.indention = self.whitespace = True
        breaks = True
        leading_spaces = True
        n = len(value)
        for i, c in enumerate(value):
            if c in _BREAKS:
                if not breaks and not leading_spaces and c == "\n":
                    k = i
                    while k < n and value[k] in _BREAKS:
                        k += 1
                    if not (k >= n or value[k] in _BLANKZ):
                        self.put_break()
                self.write_break(c)
                self.indention = True
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                    leading_spaces = c in " \t"
                if (
                    not breaks
                    and c == " "
                    and not (i + 1 < n and value[i + 1] == " ")
                    and self.column > self.best_width
                ):
                    self.write_indent()
                else:
                    self.put(c)
                self.indention = False
                breaks = False


_TAG_SAFE = frozenset(";/?:@&=+$,_.~*'()[]") | _ALPHA


def _tag_parts(tag: str) -> tuple[str | None, str]:
    """(handle, suffix) of a tag as the default ``!`` and ``!!`` directives shorten it."""
    if len(tag) > 1 and tag.startswith("!"):
        return "!", tag[1:]
    prefix = "tag:yaml.org,2002:"
    if len(tag) > len(prefix) and tag.startswith(prefix):
        return "!!", tag[len(prefix) :]
    return None, tag


def _tag_length(tag: str) -> int:
    handle, suffix = _tag_parts(tag)
    return len(handle or "") + len(suffix)


def _tag_content(text: str) -> str:
    out = []
    for c in text:
        if c in _TAG_SAFE:
            out.append(c)
        else:
            out.extend(f"%{b:02X}" for b in c.encode("utf-8"))
    return "".join(out)


def emit(docs: list[Any], indent: int = 2, width: int = 80) -> str:
    """The YAML text of documents (node trees)."""
    em = Emitter(indent, width)
    for i, root in enumerate(docs):
        em.document(root, i == 0)
    return em.finish()


# ---------------------------------------------------------------- the Ruby API


def _source_text(rt: Any, yaml: Any) -> str:
    if type(yaml) is RString:
        return yaml.s
    if yaml is not None and rt.responds_to(yaml, "read"):
        return str_arg(rt, rt.call(yaml, "read"))
    return str_arg(rt, yaml)


def _syntax_error(rt: Any, err: YamlSyntaxError, filename: Any) -> RubyError:
    _, line, column = err.mark
    text = " ".join(x for x in (err.problem, err.context) if x)
    shown = rt.to_s(filename) if filename is not None else "<unknown>"
    e = rt.error(SYNTAX_ERROR, f"({shown}): {text} at line {line + 1} column {column + 1}")
    e.exc.ivars.update(
        {
            "@file": filename,
            "@line": line + 1,
            "@column": column + 1,
            "@offset": 0,
            "@problem": RString(err.problem),
            "@context": RString(err.context) if err.context else None,
        }
    )
    return e


def parse_documents(rt: Any, text: str, filename: Any = None, first_only: bool = False) -> list[Any]:
    """The root nodes of the documents in ``text`` (just the first with ``first_only``)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    docs: list[Any] = []
    try:
        for root in Parser(text).documents():
            docs.append(root)
            if first_only:
                break
    except YamlSyntaxError as e:
        raise _syntax_error(rt, e, filename) from None
    return docs


_LOAD_KEYWORDS = (
    "permitted_classes",
    "permitted_symbols",
    "aliases",
    "filename",
    "fallback",
    "symbolize_names",
    "freeze",
)


def _keywords(
    rt: Any, args: tuple[Any, ...], allowed: tuple[str, ...], npos: int
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    opts: dict[str, Any] = {}
    if args and type(args[-1]) is RHash and all(isinstance(k, Symbol) for k in args[-1]):
        for key, value in args[-1].items():
            if key.name not in allowed:
                raise rt.error("ArgumentError", f"unknown keyword: {rt.inspect(key)}")
            opts[key.name] = value
        args = args[:-1]
    if len(args) != npos:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected {npos})")
    return args, opts


def _class_names(rt: Any, value: Any) -> set[str]:
    items = value if type(value) is list else [] if value is None else [value]
    return {item.name if isinstance(item, RModule) and item.name else rt.to_s(item) for item in items}


def load_value(rt: Any, yaml: Any, opts: dict[str, Any], permitted: set[str] | None, fallback: Any) -> Any:
    """Psych.safe_load (``permitted`` None: unsafe_load): the first document's value, or ``fallback``."""
    filename = opts.get("filename")
    docs = parse_documents(rt, _source_text(rt, yaml), filename, first_only=True)
    if not docs:
        return opts.get("fallback", fallback)
    symbols = [rt.to_s(s) for s in (opts.get("permitted_symbols") or [])]
    aliases = permitted is None or truthy(opts.get("aliases"))
    loader = Loader(rt, permitted, symbols, aliases, truthy(opts.get("symbolize_names")), truthy(opts.get("freeze")))
    return loader.accept(docs[0])


@builtin(PSYCH, "load", singleton=True)
def psych_load(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Psych.load(yaml, permitted_classes: [Symbol], permitted_symbols: [], aliases: false, ...)."""
    (yaml,), opts = _keywords(rt, args, _LOAD_KEYWORDS, 1)
    permitted = _class_names(rt, opts["permitted_classes"]) if "permitted_classes" in opts else {"Symbol"}
    return load_value(rt, yaml, opts, permitted | _BASIC_CLASSES, None)


_BASIC_CLASSES = {"TrueClass", "FalseClass", "NilClass", "Integer", "Float", "String", "Array", "Hash"}


@builtin(PSYCH, "safe_load", singleton=True)
def psych_safe_load(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Psych.safe_load(yaml, permitted_classes: [], permitted_symbols: [], aliases: false, ...)."""
    (yaml,), opts = _keywords(rt, args, _LOAD_KEYWORDS, 1)
    permitted = _class_names(rt, opts.get("permitted_classes"))
    return load_value(rt, yaml, opts, permitted | _BASIC_CLASSES, None)


@builtin(PSYCH, "unsafe_load", singleton=True)
def psych_unsafe_load(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Psych.unsafe_load(yaml, filename: nil, fallback: false, symbolize_names: false, freeze: false)."""
    (yaml,), opts = _keywords(rt, args, ("filename", "fallback", "symbolize_names", "freeze"), 1)
    return load_value(rt, yaml, opts, None, False)


def _file_loader(fn: Any) -> Any:
    def load_file(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
        if not args:
            raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1)")
        path = args[0]
        text = rt.call(rt.lookup_const_in(OBJECT, "File"), "read", path)
        kw = RHash(args[1]) if len(args) > 1 and type(args[1]) is RHash else RHash()
        kw[Symbol.of("filename")] = path
        return fn(rt, recv, text, kw, *args[2:])

    load_file.__doc__ = f"Psych.{fn.__name__.replace('psych_', '')}_file(filename, **options): load the file's text."
    return load_file


PSYCH.smethods["load_file"] = _file_loader(psych_load)
PSYCH.smethods["safe_load_file"] = _file_loader(psych_safe_load)
PSYCH.smethods["unsafe_load_file"] = _file_loader(psych_unsafe_load)


@builtin(PSYCH, "load_stream", singleton=True)
def psych_load_stream(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Psych.load_stream(yaml): every document's value (yielded to a block when given)."""
    (yaml,), opts = _keywords(rt, args, ("filename", "fallback", "symbolize_names", "freeze"), 1)
    docs = parse_documents(rt, _source_text(rt, yaml), opts.get("filename"))
    values = []
    for root in docs:
        loader = Loader(rt, None, [], True, truthy(opts.get("symbolize_names")), truthy(opts.get("freeze")))
        value = loader.accept(root)
        if block is not None:
            rt.call_block(block, value)
        else:
            values.append(value)
    if block is not None:
        return None
    if not values:
        return opts.get("fallback", [])
    return values


def _dump_options(rt: Any, options: Any) -> tuple[int, int, int | None]:
    indent, width, line_width = 2, 0, None
    if type(options) is RHash:
        for key, value in options.items():
            name = key.name if isinstance(key, Symbol) else rt.to_s(key)
            if name == "indentation" and type(value) is int:
                indent = value
            elif name == "line_width" and type(value) is int:
                width = value
                line_width = value
                if value < 0:
                    if value != -1:
                        raise rt.error(
                            "ArgumentError", f"Invalid line_width {value}, must be non-negative or -1 for unlimited."
                        )
                    line_width = None
    return indent, width, line_width


def dump_text(
    rt: Any, objs: list[Any], options: Any = None, restrict: tuple[set[str], list[Any], bool] | None = None
) -> str:
    """Psych.dump's text for one or more documents."""
    indent, width, line_width = _dump_options(rt, options)
    dumper = Dumper(rt, line_width, restrict)
    roots = [dumper.accept(obj) for obj in objs]
    return emit(roots, indent, width)


def _write_or_return(rt: Any, text: str, io: Any) -> Any:
    if io is not None:
        rt.call(io, "write", RString(text))
        return io
    return RString(text)


@builtin(PSYCH, "dump", singleton=True)
def psych_dump(rt: Any, recv: Any, obj: Any, io: Any = None, options: Any = None, block: RProc | None = None) -> Any:
    """Psych.dump(obj, io = nil, options = {}): YAML text (written to ``io`` when given)."""
    if type(io) is RHash:
        io, options = None, io
    return _write_or_return(rt, dump_text(rt, [obj], options), io)


@builtin(PSYCH, "safe_dump", singleton=True)
def psych_safe_dump(
    rt: Any, recv: Any, obj: Any, io: Any = None, options: Any = None, block: RProc | None = None
) -> Any:
    """Psych.safe_dump(obj, io = nil, permitted_classes: [], permitted_symbols: [], aliases: false)."""
    if type(io) is RHash:
        io, options = None, io
    opts = options if type(options) is RHash else RHash()
    permitted = _class_names(rt, opts.get(Symbol.of("permitted_classes"))) | _BASIC_CLASSES
    symbols = list(opts.get(Symbol.of("permitted_symbols")) or [])
    restrict = (permitted, symbols, truthy(opts.get(Symbol.of("aliases"))))
    return _write_or_return(rt, dump_text(rt, [obj], options, restrict), io)


@builtin(PSYCH, "dump_stream", singleton=True)
def psych_dump_stream(rt: Any, recv: Any, *objs: Any, block: RProc | None = None) -> RString:
    """Psych.dump_stream(*objects): one document per object."""
    return RString(dump_text(rt, list(objs)))


def object_to_yaml(rt: Any, recv: Any, options: Any = None, block: RProc | None = None) -> RString:
    """obj.to_yaml(options = {}): Psych.dump(obj, options)."""
    return RString(dump_text(rt, [recv], options))


for _attr in ("file", "line", "column", "offset", "problem", "context"):

    def _reader(rt: Any, recv: Any, block: RProc | None = None, _name: str = "@" + _attr) -> Any:
        return recv.ivars.get(_name)

    _reader.__doc__ = f"Psych::SyntaxError#{_attr}"
    SYNTAX_ERROR.methods[_attr] = _reader


@default_feature("psych")
def require_psych(rt: Any) -> None:
    """Define Psych and #to_yaml on every object."""
    rt.set_const(OBJECT, "Psych", PSYCH)
    rt.add_method(OBJECT, "to_yaml", object_to_yaml)


@default_feature("yaml")
def require_yaml(rt: Any) -> None:
    """Load Psych and name it YAML too."""
    rt.require("psych")
    rt.set_const(OBJECT, "YAML", PSYCH)
