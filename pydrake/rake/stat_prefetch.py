"""Stat the paths the last build of a Rakefile asked about, in a child process, while the Rakefile loads.

Much of a null build is asking the disk for modification times, and the paths a build asks
about rarely change between runs. So a build records them (``record``: an entry per Rakefile in
pydrake's private cache folder) and the next build of that Rakefile forks, right after finding
it, a child that stats them on another core while the parent loads the Rakefile (``start``).
The answers seed the file system when the build starts (``RealFileSystem.seed``), and only
when nothing can have changed a file since the child looked: no task action ran and no built-in
asked to start a process or change a file while the Rakefile loaded (``safe_mode.guard`` counts
them in ``side_effects``). A file another program changes meanwhile is the race every build tool
has between checking a file and using it, only started a little earlier.

The child writes nothing but its answers on a pipe and always ends before pydrake does
(``collect`` and ``close`` reap it).
"""

from __future__ import annotations

import marshal
import os
import signal
from collections.abc import Mapping

from pydrake.syntax.private_cache import blake2b, cache_folder, read_entry, remove_entry, write_entry

FOLDER = "stats"  # in pydrake's private cache folder
MAX_PATHS = 200_000  # the most paths a record keeps (beyond, a record would cost more than it saves)
MAX_ENTRIES = 64  # records kept (one per Rakefile built recently)


def record_name(rakefile: str) -> str:
    """The entry for the Rakefile at ``rakefile`` (its absolute path, as it is built from its folder)."""
    return blake2b(os.fsencode(os.path.abspath(rakefile)), digest_size=16).hexdigest()


def worthwhile() -> bool:
    """Is there a second CPU for the child to use?"""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):  # pragma: no cover - platforms without affinity
        return (os.cpu_count() or 1) > 1


class StatPrefetch:
    """The child stat'ing one Rakefile's recorded paths; ``collect`` takes its answers."""

    def __init__(self, folder: str, name: str, pid: int | None, fd: int | None, had_record: bool) -> None:
        self.folder = folder
        self.name = name
        self._had_record = had_record
        self._pid = pid
        self._fd = fd
        self.recorded: dict[str, int | None] | None = None  # the child's answers, once collected
        self.cwd = os.getcwd()  # what the answers' relative paths are relative to

    def collect(self) -> dict[str, int | None] | None:
        """The answers (path -> mtime in nanoseconds, None when missing), waiting for the child; None
        when there was no record or the child failed."""
        fd, self._fd = self._fd, None
        if fd is None:
            return self.recorded
        chunks = []
        try:
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(fd)
        ok = self._reap(kill=False)
        try:
            answers = marshal.loads(b"".join(chunks)) if ok and chunks else None
        except (EOFError, ValueError, TypeError):
            answers = None
        self.recorded = answers if isinstance(answers, dict) else None
        return self.recorded

    def close(self) -> None:
        """Stop and reap the child if it still runs (the run ended before the build started)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._reap(kill=True)

    def _reap(self, kill: bool) -> bool:
        """Wait for the child (killing it first when ``kill``); did it end well?"""
        pid, self._pid = self._pid, None
        if pid is None:
            return False
        if kill:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        while True:
            try:
                _, status = os.waitpid(pid, 0)
            except InterruptedError:  # pragma: no cover - retried by Python itself since 3.5
                continue
            except ChildProcessError:
                return False
            return os.waitstatus_to_exitcode(status) == 0

    def record(self, paths: Mapping[str, object]) -> None:
        """Keep the keys of ``paths`` (asked about by a finished build) for the next build, unless
        already kept; a build that asked about nothing leaves no record (and no child next time)."""
        if not paths:
            if self._had_record:
                remove_entry(self.folder, self.name)
            return
        recorded = self.recorded
        if recorded is not None and recorded.keys() == paths.keys():
            return
        names = list(paths)[:MAX_PATHS]
        write_entry(self.folder, self.name, marshal.dumps(names), keep=MAX_ENTRIES)


def start(rakefile: str) -> StatPrefetch | None:
    """Fork the child stat'ing the paths recorded for ``rakefile`` (relative to the current folder);
    None when there is no second CPU or no private cache folder. Call before any thread starts."""
    folder = cache_folder(FOLDER) if worthwhile() else None
    if folder is None:
        return None
    name = record_name(rakefile)
    data = read_entry(folder, name)
    if data is None:
        return StatPrefetch(folder, name, None, None, False)
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return StatPrefetch(folder, name, None, None, True)
    try:  # room for the whole answer, so the child ends without waiting for the parent to read
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, min(max(len(data) * 2, 1 << 16), 1 << 20))
    except (ImportError, AttributeError, OSError):  # pragma: no cover - not Linux, or a lower limit
        pass
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return StatPrefetch(folder, name, None, None, True)
    if pid == 0:  # pragma: no cover - the child (its work is checked through what it sends)
        os.close(read_end)
        _child(data, write_end)
    os.close(write_end)
    return StatPrefetch(folder, name, pid, read_end, True)


def _child(data: bytes, fd: int) -> None:  # pragma: no cover - runs in the forked child
    """Stat every recorded path and send the answers on ``fd``; never returns."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the child quietly
        for std in (0, 1, 2):  # hold none of pydrake's streams: a reader waits for their end
            if std != fd:
                try:
                    os.close(std)
                except OSError:
                    pass
        paths = marshal.loads(data)
        answers: dict[str, int | None] = {}
        stat = os.stat
        for path in paths if isinstance(paths, list) else ():
            if type(path) is str:
                try:
                    answers[path] = stat(path).st_mtime_ns
                except OSError:
                    answers[path] = None
                except ValueError:  # a NUL in the name: the build's own question raises
                    pass
        view = memoryview(marshal.dumps(answers))
        while view:
            view = view[os.write(fd, view) :]
        status = 0
    finally:
        os._exit(status)
