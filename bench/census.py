#!/usr/bin/env python3
"""Compare ``pydrake -T -A`` and ``pydrake -P`` with real ``rake`` on a list of Rakefile folders.

    python3 bench/census.py UNIT_DIR [UNIT_DIR ...]
    python3 bench/census.py --units-file units.txt --diff        # one folder a line, '#' comments
    python3 bench/census.py --offline --md census.md UNIT_DIR ... # no network (unshare -rn), table also as Markdown
    python3 bench/census.py --fresh /tmp/checkouts /tmp/checkouts/repo/sub  # every listing in a fresh copy of repo/

Each folder is a "unit": the directory holding a Rakefile, as checked out from
its repository.  In each unit the script runs ``rake -T -A``, ``rake -P``,
``pydrake -T -A`` and ``pydrake -P`` (the listing commands only, never a build;
top-level Rakefile code still runs, so use throwaway checkouts), one after the
other with a time limit each, ``HOME`` and ``XDG_CACHE_HOME`` pointing at an
empty scratch folder, stdin empty, ``TZ=UTC``, ``LC_ALL=C.UTF-8``, ``COLUMNS=80``
and no ``RAKE*``/``PYDRAKE*`` variables.  A listing may change the tree (rake
builds ``import``ed files first, some Rakefiles write files at load time), so
with ``--fresh ROOT`` each listing runs in its own copy of the unit's tree (the
folder directly below ROOT that holds the unit) and no run sees another's files.

Outputs are compared after the normalisation of the conformance runner: the
unit's absolute path becomes ``$CASE`` (and a fresh copy's tree ``$TREE``),
the word ``pydrake`` becomes ``rake``, trailing white space and trailing empty
lines are dropped, and on stderr the backtrace frames (``path:LINE:in ...``)
are dropped.  A listing "agrees" when
normalised stdout, normalised stderr and the exit status are all equal.

The table has one row per unit: ``ok``/``FAIL`` for rake (exit status 0 of both
listings), then ``agree``/``differ`` for ``-T -A`` and ``-P``; the totals count
agreement over all units and over the units where rake succeeds.  ``--diff``
prints a unified diff of every difference.  ``--pydrake`` and ``--rake`` give
the commands (default: this interpreter with ``-m pydrake`` and this checkout
on ``PYTHONPATH``; ``rake``).  Exit status 0 always, unless the arguments are wrong.
This is a measurement tool, not a test: it needs real Ruby and rake.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LISTINGS = {"-T -A": ["-T", "-A"], "-P": ["-P"]}
TOOL_NAME = re.compile(r"\bpydrake\b")
BACKTRACE = re.compile(r"^\s*\S*:\d+:in\b")


@dataclass
class Outcome:
    """What one command printed and how it exited, normalised."""

    exit: int | str
    stdout: str
    stderr: str

    def same_as(self, other: Outcome) -> bool:
        """Equal exit status, stdout and stderr."""
        return (self.exit, self.stdout, self.stderr) == (other.exit, other.stdout, other.stderr)


@dataclass
class UnitResult:
    """Both tools' outcomes for every listing of one unit."""

    unit: Path
    rake: dict[str, Outcome] = field(default_factory=dict)
    pydrake: dict[str, Outcome] = field(default_factory=dict)

    @property
    def rake_ok(self) -> bool:
        """rake exited with status 0 for every listing."""
        return all(o.exit == 0 for o in self.rake.values())

    def agrees(self, listing: str) -> bool:
        """pydrake's listing equals rake's."""
        return self.rake[listing].same_as(self.pydrake[listing])


