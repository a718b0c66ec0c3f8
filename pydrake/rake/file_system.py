"""The file-system questions tasks ask (mtime, existence), behind a small interface with a fake."""

from __future__ import annotations

import os
import posixpath
from collections import Counter
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


class RealFileSystem:
    """The operating system's file system, relative to the current directory."""

    def mtime_ns(self, path: str) -> int | None:
        """The modification time in nanoseconds, or None when ``path`` cannot be stat'ed."""
        try:
            return os.stat(path).st_mtime_ns
        except OSError:
            return None

    def exists(self, path: str) -> bool:
        """Does ``path`` exist?"""
        return os.path.exists(path)

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
