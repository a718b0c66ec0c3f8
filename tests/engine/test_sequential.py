"""The sequential runner reproduces Rake's invocation order, trace lines and failures.

Each scenario mirrors a recorded conformance case (shared/conformance/cases/...): the Rakefile is
written as Python definitions, ``puts`` becomes an entry in ``out``, and file writes touch a fake
file system whose clock only moves forward.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from pydrake.engine.events import RecordingEvents
from pydrake.engine.invocation_chain import TOP
from pydrake.engine.sequential import RunOptions, SequentialRunner
from pydrake.rake.errors import (
    CircularDependencyError,
    RuleRecursionOverflowError,
    UndefinedTaskError,
    chain_of,
)
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.multi_task import MultiTask
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager
from pydrake.report.trace import TraceReport


@dataclass
class Run:
    """What one run of a Rakefile printed and raised."""

    out: list[str]
    trace: str
    error: BaseException | None = None
    rules: list[str] = field(default_factory=list)

    @property
    def chain(self) -> str | None:
        chain = chain_of(self.error) if self.error is not None else None
        return None if chain is None else str(chain)


class Rakefile:
    """A Rakefile written in Python: ``define(b)`` is called afresh for every run, as a new process would."""

    def __init__(self, define: Callable[[Rakefile], None], fs: FakeFileSystem | None = None) -> None:
        self.define_fn = define
        self.fs = fs or FakeFileSystem()
        self.out: list[str] = []
        self.mgr: TaskManager
        self.runner: SequentialRunner

    # helpers used by definitions
    def puts(self, text: str | Callable[[Task, TaskArguments], str]) -> Callable[[Task, TaskArguments], None]:
        def action(task: Task, args: TaskArguments) -> None:
            self.out.append(text(task, args) if callable(text) else text)

        return action

    def write(self, message: str | None = None) -> Callable[[Task, TaskArguments], None]:
        def action(task: Task, args: TaskArguments) -> None:
            if message is not None:
                self.out.append(message.replace("NAME", task.name).replace("SOURCE", str(task.source)))
            self.fs.touch(task.name)

        return action

    def task(self, name: str, prereqs: Any = None, action: Any = None, cls: type[Task] = Task, **kw: Any) -> Task:
        return self.mgr.define_task(cls, name, prereqs, kw.get("order_only"), kw.get("args"), action)

    def file(self, name: str, prereqs: Any = None, action: Any = None, **kw: Any) -> Task:
        return self.task(name, prereqs, action, FileTask, **kw)

    def mkdir_action(self, task: Task, args: TaskArguments) -> None:
        if not self.fs.exists(task.name):
            self.out.append(f"mkdir -p {task.name}")
            self.fs.makedirs(task.name)

    def directory(self, name: str, prereqs: Any = None) -> Task:
        return self.mgr.directory(name, prereqs, mkdir_action=self.mkdir_action)

    def run(self, *names: str, trace: bool = False, dryrun: bool = False, rules: bool = False, **options: Any) -> Run:
        self.out = []
        stream = io.StringIO()
        rule_lines: list[str] = []
        self.mgr = TaskManager(self.fs, app_name="rake", rule_trace=rule_lines.append if rules else None)
        build_all = options.pop("build_all", False)
        self.mgr.options.build_all = build_all
        self.define_fn(self)
        opts = RunOptions(trace=trace or dryrun, dryrun=dryrun, **options)
        self.runner = SequentialRunner(self.mgr, TraceReport(stream, trace=trace or dryrun), opts)
        error = None
        try:
            for name in names or ("default",):
                self.runner.invoke_task(name)
        except BaseException as exc:  # noqa: BLE001 - the run's failure is the result
            error = exc
        return Run(self.out, stream.getvalue(), error, rule_lines)


def lines(text: str) -> str:
    return text.strip("\n") + "\n"


def lines_of(items: list[str]) -> str:
    """Trace text from a list of lines (for lines that end with a space)."""
    return "".join(item + "\n" for item in items)


# --- basics ------------------------------------------------------------------------------


def command_line_multiple_tasks(b: Rakefile) -> None:
    b.task("a", None, b.puts("A"))
    b.task("b", "a", b.puts("B"))
    b.task("c", None, b.puts("C"))
    b.task("default", None, b.puts("DEFAULT"))


def test_each_task_runs_once_per_run() -> None:
    rf = Rakefile(command_line_multiple_tasks)
    assert rf.run("c", "a", "b", "a", "c").out == ["C", "A", "B"]
    assert rf.run("b", "a").out == ["A", "B"]
    run = rf.run("a", "a", trace=True)
    assert run.out == ["A"]
    assert run.trace == "** Invoke a (first_time)\n** Execute a\n** Invoke a \n"


def test_default_task_trace() -> None:
    def define(b: Rakefile) -> None:
        b.task("default", ["hello", "world"])
        b.task("hello", None, b.puts("hello"))
        b.task("world", None, b.puts("world"))

    run = Rakefile(define).run(trace=True)
    assert run.out == ["hello", "world"]
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke hello (first_time)
** Execute hello
** Invoke world (first_time)
** Execute world
** Execute default
""")


