"""Parse Ruby source into an AST: the hand-written lexer feeding Lark's LALR(1) parser."""

from __future__ import annotations

import os
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark
from lark.exceptions import UnexpectedInput, UnexpectedToken, VisitError
from lark.lexer import Lexer as LarkLexer

from pydrake.syntax import ast
from pydrake.syntax.builder import Builder
from pydrake.syntax.errors import RubySyntaxError
from pydrake.syntax.lexer import Lexer
from pydrake.syntax.tokens import Tok

_lock = threading.Lock()
_parser: Any = None

# Human names for tokens in "unexpected ..." messages.
TOKEN_NAMES = {
    "TERM": "end-of-line",
    "KW_END": "'end'",
    "RPAREN": "')'",
    "RBRACK": "']'",
    "RBRACE": "'}'",
    "COMMA": "','",
    "ASSOC": "'=>'",
    "DO_BLOCK": "'do'",
    "KW_DO": "'do'",
    "$END": "end-of-input",
}


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


def build_parser(**options: Any) -> Lark:
    """A fresh Lark LALR parser for the grammar (``options`` go to Lark, e.g. ``debug=True``)."""
    from lark import Transformer

    builder_methods = {
        name: _route(name) for name in dir(Builder) if not name.startswith("_") and callable(getattr(Builder, name))
    }
    transformer = type("AstTransformer", (Transformer,), builder_methods)()
    return Lark(grammar_text(), parser="lalr", lexer=_TokenFeed, transformer=transformer, start="start", **options)


def _route(name: str) -> Any:
    method = getattr(Builder, name)

    def call(self: Any, children: list[Any]) -> Any:
        return method(_current.builder, children)

    call.__name__ = name
    return call


def cache_file() -> str | None:
    """Where the parser tables are cached (None: do not cache).

    The cache is a pickle, so it only lives where nobody but its owner can write: beside the
    package's own code when that folder is the user's (a checkout or a user install), else a
    private folder in the user's cache directory (``$XDG_CACHE_HOME/pydrake``, mode 0700).
    """
    from pydrake import __version__

    name = f"grammar-{__version__}.lark-cache"
    package = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
    if _private(package, create=True):
        return os.path.join(package, name)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "pydrake")
    if _private(folder, create=True):
        return os.path.join(folder, name)
    return None


def _private(folder: str, create: bool) -> bool:
    """Is ``folder`` ours and writable by nobody else (made with mode 0700 if missing)?"""
    try:
        if create and not os.path.isdir(folder):
            os.makedirs(folder, mode=0o700, exist_ok=True)
        st = os.stat(folder)
        return st.st_uid == os.getuid() and not st.st_mode & 0o022 and os.access(folder, os.W_OK)
    except OSError:
        return False


def parser() -> Lark:
    """The shared parser, built on first use (tables loaded from the cache when valid)."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                cache = cache_file()
                try:
                    _parser = build_parser(cache=cache) if cache else build_parser()
                except Exception:  # noqa: BLE001 - a damaged or foreign cache file: build afresh
                    _parser = build_parser()
    return _parser


def parse(source: str, filename: str = "(string)") -> ast.Program:
    """Parse Ruby ``source``; syntax errors raise RubySyntaxError with file, line and column."""
    tokens = Lexer(source, filename).tokens()
    p = parser()
    _current.builder = Builder(filename)
    try:
        return p.parse(tokens)  # type: ignore[arg-type]
    except UnexpectedToken as e:
        raise _syntax_error(e.token, source, filename, e) from None
    except UnexpectedInput as e:
        raise RubySyntaxError(f"syntax error: {e}", filename, getattr(e, "line", 0), getattr(e, "column", 0)) from None
    except RubySyntaxError as err:
        if not err.source_line:
            err.source_line = _line_of(source, err.line)
        raise
    except VisitError as e:
        if isinstance(e.orig_exc, RubySyntaxError):
            err = e.orig_exc
            err.source_line = _line_of(source, err.line)
            raise err from None
        raise


def _line_of(source: str, line: int) -> str:
    lines = source.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _syntax_error(tok: Tok, source: str, filename: str, e: UnexpectedToken) -> RubySyntaxError:
    if tok.type == "$END":
        lines = source.splitlines() or [""]
        line = len(lines)
        msg = "syntax error, unexpected end-of-input"
        if "KW_END" in e.expected:
            msg += ", expecting `end'"
        return RubySyntaxError(msg, filename, line, len(lines[-1]) + 1, lines[-1])
    what = TOKEN_NAMES.get(tok.type) or f"'{tok.value}'"
    if tok.type == "TERM" and tok.value == "\n":
        what = "end-of-line"
    msg = f"syntax error, unexpected {what}"
    expected = sorted(TOKEN_NAMES.get(x, "") for x in e.expected if x in TOKEN_NAMES)
    expected = [x for x in expected if x]
    if expected and len(expected) <= 3:
        msg += ", expecting " + " or ".join(expected)
    line = tok.line or 0
    return RubySyntaxError(msg, filename, line, tok.column or 0, _line_of(source, line))
