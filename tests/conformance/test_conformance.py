"""One test per conformance case, run through the real command; known failures are strict xfails."""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from .case import case_id, find_cases
from .failure_list import CASES, KNOWN_FAILURES, PROJECT_CASES, read_known_failures
from .runner import command_under_test, run_case


def _cases() -> list:
    """A pytest param per case folder, id ``area/name``, marked xfail when listed as a known failure."""
    known = set(read_known_failures())
    params = []
    for case_dir in find_cases(CASES):
        cid = case_id(case_dir, CASES)
        marks = (
            [pytest.mark.xfail(strict=True, reason="listed in known_failures.txt: delete its line once it passes")]
            if cid in known
            else []
        )
        params.append(pytest.param(case_dir, id=cid, marks=marks))
    for case_dir in find_cases(PROJECT_CASES):
        params.append(pytest.param(case_dir, id=f"project/{case_id(case_dir, PROJECT_CASES)}"))
    return params


@pytest.fixture(scope="session")
def command() -> list[str]:
    """The command under test."""
    return command_under_test()


@pytest.fixture(scope="session")
def outcomes(command: list[str]):
    """Every case started at once on a pool of one worker per CPU; each test waits for its own result.

    Cases are independent (each runs in its own scratch folder), so running them side by side
    only shortens the wall time; every test still reports its own case.
    """
    pool = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1))
    every = find_cases(CASES) + find_cases(PROJECT_CASES)
    futures: dict[Path, Future[list[str]]] = {c: pool.submit(run_case, c, command) for c in every}
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("case_dir", _cases())
def test_case(case_dir: Path, outcomes) -> None:
    """The command does what the case recorded from Rake (or specified) in every run."""
    problems = outcomes[case_dir].result()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_known_failures_name_existing_cases() -> None:
    """Every id in the known-failures list names a case folder, once."""
    listed = read_known_failures()
    ids = {case_id(c, CASES) for c in find_cases(CASES)}
    assert [i for i in listed if i not in ids] == [], f"{KNOWN_FAILURES.name} names cases that do not exist"
    assert len(listed) == len(set(listed)), f"{KNOWN_FAILURES.name} lists a case twice"
