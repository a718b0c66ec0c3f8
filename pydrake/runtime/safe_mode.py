"""``--safe``: load a Rakefile without running a command or changing a file.

Two layers. Every built-in that starts a process or writes, deletes or moves a file asks
``guard`` first; under ``--safe`` the guard prints ``pydrake: --safe: skipped sh "make" at
Rakefile:12`` on stderr and the built-in returns its empty value instead of acting. Behind the
guards, ``arm`` installs a Python audit hook that turns any process start, signal, or file
change that still reaches the operating system into ``SafeModeViolation``, so a built-in
without its guard fails loudly instead of acting. pydrake's own caches (``$XDG_CACHE_HOME/pydrake``
and the ``__pycache__`` folders inside the package) stay writable; Python writes no bytecode
while armed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

PREFIX = "pydrake: --safe: "


class SafeModeViolation(BaseException):
    """A process start or file change reached the operating system under ``--safe``.

    A BaseException, so that no Ruby ``rescue`` and no ``except Exception`` swallows it.
    """


# ------------------------------------------------------------------ the guard


def enabled(rt: Any) -> bool:
    """Is ``--safe`` on for this interpreter?"""
    return bool(getattr(rt, "safe_mode", False))


def guard(rt: Any, what: str, description: Any = ()) -> bool:
    """True when the built-in ``what`` must not act (``--safe`` is on): the skip is reported on stderr.

    ``description`` is the text shown after ``what``: a string as it is, or the call's Ruby
    arguments (shown inspected, comma-separated); it is only looked at under ``--safe``.
    Every call is counted in ``rt.side_effects``, whatever the mode: what was known about the
    files before it may be out of date after it.
    """
    note_side_effect(rt)
    if not getattr(rt, "safe_mode", False):
        return False
    if isinstance(description, str):
        text = description
    else:
        text = ", ".join(rt.inspect(arg) for arg in description)
    warn(rt, f"skipped {what}{' ' + text if text else ''}{_where(rt)}")
    return True


def note_side_effect(rt: Any) -> None:
    """Count, in ``rt.side_effects``, a built-in about to start a process or change a file."""
    rt.side_effects = getattr(rt, "side_effects", 0) + 1


def warn(rt: Any, message: str) -> None:
    """A ``pydrake: --safe: MESSAGE`` line on the interpreter's stderr."""
    stream = rt.stderr
    stream.write(PREFIX + message + "\n")
    stream.flush()


def _where(rt: Any) -> str:
    """`` at FILE:LINE`` of the Ruby code running (the file relative to the current folder when below it)."""
    frame = rt.frame()
    if frame is None or not frame.file:
        return ""
    path = frame.file
    if os.path.isabs(path):
        here = os.getcwd()
        if path.startswith(here.rstrip(os.sep) + os.sep):
            path = os.path.relpath(path, here)
    return f" at {path}:{frame.line}"


# ------------------------------------------------------------------ arming and the audit hook

_armed = 0  # how many runs have --safe on (the hook acts while > 0)
_hook_installed = False
_saved_bytecode_flag = False
_allowed: tuple[str, ...] = ()  # folders pydrake itself may write in while armed
_allowed_parents: tuple[str, ...] = ()  # the folders above them, which may be created


PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cache_folders() -> list[str]:
    """The folders pydrake writes its own caches in: ``$XDG_CACHE_HOME/pydrake`` (else ``~/.cache/pydrake``),
    the folder the AST cache chose if it already did, and the parser's ``__pycache__`` (every
    ``__pycache__`` inside the package is writable too, see ``_may_write``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folders = [os.path.abspath(os.path.join(base, "pydrake")), os.path.join(PACKAGE, "syntax", "__pycache__")]
    parsed = sys.modules.get("pydrake.syntax.ast_cache")  # the folder the AST cache already chose stays usable
    chosen = parsed.folder() if parsed is not None and hasattr(parsed, "folder") else None
    if isinstance(chosen, str):
        folders.append(os.path.abspath(chosen))
    return folders


def arm(rt: Any) -> None:
    """Turn ``--safe`` on for ``rt`` and, while any run has it on, the process-wide audit hook."""
    global _armed, _hook_installed, _saved_bytecode_flag, _allowed, _allowed_parents
    rt.safe_mode = True
    if _armed == 0:
        _allowed = tuple(cache_folders())
        parents: set[str] = set()
        for folder in _allowed:
            up = os.path.dirname(folder)
            while up and up not in parents and os.path.dirname(up) != up:
                parents.add(up)
                up = os.path.dirname(up)
        _allowed_parents = tuple(sorted(parents))
        _saved_bytecode_flag = sys.dont_write_bytecode
        sys.dont_write_bytecode = True
    _armed += 1
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True


def disarm(rt: Any) -> None:
    """Turn ``--safe`` off for ``rt`` (the hook stays installed but idle once no run has it on)."""
    global _armed
    if not getattr(rt, "safe_mode", False):
        return
    rt.safe_mode = False
    _armed = max(_armed - 1, 0)
    if _armed == 0:
        sys.dont_write_bytecode = _saved_bytecode_flag


def armed() -> bool:
    """Is the audit hook refusing process starts and file changes now?"""
    return _armed > 0


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_PROCESS_EVENTS = frozenset(
    {
        "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
        "os.forkpty", "pty.spawn", "os.kill", "os.killpg", "os.startfile",
    }
)  # fmt: skip
# event -> positions of the paths it changes in the event's arguments
_PATH_EVENTS: dict[str, tuple[int, ...]] = {
    "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.chmod": (0,), "os.chown": (0,),
    "os.utime": (0,), "os.truncate": (0,), "os.chflags": (0,), "os.lchflags": (0,),
    "os.setxattr": (0,), "os.removexattr": (0,), "os.rename": (0, 1), "os.link": (1,),
    "os.symlink": (1,), "shutil.copyfile": (1,), "shutil.copymode": (1,), "shutil.copystat": (1,),
    "shutil.copytree": (1,), "shutil.move": (0, 1), "shutil.rmtree": (0,), "shutil.chown": (0,),
    "shutil.make_archive": (0,), "shutil.unpack_archive": (1,),
}  # fmt: skip
# events whose last argument is a dir_fd that makes a relative path relative to another folder
_DIR_FD_EVENTS = frozenset({"os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.utime", "os.symlink"})


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """The audit hook: refuse, while armed, what the guards should have skipped."""
    if not _armed:
        return
    if event == "open":
        path, mode, flags = (tuple(args) + (None, None, None))[:3]
        writes = bool(isinstance(flags, int) and flags & _WRITE_FLAGS) or (
            isinstance(mode, str) and any(c in mode for c in "wax+")
        )
        if writes and not isinstance(path, int) and not _may_write([path], False):
            raise SafeModeViolation(f"--safe refused to open {_show(path)} for writing (a built-in lacks its guard)")
        return
    if event in _PROCESS_EVENTS:
        raise SafeModeViolation(f"--safe refused {event} {_show(args[:2])} (a built-in lacks its guard)")
    positions = _PATH_EVENTS.get(event)
    if positions is None:
        return
    if event in _DIR_FD_EVENTS and isinstance(args[-1], int) and args[-1] not in (-1,):
        if not all(isinstance(args[i], str | bytes) and os.path.isabs(os.fsdecode(args[i])) for i in positions):
            raise SafeModeViolation(f"--safe refused {event} {_show(args[:2])} (a built-in lacks its guard)")
    targets = [args[i] for i in positions if i < len(args)]
    if not _may_write(targets, event == "os.mkdir"):
        raise SafeModeViolation(f"--safe refused {event} {_show(targets)} (a built-in lacks its guard)")


def _may_write(paths: Iterable[Any], creating_folder: bool) -> bool:
    """Are all ``paths`` inside pydrake's cache folders (or, for a new folder, on the way to them)?"""
    for raw in paths:
        try:
            path = os.path.abspath(os.fsdecode(os.fspath(raw)))
        except TypeError:
            return False
        if path == os.devnull:
            continue
        if any(path == f or path.startswith(f + os.sep) for f in _allowed):
            continue
        if path.startswith(PACKAGE + os.sep) and "__pycache__" in path[len(PACKAGE) :].split(os.sep):
            continue
        if creating_folder and path in _allowed_parents:
            continue
        return False
    return True


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."
