"""Scope: the immutable list of namespace names, innermost first, that task names are resolved in."""

from __future__ import annotations

from collections.abc import Iterator


class Scope:
    """A non-empty scope: ``head`` is the innermost namespace name, ``tail`` the enclosing scope."""

    __slots__ = ("head", "tail")

    def __init__(self, head: str, tail: Scope) -> None:
        self.head = head
        self.tail = tail

    @staticmethod
    def make(*names: str) -> Scope:
        """A scope from names given innermost first: ``Scope.make("inner", "outer")``."""
        scope: Scope = EMPTY
        for name in reversed(names):
            scope = Scope(name, scope)
        return scope

    def is_empty(self) -> bool:
        """Is this the top-level (empty) scope?"""
        return False

    def __iter__(self) -> Iterator[str]:
        scope = self
        while not scope.is_empty():
            yield scope.head
            scope = scope.tail

    def to_list(self) -> list[str]:
        """The names, innermost first."""
        return list(self)

    @property
    def path(self) -> str:
        """The names joined outermost first: ``outer:inner``."""
        return ":".join(reversed(self.to_list()))

    def path_with_task_name(self, task_name: str) -> str:
        """The full name of ``task_name`` defined in this scope."""
        return f"{self.path}:{task_name}"

    def trim(self, n: int) -> Scope:
        """This scope with its ``n`` innermost names dropped, stopping at the top level."""
        result: Scope = self
        while n > 0 and not result.is_empty():
            result = result.tail
            n -= 1
        return result

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scope) and self.to_list() == other.to_list()

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return "LL(" + ", ".join(self) + ")"


class _EmptyScope(Scope):
    """The top-level scope (a null object: path ``""``, names unprefixed)."""

    __slots__ = ()

    def __init__(self) -> None:
        pass

    def is_empty(self) -> bool:
        return True

    @property
    def path(self) -> str:
        return ""

    def path_with_task_name(self, task_name: str) -> str:
        return task_name


EMPTY: Scope = _EmptyScope()
