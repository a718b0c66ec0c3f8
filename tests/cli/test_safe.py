"""``pydrake --safe`` end to end: the listing of a Rakefile whose loading runs commands and changes files.

An audit hook in this test process records every process start and every file opened for
writing while pydrake runs in-process, and a snapshot of the project (names, times, contents)
is compared before and after.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pydrake.runtime import safe_mode
from tests.lint.rakefiles import run_cli, write_project

HOSTILE = """\
require "fileutils"
VERSION = `git describe --tags`.strip
system "touch system-ran"
sh "touch sh-ran"
FileUtils.rm_rf "keep"
File.write "written.txt", "data"
mkdir_p "made/deeper"
rm "keep/a.txt"
touch "touched"
File.open("opened.txt", "w") { |f| f.puts "x" }
x = %x(touch backticks-ran)
ruby "-e", "File.write('ruby-ran', '')"
puts "values: #{VERSION.inspect} #{x.inspect}"

desc "Build the thing"
task :build do
  sh "make"
end

namespace :db do
  desc "Migrate"
  task :migrate
end
"""

WARNINGS = [
    'pydrake: --safe: skipped backticks "git describe --tags" at Rakefile:2',
    'pydrake: --safe: skipped system "touch system-ran" at Rakefile:3',
    'pydrake: --safe: skipped sh "touch sh-ran" at Rakefile:4',
    'pydrake: --safe: skipped rm_rf "keep" at Rakefile:5',
    'pydrake: --safe: skipped File.write "written.txt" at Rakefile:6',
    'pydrake: --safe: skipped mkdir_p "made/deeper" at Rakefile:7',
    'pydrake: --safe: skipped rm "keep/a.txt" at Rakefile:8',
    'pydrake: --safe: skipped touch "touched" at Rakefile:9',
    'pydrake: --safe: skipped File.open "opened.txt", "w" at Rakefile:10',
    'pydrake: --safe: skipped backticks "touch backticks-ran" at Rakefile:11',
    "pydrake: --safe: skipped ruby \"-e\", \"File.write('ruby-ran', '')\" at Rakefile:12",
]


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path below ``folder`` with its modification time and, for a file, its contents."""
    out = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        out[str(path.relative_to(folder))] = (st.st_mtime_ns, path.read_bytes() if path.is_file() else None)
    return out


_recording: list[tuple[str, str]] | None = None
_cache_folders: list[str] = []
_hook_installed = False

_PROCESS_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty"}
_CHANGE_EVENTS = {
    "os.remove",
    "os.rename",
    "os.mkdir",
    "os.rmdir",
    "os.utime",
    "os.chmod",
    "os.truncate",
    "shutil.rmtree",
}


def _record(event: str, args: tuple) -> None:
    if _recording is None:
        return
    if event in _PROCESS_EVENTS:
        _recording.append((event, repr(args)[:200]))
    elif event in _CHANGE_EVENTS and not _in_cache(args[0]):
        _recording.append((event, repr(args)[:200]))
    elif event == "open" and len(args) >= 3 and isinstance(args[2], int) and not isinstance(args[0], int):
        if args[2] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND) and not _in_cache(args[0]):
            _recording.append((event, repr(args)[:200]))


def _in_cache(path: object) -> bool:
    """Is ``path`` in one of pydrake's own cache folders (written by design, outside the project)?"""
    try:
        full = os.path.abspath(os.fsdecode(path))  # type: ignore[arg-type]
    except TypeError:
        return False
    return any(full.startswith(folder + os.sep) or full == folder for folder in _cache_folders)


@contextmanager
def recorded() -> Iterator[list[tuple[str, str]]]:
    """The process starts and file changes the process attempts inside the block."""
    global _recording, _hook_installed
    if not _hook_installed:
        sys.addaudithook(_record)  # audit hooks cannot be removed: this one records only inside the block
        _hook_installed = True
    _cache_folders[:] = safe_mode.cache_folders()
    _recording = []
    try:
        yield _recording
    finally:
        _recording = None


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project, with pydrake's own cache outside it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PYDRAKE_NO_CACHE", "1")
    monkeypatch.delenv("RAKEOPT", raising=False)
    folder = write_project(tmp_path / "project", HOSTILE, {"keep/a.txt": "kept\n"})
    return folder


