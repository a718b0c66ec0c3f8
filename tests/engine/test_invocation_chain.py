"""InvocationChain: immutable, prints TOP => a => b, refuses a task already on it."""

from __future__ import annotations

import pytest

from pydrake.engine.invocation_chain import TOP, InvocationChain
from pydrake.rake.errors import CircularDependencyError


class Named:
    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name


def test_empty_chain_prints_top() -> None:
    assert str(TOP) == "TOP"
    assert TOP.is_empty() and list(TOP) == [] and TOP.names() == []


def test_append_builds_a_new_chain_and_leaves_the_old_one() -> None:
    a, b = Named("A"), Named("B")
    one = TOP.append(a)
    two = one.append(b)
    assert str(one) == "TOP => A"
    assert str(two) == "TOP => A => B"
    assert two.head is b and two.tail is one
    assert list(two) == [b, a]
    assert a in two and b not in one
    assert isinstance(two, InvocationChain)


def test_appending_a_member_raises_with_the_whole_path() -> None:
    a, b = Named("A"), Named("B")
    with pytest.raises(CircularDependencyError, match=r"^Circular dependency detected: TOP => A => A$"):
        TOP.append(a).append(a)
    with pytest.raises(CircularDependencyError, match=r"^Circular dependency detected: TOP => A => B => A$"):
        TOP.append(a).append(b).append(a)


def test_membership_is_identity() -> None:
    a, other_a = Named("A"), Named("A")
    assert str(TOP.append(a).append(other_a)) == "TOP => A => A"


def test_long_chains_print_without_recursion() -> None:
    chain = TOP
    for i in range(50_000):
        chain = chain.append_unchecked(Named(f"t{i}"))
    text = str(chain)
    assert text.startswith("TOP => t0 => t1") and text.endswith("t49999")
