"""Parse Ruby source into an AST: the hand-written lexer feeding the grammar's LALR(1) tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydrake.syntax.errors import RubySyntaxError

if TYPE_CHECKING:
    from pydrake.syntax import ast
    from pydrake.syntax.tokens import Tok

# Ruby's names for an unexpected token (the aliases in its parse.y): keywords in `quotes',
# literals and names by kind, one-character tokens in 'quotes', longer operators bare.
_KEYWORD_NAMES = {
    "KW_DEFINED": "defined?",
    "KW_FILE": "__FILE__",
    "KW_LINE": "__LINE__",
    "KW_BEGIN_UP": "BEGIN",
    "KW_END_UP": "END",
}
UNEXPECTED_NAMES = {
    "TERM": "end-of-line",
    "$END": "end-of-input",
    "DO_BLOCK": "`do' for block",
    "DO_COND": "`do' for condition",
    "IF_MOD": "`if' modifier",
    "UNLESS_MOD": "`unless' modifier",
    "WHILE_MOD": "`while' modifier",
    "UNTIL_MOD": "`until' modifier",
    "RESCUE_MOD": "`rescue' modifier",
    "IN_MATCH": "`in'",
    "IDENT": "local variable or method",
    "CMD_IDENT": "local variable or method",
    "LVAR": "local variable or method",
    "FID": "method",
    "CONST": "constant",
    "IVAR": "instance variable",
    "GVAR": "global variable",
    "CVAR": "class variable",
    "LABEL": "label",
    "NTH_REF": "numbered reference",
    "INTEGER": "integer literal",
    "FLOAT": "float literal",
    "STRING": "string literal",
    "DSTR_BEG": "string literal",
    "XSTR_BEG": "backtick literal",
    "REGEX_BEG": "regexp literal",
    "SYMBOL": "symbol literal",
    "DSYM_BEG": "symbol literal",
    "WORDS_BEG": "word list",
    "OP_ASGN": "operator-assignment",
}
# The tokens named after "expecting": the closers, a ternary's colon and the end of the input,
# when exactly one of them could come next (every other terminal the grammar allows is left out).
EXPECTING_NAMES = {
    "RPAREN": "')'",
    "RBRACK": "']'",
    "RBRACE": "'}'",
    "KW_END": "`end'",
    "COLON": "':'",
    "$END": "end-of-input",
}


def unexpected_name(tok: Tok) -> str:
    """How Ruby names ``tok`` in "syntax error, unexpected ..."."""
    kind = tok.type
    if kind == "TERM" and tok.value != "\n":
        return f"'{tok.value}'"
    name = UNEXPECTED_NAMES.get(kind)
    if name is not None:
        return name
    if kind.startswith("KW_"):
        return f"`{_KEYWORD_NAMES.get(kind, kind[3:].lower())}'"
    text = str(tok.value)
    return f"'{text}'" if len(text) == 1 else text


def parse(source: str, filename: str = "(string)") -> ast.Program:
    """Parse Ruby ``source``; syntax errors raise RubySyntaxError with file, line and column."""
    # Imported here: a run whose files are all in the AST cache never loads the lexer or tables.
    from pydrake.syntax.builder import Builder
    from pydrake.syntax.lalr import ParseError, parse_tokens
    from pydrake.syntax.lexer import Lexer

    lexer = Lexer(source, filename)
    tokens = lexer.tokens(defer_bracket_errors=True)
    try:
        program = parse_tokens(tokens, Builder(filename))
        if lexer.bracket_error is not None:  # tokens that parse with a bracket unmatched: never expected
            raise lexer.bracket_error
        return program  # type: ignore[no-any-return]
    except ParseError as e:
        raise _syntax_error(e.token, source, filename, e.settled_expected()) from None
    except RubySyntaxError as err:
        if not err.source_line:
            err.source_line = _line_of(source, err.line)
        raise


def parse_file(source: str, filename: str) -> ast.Program:
    """Parse a file's ``source``, its literal call statements folded (``literal_calls``), reusing
    the AST cached for the same text, name and version."""
    from pydrake.syntax import ast_cache
    from pydrake.syntax.literal_calls import fold_program

    if ast_cache.folder() is None:  # no usable cache: no key to compute
        return fold_program(parse(source, filename))
    key = ast_cache.key(source, filename)
    program = ast_cache.load(key)
    if program is None:
        program = fold_program(parse(source, filename))
        ast_cache.store(key, program)
    return program


def _line_of(source: str, line: int) -> str:
    lines = source.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _syntax_error(tok: Tok, source: str, filename: str, expected_set: set[str]) -> RubySyntaxError:
    msg = f"syntax error, unexpected {unexpected_name(tok)}"
    expecting = [name for kind, name in EXPECTING_NAMES.items() if kind in expected_set]
    if len(expecting) == 1:
        msg += f", expecting {expecting[0]}"
    if tok.type == "$END":
        lines = source.splitlines() or [""]
        return RubySyntaxError(msg, filename, len(lines), len(lines[-1]) + 1, lines[-1])
    line = tok.line or 0
    return RubySyntaxError(msg, filename, line, tok.column or 0, _line_of(source, line))
