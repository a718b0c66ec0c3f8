"""The ``Gem`` module (always loaded, as under Rake): Gem::Version, Requirement, Dependency, Specification.

The classes exist from the start; their methods are Ruby source run the first
time one of them is used in an interpreter.
"""

from __future__ import annotations

import os
from typing import Any

from pydrake.runtime.classes import CORE, OBJECT, builtin
from pydrake.runtime.interpreter import default_feature, on_new_interpreter
from pydrake.runtime.objects import RClass, RHash, RModule, RProc, RString
from pydrake.runtime.stdlib.prelude import lazy_method, load_prelude

GEM = RModule("Gem")
GEM.constants["VERSION"] = RString("3.3.15", frozen=True)


def _klass(name: str, superclass: RClass = OBJECT) -> RClass:
    cls = RClass(f"Gem::{name}", superclass, GEM)
    GEM.constants[name] = cls
    return cls


VERSION = _klass("Version")
REQUIREMENT = _klass("Requirement")
DEPENDENCY = _klass("Dependency")
SPECIFICATION = _klass("Specification")
PLATFORM = _klass("Platform")
LOAD_ERROR = _klass("LoadError", CORE["LoadError"])  # type: ignore[arg-type]
MISSING_SPEC_ERROR = _klass("MissingSpecError", LOAD_ERROR)
MISSING_SPEC_VERSION_ERROR = _klass("MissingSpecVersionError", MISSING_SPEC_ERROR)