def normalise(text: str, root: Path, drop_backtrace: bool, tree: Path | None = None) -> str:
    """The conformance runner's normalisation (run.py) applied to one stream."""
    text = text.replace(str(root.resolve()), "$CASE").replace(str(root), "$CASE")
    if tree is not None:
        text = text.replace(str(tree.resolve()), "$TREE").replace(str(tree), "$TREE")
    text = TOOL_NAME.sub("rake", text)
    lines = [line.rstrip() for line in text.splitlines()]
    if drop_backtrace:
        lines = [line for line in lines if not BACKTRACE.match(line)]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def run_listing(
    cmd: list[str], args: list[str], unit: Path, env: dict[str, str], timeout: float, tree: Path | None = None
) -> Outcome:
    """Run one listing command in the unit and normalise what it printed."""
    try:
        proc = subprocess.run(cmd + args, cwd=unit, env=env, input=b"", capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode("utf-8", "replace")
        err = (exc.stderr or b"").decode("utf-8", "replace")
        return Outcome("timeout", normalise(out, unit, False, tree), normalise(err, unit, True, tree))
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    return Outcome(proc.returncode, normalise(out, unit, False, tree), normalise(err, unit, True, tree))


def base_env(scratch: Path, extra: dict[str, str]) -> dict[str, str]:
    """The environment of every run: the conformance runner's, plus a scratch cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAKE", "PYDRAKE"))}
    env.update({"HOME": str(scratch / "home"), "XDG_CACHE_HOME": str(scratch / "cache")})
    env.update({"LC_ALL": "C.UTF-8", "TZ": "UTC", "COLUMNS": "80", "NO_COLOR": "1"})
    env.update(extra)
    return env


def tree_of(unit: Path, root: Path) -> Path:
    """The folder directly below root that holds unit."""
    rel = unit.resolve().relative_to(root.resolve())
    return root.resolve() / rel.parts[0] if rel.parts else root.resolve()


def census_unit(
    unit: Path, rake: list[str], pydrake: list[str], timeout: float, fresh: Path | None = None
) -> UnitResult:
    """Run both tools' listings in one unit (each in a fresh copy of its tree when fresh is a root)."""
    result = UnitResult(unit)
    with tempfile.TemporaryDirectory(prefix="census-") as tmp:
        scratch = Path(tmp)
        for tool, cmd, extra in (
            ("rake", rake, {}),
            ("pydrake", pydrake, {"PYTHONPATH": str(REPO)}),
        ):
            for name, args in LISTINGS.items():
                for sub in ("home", "cache"):
                    shutil.rmtree(scratch / sub, ignore_errors=True)
                    (scratch / sub).mkdir()
                env = base_env(scratch, extra)
                if fresh is None:
                    outcome = run_listing(cmd, args, unit, env, timeout)
                else:
                    tree = tree_of(unit, fresh)
                    copy = scratch / "tree" / tree.name
                    shutil.copytree(tree, copy, symlinks=True)
                    where = copy / unit.resolve().relative_to(tree)
                    outcome = run_listing(cmd, args, where, env, timeout, tree=copy)
                    shutil.rmtree(scratch / "tree", ignore_errors=True)
                getattr(result, tool)[name] = outcome
    return result


def describe_diff(result: UnitResult, listing: str) -> str:
    """A unified diff of one differing listing (exit status, stdout, stderr)."""
    want, got = result.rake[listing], result.pydrake[listing]
    parts = []
    if want.exit != got.exit:
        parts.append(f"  exit status: rake {want.exit}, pydrake {got.exit}")
    for stream in ("stdout", "stderr"):
        a, b = getattr(want, stream), getattr(got, stream)
        if a != b:
            lines = difflib.unified_diff(a.splitlines(), b.splitlines(), "rake", "pydrake", lineterm="", n=1)
            parts.append(f"  {stream}:\n" + "\n".join("    " + line for line in lines))
    return "\n".join(parts)


def table(results: list[UnitResult], names: dict[Path, str], markdown: bool) -> str:
    """The per-unit table and the totals."""
    rows = [("unit", "rake", *LISTINGS)]
    for r in results:
        rows.append(
            (names[r.unit], "ok" if r.rake_ok else "FAIL", *("agree" if r.agrees(k) else "differ" for k in LISTINGS))
        )
    ok = [r for r in results if r.rake_ok]
    lines = []
    if markdown:
        lines.append("| " + " | ".join(rows[0]) + " |")
        lines.append("|---|---|" + "---|" * len(LISTINGS))
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    else:
        width = max(len(row[0]) for row in rows)
        lines += [f"{row[0]:<{width}}  {row[1]:<5} " + " ".join(f"{c:<7}" for c in row[2:]) for row in rows]
    lines.append("")
    lines.append(f"units: {len(results)}; rake succeeds in {len(ok)}")
    for k in LISTINGS:
        for label, group in (("all units", results), ("where rake succeeds", ok)):
            agree = sum(r.agrees(k) for r in group)
            pct = 100.0 * agree / len(group) if group else 0.0
            lines.append(f"{k}: {agree}/{len(group)} agree ({pct:.0f}%) over {label}")
    both = sum(all(r.agrees(k) for k in LISTINGS) for r in ok)
    lines.append(f"both listings agree: {both}/{len(ok)} where rake succeeds")
    return "\n".join(lines)


def unit_names(units: list[Path]) -> dict[Path, str]:
    """Short row labels: each path relative to the units' common folder."""
    if len(units) == 1:
        return {units[0]: units[0].name}
    common = Path(os.path.commonpath([str(u.resolve()) for u in units]))
    return {u: str(u.resolve().relative_to(common)) or "." for u in units}


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the census, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("units", nargs="*", type=Path, help="folders holding a Rakefile")
    parser.add_argument("--units-file", type=Path, help="a file listing unit folders, one a line")
    parser.add_argument("--rake", default="rake", help="the rake command (default: rake)")
    parser.add_argument("--pydrake", help="the pydrake command (default: python -m pydrake from this checkout)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per listing (default 60)")
    parser.add_argument("--offline", action="store_true", help="run every listing without network (unshare -rn)")
    parser.add_argument(
        "--fresh", type=Path, metavar="ROOT", help="run every listing in a fresh copy of the unit's tree below ROOT"
    )
    parser.add_argument("--diff", action="store_true", help="print a diff for every differing listing")
    parser.add_argument("--md", type=Path, help="also write the table as Markdown to this file")
    opts = parser.parse_args(argv)
    units = list(opts.units)
    if opts.units_file:
        for line in opts.units_file.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                units.append(Path(line))
    if not units:
        parser.error("no unit folders given")
    missing = [u for u in units if not u.is_dir()]
    if missing:
        parser.error("not a folder: " + ", ".join(map(str, missing)))
    if opts.fresh and not all(u.resolve().is_relative_to(opts.fresh.resolve()) for u in units):
        parser.error(f"--fresh: every unit must be below {opts.fresh}")
    rake = shlex.split(opts.rake)
    pydrake = shlex.split(opts.pydrake) if opts.pydrake else [sys.executable, "-m", "pydrake"]
    if opts.offline:
        rake, pydrake = ["unshare", "-rn", *rake], ["unshare", "-rn", *pydrake]
    names = unit_names(units)
    results = []
    for unit in units:
        print(f"... {names[unit]}", file=sys.stderr, flush=True)
        result = census_unit(unit, rake, pydrake, opts.timeout, opts.fresh)
        results.append(result)
        if opts.diff:
            for k in LISTINGS:
                if not result.agrees(k):
                    print(f"== {names[unit]} {k}\n{describe_diff(result, k)}")
    report = table(results, names, markdown=False)
    print(report)
    if opts.md:
        opts.md.write_text(table(results, names, markdown=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
