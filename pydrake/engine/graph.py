"""The task graph of a parallel run, resolved before anything runs.

Starting from the requested tasks, every prerequisite is looked up (rules
matched, file tasks synthesised) once; each task becomes one node, reached
with the arguments and invocation chain of its first discovery, exactly as
Rake's first invocation would reach it.  Nodes are numbered in Rake's
sequential execution order (a depth-first post-order), which breaks ties
in the ready queue and makes ``-j 1`` order equal Rake's.  The walk keeps
its own stack, so a chain of 100,000 tasks resolves without recursion.
"""

from __future__ import annotations

from typing import Any

from pydrake.engine.invocation_chain import TOP, InvocationChain, circular_dependency
from pydrake.rake.errors import attach_chain
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments


class Node:
    """One task to run: its arguments, chain, prerequisites and dependents in the graph."""

    __slots__ = ("index", "task", "args", "chain", "prereqs", "dependents", "priority", "error", "captured")

    def __init__(self, task: Task, args: TaskArguments, chain: InvocationChain) -> None:
        self.index = -1  # position in Rake's sequential order, set when the node is complete
        self.task = task
        self.args = args
        self.chain = chain
        self.prereqs: list[Node] = []
        self.dependents: list[Node] = []
        self.priority = 0  # length of the longest path from here to a requested task
        self.error: BaseException | None = None
        self.captured: tuple[str, str] | None = None

    def __repr__(self) -> str:
        return f"<Node {self.task.name} #{self.index}>"


class Graph:
    """The nodes of a run in Rake's order."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes

    def __len__(self) -> int:
        return len(self.nodes)


class _Visit:
    __slots__ = ("node", "pending", "next", "linked")

    def __init__(self, node: Node, pending: list[Task]) -> None:
        self.node = node
        self.pending = pending
        self.next = 0
        self.linked: set[int] = set()  # ids of the prerequisites already linked to node


def resolve_graph(requests: list[tuple[Task, TaskArguments]]) -> Graph:
    """The graph of every task the requests need; raises Rake's errors (unknown task, cycle) with their chain."""
    nodes: dict[int, Node] = {}
    order: list[Node] = []
    for task, args in requests:
        if id(task) in nodes:
            continue
        _walk(task, args, nodes, order)
    for index, node in enumerate(order):
        node.index = index
    _set_priorities(order)
    return Graph(order)


def _walk(root: Task, args: TaskArguments, nodes: dict[int, Node], order: list[Node]) -> None:
    root_node = Node(root, args, TOP.append(root))
    nodes[id(root)] = root_node
    stack = [_Visit(root_node, _prerequisites(root_node))]
    on_path = {id(root)}
    while stack:
        visit = stack[-1]
        node = visit.node
        if visit.next < len(visit.pending):
            pre = visit.pending[visit.next]
            visit.next += 1
            if id(pre) in on_path:
                error = circular_dependency(node.chain, pre)
                attach_chain(error, node.chain)
                raise error
            known = nodes.get(id(pre))
            if known is None:
                known = Node(pre, node.args.new_scope(pre.arg_names), node.chain.append_unchecked(pre))
                nodes[id(pre)] = known
                if pre.prerequisites or pre.order_only_prerequisites:
                    on_path.add(id(pre))
                    stack.append(_Visit(known, _prerequisites(known)))
                else:  # a leaf, most tasks of a big build: complete at once, where its visit would end
                    order.append(known)
            if id(known) not in visit.linked:
                visit.linked.add(id(known))
                node.prereqs.append(known)
                known.dependents.append(node)
            continue
        stack.pop()
        on_path.discard(id(node.task))
        order.append(node)


def _prerequisites(node: Node) -> list[Task]:
    try:
        return node.task.prerequisite_tasks()
    except BaseException as error:
        attach_chain(error, node.chain)
        raise


def _set_priorities(order: list[Node]) -> None:
    """Longest remaining path to the end of the build: dependents come later in Rake's order."""
    for node in reversed(order):
        node.priority = 1 + max((d.priority for d in node.dependents), default=0)


def task_chain_text(node: Node) -> str:
    """``TOP => a => b`` for a node."""
    return str(node.chain)


def first_error(nodes: list[Node]) -> Any:
    """The first failed node in Rake order (for reports), or None."""
    for node in nodes:
        if node.error is not None:
            return node
    return None
