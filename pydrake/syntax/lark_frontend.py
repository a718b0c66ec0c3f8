"""Lark's own LALR(1) front end for the grammar: builds the parse tables and parses through Lark.

pydrake parses with the tables in ``lalr_tables.py`` (see ``lalr.py``); this module is what
those tables are generated from, and the reference the generated parser is tested against.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Transformer
from lark.lexer import Lexer as LarkLexer

from pydrake.syntax.builder import Builder


def grammar_text() -> str:
    """The grammar: from the installed package, else from the source checkout's grammar/ folder."""
    try:
        return resources.files("pydrake").joinpath("grammar/ruby.lark").read_text()
    except (FileNotFoundError, OSError):
        return (Path(__file__).resolve().parents[2] / "grammar" / "ruby.lark").read_text()


class _TokenFeed(LarkLexer):
    """Hands Lark the tokens our lexer already produced."""

    def __init__(self, conf: Any) -> None:
        pass

    def lex(self, data: Any, parser_state: Any = None) -> Any:  # type: ignore[override]
        return iter(data)


# The Builder of the file being parsed on this thread; Lark's callbacks route to it.
_current = threading.local()


def builder_methods() -> list[str]:
    """The Builder's public methods: one per grammar rule (or alias) that makes a node."""
    return [name for name in dir(Builder) if not name.startswith("_") and callable(getattr(Builder, name))]


def build_parser(**options: Any) -> Lark:
    """A fresh Lark LALR parser for the grammar (``options`` go to Lark, e.g. ``debug=True``)."""
    methods = {name: _route(name) for name in builder_methods()}
    transformer = type("AstTransformer", (Transformer,), methods)()
    return Lark(grammar_text(), parser="lalr", lexer=_TokenFeed, transformer=transformer, start="start", **options)


def _route(name: str) -> Any:
    method = getattr(Builder, name)

    def call(self: Any, children: list[Any]) -> Any:
        return method(_current.builder, children)

    call.__name__ = name
    return call


def parse_with_lark(tokens: list[Any], filename: str, lark: Lark | None = None) -> Any:
    """Parse a token list through Lark itself (the reference for the generated parser)."""
    _current.builder = Builder(filename)
    return (lark or build_parser()).parse(tokens)  # type: ignore[arg-type]
