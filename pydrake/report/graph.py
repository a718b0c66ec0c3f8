"""The task graph as text for ``--graph``: Graphviz DOT or a Mermaid flowchart.

Edges run from a prerequisite to the task that needs it (inputs to outputs,
as ``make`` graph tools and ``ninja -t graph`` draw them). Vertices and edges
keep Rake's order: a task comes after its prerequisites, and a task's edges
follow its prerequisite list. Rendering is pure: it reads a ``TaskGraph`` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_task import FileTask

TASK = "task"
FILE = "file"
DIRECTORY = "directory"

GRAPH_NOTE = "an edge runs from a prerequisite to the task that needs it"

# DOT node shapes by kind (plain tasks keep the default ellipse).
_DOT_SHAPES = {FILE: "box", DIRECTORY: "folder"}
# Mermaid node brackets by kind: rounded task, rectangle file, double-sided directory.
_MERMAID_SHAPES = {TASK: ("(", ")"), FILE: ("[", "]"), DIRECTORY: ("[[", "]]")}
# Characters a Mermaid label cannot hold as they are, written as its ``#code;`` entities.
_MERMAID_ENTITIES = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "\\": "#92;"}


@dataclass(frozen=True)
class Vertex:
    """One task: its full name and its kind (``task``, ``file`` or ``directory``)."""

    name: str
    kind: str = TASK


@dataclass(frozen=True)
class Edge:
    """``source`` (a prerequisite) is needed by ``target``; order-only prerequisites are marked."""

    source: str
    target: str
    order_only: bool = False


@dataclass
class TaskGraph:
    """Vertices and edges in Rake's order."""

    vertices: list[Vertex] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def task_graph(nodes: Iterable[Any]) -> TaskGraph:
    """The TaskGraph of resolved graph nodes (``pydrake.engine.graph.Node``), in their order."""
    graph = TaskGraph()
    for node in nodes:
        task = node.task
        graph.vertices.append(Vertex(task.name, kind_of(task)))
        order_only = _order_only_ids(task)
        for pre in node.prereqs:
            graph.edges.append(Edge(pre.task.name, task.name, id(pre.task) in order_only))
    return graph


def kind_of(task: Any) -> str:
    """``directory`` for a ``directory`` task, ``file`` for any other file task, else ``task``."""
    if isinstance(task, FileCreationTask):
        return DIRECTORY
    return FILE if isinstance(task, FileTask) else TASK


def _order_only_ids(task: Any) -> set[int]:
    """The ids of the tasks reached only through order-only prerequisites (already resolved once)."""
    if not task.order_only_prerequisites:
        return set()
    ordinary = {id(task.lookup_prerequisite(name)) for name in task.prerequisites}
    return {id(task.lookup_prerequisite(name)) for name in task.order_only_prerequisites} - ordinary


def render(graph: TaskGraph, fmt: str) -> str:
    """The graph in ``dot`` or ``mermaid`` form, ending with a newline."""
    if fmt == "mermaid":
        return to_mermaid(graph)
    if fmt == "dot":
        return to_dot(graph)
    raise ValueError(f"unknown graph format {fmt!r}")


# ------------------------------------------------------------------ DOT


def dot_quote(name: str) -> str:
    """A DOT quoted ID that shows ``name`` as its label: backslashes, quotes and line breaks escaped."""
    text = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"'


def to_dot(graph: TaskGraph) -> str:
    """``digraph pydrake { ... }``: files as boxes, directories as folders, order-only edges dashed."""
    lines = ["digraph pydrake {", f"  // {GRAPH_NOTE}", '  rankdir="LR";']
    for vertex in graph.vertices:
        attributes = []
        if vertex.kind in _DOT_SHAPES:
            attributes.append(f"shape={_DOT_SHAPES[vertex.kind]}")
        if vertex.name.startswith("%"):  # Graphviz shows its own id for such a name unless labelled
            attributes.append(f"label={dot_quote(vertex.name)}")
        lines.append(f"  {dot_quote(vertex.name)}" + (f" [{', '.join(attributes)}];" if attributes else ";"))
    for edge in graph.edges:
        style = " [style=dashed]" if edge.order_only else ""
        lines.append(f"  {dot_quote(edge.source)} -> {dot_quote(edge.target)}{style};")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ Mermaid


def mermaid_id(name: str) -> str:
    """A Mermaid node id for ``name``: ``t_`` then letters and digits kept, ``_`` doubled, any other
    character as ``_HEX_``; one name always gives the same id and two names never share one."""
    out = ["t_"]
    for ch in name:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif ch == "_":
            out.append("__")
        else:
            out.append(f"_{ord(ch):x}_")
    return "".join(out)


def mermaid_label(name: str) -> str:
    """``name`` as a quoted Mermaid label, its special characters written as entities."""
    text = "".join(_MERMAID_ENTITIES.get(ch) or (f"#{ord(ch)};" if ord(ch) < 32 else ch) for ch in name)
    return f'"{text}"'


def to_mermaid(graph: TaskGraph) -> str:
    """``flowchart LR``: tasks rounded, files as rectangles, directories double-sided, order-only edges dotted."""
    lines = ["flowchart LR", f"  %% {GRAPH_NOTE}"]
    for vertex in graph.vertices:
        opening, closing = _MERMAID_SHAPES.get(vertex.kind, _MERMAID_SHAPES[TASK])
        lines.append(f"  {mermaid_id(vertex.name)}{opening}{mermaid_label(vertex.name)}{closing}")
    for edge in graph.edges:
        arrow = "-.->" if edge.order_only else "-->"
        lines.append(f"  {mermaid_id(edge.source)} {arrow} {mermaid_id(edge.target)}")
    return "\n".join(lines) + "\n"
