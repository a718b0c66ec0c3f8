"""``require "stringio"``: StringIO, an IO reading and writing a String (positions count characters)."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.stdlib.prelude import load_prelude

SOURCE = r"""
class StringIO
  include Enumerable

  attr_accessor :lineno

  def self.open(string = +"", mode = nil)
    io = new(string, mode)
    return io unless block_given?
    begin
      yield io
    ensure
      io.close unless io.closed?
    end
  end

  def initialize(string = +"", mode = nil)
    @string = string
    @pos = 0
    @lineno = 0
    @readable = @writable = true
    @writable = false if string.frozen? || mode.to_s.start_with?("r") && !mode.to_s.include?("+")
    @string.replace("") if mode.to_s.start_with?("w")
    @pos = @string.length if mode.to_s.start_with?("a")
  end

  def string
    @string
  end

  def string=(value)
    @string = value
    @pos = 0
    @lineno = 0
    value
  end

  def pos
    @pos
  end
  alias tell pos

  def pos=(value)
    raise Errno::EINVAL, "Invalid argument" if value < 0
    @pos = value
  end

  def seek(offset, whence = IO::SEEK_SET)
    base = case whence
           when IO::SEEK_CUR, :CUR then @pos
           when IO::SEEK_END, :END then @string.length
           else 0
           end
    self.pos = base + offset
    0
  end

  def rewind
    @pos = 0
    @lineno = 0
    0
  end

  def size
    @string.length
  end
  alias length size

  def eof?
    check_readable
    @pos >= @string.length
  end
  alias eof eof?

  def read(length = nil, outbuf = nil)
    check_readable
    if length.nil?
      out = @pos >= @string.length ? +"" : @string[@pos..-1]
      @pos = @string.length
    else
      raise ArgumentError, "negative length #{length} given" if length < 0
      return +"" if length == 0
      return nil if @pos >= @string.length
      out = @string[@pos, length]
      @pos += out.length
    end
    outbuf ? outbuf.replace(out) : out
  end

  def getc
    check_readable
    return nil if @pos >= @string.length
    c = @string[@pos]
    @pos += 1
    c
  end

  def gets(sep = $/, chomp: false)
    check_readable
    return nil if @pos >= @string.length
    stop = sep.nil? ? nil : @string.index(sep, @pos)
    finish = stop ? stop + sep.length : @string.length
    line = @string[@pos...finish]
    @pos = finish
    @lineno += 1
    $_ = chomp && sep ? line.chomp(sep) : line
  end

  def readline(*args, **opts)
    line = gets(*args, **opts)
    raise EOFError, "end of file reached" if line.nil?
    line
  end

  def each_line(sep = $/, chomp: false)
    return enum_for(:each_line, sep, chomp: chomp) unless block_given?
    while (line = gets(sep, chomp: chomp))
      yield line
    end
    self
  end
  alias each each_line

  def readlines(sep = $/, chomp: false)
    each_line(sep, chomp: chomp).to_a
  end

  def write(*objects)
    check_writable
    objects.sum do |object|
      text = object.to_s
      if @pos > @string.length
        @string << ("\0" * (@pos - @string.length))
      end
      @string[@pos, text.length] = text
      @pos += text.length
      text.length
    end
  end

  def <<(object)
    write(object)
    self
  end

  def print(*objects)
    objects = [$_] if objects.empty?
    write(*objects)
    nil
  end

  def printf(format, *args)
    write(format % args)
    nil
  end

  def putc(char)
    write(char.is_a?(Integer) ? (char & 0xff).chr : char.to_s[0])
    char
  end

  def puts(*objects)
    if objects.empty?
      write("\n")
      return nil
    end
    objects.flatten.each do |object|
      text = object.nil? ? "" : object.to_s
      write(text.end_with?("\n") ? text : text + "\n")
    end
    nil
  end

  def truncate(length)
    @string.replace(@string[0, length].ljust(length, "\0"))
    0
  end

  def flush
    self
  end

  def sync
    true
  end

  def sync=(value)
    value
  end

  def fsync
    0
  end

  def isatty
    false
  end
  alias tty? isatty

  def binmode
    self
  end

  def close
    @readable = @writable = false
    nil
  end

  def close_read
    @readable = false
    nil
  end

  def close_write
    @writable = false
    nil
  end

  def closed?
    !@readable && !@writable
  end

  def closed_read?
    !@readable
  end

  def closed_write?
    !@writable
  end

  private

  def check_readable
    raise IOError, "not opened for reading" unless @readable
  end

  def check_writable
    raise IOError, "not opened for writing" unless @writable
  end
end
"""


@default_feature("stringio")
def _feature(rt: Any) -> None:
    """``require "stringio"``: the StringIO class."""
    load_prelude(rt, "stringio", SOURCE)