SOURCE = r"""
module Gem
  class Version
    include Comparable

    VERSION_PATTERN = '[0-9]+(?>\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?'
    ANCHORED_VERSION_PATTERN = /\A\s*(#{VERSION_PATTERN})?\s*\z/

    def self.correct?(version)
      !!(version.to_s =~ ANCHORED_VERSION_PATTERN)
    end

    def self.create(input)
      if self === input
        input
      elsif input.nil?
        nil
      else
        new(input)
      end
    end

    def initialize(version)
      unless self.class.correct?(version)
        raise ArgumentError, "Malformed version number string #{version}"
      end
      version = 0 if version.is_a?(String) && version =~ /\A\s*\Z/
      @version = version.to_s.strip.gsub("-", ".pre.")
      @segments = nil
    end

    def version
      @version.dup
    end

    def to_s
      version
    end

    def inspect
      "#<#{self.class} #{version.inspect}>"
    end

    def segments
      _segments.dup
    end

    def _segments
      @segments ||= @version.scan(/[0-9]+|[a-z]+/i).map { |s| /^\d+$/ =~ s ? s.to_i : s }
    end

    def prerelease?
      !!(@version =~ /[a-zA-Z]/)
    end

    def release
      return self unless prerelease?
      numbers = segments
      numbers.pop while numbers.any? { |s| String === s }
      self.class.new(numbers.join("."))
    end

    def bump
      numbers = segments
      numbers.pop while numbers.any? { |s| String === s }
      numbers.pop if numbers.size > 1
      numbers[-1] = numbers[-1].succ
      self.class.new(numbers.join("."))
    end

    def canonical_segments
      @canonical_segments ||= _split_segments.map { |part|
        part.reverse.drop_while { |s| s == 0 }.reverse
      }.reduce(:+)
    end

    def _split_segments
      string_start = _segments.index { |s| s.is_a?(String) }
      rest = segments
      numeric = rest.slice!(0, string_start || rest.size)
      [numeric, rest]
    end

    def approximate_recommendation
      numbers = segments
      numbers.pop while numbers.any? { |s| String === s }
      numbers.pop while numbers.size > 2
      numbers.push(0) while numbers.size < 2
      recommendation = "~> #{numbers.join(".")}"
      recommendation += ".a" if prerelease?
      recommendation
    end

    def <=>(other)
      return self <=> self.class.new(other) if String === other && self.class.correct?(other)
      return nil unless Gem::Version === other
      lhs_all = canonical_segments
      rhs_all = other.canonical_segments
      return 0 if lhs_all == rhs_all
      limit = [lhs_all.size, rhs_all.size].max
      i = 0
      while i < limit
        lhs = lhs_all[i] || 0
        rhs = rhs_all[i] || 0
        i += 1
        next if lhs == rhs
        return -1 if String === lhs && Numeric === rhs
        return 1 if Numeric === lhs && String === rhs
        return lhs <=> rhs
      end
      0
    end

    def hash
      canonical_segments.hash
    end

    def eql?(other)
      Gem::Version === other && version == other.version
    end
  end

  class Requirement
    OPS = {
      "=" => lambda { |v, r| v == r },
      "!=" => lambda { |v, r| v != r },
      ">" => lambda { |v, r| v > r },
      "<" => lambda { |v, r| v < r },
      ">=" => lambda { |v, r| v >= r },
      "<=" => lambda { |v, r| v <= r },
      "~>" => lambda { |v, r| v >= r && v.release < r.bump },
    }
    PATTERN = /\A\s*(=|!=|>|<|>=|<=|~>)?\s*(#{Gem::Version::VERSION_PATTERN})\s*\z/

    def self.create(*inputs)
      return new(*inputs) if inputs.size > 1
      input = inputs.first
      case input
      when Gem::Requirement then input
      when Gem::Version, Array then new(input)
      when String then new([input])
      else
        input.nil? ? default : new(input.to_s)
      end
    end

    def self.default
      new(">= 0")
    end

    def self.parse(obj)
      return ["=", obj] if Gem::Version === obj
      md = PATTERN.match(obj.to_s)
      raise ArgumentError, "Illformed requirement [#{obj.inspect}]" unless md
      [md[1] || "=", Gem::Version.new(md[2])]
    end

    attr_reader :requirements

    def initialize(*requirements)
      requirements = requirements.flatten.compact.uniq
      @requirements = if requirements.empty?
        [[">=", Gem::Version.new("0")]]
      else
        requirements.map { |r| self.class.parse(r) }
      end
    end

    def satisfied_by?(version)
      version = Gem::Version.create(version)
      @requirements.all? { |op, rv| OPS[op].call(version, rv) }
    end

    def ===(version)
      satisfied_by?(version)
    end

    def =~(version)
      satisfied_by?(version)
    end

    def none?
      @requirements == [[">=", Gem::Version.new("0")]]
    end

    def exact?
      @requirements.size == 1 && @requirements[0][0] == "="
    end

    def prerelease?
      @requirements.any? { |_, v| v.prerelease? }
    end

    def as_list
      @requirements.map { |op, v| "#{op} #{v}" }
    end

    def to_s
      as_list.join(", ")
    end

    def inspect
      "Gem::Requirement.new(#{as_list.map(&:inspect).join(", ")})"
    end

    def ==(other)
      Gem::Requirement === other && as_list.sort == other.as_list.sort
    end
  end

  class Dependency
    attr_reader :name, :type, :requirement

    def initialize(name, *requirements)
      type = Symbol === requirements.last ? requirements.pop : :runtime
      @name = name
      @type = type
      @requirement = Gem::Requirement.create(requirements.empty? ? nil : requirements.flatten)
    end

    def requirements_list
      @requirement.as_list
    end

    def runtime?
      @type == :runtime
    end

    def to_s
      @requirement.none? ? @name : "#{@name} (#{@requirement})"
    end

    def inspect
      "<Gem::Dependency type=#{@type.inspect} name=#{@name.inspect} requirements=#{@requirement.to_s.inspect}>"
    end

    def ==(other)
      Gem::Dependency === other && name == other.name && type == other.type && requirement == other.requirement
    end

    def match?(name, version = nil)
      return false unless @name === name
      version.nil? || @requirement.satisfied_by?(Gem::Version.create(version))
    end
  end

  class Specification
    ARRAY_ATTRIBUTES = [:authors, :files, :test_files, :executables, :extensions, :extra_rdoc_files,
                        :licenses, :rdoc_options, :require_paths, :requirements, :cert_chain]
    PLAIN_ATTRIBUTES = [:name, :summary, :description, :email, :homepage, :bindir, :platform,
                        :post_install_message, :rubyforge_project, :signing_key, :date,
                        :rubygems_version, :specification_version, :autorequire, :metadata]

    attr_accessor(*PLAIN_ATTRIBUTES)
    attr_reader(*ARRAY_ATTRIBUTES)
    attr_reader :version, :dependencies, :required_ruby_version, :required_rubygems_version
    attr_accessor :loaded_from

    ARRAY_ATTRIBUTES.each do |attr|
      define_method("#{attr}=") { |value| instance_variable_set("@#{attr}", Array(value).flatten) }
    end

    def self.load(file)
      code = File.read(file)
      spec = eval(code, nil, file)
      return nil unless Gem::Specification === spec
      spec.loaded_from = File.expand_path(file)
      spec
    end

    def self.find_by_name(name, *requirements)
      raise Gem::MissingSpecError, "Could not find '#{name}' (#{Gem::Requirement.create(requirements.empty? ? nil : requirements)}) among 0 total gem(s)"
    end

    def self.find_all_by_name(*args)
      []
    end

    def initialize(name = nil, version = nil)
      @name = name
      @version = nil
      self.version = version if version
      ARRAY_ATTRIBUTES.each { |attr| instance_variable_set("@#{attr}", []) }
      @require_paths = ["lib"]
      @bindir = "bin"
      @platform = "ruby"
      @metadata = {}
      @dependencies = []
      @specification_version = 4
      @rubygems_version = Gem::VERSION
      @required_ruby_version = Gem::Requirement.default
      @required_rubygems_version = Gem::Requirement.default
      yield self if block_given?
    end

    def version=(version)
      @version = Gem::Version.create(version)
    end

    def author
      authors.first
    end

    def author=(value)
      self.authors = [value]
    end

    def license
      licenses.first
    end

    def license=(value)
      self.licenses = [value]
    end

    def executable
      executables.first
    end

    def executable=(value)
      self.executables = [value]
    end

    def required_ruby_version=(req)
      @required_ruby_version = Gem::Requirement.create(req)
    end

    def required_rubygems_version=(req)
      @required_rubygems_version = Gem::Requirement.create(req)
    end

    def add_dependency(name, *requirements)
      add_runtime_dependency(name, *requirements)
    end

    def add_runtime_dependency(name, *requirements)
      @dependencies << Gem::Dependency.new(name, *requirements.flatten, :runtime)
    end

    def add_development_dependency(name, *requirements)
      @dependencies << Gem::Dependency.new(name, *requirements.flatten, :development)
    end

    def runtime_dependencies
      @dependencies.select { |d| d.type == :runtime }
    end

    def development_dependencies
      @dependencies.select { |d| d.type == :development }
    end

    def full_name
      platform.to_s == "ruby" ? "#{name}-#{version}" : "#{name}-#{version}-#{platform}"
    end

    def file_name
      "#{full_name}.gem"
    end

    def lib_files
      files.select { |f| require_paths.any? { |p| f.start_with?("#{p}/") } }
    end

    def to_s
      "#<Gem::Specification name=#{name} version=#{version}>"
    end

    def inspect
      "#<Gem::Specification name=#{name} version=#{version}>"
    end
  end

  class Platform
    RUBY = "ruby"
    attr_reader :cpu, :os, :version

    def self.local
      new(RUBY_PLATFORM)
    end

    def initialize(arch)
      @cpu, @os = arch.to_s.split("-", 2)
      @os = "linux" if @os == "linux-gnu" # as Rubygems: the GNU C library is the default, left unnamed
      @version = nil
    end

    def to_s
      [@cpu, @os, @version].compact.join("-")
    end
  end
end
"""


