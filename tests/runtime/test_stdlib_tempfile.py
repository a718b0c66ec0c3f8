"""require "tempfile": Tempfile.new/open/create name, create, reopen and remove files as tempfile 0.1.2 does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.rakefile_support import outcome
from tests.runtime.test_interpreter_support import out


def test_a_rakefile_requiring_tempfile_lists_and_runs(tmp_path: Path) -> None:
    rakefile = (
        "require 'tempfile'\n"
        "desc 'Write a scratch file'\n"
        "task :scratch do\n"
        "  temp = Tempfile.new('notes')\n"
        "  temp.puts 'draft'\n"
        "  temp.close\n"
        "  print File.read(temp.path)\n"
        "  temp.unlink\n"
        "end\n"
    )
    assert outcome(tmp_path, rakefile, "-T") == (0, "pydrake scratch  # Write a scratch file\n", "")
    assert outcome(tmp_path, rakefile, "scratch") == (0, "draft\n", "")


def test_new_open_create_and_unlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    src = """
    require 'tempfile'
    t = Tempfile.new('foo')
    p File.basename(t.path).start_with?('foo'), File.dirname(t.path) == Dir.tmpdir, File.stat(t.path).mode.to_s(8)
    t.write('hello'); t.puts ' world'
    p t.size
    t.rewind; p t.read
    t.close; p t.inspect.end_with?('(closed)>'), t.size
    t.open; p t.read; t.close
    path = t.path
    t.unlink; p t.path, File.exist?(path)
    t2 = Tempfile.new(['pre', '.txt'], '.')
    p File.basename(t2.path).start_with?('pre'), t2.path.end_with?('.txt'), File.dirname(t2.path)
    t2.close!; p t2.path
    p Tempfile.open('x') { |f| f.print 'abc'; f.flush; File.read(f.path) }
    kept = nil
    p Tempfile.create('c') { |f| kept = f.path; f.write 'z'; 7 }, File.exist?(kept)
    p Tempfile.create('d').class, File.exist?(Tempfile.new('e'))
    p((Tempfile.new(1) rescue $!))
    """
    assert out(src) == (
        'true\ntrue\n"100600"\n12\n"hello world\\n"\ntrue\n12\n"hello world\\n"\nnil\nfalse\n'
        'true\ntrue\n"."\nnil\n"abc"\n7\nfalse\nFile\ntrue\n#<ArgumentError: unexpected prefix: 1>\n'
    )
