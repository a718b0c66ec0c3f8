"""Every input, however mangled, gives an AST or a located syntax error: never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pydrake.syntax.errors import RubySyntaxError
from pydrake.syntax.parser import parse

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    p.read_text()
    for p in list((ROOT / "tests" / "conformance" / "cases").rglob("Rakefile"))
    + list((ROOT / "sample_rakefiles").rglob("Rakefile"))
)
PIECES = ["do", "end", "{", "}", "(", ")", "[", "]", '"', "'", "#{", "|", ",", "=>", ":", "\n", " ", "<<~EOS\n", "%w[", "/", "*", "&", "->", "?", "if", "def"]


@st.composite
def mutated_source(draw):
    src = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(src)))
        action = draw(st.sampled_from(["insert", "delete", "swap"]))
        if action == "insert":
            src = src[:pos] + draw(st.sampled_from(PIECES)) + src[pos:]
        elif action == "delete":
            src = src[:pos] + src[pos + draw(st.integers(1, 8)):]
        else:
            other = draw(st.integers(0, len(src)))
            a, b = sorted((pos, other))
            src = src[:a] + src[b:] + src[a:b]
    return src


@settings(max_examples=300, deadline=5000)
@given(mutated_source())
def test_mutated_rakefiles_parse_or_fail_with_a_location(src):
    try:
        parse(src, "Rakefile")
    except RubySyntaxError as err:
        assert err.file == "Rakefile"
        assert err.line >= 0
        assert err.report().startswith("Rakefile:")