def ensure_loaded(rt: Any) -> None:
    """Run the Ruby part of Gem in ``rt`` if it has not run yet."""
    load_prelude(rt, "rubygems", SOURCE)


for _cls in (VERSION, REQUIREMENT, DEPENDENCY, SPECIFICATION, PLATFORM):
    lazy_method(_cls, "initialize", "rubygems", SOURCE)
for _cls, _names in (
    (VERSION, "correct? create"),
    (REQUIREMENT, "create default parse"),
    (SPECIFICATION, "load find_by_name find_all_by_name"),
    (PLATFORM, "local"),
):
    for _name in _names.split():
        lazy_method(_cls, _name, "rubygems", SOURCE, singleton=True)


# ---------------------------------------------------------------- Gem module functions


@builtin(GEM, "win_platform?", singleton=True)
def gem_win_platform(rt: Any, mod: Any, block: RProc | None = None) -> bool:
    """Gem.win_platform?: false."""
    return False


@builtin(GEM, "java_platform?", singleton=True)
def gem_java_platform(rt: Any, mod: Any, block: RProc | None = None) -> bool:
    """Gem.java_platform?: false."""
    return False


@builtin(GEM, "ruby", singleton=True)
def gem_ruby(rt: Any, mod: Any, block: RProc | None = None) -> Any:
    """Gem.ruby: RbConfig.ruby."""
    return rt.call(rt.constants["RbConfig"], "ruby")


