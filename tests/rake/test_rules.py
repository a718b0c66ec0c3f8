"""Rules: source specs, Ruby's ``sub``, and how the manager applies rules (``--rules`` trace included)."""

from __future__ import annotations

import re

import pytest

from pydrake.rake.errors import RuleDependentError, RuleRecursionOverflowError, UndefinedTaskError
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.rules import Rule, ruby_sub, rule_pattern
from pydrake.rake.task import Task
from pydrake.rake.task_manager import TaskManager


def setup(*files: str) -> tuple[TaskManager, FakeFileSystem, list[str]]:
    fs = FakeFileSystem()
    for name in files:
        fs.touch(name)
    lines: list[str] = []
    return TaskManager(fs, app_name="rake", rule_trace=lines.append), fs, lines


def sources(pattern: object, spec: object, name: str) -> list[str]:
    return Rule(rule_pattern(pattern), [spec]).make_sources(name)


# --- source specs --------------------------------------------------------------------


def test_dot_source_replaces_the_matched_text() -> None:
    assert sources(".o", ".c", "abc.o") == ["abc.c"]
    assert sources(".min.o", ".o", "abc.min.o") == ["abc.o"]
    assert sources(re.compile(r"\.min\.js$"), ".js", "app.min.js") == ["app.js"]
    assert sources(re.compile(r"_test\.log$"), ".rb", "parser_test.log") == ["parser.rb"]


def test_dot_source_equal_to_itself_falls_back_to_ext() -> None:
    pytest.importorskip("pydrake.rake.pathmap")
    assert sources("abc", ".c", "abc") == ["abc.c"]
    assert sources(re.compile(r"classes/.*\.class"), ".java", "classes/jw/X.class") == ["classes/jw/X.java"]


def test_percent_source_is_a_pathmap() -> None:
    pytest.importorskip("pydrake.rake.pathmap")
    assert sources(".o", "zz%{x,a}n.c", "xbc.o") == ["zzabc.c"]
    assert sources(re.compile(r"^obj/.+\.o$"), "%{^obj/,src/}X.c", "obj/net/socket.o") == ["src/net/socket.c"]


def test_slash_and_plain_sources_are_literal() -> None:
    assert sources(".o", "./.foo", "abc.o") == ["./.foo"]
    assert sources(".o", "plainname", "abc.o") == ["plainname"]
    assert sources(".o", "nonfile", "abc.o") == ["nonfile"]


def test_callable_sources_by_arity_and_flattened() -> None:
    assert sources(".o", lambda name: name.replace(".o", ".c"), "abc.o") == ["abc.c"]
    assert sources(".o", lambda: ".foo", "abc.o") == [".foo"]
    assert sources(".o", lambda n: [n + ".txt", ["flatten/b.data"]], "a.o") == ["a.o.txt", "flatten/b.data"]

    def glued(*args: str) -> str:
        return f"given {list(args)}"

    glued.arity = 1  # type: ignore[attr-defined]
    assert sources(".o", glued, "a.o") == ["given ['a.o']"]
    glued.arity = -1  # type: ignore[attr-defined]
    assert sources(".o", glued, "a.o") == ["given []"]


def test_unknown_source_type_raises_rakes_error() -> None:
    with pytest.raises(RuleDependentError, match="^Don't know how to handle rule dependent: 1$"):
        sources(".o", 1, "abc.o")


def test_ruby_sub_replacement_escapes() -> None:
    pattern = re.compile(r"(\w+)\.(o)$")
    assert ruby_sub(pattern, "abc.o", r"\1.c") == "abc.c"
    assert ruby_sub(pattern, "abc.o", r"[\0]") == "[abc.o]"
    assert ruby_sub(pattern, "abc.o", r"[\&]") == "[abc.o]"
    assert ruby_sub(pattern, "x/abc.o", r"\`|\'") == "x/x/|"
    assert ruby_sub(pattern, "abc.o", r"\\n") == "\\n"
    assert ruby_sub(pattern, "abc.o", r"\9") == ""
    assert ruby_sub(re.compile(r"(?P<base>\w+)\.o"), "abc.o", r"\k<base>.c") == "abc.c"
    assert ruby_sub(pattern, "nothing", ".c") == "nothing"


# --- applying rules ---------------------------------------------------------------------


def test_rule_makes_a_file_task_with_sources_as_prerequisites() -> None:
    mgr, _, _ = setup("main.c", "config.h")
    block = lambda t, a: None  # noqa: E731
    mgr.create_rule(".o", [".c", "config.h"], action=block)
    task = mgr.resolve("main.o")
    assert type(task) is FileTask
    assert task.prerequisites == ["main.c", "config.h"]
    assert task.sources == ["main.c", "config.h"] and task.source == "main.c"
    assert task.actions == [block]


def test_first_rule_whose_sources_exist_wins() -> None:
    # rules/first_rule_with_existing_source_wins
    mgr, _, _ = setup("a.c", "b.f", "both.c", "both.f")
    mgr.create_rule(".o", ".c")
    mgr.create_rule(".o", ".f")
    assert mgr["a.o"].source == "a.c"
    assert mgr["b.o"].source == "b.f"
    assert mgr["both.o"].source == "both.c"


