"""Argument forwarding: ``def f(...)`` passes every argument, keyword and the block on with ``g(...)``."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_arguments_keywords_and_block_are_forwarded() -> None:
    src = """
def kw(a, b = 0, x:, y: 1, &blk) = [a, b, x, y, blk&.call]
def fwd(...) = kw(...)
p fwd(1, x: 3) { :blk }
def lead(a, ...) = kw(a, ...)
p lead(5, 6, x: 7)
def plain(...)
  kw(...)
end
p plain(9, x: 8, y: 2)
"""
    assert out(src) == "[1, 0, 3, 1, :blk]\n[5, 6, 7, 1, nil]\n[9, 0, 8, 2, nil]\n"


def test_a_beginless_range_is_still_a_range() -> None:
    assert out("p((...5).include?(3), (...5).end)\n") == "true\n5\n"
