"""The ``pydrake`` command ends its process without tearing the heap down, and loses nothing doing so."""

from __future__ import annotations

from pathlib import Path

from tests.runtime.rakefile_support import pydrake


def test_a_file_left_open_keeps_everything_written_to_it(tmp_path: Path) -> None:
    rakefile = (
        'task :default do\n'
        '  f = File.open("open.txt", "w")\n'
        '  f.write("x" * 100)\n'
        '  f.print("end\\n")\n'
        '  $keep = File.open("kept.txt", "a")\n'
        '  $keep.puts "kept"\n'
        '  puts "done"\n'
        'end\n'
    )
    result = pydrake(tmp_path, rakefile)
    assert (result.returncode, result.stdout, result.stderr) == (0, "done\n", "")
    assert (tmp_path / "open.txt").read_text() == "x" * 100 + "end\n"
    assert (tmp_path / "kept.txt").read_text() == "kept\n"


def test_output_written_without_a_newline_and_at_exit_output_arrive(tmp_path: Path) -> None:
    rakefile = 'at_exit { $stderr.print "bye" }\ntask :default do\n  print "no newline"\nend\n'
    result = pydrake(tmp_path, rakefile)
    assert (result.returncode, result.stdout, result.stderr) == (0, "no newline", "bye")


def test_a_failing_build_ends_with_status_1_and_its_report(tmp_path: Path) -> None:
    result = pydrake(tmp_path, 'task :default do\n  File.open("half.txt", "w") { |f| f.write("all") }\n  fail "boom"\nend\n')
    assert result.returncode == 1
    assert "boom" in result.stderr
    assert (tmp_path / "half.txt").read_text() == "all"


def test_exit_statuses_above_255_wrap_as_the_os_wraps_them(tmp_path: Path) -> None:
    assert pydrake(tmp_path, "task :default do\n  exit 258\nend\n").returncode == 2

