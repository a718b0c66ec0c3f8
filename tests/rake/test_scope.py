"""Scope: paths, task names in a scope, trimming and the empty (top-level) scope."""

from __future__ import annotations

from pydrake.rake.scope import EMPTY, Scope


def test_empty_scope_has_empty_path_and_unprefixed_names() -> None:
    assert EMPTY.is_empty()
    assert EMPTY.path == ""
    assert EMPTY.path_with_task_name("task") == "task"
    assert Scope.make() is EMPTY
    assert list(EMPTY) == []


def test_path_is_outermost_first() -> None:
    scope = Scope.make("inner", "outer")
    assert scope.path == "outer:inner"
    assert scope.path_with_task_name("task") == "outer:inner:task"
    assert scope.to_list() == ["inner", "outer"]
    assert scope.head == "inner" and scope.tail.path == "outer"


def test_make_from_task_name_parts() -> None:
    # "n:a:m:e:t" defines t in the scope e, m, a, n (innermost first)
    assert Scope.make("e", "m", "a", "n").path == "n:a:m:e"


def test_trim_stops_at_the_top_level() -> None:
    scope = Scope.make("inner", "outer")
    assert scope.trim(0) == scope
    assert scope.trim(1).path == "outer"
    assert scope.trim(2) is EMPTY
    assert scope.trim(5) is EMPTY


def test_equality_compares_names() -> None:
    assert Scope.make("a", "b") == Scope.make("a", "b")
    assert Scope.make("a") != Scope.make("b")
    assert Scope.make("a") != EMPTY
    assert hash(Scope.make("a", "b")) == hash(Scope.make("a", "b"))
    assert repr(Scope.make("a", "b")) == "LL(a, b)"
