"""``require "tempfile"``: Tempfile.new/open/create as tempfile 0.1.2 (Ruby 3.1) behaves (Ruby source)."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.stdlib.prelude import load_prelude

SOURCE = r"""
class Tempfile
  UNUSABLE_CHARS = "^,-.0-9A-Z_a-z~"

  def self.tmpname_for(basename, tmpdir)
    prefix, suffix = basename
    raise ArgumentError, "unexpected prefix: #{prefix.inspect}" unless prefix.respond_to?(:to_str)
    raise ArgumentError, "unexpected suffix: #{suffix.inspect}" unless suffix.nil? || suffix.respond_to?(:to_str)
    prefix = prefix.to_str.delete(UNUSABLE_CHARS)
    suffix = suffix && suffix.to_str.delete(UNUSABLE_CHARS)
    dir = tmpdir || Dir.tmpdir
    n = nil
    begin
      name = "#{prefix}#{Time.now.strftime("%Y%m%d")}-#{$$}-#{rand(0x100000000).to_s(36)}#{n ? "-#{n}" : ""}#{suffix}"
      path = File.join(dir, name)
      yield path
    rescue Errno::EEXIST
      n = (n || 0) + 1
      retry
    end
    path
  end
  private_class_method :tmpname_for

  def self.open(*args, **kw)
    tempfile = new(*args, **kw)
    return tempfile unless block_given?
    begin
      yield tempfile
    ensure
      tempfile.close
    end
  end

  def self.create(basename = "", tmpdir = nil, mode: 0, **options)
    file = nil
    tmpname_for(basename, tmpdir) do |path|
      file = File.open(path, mode | File::RDWR | File::CREAT | File::EXCL, 0600)
    end
    return file unless block_given?
    begin
      yield file
    ensure
      file.close unless file.closed?
      begin
        File.unlink(file.path)
      rescue Errno::ENOENT
      end
    end
  end

  def initialize(basename = "", tmpdir = nil, mode: 0, **options)
    warn "Tempfile.new doesn't call the given block.", uplevel: 1 if block_given?
    @unlinked = false
    @mode = mode | File::RDWR | File::CREAT | File::EXCL
    Tempfile.__send__(:tmpname_for, basename, tmpdir) do |path|
      @tmpfile = File.open(path, @mode, 0600)
    end
  end

  def open
    @tmpfile.close unless @tmpfile.closed?
    @tmpfile = File.open(@tmpfile.path, @mode & ~(File::CREAT | File::EXCL))
    self
  end

  def close(unlink_now = false)
    @tmpfile.close unless @tmpfile.closed?
    unlink if unlink_now
    nil
  end

  def close!
    close(true)
  end

  def unlink
    return if @unlinked
    begin
      File.unlink(@tmpfile.path)
    rescue Errno::ENOENT, Errno::EACCES
      return
    end
    @unlinked = true
  end
  alias delete unlink

  def path
    @unlinked ? nil : @tmpfile.path
  end

  def to_path
    path
  end

  def size
    @tmpfile.closed? ? File.size(@tmpfile.path) : (@tmpfile.flush; @tmpfile.size)
  end
  alias length size

  def inspect
    @tmpfile.closed? ? "#<Tempfile:#{path} (closed)>" : "#<Tempfile:#{path}>"
  end

  # File methods that Kernel also has (so method_missing would not see them) go to the file explicitly.
  %i[puts print printf putc p gets readline readlines read write each_line rewind flush sync sync= fileno
     binmode seek pos pos= eof? closed? truncate].each do |name|
    define_method(name) { |*args, &block| @tmpfile.__send__(name, *args, &block) }
  end

  def method_missing(name, *args, &block)
    return super unless @tmpfile.respond_to?(name)
    @tmpfile.__send__(name, *args, &block)
  end

  def respond_to_missing?(name, include_private = false)
    @tmpfile.respond_to?(name, include_private) || super
  end
end
"""


@default_feature("tempfile")
def _feature(rt: Any) -> None:
    """``require "tempfile"``: the Tempfile class (and Dir.tmpdir, which is always there)."""
    load_prelude(rt, "tempfile", SOURCE)
