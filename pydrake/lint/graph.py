"""The graph a lint looks at: the tasks, their prerequisites resolved as Rake would, nothing run.

Prerequisites are looked up as Rake does (scoped lookup, then rules, then an
existing file), with two differences that let a lint see a build that has not
run: a rule source counts as present when some task makes it, and a name that
nothing defines becomes a leaf node instead of an error.  Rule-made tasks are
built aside, never added to the task manager.  Nodes are numbered in a
depth-first post-order (prerequisites first), the order Rake runs them in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from pydrake.lint.footprint import MKDIR, READ, WRITE, Access, Footprint, normalize, task_footprint
from pydrake.lint.shell import UNKNOWN_MARK
from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_task import FileTask
from pydrake.rake.multi_task import MultiTask
from pydrake.rake.task import Task
from pydrake.rake.task_manager import MAX_RULE_DEPTH, TaskManager

# Node kinds: a plain task, a file task, a directory task, a task a rule makes,
# a file that exists with no task, a file some task makes as a side effect, a name nothing provides.
TASK, FILE, DIRECTORY, RULE, SOURCE, PRODUCED, MISSING = (
    "task",
    "file",
    "directory",
    "rule",
    "source",
    "produced",
    "missing",
)
TOP_NAME = "(the tasks named on the command line)"


@dataclass(eq=False)
class LintNode:
    """One task (or file) in the lint graph."""

    name: str
    kind: str
    task: Task | None
    location: tuple[str, int] | None
    footprint: Footprint = field(default_factory=Footprint)
    prereqs: list[LintNode] = field(default_factory=list)
    dependents: list[LintNode] = field(default_factory=list)
    # Prerequisites only by an ``invoke`` in the action: they order the two, but a caller is not a dependent.
    invoked: list[LintNode] = field(default_factory=list)
    index: int = -1

    @property
    def is_multitask(self) -> bool:
        """Was it defined with ``multitask``?"""
        return isinstance(self.task, MultiTask)

    def __repr__(self) -> str:
        return f"<LintNode {self.name} {self.kind} #{self.index}>"


@dataclass
class LintGraph:
    """The nodes in post-order, the roots, and a virtual top node when tasks were named."""

    nodes: list[LintNode]
    roots: list[LintNode]
    top: LintNode | None


class GraphBuilder:
    """Resolves the requested tasks and everything they need into a LintGraph."""

    def __init__(self, rt: Any, manager: TaskManager, root: str) -> None:
        self.rt = rt
        self.manager = manager
        self.root = root
        self.footprints: dict[int, Footprint] = {}
        self.nodes: dict[int, LintNode] = {}
        self.leaves: dict[str, LintNode] = {}
        self.rule_tasks: dict[str, Task | None] = {}
        self.dir_names = {normalize(t.name, root) for t in manager.tasks() if isinstance(t, FileCreationTask)}
        self.produced: set[str] = set()
        self.top: LintNode | None = None
        self.top_roots: list[LintNode] = []

    # ------------------------------------------------------------ footprints

    def is_dir(self, path: str) -> bool:
        """Is the path a folder (one a directory task makes, or one that exists)?"""
        return path in self.dir_names or os.path.isdir(path)

    def footprint(self, task: Task) -> Footprint:
        """The task's footprint, computed once."""
        fp = self.footprints.get(id(task))
        if fp is None:
            try:
                fp = task_footprint(self.rt, task, self.is_dir, self.root)
            except (Exception, RecursionError):  # noqa: BLE001 - code the reader cannot follow gives no footprint
                fp = Footprint()
            self.footprints[id(task)] = fp
        return fp

    def note_products(self) -> None:
        """Every path some defined task writes or creates (rule sources may be such paths)."""
        for task in self.manager.tasks():
            for acc in self.footprint(task).accesses:
                if acc.mode in (WRITE, MKDIR) and not acc.glob:
                    self.produced.add(acc.path)

    # ------------------------------------------------------------ resolution

    def build(self, names: list[str] | None) -> LintGraph:
        """The graph of the named tasks (every defined task when None)."""
        self.note_products()
        if names is None:
            roots = [self.node_for_task(t) for t in self.manager.tasks()]
            top = None
        else:
            roots = [self.top_level(name) for name in names]
            top = self.top = LintNode(TOP_NAME, TASK, None, None)
            self.top_roots = list(dict.fromkeys(roots))
        order = self.walk([top] if top is not None else roots)
        for i, node in enumerate(order):
            node.index = i
        return LintGraph(order, roots, top)

    def top_level(self, name: str) -> LintNode:
        """A task named on the command line: Rake's error when nothing can build it."""
        task = self.manager.lookup(name)
        if task is not None:
            return self.node_for_task(task)
        node = self.file_node(name)
        if node.kind == MISSING:
            self.manager.resolve(name)  # raises Rake's "Don't know how to build task"
        return node

    def node_for_task(self, task: Task) -> LintNode:
        """The node of a defined (or rule-made) task."""
        node = self.nodes.get(id(task))
        if node is not None:
            return node
        location = task.locations[0][:2] if task.locations else None
        if isinstance(task, FileCreationTask):
            kind = DIRECTORY
        elif isinstance(task, FileTask):
            kind = FILE
        else:
            kind = TASK
        node = LintNode(task.name, kind, task, location, self.footprint(task))  # type: ignore[arg-type]
        self.nodes[id(task)] = node
        if kind == FILE and not task.actions:
            self.apply_rule_at_execute(node)
        return node

    def apply_rule_at_execute(self, node: LintNode) -> None:
        """A file task with no action gets a matching rule's action when it runs: its sources are read then."""
        made = self.rule_task(node.name, 0)
        if made is None:
            return
        fp = node.footprint
        for acc in self.footprint(made).accesses:
            fp.add(acc)
        for source in made.prerequisites:
            path = normalize(source, self.root)
            if path is not None:
                fp.add(Access(path, READ, False, None, "rule source"))

    def file_node(self, name: str) -> LintNode:
        """A name no task has: a rule-made task, an existing file, a side-effect product, or missing."""
        made = self.rule_task(name, 0)
        if made is not None:
            node = self.nodes.get(id(made))
            if node is None:
                node = LintNode(name, RULE, made, _rule_location(made), self.footprint(made))
                self.nodes[id(made)] = node
            return node
        leaf = self.leaves.get(name)
        if leaf is None:
            path = normalize(name, self.root)
            if os.path.exists(name):
                kind = SOURCE
            elif path is not None and path in self.produced:
                kind = PRODUCED
            else:
                kind = MISSING
            leaf = self.leaves[name] = LintNode(name, kind, None, None)
        return leaf

    def exists(self, name: str) -> bool:
        """Does a rule source count as present: on disk, a defined task, or made by some task?"""
        if os.path.exists(name) or self.manager.lookup(name) is not None:
            return True
        path = normalize(name, self.root)
        return path is not None and path in self.produced

    def rule_task(self, name: str, level: int) -> Task | None:
        """The file task a rule would make for ``name`` (built aside, cached), or None."""
        if name in self.rule_tasks:
            return self.rule_tasks[name]
        self.rule_tasks[name] = None  # a rule chain that comes back to this name fails
        made = None
        if level < MAX_RULE_DEPTH:
            for rule in self.manager.rules:
                if not rule.matches(name):
                    continue
                try:
                    sources = rule.make_sources(name)
                except Exception:  # noqa: BLE001 - a source proc that fails makes the rule not apply
                    continue
                prereqs: list[str] = []
                for source in sources:
                    if self.exists(source):
                        prereqs.append(source)
                        continue
                    parent = self.rule_task(source, level + 1)
                    if parent is None:
                        break
                    prereqs.append(parent.name)
                else:
                    made = FileTask(name, self.manager)
                    made.enhance(prereqs, rule.action)
                    made.sources = prereqs
                    if rule.order_only is not None:
                        made.add_order_only(rule.order_only)
                    break
        self.rule_tasks[name] = made
        return made

    def prerequisite(self, task: Task, name: str) -> LintNode:
        """Resolve one prerequisite name from the task's scope."""
        try:
            found = self.manager.lookup(name, task.scope)
            if found is task:
                found = self.manager.lookup(name)
        except Exception:  # noqa: BLE001 - a name Rake cannot look up (``^`` at the top) is left unresolved
            found = None
        if found is not None:
            return self.node_for_task(found)
        return self.file_node(name)

    def walk(self, roots: list[LintNode]) -> list[LintNode]:
        """Resolve prerequisites depth-first from the roots; the nodes in post-order (a cycle's back edge is dropped)."""
        order: list[LintNode] = []
        done: set[int] = set()
        on_path: set[int] = set()
        for root in roots:
            if id(root) in done:
                continue
            stack = [(root, iter(self.prerequisite_nodes(root)))]
            on_path.add(id(root))
            while stack:
                node, pending = stack[-1]
                pre = next(pending, None)
                if pre is None:
                    stack.pop()
                    on_path.discard(id(node))
                    done.add(id(node))
                    order.append(node)
                    continue
                if id(pre) in on_path:
                    continue
                if pre not in node.prereqs:
                    node.prereqs.append(pre)
                    if pre not in node.invoked:
                        pre.dependents.append(node)
                if id(pre) not in done:
                    on_path.add(id(pre))
                    stack.append((pre, iter(self.prerequisite_nodes(pre))))
        return order

    def prerequisite_nodes(self, node: LintNode) -> list[LintNode]:
        """The node's prerequisites, resolved; file prerequisites are also recorded as reads."""
        if node.task is None:
            return self.top_roots if node is self.top else []
        task = node.task
        names = task.prerequisites + (task.order_only_prerequisites or [])
        found: list[LintNode] = []
        for name in names:
            pre = self.prerequisite(task, name)
            if pre not in found:
                found.append(pre)
            if pre.kind not in (TASK, DIRECTORY):
                path = normalize(pre.name, self.root)
                if path is not None:
                    node.footprint.add(Access(path, READ, False, None, "prerequisite"))
        # A task the action invokes runs inside it, after the prerequisites (and is a finding of its own).
        for inv in node.footprint.invokes:
            if inv.target is None or UNKNOWN_MARK in inv.target:
                continue
            pre = self.prerequisite(task, inv.target)
            if pre.kind not in (SOURCE, PRODUCED, MISSING) and pre not in found:
                found.append(pre)
                node.invoked.append(pre)
        return found


def _rule_location(task: Task) -> tuple[str, int] | None:
    """Where the rule that made a task is, from its action block (the ``|t|`` line)."""
    for action in task.actions:
        block = getattr(action, "block", None)
        params = getattr(block, "params", None)
        frame = getattr(block, "frame", None)
        if params is not None and frame is not None:
            return (frame.file, params.line)
    return None


def build_graph(rt: Any, manager: TaskManager, names: list[str] | None, root: str) -> LintGraph:
    """The lint graph of the named tasks, or of every defined task when ``names`` is None."""
    return GraphBuilder(rt, manager, root).build(names)
