"""The token the lexer hands to the LALR parser: a slim record, cheaper than ``lark.Token``.

The parser (``lalr.py``, or Lark itself in the tests) reads ``type`` to choose its action and
keeps the token as the value of a shifted terminal; error reporting reads the position fields.
"""

from __future__ import annotations

from typing import Any


class Tok:
    """One token: its grammar terminal name, value and position."""

    __slots__ = ("type", "value", "start_pos", "line", "column")

    def __init__(self, type: str, value: Any, start_pos: int, line: int, column: int) -> None:  # noqa: A002
        self.type = type
        self.value = value
        self.start_pos = start_pos
        self.line = line
        self.column = column

    # A token's end is where it starts (Lark's parser reads these; pydrake's never does).
    @property
    def end_line(self) -> int:
        """The line of the token's end."""
        return self.line

    @property
    def end_column(self) -> int:
        """The column of the token's end."""
        return self.column

    @property
    def end_pos(self) -> int:
        """The offset of the token's end."""
        return self.start_pos

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"Tok({self.type}, {self.value!r}, {self.line}:{self.column})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tok):
            return self.type == other.type and self.value == other.value
        return self.value == other

    def __hash__(self) -> int:
        return hash((self.type, self.value))
