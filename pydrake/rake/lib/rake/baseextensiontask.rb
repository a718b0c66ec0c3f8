# Rake::BaseExtensionTask (rake-compiler 1.2.1): what every extension task shares: name, directories,
# gem specification, platform, and the extension's source files.
require "rake/clean"
require "rake/tasklib"
require "pathname"

module Rake
  class BaseExtensionTask < TaskLib
    attr_accessor :name, :gem_spec, :tmp_dir, :ext_dir, :lib_dir, :config_options, :source_pattern, :extra_options
    attr_writer :platform

    def platform
      @platform ||= RUBY_PLATFORM
    end

    def initialize(name = nil, gem_spec = nil)
      init(name, gem_spec)
      yield self if block_given?
      define
    end

    def init(name = nil, gem_spec = nil)
      @name = name
      @gem_spec = gem_spec
      @tmp_dir = "tmp"
      @ext_dir = "ext/#{@name}"
      @lib_dir = "lib"
      @lib_dir += "/#{File.dirname(@name.to_s)}" if @name && File.dirname(@name.to_s) != "."
      @config_options = []
      @extra_options = ARGV.select { |i| i =~ /\A--?/ }
    end

    def define
      fail "Extension name must be provided." if @name.nil?
      @name = @name.to_s
      define_compile_tasks
    end

    private

    def define_compile_tasks
      raise NotImplementedError
    end

    def binary(platform = nil)
      ext = case platform
            when /darwin/ then "bundle"
            when /mingw|mswin|linux/ then "so"
            when /java/ then "jar"
            else RbConfig::CONFIG["DLEXT"]
            end
      "#{@name}.#{ext}"
    end

    def source_files
      FileList["#{@ext_dir}/#{@source_pattern}"]
    end

    def warn_once(message)
      @@already_warned ||= false
      return if @@already_warned
      @@already_warned = true
      warn message
    end
  end
end
