"""RUBY_PLATFORM's parts, composed from the machine as Ruby's configure composes them."""

from __future__ import annotations

import os

import pytest

from pydrake.runtime.ruby_platform import compose, ruby_arch, ruby_platform


@pytest.mark.parametrize(
    ("machine", "multiarch", "system", "release", "libdir", "expected"),
    [
        ("x86_64", "x86_64-linux-gnu", "linux", "6.1.0", True, ("x86_64", "linux-gnu")),  # Debian, Ubuntu
        ("x86_64", "x86_64-linux-gnu", "linux", "6.1.0", False, ("x86_64", "linux")),  # no multiarch layout
        ("aarch64", "aarch64-linux-gnu", "linux", "6.1.0", True, ("aarch64", "linux-gnu")),
        ("x86_64", "x86_64-linux-musl", "linux", "6.1.0", False, ("x86_64", "linux-musl")),  # Alpine
        ("x86_64", None, "linux", "6.1.0", False, ("x86_64", "linux")),
        ("arm64", "darwin", "darwin", "23.4.0", False, ("arm64", "darwin23")),
    ],
)
def test_compose(machine: str, multiarch: str | None, system: str, release: str, libdir: bool, expected: tuple[str, str]) -> None:
    assert compose(machine, multiarch, system, release, libdir) == expected


def test_this_machine() -> None:
    cpu, os_part = ruby_arch()
    assert cpu == os.uname().machine
    assert ruby_platform() == f"{cpu}-{os_part}"
