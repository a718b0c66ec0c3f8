"""``--lint-trace``: run the build sequentially, record every file each task reads and writes, report unordered flows.

Commands a task runs go through ``strace -f`` (the ``command_wrapper`` hook of the process
module); pydrake's own file operations (File, FileUtils, IO) are seen by an audit hook.
Each access is charged to the task whose actions are running.  A flow from a writer task
to a reader task, a file written by two tasks, or a write into a folder another task made
is a finding when no chain of prerequisites orders the two tasks: a run with ``-j N``
could then do them in either order or at once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from stat import S_ISDIR
from typing import Any, TextIO

from pydrake.lint.findings import MISSING_DEPENDENCY, WRITE_CONFLICT, Finding
from pydrake.lint.strace_parser import (
    APPEND,
    ENSURE_DIR,
    MKDIR,
    READ,
    REMOVE,
    TRACED_SYSCALLS,
    WRITE,
    Access,
    read_trace,
)
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.runtime.core import process

STRACE_PACKAGE = "strace"
# Never part of a build's data flow, unless the project itself lives below one of them.
SYSTEM_PREFIXES = ("/proc", "/dev", "/sys", "/usr", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/bin", "/sbin", "/run", "/var/lib", "/var/cache", "/snap")
# Files tools keep for themselves inside a project (caches, version control).
IGNORED_PARTS = frozenset(
    {".git", ".hg", ".svn", "__pycache__", ".pydrake", ".ccache", ".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".cargo-lock"}
)
_AUDITED = frozenset({"open", "os.remove", "os.rmdir", "os.rename", "os.mkdir", "os.link", "os.symlink", "os.truncate", "os.utime"})
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class TraceUnavailable(Exception):
    """strace is missing or cannot trace processes on this machine."""


# ------------------------------------------------------------------ strace


def strace_command(strace: str | None = None) -> list[str]:
    """The strace argv (before ``-o FILE -- program``) this machine supports; raises TraceUnavailable."""
    path = strace or shutil.which("strace")
    if path is None:
        raise TraceUnavailable(
            f"--lint-trace needs strace, which is not installed: install the Debian package '{STRACE_PACKAGE}' "
            f"(apt-get install {STRACE_PACKAGE})"
        )
    base = [path, "-f", "-qq", "-y", "-e", "signal=none", "-e", f"trace={TRACED_SYSCALLS}"]
    last = ""
    for extra in (["--seccomp-bpf"], []):  # only the traced syscalls stop the process, when supported
        argv = base[:2] + extra + base[2:]
        try:
            probe = subprocess.run([*argv, "-o", os.devnull, "--", "true"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError) as exc:
            last = str(exc)
            continue
        if probe.returncode == 0:
            return argv
        last = probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else f"exit {probe.returncode}"
    raise TraceUnavailable(f"--lint-trace needs strace, which cannot trace processes here: {last}")


# ------------------------------------------------------------------ recording


@dataclass(frozen=True)
class Event:
    """One access charged to a task, in the order of the run."""

    task: Task
    access: Access


class Recorder:
    """Collects every task's file accesses during a sequential run."""

    def __init__(self, root: str, strace: list[str], workdir: str) -> None:
        self.root = root
        self.strace = strace
        self.workdir = workdir
        self.system = tuple(p for p in SYSTEM_PREFIXES if not _under(root, p)) + (workdir,)
        self.stack: list[Task] = []
        self.events: list[Event] = []
        self.executed: list[Task] = []  # in the order they first ran
        self.seen: set[Task] = set()
        self.inner: dict[Task, list[Task]] = {}  # a task -> tasks that ran while its actions ran
        self.pending: list[tuple[str, str, Task]] = []  # (trace file, start folder, task)
        self.count = 0
        self.busy = threading.local()

    # --- tasks

    def begin(self, task: Task) -> None:
        """A task's actions are about to run."""
        self.flush()
        if self.stack:
            self.inner.setdefault(self.stack[-1], []).append(task)
        self.stack.append(task)
        if task not in self.seen:
            self.seen.add(task)
            self.executed.append(task)

    def end(self, task: Task) -> None:
        """A task's actions are over (or failed)."""
        self.flush()
        if self.stack and self.stack[-1] is task:
            self.stack.pop()

    def record(self, task: Task, access: Access) -> None:
        """Charge an access to a task (system files are dropped at once)."""
        if not self._dropped(access.path):
            self.events.append(Event(task, access))

    def _dropped(self, path: str) -> bool:
        return any(_under(path, p) for p in self.system)

    # --- commands

    def wrap(self, program: list[str], cwd: str) -> list[str]:
        """The argv that runs ``program`` under strace (unchanged outside a task or when it cannot start)."""
        if not self.stack or not program:
            return program
        self.busy.on = True
        try:
            runnable = _runnable(program[0], cwd)
        finally:
            self.busy.on = False
        if not runnable:
            return program
        self.count += 1
        out = os.path.join(self.workdir, f"{self.count}.trace")
        self.pending.append((out, cwd, self.stack[-1]))
        return [*self.strace, "-o", out, "--", *program]

    def flush(self) -> None:
        """Charge the accesses of finished commands to the tasks that ran them."""
        if not self.pending:
            return
        self.busy.on = True
        try:
            self._drain()
        finally:
            self.busy.on = False

    def _drain(self) -> None:
        pending, self.pending = self.pending, []
        for out, cwd, task in pending:
            for access in read_trace(out, cwd, self.system):
                self.record(task, access)
            try:
                os.unlink(out)
            except OSError:
                pass

    # --- pydrake's own file operations

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        """An audit event of this process: the file operation of the running task."""
        if not self.stack or getattr(self.busy, "on", False):
            return
        self.busy.on = True
        try:
            self._drain()  # commands that ended before this operation come first
            for access in _audit_accesses(event, args):
                self.record(self.stack[-1], access)
        except Exception:  # noqa: BLE001 - tracing must never break the build
            pass
        finally:
            self.busy.on = False


    def folder_seen(self, path: Any, dir_fd: Any) -> None:
        """The running task looked at this existing folder (``mkdir_p``, ``Dir.exist?``, ``File.directory?``):
        it is taken to make the folder itself when it is missing, so writing into it races no one."""
        if not self.stack or getattr(self.busy, "on", False):
            return
        self.busy.on = True
        try:
            self._drain()
            folder = _fs_path(path, dir_fd)
            if folder is not None:
                self.record(self.stack[-1], Access(ENSURE_DIR, folder))
        finally:
            self.busy.on = False


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _runnable(program: str, cwd: str) -> bool:
    """Would the command start? (A missing program keeps its own error, not strace's.)"""
    if "/" in program:
        return os.access(os.path.join(cwd, program), os.X_OK)
    return shutil.which(program) is not None


