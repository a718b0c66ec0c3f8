"""``pydrake --lint`` end to end: the report's format, the exit status, and that nothing runs."""

from __future__ import annotations

import re

from pydrake.lint import LintResult
from pydrake.lint.findings import Finding
from pydrake.report.lint import lint_lines

from .rakefiles import run_cli, write_project

FINDING_LINE = re.compile(r"^[^\s:]+:\d+: (missing-dependency|order-reliance|write-conflict|nested-invoke|multitask): ")

UNSAFE = """task :default => [:gen, :use]

task :gen do
  sh "echo hi > gen.txt"
end

task :use do
  sh "cat gen.txt > use.txt"
  puts "use done"
end
"""


def test_a_finding_prints_its_line_and_indented_fix_and_exits_1(tmp_path):
    write_project(tmp_path, UNSAFE)
    status, out, err = run_cli(tmp_path, "--lint")
    lines = out.splitlines()
    assert status == 1
    assert FINDING_LINE.match(lines[0])
    assert lines[0].startswith("Rakefile:7: order-reliance: task 'use' reads 'gen.txt'")
    assert lines[1] == "  fix: task :use => :gen   (or task :default => seq[:gen, :use])"
    assert all(line.startswith("  ") for line in lines[1:-1])
    assert lines[-1] == "lint: 1 finding (3 tasks, 1 file flow between tasks)"
    assert "use done" not in out and err == ""
    assert not (tmp_path / "gen.txt").exists() and not (tmp_path / "use.txt").exists()


def test_a_j_safe_rakefile_exits_0_with_a_summary_only(tmp_path):
    write_project(tmp_path, UNSAFE.replace("task :use do", "task :use => :gen do"))
    status, out, _ = run_cli(tmp_path, "--lint")
    assert status == 0
    assert (
        out
        == "lint: no finding (3 tasks, 1 file flow between tasks; every flow seen is ordered by declared prerequisites)\n"
    )


def test_notes_alone_exit_0(tmp_path):
    write_project(tmp_path, "multitask :docs => [:html]\ntask :html\n")
    status, out, _ = run_cli(tmp_path, "--lint")
    assert status == 0
    assert out.startswith("Rakefile:1: multitask: multitask 'docs' is a plain task in pydrake")
    assert out.splitlines()[-1].startswith("lint: no finding, 1 note (")


def test_a_rakefile_that_cannot_be_loaded_exits_2(tmp_path):
    write_project(tmp_path, "task :a do\n")
    status, out, err = run_cli(tmp_path, "--lint")
    assert status == 2
    assert out == ""
    assert "SyntaxError" in err
    write_project(tmp_path, 'raise "no config"\n')
    assert run_cli(tmp_path, "--lint")[0] == 2


def test_named_tasks_are_linted_alone(tmp_path):
    write_project(tmp_path, UNSAFE)
    status, out, _ = run_cli(tmp_path, "--lint", "use")
    assert status == 0
    assert out.startswith("lint: no finding (1 task,")


def test_report_lines_order_findings_and_count_them():
    note = Finding("multitask", "Rakefile", 1, "a note")
    problem = Finding("write-conflict", "Rakefile", 9, "two writers", "task :b => :a", ("written at Rakefile:10: x",))
    lines = lint_lines(LintResult([note, problem], 4, 2))
    assert lines == [
        "Rakefile:1: multitask: a note",
        "Rakefile:9: write-conflict: two writers",
        "  fix: task :b => :a",
        "  written at Rakefile:10: x",
        "lint: 1 finding and 1 note (4 tasks, 2 file flows between tasks)",
    ]