def test_prerequisite_order_and_repeat_invoke_line() -> None:
    def define(b: Rakefile) -> None:
        b.task("default", ["a", "b"])
        b.task("a", "c", b.puts("a"))
        b.task("b", "c", b.puts("b"))
        b.task("c", None, b.puts("c"))

    rf = Rakefile(define)
    assert rf.run().out == ["c", "a", "b"]
    run = rf.run("b", "a", trace=True)
    assert run.out == ["c", "b", "a"]
    assert run.trace == lines_of(
        [
            "** Invoke b (first_time)",
            "** Invoke c (first_time)",
            "** Execute c",
            "** Execute b",
            "** Invoke a (first_time)",
            "** Invoke c ",
            "** Execute a",
        ]
    )


def test_run_once_diamond_trace() -> None:
    def define(b: Rakefile) -> None:
        b.task("root", None, b.puts("root"))
        b.task("base", "root", b.puts("base"))
        b.task("left", "base", b.puts("left"))
        b.task("right", ["root", "base"], b.puts("right"))
        b.task("top", ["left", "right", "base"], b.puts("top"))

    run = Rakefile(define).run("top", trace=True)
    assert run.out == ["root", "base", "left", "right", "top"]
    assert run.trace == lines_of(
        [
            "** Invoke top (first_time)",
            "** Invoke left (first_time)",
            "** Invoke base (first_time)",
            "** Invoke root (first_time)",
            "** Execute root",
            "** Execute base",
            "** Execute left",
            "** Invoke right (first_time)",
            "** Invoke root ",
            "** Invoke base ",
            "** Execute right",
            "** Invoke base ",
            "** Execute top",
        ]
    )


def test_enhanced_tasks_run_prerequisites_first_and_actions_in_order() -> None:
    def define(b: Rakefile) -> None:
        b.task("deploy", None, b.puts("deploy: first block"))
        b.task("helper", None, b.puts("helper"))
        b.task("deploy", "helper")
        b.task("deploy", None, b.puts(lambda t, a: f"{t.name}: second block"))
        b.task("deploy", None, b.puts("deploy: third block"))
        for name in "abc":
            b.task(name, None, b.puts(name))
        b.task("all", ["b"], b.puts("all 1"))
        b.task("all", ["c", "b"], b.puts("all 2"))
        b.task("all", "a")

    rf = Rakefile(define)
    assert rf.run("deploy").out == ["helper", "deploy: first block", "deploy: second block", "deploy: third block"]
    assert rf.run("all").out == ["b", "c", "a", "all 1", "all 2"]


def test_duplicate_prerequisites_run_once() -> None:
    def define(b: Rakefile) -> None:
        b.task("compile", None, b.puts("compile"))
        b.task("lint", None, b.puts("lint"))
        b.task("check", ["compile", "compile", "compile", "lint", "lint", "compile"], b.puts("check"))

    assert Rakefile(define).run("check").out == ["compile", "lint", "check"]


def test_prerequisites_defined_later_resolve_at_invoke_time() -> None:
    def define(b: Rakefile) -> None:
        b.task("package", ["compile", "docs"], b.puts("package"))
        b.task("compile", None, b.puts("compile"))
        b.task("docs", None, b.puts("docs"))

    assert Rakefile(define).run("package").out == ["compile", "docs", "package"]


def test_missing_prerequisite_fails_with_the_chain_of_the_task_that_needed_it() -> None:
    def define(b: Rakefile) -> None:
        b.task("release", ["build", "upload"], b.puts("release"))
        b.task("build", "compile", b.puts("build"))
        b.task("compile", "generate_headers", b.puts("compile"))
        b.task("upload", None, b.puts("upload"))

    rf = Rakefile(define)
    run = rf.run("release")
    assert isinstance(run.error, UndefinedTaskError)
    assert str(run.error) == (
        "Don't know how to build task 'generate_headers' (See the list of available tasks with `rake --tasks`)"
    )
    assert run.chain == "TOP => release => build => compile"
    assert run.out == []
    assert rf.run("upload").out == ["upload"]


def test_unknown_top_level_task_has_no_chain_and_earlier_tasks_ran() -> None:
    def define(b: Rakefile) -> None:
        b.task("compile", None, b.puts("compile"))

    run = Rakefile(define).run("compile", "xyzzy")
    assert run.out == ["compile"]
    assert isinstance(run.error, UndefinedTaskError) and run.chain is None


def test_all_prerequisites_are_resolved_before_any_runs() -> None:
    # errors/unknown_prerequisite: render is not run because pages/index.txt cannot be resolved
    def define(b: Rakefile) -> None:
        b.task("default", "site")
        b.task("site", ["assets", "pages"], b.puts("site"))
        b.task("assets", None, b.puts("assets"))
        b.task("pages", ["render", "pages/index.txt"], b.puts("pages"))
        b.task("render", None, b.puts("render"))

    rf = Rakefile(define)
    run = rf.run()
    assert run.out == ["assets"]
    assert run.chain == "TOP => default => site => pages"
    rf.fs.touch("pages/index.txt")
    assert rf.run().out == ["assets", "render", "pages", "site"]


# --- arguments ------------------------------------------------------------------------------