def _fs_path(value: Any, dir_fd: Any = None) -> str | None:
    """An absolute path from an audit argument (None for a descriptor)."""
    if isinstance(value, int) or value is None:
        return None
    try:
        path = os.fsdecode(value)
    except TypeError:
        return None
    if not os.path.isabs(path) and isinstance(dir_fd, int) and dir_fd >= 0:
        try:
            return os.path.normpath(os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path))
        except OSError:
            return None
    return os.path.abspath(path)


def _audit_accesses(event: str, args: tuple[Any, ...]) -> list[Access]:
    """What an audited operation does to files, judged just before it happens."""
    if event == "open":
        path = _fs_path(args[0])
        if path is None:
            return []
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        mode = flags & os.O_ACCMODE
        if mode == os.O_RDONLY and not flags & (os.O_CREAT | os.O_TRUNC):
            return [Access(READ, path)] if os.path.isfile(path) else []
        if flags & os.O_TRUNC or mode == os.O_WRONLY:
            return [Access(APPEND if flags & os.O_APPEND and not flags & os.O_TRUNC else WRITE, path)]
        return [Access(READ, path), Access(WRITE, path)] if os.path.isfile(path) else [Access(WRITE, path)]
    if event in ("os.remove", "os.rmdir"):
        path = _fs_path(args[0], args[1] if len(args) > 1 else None)
        return [Access(REMOVE, path)] if path is not None and os.path.lexists(path) else []
    if event == "os.mkdir":
        path = _fs_path(args[0], args[2] if len(args) > 2 else None)
        if path is None:
            return []
        return [Access(ENSURE_DIR if os.path.lexists(path) else MKDIR, path)]
    if event in ("os.rename", "os.link"):
        src = _fs_path(args[0], args[2] if len(args) > 2 else None)
        dst = _fs_path(args[1], args[3] if len(args) > 3 else None)
        if src is None or dst is None or not os.path.lexists(src):
            return []
        moved = [Access(REMOVE, src)] if event == "os.rename" else []
        return [Access(READ, src), *moved, Access(WRITE, dst)]
    if event == "os.symlink":
        dst = _fs_path(args[1], args[2] if len(args) > 2 else None)
        return [Access(WRITE, dst)] if dst is not None else []
    if event == "os.truncate":
        path = _fs_path(args[0])
        return [Access(WRITE, path)] if path is not None else []
    if event == "os.utime":
        path = _fs_path(args[0], args[3] if len(args) > 3 else None)
        return [Access(WRITE, path)] if path is not None and os.path.exists(path) else []
    return []