@pytest.mark.parametrize("listing", [["-T"], ["-AT"], ["-P"], ["-W"], ["-D"], ["--lint"], ["--graph"]])
def test_safe_listing_spawns_nothing_and_changes_no_file(hostile: Path, listing: list[str]) -> None:
    before = snapshot(hostile)
    with recorded() as attempts:
        status, out, err = run_cli(hostile, "--safe", *listing)
    assert attempts == []
    assert snapshot(hostile) == before
    assert status == 0, err
    assert err.splitlines() == WARNINGS
    assert out.startswith('values: "" ""\n')
    assert ("lint: no finding (2 tasks" if listing == ["--lint"] else "db:migrate") in out


def test_safe_task_listing_is_the_plain_listing(hostile: Path) -> None:
    status, out, _ = run_cli(hostile, "--safe", "-T")
    assert status == 0
    assert out.splitlines()[1:] == ["pydrake build       # Build the thing", "pydrake db:migrate  # Migrate"]


@pytest.mark.parametrize("argv", [["--safe"], ["--safe", "build"], ["--safe", "-j", "4"], ["--safe", "--lint-trace"]])
def test_safe_refuses_a_build(hostile: Path, argv: list[str]) -> None:
    before = snapshot(hostile)
    with recorded() as attempts:
        status, out, err = run_cli(hostile, *argv)
    assert (status, out) == (2, "")
    assert err == (
        "pydrake: --safe only inspects a Rakefile: use it with -T, -D, -W, -P, -n, --graph or --lint"
        " (it never runs a build)\n"
    )
    assert attempts == [] and snapshot(hostile) == before


def test_a_dry_run_is_an_inspection(hostile: Path) -> None:
    before = snapshot(hostile)
    with recorded() as attempts:
        status, out, err = run_cli(hostile, "--safe", "-n", "build")
    assert status == 0
    assert attempts == [] and snapshot(hostile) == before
    assert "** Execute (dry run) build" in err


def test_without_safe_the_same_rakefile_does_run_its_commands(hostile: Path) -> None:
    (hostile / "Rakefile").write_text('system "touch system-ran"\ntask :a\n')
    with recorded() as attempts:
        status, _, _ = run_cli(hostile, "-T")
    assert status == 0
    assert any(event == "subprocess.Popen" for event, _ in attempts)
    assert (hostile / "system-ran").exists()


def test_an_import_made_by_a_task_is_not_built(hostile: Path) -> None:
    (hostile / "Rakefile").write_text(
        'import "deps.rake"\nfile "deps.rake" do\n  sh "echo task :generated > deps.rake"\nend\ntask :a\n'
    )
    before = snapshot(hostile)
    with recorded() as attempts:
        status, out, err = run_cli(hostile, "--safe", "-AT")
    assert status == 0
    assert attempts == [] and snapshot(hostile) == before
    assert "pydrake: --safe: skipped the task making import deps.rake (missing: not loaded)\n" in err
    assert "pydrake a " in out


def test_a_built_in_without_its_guard_is_stopped_by_the_audit_hook(
    hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pydrake.runtime.classes import KERNEL

    def unguarded_write(rt: object, recv: object, path: object, block: object = None) -> None:
        with open(str(path), "w") as f:  # a file written behind the guards' back
            f.write("x")

    monkeypatch.setitem(KERNEL.methods, "unguarded_write", unguarded_write)
    (hostile / "Rakefile").write_text('unguarded_write "sneaky.txt"\ntask :a\n')
    before = snapshot(hostile)
    status, out, err = run_cli(hostile, "--safe", "-T")
    assert status == 1 and out == ""
    assert err.startswith("pydrake aborted!\nSafeModeViolation: --safe refused to open ")
    assert "sneaky.txt' for writing (a built-in lacks its guard)" in err
    assert snapshot(hostile) == before
    assert run_cli(hostile, "-T")[0] == 0 and (hostile / "sneaky.txt").read_text() == "x"  # without --safe it writes
