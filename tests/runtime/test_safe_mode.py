"""``--safe`` in the runtime: the guard every process-starting or file-changing built-in asks, and the audit hook behind it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pydrake.runtime import safe_mode
from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RString


@pytest.fixture
def rt() -> Interpreter:
    interp = Interpreter()
    interp.push_output(None, io.StringIO())
    return interp


@contextmanager
def safe(rt: Interpreter) -> Iterator[Interpreter]:
    """``rt`` with --safe on inside the block (write the test's files before entering it)."""
    safe_mode.arm(rt)
    try:
        yield rt
    finally:
        safe_mode.disarm(rt)


@pytest.fixture(autouse=True)
def cache_under_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pydrake's cache folder, the one place the audit hook lets writes through, under tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_the_guard_lets_everything_through_when_safe_mode_is_off(rt: Interpreter) -> None:
    assert safe_mode.guard(rt, "sh", [RString("make")]) is False
    assert rt.stderr.getvalue() == ""


def test_the_guard_reports_each_skipped_call_with_file_and_line(rt: Interpreter, tmp_path: Path) -> None:
    rakefile = tmp_path / "Rakefile"
    rakefile.write_text('x = 1\nputs system("touch", "made")\n')
    with safe(rt):
        rt.load_file(str(rakefile))
    text = rt.stderr.getvalue()
    assert text == f'pydrake: --safe: skipped system "touch", "made" at {rakefile}:2\n'
    assert not (tmp_path / "made").exists()


def test_a_location_below_the_current_folder_is_shown_relative(
    rt: Interpreter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Rakefile").write_text("\n\n`date`\n")
    with safe(rt):
        rt.load_file(str(tmp_path / "Rakefile"))
    assert rt.stderr.getvalue() == 'pydrake: --safe: skipped backticks "date" at Rakefile:3\n'


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("`echo hi`", '""'),
        ("%x(echo hi)", '""'),
        ('system("true")', "nil"),
        ('spawn("true")', "nil"),
        ('IO.popen("echo hi") { |io| io.read }', "nil"),
        ('File.write("f.txt", "data")', "0"),
        ('File.open("f.txt", "w") { |f| f.puts "x" }', "nil"),
        ('File.delete("keep.txt")', "0"),
        ('File.rename("keep.txt", "moved.txt")', "0"),
        ('Dir.mkdir("d")', "0"),
        ("Dir.mktmpdir { |d| d }", "nil"),
        ('FileUtils.rm_rf("keep.txt")', "nil"),
        ('FileUtils.mkdir_p("a/b")', "nil"),
        ('FileUtils.touch("t.txt")', "nil"),
        ('FileUtils.cp("keep.txt", "copy.txt")', "nil"),
        ('require "open3"; Open3.capture2("echo hi")', '["", nil]'),
        ('require "zlib"; Zlib::GzipWriter.open("z.gz") { |gz| gz.write "x" }', "nil"),
        ("Process.kill(0, Process.pid)", "0"),
    ],
)
def test_each_skipped_call_returns_an_empty_value_and_changes_nothing(
    rt: Interpreter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    (tmp_path / "keep.txt").write_text("kept")
    before = sorted(p.name for p in tmp_path.iterdir())
    with safe(rt):
        result = rt.eval_source(f"require 'fileutils'; require 'tmpdir'; ({code}).inspect")
    assert result.s == value
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "keep.txt").read_text() == "kept"
    assert rt.stderr.getvalue().startswith("pydrake: --safe: skipped ")


def test_reading_stays_allowed(rt: Interpreter, tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("text")
    with safe(rt):
        assert rt.eval_source(f'File.read("{tmp_path}/in.txt")').s == "text"
        assert rt.eval_source(f'File.open("{tmp_path}/in.txt") {{ |f| f.read }}').s == "text"
    assert rt.stderr.getvalue() == ""


def test_the_audit_hook_refuses_what_a_guard_missed(rt: Interpreter, tmp_path: Path) -> None:
    with safe(rt), pytest.raises(safe_mode.SafeModeViolation, match="for writing"):
        open(tmp_path / "x.txt", "w")
    with safe(rt), pytest.raises(safe_mode.SafeModeViolation, match="subprocess.Popen"):
        subprocess.run(["true"])
    with safe(rt), pytest.raises(safe_mode.SafeModeViolation, match="os.system"):
        os.system("true")
    with safe(rt), pytest.raises(safe_mode.SafeModeViolation, match="os.mkdir"):
        os.mkdir(tmp_path / "d")
    with safe(rt), pytest.raises(safe_mode.SafeModeViolation, match="os.remove"):
        os.remove(tmp_path / "nothing")
    assert sorted(tmp_path.iterdir()) == []


def test_the_audit_hook_lets_pydrake_write_its_cache(rt: Interpreter, tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "pydrake" / "ast"
    with safe(rt):
        os.makedirs(folder)  # the cache folder and the folders above it may be created
        with open(folder / "entry.tmp", "wb") as f:
            f.write(b"x")
        os.replace(folder / "entry.tmp", folder / "entry")
        os.remove(folder / "entry")
        with open(os.devnull, "w") as sink:
            sink.write("x")
        assert sys.dont_write_bytecode is True
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["ast", "cache", "pydrake"]


def test_disarming_restores_normal_operation(rt: Interpreter, tmp_path: Path) -> None:
    flag = sys.dont_write_bytecode
    safe_mode.arm(rt)
    assert safe_mode.armed() and safe_mode.enabled(rt)
    safe_mode.disarm(rt)
    assert not safe_mode.armed() and not safe_mode.enabled(rt)
    assert sys.dont_write_bytecode is flag
    (tmp_path / "x.txt").write_text("written")
    assert subprocess.run(["true"]).returncode == 0
