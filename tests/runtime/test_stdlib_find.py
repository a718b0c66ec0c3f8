"""require "find": Find.find walks trees depth-first with sorted names; Find.prune skips a directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.test_interpreter_support import out


def test_find_and_prune(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'find'

    require 'fileutils'
    FileUtils.mkdir_p(["t/b/deep", "t/a"])
    FileUtils.touch(["t/b/deep/x", "t/a/y", "t/z"])
    Find.find("t") { |f| p f }
    p Find.find("t/").to_a, Find.find("t/z", "t/a").to_a
    Find.find("t") { |f| Find.prune if f == "t/b"; puts "saw #{f}" }
    p((Find.find("nope") { } rescue $!), Find.find("t/z") { }, (Find.prune rescue $!))
    """
    assert out(src) == (
        '"t"\n'
        '"t/a"\n'
        '"t/a/y"\n'
        '"t/b"\n'
        '"t/b/deep"\n'
        '"t/b/deep/x"\n'
        '"t/z"\n'
        '["t/", "t/a", "t/a/y", "t/b", "t/b/deep", "t/b/deep/x", "t/z"]\n'
        '["t/z", "t/a", "t/a/y"]\n'
        "saw t\n"
        "saw t/a\n"
        "saw t/a/y\n"
        "saw t/z\n"
        "#<Errno::ENOENT: No such file or directory - nope>\n"
        "nil\n"
        "#<UncaughtThrowError: uncaught throw :prune>\n"
    )
