"""The Plan without threads: ready order, finishing, failing."""

from __future__ import annotations

from pydrake.engine.graph import resolve_graph
from pydrake.engine.plan import Plan
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager


def graph_for(spec: dict[str, list[str]], *roots: str):
    manager = TaskManager()
    for name, deps in spec.items():
        manager.define_task(Task, name, deps)
    requests = [(manager.resolve(r), TaskArguments([], [])) for r in roots]
    return resolve_graph(requests)


def drain(plan: Plan, workers: int = 1) -> list[str]:
    """Run the plan to the end with `workers` slots, finishing nodes first-started first."""
    order, running = [], []
    while plan.more_to_do():
        while len(running) < workers and (node := plan.find_work()) is not None:
            running.append(node)
            order.append(node.task.name)
        plan.finished(running.pop(0))
    return order


def test_graph_numbers_nodes_in_rake_order():
    graph = graph_for({"top": ["left", "right"], "left": ["base"], "right": ["base"], "base": []}, "top")
    assert [n.task.name for n in graph.nodes] == ["base", "left", "right", "top"]


def test_rake_order_with_one_worker_is_the_sequential_order():
    spec = {"all": ["a", "b", "c"], "a": ["x"], "b": ["x", "y"], "c": [], "x": [], "y": []}
    graph = graph_for(spec, "all")
    assert drain(Plan(graph, rake_order=True)) == ["x", "a", "y", "b", "c", "all"]


def test_longest_remaining_path_goes_first():
    # `deep` heads a chain of three; `shallow` is alone: with two workers `deep` starts first.
    spec = {"all": ["shallow", "c3"], "c3": ["c2"], "c2": ["deep"], "deep": [], "shallow": []}
    plan = Plan(graph_for(spec, "all"))
    assert plan.find_work().task.name == "deep"
    assert plan.find_work().task.name == "shallow"
    assert plan.find_work() is None


def test_a_node_becomes_ready_only_after_all_its_prerequisites():
    plan = Plan(graph_for({"top": ["a", "b"], "a": [], "b": []}, "top"))
    a, b = plan.find_work(), plan.find_work()
    plan.finished(a)
    assert plan.find_work() is None
    plan.finished(b)
    assert plan.find_work().task.name == "top"


def test_failure_skips_every_dependent_transitively_but_not_others():
    spec = {"all": ["bad_user", "ok"], "bad_user": ["mid"], "mid": ["bad"], "bad": [], "ok": []}
    plan = Plan(graph_for(spec, "all"))
    bad = plan.find_work()
    assert bad.task.name == "bad"  # the longest remaining path
    skipped = plan.failed(bad)
    assert sorted(n.task.name for n in skipped) == ["all", "bad_user", "mid"]
    started = []
    while (node := plan.find_work()) is not None:
        started.append(node.task.name)
        plan.finished(node)
    assert started == ["ok"]
    assert not plan.more_to_do()


def test_a_chain_of_100000_tasks_resolves_without_recursion():
    manager = TaskManager()
    manager.define_task(Task, "t0", [])
    for i in range(1, 100_000):
        manager.define_task(Task, f"t{i}", [f"t{i - 1}"])
    graph = resolve_graph([(manager.resolve("t99999"), TaskArguments([], []))])
    assert len(graph) == 100_000
    plan = Plan(graph)
    assert drain(plan)[:3] == ["t0", "t1", "t2"]