def test_arguments_reach_prerequisites_by_name() -> None:
    def define(b: Rakefile) -> None:
        b.task(
            "build",
            ["prepare", "log"],
            b.puts(lambda t, a: f"build target={a['target']} mode={a['mode']}"),
            args=["target", "mode"],
        )
        b.task(
            "prepare", None, b.puts(lambda t, a: f"prepare mode={a['mode']} to_a={','.join(a.to_a())}"), args=["mode"]
        )
        b.task("log", None, b.puts(lambda t, a: f"log target={a['target']} to_a={len(a.to_a())}"))

    rf = Rakefile(define)
    assert rf.run("build[app,debug]").out == [
        "prepare mode=debug to_a=debug",
        "log target=app to_a=0",
        "build target=app mode=debug",
    ]
    assert rf.run("prepare[solo]").out == ["prepare mode=solo to_a=solo"]


def test_arguments_reach_a_grandchild_through_tasks_that_never_read_them() -> None:
    def define(b: Rakefile) -> None:
        b.task("top", ["middle"], None, args=["target"])
        b.task("middle", ["inner"], None)
        b.task("inner", ["leaf"], b.puts(lambda t, a: f"inner target={a['target']} extras={a.extras}"))
        b.task("leaf", None, b.puts(lambda t, a: f"leaf target={a['target']}"), args=["target"])

    rf = Rakefile(define)
    assert rf.run("top[app,more]").out == ["leaf target=app", "inner target=app extras=['more']"]


def test_first_invocation_arguments_win() -> None:
    def define(b: Rakefile) -> None:
        b.task("say", None, b.puts(lambda t, a: f"say {a['word']}"), args=["word"])
        b.task("twice", "say", b.puts("twice"))

    rf = Rakefile(define)
    assert rf.run("say[one]", "say[two]").out == ["say one"]
    assert rf.run("say[first]", "twice").out == ["say first", "twice"]


def test_invoke_accepts_a_list_of_values() -> None:
    rf = Rakefile(lambda b: b.task("t", None, b.puts(lambda t, a: a.inspect()), args=["a", "b"]))
    rf.run("nothing-yet")
    rf.runner.invoke(rf.mgr["t"], ["1", "2", "3"])
    assert rf.out == ["#<Rake::TaskArguments a: 1, b: 2>"]


# --- namespaces ---------------------------------------------------------------------------------


def test_namespaced_tasks_trace() -> None:
    def define(b: Rakefile) -> None:
        with b.mgr.in_namespace("db"):
            b.task("create", None, b.puts("db:create"))
            b.task("migrate", "create", b.puts("db:migrate"))
        b.task("migrate", None, b.puts("top-level migrate"))
        b.task("default", "db:migrate")

    rf = Rakefile(define)
    assert rf.run().out == ["db:create", "db:migrate"]
    run = rf.run("db:migrate", "migrate", trace=True)
    assert run.trace == lines("""
** Invoke db:migrate (first_time)
** Invoke db:create (first_time)
** Execute db:create
** Execute db:migrate
** Invoke migrate (first_time)
** Execute migrate
""")


def test_rake_prefix_prerequisites() -> None:
    def define(b: Rakefile) -> None:
        b.task("clean", None, b.puts("top clean"))
        with b.mgr.in_namespace("site"):
            b.task("clean", None, b.puts("site:clean"))
            with b.mgr.in_namespace("deploy"):
                b.task("clean", None, b.puts("site:deploy:clean"))
                b.task("fresh", ["rake:clean", "clean"], b.puts("site:deploy:fresh"))
                b.task("site_clean", "rake:site:clean", b.puts("site:deploy:site_clean"))

    rf = Rakefile(define)
    assert rf.run("site:deploy:fresh").out == ["top clean", "site:deploy:clean", "site:deploy:fresh"]
    assert rf.run("site:deploy:site_clean").out == ["site:clean", "site:deploy:site_clean"]
    assert rf.run("rake:clean", "rake:site:deploy:clean").out == ["top clean", "site:deploy:clean"]


def test_namespace_default_is_not_implicit() -> None:
    def define(b: Rakefile) -> None:
        with b.mgr.in_namespace("assets"):
            b.task("default", None, b.puts("assets:default"))

    run = Rakefile(define).run("assets")
    assert isinstance(run.error, UndefinedTaskError) and "'assets'" in str(run.error)


def test_rule_inside_a_namespace_builds_unnamespaced_files() -> None:
    def define(b: Rakefile) -> None:
        with b.mgr.in_namespace("site"):
            b.mgr.create_rule(".html", ".md", action=b.write("render SOURCE -> NAME"))
            b.task("home", "pages/home.html", b.puts("site:home"))
        b.task("about", "pages/about.html", b.puts("about"))

    rf = Rakefile(define)
    rf.fs.touch("pages/home.md")
    rf.fs.touch("pages/about.md")
    assert rf.run("site:home").out == ["render pages/home.md -> pages/home.html", "site:home"]
    assert rf.run("about").out == ["render pages/about.md -> pages/about.html", "about"]


# --- rules ------------------------------------------------------------------------------------------


def chained_rules(b: Rakefile) -> None:
    b.mgr.create_rule(".o", ".c", action=b.write("cc SOURCE -> NAME"))
    b.mgr.create_rule(".c", ".y", action=b.write("yacc SOURCE -> NAME"))
    b.task("default", "calc.o")


