"""Gem (always loaded): Gem::Version comparison, Gem::Requirement, and Gem::Specification basics."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_versions() -> None:
    src = r"""
    require 'rubygems'

    v = Gem::Version
    p v.new("1.2") <=> v.new("1.10"), v.new("1.2.0") == v.new("1.2"), v.new("1.2.a").prerelease?, v.new("1.2.3").segments
    p v.new("1.2.3").bump, v.new("1.2.3").release, v.new("1.2"), v.new("1.2").to_s, v.create("3"), v.correct?("x"), (v.new("x y") rescue $!)
    p v.new("1.0.0.pre1") < v.new("1.0.0"), v.new("1.0.b1") <=> v.new("1.0.a2"), v.new(" 1.2 "), v.new(2), v.new("1.2").approximate_recommendation
    p v.new("1.2") <=> "1.3", [v.new("1.10"), v.new("1.9")].max, v.new("1.2").eql?(v.new("1.2")), v.new("2.0") > v.new("1.9")
    """
    assert out(src) == (
        "-1\n"
        "true\n"
        "true\n"
        "[1, 2, 3]\n"
        '#<Gem::Version "1.3">\n'
        '#<Gem::Version "1.2.3">\n'
        '#<Gem::Version "1.2">\n'
        '"1.2"\n'
        '#<Gem::Version "3">\n'
        "false\n"
        "#<ArgumentError: Malformed version number string x y>\n"
        "true\n"
        "1\n"
        '#<Gem::Version "1.2">\n'
        '#<Gem::Version "2">\n'
        '"~> 1.2"\n'
        "-1\n"
        '#<Gem::Version "1.10">\n'
        "true\n"
        "true\n"
    )


def test_requirements_and_specifications() -> None:
    src = r"""
    require 'rubygems'

    p Gem::Requirement.new("~> 1.2").satisfied_by?(Gem::Version.new("1.5")), Gem::Requirement.new(">= 2", "< 3").satisfied_by?(Gem::Version.new("3.0"))
    p Gem::Requirement.new("~> 2.1.0").satisfied_by?(Gem::Version.new("2.2")), Gem.win_platform?, Gem.loaded_specs.class, Gem::LoadError.superclass
    s = Gem::Specification.new do |s|
      s.name = "foo"
      s.version = "1.0"
      s.files = ["a"]
      s.add_dependency "bar", ">= 1"
      s.authors = ["me"]
    end
    p s.name, s.version, s.full_name, s.files, s.dependencies.size, s.authors, s.class, s.version.class, s.dependencies
    """
    assert out(src) == (
        "true\n"
        "false\n"
        "false\n"
        "false\n"
        "Hash\n"
        "LoadError\n"
        '"foo"\n'
        '#<Gem::Version "1.0">\n'
        '"foo-1.0"\n'
        '["a"]\n'
        "1\n"
        '["me"]\n'
        "Gem::Specification\n"
        "Gem::Version\n"
        '[<Gem::Dependency type=:runtime name="bar" requirements=">= 1">]\n'
    )
