"""TaskArguments and command-line task strings, against Rake 13.0.6's recorded behaviour."""

from __future__ import annotations

import pytest

from pydrake.rake.task_arguments import EMPTY_TASK_ARGS, TaskArguments, parse_task_string
from pydrake.runtime.objects import RString


def test_named_values_are_stored_by_name() -> None:
    args = TaskArguments(["a", "b", "c"], [1, 2, 3])
    assert args.to_hash() == {"a": 1, "b": 2, "c": 3}
    assert args["b"] == 2
    assert args.lookup("c") == 3
    assert args.names == ["a", "b", "c"]


def test_nil_and_blank_values_are_not_stored() -> None:
    args = TaskArguments(["a", "b", "c"], [None, "", RString("")])
    assert args.to_hash() == {}
    assert args["a"] is None
    assert args.to_a() == [None, "", RString("")]


def test_missing_values_read_as_none() -> None:
    args = TaskArguments(["a", "b"], ["1"])
    assert args["b"] is None
    assert args["other"] is None
    assert args.extras == []


def test_extras_and_to_a_like_named_1_2_3_4() -> None:
    # basics/task_args_extras_and_to_a: named[1,,3,]
    args = TaskArguments(["x", "y"], ["1", "", "3", ""])
    assert args["x"] == "1" and args["y"] is None
    assert args.extras == ["3", ""]
    assert args.to_a() == ["1", "", "3", ""]


def test_task_without_names_puts_everything_in_extras() -> None:
    args = TaskArguments([], ["p", "q"])
    assert args.to_hash() == {}
    assert args.extras == ["p", "q"]
    assert args.to_a() == ["p", "q"]


def test_inspect_shows_values_with_to_s() -> None:
    assert TaskArguments(["a", "b"], [1, "2"]).inspect() == "#<Rake::TaskArguments a: 1, b: 2>"
    assert str(TaskArguments([], [])) == "#<Rake::TaskArguments >"
    assert EMPTY_TASK_ARGS.inspect() == "#<Rake::TaskArguments >"


def test_inspect_uses_the_given_renderer() -> None:
    args = TaskArguments(["a"], [RString("x")])
    assert args.inspect(lambda v: f"<{v}>") == "#<Rake::TaskArguments a: <x>>"


def test_new_scope_takes_values_by_name_plus_extras() -> None:
    # `task :name, [:a, :b] => [:pre, :pre2]` invoked as name[1,2,3,4]
    parent = TaskArguments(["a", "b"], ["1", "2", "3", "4"])
    pre = parent.new_scope(["b"])
    assert pre.inspect() == "#<Rake::TaskArguments b: 2>"
    assert pre["a"] == "1"  # through the parent
    assert pre.to_a() == ["2", "3", "4"]
    assert pre.extras == ["3", "4"]
    pre2 = parent.new_scope([])
    assert pre2.inspect() == "#<Rake::TaskArguments >"
    assert pre2["a"] == "1"
    assert pre2.to_a() == ["3", "4"]


def test_child_value_hides_parent_value() -> None:
    parent = TaskArguments(["p"], [1])
    child = TaskArguments(["p"], [2], parent)
    assert child["p"] == 2
    scoped = TaskArguments(["p", "q"], [1, 2]).new_scope(["c", "p"])
    assert scoped.to_hash() == {"p": 1}
    assert scoped["c"] is None


def test_with_defaults_fills_only_missing_keys_defaults_first() -> None:
    args = TaskArguments(["a", "b"], ["1", "2"])
    args.with_defaults({"c": None, "a": "z"})
    assert list(args.to_hash().items()) == [("c", None), ("a", "1"), ("b", "2")]
    assert args.inspect() == "#<Rake::TaskArguments c: , a: 1, b: 2>"


def test_with_defaults_like_serve() -> None:
    # basics/task_args_with_defaults: serve[,9000]
    args = TaskArguments(["host", "port"], ["", "9000"])
    args.with_defaults({"host": "localhost", "port": "8080"})
    assert (args["host"], args["port"]) == ("localhost", "9000")


def test_fetch_has_key_values_at_and_iteration() -> None:
    args = TaskArguments(["a", "b"], ["1", None])
    assert args.fetch("a") == "1"
    assert args.fetch("b", "dflt") == "dflt"
    with pytest.raises(KeyError):
        args.fetch("b")
    assert args.has_key("a") and not args.has_key("b")
    assert args.values_at("a", "b", "zz") == ["1", None, None]
    assert list(args) == [("a", "1")]
    assert args.items() == [("a", "1")]


def test_to_hash_is_a_copy() -> None:
    args = TaskArguments(["a"], ["1"])
    args.to_hash()["a"] = "changed"
    assert args["a"] == "1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name", ("name", [])),
        ("name[]", ("name", [])),
        ("name[one,,two]", ("name", ["one", "", "two"])),
        ("name[one,]", ("name", ["one", ""])),
        ("name[one, two, three_a\\, three_b,four]", ("name", ["one", "two", "three_a, three_b", "four"])),
        ("name[a one ana, two]", ("name", ["a one ana", "two"])),
        ("show[  one ,two\\, and a half ,   three  ]", ("show", ["one", "two, and a half", "three"])),
        ("show[a b c,\td\t]", ("show", ["a b c", "d"])),
        ("a[b]c", ("a[b]c", [])),
        ("[a]", ("[a]", [])),
        ("greet[Ada,", ("greet[Ada,", [])),
        ("db:migrate[1]", ("db:migrate", ["1"])),
    ],
)
def test_parse_task_string_matches_rake(text: str, expected: tuple[str, list[str]]) -> None:
    assert parse_task_string(text) == expected
