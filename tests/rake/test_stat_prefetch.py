"""The stat prefetch: paths recorded by one build are stat'ed by a child while the next one loads,
and the answers are used only when nothing can have changed a file since."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pydrake.rake import stat_prefetch
from pydrake.rake.file_system import RealFileSystem

REPO = Path(__file__).resolve().parents[2]
SECOND = 1_000_000_000

needs_two_cpus = pytest.mark.skipif(not stat_prefetch.worthwhile(), reason="the prefetch runs only with a second CPU")


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder, and the project folder as the current one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PYDRAKE_NO_CACHE", raising=False)
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return tmp_path / "cache"


def set_mtime(path: Path, seconds: int) -> None:
    os.utime(path, ns=(seconds * SECOND, seconds * SECOND))


def child_is_gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@needs_two_cpus
def test_recorded_paths_come_back_stated(cache: Path) -> None:
    Path("a.txt").write_text("a")
    set_mtime(Path("a.txt"), 1_000)
    first = stat_prefetch.start("Rakefile")
    assert first is not None and first.collect() is None  # nothing recorded yet: no child
    first.record({"a.txt": None, "missing.txt": None})
    second = stat_prefetch.start("Rakefile")
    assert second is not None
    assert second.collect() == {"a.txt": 1_000 * SECOND, "missing.txt": None}
    assert second.collect() == {"a.txt": 1_000 * SECOND, "missing.txt": None}  # kept once collected


@needs_two_cpus
def test_a_build_asking_nothing_removes_the_record(cache: Path) -> None:
    stat_prefetch.start("Rakefile").record({"a.txt": None})  # type: ignore[union-attr]
    prefetch = stat_prefetch.start("Rakefile")
    assert prefetch is not None and prefetch.collect() == {"a.txt": None}
    prefetch.record({})
    assert not any((cache / "pydrake" / stat_prefetch.FOLDER).iterdir())
    assert stat_prefetch.start("Rakefile").collect() is None  # type: ignore[union-attr]


@needs_two_cpus
def test_close_stops_and_reaps_the_child(cache: Path) -> None:
    stat_prefetch.start("Rakefile").record({f"f{i}": None for i in range(50_000)})  # type: ignore[union-attr]
    prefetch = stat_prefetch.start("Rakefile")
    assert prefetch is not None
    pid = prefetch._pid
    assert pid is not None
    prefetch.close()
    assert child_is_gone(pid)
    assert prefetch.collect() is None


def test_a_damaged_record_is_no_answer(cache: Path) -> None:
    prefetch = stat_prefetch.start("Rakefile")
    if prefetch is None:
        pytest.skip("the prefetch runs only with a second CPU")
    folder = cache / "pydrake" / stat_prefetch.FOLDER
    (folder / stat_prefetch.record_name("Rakefile")).write_bytes(b"\x00not marshal")
    (folder / stat_prefetch.record_name("Rakefile")).chmod(0o600)
    assert stat_prefetch.start("Rakefile").collect() is None  # type: ignore[union-attr]


def test_no_cache_no_prefetch(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYDRAKE_NO_CACHE", "1")
    assert stat_prefetch.start("Rakefile") is None


def test_seeded_answers_replace_stats_until_a_change(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("x")
    set_mtime(path, 2_000)
    fs = RealFileSystem()
    fs.remember = True
    fs.seed({str(path): 1_000 * SECOND, "unused": None})
    assert fs.mtime_ns(str(path)) == 1_000 * SECOND  # the seed, not the disk
    assert list(fs.asked()) == [str(path)]  # a seed counts once used
    assert not fs.asked_as_seeded()  # one seed never asked for
    fs.changed()
    assert fs.mtime_ns(str(path)) == 2_000 * SECOND  # seeds go with the first change
    assert fs.mtime_ns("unused") is None


def test_asked_as_seeded_only_when_every_seed_and_nothing_else_was_asked(tmp_path: Path) -> None:
    fs = RealFileSystem()
    fs.remember = True
    fs.seed({"a": None, "b": None})
    fs.mtime_ns("a")
    fs.mtime_ns("b")
    assert fs.asked_as_seeded()
    fs.mtime_ns(str(tmp_path / "other"))
    assert not fs.asked_as_seeded()


def test_asked_keeps_paths_from_before_a_change() -> None:
    fs = RealFileSystem()
    fs.remember = True
    fs.mtime_ns("one")
    fs.changed()
    fs.mtime_ns("two")
    fs.mtime_ns("one")
    assert list(fs.asked()) == ["one", "two"]


# ------------------------------------------------------------------ whole builds

RAKEFILE = """
if ENV["TOUCH_AT_LOAD"]
  File.write("src.txt", "new")
end
file "out.txt" => "src.txt" do
  sh "cp src.txt out.txt"
end
task :default => "out.txt"
"""


def pydrake(folder: Path, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(cache), **env}
    environ.pop("PYDRAKE_NO_CACHE", None)
    return subprocess.run([sys.executable, "-m", "pydrake"], cwd=folder, capture_output=True, text=True, env=environ, timeout=60)


@needs_two_cpus
def test_a_file_the_rakefile_changes_while_loading_is_seen(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "Rakefile").write_text(RAKEFILE)
    (folder / "src.txt").write_text("old")
    set_mtime(folder / "src.txt", 1_000)
    first = pydrake(folder, cache)
    assert first.returncode == 0 and "cp src.txt out.txt" in first.stderr
    set_mtime(folder / "out.txt", 2_000)
    again = pydrake(folder, cache)  # a null build, from the recorded paths
    assert again.returncode == 0 and again.stderr == ""
    assert any((cache / "pydrake" / stat_prefetch.FOLDER).iterdir())
    # The child stats src.txt (old) while the Rakefile rewrites it: its answer must not be used.
    changed = pydrake(folder, cache, TOUCH_AT_LOAD="1")
    assert changed.returncode == 0, changed.stderr
    assert "cp src.txt out.txt" in changed.stderr
    assert (folder / "out.txt").read_text() == "new"


@needs_two_cpus
def test_a_project_loaded_through_the_api_starts_no_child(cache: Path) -> None:
    import pydrake

    Path("Rakefile").write_text('file "out.txt" => "src.txt"\n')
    stat_prefetch.start(os.path.abspath("Rakefile")).record({"src.txt": None})  # type: ignore[union-attr]
    project = pydrake.load(".")
    assert project._application.prefetch is None  # nobody would reap it: the API never forks one
