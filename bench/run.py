#!/usr/bin/env python3
"""Time pydrake against rake, make and ninja on the generated workloads; print and save a markdown report.

Usage:
    python3 bench/run.py [--reps 5] [--only w4] [--tools pydrake,rake,make,ninja] [--out bench/results.md]

The workloads are written to a fresh temporary folder outside the repository.  For every row the
tools take turns (round-robin, the order rotating each repetition) so that machine load affects
them alike; the report gives the median wall time, pydrake's ratios to rake and make, the sleep
DAG's efficiency per -j N, and the median peak RSS.  A run that exits abnormally counts as "crash",
one that outlives --timeout as "timeout".
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import workloads
from measure import Sample, peak_rss, run_checked, run_once
from plan import TOOLS, W4_JOBS, Row, parallel, rows
from report import Memory, Results, render

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SCRUBBED_ENV = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "RAKEOPT", "RUBYOPT")  # a caller's settings must not leak in


def resolve_pydrake(override: str | None) -> list[str]:
    """The pydrake command: --pydrake, else the script beside this Python, else PATH, else -m."""
    if override:
        return shlex.split(override)
    beside = Path(sys.executable).with_name("pydrake")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pydrake")
    return [found] if found else [sys.executable, "-m", "pydrake"]


def resolve_tools(names: list[str], pydrake: str | None) -> dict[str, list[str]]:
    """Each requested tool's executable (as an argv prefix); tools not installed are left out."""
    out = {}
    for name in names:
        if name == "pydrake":
            out[name] = resolve_pydrake(pydrake)
        elif found := shutil.which(name):
            out[name] = [found]
        else:
            print(f"bench: {name} not found, skipped", file=sys.stderr)
    return out


def _output(argv: list[str], cwd: str | Path = REPO) -> str:
    try:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=60)
    except OSError as e:
        return f"unavailable ({e})"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else ""


def _uptime() -> str:
    text = _output(["uptime"])
    return text[text.find("load average") :] if "load average" in text else text


def _version(name: str, exe: list[str]) -> str:
    text = _output(exe + ["--version"])
    return text if name in text.lower() else f"{name} {text}"


def _commit() -> str:
    head = _output(["git", "rev-parse", "--short", "HEAD"])
    dirty = _output(["git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no"])
    return head + (" with uncommitted changes in the work tree" if dirty else "")


class Bench:
    """One benchmark session: the generated workloads, the tools, the environments and the samples."""

    def __init__(self, root: Path, tools: dict[str, list[str]], timeout: float) -> None:
        self.root = root
        self.tools = tools
        self.timeout = timeout
        self.base_env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        # pydrake runs as an installed Python program does: buffered output, and bytecode compiled
        # once and reused (here in a private folder, so the work tree's __pycache__ is untouched)
        self.python_env = {k: v for k, v in self.base_env.items() if not k.startswith("PYTHON") or k == "PYTHONPATH"}
        self.python_env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="pycache-", dir=root)
        self.warm_cache = tempfile.mkdtemp(prefix="cache-warm-", dir=root)
        self.cold_root = root / "cold"
        self.cold_root.mkdir()
        self.results: Results = {}
        self.memory: Memory = {}

    def folder(self, row: Row, tool: str) -> str:
        """The folder holding this tool's copy of the row's workload."""
        file_tool = "rake" if tool == "pydrake" else tool  # pydrake reads rake's very Rakefile
        return workloads.tool_dir(str(self.root), row.workload, workloads.SIZES[row.workload], file_tool)

    def argv(self, row: Row, tool: str) -> list[str]:
        """The full command: the tool's executable, then the row's arguments."""
        return self.tools[tool] + row.commands[tool][1:]

    def env(self, row: Row, tool: str) -> dict[str, str]:
        """The environment of one run; pydrake's cache is fresh per run on cold-cache rows."""
        if tool != "pydrake":
            return self.base_env
        cache = tempfile.mkdtemp(dir=self.cold_root) if row.cold_cache else self.warm_cache
        return {**self.python_env, "XDG_CACHE_HOME": cache}

    def once(self, row: Row, tool: str) -> Sample:
        """One timed run of one tool on one row."""
        cwd, env = self.folder(row, tool), self.env(row, tool)
        sample = run_once(self.argv(row, tool), cwd, env, self.timeout, row.accepts(tool))
        self._forget_cold_cache(row, tool)
        return sample

    def memory_run(self, row: Row, tool: str) -> int | None:
        """Untimed runs: a first one that fills caches (for pydrake, Python's compiled modules,
        as pip's install would have), then one under GNU time that gives the peak RSS in KiB."""
        if row.workload != "w4":  # w4 is a 1-10 s sleep; its first run is warm-up enough
            run_once(self.argv(row, tool), self.folder(row, tool), self.env(row, tool), self.timeout)
            self._forget_cold_cache(row, tool)
        rss = peak_rss(self.argv(row, tool), self.folder(row, tool), self.env(row, tool), self.timeout)
        self._forget_cold_cache(row, tool)
        return rss

    def _forget_cold_cache(self, row: Row, tool: str) -> None:
        if row.cold_cache and tool == "pydrake":
            shutil.rmtree(self.cold_root)
            self.cold_root.mkdir()

    def prepare_null_build(self, row: Row) -> list[str]:
        """Build w3 once per tool (untimed), then check the next build does nothing; return warnings."""
        warnings = []
        for tool in self.tools:
            cwd = self.folder(row, tool)
            par = parallel(4)[tool]
            print(f"bench: initial {row.workload} build with {tool}", file=sys.stderr)
            run_checked(self.tools[tool] + par[1:], cwd, self.env(row, tool))
            text = run_checked(self.argv(row, tool), cwd, self.env(row, tool))
            if "cp " in text:
                warnings.append(f"the {tool} null build of {row.workload} was not null: {text[:200]!r}")
        return warnings

    def time_row(self, row: Row, reps: int) -> None:
        """Warm-up runs per tool (the last measures memory), then reps rounds with the tools taking turns."""
        names = list(self.tools)
        self.results[row.key] = {t: [] for t in names}
        self.memory[row.key] = {t: self.memory_run(row, t) for t in names}
        for rep in range(reps):
            k = rep % len(names)
            for tool in names[k:] + names[:k]:
                s = self.once(row, tool)
                self.results[row.key][tool].append(s)
                shown = f"{s.wall:.3f} s" if s.status == "ok" else f"{s.status} (exit {s.returncode})"
                print(f"bench: {row.key:9} {tool:8} rep {rep + 1}/{reps}: {shown}", file=sys.stderr)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5, help="timed runs per tool and row (default 5)")
    ap.add_argument("--only", help="comma-separated workloads or row names, e.g. w4 or w1,w6 again")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tools (default %(default)s)")
    ap.add_argument(
        "--out", default=str(BENCH / "results.md"), help="where to write the report (default bench/results.md)"
    )
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run counts as a timeout")
    ap.add_argument("--w4-jobs", default=",".join(map(str, W4_JOBS)), help="the -j N values of w4")
    ap.add_argument("--pydrake", help="the pydrake command to time (default: the installed script)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary workload folder")
    return ap.parse_args(argv)