_active: Recorder | None = None
_hook_installed = False


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    recorder = _active
    if recorder is not None and event in _AUDITED:
        recorder.audit(event, args)


def _install(recorder: Recorder | None) -> None:
    """Make ``recorder`` the one that sees this process's file operations and commands (None: stop)."""
    global _active, _hook_installed
    if recorder is not None and not _hook_installed:
        sys.addaudithook(_audit_hook)  # audit hooks cannot be removed: this one stays, idle
        _hook_installed = True
    _active = recorder
    process.command_wrapper = recorder.wrap if recorder is not None else None


class TracedExecution:
    """An execute strategy that brackets another one with the recorder's begin/end."""

    def __init__(self, inner: Callable[[Task, Any], None], recorder: Recorder) -> None:
        self.inner = inner
        self.recorder = recorder

    def __call__(self, task: Task, args: Any) -> None:
        self.recorder.begin(task)
        try:
            self.inner(task, args)
        finally:
            self.recorder.end(task)


# ------------------------------------------------------------------ the declared order


class Ordering:
    """Which executed tasks a chain of prerequisites (or a nested invoke) orders."""

    def __init__(self, inner: dict[Task, list[Task]]) -> None:
        self.inner = inner
        self.known: dict[Task, list[Task]] = {}
        self.answers: dict[tuple[Task, Task], bool] = {}

    def prerequisites(self, task: Task) -> list[Task]:
        """The tasks ``task`` waits for directly: its prerequisites and the tasks run inside its actions."""
        pres = self.known.get(task)
        if pres is None:
            try:
                pres = task.prerequisite_tasks()
            except Exception:  # noqa: BLE001 - an unresolvable prerequisite orders nothing
                pres = []
            pres = pres + self.inner.get(task, [])
            self.known[task] = pres
        return pres

    def waits_for(self, task: Task, other: Task) -> bool:
        """Is ``other`` reached from ``task`` through prerequisites? (A search that stops when found.)"""
        key = (task, other)
        answer = self.answers.get(key)
        if answer is None:
            answer = False
            seen = {task}
            queue = deque([task])
            while queue and not answer:
                for pre in self.prerequisites(queue.popleft()):
                    if pre is other:
                        answer = True
                        break
                    if pre not in seen:
                        seen.add(pre)
                        queue.append(pre)
            self.answers[key] = answer
        return answer

    def ordered(self, a: Task, b: Task) -> bool:
        """Does a chain of prerequisites put one of the two tasks before the other?"""
        return a is b or self.waits_for(b, a) or self.waits_for(a, b)

    def closure(self, tops: Iterable[Task]) -> list[Task]:
        """The given tasks and every task they wait for, each once."""
        seen: dict[Task, None] = {}
        stack = list(tops)
        while stack:
            task = stack.pop()
            if task not in seen:
                seen[task] = None
                stack.extend(self.prerequisites(task))
        return list(seen)

    def common_parent(self, first: Task, second: Task, tasks: Iterable[Task]) -> Task | None:
        """A task listing both as direct prerequisites (where ``seq`` would fix the order)."""
        for task in tasks:
            pres = self.prerequisites(task)
            if first in pres and second in pres:
                return task
        return None


# ------------------------------------------------------------------ findings


