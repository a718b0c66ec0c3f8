"""require "stringio": StringIO reads, writes, seeks and closes like Ruby's."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_reading_writing_and_closing() -> None:
    src = r"""
    require "stringio"
    s = StringIO.new("ab\ncd\n")
    p s.gets, s.pos, s.read, s.eof?, s.read, s.read(2), s.rewind, s.readlines, s.string
    s = StringIO.new
    s.puts "x", 1; s.print "y"; s << "z"; s.printf("%d", 5); s.write("a", "b")
    p s.string, s.pos, s.size
    s.rewind
    p s.getc, s.each_line.to_a
    p StringIO.new("q").closed?, s.close, s.closed?
    begin; s.read; rescue IOError => e; p e; end
    p StringIO.new("abc").read(0), StringIO.new("").read(1)
    io = StringIO.new("a,b;c,d;")
    p io.gets(";"), io.gets(";", chomp: true), io.lineno
    s = StringIO.new(+"hello"); s.seek(2); s.write("XY"); p s.string
    s.seek(-1, IO::SEEK_END); p s.read
    p StringIO.open("z") { |x| x.read }
    """
    assert out(src) == (
        '"ab\\n"\n3\n"cd\\n"\ntrue\n""\nnil\n0\n["ab\\n", "cd\\n"]\n"ab\\ncd\\n"\n'
        '"x\\n1\\nyz5ab"\n9\n9\n'
        '"x"\n["\\n", "1\\n", "yz5ab"]\n'
        "false\nnil\ntrue\n"
        "#<IOError: not opened for reading>\n"
        '""\nnil\n'
        '"a,b;"\n"c,d"\n2\n'
        '"heXYo"\n"o"\n"z"\n'
    )
