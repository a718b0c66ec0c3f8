"""A lint finding: the kind, where to change the Rakefile, the message, the fix to suggest."""

from __future__ import annotations

from dataclasses import dataclass

MISSING_DEPENDENCY = "missing-dependency"
ORDER_RELIANCE = "order-reliance"
WRITE_CONFLICT = "write-conflict"
NESTED_INVOKE = "nested-invoke"
MULTITASK = "multitask"
# Kinds that inform without making the run fail.
NOTE_KINDS = frozenset({MULTITASK})


@dataclass(frozen=True)
class Finding:
    """One problem (or note) at ``file:line``: the task that should gain the prerequisite."""

    kind: str
    file: str
    line: int
    message: str
    fix: str | None = None
    details: tuple[str, ...] = ()

    @property
    def is_note(self) -> bool:
        """Is this a note rather than a finding that fails the lint?"""
        return self.kind in NOTE_KINDS

    def lines(self) -> list[str]:
        """The finding as printed: ``FILE:LINE: KIND: message``, then the indented fix and details."""
        out = [f"{self.file}:{self.line}: {self.kind}: {self.message}"]
        if self.fix:
            out.append(f"  fix: {self.fix}")
        out.extend(f"  {d}" for d in self.details)
        return out

    def sort_key(self) -> tuple[str, int, str, str]:
        """Order of the report: by file, line, kind, message."""
        return (self.file, self.line, self.kind, self.message)
