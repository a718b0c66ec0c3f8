# Rake::TestTask: a task running test files in a Ruby subprocess through a test loader, as Rake 13.0.6 does.
require "rake/tasklib"

module Rake
  class TestTask < TaskLib
    attr_accessor :name, :libs, :verbose, :options, :warning, :pattern, :loader, :ruby_opts, :description, :deps

    def test_files=(list)
      @test_files = list
    end

    def initialize(name = :test)
      @name = name
      @libs = ["lib"]
      @pattern = nil
      @options = nil
      @test_files = nil
      @verbose = false
      @warning = true
      @loader = :rake
      @ruby_opts = []
      # The description is made before a Hash name is split, so `name => deps` shows as a Hash.
      @description = "Run tests" + (@name == :test ? "" : " for #{@name}")
      @deps = []
      if @name.is_a?(Hash)
        @deps = @name.values.first
        @name = @name.keys.first
      end
      yield self if block_given?
      @pattern = "test/test*.rb" if @pattern.nil? && @test_files.nil?
      define
    end

    def define
      desc @description
      task @name => Array(deps) do
        Rake::FileUtilsExt.verbose(@verbose) do
          if ARGV.include?("--verbose")
            puts "Use TESTOPTS=\"--verbose\" to pass --verbose, etc. to runners."
          end
          args = "#{ruby_opts_string} #{run_code} #{file_list_string} #{option_list}"
          Rake::TaskLibSupport.warn_if_missing(ENV["RUBY"] || "ruby", "Ruby")
          ruby args do |ok, status|
            if !ok && status.respond_to?(:signaled?) && status.signaled?
              raise SignalException.new(status.termsig)
            elsif !ok
              message = "Command failed with status (#{status.exitstatus})"
              message += ": [ruby #{args}]" if Rake.application.options.trace || @verbose
              fail message
            end
          end
        end
      end
      self
    end

    def option_list
      ENV["TESTOPTS"] || ENV["TESTOPT"] || ENV["TEST_OPTS"] || ENV["TEST_OPT"] || @options || ""
    end

    def ruby_opts_string
      opts = @ruby_opts.dup
      opts.unshift("-I\"#{lib_path}\"") unless @libs.empty?
      opts.unshift("-w") if @warning
      opts.join(" ")
    end

    def lib_path
      @libs.join(File::PATH_SEPARATOR)
    end

    def file_list_string
      file_list.map { |fn| "\"#{fn}\"" }.join(" ")
    end

    def file_list
      return FileList[ENV["TEST"]] if ENV["TEST"]
      result = []
      result += @test_files.to_a if @test_files
      result += FileList[@pattern].to_a if @pattern
      result
    end

    def ruby_version
      RUBY_VERSION
    end

    def run_code
      case @loader
      when :direct
        "-e \"ARGV.each{|f| require f}\""
      when :testrb
        "-S testrb"
      when :rake
        File.join(Rake::TaskLibSupport.lib_dir, "rake", "rake_test_loader.rb")
      end
    end
  end
end
