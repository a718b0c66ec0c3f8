# Gem::PackageTask: Rake::PackageTask plus the `gem` task building NAME-VERSION.gem, as Rubygems 3.3 does.
# The .gem itself is built by Gem::Package.build in a Ruby subprocess, from the specification written out
# as Ruby source.
require "rake/packagetask"

module Gem
  class Package
    # Specification attributes written out for the build, in this order.
    PLAIN_ATTRIBUTES = [:summary, :description, :email, :homepage, :bindir, :post_install_message, :metadata]
    LIST_ATTRIBUTES = [:authors, :files, :test_files, :executables, :extensions, :extra_rdoc_files, :licenses,
                       :rdoc_options, :require_paths, :requirements, :cert_chain]

    def self.spec_source(spec)
      lines = ["Gem::Specification.new do |s|"]
      lines << "  s.name = #{spec.name.to_s.inspect}"
      lines << "  s.version = #{spec.version.to_s.inspect}"
      lines << "  s.platform = #{spec.platform.to_s.inspect}" unless spec.platform.to_s == "ruby"
      PLAIN_ATTRIBUTES.each do |attr|
        value = spec.__send__(attr)
        next if value.nil? || (value.respond_to?(:empty?) && value.empty?)
        lines << "  s.#{attr} = #{value.inspect}"
      end
      LIST_ATTRIBUTES.each do |attr|
        value = Array(spec.__send__(attr)).map(&:to_s)
        next if value.empty?
        next if attr == :require_paths && value == ["lib"]
        lines << "  s.#{attr} = #{value.inspect}"
      end
      required = spec.required_ruby_version.to_s
      lines << "  s.required_ruby_version = #{required.split(", ").inspect}" unless required == ">= 0"
      spec.dependencies.each do |dep|
        kind = dep.type == :development ? "development" : "runtime"
        lines << "  s.add_#{kind}_dependency #{([dep.name] + dep.requirements_list).map(&:to_s).inspect[1..-2]}"
      end
      lines << "end"
      lines.join("\n")
    end

    def self.build(spec)
      code = "require 'rubygems/package'\nGem::Package.build(#{spec_source(spec)})"
      ruby = ENV["RUBY"] || "ruby"
      Rake::TaskLibSupport.warn_if_missing(ruby, "Ruby")
      return spec.file_name if system(ruby, "-e", code)
      fail "Gem::Package.build failed for #{spec.file_name} (exit status #{$?.exitstatus})"
    end
  end

  class PackageTask < Rake::PackageTask
    attr_accessor :gem_spec

    def initialize(gem_spec)
      init gem_spec
      yield self if block_given?
      define if block_given?
    end

    def init(gem)
      super gem.full_name, :noversion
      @gem_spec = gem
      @package_files += gem_spec.files if gem_spec.files
      @fileutils_output = $stdout
    end

    def define
      super

      gem_file = gem_spec.file_name
      gem_path = File.join package_dir, gem_file
      gem_dir = File.join package_dir, gem_spec.full_name

      task package: [:gem]

      directory package_dir
      directory gem_dir

      desc "Build the gem file #{gem_file}"
      task gem: [gem_path]

      trace = Rake.application.options.trace

      file gem_path => [package_dir, gem_dir] + @gem_spec.files do
        chdir(gem_dir) do
          when_writing "Creating #{gem_spec.file_name}" do
            Gem::Package.build gem_spec
            verbose trace do
              mv gem_file, ".."
            end
          end
        end
      end
    end
  end
end