class Analysis:
    """Walks the recorded accesses in run order and finds the flows no prerequisite orders."""

    def __init__(self, recorder: Recorder, ordering: Ordering, root: str, named: dict[str, Task], rakefile: str) -> None:
        self.recorder = recorder
        self.ordering = ordering
        self.root = root
        self.named = named
        self.rakefile = rakefile
        self.flows: set[tuple[Task, Task, str]] = set()
        # (kind, task that needs the other, the other) -> the finding and, per way it was seen, the files
        self.findings: dict[tuple[str, Task, Task], tuple[Finding, dict[str, list[str]]]] = {}

    def kept(self, path: str) -> bool:
        """Is this file part of the build: in the project (not a tool's cache) or named by a task?"""
        if path in self.named:
            return True
        if not _under(path, self.root):
            return False
        return not IGNORED_PARTS.intersection(os.path.relpath(path, self.root).split(os.sep)) and not path.endswith(".pyc")

    def run(self) -> list[Finding]:
        """Every finding, in the order the run revealed them."""
        last_writer: dict[str, Task] = {}
        writers: dict[str, list[tuple[Task, bool]]] = {}
        readers: dict[str, list[Task]] = {}  # who read the file's current content (since its last write)
        creator: dict[str, Task] = {}
        ensured: dict[str, list[Task]] = {}  # tasks that made a folder or checked it before making it
        order = self.ordering
        for event in self.recorder.events:
            task, kind, path = event.task, event.access.kind, event.access.path
            if not self.kept(path):
                continue
            if kind == READ:
                writer = last_writer.get(path)
                if writer is task:
                    continue
                if task not in readers.setdefault(path, []):
                    readers[path].append(task)
                if writer is not None:
                    self.flows.add((writer, task, path))
                    if not order.ordered(writer, task):
                        self.missing_dependency(task, writer, path)
                continue
            if kind in (WRITE, APPEND, MKDIR):
                self.check_folders(task, path, creator, ensured)
            if kind in (ENSURE_DIR, MKDIR):
                if task not in ensured.setdefault(path, []):
                    ensured[path].append(task)
                if kind == MKDIR:
                    creator.setdefault(path, task)
                continue
            if kind in (WRITE, APPEND, REMOVE):
                for other, appended in writers.get(path, []):
                    if other is not task and not (appended and kind == APPEND) and not order.ordered(other, task):
                        self.write_conflict(task, other, path)
                for reader in readers.pop(path, []):
                    if reader is not task and not order.ordered(reader, task):
                        self.stale_read(reader, task, path)
                last_writer[path] = task
                entry = (task, kind == APPEND)  # appends to a log commute with each other, not with a rewrite
                if entry not in writers.setdefault(path, []):
                    writers[path].append(entry)
        result = []
        for (_, _, other), (finding, seen) in self.findings.items():
            (first, paths), *more = seen.items()
            details = ["files: " + _listed(paths)] if len(paths) > 1 else []
            details += [ALSO[how].format(files=_listed(files), other=other.name) for how, files in more]
            result.append(replace(finding, details=(*details, *finding.details)))
        return result

    def check_folders(self, task: Task, path: str, creator: dict[str, Task], ensured: dict[str, list[Task]]) -> None:
        """A write into a folder another task made: the folder must exist first."""
        folder = os.path.dirname(path)
        while _under(folder, self.root) and folder != self.root:
            if self.prepared(task, folder, ensured):
                return
            maker = creator.get(folder)
            if maker is not None:
                if not self.ordering.ordered(maker, task):
                    self.directory_race(task, maker, folder, path)
                return
            folder = os.path.dirname(folder)

    def prepared(self, task: Task, folder: str, ensured: dict[str, list[Task]]) -> bool:
        """Does the task make sure the folder exists: itself, or by waiting for a task that does (the
        folder's ``directory`` task, or any task that made it or looked before making it)?"""
        makers = ensured.get(folder, [])
        if task in makers or any(self.ordering.waits_for(task, m) for m in makers):
            return True
        named = self.named.get(folder)
        return named is not None and self.ordering.waits_for(task, named)

    # --- the findings

    def show(self, path: str) -> str:
        """A path as printed: relative to the project folder when inside it."""
        return os.path.relpath(path, self.root) if _under(path, self.root) else path

    def where(self, task: Task) -> tuple[str, int]:
        """The definition of a task as ``(file, line)``, relative to the project folder."""
        for candidate in [task, *self._dependents(task)]:
            for loc in candidate.locations:
                file, line = loc[0], loc[1]
                return (self.show(os.path.abspath(file)) if file else self.rakefile), int(line)
        return self.rakefile, 1

    def _dependents(self, task: Task) -> list[Task]:
        return [t for t in self.recorder.executed if task in self.ordering.prerequisites(t)]

    def describe(self, task: Task) -> str:
        """``task 'name' (Rakefile:LINE)``."""
        file, line = self.where(task)
        return f"task '{task.name}' ({file}:{line})"

    def _add(self, kind: str, how: str, needs: Task, other: Task, path: str, make: Callable[[], Finding]) -> None:
        """One finding per kind and pair of tasks; ``how`` (reads, rewrites, folder, writes) it was seen, with its files."""
        key = (kind, needs, other)
        if key not in self.findings:
            self.findings[key] = (make(), {})
        paths = self.findings[key][1].setdefault(how, [])
        if self.show(path) not in paths:
            paths.append(self.show(path))

    def missing_dependency(self, reader: Task, writer: Task, path: str) -> None:
        """The reader read what the writer wrote, and nothing orders the two."""

        def make() -> Finding:
            file, line = self.where(reader)
            message = (
                f"task '{reader.name}' reads '{self.show(path)}', produced by {self.describe(writer)}, "
                "with no prerequisite path between them"
            )
            return Finding(MISSING_DEPENDENCY, file, line, message, self.fix(reader, writer))

        self._add(MISSING_DEPENDENCY, "reads", reader, writer, path, make)

    def stale_read(self, reader: Task, writer: Task, path: str) -> None:
        """The sequential run read the old content, then rewrote it: the writer must wait for the reader."""

        def make() -> Finding:
            file, line = self.where(writer)
            message = (
                f"task '{writer.name}' rewrites '{self.show(path)}', which {self.describe(reader)} reads before it, "
                "with no prerequisite path between them"
            )
            return Finding(MISSING_DEPENDENCY, file, line, message, self.fix(writer, reader))

        self._add(MISSING_DEPENDENCY, "rewrites", writer, reader, path, make)

    def directory_race(self, task: Task, maker: Task, folder: str, path: str) -> None:
        """The task wrote into a folder the maker created, and nothing orders the two."""

        def make() -> Finding:
            file, line = self.where(task)
            message = (
                f"task '{task.name}' writes '{self.show(path)}' into folder '{self.show(folder)}', created by "
                f"{self.describe(maker)}, with no prerequisite path between them"
            )
            folder_task = self.named.get(folder)
            if isinstance(folder_task, FileTask) and folder_task is not maker:  # its ``directory`` task
                fix = f"{self.prerequisite_text(task, folder_task)}   (or {self.prerequisite_text(task, maker)})"
            else:
                fix = self.fix(task, maker)
            return Finding(MISSING_DEPENDENCY, file, line, message, fix)

        self._add(MISSING_DEPENDENCY, "folder", task, maker, folder, make)

    def write_conflict(self, second: Task, first: Task, path: str) -> None:
        """Both tasks wrote (or removed) the file, and nothing orders the two."""

        def make() -> Finding:
            file, line = self.where(second)
            message = (
                f"tasks '{first.name}' ({':'.join(map(str, self.where(first)))}) and '{second.name}' both write "
                f"'{self.show(path)}', with no prerequisite path between them"
            )
            fix = self.prerequisite_text(second, first) + f"   (or let one task write '{self.show(path)}')"
            return Finding(WRITE_CONFLICT, file, line, message, fix)

        self._add(WRITE_CONFLICT, "writes", second, first, path, make)

    def fix(self, needs: Task, producer: Task) -> str:
        """The prerequisite to declare, and the ``seq`` alternative when both are siblings."""
        text = self.prerequisite_text(needs, producer)
        parent = self.ordering.common_parent(producer, needs, self.recorder.executed)
        if parent is not None:
            text += f"   (or {_task_ref(parent)} => seq[{_prerequisite_ref(producer)}, {_prerequisite_ref(needs)}])"
        return text

    def prerequisite_text(self, needs: Task, producer: Task) -> str:
        """``file 'x' => 'y'`` or ``task :x => :y``: the producer as the task that needs it should name it."""
        return f"{_task_ref(needs)} => {_prerequisite_ref(producer)}"


