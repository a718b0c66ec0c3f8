"""Syntax errors with the file, line and column of the offending text."""

from __future__ import annotations


class RubySyntaxError(Exception):
    """A Rakefile that pydrake cannot read: where, and why."""

    def __init__(self, message: str, file: str, line: int, col: int, source_line: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.col = col
        self.source_line = source_line

    def report(self) -> str:
        """``FILE:LINE:COL: message``, the offending line and a caret under the column."""
        head = f"{self.file}:{self.line}:{self.col}: {self.message}"
        if not self.source_line:
            return head
        caret = " " * (max(self.col, 1) - 1) + "^"
        return f"{head}\n{self.source_line.rstrip()}\n{caret}"

    def __str__(self) -> str:
        return self.report()


class UnsupportedSyntax(RubySyntaxError):
    """Valid Ruby that pydrake deliberately does not support; names the construct."""