def test_chained_rules_build_the_intermediate_file() -> None:
    rf = Rakefile(chained_rules)
    rf.fs.touch("calc.y")
    assert rf.run().out == ["yacc calc.y -> calc.c", "cc calc.c -> calc.o"]
    run = rf.run(trace=True)
    assert run.out == []
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke calc.o (first_time, not_needed)
** Invoke calc.c (first_time, not_needed)
** Invoke calc.y (first_time, not_needed)
** Execute default
""")
    rf.fs.touch("calc.y")
    assert rf.run().out == ["yacc calc.y -> calc.c", "cc calc.c -> calc.o"]


def test_extension_rule_rebuilds_only_the_stale_target() -> None:
    def define(b: Rakefile) -> None:
        b.mgr.create_rule(".o", ".c", action=b.write("compiling SOURCE into NAME"))
        b.task("default", ["alpha.o", "beta.o"])

    rf = Rakefile(define)
    rf.fs.touch("alpha.c")
    rf.fs.touch("beta.c")
    assert rf.run().out == ["compiling alpha.c into alpha.o", "compiling beta.c into beta.o"]
    assert rf.run().out == []
    rf.fs.touch("beta.c")
    run = rf.run(trace=True)
    assert run.out == ["compiling beta.c into beta.o"]
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke alpha.o (first_time, not_needed)
** Invoke alpha.c (first_time, not_needed)
** Invoke beta.o (first_time)
** Invoke beta.c (first_time, not_needed)
** Execute beta.o
** Execute default
""")


def test_rule_applies_to_an_existing_file_and_traces_rules() -> None:
    def define(b: Rakefile) -> None:
        b.mgr.create_rule(".c", ".y", action=b.write("generating NAME from SOURCE"))
        b.task("default", ["parser.c", "util.c"], b.puts("default"))

    rf = Rakefile(define)
    for name in ["parser.y", "util.c", "parser.c"]:
        rf.fs.touch(name)
    run = rf.run(rules=True)
    assert run.out == ["default"]
    assert run.rules == [
        "Attempting Rule parser.c => parser.y",
        "(parser.c => parser.y ... EXIST)",
        "Attempting Rule util.c => util.y",
        "(util.c => util.y ... FAIL)",
    ]
    rf.fs.touch("parser.y")
    run = rf.run(trace=True)
    assert run.out == ["generating parser.c from parser.y", "default"]
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke parser.c (first_time)
** Invoke parser.y (first_time, not_needed)
** Execute parser.c
** Invoke util.c (first_time, not_needed)
** Execute default
""")


def test_rule_with_several_sources_rebuilds_when_any_is_newer() -> None:
    def define(b: Rakefile) -> None:
        b.mgr.create_rule(".o", [".c", "config.h"], action=b.write("NAME"))
        b.task("default", "main.o")

    rf = Rakefile(define)
    rf.fs.touch("main.c")
    rf.fs.touch("config.h")
    assert rf.run().out == ["main.o"]
    rf.fs.touch("config.h")
    run = rf.run(trace=True)
    assert run.out == ["main.o"]
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke main.o (first_time)
** Invoke main.c (first_time, not_needed)
** Invoke config.h (first_time, not_needed)
** Execute main.o
** Execute default
""")
    assert rf.run().out == []


def test_rule_without_source_cannot_build() -> None:
    def define(b: Rakefile) -> None:
        b.mgr.create_rule(".o", ".c", action=b.write("compiling SOURCE"))
        b.task("default", ["main.o", "vendor.o"], b.puts("linked"))
        b.task("broken", ["main.o", "ghost.o"], b.puts("never printed"))

    rf = Rakefile(define)
    rf.fs.touch("main.c")
    rf.fs.touch("vendor.o")
    run = rf.run("broken")
    assert run.out == []
    assert "'ghost.o'" in str(run.error) and run.chain == "TOP => broken"
    assert rf.run().out == ["compiling main.c", "linked"]


