"""OpenStruct: always loaded; fields as methods, [] and []=, to_h, inspect, equality and subclasses."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_fields() -> None:
    src = r"""
    require 'ostruct'

    o = OpenStruct.new(a: 1, "b" => 2)
    o.c = 3
    p o, o.a, o.b, o.c, o.d, o[:a], o["c"], o.to_h, o.respond_to?(:a), o.respond_to?(:zz), o.dig(:a), o.each_pair.to_a
    o[:e] = 5
    o.delete_field(:a)
    p o, OpenStruct.new, o.e, (o.zz(1) rescue $!), o.to_s, o == OpenStruct.new(b: 2, c: 3, e: 5)
    cfg = OpenStruct.new(name: "app", format: "zip", class: "k")
    p cfg.name, cfg.format, cfg.to_h, cfg.respond_to?(:format)
    """
    assert out(src) == (
        "#<OpenStruct a=1, b=2, c=3>\n"
        "1\n"
        "2\n"
        "3\n"
        "nil\n"
        "1\n"
        "3\n"
        "{:a=>1, :b=>2, :c=>3}\n"
        "true\n"
        "false\n"
        "1\n"
        "[[:a, 1], [:b, 2], [:c, 3]]\n"
        "#<OpenStruct b=2, c=3, e=5>\n"
        "#<OpenStruct>\n"
        "5\n"
        "#<NoMethodError: undefined method `zz' for #<OpenStruct b=2, c=3, e=5>>\n"
        '"#<OpenStruct b=2, c=3, e=5>"\n'
        "true\n"
        '"app"\n'
        '"zip"\n'
        '{:name=>"app", :format=>"zip", :class=>"k"}\n'
        "true\n"
    )


def test_subclass() -> None:
    src = r"""
    require 'ostruct'

    class Config < OpenStruct
      def initialize(extra)
        super(x: extra)
        @n = 1
      end

      def doubled
        x * 2
      end
    end
    c = Config.new(21)
    p c.x, c.doubled, c, OpenStruct.new(a: [1, {b: 2}]).dig(:a, 1, :b)
    """
    assert out(src) == ("21\n42\n#<Config x=21>\n2\n")
