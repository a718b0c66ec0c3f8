"""FileUtils::Verbose, ::NoWrite and ::DryRun, as Rakefiles include them (`include FileUtils::Verbose`)."""

from __future__ import annotations

from pathlib import Path

from tests.runtime.rakefile_support import outcome, pydrake


def test_including_verbose_in_a_class_and_at_the_top_lists_the_tasks(tmp_path: Path) -> None:
    rakefile = (
        "include FileUtils::Verbose\n"
        "class Summary\n"
        "  include FileUtils::Verbose\n"
        "  def make(dir)\n"
        "    mkdir_p(dir)\n"
        "  end\n"
        "end\n"
        "desc 'Build'\n"
        "task :build\n"
    )
    assert outcome(tmp_path, rakefile, "-T") == (0, "pydrake build  # Build\n", "")


def test_verbose_echoes_and_acts_noop_modes_do_not_act(tmp_path: Path) -> None:
    rakefile = (
        "FileUtils::Verbose.mkdir_p('a/b')\n"
        "FileUtils::DryRun.rm_rf('a')\n"
        "FileUtils::NoWrite.rm_rf('a')\n"
        "p File.directory?('a/b'), FileUtils::NoWrite.pwd, FileUtils::Verbose.pwd == Dir.pwd\n"
        "class Maker\n"
        "  include FileUtils::Verbose\n"
        "  def go; touch 'a/t'; rm 'a/t', verbose: false; end\n"
        "end\n"
        "Maker.new.go\n"
        "p FileUtils::Verbose.ancestors.include?(FileUtils), File.exist?('a/t')\n"
        "task :default\n"
    )
    result = pydrake(tmp_path, rakefile, "-P")
    assert result.stdout == (
        "mkdir -p a/b\nrm -rf a\ntrue\nnil\ntrue\ntouch a/t\nrm a/t\ntrue\nfalse\npydrake default\n"
    )
    assert (result.returncode, result.stderr) == (0, "")
