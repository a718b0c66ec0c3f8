"""Rake's task listings: ``-T`` (names and comments), ``-D`` (full descriptions), ``-W`` (locations), ``-P`` (prerequisites)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from typing import Any

from pydrake.rake.ruby_api import format_location

# Rake computes `-T` truncation with its own name, "rake"; pydrake keeps its arithmetic.
RAKE_NAME_WIDTH = len("rake")


def displayable(tasks: Iterable[Any], pattern: re.Pattern[str] | None, show_all: bool) -> list[Any]:
    """Tasks with a comment (or all of them), whose name matches the pattern.

    A task has a comment when it has a description (Ruby's ``t.comment`` is then a String, truthy
    even when its first sentence is empty); asking ``comments`` saves computing the comment twice."""
    return [t for t in tasks if (show_all or t.comments) and (pattern is None or pattern.search(t.name))]


def terminal_columns(is_tty: bool) -> int | None:
    """Columns to truncate comments to: ``RAKE_COLUMNS``, else the terminal's when stdout is one, else None."""
    env = os.environ.get("RAKE_COLUMNS", "")
    try:
        columns = int(env) if env else 0
    except ValueError:
        columns = 0
    if columns:
        return columns if columns >= 10 else 80
    if not is_tty:
        return None
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns
    return width if width >= 10 else 80


def truncate(text: str, width: int) -> str:
    """Rake's truncation: ``text[0, width-3] + "..."`` when too long."""
    if len(text) <= width:
        return text
    return "..." if width - 3 < 0 else text[: width - 3] + "..."


def tasks_lines(app_name: str, tasks: list[Any], columns: int | None) -> list[str]:
    """``-T``: ``name %-Ws  # comment``."""
    width = max((len(t.name_with_args) for t in tasks), default=10)
    max_column = columns - RAKE_NAME_WIDTH - width - 7 if columns else None
    out = []
    for t in tasks:
        comment = t.comment or ""
        if max_column is not None:
            comment = truncate(comment, max_column)
        out.append(f"{app_name} {t.name_with_args:<{width}}  # {comment}")
    return out


def describe_lines(app_name: str, tasks: list[Any]) -> list[str]:
    """``-D``: the name, each description line indented four spaces, a blank line."""
    out = []
    for t in tasks:
        out.append(f"{app_name} {t.name_with_args}")
        lines = (t.full_comment or "").split("\n")
        while lines and not lines[-1]:  # Ruby's split drops trailing empty fields
            lines.pop()
        out.extend(f"    {line}" for line in lines)
        out.append("")
    return out


def where_lines(app_name: str, tasks: list[Any]) -> list[str]:
    """``-W``: one line per definition location."""
    out = []
    for t in tasks:
        for loc in t.locations:
            out.append(f"{app_name} {t.name_with_args:<30} {format_location(loc)}")
    return out


def prereq_lines(app_name: str, tasks: Iterable[Any]) -> list[str]:
    """``-P``: every task, then each prerequisite as written, indented four spaces."""
    out = []
    for t in tasks:
        out.append(f"{app_name} {t.name}")
        out.extend(f"    {p}" for p in t.prerequisites)
    return out


def ruby_listing(rt: Any, app: Any) -> bool:
    """Run ``Rake.application.display_tasks_and_comments`` if the Rakefile defined it (rake lists through it); whether it ran."""
    from pydrake.runtime.tables import UserMethod

    if type(rt.find_method(app, "display_tasks_and_comments")) is not UserMethod:
        return False
    rt.call(app, "display_tasks_and_comments")
    return True


def stdout_is_tty() -> bool:
    """Whether standard output is a terminal."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
