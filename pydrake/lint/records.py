"""What a task touches, as records: one access (path and mode), an invoke, a task's whole footprint."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from pydrake.lint.shell import DELETE, MKDIR, READ, UNKNOWN_MARK, WRITE

__all__ = ["READ", "WRITE", "DELETE", "MKDIR", "Access", "Invoke", "Footprint", "normalize", "is_glob"]


@dataclass(frozen=True)
class Access:
    """One path a task touches; ``file``/``line`` say where in the code (None: from the task's declaration)."""

    path: str
    mode: str  # read, write, delete or mkdir
    guessed: bool
    line: int | None
    how: str
    recursive: bool = False
    glob: bool = False
    append: bool = False
    file: str | None = None


@dataclass(frozen=True)
class Invoke:
    """An action's ``invoke`` of a task (a hidden edge, an error with -j N > 1)."""

    file: str | None
    line: int
    target: str | None


@dataclass
class Footprint:
    """Everything known about what one task touches, accesses in the order the code makes them."""

    accesses: list[Access] = field(default_factory=list)
    invokes: list[Invoke] = field(default_factory=list)
    # An action creates folders whose names are not known: it may make any folder it writes into.
    unknown_mkdir: bool = False
    positions: dict[Access, int] = field(default_factory=dict)
    first_write: dict[str, int] = field(default_factory=dict)  # path -> position of its first overwrite

    def add(self, access: Access) -> None:
        """Record an access (once)."""
        if access in self.positions:
            return
        self.positions[access] = len(self.accesses)
        if access.mode == WRITE and not access.append:
            self.first_write.setdefault(access.path, len(self.accesses))
        self.accesses.append(access)

    def writes_before(self, path: str, access: Access) -> bool:
        """Does the task overwrite ``path`` itself before making ``access``?"""
        first = self.first_write.get(path)
        return first is not None and first < self.positions.get(access, len(self.accesses))


def normalize(path: str, root: str) -> str | None:
    """A path as the linter compares it: normalised, relative to the Rakefile's folder when inside it."""
    if not path or UNKNOWN_MARK in path:
        return None
    p = os.path.normpath(path)
    if os.path.isabs(p):
        rel = os.path.relpath(p, root)
        if not rel.startswith(".."):
            p = rel
    if p in (".", "/"):
        return None
    return p


def is_glob(path: str) -> bool:
    """Does the path hold shell or Ruby glob characters?"""
    return any(c in path for c in "*?[{")
