"""Task: definition, descriptions, arguments, prerequisites, execution and investigation."""

from __future__ import annotations

import pytest

from pydrake.rake.errors import UndefinedTaskError
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.task import Task, first_sentence, format_deps
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager


def manager() -> TaskManager:
    return TaskManager(FakeFileSystem(), app_name="rake")


def test_new_task_basics() -> None:
    mgr = manager()
    task = mgr.define_task(Task, "foo")
    assert task.name == "foo" and str(task) == "foo"
    assert task.prerequisites == [] and task.actions == []
    assert task.needed()
    assert task.source is None and task.sources == []
    assert task.already_invoked is False
    assert task.application is mgr
    assert task.comment is None and task.full_comment is None


def test_inspect() -> None:
    task = manager().define_task(Task, "foo", ["bar", "baz"])
    assert task.inspect() == "<Rake::Task foo => [bar, baz]>"
    assert repr(task) == "<Rake::Task foo => [bar, baz]>"


def test_execute_passes_task_and_args_to_each_action_in_order() -> None:
    seen: list[tuple[str, object]] = []
    task = manager().define_task(Task, "t", action=lambda t, a: seen.append(("one", t)))
    task.enhance(None, lambda t, a: seen.append(("two", a["x"])))
    task.execute(TaskArguments(["x"], ["1"]))
    assert seen == [("one", task), ("two", "1")]
    task.execute()
    assert seen[-1] == ("two", None)


def test_enhance_unions_prerequisites_and_appends_actions() -> None:
    mgr = manager()
    task = mgr.define_task(Task, "dup", ["a", "a", "a"])
    assert task.prerequisites == ["a"]
    mgr.define_task(Task, "t1", ["t2"], action=lambda t, a: None)
    mgr.define_task(Task, "t1", ["t3"], action=lambda t, a: None)
    t1 = mgr.define_task(Task, "t1", ["t3"])
    assert t1.prerequisites == ["t2", "t3"]
    assert len(t1.actions) == 2
    assert t1.enhance(["t4", "t2"]) is t1
    assert t1.prerequisites == ["t2", "t3", "t4"]


def test_order_only_prerequisites_skip_ordinary_ones() -> None:
    task = manager().define_task(Task, "t", ["x"], order_only=["x", "m", "m"])
    assert task.order_only_prerequisites == ["m"]
    task.add_order_only("n")
    assert task.order_only_prerequisites == ["m", "n"]


def test_format_deps_accepts_one_name_or_a_list() -> None:
    assert format_deps(None) == []
    assert format_deps("a") == ["a"]
    assert format_deps(["a", "b"]) == ["a", "b"]
    assert format_deps(("a",)) == ["a"]


def test_clear_and_its_parts() -> None:
    mgr = manager()
    mgr.record_task_metadata = True
    mgr.last_description = "A task"
    task = mgr.define_task(Task, "t", ["p"], arg_names=["a"], action=lambda t, a: None)
    task.clear()
    assert task.prerequisites == [] and task.actions == [] and task.comment is None
    assert task.arg_names == [] and task.arg_description is None
    task.enhance(["p"], lambda t, a: None)
    task.set_arg_names(["a"])
    assert task.clear_prerequisites().prerequisites == []
    assert task.clear_actions().actions == []
    assert task.clear_args().arg_names == []


def test_clear_comments_then_new_description_keeps_the_rest() -> None:
    mgr = manager()
    mgr.record_task_metadata = True
    mgr.last_description = "old"
    task = mgr.define_task(Task, "t", ["p"], action=lambda t, a: None)
    task.clear_comments()
    mgr.last_description = "new"
    mgr.define_task(Task, "t")
    assert task.comment == "new"
    assert task.prerequisites == ["p"] and len(task.actions) == 1


@pytest.mark.parametrize(
    ("description", "shown"),
    [
        ("Comment 1. Comment 2.", "Comment 1"),
        ("Revision 1.2.3.", "Revision 1.2.3"),
        ("Benchmark ?: vs !!", "Benchmark ?: vs "),
        ("Use e.g. this one", "Use e.g"),
        ("Have dots .. in the description", "Have dots .. in the description"),
        ("Line one\nLine two", "Line one"),
        ("Ends with bang! Then more", "Ends with bang"),
        ("Question? Answer.", "Question? Answer"),
        ("Tab\tafter.\tNext", "Tab\tafter"),
        ("An exclamation mark! Comment.", "An exclamation mark"),
        ("This is a test...I think ... testing. Comment.", "This is a test...I think ... testing"),
        ("caf\u00e9. Next", "caf\u00e9. Next"),
    ],
)
def test_first_sentence(description: str, shown: str) -> None:
    assert first_sentence(description) == shown


