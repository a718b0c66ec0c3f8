"""`pydrake --graph[=dot|mermaid] [TASK...]` on a real Rakefile: the resolved graph on stdout, nothing run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

RAKEFILE = """
directory "out"
rule ".o" => [->(t) { t.sub(%r{^out/}, "src/").sub(/\\.o$/, ".c") }, "out"] do |t|
  sh "cp #{t.source} #{t.name}"
end
file "out/app" => %w[out/a.o out/b.o] do |t|
  sh "cat #{t.prerequisites.join(' ')} > #{t.name}"
end
namespace :db do
  task :migrate do
    puts "migrating"
  end
end
task :default => ["out/app", "db:migrate"]
"""


def pydrake(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "pydrake", *argv], cwd=folder, capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.c").write_text("a\n")
    (tmp_path / "src" / "b.c").write_text("b\n")
    return tmp_path


def test_dot_graph_of_the_default_task_with_rule_made_files(project: Path) -> None:
    result = pydrake(project, "--graph")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "digraph pydrake {\n"
        "  // an edge runs from a prerequisite to the task that needs it\n"
        '  rankdir="LR";\n'
        '  "src/a.c" [shape=box];\n'
        '  "out" [shape=folder];\n'
        '  "out/a.o" [shape=box];\n'
        '  "src/b.c" [shape=box];\n'
        '  "out/b.o" [shape=box];\n'
        '  "out/app" [shape=box];\n'
        '  "db:migrate";\n'
        '  "default";\n'
        '  "src/a.c" -> "out/a.o";\n'
        '  "out" -> "out/a.o";\n'
        '  "src/b.c" -> "out/b.o";\n'
        '  "out" -> "out/b.o";\n'
        '  "out/a.o" -> "out/app";\n'
        '  "out/b.o" -> "out/app";\n'
        '  "out/app" -> "default";\n'
        '  "db:migrate" -> "default";\n'
        "}\n"
    )
    assert sorted(p.name for p in project.iterdir()) == ["Rakefile", "src"]  # nothing ran


def test_mermaid_graph_of_named_tasks(project: Path) -> None:
    result = pydrake(project, "--graph=mermaid", "db:migrate", "out/a.o")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "flowchart LR\n"
        "  %% an edge runs from a prerequisite to the task that needs it\n"
        '  t_db_3a_migrate("db:migrate")\n'
        '  t_src_2f_a_2e_c["src/a.c"]\n'
        '  t_out[["out"]]\n'
        '  t_out_2f_a_2e_o["out/a.o"]\n'
        "  t_src_2f_a_2e_c --> t_out_2f_a_2e_o\n"
        "  t_out --> t_out_2f_a_2e_o\n"
    )
    assert "migrating" not in result.stdout


def test_without_a_default_task_every_task_is_drawn(tmp_path: Path) -> None:
    (tmp_path / "Rakefile").write_text('task :b => :a\ntask :a\ntask "c"\nfile "x.txt" => "c"\n')
    result = pydrake(tmp_path, "--graph")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[3:9] == ['  "a";', '  "b";', '  "c";', '  "x.txt" [shape=box];', '  "a" -> "b";', '  "c" -> "x.txt";']


def test_an_unknown_task_is_rakes_error(project: Path) -> None:
    result = pydrake(project, "--graph", "nosuch")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Don't know how to build task 'nosuch'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_graphviz_renders_the_output(project: Path) -> None:
    graph = pydrake(project, "--graph").stdout
    svg = subprocess.run(["dot", "-Tsvg"], input=graph, capture_output=True, text=True)
    assert svg.returncode == 0, svg.stderr
    assert "<title>db:migrate</title>" in svg.stdout