def test_rule_sources_may_be_tasks() -> None:
    mgr, _, _ = setup()
    mgr.define_task(Task, "nonfile")
    mgr.create_rule(".o", "nonfile")
    assert mgr["abc.o"].prerequisites == ["nonfile"]


def test_rule_with_two_callable_sources_needs_both() -> None:
    mgr, fs, _ = setup("a.x")
    mgr.create_rule(".o", [lambda n: n.replace(".o", ".x"), lambda n: n.replace(".o", ".y")])
    fs.touch("a.o")
    task = mgr["a.o"]
    assert task.actions == [] and task.prerequisites == []  # the existing file, not the rule


def test_rules_come_before_existing_files_and_trace() -> None:
    # rules/rule_applies_to_existing_file with --rules
    mgr, _, lines = setup("parser.y", "util.c", "parser.c")
    mgr.create_rule(".c", ".y")
    assert mgr["parser.c"].prerequisites == ["parser.y"]
    util = mgr["util.c"]
    assert util.prerequisites == [] and util.actions == []
    assert lines == [
        "Attempting Rule parser.c => parser.y",
        "(parser.c => parser.y ... EXIST)",
        "Attempting Rule util.c => util.y",
        "(util.c => util.y ... FAIL)",
    ]


def test_chained_rules_enhance_and_indent_the_trace() -> None:
    mgr, _, lines = setup("b.y")
    mgr.create_rule(".o", ".c")
    mgr.create_rule(".c", ".y")
    task = mgr["b.o"]
    assert task.prerequisites == ["b.c"]
    assert mgr.lookup("b.c").prerequisites == ["b.y"]  # type: ignore[union-attr]
    assert lines == [
        "Attempting Rule b.o => b.c",
        "    Attempting Rule b.c => b.y",
        "    (b.c => b.y ... EXIST)",
        "(b.o => b.c ... ENHANCE)",
    ]


def test_failed_chain_traces_and_raises_undefined() -> None:
    mgr, _, lines = setup()
    mgr.create_rule(".o", ".c")
    mgr.create_rule(".c", ".y")
    with pytest.raises(UndefinedTaskError, match="'none.o'"):
        mgr["none.o"]
    assert lines == [
        "Attempting Rule none.o => none.c",
        "    Attempting Rule none.c => none.y",
        "    (none.c => none.y ... FAIL)",
        "(none.o => none.c ... FAIL)",
    ]


def test_long_chain_of_rules() -> None:
    mgr, _, _ = setup("a.xml")
    for target, source in [(".exe", ".o"), (".o", ".c"), (".c", ".y"), (".y", ".xml")]:
        mgr.create_rule(target, source)
    assert mgr["a.exe"].prerequisites == ["a.o"]
    assert mgr["a.y"].prerequisites == ["a.xml"]


def test_rule_recursion_overflow_lists_seventeen_targets() -> None:
    # rules/rule_recursion_too_deep
    mgr, _, _ = setup()
    mgr.create_rule(".html", ".md")
    mgr.create_rule(".md", ".html")
    with pytest.raises(RuleRecursionOverflowError) as info:
        mgr["index.html"]
    names = ["index.html", "index.md"] * 8 + ["index.html"]
    assert str(info.value) == "Rule Recursion Too Deep: [" + " => ".join(names) + "]"


def test_rule_recursion_overflow_letter_chain() -> None:
    mgr, _, _ = setup()
    letters = "abcdefghijklmnopqrstuvwxyz"
    for source, target in zip(letters, letters[1:], strict=False):
        mgr.create_rule(f".{target}", f".{source}")
    with pytest.raises(RuleRecursionOverflowError, match=r"\[a\.z => a\.y => .* => a\.j\]$"):
        mgr["a.z"]


def test_rule_arguments_and_order_only() -> None:
    mgr, _, _ = setup("abc.c")
    mgr.create_rule(".o", ".c", arg_names=["a"], order_only=["setup"])
    task = mgr["abc.o"]
    assert task.arg_names == ["a"]
    assert task.order_only_prerequisites == ["setup"]


def test_non_matching_names_are_not_built_by_the_rule() -> None:
    mgr, _, _ = setup("x.c")
    mgr.create_rule(".o", ".c")
    for name in ["x.obj", "x.xyo"]:
        with pytest.raises(UndefinedTaskError):
            mgr[name]


def test_nil_pattern_is_ignored() -> None:
    mgr, _, _ = setup("a.cpp")
    mgr.create_rule(None, ".cpp")
    with pytest.raises(UndefinedTaskError):
        mgr["a.o"]


def test_bad_source_type_raises_when_resolved() -> None:
    mgr, _, _ = setup()
    mgr.create_rule(".o", [1])
    with pytest.raises(RuleDependentError):
        mgr["a.o"]
