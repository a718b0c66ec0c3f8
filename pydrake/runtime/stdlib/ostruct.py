"""OpenStruct (always loaded, as under Rake): a Hash of fields read and written as methods.

The class exists from the start; its methods are Ruby source run the first
time an OpenStruct is created in an interpreter.
"""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import OBJECT
from pydrake.runtime.interpreter import default_feature, on_new_interpreter
from pydrake.runtime.objects import RClass
from pydrake.runtime.stdlib.prelude import lazy_method

OPEN_STRUCT = RClass("OpenStruct", OBJECT)

SOURCE = r"""
class OpenStruct
  def initialize(hash = nil)
    @table = {}
    if hash
      hash.each_pair { |k, v| self[k] = v }
    end
  end

  def [](name)
    @table[name.to_sym]
  end

  def []=(name, value)
    raise FrozenError, "can't modify frozen OpenStruct: #{inspect}" if frozen?
    key = name.to_sym
    unless @table.key?(key) || key.to_s.end_with?("!")
      define_singleton_method(key) { @table[key] }
      define_singleton_method("#{key}=") { |v| self[key] = v }
    end
    @table[key] = value
  end

  def to_h(&block)
    block ? @table.to_h(&block) : @table.dup
  end

  def each_pair
    return @table.each_pair unless block_given?
    @table.each_pair { |pair| yield pair }
    self
  end

  def dig(name, *names)
    @table.dig(name.to_sym, *names)
  end

  def delete_field(name)
    key = name.to_sym
    raise NameError, "no field `#{key}' in #{inspect}" unless @table.key?(key)
    singleton_class.send(:remove_method, key, "#{key}=") rescue nil
    @table.delete(key)
  end

  def method_missing(mid, *args)
    name = mid.to_s
    if name.end_with?("=")
      if args.size != 1
        raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 1)"
      end
      self[name.chomp("=")] = args[0]
    elsif args.empty?
      @table[mid]
    else
      raise NoMethodError, "undefined method `#{mid}' for #{inspect}"
    end
  end

  def respond_to_missing?(mid, include_private = false)
    @table.key?(mid.to_s.chomp("=").to_sym)
  end

  def inspect
    detail = @table.map { |key, value| " #{key}=#{value.inspect}" }.join(",")
    "#<#{self.class}#{detail}>"
  end

  def to_s
    inspect
  end

  def ==(other)
    other.is_a?(OpenStruct) && to_h == other.to_h
  end

  def eql?(other)
    other.is_a?(OpenStruct) && to_h.eql?(other.to_h)
  end

  def hash
    @table.hash
  end
end
"""

lazy_method(OPEN_STRUCT, "initialize", "ostruct", SOURCE)


@default_feature("ostruct")
def _feature(rt: Any) -> None:
    """``require "ostruct"``: OpenStruct is always loaded."""
    return None


@on_new_interpreter
def _always_loaded(rt: Any) -> None:
    rt.constants["OpenStruct"] = OPEN_STRUCT
    rt.require("ostruct")