def test_rule_with_a_pathmap_source() -> None:
    def define(b: Rakefile) -> None:
        b.mgr.create_rule(re.compile(r"^obj/.+\.o$"), "%{^obj/,src/}X.c", action=b.write("SOURCE -> NAME"))
        b.task("default", ["obj/main.o", "obj/net/socket.o"])

    rf = Rakefile(define)
    rf.fs.touch("src/main.c")
    rf.fs.touch("src/net/socket.c")
    assert rf.run().out == ["src/main.c -> obj/main.o", "src/net/socket.c -> obj/net/socket.o"]
    run = rf.run(trace=True)
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke obj/main.o (first_time, not_needed)
** Invoke src/main.c (first_time, not_needed)
** Invoke obj/net/socket.o (first_time, not_needed)
** Invoke src/net/socket.c (first_time, not_needed)
** Execute default
""")


def test_rule_with_a_proc_source() -> None:
    from pydrake.rake.pathmap import pathmap

    def define(b: Rakefile) -> None:
        b.mgr.create_rule(
            re.compile(r"\.html$"),
            [lambda name: pathmap(name, "content/%n.txt"), "layout.tmpl"],
            action=b.write("NAME <= SOURCE"),
        )
        b.task("default", ["about.html", "contact.html"])

    rf = Rakefile(define)
    for name in ["content/about.txt", "content/contact.txt", "layout.tmpl"]:
        rf.fs.touch(name)
    expected = ["about.html <= content/about.txt", "contact.html <= content/contact.txt"]
    assert rf.run().out == expected
    rf.fs.touch("layout.tmpl")
    assert rf.run().out == expected
    assert rf.run().out == []


def test_rule_recursion_then_circular_dependency() -> None:
    def define(b: Rakefile) -> None:
        b.mgr.create_rule(".html", ".md", action=b.puts("md -> html"))
        b.mgr.create_rule(".md", ".html", action=b.puts("html -> md"))
        b.task("default", "index.html")

    rf = Rakefile(define)
    run = rf.run()
    assert isinstance(run.error, RuleRecursionOverflowError)
    assert str(run.error).startswith("Rule Recursion Too Deep: [index.html => index.md => ")
    assert run.chain == "TOP => default"
    rf.fs.touch("index.md")
    run = rf.run()
    assert isinstance(run.error, CircularDependencyError)
    assert str(run.error) == "Circular dependency detected: TOP => default => index.html => index.md => index.html"
    assert run.chain == "TOP => default => index.html => index.md"


def test_action_less_file_task_uses_the_rule_at_execute_time_without_invoking_its_sources() -> None:
    def define(b: Rakefile) -> None:
        b.mgr.create_rule(".o", ".c", action=b.puts(lambda t, a: f"{t.sources} {t.prerequisites}"))
        b.file("exp.o", ["extra.c"])

    rf = Rakefile(define)
    rf.fs.touch("extra.c")
    rf.fs.touch("exp.c")
    run = rf.run("exp.o", trace=True)
    assert run.out == ["['exp.c'] ['extra.c', 'exp.c']"]
    assert "exp.c" not in run.trace.replace("exp.o", "")


# --- files ----------------------------------------------------------------------------------------------


def test_build_all_rebuilds_up_to_date_files() -> None:
    def define(b: Rakefile) -> None:
        b.file("upper.txt", "text.txt", b.write("making NAME"))
        b.file("count.txt", "upper.txt", b.write("making NAME"))
        b.task("default", "count.txt", b.puts("default runs"))

    rf = Rakefile(define)
    rf.fs.touch("text.txt")
    assert rf.run().out == ["making upper.txt", "making count.txt", "default runs"]
    assert rf.run().out == ["default runs"]
    assert rf.run(build_all=True).out == ["making upper.txt", "making count.txt", "default runs"]
    assert rf.run("upper.txt", build_all=True).out == ["making upper.txt"]


def test_directory_prerequisite_does_not_trigger_rebuild() -> None:
    def define(b: Rakefile) -> None:
        b.directory("build")
        b.file("build/report.txt", ["build", "data.txt"], b.write("writing NAME"))
        b.task("default", "build/report.txt")

    rf = Rakefile(define)
    rf.fs.touch("data.txt")
    assert rf.run().out == ["mkdir -p build", "writing build/report.txt"]
    rf.fs.touch("build/other.txt")
    rf.fs.mkdir("build", 2**62)
    run = rf.run(trace=True)
    assert run.out == []
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke build/report.txt (first_time, not_needed)
** Invoke build (first_time, not_needed)
** Invoke data.txt (first_time, not_needed)
** Execute default
""")
    rf.fs.touch("data.txt")
    assert rf.run().out == ["writing build/report.txt"]


def test_directory_task_creates_path_and_parents() -> None:
    def define(b: Rakefile) -> None:
        b.directory("out/logs/today")
        b.task("default", "out/logs/today", b.puts(lambda t, a: f"exists: {b.fs.isdir('out/logs/today')}"))

    rf = Rakefile(define)
    assert rf.run().out == ["mkdir -p out/logs/today", "exists: True"]
    run = rf.run(trace=True)
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke out/logs/today (first_time, not_needed)
** Execute default
""")
    for path in ["out/logs/today", "out/logs", "out"]:
        rf.fs.remove(path)
    assert rf.run("out/logs").out == ["mkdir -p out/logs"]


def dry_run_files(b: Rakefile) -> None:
    b.directory("out")
    b.file("out/stage1.txt", ["out", "source.txt"], b.write("stage1"))
    b.file("out/stage2.txt", "out/stage1.txt", b.write("stage2"))
    b.task("default", "out/stage2.txt")


def test_dry_run_with_file_tasks() -> None:
    rf = Rakefile(dry_run_files)
    rf.fs.touch("source.txt")
    run = rf.run(dryrun=True)
    assert run.out == []
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke out/stage2.txt (first_time)
** Invoke out/stage1.txt (first_time)
** Invoke out (first_time)
** Execute (dry run) out
** Invoke source.txt (first_time, not_needed)
** Execute (dry run) out/stage1.txt
** Execute (dry run) out/stage2.txt
** Execute (dry run) default
""")
    assert not rf.fs.exists("out")
    assert rf.run().out == ["mkdir -p out", "stage1", "stage2"]
    assert rf.run(dryrun=True).trace == lines("""
** Invoke default (first_time)
** Invoke out/stage2.txt (first_time, not_needed)
** Invoke out/stage1.txt (first_time, not_needed)
** Invoke out (first_time, not_needed)
** Invoke source.txt (first_time, not_needed)
** Execute (dry run) default
""")
    rf.fs.touch("source.txt")
    assert rf.run(dryrun=True).trace == lines("""
** Invoke default (first_time)
** Invoke out/stage2.txt (first_time)
** Invoke out/stage1.txt (first_time)
** Invoke out (first_time, not_needed)
** Invoke source.txt (first_time, not_needed)
** Execute (dry run) out/stage1.txt
** Execute (dry run) out/stage2.txt
** Execute (dry run) default
""")


