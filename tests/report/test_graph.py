"""--graph rendering: DOT and Mermaid text from a TaskGraph, names escaped, Rake's order kept."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pydrake.engine.graph import resolve_graph
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager
from pydrake.report.graph import (
    DIRECTORY,
    FILE,
    TASK,
    Edge,
    TaskGraph,
    Vertex,
    dot_quote,
    mermaid_id,
    mermaid_label,
    render,
    task_graph,
    to_dot,
    to_mermaid,
)

AWKWARD = ['say "hi"', "back\\slash", "db:migrate", "out/a.o", "end", "a_b", "a.b", "a b", "%x", "<b>", "#1;", "x\ny", "é"]

SMALL = TaskGraph(
    [Vertex("src/a.c", FILE), Vertex("out", DIRECTORY), Vertex("out/a.o", FILE), Vertex("db:migrate"), Vertex("default")],
    [
        Edge("src/a.c", "out/a.o"),
        Edge("out", "out/a.o", order_only=True),
        Edge("out/a.o", "default"),
        Edge("db:migrate", "default"),
    ],
)


def test_dot_quote_escapes_quotes_backslashes_and_line_breaks() -> None:
    assert dot_quote("db:migrate") == '"db:migrate"'
    assert dot_quote('say "hi"') == '"say \\"hi\\""'
    assert dot_quote("back\\slash") == '"back\\\\slash"'
    assert dot_quote("x\ny") == '"x\\ny"'


def test_dot_output() -> None:
    assert to_dot(SMALL) == (
        "digraph pydrake {\n"
        "  // an edge runs from a prerequisite to the task that needs it\n"
        '  rankdir="LR";\n'
        '  "src/a.c" [shape=box];\n'
        '  "out" [shape=folder];\n'
        '  "out/a.o" [shape=box];\n'
        '  "db:migrate";\n'
        '  "default";\n'
        '  "src/a.c" -> "out/a.o";\n'
        '  "out" -> "out/a.o" [style=dashed];\n'
        '  "out/a.o" -> "default";\n'
        '  "db:migrate" -> "default";\n'
        "}\n"
    )


def test_dot_labels_a_name_graphviz_would_otherwise_rename() -> None:
    assert '  "%x" [label="%x"];' in to_dot(TaskGraph([Vertex("%x")]))


def test_mermaid_output() -> None:
    assert to_mermaid(SMALL) == (
        "flowchart LR\n"
        "  %% an edge runs from a prerequisite to the task that needs it\n"
        '  t_src_2f_a_2e_c["src/a.c"]\n'
        '  t_out[["out"]]\n'
        '  t_out_2f_a_2e_o["out/a.o"]\n'
        '  t_db_3a_migrate("db:migrate")\n'
        '  t_default("default")\n'
        "  t_src_2f_a_2e_c --> t_out_2f_a_2e_o\n"
        "  t_out -.-> t_out_2f_a_2e_o\n"
        "  t_out_2f_a_2e_o --> t_default\n"
        "  t_db_3a_migrate --> t_default\n"
    )


def test_mermaid_ids_are_plain_distinct_and_stable() -> None:
    ids = [mermaid_id(name) for name in AWKWARD]
    assert all(re.fullmatch(r"t_[A-Za-z0-9_]*", i) for i in ids)
    assert len(set(ids)) == len(AWKWARD)
    assert ids == [mermaid_id(name) for name in AWKWARD]
    assert mermaid_id("end") == "t_end"  # a Mermaid keyword never stands alone as an id
    assert mermaid_id("db:migrate") == "t_db_3a_migrate"


def test_mermaid_labels_hold_no_character_mermaid_reads_as_syntax() -> None:
    assert mermaid_label('say "hi"') == '"say #quot;hi#quot;"'
    assert mermaid_label("back\\slash") == '"back#92;slash"'
    assert mermaid_label("<b>#1;") == '"#lt;b#gt;#35;1;"'
    assert mermaid_label("x\ny") == '"x#10;y"'
    for name in AWKWARD:
        inner = mermaid_label(name)[1:-1]
        assert not set(inner) & set('"<>`\\\n')


def test_render_picks_the_format() -> None:
    assert render(SMALL, "dot") == to_dot(SMALL)
    assert render(SMALL, "mermaid") == to_mermaid(SMALL)
    with pytest.raises(ValueError, match="svg"):
        render(SMALL, "svg")


def test_task_graph_of_a_resolved_graph_has_rule_made_files_kinds_and_order_only_edges() -> None:
    fs = FakeFileSystem()
    fs.touch("src/a.c")
    mgr = TaskManager(fs)
    mgr.create_rule(".o", [lambda name: "src/" + name[len("out/") : -2] + ".c"])
    mgr.directory("out")
    mgr.define_task(FileTask, "out/app", ["out/a.o"], order_only=["out"])
    with mgr.in_namespace("db"):
        mgr.define_task(Task, "migrate")
    default = mgr.define_task(Task, "default", ["out/app", "db:migrate"])
    graph = task_graph(resolve_graph([(default, TaskArguments([], []))]).nodes)
    assert graph.vertices == [
        Vertex("src/a.c", FILE),
        Vertex("out/a.o", FILE),
        Vertex("out", DIRECTORY),
        Vertex("out/app", FILE),
        Vertex("db:migrate", TASK),
        Vertex("default", TASK),
    ]
    assert graph.edges == [
        Edge("src/a.c", "out/a.o"),
        Edge("out/a.o", "out/app"),
        Edge("out", "out/app", order_only=True),
        Edge("out/app", "default"),
        Edge("db:migrate", "default"),
    ]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_graphviz_reads_every_awkward_name_back() -> None:
    vertices = [Vertex(name, kind) for name, kind in zip(AWKWARD, [TASK, FILE, DIRECTORY] * 5, strict=False)]
    edges = [Edge(a.name, b.name) for a, b in zip(vertices, vertices[1:], strict=False)]
    result = subprocess.run(["dot", "-Tplain"], input=to_dot(TaskGraph(vertices, edges)), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    nodes = [line for line in result.stdout.splitlines() if line.startswith("node ")]
    edge_lines = [line for line in result.stdout.splitlines() if line.startswith("edge ")]
    assert len(nodes) == len(AWKWARD) and len(edge_lines) == len(AWKWARD) - 1
    assert '"db:migrate"' in result.stdout and '"say \\"hi\\""' in result.stdout
