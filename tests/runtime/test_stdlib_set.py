"""require "set": Set construction, membership, algebra, comparison, inspect and freezing, as Ruby 3.1 answers."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_construction_and_inspect() -> None:
    src = r"""
    require 'set'

    s = Set.new([3, 1, 2, 3])
    s << 4
    s.add(1)
    p s, s.size, s.to_a, Set.new, Set[1, [2, 3]], Set.new(1..3) { |x| x * 2 }, Set["a", :b, nil]
    puts s, s.to_s
    p [3, 3, 1].to_set, {a: 1}.to_set, (1..2).to_set, Set.new(nil)
    """
    assert out(src) == (
        "#<Set: {3, 1, 2, 4}>\n"
        "4\n"
        "[3, 1, 2, 4]\n"
        "#<Set: {}>\n"
        "#<Set: {1, [2, 3]}>\n"
        "#<Set: {2, 4, 6}>\n"
        '#<Set: {"a", :b, nil}>\n'
        "#<Set: {3, 1, 2, 4}>\n"
        "#<Set: {3, 1, 2, 4}>\n"
        "#<Set: {3, 1}>\n"
        "#<Set: {[:a, 1]}>\n"
        "#<Set: {1, 2}>\n"
        "#<Set: {}>\n"
    )


def test_add_query_and_delete() -> None:
    src = r"""
    require 'set'

    s = Set[1, 2]
    p s.add?(3).class, s.add?(3), s.delete(3), s.delete?(7), s.delete?(1), s
    seen = Set.new
    %w[a b a c b].each { |x| puts "first #{x}" if seen.add?(x) }
    p Set[1].include?(1), Set[1].member?(2), Set[1] === 1, Set[1, 2].include?(1.0), Set["a"].include?("a")
    """
    assert out(src) == (
        "Set\n"
        "nil\n"
        "#<Set: {2}>\n"
        "nil\n"
        "#<Set: {2}>\n"
        "#<Set: {2}>\n"
        "first a\n"
        "first b\n"
        "first c\n"
        "true\n"
        "false\n"
        "true\n"
        "false\n"
        "true\n"
    )


def test_algebra_and_comparison() -> None:
    src = r"""
    require 'set'

    a = Set[1, 2]
    b = Set[2, 3]
    p a | b, a & b, a - b, a ^ b, a + [5], a.union([3]), a.intersection([2]), a.difference([1])
    p a.subset?(Set[1, 2, 3]), a.superset?(Set[1]), a <= Set[1, 2], a < Set[1, 2], a.proper_superset?(Set[1])
    p a.disjoint?(Set[7]), a.intersect?([2]), a <=> Set[1], Set[1] <=> Set[2], a == Set[2, 1], a == [1, 2]
    p((a <= [1] rescue $!), (Set.new(5) rescue $!))
    """
    assert out(src) == (
        "#<Set: {1, 2, 3}>\n"
        "#<Set: {2}>\n"
        "#<Set: {1}>\n"
        "#<Set: {3, 1}>\n"
        "#<Set: {1, 2, 5}>\n"
        "#<Set: {1, 2, 3}>\n"
        "#<Set: {2}>\n"
        "#<Set: {2}>\n"
        "true\n"
        "true\n"
        "true\n"
        "false\n"
        "true\n"
        "true\n"
        "true\n"
        "1\n"
        "nil\n"
        "true\n"
        "false\n"
        "#<ArgumentError: value must be a set>\n"
        "#<ArgumentError: value must be enumerable>\n"
    )


def test_enumerable_results_are_arrays() -> None:
    src = r"""
    require 'set'

    s = Set[3, 1, 2]
    p s.map { |x| x * 2 }, s.select(&:odd?), s.sort, s.min, s.sum, s.sort_by { |x| -x }, s.first, s.first(2)
    p s.group_by(&:odd?), s.partition(&:odd?), s.classify(&:odd?), s.each_slice(2).to_a, s.join("-")
    p s.each { }, s.each.class, Set[1, Set[2]].flatten, s.to_set.equal?(s)
    """
    assert out(src) == (
        "[6, 2, 4]\n"
        "[3, 1]\n"
        "[1, 2, 3]\n"
        "1\n"
        "6\n"
        "[3, 2, 1]\n"
        "3\n"
        "[3, 1]\n"
        "{true=>[3, 1], false=>[2]}\n"
        "[[3, 1], [2]]\n"
        "{true=>#<Set: {3, 1}>, false=>#<Set: {2}>}\n"
        "[[3, 1], [2]]\n"
        '"3-1-2"\n'
        "#<Set: {3, 1, 2}>\n"
        "Enumerator\n"
        "#<Set: {1, 2}>\n"
        "true\n"
    )


def test_in_place_changes() -> None:
    src = r"""
    require 'set'

    p Set[1, 2].merge([5, 6]), Set[3, 1].subtract([1]), Set[1, 2].select! { |x| x > 5 }, Set[1, 2].select! { |x| x > 0 }
    p Set[1, 2].map! { |x| x * 3 }, Set[1, 2, 3].delete_if(&:odd?), Set[1, 2, 3].keep_if(&:odd?), Set[1, 2].clear
    a = "x"
    t = Set.new
    t << a
    p t.first.frozen?, a.frozen?
    """
    assert out(src) == (
        "#<Set: {1, 2, 5, 6}>\n"
        "#<Set: {3}>\n"
        "#<Set: {}>\n"
        "nil\n"
        "#<Set: {3, 6}>\n"
        "#<Set: {2}>\n"
        "#<Set: {1, 3}>\n"
        "#<Set: {}>\n"
        "true\n"
        "false\n"
    )


def test_freezing_hash_and_equality() -> None:
    src = r"""
    require 'set'

    f = Set[1].freeze
    p f.frozen?
    begin
      f << 2
    rescue => e
      p e.class, e.message
    end
    p Set[1, 2].hash == Set[2, 1].hash, {Set[1] => 2}[Set[1]], Set[1].eql?(Set[1]), Set[Set[1]], Set[1, 2].dup << 3
    """
    assert out(src) == (
        "true\n"
        "FrozenError\n"
        '"can\'t modify frozen Hash: {1=>true}"\n'
        "true\n"
        "2\n"
        "true\n"
        "#<Set: {#<Set: {1}>}>\n"
        "#<Set: {1, 2, 3}>\n"
    )


def test_hashes_as_members() -> None:
    src = r"""
    require 'set'
    s = Set[{a: 1}, {a: 1}, {b: [1, 2]}]
    p s, s.size, s.include?({a: 1}), s.to_a.first.class
    """
    assert out(src) == "#<Set: {{:a=>1}, {:b=>[1, 2]}}>\n2\ntrue\nHash\n"
