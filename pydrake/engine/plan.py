"""The plan of a parallel run: which nodes are ready, what finishing one makes ready.

Pure bookkeeping with no threads and no I/O (ninja's Plan): the executor asks
``find_work`` for the next ready node and reports ``finished`` or ``failed``.
Ready nodes come out longest-remaining-path first, then in Rake's order;
with ``rake_order=True`` only Rake's order counts (so one worker reproduces
the sequential order exactly).  Every operation is O(log n) per node.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from pydrake.engine.graph import Graph, Node

if TYPE_CHECKING:
    import random


class Plan:
    """Pending prerequisite counts and a ready heap over a Graph."""

    def __init__(self, graph: Graph, rake_order: bool = False, shuffle: random.Random | None = None) -> None:
        self.nodes = graph.nodes
        self.waiting = [len(n.prereqs) for n in self.nodes]
        # (priority, order key, node index); the order key is the node index, or (random draw, index) when shuffling
        self.ready: list[tuple[int, int | tuple[float, int], int]] = []
        self.rake_order = rake_order
        self.shuffle = shuffle
        self.remaining = len(self.nodes)  # nodes neither finished, failed nor skipped
        self.skipped: list[Node] = []
        for node in self.nodes:
            if not node.prereqs:
                self._push(node)

    def _push(self, node: Node) -> None:
        if self.shuffle is not None:
            key = (self.shuffle.random(), node.index)
            heapq.heappush(self.ready, (0, key, node.index))
            return
        first = 0 if self.rake_order else -node.priority
        heapq.heappush(self.ready, (first, node.index, node.index))

    def find_work(self) -> Node | None:
        """The next node to start, or None when nothing is ready now."""
        if not self.ready:
            return None
        return self.nodes[heapq.heappop(self.ready)[2]]

    def more_to_do(self) -> bool:
        """Are there nodes not yet finished, failed or skipped?"""
        return self.remaining > 0

    def finished(self, node: Node) -> None:
        """A node succeeded: dependents whose prerequisites are all done become ready."""
        self.remaining -= 1
        for dep in node.dependents:
            self.waiting[dep.index] -= 1
            if self.waiting[dep.index] == 0:
                self._push(dep)

    def failed(self, node: Node) -> list[Node]:
        """A node failed: it and everything that depends on it, transitively, will never run."""
        self.remaining -= 1
        skipped: list[Node] = []
        stack = list(node.dependents)
        seen = {node.index}
        while stack:
            dep = stack.pop()
            if dep.index in seen or self.waiting[dep.index] == -1:
                continue
            seen.add(dep.index)
            self.waiting[dep.index] = -1  # never ready
            skipped.append(dep)
            stack.extend(dep.dependents)
        self.remaining -= len(skipped)
        self.skipped.extend(skipped)
        return skipped
