"""``--shuffle``: sibling prerequisites and ready tasks in a seeded random or reversed order.

Siblings are sorted by name before they are shuffled, and each task's siblings are
shuffled by a generator seeded with the run's seed and that task's name, so one seed
gives the same order on any machine, whatever order the tasks are reached in.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
REVERSE = "reverse"
RANDOM = "random"


class Shuffle:
    """One run's order: ``reverse``, or a random order drawn from an integer seed."""

    def __init__(self, mode: int | str) -> None:
        self.mode = mode

    @property
    def reverse(self) -> bool:
        """Is this ``--shuffle=reverse``?"""
        return self.mode == REVERSE

    def option(self) -> str:
        """The option that reproduces this run: ``--shuffle=SEED`` or ``--shuffle=reverse``."""
        return f"--shuffle={self.mode}"

    def siblings(self, owner: str, items: Sequence[T], name: Callable[[T], str]) -> list[T]:
        """The prerequisites of task ``owner`` in this run's order."""
        if self.reverse:
            return list(reversed(items))
        ordered = sorted(items, key=name)
        random.Random(f"{self.mode}:{owner}").shuffle(ordered)
        return ordered

    def ready_order(self) -> random.Random:
        """The generator a parallel Plan draws each ready task's rank from."""
        if self.reverse:
            return LastFirst()
        return random.Random(f"{self.mode}:ready")


class LastFirst(random.Random):
    """A 'generator' whose draws only decrease: of the ready tasks, the one that became ready last starts first."""

    def __init__(self) -> None:
        super().__init__(0)
        self.next = 0.0

    def random(self) -> float:
        """A number below every one drawn before."""
        self.next -= 1.0
        return self.next


def resolve(option: int | str | None) -> Shuffle | None:
    """The run's Shuffle for ``options.shuffle`` (None, "random", "reverse" or a seed); "random" draws a seed."""
    if option is None:
        return None
    if option == RANDOM:
        import secrets

        return Shuffle(secrets.randbelow(100000))
    return Shuffle(option)
