"""Every sample in sample_rakefiles/ runs as its comments promise, through the installed command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "sample_rakefiles"


def pydrake(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("pydrake")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pydrake"]
    return subprocess.run(cmd + list(args), cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def sample(tmp_path):
    def copy(name: str) -> Path:
        dest = tmp_path / name
        # A build the README's first command ran in the checkout leaves outputs: copy the sources only.
        shutil.copytree(SAMPLES / name, dest, ignore=shutil.ignore_patterns("obj", "bin", "out", "build"))
        return dest

    return copy


def test_hello_runs_default_and_takes_env_assignments(sample):
    folder = sample("hello")
    result = pydrake(folder)
    assert result.returncode == 0
    assert result.stdout == "Hello, world!\nDone.\n"
    assert pydrake(folder, "greet", "NAME=Rake user").stdout == "Hello, Rake user!\n"


def test_hello_lists_described_tasks(sample):
    result = pydrake(sample("hello"), "-T")
    assert result.stdout.splitlines() == [
        "pydrake default  # Greet the world",
        "pydrake greet    # Print a greeting (NAME=you to change who is greeted)",
    ]


@pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler")
def test_c_project_builds_then_is_up_to_date(sample):
    folder = sample("c_project")
    first = pydrake(folder)
    assert first.returncode == 0, first.stderr
    compiled = [line for line in first.stderr.splitlines() if " -c src/" in line]
    assert len(compiled) == 3
    assert (folder / "bin" / "app").exists()
    assert subprocess.run([str(folder / "bin" / "app")], capture_output=True, text=True).stdout == (
        "Hello from pydrake!\n6 * 7 = 42\n"
    )
    second = pydrake(folder)
    assert second.returncode == 0
    assert second.stdout == "" and second.stderr == ""
    # Touching one header rebuilds only the objects that include it, then the link.
    (folder / "src" / "mathx.h").touch()
    third = pydrake(folder)
    rebuilt = [line.split()[line.split().index("-o") + 1] for line in third.stderr.splitlines()]
    assert rebuilt == ["obj/main.o", "obj/mathx.o", "bin/app"]


@pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler")
def test_c_project_clobber_removes_products(sample):
    folder = sample("c_project")
    assert pydrake(folder).returncode == 0
    assert pydrake(folder, "clobber").returncode == 0
    assert not (folder / "obj").exists() and not (folder / "bin").exists()


def test_namespaces_run_in_dependency_order(sample):
    folder = sample("namespaces")
    result = pydrake(folder)
    assert result.stdout.splitlines() == [
        "db: created",
        "db: migrated to latest",
        "db: seeded sample data",
        "assets:compile: compiled (scope assets)",
    ]
    assert pydrake(folder, "db:migrate", "VERSION=7").stdout.splitlines()[-1] == "db: migrated to 7"


def test_unsafe_parallel_sample_builds_sequentially_and_lint_names_the_fix(sample):
    folder = sample("unsafe_parallel")
    result = pydrake(folder)
    assert result.returncode == 0
    assert (folder / "build" / "VERSION").read_text() == "1.0\n"
    lint = pydrake(folder, "--lint")
    assert lint.returncode == 1
    assert lint.stdout.startswith("Rakefile:19: order-reliance: task 'package' reads 'build/version.txt'")
    assert "  fix: task :package => :stamp" in lint.stdout


def test_unsafe_parallel_sample_is_clean_once_fixed(sample):
    folder = sample("unsafe_parallel")
    rakefile = folder / "Rakefile"
    rakefile.write_text(rakefile.read_text().replace("task :package do", "task :package => :stamp do"))
    lint = pydrake(folder, "--lint")
    assert lint.returncode == 0, lint.stdout


def python(cwd: Path, script: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SAMPLES.parent), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, script], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_python_api_sample_adds_a_python_task_and_reports_each_task(sample):
    folder = sample("python_api")
    first = python(folder, "build.py")
    assert first.returncode == 0, first.stderr
    *tasks, summary = first.stdout.splitlines()
    assert tasks == [
        "executed  build",
        "          | mkdir -p build",
        "skipped   chapters/1-start.txt",
        "skipped   chapters/2-middle.txt",
        "skipped   chapters/3-end.txt",
        "executed  build/book.txt",
        "          | joined 3 chapters",
        "executed  stats",
        "          | counted 3 chapters",
    ]
    assert summary.startswith("3 executed, 3 skipped in ")
    assert (folder / "build" / "stats.txt").read_text() == "1-start.txt: 12\n2-middle.txt: 13\n3-end.txt: 10\nbook: 35\n"
    second = python(folder, "build.py")
    assert [line.split()[0] for line in second.stdout.splitlines()[:-1]] == ["skipped"] * 6
    # An edited chapter rebuilds the book (a Rakefile file task), then the statistics (the Python task).
    chapter = folder / "chapters" / "2-middle.txt"
    chapter.write_text("Two words.\n")
    later = (folder / "build" / "book.txt").stat().st_mtime_ns + 10**9
    os.utime(chapter, ns=(later, later))
    third = python(folder, "build.py")
    assert [line for line in third.stdout.splitlines() if line.startswith("executed")] == [
        "executed  build/book.txt",
        "executed  stats",
    ]
    assert "2-middle.txt: 2\n" in (folder / "build" / "stats.txt").read_text()
