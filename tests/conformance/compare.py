"""The comparison rules: normalise both sides the same way, then report what differs."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import subprocess
from pathlib import Path

from .case import Run

TOOL_NAME = re.compile(r"\bpydrake\b")
# A Ruby-style backtrace line ("/x/Rakefile:3:in `block in <top>'") or the equivalent
# a clone prints ("Rakefile:3:in task 'a'"). Dropped from stderr before comparing:
# frames are implementation detail, the rest of an error report is not.
BACKTRACE = re.compile(r"^\s*\S*:\d+:in\b")
# Caches a tool may keep beside the Rakefile are not part of a case's outcome.
IGNORED_DIRS = {".pydrake", "__pycache__", ".rake_tasks~"}


def normalise(text: str, root: Path, drop_backtrace: bool) -> str:
    """Scratch path to ``$CASE``, ``pydrake`` to ``rake``, no trailing blanks, optionally no backtrace frames."""
    text = text.replace(str(root.resolve()), "$CASE").replace(str(root), "$CASE")
    text = TOOL_NAME.sub("rake", text)
    lines = [line.rstrip() for line in text.splitlines()]
    if drop_backtrace:
        lines = [line for line in lines if not BACKTRACE.match(line)]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def tree_listing(root: Path) -> dict[str, str]:
    """Every file and folder below root: path -> sha256 prefix of content, ``dir`` or ``link:TARGET``."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in IGNORED_DIRS)
        rel = Path(dirpath).relative_to(root)
        for d in dirnames:
            out[str(rel / d)] = "dir"
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if p.is_symlink():
                out[str(rel / f)] = "link:" + os.readlink(p)
            else:
                out[str(rel / f)] = hashlib.sha256(p.read_bytes()).hexdigest()[:16]
    return {k.removeprefix("./"): v for k, v in out.items()}


def format_listing(listing: dict[str, str]) -> str:
    """A tree listing as ``DIGEST PATH`` lines, sorted by path."""
    return "".join(f"{v} {k}\n" for k, v in sorted(listing.items()))


def diff(want: str, got: str) -> str:
    """An indented unified diff from the expected text to the actual one."""
    lines = difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "actual", lineterm="", n=2)
    return "\n".join("    " + line for line in lines)


def check_run(run: Run, proc: subprocess.CompletedProcess[str], work: Path) -> list[str]:
    """What differs between the run's expectations and what the command did in ``work``."""
    problems = []
    out = normalise(proc.stdout, work, drop_backtrace=False)
    err = normalise(proc.stderr, work, drop_backtrace=True)
    if run.exit is not None and proc.returncode != run.exit:
        problems.append(f"exit status {proc.returncode}, expected {run.exit}")
    if run.stdout is not None:
        want = normalise(run.stdout, work, drop_backtrace=False)
        if run.stdout_unordered:
            if sorted(out.splitlines()) != sorted(want.splitlines()):
                problems.append("stdout lines differ (as a multiset):\n" + diff(want, out))
        elif out != want:
            problems.append("stdout differs:\n" + diff(want, out))
    if run.stderr is not None:
        want = normalise(run.stderr, work, drop_backtrace=True)
        if err != want:
            problems.append("stderr differs:\n" + diff(want, err))
    problems += _check_lines("stdout", out, run.stdout_has, run.stdout_matches, run.stdout_lacks)
    problems += _check_lines("stderr", err, run.stderr_has, run.stderr_matches, run.stderr_lacks)
    problems += _check_order(out.splitlines(), run.before, run.contiguous)
    problems += _check_files(run, work)
    return problems


def _check_lines(stream: str, text: str, has: list[str], matches: list[str], lacks: list[str]) -> list[str]:
    """Whole lines that must appear, and patterns that must or must not match some line."""
    problems = []
    lines = text.splitlines()
    for line in has:
        if TOOL_NAME.sub("rake", line).rstrip() not in lines:
            problems.append(f"{stream} lacks the line {line!r}")
    for pattern in matches:
        if not any(re.search(pattern, line) for line in lines):
            problems.append(f"{stream} has no line matching {pattern!r}")
    for pattern in lacks:
        if any(re.search(pattern, line) for line in lines):
            problems.append(f"{stream} has a line matching {pattern!r}")
    return problems


def _check_order(lines: list[str], before: list[list[str]], contiguous: list[list[str]]) -> list[str]:
    """Pairs of stdout lines in a required order, and blocks of lines that must stay together."""
    problems = []
    for first, second in before:
        if first not in lines or second not in lines:
            problems.append(f"stdout needs both {first!r} and {second!r} for an order check")
        elif lines.index(first) > lines.index(second):
            problems.append(f"stdout has {second!r} before {first!r}")
    for block in contiguous:
        if not any(lines[i : i + len(block)] == block for i in range(len(lines))):
            problems.append(f"stdout does not hold these lines together: {block!r}")
    return problems


def _check_files(run: Run, work: Path) -> list[str]:
    """The whole tree after the run, files with exact content, and files that must be gone."""
    problems = []
    if run.files is not None:
        got = tree_listing(work)
        if got != run.files:
            problems.append("files after the run differ:\n" + diff(format_listing(run.files), format_listing(got)))
    for path, content in run.files_has.items():
        p = work / path
        if not p.is_file():
            problems.append(f"file {path} is missing")
        elif p.read_text() != content:
            problems.append(f"file {path} holds {p.read_text()!r}, expected {content!r}")
    for path in run.files_lack:
        if (work / path).exists():
            problems.append(f"file {path} should not exist")
    return problems
