"""LazyPattern: a module-level pattern compiled on first use, answering as the compiled one does."""

from __future__ import annotations

import re

from pydrake.lazy_pattern import LazyPattern
from pydrake.runtime.objects import RRegexp


def test_nothing_is_compiled_until_the_first_match() -> None:
    lazy = LazyPattern(r"(\w+)=(\d+)", re.A)
    assert lazy._compiled is None and lazy.pattern == r"(\w+)=(\d+)" and lazy.flags == re.A
    match = lazy.search("x a=1")
    assert match is not None and match.groups() == ("a", "1")
    assert lazy._compiled is re.compile(r"(\w+)=(\d+)", re.A)


def test_every_method_answers_as_the_compiled_pattern() -> None:
    lazy, eager = LazyPattern(r"b+"), re.compile(r"b+")
    text = "abbcbd"
    assert lazy.match(text) == eager.match(text) is None
    assert lazy.match(text, 1).group() == eager.match(text, 1).group() == "bb"  # type: ignore[union-attr]
    assert lazy.fullmatch("bbb") is not None and lazy.fullmatch(text) is None
    assert lazy.sub("-", text) == eager.sub("-", text) == "a-c-d"
    assert lazy.sub(lambda m: str(len(m.group())), text, 1) == "a2cbd"
    assert lazy.split(text) == eager.split(text) == ["a", "c", "d"]
    assert lazy.findall(text) == ["bb", "b"]
    assert [m.span() for m in lazy.finditer(text)] == [(1, 3), (4, 5)]


def test_a_regexp_made_without_a_pattern_translates_its_source_when_used() -> None:
    rx = RRegexp(r"(^|[\/\\])CVS([\/\\]|$)", 0, None)
    assert rx._pattern is None
    assert rx.pattern.search("src/CVS/x") is not None and rx.pattern.search("src/CVSx") is None
    assert rx == RRegexp(r"(^|[\/\\])CVS([\/\\]|$)", 0, re.compile("unused"))
