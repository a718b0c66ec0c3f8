"""A conformance case: its runs and their expectations, loaded from ``case.toml`` and ``expect/``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    """One invocation of the command under test and what it must do."""

    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: str = "."
    stdin: str | None = None
    exit: int | None = None
    stdout: str | None = None  # exact text
    stderr: str | None = None  # exact text
    stdout_has: list[str] = field(default_factory=list)  # whole lines that must appear
    stderr_has: list[str] = field(default_factory=list)
    stdout_matches: list[str] = field(default_factory=list)  # regexes that must each match some line
    stderr_matches: list[str] = field(default_factory=list)
    stdout_lacks: list[str] = field(default_factory=list)  # regexes that must not match any line
    stderr_lacks: list[str] = field(default_factory=list)
    stdout_unordered: bool = False  # compare stdout as a multiset of lines
    before: list[list[str]] = field(default_factory=list)  # [a, b]: line a appears before line b in stdout
    contiguous: list[list[str]] = field(default_factory=list)  # these stdout lines appear together, in order
    files: dict[str, str] | None = None  # path -> sha256 prefix, "dir" or "link:target": the whole tree
    files_has: dict[str, str] = field(default_factory=dict)  # path -> exact content
    files_lack: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # shell lines run after this run
    loose_stderr: bool = False  # recorded stderr is not compared exactly; only *_has/_matches/_lacks


# The files of a case folder that describe the case rather than being part of its starting tree.
CASE_FILES = {"case.toml", "expect"}


def load_meta(case_dir: Path) -> dict:
    """The parsed ``case.toml`` of a case folder."""
    return tomllib.loads((case_dir / "case.toml").read_text())


def load_case(case_dir: Path) -> tuple[dict, list[Run]]:
    """The case's metadata and its runs, with recorded expectations filled in where the case file is silent."""
    meta = load_meta(case_dir)
    runs = []
    expect = case_dir / "expect"
    for i, raw in enumerate(meta.get("run", [])):
        run = Run(**{k: v for k, v in raw.items() if k != "note"})
        if expect.is_dir():
            p = expect / f"{i}.stdout"
            if run.stdout is None and p.exists():
                run.stdout = p.read_text()
            p = expect / f"{i}.stderr"
            if run.stderr is None and not run.loose_stderr and p.exists():
                run.stderr = p.read_text()
            p = expect / f"{i}.exit"
            if run.exit is None and p.exists():
                run.exit = int(p.read_text().strip())
            p = expect / f"{i}.files"
            if run.files is None and p.exists():
                run.files = parse_tree_listing(p.read_text())
        runs.append(run)
    return meta, runs


def parse_tree_listing(text: str) -> dict[str, str]:
    """Read an ``N.files`` listing (``DIGEST PATH`` per line) into path -> digest."""
    out = {}
    for line in text.splitlines():
        if line.strip():
            digest, path = line.split(" ", 1)
            out[path] = digest
    return out


def find_cases(root: Path) -> list[Path]:
    """Every case folder at or below root, in path order."""
    if (root / "case.toml").exists():
        return [root]
    return sorted(p.parent for p in root.rglob("case.toml"))


def case_id(case_dir: Path, root: Path) -> str:
    """The case's name relative to the cases folder, such as ``basics/default_task``."""
    return case_dir.relative_to(root).as_posix()