def test_dry_run_without_trace_shows_only_executions() -> None:
    rf = Rakefile(lambda b: b.task("t1", None, b.puts("ran")))
    rf.run("nothing")
    stream = io.StringIO()
    runner = SequentialRunner(rf.mgr, TraceReport(stream, trace=False), RunOptions(dryrun=True))
    runner.invoke(rf.mgr["t1"])
    assert stream.getvalue() == "** Execute (dry run) t1\n"
    assert rf.out == []


def test_file_depending_on_plain_task_always_rebuilds() -> None:
    def define(b: Rakefile) -> None:
        b.task("prepare", None, b.puts("prepare (a plain task)"))
        b.file("stamp.txt", ["data.txt", "prepare"], b.write("writing NAME"))
        b.file("report.txt", "data.txt", b.write("writing NAME"))
        b.task("default", ["stamp.txt", "report.txt"])

    rf = Rakefile(define)
    rf.fs.touch("data.txt")
    assert rf.run().out == ["prepare (a plain task)", "writing stamp.txt", "writing report.txt"]
    assert rf.run().out == ["prepare (a plain task)", "writing stamp.txt"]
    run = rf.run(trace=True)
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke stamp.txt (first_time)
** Invoke data.txt (first_time, not_needed)
** Invoke prepare (first_time)
** Execute prepare
** Execute stamp.txt
** Invoke report.txt (first_time, not_needed)
** Invoke data.txt (not_needed)
** Execute default
""")


def test_transitively_newer_prerequisite_rebuilds() -> None:
    def define(b: Rakefile) -> None:
        b.file("checked.txt", "config.txt", b.puts("validating config.txt (checked.txt left as it is)"))
        b.file("final.txt", "checked.txt", b.write("regenerating NAME"))
        b.task("default", "final.txt")

    rf = Rakefile(define)
    for name in ["config.txt", "checked.txt", "final.txt"]:
        rf.fs.touch(name)
    assert rf.run().out == []
    rf.fs.touch("config.txt")
    run = rf.run(trace=True)
    assert run.out == ["validating config.txt (checked.txt left as it is)", "regenerating final.txt"]
    assert run.trace == lines("""
