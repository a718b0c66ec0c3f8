"""Parse Ruby source into an AST: the hand-written lexer feeding the grammar's LALR(1) tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydrake.syntax.errors import RubySyntaxError

if TYPE_CHECKING:
    from pydrake.syntax import ast
    from pydrake.syntax.tokens import Tok

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


def parse(source: str, filename: str = "(string)") -> ast.Program:
    """Parse Ruby ``source``; syntax errors raise RubySyntaxError with file, line and column."""
    # Imported here: a run whose files are all in the AST cache never loads the lexer or tables.
    from pydrake.syntax.builder import Builder
    from pydrake.syntax.lalr import ParseError, parse_tokens
    from pydrake.syntax.lexer import Lexer

    tokens = Lexer(source, filename).tokens()
    try:
        return parse_tokens(tokens, Builder(filename))  # type: ignore[no-any-return]
    except ParseError as e:
        raise _syntax_error(e.token, source, filename, e.expected) from None
    except RubySyntaxError as err:
        if not err.source_line:
            err.source_line = _line_of(source, err.line)
        raise


def parse_file(source: str, filename: str) -> ast.Program:
    """Parse a file's ``source``, reusing the AST cached for the same text, name and version."""
    from pydrake.syntax import ast_cache

    if ast_cache.folder() is None:  # no usable cache: no key to compute
        return parse(source, filename)
    key = ast_cache.key(source, filename)
    program = ast_cache.load(key)
    if program is None:
        program = parse(source, filename)
        ast_cache.store(key, program)
    return program


def _line_of(source: str, line: int) -> str:
    lines = source.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _syntax_error(tok: Tok, source: str, filename: str, expected_set: set[str]) -> RubySyntaxError:
    if tok.type == "$END":
        lines = source.splitlines() or [""]
        line = len(lines)
        msg = "syntax error, unexpected end-of-input"
        if "KW_END" in expected_set:
            msg += ", expecting `end'"
        return RubySyntaxError(msg, filename, line, len(lines[-1]) + 1, lines[-1])
    what = TOKEN_NAMES.get(tok.type) or f"'{tok.value}'"
    if tok.type == "TERM" and tok.value == "\n":
        what = "end-of-line"
    msg = f"syntax error, unexpected {what}"
    expected = sorted(TOKEN_NAMES.get(x, "") for x in expected_set if x in TOKEN_NAMES)
    expected = [x for x in expected if x]
    if expected and len(expected) <= 3:
        msg += ", expecting " + " or ".join(expected)
    line = tok.line or 0
    return RubySyntaxError(msg, filename, line, tok.column or 0, _line_of(source, line))
