"""Collection settings for the conformance suite."""

from __future__ import annotations

import importlib.util

import pytest

# The case folders are data: a Rakefile project may hold files pytest would try to collect.
collect_ignore = ["cases"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """Accept pytest-xdist's ``-n`` when that plugin is absent, so ``-n0`` works with or without it."""
    if importlib.util.find_spec("xdist") is not None:
        return
    group = parser.getgroup("xdist", "distributed testing (pytest-xdist is not installed)")
    try:
        # pytest reserves lowercase short options for itself; xdist registers -n the same way.
        group._addoption("-n", "--numprocesses", dest="numprocesses", default=None, help="ignored without pytest-xdist")
    except (AttributeError, ValueError):  # a pytest without this hook, or -n already registered
        pass