** Invoke default (first_time)
** Invoke final.txt (first_time)
** Invoke checked.txt (first_time)
** Invoke config.txt (first_time, not_needed)
** Execute checked.txt
** Execute final.txt
** Execute default
""")
    run = rf.run(trace=True)
    assert run.out == ["validating config.txt (checked.txt left as it is)"]
    assert run.trace.splitlines()[1] == "** Invoke final.txt (first_time, not_needed)"


def test_up_to_date_file_trace() -> None:
    def define(b: Rakefile) -> None:
        b.file("output.txt", "input.txt", b.write("rebuilding NAME"))
        b.task("default", "output.txt")

    rf = Rakefile(define)
    rf.fs.touch("input.txt")
    rf.fs.touch("output.txt")
    assert rf.run().out == []
    run = rf.run("output.txt", trace=True)
    assert run.trace == "** Invoke output.txt (first_time, not_needed)\n** Invoke input.txt (first_time, not_needed)\n"


def test_missing_source_file_error_chain() -> None:
    def define(b: Rakefile) -> None:
        b.file("book.html", "chapter1.md", b.write("converting SOURCE"))
        b.task("site", "book.html", b.puts("site ready"))

    rf = Rakefile(define)
    run = rf.run("site")
    assert "'chapter1.md'" in str(run.error) and run.chain == "TOP => site => book.html"
    rf.fs.touch("chapter1.md")
    assert rf.run("site").out == ["converting chapter1.md", "site ready"]


def test_failed_build_keeps_earlier_outputs() -> None:
    def fail_b(task: Task, args: TaskArguments) -> None:
        rf.fs.touch(task.name)
        if not rf.fs.exists("b.ok"):
            raise RuntimeError("Command failed")
        rf.out.append(f"wrote {task.name}")

    def define(b: Rakefile) -> None:
        b.task("default", ["out/a.txt", "out/b.txt", "out/c.txt"])
        b.directory("out")
        b.file("out/a.txt", "out", b.write("wrote NAME"))
        b.file("out/b.txt", "out", fail_b)
        b.file("out/c.txt", "out", b.write("wrote NAME"))

    rf = Rakefile(define)
    run = rf.run()
    assert run.out == ["mkdir -p out", "wrote out/a.txt"]
    assert run.chain == "TOP => default => out/b.txt"
    rf.fs.touch("b.ok")
    assert rf.run().out == ["wrote out/c.txt"]


# --- failures -----------------------------------------------------------------------------------------


def test_circular_dependencies() -> None:
    def define(b: Rakefile) -> None:
        b.task("default", ["ok", "a"])
        b.task("ok", None, b.puts("ok runs first"))
        b.task("a", "b", b.puts("a"))
        b.task("b", "c", b.puts("b"))
        b.task("c", "a", b.puts("c"))
        b.task("loop", "loop", b.puts("never"))

    rf = Rakefile(define)
    run = rf.run()
    assert run.out == ["ok runs first"]
    assert str(run.error) == "Circular dependency detected: TOP => default => a => b => c => a"
    assert run.chain == "TOP => default => a => b => c"
    run = rf.run("loop")
    assert (str(run.error), run.chain) == ("Circular dependency detected: TOP => loop => loop", "TOP => loop")
    run = rf.run("b")
    assert str(run.error) == "Circular dependency detected: TOP => b => c => a => b"
    assert run.chain == "TOP => b => c => a"


def test_failure_chain_is_the_innermost_task_and_stops_the_run() -> None:
    def define(b: Rakefile) -> None:
        b.task("default", "release")
        b.task("release", ["lint", "package"], b.puts("release"))
        b.task("lint", None, b.puts("lint"))
        b.task("package", "compile", b.puts("package"))
        b.task("compile", "codegen", b.puts("compile"))

        def codegen(task: Task, args: TaskArguments) -> None:
            b.out.append("codegen starts")
            raise RuntimeError("template missing")

        b.task("codegen", None, codegen)
        b.task("other", None, b.puts("other"))

    rf = Rakefile(define)
    run = rf.run("default", "other")
    assert run.out == ["lint", "codegen starts"]
    assert str(run.error) == "template missing"
    assert run.chain == "TOP => default => release => package => compile => codegen"
    assert rf.run("compile").chain == "TOP => compile => codegen"


@pytest.mark.parametrize("trace", [False, True])
def test_a_failed_task_without_prerequisites_reraises_when_reached_again(trace: bool) -> None:
    attempts: list[str] = []

    def define(b: Rakefile) -> None:
        def boom(task: Task, args: TaskArguments) -> None:
            attempts.append(task.name)
            raise RuntimeError("boom")

        b.task("leaf", None, boom)
        b.task("a", "leaf")
        b.task("b", "leaf", b.puts("b"))

    rf = Rakefile(define)
    run = rf.run("a", trace=trace)
    assert run.chain == "TOP => a => leaf"
    with pytest.raises(RuntimeError, match="boom") as again:
        rf.runner.invoke_task("b")
    assert again.value is run.error
    assert attempts == ["leaf"]
    assert rf.mgr["b"].invocation_exception is run.error
    assert rf.out == []


def test_failed_task_is_stored_on_the_whole_path_and_reraised_with_a_trace_line() -> None:
    def define(b: Rakefile) -> None:
        def integration(task: Task, args: TaskArguments) -> None:
            b.out.append("integration")
            raise RuntimeError("integration suite failed")

        def retry(task: Task, args: TaskArguments) -> None:
            try:
                b.runner.invoke(b.mgr["integration"])
            except RuntimeError as error:
                b.out.append(f"first attempt: {error}")
            b.out.append("second attempt")
            b.runner.invoke(b.mgr["integration"])
            b.out.append("not reached")

        b.task("compile", None, b.puts("compile"))
        b.task("integration", "compile", integration)
        b.task("retry", None, retry)

    rf = Rakefile(define)
    run = rf.run("retry", trace=True)
    assert run.out == ["compile", "integration", "first attempt: integration suite failed", "second attempt"]
    assert run.trace == lines_of(
        [
            "** Invoke retry (first_time)",
            "** Execute retry",
            "** Invoke integration (first_time)",
            "** Invoke compile (first_time)",
            "** Execute compile",
            "** Execute integration",
            "** Invoke integration ",
            "** Previous invocation of integration failed ",
        ]
    )
    assert run.chain == "TOP => integration"
    assert rf.mgr["retry"].invocation_exception is run.error
    assert rf.mgr["compile"].invocation_exception is None


def test_nested_invoke_failure_keeps_the_inner_chain() -> None:
    # errors/invoke_failure_inside_action
    def define(b: Rakefile) -> None:
        def ci(task: Task, args: TaskArguments) -> None:
            b.out.append("ci: start")
            b.runner.invoke(b.mgr["unit"])
            b.runner.invoke(b.mgr["integration"])
            b.out.append("ci: done")

        def integration(task: Task, args: TaskArguments) -> None:
            b.out.append("integration")
            raise RuntimeError("integration suite failed")

        b.task("ci", "setup", ci)
        b.task("setup", None, b.puts("setup"))
        b.task("unit", "compile", b.puts("unit"))
        b.task("compile", None, b.puts("compile"))
        b.task("integration", "compile", integration)

    run = Rakefile(define).run("ci")
    assert run.out == ["setup", "ci: start", "compile", "unit", "integration"]
    assert run.chain == "TOP => integration"


def test_reenabled_task_runs_again_and_does_not_reraise() -> None:
    attempts: list[int] = []

    def flaky(task: Task, args: TaskArguments) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first time")

    rf = Rakefile(lambda b: b.task("t", None, flaky))
    rf.run("nothing")
    task = rf.mgr["t"]
    with pytest.raises(RuntimeError):
        rf.runner.invoke(task)
    with pytest.raises(RuntimeError):
        rf.runner.invoke(task)
    assert len(attempts) == 1
    task.reenable()
    rf.runner.invoke(task)
    rf.runner.invoke(task)
    assert len(attempts) == 2


def test_reenable_leaves_prerequisites_invoked() -> None:
    def define(b: Rakefile) -> None:
        b.task("t1", "t2", b.puts("t1"))
        b.task("t2", None, b.puts("t2"))

    rf = Rakefile(define)
    rf.run("t1")
    rf.mgr["t1"].reenable()
    rf.runner.invoke(rf.mgr["t1"])
    assert rf.out == ["t2", "t1", "t1"]


def test_system_exit_from_an_action_propagates_with_its_chain() -> None:
    def define(b: Rakefile) -> None:
        b.task("default", ["first", "check", "last"])
        b.task("first", None, b.puts("first"))
        b.task("check", None, lambda t, a: sys.exit(3))
        b.task("last", None, b.puts("last"))

    run = Rakefile(define).run()
    assert isinstance(run.error, SystemExit) and run.error.code == 3
    assert run.out == ["first"]
    assert run.chain == "TOP => default => check"


# --- execute, multitask order, events ----------------------------------------------------------------


def test_execute_runs_only_the_actions_even_after_invoke() -> None:
    def define(b: Rakefile) -> None:
        b.task("t", "p", b.puts("t"))
        b.task("p", None, b.puts("p"))

    rf = Rakefile(define)
    rf.run("t")
    rf.runner.execute(rf.mgr["t"])
    assert rf.out == ["p", "t", "t"]


def multitask_file(b: Rakefile) -> None:
    b.task("m", ["p1", "p2", "p3"], b.puts("m"), cls=MultiTask)
    for name in ["p1", "p2", "p3"]:
        b.task(name, None, b.puts(name))
    b.task("seq", ["p1", "p2", "p3"], b.puts("seq"))


def test_multitask_prerequisites_run_last_first_with_one_job() -> None:
    rf = Rakefile(multitask_file)
    run = rf.run("m", trace=True, jobs=1)
    assert run.out == ["p3", "p2", "p1", "m"]
    assert run.trace == lines("""
