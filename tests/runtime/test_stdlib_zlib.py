"""require "zlib": checksums, deflate/inflate, gzip/gunzip and GzipWriter/GzipReader as Ruby's zlib 2.1.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.rakefile_support import pydrake
from tests.runtime.test_interpreter_support import out


def test_a_rakefile_requiring_zlib_lists_its_tasks(tmp_path: Path) -> None:
    rakefile = "require 'rake/clean'\nrequire 'zlib'\nfile 'App.js' => ['App.coffee']\ntask :default => 'App.js'\n"
    result = pydrake(tmp_path, rakefile, "-P")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "pydrake App.js\n    App.coffee\npydrake clean\npydrake clobber\n    clean\npydrake default\n    App.js\n"
    )


def test_checksums_deflate_and_errors() -> None:
    src = """
    require "zlib"
    p Zlib::VERSION, Zlib.crc32("abc"), Zlib.adler32("abc"), Zlib.crc32, Zlib.adler32, Zlib.crc32("c", Zlib.crc32("ab"))
    d = Zlib::Deflate.deflate("aaa")
    p d.bytes, Zlib::Inflate.inflate(d), Zlib.inflate(Zlib.deflate("xyz", Zlib::BEST_COMPRESSION))
    begin; Zlib::Inflate.inflate("xx"); rescue Zlib::Error => e; p e.class, e.message; end
    g = Zlib.gzip("hello world")
    p g.bytes[0, 4], g.bytes[8, 2], Zlib.gunzip(g)
    begin; Zlib.gunzip("xxxxxxxxxxxx"); rescue Zlib::Error => e; p e.class, e.message; end
    p Zlib::GzipWriter.ancestors.take(2), Zlib::GzipFile::Error.superclass, Zlib::Error.superclass
    """
    assert out(src) == (
        '"2.1.1"\n891568578\n38600999\n0\n1\n891568578\n'
        '[120, 156, 75, 76, 76, 4, 0, 2, 73, 1, 36]\n"aaa"\n"xyz"\n'
        'Zlib::DataError\n"incorrect header check"\n'
        '[31, 139, 8, 0]\n[0, 3]\n"hello world"\n'
        'Zlib::GzipFile::Error\n"not in gzip format"\n'
        "[Zlib::GzipWriter, Zlib::GzipFile]\nZlib::Error\nStandardError\n"
    )


def test_gzip_writer_and_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = """
    require "zlib"
    Zlib::GzipWriter.open("a.gz") do |gz|
      gz.mtime = 1_000_000
      gz.orig_name = "a"
      gz.puts "line 1", ["line 2"]
      gz.print "x", "y"
      gz << "z\\n"
      begin; gz.comment = "c"; rescue => e; p e.message; end
    end
    p Zlib::GzipReader.open("a.gz") { |gz| [gz.read, gz.mtime.to_i, gz.orig_name, gz.comment, gz.os_code] }
    Zlib::GzipReader.open("a.gz") { |gz| p gz.gets, gz.lineno, gz.readlines, gz.eof?, gz.read(3), gz.read }
    File.open("b.gz", "wb") { |f| gz = Zlib::GzipWriter.new(f, 9); gz.write("abc", "de"); gz.close; p f.closed? }
    File.open("b.gz", "rb") { |f| gz = Zlib::GzipReader.new(f); p gz.read; gz.rewind; gz.each_line { |l| p l }; gz.close; p gz.closed? }
    Zlib::GzipWriter.open("c.gz", 9) { |gz| gz.mtime = 5; gz.orig_name = "c.txt"; gz.write("hello " * 100) }
    p File.binread("c.gz").bytes.sum, File.size("c.gz")
    """
    assert out(src) == (
        '"header is already written"\n'
        '["line 1\\nline 2\\nxyz\\n", 1000000, "a", nil, 3]\n'
        '"line 1\\n"\n1\n["line 2\\n", "xyz\\n"]\ntrue\nnil\n""\n'
        'true\n"abcde"\n"abcde"\ntrue\n'
        "2940\n38\n"
    )
