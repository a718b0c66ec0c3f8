"""--shuffle: siblings and ready tasks in a seeded random or reversed order that any machine reproduces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pydrake.engine.events import RecordingEvents
from pydrake.engine.graph import resolve_graph
from pydrake.engine.plan import Plan
from pydrake.engine.sequential import RunOptions, SequentialRunner
from pydrake.engine.shuffle import LastFirst, Shuffle, resolve
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager

SPEC = {
    "default": ["pack"],
    "pack": ["a", "b", "c", "d", "e"],
    "a": ["out"],
    "b": ["out"],
    "c": ["out"],
    "d": [],
    "e": [],
    "out": [],
}


def manager_for(spec: dict[str, list[str]]) -> TaskManager:
    manager = TaskManager()
    for name, deps in spec.items():
        manager.define_task(Task, name, deps, None, None, lambda t, a: None)
    return manager


def executed(shuffle: int | str | None, spec: dict[str, list[str]] = SPEC) -> list[str]:
    events = RecordingEvents()
    runner = SequentialRunner(manager_for(spec), events, RunOptions())
    runner.shuffle = resolve(shuffle)
    runner.invoke_task("default")
    return events.executed()


def test_seeded_order_is_pinned_so_every_machine_gets_it():
    # Python's string seeding (SHA-512) and shuffle are the same on every platform and version.
    assert Shuffle(1).siblings("pack", list("abcdef"), str) == ["f", "d", "b", "a", "e", "c"]
    assert Shuffle(2).siblings("pack", list("abcdef"), str) == ["a", "d", "f", "e", "b", "c"]


def test_siblings_are_sorted_before_shuffling():
    shuffle = Shuffle(7)
    assert shuffle.siblings("t", ["c", "a", "b"], str) == shuffle.siblings("t", ["b", "c", "a"], str)


def test_each_task_has_its_own_permutation_whatever_order_tasks_are_reached_in():
    shuffle = Shuffle(1)
    assert shuffle.siblings("pack", list("abcdef"), str) != shuffle.siblings("other", list("abcdef"), str)
    first = shuffle.siblings("other", list("abcdef"), str)
    shuffle.siblings("pack", list("abcdef"), str)
    assert shuffle.siblings("other", list("abcdef"), str) == first


def test_reverse_reverses_the_declared_order():
    assert Shuffle("reverse").siblings("t", ["b", "c", "a"], str) == ["a", "c", "b"]


def test_without_shuffle_the_runner_keeps_rakes_order():
    assert executed(None) == ["out", "a", "b", "c", "d", "e", "pack", "default"]


def test_reverse_runs_siblings_last_first():
    assert executed("reverse") == ["e", "d", "out", "c", "b", "a", "pack", "default"]


def test_a_seed_reproduces_its_order_and_prerequisites_still_come_first():
    orders = {seed: executed(seed) for seed in range(1, 30)}
    assert all(executed(seed) == order for seed, order in orders.items())
    assert len({tuple(o) for o in orders.values()}) > 5
    for order in orders.values():
        assert sorted(order) == sorted(SPEC)
        for name, deps in SPEC.items():
            assert all(order.index(dep) < order.index(name) for dep in deps)


def test_random_draws_a_seed_that_is_printed_as_the_option():
    shuffle = resolve("random")
    assert shuffle is not None and isinstance(shuffle.mode, int)
    assert shuffle.option() == f"--shuffle={shuffle.mode}"
    assert Shuffle("reverse").option() == "--shuffle=reverse"
    assert resolve(None) is None


def plan_order(shuffle: Shuffle) -> list[str]:
    manager = manager_for(SPEC)
    graph = resolve_graph([(manager.resolve("default"), TaskArguments([], []))])
    plan = Plan(graph, shuffle=shuffle.ready_order())
    order = []
    while plan.more_to_do():
        node = plan.find_work()
        assert node is not None
        order.append(node.task.name)
        plan.finished(node)
    return order


def test_the_parallel_plan_takes_ready_tasks_in_the_seeded_order():
    assert plan_order(Shuffle(3)) == plan_order(Shuffle(3))
    assert len({tuple(plan_order(Shuffle(seed))) for seed in range(1, 20)}) > 3


def test_reverse_in_the_parallel_plan_starts_the_latest_ready_task_first():
    order = LastFirst()
    assert order.random() > order.random()
    assert plan_order(Shuffle("reverse")) == ["e", "d", "out", "c", "b", "a", "pack", "default"]


# ------------------------------------------------------------------ the command


RAKEFILE = """\
%w[a b c d].each do |name|
  task name do
    puts name
  end
end

task :default => %w[a b c d] do
  puts "done"
end

task :boom => %w[a b] do
  raise "boom"
end
"""


def pydrake(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pydrake", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_the_seed_ends_stderr_and_reproduces_the_run(tmp_path: Path):
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    first = pydrake(tmp_path, "--shuffle")
    assert first.returncode == 0
    seed = first.stderr.splitlines()[-1]
    assert seed.startswith("Run options: --shuffle=") and seed.split("=")[1].isdigit()
    again = pydrake(tmp_path, seed.split()[-1])
    assert again.stdout == first.stdout and again.stderr == first.stderr
    assert sorted(first.stdout.splitlines()[:4]) == ["a", "b", "c", "d"]
    assert first.stdout.splitlines()[4] == "done"


def test_the_seed_follows_a_failure_report(tmp_path: Path):
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    done = pydrake(tmp_path, "--shuffle=reverse", "boom")
    assert done.returncode == 1
    assert done.stdout == "b\na\n"
    assert done.stderr.startswith("pydrake aborted!\nboom\n")
    assert done.stderr.endswith("(See full trace by running task with --trace)\nRun options: --shuffle=reverse\n")


def test_parallel_runs_print_the_seed_and_plain_runs_and_listings_do_not(tmp_path: Path):
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    parallel = pydrake(tmp_path, "-j", "3", "--shuffle=42")
    assert parallel.returncode == 0
    assert parallel.stderr == "Run options: --shuffle=42\n"
    assert pydrake(tmp_path).stderr == ""
    assert "Run options" not in pydrake(tmp_path, "-P", "--shuffle=4").stderr
