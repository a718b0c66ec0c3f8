"""RUBY_PLATFORM for this machine, composed as Ruby's configure composes it (``CPU-OS``)."""

from __future__ import annotations

import os
import sys

_cached: tuple[str, str] | None = None


def compose(machine: str, multiarch: str | None, system: str, release: str, multiarch_libdir: bool) -> tuple[str, str]:
    """The CPU and OS parts of Ruby's platform name.

    ``multiarch`` is the toolchain's target tuple (``x86_64-linux-gnu``); ``multiarch_libdir`` tells
    whether the system keeps its libraries under ``/usr/lib/<tuple>``. A Ruby built for such a
    multiarch system (Debian, Ubuntu) keeps the tuple's ``linux-gnu``; elsewhere Ruby's configure
    shortens ``linux-gnu`` to ``linux``. On macOS the OS part carries the kernel's major version.
    """
    cpu = machine or "x86_64"
    if system == "darwin":
        return cpu, f"darwin{release.split('.')[0]}"
    os_part = system
    if multiarch and "-" in multiarch:
        os_part = multiarch.split("-", 1)[1]
    if os_part == "linux-gnu" and not multiarch_libdir:
        os_part = "linux"
    return cpu, os_part


def ruby_arch() -> tuple[str, str]:
    """This machine's (CPU, OS) as Ruby names them: ``("x86_64", "linux-gnu")`` on Debian."""
    global _cached
    if _cached is None:
        uname = os.uname()
        multiarch = getattr(sys.implementation, "_multiarch", None)
        libdir = bool(multiarch) and os.path.isdir(f"/usr/lib/{multiarch}")
        _cached = compose(uname.machine, multiarch, sys.platform, uname.release, libdir)
    return _cached


def ruby_platform() -> str:
    """RUBY_PLATFORM (and RbConfig's ``arch``): ``x86_64-linux-gnu`` on Debian, ``x86_64-linux`` upstream."""
    cpu, os_part = ruby_arch()
    return f"{cpu}-{os_part}"
