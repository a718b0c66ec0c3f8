"""TaskManager: argument forms, definition, namespaces, lookup, resolution and directories."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pydrake.rake.errors import EmptyScopeTrimError, TaskArgumentError, UndefinedTaskError
from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.multi_task import MultiTask
from pydrake.rake.scope import Scope
from pydrake.rake.task import Task
from pydrake.rake.task_manager import TaskManager, each_dir_parent, ruby_dirname


def manager(fs: FakeFileSystem | None = None) -> TaskManager:
    return TaskManager(fs or FakeFileSystem(), app_name="rake")


# --- resolve_args: the table of §1.1 ---------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["t"], ("t", [], [], None)),
        ([{"t": "x"}], ("t", [], ["x"], None)),
        ([{"t": ["x", "y"]}], ("t", [], ["x", "y"], None)),
        (["t", ["a", "b"]], ("t", ["a", "b"], [], None)),
        (["t", "a", "b"], ("t", ["a", "b"], [], None)),
        (["t", {("a", "b"): "x"}], ("t", ["a", "b"], ["x"], None)),
        (["t", {("a", "b"): ["x", "y"]}], ("t", ["a", "b"], ["x", "y"], None)),
        (["t", {"order_only": ["m"]}], ("t", [], [], ["m"])),
        ([{"t": ["x"], "order_only": ["m"]}], ("t", [], ["x"], ["m"])),
        (["t", {("a",): "x", "order_only": ["m"]}], ("t", ["a"], ["x"], ["m"])),
        ([{"x": None}], ("x", [], [], None)),
    ],
)
def test_resolve_args_forms(args: list[Any], expected: tuple[Any, ...]) -> None:
    assert manager().resolve_args(args) == expected


def test_resolve_args_does_not_change_the_callers_hash() -> None:
    deps = {"t": ["x"], "order_only": ["m"]}
    manager().resolve_args([deps])
    assert deps == {"t": ["x"], "order_only": ["m"]}


@pytest.mark.parametrize("deps", [{"a": "x", "b": "y"}, {"a": "x", "b": "y", "order_only": []}, {}])
def test_resolve_args_rejects_other_hashes(deps: dict[str, Any]) -> None:
    with pytest.raises(TaskArgumentError, match="^Task Argument Error$"):
        manager().resolve_args(["t", deps])


# --- definition ------------------------------------------------------------------


def test_define_task_returns_a_task_bound_to_the_manager() -> None:
    mgr = manager()
    task = mgr.define_task(Task, "t")
    assert isinstance(task, Task) and task.manager is mgr
    assert mgr.lookup("t") is task


def test_defining_twice_enhances_and_replaces_args_only_when_given() -> None:
    mgr = manager()
    first = mgr.define_task(Task, "t", arg_names=["a"])
    again = mgr.define_task(Task, "t", ["p"])
    assert first is again and again.arg_names == ["a"]
    mgr.define_task(Task, "t", arg_names=["b", "c"])
    assert first.arg_names == ["b", "c"]


def _state(mgr: TaskManager) -> list[tuple[Any, ...]]:
    return [
        (t.name, type(t), t.prerequisites, len(t.actions), t.comments, t.locations, t.scope.path)
        for t in mgr._tasks.values()
    ]


@pytest.mark.parametrize("record", [False, True])
def test_a_plain_definition_makes_the_same_tasks_as_define_task(record: bool) -> None:
    def action(task: Task, args: Any) -> None:
        pass

    steps: list[tuple[Any, ...]] = [
        (Task, "a", ["b", "c", "b"], action, ("Rakefile", 1)),
        (Task, "a", ["c", "d"], None, ("Rakefile", 2)),
        (FileTask, "out.o", ["out.c"], action, ("Rakefile", 3)),
        (Task, "ns:t", ["x"], None, None),  # a colon name: defined in namespace ns
        (FileTask, "c:/dir/file", [], action, None),  # file names are never namespaced
        (MultiTask, "a", [], action, None),  # an existing task keeps its class
    ]
    general, plain = manager(), manager()
    for mgr in (general, plain):
        mgr.record_task_metadata = record
    for cls, name, prereqs, act, where in steps:
        for mgr in (general, plain):
            mgr.last_description = f"about {name}"
        general.define_task(cls, name, prereqs, None, None, act, where)
        plain.define_plain(cls, name, list(prereqs), act, where)
    with general.in_namespace("inner"), plain.in_namespace("inner"):
        general.define_task(Task, "t", ["u"])
        plain.define_plain(Task, "t", ["u"], None, None)
    assert _state(plain) == _state(general)
    assert plain["a"].prerequisites == ["b", "c", "d"]
    assert plain.generation == general.generation


def test_an_existing_task_keeps_its_class() -> None:
    mgr = manager()
    build = mgr.define_task(Task, "build", arg_names=["x"])
    mgr.directory("build/dir")
    assert type(mgr["build"]) is Task and mgr["build"] is build
    assert len(build.actions) == 1  # the mkdir action
    assert type(mgr.define_task(MultiTask, "build")) is Task


def test_colon_names_define_tasks_in_namespaces() -> None:
    mgr = manager()
    task = mgr.define_task(Task, "a:b:c")
    assert task.name == "a:b:c" and task.scope.path == "a:b"
    named = mgr.define_task(Task, "n:a:m:e:t")
    assert named.scope == Scope.make("e", "m", "a", "n")
    with mgr.in_namespace("n"):
        inner = mgr.define_task(Task, "a:m:e:t")
    assert inner.name == "n:a:m:e:t"
    assert mgr.current_scope.is_empty()


def test_top_level_colon_name_and_namespace_block_are_the_same_task() -> None:
    # namespaces/colon_task_name_at_top_level
    mgr = manager()
    first = mgr.define_task(Task, "deploy:prepare")
    with mgr.in_namespace("deploy"):
        second = mgr.define_task(Task, "prepare")
    assert first is second
    mgr.define_task(Task, "deploy:check")
    run = mgr.define_task(Task, "deploy:run", ["check"])
    mgr.define_task(Task, "check")
    assert [p.name for p in run.prerequisite_tasks()] == ["deploy:check"]


def test_anonymous_namespaces_are_numbered() -> None:
    mgr = manager()
    with mgr.in_namespace() as ns:
        task = mgr.define_task(Task, "t")
    with mgr.in_namespace():
        other = mgr.define_task(Task, "t")
    assert task.name == "_anon_1:t" and other.name == "_anon_2:t"
    assert ns.scope.path == "_anon_1"


def test_in_namespace_restores_the_scope_after_an_error() -> None:
    mgr = manager()
    with pytest.raises(RuntimeError), mgr.in_namespace("x"):
        raise RuntimeError("inside")
    assert mgr.current_scope.is_empty()


def test_file_task_names_are_not_namespaced_but_prerequisites_resolve_from_their_scope() -> None:
    # namespaces/file_task_in_namespace_unscoped
    fs = FakeFileSystem()
    mgr = manager(fs)
    mgr.define_task(Task, "prepare")
    with mgr.in_namespace("gen"):
        mgr.define_task(Task, "prepare")
        version = mgr.define_task(FileTask, "version.txt", "prepare")
        mgr.directory("out/gen")
        mgr.define_task(Task, "all", ["version.txt", "out/gen"])
    assert version.name == "version.txt"
    assert [p.name for p in version.prerequisite_tasks()] == ["gen:prepare"]
    assert [t.name for t in mgr.tasks()] == ["gen:all", "gen:prepare", "out", "out/gen", "prepare", "version.txt"]
    with pytest.raises(UndefinedTaskError, match="'gen:version.txt'"):
        mgr.resolve("gen:version.txt")


def test_file_defined_in_two_namespaces_is_one_task() -> None:
    mgr = manager()
    with mgr.in_namespace("file1"):
        one = mgr.define_task(FileTask, "xyz.rb", action=lambda t, a: None)
    with mgr.in_namespace("file2"):
        two = mgr.define_task(FileTask, "xyz.rb", action=lambda t, a: None)
    assert one is two and len(one.actions) == 2


# --- descriptions and locations ---------------------------------------------------


def test_descriptions_and_locations_are_recorded_only_when_asked() -> None:
    mgr = manager()
    mgr.last_description = "Build it"
    task = mgr.define_task(Task, "t", location=("Rakefile", 3))
    assert task.comment is None and task.locations == []
    assert mgr.last_description == "Build it"
    mgr.record_task_metadata = True
    other = mgr.define_task(Task, "u", location=("Rakefile", 5))
    assert other.comment == "Build it" and other.locations == [("Rakefile", 5)]
    assert mgr.last_description is None
    mgr.last_description = "second"
    mgr.define_task(Task, "u", location=("Rakefile", 9))
    assert other.comment == "Build it / second"
    assert other.locations == [("Rakefile", 5), ("Rakefile", 9)]


def test_a_description_before_a_rule_leaks_onto_the_next_task() -> None:
    mgr = manager()
    mgr.record_task_metadata = True
    mgr.last_description = "orphan desc for rule"
    mgr.create_rule(".o", ".c")
    assert mgr.define_task(Task, "after_rule").comment == "orphan desc for rule"


# --- lookup ------------------------------------------------------------------------


@pytest.fixture
def nested() -> TaskManager:
    mgr = manager()
    mgr.define_task(Task, "z")
    mgr.define_task(Task, "copy")
    with mgr.in_namespace("nest"):
        mgr.define_task(Task, "z")
        mgr.define_task(Task, "copy")
        with mgr.in_namespace("inner"):
            mgr.define_task(Task, "z")
    return mgr


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("z", "nest:inner:z"),
        ("^z", "nest:z"),
        ("^^z", "z"),
        ("^^^z", "z"),
        ("rake:z", "z"),
        ("nest:copy", "nest:copy"),
        ("inner:z", "nest:inner:z"),
        ("copy", "nest:copy"),
        ("rake:nest:z", "nest:z"),
    ],
)
def test_lookup_table_from_nest_inner(nested: TaskManager, written: str, found: str) -> None:
    task = nested.lookup(written, Scope.make("inner", "nest"))
    assert task is not None and task.name == found


def test_lookup_misses_return_none(nested: TaskManager) -> None:
    assert nested.lookup("missing") is None
    assert nested.lookup("inner:z") is None  # from the top level
    assert nested.lookup("rake:inner:z", Scope.make("nest")) is None


def test_lookup_uses_the_current_scope_by_default(nested: TaskManager) -> None:
    with nested.in_namespace("nest"):
        assert nested.lookup("z").name == "nest:z"  # type: ignore[union-attr]
    assert nested.lookup("z").name == "z"  # type: ignore[union-attr]


def test_caret_at_the_top_level_crashes_as_rake_does(nested: TaskManager) -> None:
    with pytest.raises(EmptyScopeTrimError, match="undefined method `trim'"):
        nested.lookup("^copy")


def test_prerequisite_that_finds_itself_is_looked_up_unscoped() -> None:
    mgr = manager()
    mgr.define_task(Task, "b")
    mgr.define_task(Task, "m")
    with mgr.in_namespace("a"):
        mgr.define_task(Task, "m")
        ab = mgr.define_task(Task, "b", "b")
        with mgr.in_namespace("b"):
            abm = mgr.define_task(Task, "m", "m")
        ac = mgr.define_task(Task, "c:m", "a:m")
    assert ab.prerequisite_tasks() == [mgr.lookup("rake:b")]
    assert abm.name == "a:b:m"
    assert abm.prerequisite_tasks() == [mgr.lookup("rake:m")]
    assert ac.prerequisite_tasks() == [mgr.lookup("rake:a:m")]


def test_sibling_before_outer_scope() -> None:
    # namespaces/prerequisite_lookup_sibling_first and prerequisite_lookup_outer_scope
    mgr = manager()
    mgr.define_task(Task, "clean")
    mgr.define_task(Task, "setup")
    with mgr.in_namespace("docs"):
        mgr.define_task(Task, "clean")
        build = mgr.define_task(Task, "build", "clean")
    with mgr.in_namespace("test"):
        mgr.define_task(Task, "fixtures")
        with mgr.in_namespace("unit"):
            run = mgr.define_task(Task, "run", ["setup", "fixtures", "helpers"])
            mgr.define_task(Task, "helpers")
    assert [p.name for p in build.prerequisite_tasks()] == ["docs:clean"]
    assert [p.name for p in run.prerequisite_tasks()] == ["setup", "test:fixtures", "test:unit:helpers"]


def test_caret_prerequisites() -> None:
    # namespaces/caret_prefix_goes_up
    mgr = manager()
    mgr.define_task(Task, "lint")
    with mgr.in_namespace("pkg"):
        mgr.define_task(Task, "lint")
        with mgr.in_namespace("gem"):
            mgr.define_task(Task, "lint")
            tasks = {
                n: mgr.define_task(Task, n, dep)
                for n, dep in [("one_up", "^lint"), ("two_up", "^^lint"), ("too_many", "^^^^^lint"), ("plain", "lint")]
            }
    resolved = {n: t.prerequisite_tasks()[0].name for n, t in tasks.items()}
    assert resolved == {"one_up": "pkg:lint", "two_up": "lint", "too_many": "lint", "plain": "pkg:gem:lint"}


def test_task_defined_and_tasks_sorted() -> None:
    mgr = manager()
    assert not mgr.task_defined("t2")
    for name in ["t2", "t10", "t1"]:
        mgr.define_task(Task, name)
    assert mgr.task_defined("t2")
    assert [t.name for t in mgr.tasks()] == ["t1", "t10", "t2"]
    assert mgr.task_names() == ["t2", "t10", "t1"]
    mgr.clear()
    assert mgr.tasks() == []


# --- resolve: lookup, rules, existing files, error ---------------------------------


def test_existing_file_becomes_a_file_task() -> None:
    fs = FakeFileSystem()
    fs.touch("README.rdoc")
    mgr = manager(fs)
    task = mgr.resolve("README.rdoc")
    assert type(task) is FileTask and task.actions == [] and task.prerequisites == []
    assert mgr.lookup("README.rdoc") is task


def test_unknown_name_raises_with_the_application_name() -> None:
    mgr = TaskManager(FakeFileSystem(), app_name="myrake")
    with pytest.raises(UndefinedTaskError) as info:
        mgr["bad"]
    assert (
        str(info.value) == "Don't know how to build task 'bad' (See the list of available tasks with `myrake --tasks`)"
    )


def test_unknown_name_suggests_close_task_names() -> None:
    mgr = manager()
    for name in ["build", "test"]:
        mgr.define_task(Task, name)
    with pytest.raises(UndefinedTaskError) as info:
        mgr.resolve("tset")
    assert str(info.value).endswith("`rake --tasks`)\nDid you mean?  test")


def test_default_application_name_is_pydrake() -> None:
    with pytest.raises(UndefinedTaskError, match="`pydrake --tasks`"):
        TaskManager(FakeFileSystem()).resolve("default")


# --- directory ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "parents"),
    [
        ("a/b/c", ["a/b/c", "a/b", "a"]),
        ("/a/b", ["/a/b", "/a", "/"]),
        ("abs_test/", ["abs_test/"]),
        ("a:b", ["a:b"]),
        (".", []),
    ],
)
def test_each_dir_parent(path: str, parents: list[str]) -> None:
    assert list(each_dir_parent(path)) == parents


@pytest.mark.parametrize(
    ("path", "dirname"),
    [("a/b/", "a"), ("//a", "/"), ("/", "/"), ("a//b", "a"), ("a/b//", "a"), ("///a//b", "/a"), ("a", "."), ("", ".")],
)
def test_ruby_dirname(path: str, dirname: str) -> None:
    assert ruby_dirname(path) == dirname


def test_directory_creates_creation_tasks_for_every_parent() -> None:
    fs = FakeFileSystem()
    mgr = manager(fs)
    mgr.record_task_metadata = True
    mgr.last_description = "DESC"
    task = mgr.directory("a/b/c")
    assert task is mgr["a/b/c"]
    for name in ["a", "a/b", "a/b/c"]:
        assert type(mgr[name]) is FileCreationTask
        assert len(mgr[name].actions) == 1
    assert mgr["a/b/c"].comment == "DESC"
    assert mgr["a/b"].comment is None and mgr["a"].comment is None
    assert mgr["a/b"].prerequisites == []
    mgr["a/b"].execute()
    assert fs.isdir("a/b") and not fs.isdir("a/b/c")


def test_directory_with_prerequisites_and_a_user_action_first() -> None:
    fs = FakeFileSystem()
    mgr = manager(fs)
    seen: list[str] = []
    task = mgr.directory(
        "x/y/z",
        ":pre",
        action=lambda t, a: seen.append(f"user block: exists? {fs.exists(t.name)}"),
        mkdir_action=lambda t, a: seen.append(f"mkdir -p {t.name}"),
    )
    assert task.prerequisites == [":pre"]
    task.execute()
    assert seen == ["user block: exists? False", "mkdir -p x/y/z"]


def test_directory_declared_twice_gets_two_mkdir_actions() -> None:
    mgr = manager()
    mgr.directory("build/copies")
    mgr.directory("build/copies")
    assert len(mgr["build/copies"].actions) == 2
    assert len(mgr["build"].actions) == 2


def test_rule_pattern_strings_are_suffixes_and_regexes_stay() -> None:
    mgr = manager()
    rule = mgr.create_rule(".o", ".c")
    assert rule.matches("abc.o") and not rule.matches("abc.obj") and not rule.matches("x.xyo")
    assert mgr.create_rule(re.compile(r"\.o$"), ".c").matches("a.o")
    assert not mgr.create_rule(None, ".cpp").matches("a.cpp")
    assert len(mgr.rules) == 3
