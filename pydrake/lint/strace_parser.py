"""Reading ``strace -f -y`` output: the files a traced command read, wrote, removed and made.

The trace comes from ``strace -f -qq -y -e signal=none -o FILE`` with the syscalls of
``TRACED_SYSCALLS``.  Each line is ``PID call(args) = result``; a call another process
interrupted is split into ``call(args <unfinished ...>`` and ``<... call resumed>rest``.
``-y`` prints every descriptor with its path (``AT_FDCWD</proj>``, ``3</proj/obj>``), which
gives the folder of every ``*at`` call; the older calls (``open``, ``mkdir``, ``rename``)
are resolved against each process's current folder, followed through ``chdir``/``fchdir``
and inherited across ``fork``/``vfork``/``clone``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Syscalls strace is asked to stop on (a "?" prefix: skipped on an architecture without it).
TRACED_SYSCALLS = (
    "openat,?open,?openat2,?creat,execve,?execveat,"
    "?rename,renameat,?renameat2,?unlink,unlinkat,?mkdir,mkdirat,?rmdir,"
    "?link,linkat,?symlink,symlinkat,truncate,"
    "?chdir,fchdir,?fork,?vfork,clone,?clone3"
)

READ = "read"
WRITE = "write"
APPEND = "append"  # a write at the end only (O_APPEND): appends commute with each other
REMOVE = "remove"
MKDIR = "mkdir"  # a folder this command created
ENSURE_DIR = "ensure-dir"  # a folder this command tried to create and found already there


@dataclass(frozen=True)
class Access:
    """One file access: what was done (READ, WRITE, APPEND, REMOVE, MKDIR, ENSURE_DIR) and the absolute path."""

    kind: str
    path: str


_LINE = re.compile(r"(\d+)\s+(.*)")
_CALL = re.compile(r"([a-z_0-9]+)\(")
_RESUMED = re.compile(r"<\.\.\. ([a-z_0-9]+) resumed>")
_UNFINISHED = " <unfinished ...>"
_FD = re.compile(r"(-?\d+|AT_FDCWD)(?:<(.*)>)?$", re.S)
_RESULT = re.compile(r"\s*=\s*(-?\d+|\?|0x[0-9a-f]+)(?:<(.*?)>)?(?:\s+([A-Z][A-Z0-9_]*))?")
_FORKS = frozenset({"fork", "vfork", "clone", "clone3"})
_ONE_PATH = frozenset({"open", "openat", "openat2", "creat", "execve", "execveat", "unlink", "unlinkat", "mkdir", "mkdirat", "rmdir", "truncate"})


def unescape(text: str) -> str:
    """A C string as strace prints it (``\\n``, ``\\"``, ``\\303``, ``\\xc3``) as a file-system path."""
    if "\\" not in text:
        return text
    out = bytearray()
    i, n = 0, len(text)
    simple = {"n": 10, "t": 9, "r": 13, "v": 11, "f": 12, "a": 7, "b": 8, "e": 27}
    while i < n:
        ch = text[i]
        if ch != "\\" or i + 1 == n:
            out += ch.encode("utf-8", "surrogateescape")
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "x" and re.match(r"[0-9a-fA-F]{2}", text[i + 2 : i + 4]):
            out.append(int(text[i + 2 : i + 4], 16))
            i += 4
        elif nxt in "01234567":
            m = re.match(r"[0-7]{1,3}", text[i + 1 : i + 4])
            assert m is not None
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif nxt in simple:
            out.append(simple[nxt])
            i += 2
        else:
            out += nxt.encode("utf-8", "surrogateescape")
            i += 2
    return os.fsdecode(bytes(out))


def split_call(body: str) -> tuple[list[str], str] | None:
    """The raw arguments of ``(a, "b", {c, d}) = 3</x>`` (starting after the name) and the text after ``)``."""
    args: list[str] = []
    depth = 0
    start = 0
    i, n = 0, len(body)
    while i < n:
        ch = body[i]
        if ch == '"':
            i += 1
            while i < n and body[i] != '"':
                i += 2 if body[i] == "\\" else 1
        elif ch == "<":  # a descriptor's path (-y); may hold any character, escaped ">" included
            i += 1
            while i < n and body[i] != ">":
                i += 2 if body[i] == "\\" else 1
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                if body[start:i].strip():
                    args.append(body[start:i].strip())
                return args, body[i + 1 :]
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(body[start:i].strip())
            start = i + 1
        i += 1
    return None


def string_arg(raw: str) -> str | None:
    """The value of a quoted string argument (None when it is not one, e.g. NULL)."""
    if len(raw) >= 2 and raw[0] == '"':
        end = raw.rfind('"')
        if end > 0:
            return unescape(raw[1:end])
    return None


def fd_path(raw: str) -> str | None:
    """The path strace shows beside a descriptor (``AT_FDCWD</proj>``, ``3</proj/obj>``)."""
    m = _FD.match(raw.strip())
    if m is None or m.group(2) is None:
        return None
    return unescape(m.group(2))


class TraceReader:
    """Turns the lines of one trace into Accesses, keeping each process's current folder."""

    def __init__(self, cwd: str, ignore: tuple[str, ...] = ()) -> None:
        self.initial_cwd = cwd
        # Calls on one absolute path below one of these folders are skipped unread (a fast path:
        # most of a compiler's calls open system headers and libraries).
        self.ignore = tuple('"' + folder.rstrip("/") + "/" for folder in ignore)
        self.cwd: dict[str, str] = {}
        self.partial: dict[str, str] = {}  # pid -> the first half of an unfinished call
        self.forking: list[str] = []  # pids inside an unfinished fork-like call, latest last

    def _cwd_of(self, pid: str) -> str:
        cwd = self.cwd.get(pid)
        if cwd is None:
            # A process not seen before: the command itself, or a child whose parent is still
            # inside fork/clone (its return value, naming the child, comes later).
            cwd = self.cwd.get(self.forking[-1], self.initial_cwd) if self.forking else self.initial_cwd
            self.cwd[pid] = cwd
        return cwd

    def lines(self, lines: Iterable[str]) -> Iterator[Access]:
        """The accesses of these trace lines, in order."""
        for line in lines:
            yield from self.line(line.rstrip("\n"))

    def line(self, line: str) -> list[Access]:
        """The accesses of one trace line (none for a signal, an exit or half a call)."""
        m = _LINE.match(line)
        if m is None:
            return []
        pid, rest = m.group(1), m.group(2)
        if rest.startswith(("---", "+++")):
            return []
        resumed = _RESUMED.match(rest)
        if resumed is not None:
            head = self.partial.pop(pid, None)
            name = resumed.group(1)
            if name in _FORKS and pid in self.forking:
                self.forking.remove(pid)
            if head is None:
                return []
            rest = head + rest[resumed.end() :]
        elif rest.endswith(_UNFINISHED):
            self.partial[pid] = rest[: -len(_UNFINISHED)]
            call = _CALL.match(rest)
            if call is not None and call.group(1) in _FORKS:
                self._cwd_of(pid)
                self.forking.append(pid)
            return []
        call = _CALL.match(rest)
        if call is None:
            return []
        if self.ignore and call.group(1) in _ONE_PATH and self._ignored(rest, call.end()):
            return []
        split = split_call(rest[call.end() :])
        if split is None:
            return []
        args, tail = split
        result = _RESULT.match(tail)
        if result is None:
            return []
        return self.call(pid, call.group(1), args, result.group(1), result.group(3))

    def _ignored(self, rest: str, start: int) -> bool:
        quote = rest.find('"', start)
        return quote >= 0 and rest.startswith(self.ignore, quote)

    def _path(self, pid: str, raw: str | None, dirfd: str | None = None) -> str | None:
        path = string_arg(raw) if raw is not None else None
        if path is None:
            return None
        if os.path.isabs(path):
            return os.path.normpath(path)
        base = fd_path(dirfd) if dirfd is not None else None
        if base is None:
            base = self._cwd_of(pid)
        return os.path.normpath(os.path.join(base, path))

    def call(self, pid: str, name: str, args: list[str], ret: str, errno: str | None) -> list[Access]:
        """The accesses of one complete call."""
        self._cwd_of(pid)
        for arg in args:
            if arg.startswith("AT_FDCWD<"):
                here = fd_path(arg)
                if here is not None:
                    self.cwd[pid] = here
        ok = errno is None and ret != "-1"
        if name in _FORKS:
            if ok and ret.isdigit() and ret not in self.cwd:
                self.cwd[ret] = self.cwd[pid]
            return []
        if name == "chdir" and ok and args:
            path = self._path(pid, args[0])
            if path is not None:
                self.cwd[pid] = path
            return []
        if name == "fchdir" and ok and args:
            path = fd_path(args[0])
            if path is not None:
                self.cwd[pid] = path
            return []
        return _accesses(self, pid, name, args, ok, errno)


def _open_kinds(flags: str) -> list[str]:
    """READ and/or WRITE for ``open`` flags; nothing for a folder opened to list it."""
    names = set(flags.split("|"))
    if "O_DIRECTORY" in names:
        return []
    if "O_TRUNC" in names or "O_WRONLY" in names:
        return [APPEND] if "O_APPEND" in names and "O_TRUNC" not in names else [WRITE]
    if "O_RDWR" in names:
        return [READ, WRITE]
    return [WRITE] if "O_CREAT" in names else [READ]


def _accesses(reader: TraceReader, pid: str, name: str, args: list[str], ok: bool, errno: str | None) -> list[Access]:
    """What a file call did; failed calls do nothing, except ``mkdir`` of a folder already there."""
    path = reader._path

    def one(kind: str, p: str | None) -> list[Access]:
        return [Access(kind, p)] if p is not None else []

    if name in ("mkdir", "mkdirat"):
        target = path(pid, args[0]) if name == "mkdir" else path(pid, args[1] if len(args) > 1 else None, args[0])
        if ok:
            return one(MKDIR, target)
        return one(ENSURE_DIR, target) if errno == "EEXIST" else []
    if not ok:
        return []
    if name in ("open", "creat"):
        target = path(pid, args[0] if args else None)
        if name == "creat":
            return one(WRITE, target)
        return [Access(k, target) for k in _open_kinds(args[1] if len(args) > 1 else "O_RDONLY")] if target else []
    if name in ("openat", "openat2"):
        target = path(pid, args[1] if len(args) > 1 else None, args[0] if args else None)
        if name == "openat2":
            flags = re.search(r"flags=([A-Z_|0-9]+)", args[2] if len(args) > 2 else "")
            flag_text = flags.group(1) if flags else "O_RDONLY"
        else:
            flag_text = args[2] if len(args) > 2 else "O_RDONLY"
        return [Access(k, target) for k in _open_kinds(flag_text)] if target else []
    if name == "execve":
        return one(READ, path(pid, args[0] if args else None))
    if name == "execveat":
        return one(READ, path(pid, args[1] if len(args) > 1 else None, args[0] if args else None))
    if name in ("unlink", "rmdir"):
        return one(REMOVE, path(pid, args[0] if args else None))
    if name == "unlinkat":
        return one(REMOVE, path(pid, args[1] if len(args) > 1 else None, args[0] if args else None))
    if name == "truncate":
        return one(WRITE, path(pid, args[0] if args else None))
    if name in ("rename", "link"):
        src, dst = path(pid, args[0] if args else None), path(pid, args[1] if len(args) > 1 else None)
    elif name in ("renameat", "renameat2", "linkat"):
        if len(args) < 4:
            return []
        src, dst = path(pid, args[1], args[0]), path(pid, args[3], args[2])
    elif name == "symlink":
        return one(WRITE, path(pid, args[1] if len(args) > 1 else None))
    elif name == "symlinkat":
        return one(WRITE, path(pid, args[2] if len(args) > 2 else None, args[1] if len(args) > 1 else None))
    else:
        return []
    out = one(READ, src)
    if name.startswith("rename"):
        out += one(REMOVE, src)
    return out + one(WRITE, dst)


def read_trace(path: str, cwd: str, ignore: tuple[str, ...] = ()) -> list[Access]:
    """Every access recorded in one strace output file, for a command started in ``cwd``
    (except calls on one absolute path below a folder of ``ignore``)."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return list(TraceReader(cwd, ignore).lines(f))
    except OSError:
        return []