# A second way the same pair of tasks was seen, as a detail line of the first finding.
ALSO = {
    "reads": "also reads {files}, written by task '{other}'",
    "rewrites": "also rewrites {files}, which task '{other}' reads",
    "folder": "also writes into folder {files}, created by task '{other}'",
    "writes": "also both write {files}",
}


def _listed(paths: list[str]) -> str:
    return ", ".join(f"'{p}'" for p in paths)


def _quoted(name: str) -> str:
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _name_ref(name: str) -> str:
    return f":{name}" if _PLAIN_NAME.match(name) else _quoted(name)


def _prerequisite_ref(task: Task) -> str:
    return _quoted(task.name) if isinstance(task, FileTask) else _name_ref(task.name)


def _task_ref(task: Task) -> str:
    if isinstance(task, FileTask):
        return f"file {_quoted(task.name)}"
    return f"task {_name_ref(task.name)}"


# ------------------------------------------------------------------ the command


def graph_tasks(tops: Iterable[Task], ordering: Ordering) -> list[Task]:
    """The requested tasks and everything they wait for, except plain source files (no actions, no prerequisites)."""
    return [t for t in ordering.closure(tops) if t.actions or ordering.prerequisites(t)]


def lint_trace(
    manager: Any,
    runner: Any,
    build: Callable[[], list[Task]],
    rakefile: str,
    out: TextIO,
    err: TextIO,
    strace: str | None = None,
) -> int:
    """Run ``build`` (which invokes the top-level tasks on ``runner`` and returns them) with every task's
    file accesses recorded, then print the findings or the j-safe statement; the exit status (0, 1, or 2
    without strace).  A failing build still gets its findings printed before its error goes on."""
    try:
        argv = strace_command(strace)
    except TraceUnavailable as exc:
        err.write(f"pydrake: {exc}\n")
        return 2
    root = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="pydrake-trace-") as workdir:
        recorder = Recorder(root, argv, workdir)
        tops: list[Task] = []
        failed = True
        try:
            with recording(recorder, runner):
                tops = build()
            failed = False
        finally:
            status = report(manager, recorder, tops, root, rakefile, out, quiet=failed)
    return status


