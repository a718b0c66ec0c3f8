"""The file-system questions tasks ask (mtime, existence), behind a small interface with a fake."""

from __future__ import annotations

import os
import posixpath
from collections import Counter
from collections.abc import Mapping
from typing import Protocol


class FileSystem(Protocol):
    """What file and rule resolution need from the disk."""

    def mtime_ns(self, path: str) -> int | None:
        """The modification time in nanoseconds (following symlinks), or None when ``path`` does not exist."""
        ...

    def exists(self, path: str) -> bool:
        """Does ``path`` exist (Ruby's ``File.exist?``)?"""
        ...

    def isdir(self, path: str) -> bool:
        """Is ``path`` a directory?"""
        ...

    def makedirs(self, path: str) -> None:
        """Create ``path`` and its missing parents (no error when it exists)."""
        ...


_UNKNOWN = object()


class RealFileSystem:
    """The operating system's file system, relative to the current directory.

    While ``remember`` is on (a build, once the Rakefile is loaded) each path is stat'ed once:
    the answer is kept until a task action runs (``changed``), since only actions change files
    during a build.  A stat that started before a change is never kept (``generation``), so a
    build on worker threads cannot keep an answer older than the last action.  ``seed`` hands
    in answers found before the build (``stat_prefetch``); they count as asked once used and
    are dropped with the rest at the first change.
    """

    def __init__(self) -> None:
        self.remember = False
        self.generation = 0
        self._mtimes: dict[str, int | None] = {}
        self._seeded: dict[str, int | None] = {}
        self._seeding = (-1, 0)  # the generation and number of the last seeds
        self._asked: dict[str, None] = {}  # paths asked about before the last change, in order

    def changed(self) -> None:
        """Files may have changed (an action ran): forget every remembered answer."""
        self.generation += 1
        self._seeded = {}
        if self._mtimes:
            # dict.update copies without running Python code, so no other thread interleaves.
            self._asked.update(dict.fromkeys(self._mtimes))
            self._mtimes.clear()

    def seed(self, answers: dict[str, int | None]) -> None:
        """Answers (path -> mtime in nanoseconds or None) known to hold now, to use instead of a stat."""
        self._seeded = answers
        self._seeding = (self.generation, len(answers))

    def asked_as_seeded(self) -> bool:
        """Were exactly the seeded paths asked about (each seed used, no other path), with no change since?"""
        generation, count = self._seeding
        return generation == self.generation and not self._seeded and len(self._mtimes) == count

    def asked(self) -> Mapping[str, object]:
        """Every path asked about while remembering (seeded answers only once used), in order, as
        the keys of a dict (read, never change, it)."""
        if not self._asked:
            return self._mtimes
        return {**self._asked, **self._mtimes}

    def mtime_ns(self, path: str) -> int | None:
        """The modification time in nanoseconds, or None when ``path`` cannot be stat'ed."""
        remember = self.remember
        generation = self.generation
        value: object = _UNKNOWN
        if remember:
            known = self._mtimes.get(path, _UNKNOWN)
            if known is not _UNKNOWN:
                return known  # type: ignore[return-value]
            value = self._seeded.pop(path, _UNKNOWN) if self._seeded else _UNKNOWN
        if value is _UNKNOWN:
            try:
                value = os.stat(path).st_mtime_ns
            except OSError:
                value = None
        if remember and generation == self.generation:
            self._mtimes[path] = value  # type: ignore[assignment]
            if generation != self.generation:  # an action ended meanwhile: the answer may be stale
                self._mtimes.pop(path, None)
        return value  # type: ignore[return-value]

    def exists(self, path: str) -> bool:
        """Does ``path`` exist (following symlinks)?"""
        return self.mtime_ns(path) is not None

    def isdir(self, path: str) -> bool:
        """Is ``path`` a directory?"""
        return os.path.isdir(path)

    def makedirs(self, path: str) -> None:
        """Create ``path`` and its parents."""
        os.makedirs(path, exist_ok=True)


class FakeFileSystem:
    """An in-memory file system for tests: paths with mtimes, a clock, and a count of stats per path."""

    def __init__(self) -> None:
        self.files: dict[str, int] = {}
        self.dirs: dict[str, int] = {}
        self.clock = 1_000_000_000_000_000_000
        self.stats: Counter[str] = Counter()

    @staticmethod
    def _key(path: str) -> str:
        return posixpath.normpath(path)

    def tick(self) -> int:
        """Advance the fake clock by one second and return it."""
        self.clock += 1_000_000_000
        return self.clock

    def touch(self, path: str, mtime_ns: int | None = None) -> None:
        """Create or update a file, at ``mtime_ns`` or the next clock tick."""
        self.files[self._key(path)] = self.tick() if mtime_ns is None else mtime_ns

    def mkdir(self, path: str, mtime_ns: int | None = None) -> None:
        """Create a directory, at ``mtime_ns`` or the next clock tick."""
        self.dirs[self._key(path)] = self.tick() if mtime_ns is None else mtime_ns

    def remove(self, path: str) -> None:
        """Delete a file or directory if present."""
        self.files.pop(self._key(path), None)
        self.dirs.pop(self._key(path), None)

    def mtime_ns(self, path: str) -> int | None:
        """The recorded mtime, or None when absent; counts one stat."""
        key = self._key(path)
        self.stats[key] += 1
        if key in self.files:
            return self.files[key]
        return self.dirs.get(key)

    def exists(self, path: str) -> bool:
        """Is the path recorded? Counts one stat."""
        return self.mtime_ns(path) is not None

    def isdir(self, path: str) -> bool:
        """Is the path a recorded directory? Counts one stat."""
        key = self._key(path)
        self.stats[key] += 1
        return key in self.dirs

    def makedirs(self, path: str) -> None:
        """Record ``path`` and its parents as directories."""
        key = self._key(path)
        while key not in ("", ".", "/") and key not in self.dirs:
            self.mkdir(key)
            key = posixpath.dirname(key)