def select(args: argparse.Namespace) -> list[Row]:
    """The rows named by --only (all by default)."""
    every = rows(tuple(int(n) for n in args.w4_jobs.split(",")))
    if not args.only:
        return every
    wanted = {w.strip() for w in args.only.split(",")}
    chosen = [r for r in every if r.workload in wanted or r.key in wanted]
    if not chosen:
        raise SystemExit(f"bench: --only {args.only!r} matches no workload")
    return chosen


def main(argv: list[str] | None = None) -> None:
    """Generate, time, report."""
    args = parse_args(argv)
    chosen = select(args)
    tools = resolve_tools(args.tools.split(","), args.pydrake)
    root = Path(tempfile.mkdtemp(prefix="pydrake-bench-")).resolve()
    if REPO in root.parents:
        raise SystemExit(f"bench: the temporary folder {root} is inside the repository; set TMPDIR elsewhere")
    started, load_before, commit_before = time.monotonic(), _uptime(), _commit()
    bench = Bench(root, tools, args.timeout)
    notes: list[str] = []
    try:
        file_tools = tuple(sorted({"rake" if t == "pydrake" else t for t in tools}))
        for wl in dict.fromkeys(r.workload for r in chosen):
            workloads.generate(str(root), wl, None, file_tools)
        for row in chosen:
            if row.prebuild:
                notes += bench.prepare_null_build(row)
            bench.time_row(row, args.reps)
        meta = describe(args, tools, (load_before, commit_before), time.monotonic() - started, notes)
        text = render(meta, chosen, bench.results, bench.memory, list(tools))
        print(text)
        Path(args.out).write_text(text)
        print(f"bench: wrote {args.out}", file=sys.stderr)
    finally:
        if not args.keep:
            print(f"bench: removing {root}", file=sys.stderr)
            shutil.rmtree(root, ignore_errors=True)


def describe(
    args: argparse.Namespace,
    tools: dict[str, list[str]],
    before: tuple[str, str],
    elapsed: float,
    notes: list[str],
) -> list[tuple[str, str]]:
    """The report's header lines: when, where, which versions, how loaded, how many runs."""
    pydrake = tools.get("pydrake")
    load_before, commit_before = before
    commit_after = _commit()
    return [
        ("date", datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"{platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPUs"),
        ("load before", load_before),
        ("load after", _uptime()),
        ("pydrake", f"`{' '.join(pydrake)}`: {_output(pydrake + ['-V'])}" if pydrake else "-"),
        (
            "commit",
            commit_after
            if commit_after == commit_before
            else f"{commit_before} at the start, {commit_after} at the end",
        ),
        ("Python", platform.python_version()),
        ("others", "; ".join(_version(t, tools[t]) for t in ("rake", "make", "ninja") if t in tools)),
        ("runs", f"{args.reps} timed per tool and row, interleaved round-robin; timeout {args.timeout:g} s"),
        (
            "pydrake environment",
            "PYTHON* variables but PYTHONPATH removed; PYTHONPYCACHEPREFIX and XDG_CACHE_HOME in the temporary folder",
        ),
        ("total time", f"{elapsed:.0f} s"),
        *[("warning", n) for n in notes],
    ]


if __name__ == "__main__":
    main()