def test_descriptions_accumulate_without_duplicates() -> None:
    task = manager().define_task(Task, "t")
    task.add_description("  line one.  ")
    task.add_description("line two")
    task.add_description("line one.")
    task.add_description("   ")
    task.add_description(None)
    assert task.comments == ["line one.", "line two"]
    assert task.comment == "line one / line two"
    assert task.full_comment == "line one.\nline two"


def test_comment_setter_adds_and_ignores_none() -> None:
    task = manager().define_task(Task, "t")
    task.comment = None
    assert task.comment is None
    task.comment = "A comment."
    assert task.comment == "A comment"


def test_multi_line_description_with_arguments() -> None:
    task = manager().define_task(Task, "t", arg_names=["name", "rev"])
    task.add_description("This is a comment.\n\n  And this is the extended comment.\n  name -- Name of task.\n")
    assert task.arg_description == "[name,rev]"
    assert task.name_with_args == "t[name,rev]"
    assert task.comment == "This is a comment"
    assert task.full_comment == ("This is a comment.\n\n  And this is the extended comment.\n  name -- Name of task.")


def test_reenable_forgets_invocation_and_failure() -> None:
    task = manager().define_task(Task, "t")
    task.already_invoked = True
    task.invocation_exception = RuntimeError("x")
    task.reenable()
    assert task.already_invoked is False and task.invocation_exception is None


def test_prerequisite_tasks_resolve_and_raise_for_unknown() -> None:
    mgr = manager()
    mgr.define_task(Task, "a", ["b", "c"])
    b = mgr.define_task(Task, "b")
    c = mgr.define_task(Task, "c")
    assert mgr["a"].prerequisite_tasks() == [b, c]
    mgr.define_task(Task, "bad", ["b", "nope"])
    with pytest.raises(UndefinedTaskError, match="Don't know how to build task 'nope'"):
        mgr["bad"].prerequisite_tasks()


def test_prerequisite_tasks_include_order_only_last() -> None:
    mgr = manager()
    task = mgr.define_task(Task, "t", ["a"], order_only=["m"])
    mgr.define_task(Task, "a")
    mgr.define_task(Task, "m")
    assert [p.name for p in task.prerequisite_tasks()] == ["a", "m"]


def test_all_prerequisite_tasks_is_transitive_unique_and_includes_self_on_cycles() -> None:
    mgr = manager()
    mgr.define_task(Task, "a", ["b", "c"])
    mgr.define_task(Task, "b", ["d"])
    mgr.define_task(Task, "c", ["d", "e"])
    for name in "de":
        mgr.define_task(Task, name)
    assert [t.name for t in mgr["a"].all_prerequisite_tasks()] == ["b", "d", "c", "e"]
    mgr.define_task(Task, "x", ["y"])
    mgr.define_task(Task, "y", ["x"])
    assert [t.name for t in mgr["x"].all_prerequisite_tasks()] == ["y", "x"]


def test_all_prerequisite_tasks_handles_deep_chains_without_recursion() -> None:
    mgr = manager()
    n = 20_000
    for i in range(n):
        mgr.define_task(Task, f"t{i}", [f"t{i + 1}"] if i + 1 < n else [])
    assert len(mgr["t0"].all_prerequisite_tasks()) == n - 1


def test_plain_timestamp_is_now_even_with_future_prerequisites() -> None:
    from pydrake.rake.file_task import FileTask

    fs = FakeFileSystem()
    mgr = TaskManager(fs)
    fs.touch("future.txt", 2**62)
    task = mgr.define_task(Task, "t", ["future.txt"])
    mgr.define_task(FileTask, "future.txt")
    assert task.timestamp() < 2**62


def test_execute_applies_a_matching_rule_when_there_are_no_actions() -> None:
    fs = FakeFileSystem()
    mgr = TaskManager(fs)
    ran: list[tuple[str, list[str], list[str]]] = []
    mgr.create_rule(".o", ".c", action=lambda t, a: ran.append((t.name, list(t.sources), list(t.prerequisites))))
    fs.touch("exp.c")
    fs.touch("extra.c")
    from pydrake.rake.file_task import FileTask

    task = mgr.define_task(FileTask, "exp.o", ["extra.c"])
    task.execute()
    assert ran == [("exp.o", ["exp.c"], ["extra.c", "exp.c"])]


def test_investigation_mentions_class_need_and_prerequisites() -> None:
    mgr = manager()
    mgr.define_task(Task, "t", ["p"])
    mgr.define_task(Task, "p")
    text = mgr["t"].investigation()
    assert text.startswith("------------------------------\nInvestigating t\nclass: Rake::Task\n")
    assert "task needed: true\n" in text
    assert "pre-requisites: \n--p (" in text
    assert "latest-prerequisite time: " in text
    assert text.endswith("................................\n\n")