@builtin(GEM, "ruby_version", singleton=True)
def gem_ruby_version(rt: Any, mod: Any, block: RProc | None = None) -> Any:
    """Gem.ruby_version: Gem::Version of RUBY_VERSION."""
    return rt.call(VERSION, "new", rt.constants["RUBY_VERSION"])


@builtin(GEM, "rubygems_version", singleton=True)
def gem_rubygems_version(rt: Any, mod: Any, block: RProc | None = None) -> Any:
    """Gem.rubygems_version."""
    return rt.call(VERSION, "new", GEM.constants["VERSION"])


@builtin(GEM, "loaded_specs", singleton=True)
def gem_loaded_specs(rt: Any, mod: Any, block: RProc | None = None) -> RHash:
    """Gem.loaded_specs: no gems are activated."""
    return RHash()


def _home() -> str:
    return os.environ.get("GEM_HOME") or "/var/lib/gems/3.1.0"


@builtin(GEM, "dir", "default_dir", singleton=True)
def gem_dir(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """Gem.dir: $GEM_HOME or the system gem directory."""
    return RString(_home())


@builtin(GEM, "path", singleton=True)
def gem_path(rt: Any, mod: Any, block: RProc | None = None) -> list[RString]:
    """Gem.path: $GEM_PATH entries, or the gem directory."""
    value = os.environ.get("GEM_PATH")
    return [RString(p) for p in value.split(":") if p] if value else [RString(_home())]


@builtin(GEM, "bindir", singleton=True)
def gem_bindir(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> RString:
    """Gem.bindir: where gem executables go."""
    return RString(os.path.join(_home(), "bin"))


@builtin(GEM, "user_home", singleton=True)
def gem_user_home(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """Gem.user_home."""
    return RString(os.path.expanduser("~"))


@builtin(GEM, "platforms", singleton=True)
def gem_platforms(rt: Any, mod: Any, block: RProc | None = None) -> list[Any]:
    """Gem.platforms: ["ruby", the local platform]."""
    return [RString("ruby"), rt.call(PLATFORM, "local")]


@default_feature("rubygems")
def _feature(rt: Any) -> None:
    """``require "rubygems"``: Gem is always loaded."""
    return None


@on_new_interpreter
def _always_loaded(rt: Any) -> None:
    rt.constants["Gem"] = GEM
    rt.require("rubygems")
