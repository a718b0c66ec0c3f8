"""What the benchmark times: one row per (workload, mode), each with the equivalent command per tool."""

from __future__ import annotations

from dataclasses import dataclass, field

TOOLS = ("pydrake", "rake", "make", "ninja")
W4_JOBS = (1, 2, 4, 8, 16)
W4_SERIAL_SECONDS = 10.0  # 200 actions of `sleep 0.05`
W4_CRITICAL_SECONDS = 1.0  # 20 layers of `sleep 0.05`
EFFICIENCY_TARGET = 0.95
MEMORY_TARGET = 1.5  # peak RSS of pydrake over rake's


@dataclass(frozen=True)
class Target:
    """A goal for pydrake on one row: its ratio to rake, its own wall time, or its -j efficiency."""

    kind: str  # "ratio" (pydrake/rake <= limit), "seconds" (pydrake <= limit), "efficiency" (>= limit)
    limit: float

    def describe(self) -> str:
        """The goal as the results table shows it."""
        if self.kind == "ratio":
            return f"<= {self.limit:g} x rake"
        if self.kind == "seconds":
            return f"runs, <= {self.limit:g} s"
        return f"efficiency >= {self.limit:g}"


@dataclass(frozen=True)
class Row:
    """One timed line of the results: a workload, what is timed, and each tool's command."""

    key: str
    workload: str
    what: str
    commands: dict[str, list[str]]
    target: Target | None = None
    cold_cache: bool = False  # pydrake gets a fresh, empty XDG_CACHE_HOME for every run
    jobs: int | None = None  # the -j N of a w4 row
    prebuild: bool = False  # build once, untimed, before timing (the timed runs are null builds)
    ok_codes: dict[str, frozenset[int]] = field(default_factory=dict)

    def accepts(self, tool: str) -> frozenset[int]:
        """Exit statuses that count as a normal end for this tool."""
        return self.ok_codes.get(tool, frozenset({0}))


# make always runs with -r: Rake searches no implicit rules unless the Rakefile defines some, while
# GNU make's built-in ones would try about 170 pattern rules on every w3 input file.
# The closest listing equivalents of `rake -T`: GNU make's documented way to print its data base
# without remaking anything (`make -qp`, exit 1 when the goal is out of date), and ninja's full
# target list.
LISTING = {
    "pydrake": ["pydrake", "-T"],
    "rake": ["rake", "-T"],
    "make": ["make", "-r", "-qp"],
    "ninja": ["ninja", "-t", "targets", "all"],
}
LISTING_OK = {"make": frozenset({0, 1})}
BUILD = {
    "pydrake": ["pydrake", "all"],
    "rake": ["rake", "all"],
    "make": ["make", "-r", "all"],
    "ninja": ["ninja", "all"],
}


def parallel(n: int) -> dict[str, list[str]]:
    """Each tool's command to build 'all' with up to n jobs (rake: every task as a multitask)."""
    j = str(n)
    return {
        "pydrake": ["pydrake", "-j", j, "all"],
        "rake": ["rake", "-m", "-j", j, "all"],
        "make": ["make", "-r", "-j", j, "all"],
        "ninja": ["ninja", "-j", j, "all"],
    }


def w4_ideal(n: int) -> float:
    """The wall time of a perfect scheduler on the sleep DAG with n jobs."""
    return max(W4_CRITICAL_SECONDS, W4_SERIAL_SECONDS / n)


def rows(w4_jobs: tuple[int, ...] = W4_JOBS) -> list[Row]:
    """Every row of the benchmark, in report order."""
    out = [
        Row("w5", "w5", "`-T` on 20 described tasks (start-up)", LISTING, Target("ratio", 0.8), ok_codes=LISTING_OK),
        Row(
            "w6 first",
            "w6",
            "`-T` on 5,000 described tasks, empty cache",
            LISTING,
            Target("ratio", 1.0),
            cold_cache=True,
            ok_codes=LISTING_OK,
        ),
        Row(
            "w6 again",
            "w6",
            "`-T` on 5,000 described tasks, warm cache",
            LISTING,
            Target("ratio", 0.5),
            ok_codes=LISTING_OK,
        ),
        Row("w1", "w1", "10,000 no-op tasks, build `all`", BUILD, Target("ratio", 0.5)),
        Row("w1 -j 8", "w1", "10,000 no-op tasks, build `all` with 8 jobs", parallel(8)),
        Row("w2", "w2", "chain of 10,000 no-op tasks, build `all`", BUILD, Target("seconds", 0.3)),
        Row("w2 -j 8", "w2", "chain of 10,000 no-op tasks, build `all` with 8 jobs", parallel(8)),
        Row("w3", "w3", "null build of 10,000 up-to-date file tasks", BUILD, Target("ratio", 0.3), prebuild=True),
    ]
    for n in w4_jobs:
        out.append(
            Row(
                f"w4 -j {n}",
                "w4",
                f"sleep DAG 20 x 10 x 0.05 s, {n} jobs",
                parallel(n),
                Target("efficiency", EFFICIENCY_TARGET) if n > 1 else None,
                jobs=n,
            )
        )
    return out