** Invoke m (first_time)
** Invoke p3 (first_time)
** Execute p3
** Invoke p2 (first_time)
** Execute p2
** Invoke p1 (first_time)
** Execute p1
** Execute m
""")
    assert rf.run("seq", jobs=1).out == ["p1", "p2", "p3", "seq"]
    assert rf.run("seq", jobs=1, always_multitask=True).out == ["p3", "p2", "p1", "seq"]
    assert rf.run("m", jobs=4).out == ["p1", "p2", "p3", "m"]


def test_events_without_trace_do_not_evaluate_needed() -> None:
    class Counting(Task):
        checks = 0

        def needed(self) -> bool:
            Counting.checks += 1
            return True

    fs = FakeFileSystem()
    mgr = TaskManager(fs)
    task = mgr.define_task(Counting, "t")
    events = RecordingEvents()
    SequentialRunner(mgr, events, RunOptions()).invoke(task)
    assert Counting.checks == 1
    assert [(e.kind, e.name, e.first_time, e.not_needed, e.dry_run) for e in events.events] == [
        ("invoke", "t", True, None, None),
        ("execute", "t", None, None, False),
    ]
    task.reenable()
    SequentialRunner(mgr, events, RunOptions(trace=True)).invoke(task)
    assert Counting.checks == 3


def test_invoke_with_an_existing_chain_detects_cycles_through_it() -> None:
    rf = Rakefile(lambda b: (b.task("a", "b"), b.task("b")))
    rf.run("nothing")
    a, b = rf.mgr["a"], rf.mgr["b"]
    with pytest.raises(CircularDependencyError, match="TOP => b => a => b"):
        rf.runner.invoke_with_call_chain(a, TaskArguments([], []), TOP.append(b))


def test_a_chain_of_100000_tasks_runs_without_recursion() -> None:
    n = 100_000
    fs = FakeFileSystem()
    mgr = TaskManager(fs)
    order: list[str] = []

    def record(task: Task, args: TaskArguments) -> None:
        order.append(task.name)

    for i in range(n):
        mgr.define_task(Task, f"t{i}", [f"t{i + 1}"] if i + 1 < n else [], action=record)
    events = RecordingEvents()
    SequentialRunner(mgr, events, RunOptions(trace=True)).invoke(mgr["t0"])
    assert len(order) == n
    assert order[0] == f"t{n - 1}" and order[-1] == "t0"
    assert events.invoked()[:2] == ["t0", "t1"]


def test_a_failure_at_the_bottom_of_a_deep_chain_carries_the_whole_chain() -> None:
    n = 50_000
    mgr = TaskManager(FakeFileSystem())
    for i in range(n):
        mgr.define_task(Task, f"t{i}", [f"t{i + 1}"] if i + 1 < n else [])

    def boom(task: Task, args: TaskArguments) -> None:
        raise ValueError("deep")

    mgr[f"t{n - 1}"].enhance(None, boom)
    with pytest.raises(ValueError) as info:
        SequentialRunner(mgr, RecordingEvents(), RunOptions()).invoke(mgr["t0"])
    text = str(chain_of(info.value))
    assert text.startswith("TOP => t0 => t1 => ") and text.endswith(f" => t{n - 1}")
    assert mgr["t0"].invocation_exception is info.value


def test_a_cycle_deep_in_a_long_chain_is_reported() -> None:
    n = 50_000
    mgr = TaskManager(FakeFileSystem())
    for i in range(n):
        mgr.define_task(Task, f"t{i}", [f"t{(i + 1) % n}"])
    with pytest.raises(CircularDependencyError) as info:
        SequentialRunner(mgr, RecordingEvents(), RunOptions()).invoke(mgr["t0"])
    assert str(info.value).endswith(f"t{n - 1} => t0")
