"""Markdown tables of benchmark samples: medians, ratios to rake and make, w4 efficiency, peak memory."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from measure import Sample
from plan import MEMORY_TARGET, Row, w4_ideal

Results = dict[str, dict[str, list[Sample]]]  # row key -> tool -> samples
Memory = dict[str, dict[str, int | None]]  # row key -> tool -> peak RSS in KiB


def median_wall(samples: Sequence[Sample]) -> float | None:
    """The median wall time of the runs that ended normally (None when none did)."""
    ok = [s.wall for s in samples if s.status == "ok"]
    return statistics.median(ok) if ok else None


def median_cpu(samples: Sequence[Sample]) -> float | None:
    """The median CPU time (user + system) of the runs that ended normally."""
    ok = [s.cpu for s in samples if s.status == "ok"]
    return statistics.median(ok) if ok else None


def cell(samples: Sequence[Sample]) -> str:
    """A table cell: the median in seconds, or how the runs ended when not all were normal."""
    if not samples:
        return ""
    med = median_wall(samples)
    bad = [s for s in samples if s.status != "ok"]
    if med is None:
        return bad[0].status
    text = f"{med:.3f} s"
    if bad:
        text += f" ({len(bad)}/{len(samples)} {bad[0].status})"
    return text


def ratio(a: float | None, b: float | None) -> str:
    """a/b to two decimals, or an empty cell when either is missing."""
    return f"{a / b:.2f}" if a is not None and b else ""


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _goal_met(row: Row, res: dict[str, list[Sample]]) -> str:
    target = row.target
    if target is None:
        return ""
    mine = median_wall(res.get("pydrake", []))
    if mine is None:
        return _met(False)
    if target.kind == "seconds":
        return _met(mine <= target.limit)
    if target.kind == "efficiency":
        return _met(w4_ideal(row.jobs or 1) / mine >= target.limit)
    theirs = median_wall(res.get("rake", []))
    return _met(mine / theirs <= target.limit) if theirs else "n/a (no rake time)"


def _table(header: list[str], lines: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(line) + " |" for line in lines]
    return out


def main_table(rows: Sequence[Row], results: Results, tools: Sequence[str]) -> list[str]:
    """Median wall time per tool and pydrake's ratios, one line per non-w4 row."""
    header = ["workload", "what is timed", *tools, "pydrake/rake", "pydrake/make", "target", "met"]
    lines = []
    for row in rows:
        if row.jobs is not None:
            continue
        res = results[row.key]
        mine = median_wall(res.get("pydrake", []))
        line = [row.key, row.what] + [cell(res.get(t, [])) for t in tools]
        line += [ratio(mine, median_wall(res.get("rake", []))), ratio(mine, median_wall(res.get("make", [])))]
        line += [row.target.describe() if row.target else "", _goal_met(row, res)]
        lines.append(line)
    return _table(header, lines)


def w4_table(rows: Sequence[Row], results: Results, tools: Sequence[str]) -> list[str]:
    """Wall time and efficiency = ideal / wall for every tool at every -j N of the sleep DAG."""
    header = ["-j N", "ideal"]
    for t in tools:
        header += [f"{t} wall", f"{t} eff"]
    header.append("pydrake met")
    lines = []
    for row in rows:
        if row.jobs is None:
            continue
        ideal = w4_ideal(row.jobs)
        line = [str(row.jobs), f"{ideal:.2f} s"]
        for t in tools:
            samples = results[row.key].get(t, [])
            med = median_wall(samples)
            line += [cell(samples), f"{ideal / med:.2f}" if med else ""]
        line.append(_goal_met(row, results[row.key]))
        lines.append(line)
    return _table(header, lines)


def cpu_table(rows: Sequence[Row], results: Results, tools: Sequence[str]) -> list[str]:
    """Median CPU seconds (user + system, children included) per tool and pydrake's ratio to rake."""
    lines = []
    for row in rows:
        res = results[row.key]
        cpus = {t: median_cpu(res.get(t, [])) for t in tools}
        line = [row.key] + [f"{cpus[t]:.3f} s" if cpus[t] is not None else cell(res.get(t, [])) for t in tools]
        line.append(ratio(cpus.get("pydrake"), cpus.get("rake")))
        lines.append(line)
    return _table(["workload", *tools, "pydrake/rake"], lines)


def memory_table(rows: Sequence[Row], memory: Memory, tools: Sequence[str]) -> list[str]:
    """Peak RSS per tool (MiB) and pydrake's ratio to rake."""
    header = ["workload", *[f"{t} MiB" for t in tools], "pydrake/rake", f"<= {MEMORY_TARGET:g} x rake"]
    lines = []
    for row in rows:
        kib = memory.get(row.key, {})
        mibs = {t: (v / 1024 if (v := kib.get(t)) else None) for t in tools}
        line = [row.key] + [f"{mibs[t]:.1f}" if mibs[t] is not None else "" for t in tools]
        mine, theirs = mibs.get("pydrake"), mibs.get("rake")
        line += [ratio(mine, theirs), _met(mine / theirs <= MEMORY_TARGET) if mine and theirs else ""]
        lines.append(line)
    return _table(header, lines)


def commands_table(rows: Sequence[Row], tools: Sequence[str]) -> list[str]:
    """The exact command each tool runs on each row (in the workload's folder for that tool)."""
    lines = [[row.key] + ["`" + " ".join(row.commands[t]) + "`" for t in tools] for row in rows]
    return _table(["workload", *tools], lines)


def samples_table(rows: Sequence[Row], results: Results, tools: Sequence[str]) -> list[str]:
    """Every timed run's wall time in seconds, in run order, to show the spread."""
    lines = []
    for row in rows:
        line = [row.key]
        for t in tools:
            line.append(
                " ".join(f"{s.wall:.3f}" if s.status == "ok" else s.status for s in results[row.key].get(t, []))
            )
        lines.append(line)
    return _table(["workload", *tools], lines)


def render(
    meta: Sequence[tuple[str, str]], rows: Sequence[Row], results: Results, memory: Memory, tools: Sequence[str]
) -> str:
    """The whole markdown report."""
    out = ["# pydrake benchmark results", ""]
    out += [f"- {k}: {v}" for k, v in meta]
    out += ["", "## Medians", ""]
    out += main_table(rows, results, tools)
    if any(r.jobs is not None for r in rows):
        out += ["", "## w4 sleep DAG: wall time and efficiency (ideal = max(1.0 s, 10 s / N))", ""]
        out += w4_table(rows, results, tools)
    out += ["", "## CPU time (user + system, median; less sensitive to machine load than wall time)", ""]
    out += cpu_table(rows, results, tools)
    out += ["", "## Peak memory (max RSS of the untimed warm-up run, measured by GNU time)", ""]
    out += memory_table(rows, memory, tools)
    out += ["", "## Commands", ""]
    out += commands_table(rows, tools)
    out += ["", "## Every run (seconds, in run order)", ""]
    out += samples_table(rows, results, tools)
    return "\n".join(out) + "\n"
