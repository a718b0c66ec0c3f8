"""The generated LALR tables: current with the grammar, and parsing exactly as Lark's own parser does."""

from __future__ import annotations

from pathlib import Path

import pytest
from lark.exceptions import UnexpectedToken

from pydrake.syntax import gen_tables, lalr_tables
from pydrake.syntax.builder import Builder
from pydrake.syntax.lalr import ParseError, parse_tokens
from pydrake.syntax.lark_frontend import build_parser, parse_with_lark
from pydrake.syntax.lexer import Lexer

ROOT = Path(__file__).resolve().parents[2]


def corpus() -> list[Path]:
    """Every Ruby file the project has: conformance Rakefiles, samples and the task libraries."""
    files: list[Path] = []
    for pattern in ("tests/conformance/cases/**/*", "sample_rakefiles/**/*", "pydrake/rake/lib/**/*.rb"):
        for p in sorted(ROOT.glob(pattern)):
            if p.is_file() and (p.name.lower().startswith("rakefile") or p.suffix in (".rb", ".rake")):
                files.append(p)
    return files


@pytest.fixture(scope="module")
def lark():
    return build_parser()


def test_tables_are_current_with_the_grammar():
    assert gen_tables.render(gen_tables.table_data()) == gen_tables.TABLES.read_text(), (
        "run python -m pydrake.syntax.gen_tables"
    )


def test_tables_name_the_grammar_they_came_from():
    from pydrake.syntax.lark_frontend import grammar_text

    assert lalr_tables.GRAMMAR_SHA256 == gen_tables.grammar_digest(grammar_text())


def test_the_corpus_is_not_empty():
    assert len(corpus()) > 150


def test_same_ast_as_lark_on_every_ruby_file_of_the_project(lark):
    differing = []
    for path in corpus():
        text = path.read_text(errors="surrogateescape")
        try:
            tokens = Lexer(text, str(path)).tokens()
        except Exception:  # noqa: BLE001 - files that do not lex are the lexer's tests
            continue
        try:
            expected = parse_with_lark(list(tokens), str(path), lark)
        except Exception:  # noqa: BLE001
            expected = "error"
        try:
            got = parse_tokens(list(tokens), Builder(str(path)))
        except Exception:  # noqa: BLE001
            got = "error"
        if got != expected:
            differing.append(str(path.relative_to(ROOT)))
    assert differing == []


@pytest.mark.parametrize(
    "src",
    [
        "task :a do\n",
        "x = 1 +\n",
        "foo 1,, 2\n",
        "def f\n  1\nend end\n",
        "x = = 1\n",
        "1 2\n",
        "if x then y else z end end\n",
        "{ a: => 1 }\n",
    ],
)
def test_a_syntax_error_stops_at_the_same_token_expecting_the_same(src, lark):
    tokens = Lexer(src, "Rakefile").tokens()
    with pytest.raises(UnexpectedToken) as theirs:
        parse_with_lark(list(tokens), "Rakefile", lark)
    with pytest.raises(ParseError) as ours:
        parse_tokens(list(tokens), Builder("Rakefile"))
    assert ours.value.token.type == theirs.value.token.type
    assert (ours.value.token.line, ours.value.token.column) == (theirs.value.token.line, theirs.value.token.column)
    assert ours.value.expected == set(theirs.value.expected)