@contextmanager
def recording(recorder: Recorder, runner: Any) -> Iterator[Recorder]:
    """Record the file accesses of every task ``runner`` executes (and of their commands) while inside."""
    original = runner.execute_strategy
    runner.execute_strategy = TracedExecution(original, recorder)
    _install(recorder)
    plain_stat = os.stat
    # Folder checks reach no audit hook: os.stat (behind os.path.isdir/exists, File.directory?,
    # Dir.exist?, FileUtils.mkdir_p) is watched for the folders a task looks at.
    os.stat = _watched_stat(plain_stat, recorder)  # type: ignore[assignment]
    try:
        yield recorder
    finally:
        os.stat = plain_stat
        _install(None)
        runner.execute_strategy = original
        recorder.flush()


def _watched_stat(plain: Callable[..., os.stat_result], recorder: Recorder) -> Callable[..., os.stat_result]:
    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        """``os.stat``, telling the recorder about each folder a task looks at."""
        result = plain(path, *args, **kwargs)
        if recorder.stack and S_ISDIR(result.st_mode):
            recorder.folder_seen(path, kwargs.get("dir_fd"))
        return result

    return stat


def analyse(manager: Any, recorder: Recorder, root: str, rakefile: str = "Rakefile") -> Analysis:
    """The analysis of a recorded run (its ``run()`` gives the findings, its ``flows`` the flows seen)."""
    named = {os.path.normpath(os.path.join(root, t.name)): t for t in [*manager.tasks(), *recorder.executed]}
    return Analysis(recorder, Ordering(recorder.inner), root, named, rakefile or "Rakefile")


def report(manager: Any, recorder: Recorder, tops: list[Task], root: str, rakefile: str, out: TextIO, quiet: bool = False) -> int:
    """Print the findings (or, unless ``quiet``, the j-safe statement); 1 with findings, else 0."""
    analysis = analyse(manager, recorder, root, rakefile)
    findings = analysis.run()
    for finding in findings:
        for line in finding.lines():
            out.write(line + "\n")
    if findings:
        out.flush()
        return 1
    if not quiet:
        tasks = graph_tasks([*tops, *recorder.executed], analysis.ordering)
        out.write(f"j-safe: {len(tasks)} tasks, {len(analysis.flows)} file flows, all ordered by declared prerequisites\n")
        idle = len(tasks) - len(recorder.executed)
        if idle > 0:
            out.write(f"  note: {idle} of {len(tasks)} tasks did not run (up to date), so their files were not traced\n")
        out.flush()
    return 0
