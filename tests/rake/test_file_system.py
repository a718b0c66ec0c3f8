"""The real file system and the fake one answer the same questions."""

from __future__ import annotations

import os
from pathlib import Path

from pydrake.rake.file_system import FakeFileSystem, RealFileSystem


def test_real_file_system_reports_nanosecond_mtimes(tmp_path: Path) -> None:
    fs = RealFileSystem()
    path = tmp_path / "f.txt"
    assert fs.mtime_ns(str(path)) is None
    assert not fs.exists(str(path))
    path.write_text("x")
    os.utime(path, ns=(1_600_000_000_123_456_789, 1_600_000_000_123_456_789))
    assert fs.mtime_ns(str(path)) == 1_600_000_000_123_456_789
    assert fs.exists(str(path)) and not fs.isdir(str(path))
    fs.makedirs(str(tmp_path / "a" / "b"))
    assert fs.isdir(str(tmp_path / "a" / "b"))


def test_fake_file_system_tracks_files_dirs_and_stats() -> None:
    fs = FakeFileSystem()
    assert fs.mtime_ns("a.txt") is None
    fs.touch("a.txt", 5)
    assert fs.mtime_ns("./a.txt") == 5
    assert fs.exists("a.txt")
    fs.touch("b.txt")
    fs.touch("c.txt")
    assert fs.mtime_ns("c.txt") > fs.mtime_ns("b.txt")  # type: ignore[operator]
    fs.makedirs("out/sub")
    assert fs.isdir("out") and fs.isdir("out/sub") and not fs.isdir("a.txt")
    fs.remove("a.txt")
    assert not fs.exists("a.txt")
    assert fs.stats["a.txt"] == 5
