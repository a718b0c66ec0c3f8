"""``pydrake.record``: the small data classes of the start-up path behave as dataclasses do."""

from __future__ import annotations

import pytest

from pydrake.record import field, record


@record
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    secret: str = field(default="s", repr=False)


@record(frozen=True)
class Frozen:
    name: str
    size: int = 1


@record(frozen=True, eq=False)
class Identity:
    name: str


@record
class Child(Point):
    z: int = 5


def test_positional_keyword_and_default_arguments():
    p = Point(1)
    assert (p.x, p.y, p.tags, p.secret) == (1, 0, [], "s")
    assert Point(1, 2, ["a"]).tags == ["a"]
    assert Point(x=3, y=4).y == 4
    with pytest.raises(TypeError):
        Point()


def test_default_factory_gives_each_instance_its_own_value():
    a, b = Point(1), Point(2)
    a.tags.append("t")
    assert b.tags == []


def test_value_equality_and_repr_without_hidden_fields():
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(1, 3)
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=[])"
    with pytest.raises(TypeError):
        hash(Point(1))


def test_frozen_records_are_read_only_and_hashable_by_value():
    f = Frozen("a")
    with pytest.raises(AttributeError):
        f.name = "b"  # type: ignore[misc]
    assert hash(f) == hash(Frozen("a", 1)) and f == Frozen("a", 1)


def test_eq_false_keeps_identity():
    a, b = Identity("x"), Identity("x")
    assert a != b and a == a
    assert len({a, b}) == 2


def test_inherited_fields_come_first():
    c = Child(1, 2)
    assert (c.x, c.y, c.tags, c.z) == (1, 2, [], 5)
    assert Child(1, z=9).z == 9
