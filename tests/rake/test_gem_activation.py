"""Kernel#gem: the newest installed version meeting the requirements is activated once; RubyGems' errors otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from pydrake.rake import gem_activation
from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RString, RubyError
from tests.runtime.rakefile_support import pydrake


def gem_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A $GEM_PATH with foo 1.0, 1.5 and 2.0 (one for a platform), a $GEM_HOME, default gems with bar 0.1."""
    path, home, defaults = tmp_path / "path", tmp_path / "home", tmp_path / "default"
    for folder in (path / "specifications", home / "specifications", defaults):
        folder.mkdir(parents=True)
    for name in ("foo-1.0", "foo-1.5", "foo-2.0-x86_64-linux", "net-http-0.2.0"):
        (path / "specifications" / f"{name}.gemspec").write_text("")
    (defaults / "bar-0.1.gemspec").write_text("")
    monkeypatch.setenv("GEM_PATH", str(path))
    monkeypatch.setenv("GEM_HOME", str(home))
    monkeypatch.setattr(gem_activation, "DEFAULT_SPECS_DIR", str(defaults))
    return path, home


def gem(rt: Interpreter, *args: str) -> bool | str:
    """``gem(*args)``, or the class and message of what it raised."""
    try:
        return gem_activation.kernel_gem(rt, None, *[RString(a) for a in args])
    except RubyError as e:
        return f"{rt.real_class(e.exc).name}: {rt.to_s(rt.call(e.exc, 'message'))}"


def test_activation_picks_the_newest_match_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gem_dirs(tmp_path, monkeypatch)
    rt = Interpreter()
    assert gem(rt, "foo", "< 2") is True
    assert gem(rt, "foo", "~> 1.4") is False  # 1.5, already active, meets it
    assert gem(rt, "bar") is True  # a default gem
    assert gem(rt, "net-http", "0.2.0") is True
    assert gem(Interpreter(), "foo") is True


def test_missing_gems_and_versions_are_reported_as_rubygems_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, home = gem_dirs(tmp_path, monkeypatch)
    rt = Interpreter()
    checked = f"Checked in 'GEM_PATH={path}:{home}' , execute `gem env` for more information"
    assert gem(rt, "foo", "~> 3") == (
        f"Gem::MissingSpecVersionError: Could not find 'foo' (~> 3) - did find: [foo-2.0,foo-1.5,foo-1.0]\n{checked}"
    )
    assert gem(rt, "nope") == f"Gem::MissingSpecError: Could not find 'nope' (>= 0) among 5 total gem(s)\n{checked}"
    assert gem(rt, "nope", ">= 1", "< 2") == (
        f"Gem::MissingSpecError: Could not find 'nope' (>= 1, < 2) among 5 total gem(s)\n{checked}"
    )


def test_a_rakefile_activating_rdoc_lists_its_tasks(tmp_path: Path) -> None:
    specs = tmp_path / "gems" / "specifications"
    specs.mkdir(parents=True)
    (specs / "rdoc-6.4.1.1.gemspec").write_text("")
    rakefile = (
        'gem "rdoc", "~> 6.4"\n'
        "require 'rdoc/rdoc'\n"
        "require 'rdoc/task'\n"
        "RDoc::Task.new(:doc)\n"
        'desc "RDoc #{RDoc::VERSION}"\n'
        "task :version\n"
    )
    result = pydrake(tmp_path, rakefile, "-T", env={"GEM_PATH": str(tmp_path / "gems")})
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "pydrake clobber_doc  # Remove RDoc HTML files\n"
        "pydrake doc          # Build RDoc HTML files\n"
        "pydrake redoc        # Rebuild RDoc HTML files\n"
        "pydrake version      # RDoc 6.4.1.1\n"
    )
