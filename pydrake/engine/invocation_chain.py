"""InvocationChain: the immutable path of tasks being invoked, printed ``TOP => a => b``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydrake.rake.errors import CircularDependencyError


class InvocationChain:
    """A non-empty chain: ``head`` is the innermost task, ``tail`` the chain that invoked it."""

    __slots__ = ("head", "tail")

    def __init__(self, head: Any, tail: InvocationChain) -> None:
        self.head = head
        self.tail = tail

    def is_empty(self) -> bool:
        """Is this the empty chain (TOP)?"""
        return False

    def __iter__(self) -> Iterator[Any]:
        """The tasks, innermost first."""
        chain: InvocationChain = self
        while not chain.is_empty():
            yield chain.head
            chain = chain.tail

    def __contains__(self, task: object) -> bool:
        return any(member is task for member in self)

    def append(self, task: Any) -> InvocationChain:
        """This chain extended by ``task``; CircularDependencyError when ``task`` is already on it."""
        if task in self:
            raise circular_dependency(self, task)
        return InvocationChain(task, self)

    def append_unchecked(self, task: Any) -> InvocationChain:
        """This chain extended by ``task``, for a caller that has already checked membership."""
        return InvocationChain(task, self)

    def names(self) -> list[str]:
        """The task names, outermost first."""
        return [str(task) for task in reversed(list(self))]

    def __str__(self) -> str:
        return " => ".join(["TOP", *self.names()])

    def __repr__(self) -> str:
        return f"<InvocationChain {self}>"


class _EmptyInvocationChain(InvocationChain):
    """The empty chain: no members, printed ``TOP``."""

    __slots__ = ()

    def __init__(self) -> None:
        pass

    def is_empty(self) -> bool:
        return True

    def append(self, task: Any) -> InvocationChain:
        return InvocationChain(task, self)


TOP: InvocationChain = _EmptyInvocationChain()


def circular_dependency(chain: InvocationChain, task: Any) -> CircularDependencyError:
    """The error for appending ``task`` to a chain that already holds it."""
    return CircularDependencyError(f"Circular dependency detected: {chain} => {task}")
