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

    def ruby_message(self) -> str:
        """Ruby's SyntaxError message: ``FILE:LINE: message``, then the offending line and a caret
        under the column (except at the end of the input, where Ruby shows no line)."""
        head = f"{self.file}:{self.line}: {self.message}"
        if not self.source_line or "end-of-input" in self.message:
            return head
        caret = " " * (max(self.col, 1) - 1) + "^"
        return f"{head}\n{self.source_line.rstrip()}\n{caret}"

    def __str__(self) -> str:
        return self.ruby_message()


# Where a user reads what pydrake supports: every "Ruby that pydrake does not provide" message ends with it.
README_POINTER = "see 'The Ruby pydrake reads' in pydrake's README"


class UnsupportedSyntax(RubySyntaxError):
    """Valid Ruby that pydrake deliberately does not support: the message names the construct and
    ends with the pointer to the README's list of the Ruby pydrake reads."""

    def __init__(self, message: str, file: str, line: int, col: int, source_line: str = "") -> None:
        super().__init__(f"{message} ({README_POINTER})", file, line, col, source_line)
