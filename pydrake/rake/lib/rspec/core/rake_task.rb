# RSpec::Core::RakeTask (rspec-core 3.12): a task running the spec files through the rspec program.
# With rspec-core installed the command is the one rspec-core builds (Ruby, rspec-core and rspec-support
# on -I, the gem's exe/rspec); without it, `rspec` from the PATH.
require "rake/tasklib"
require "shellwords"

module RSpec
  module Core
    module ShellEscape
      module_function

      def quote(argument)
        "'#{argument.to_s.gsub("'", "\\\\'")}'"
      end

      def escape(shell_command)
        Shellwords.escape(shell_command.to_s)
      end
    end

    class RakeTask < ::Rake::TaskLib
      include RSpec::Core::ShellEscape

      GEM_DIR = Rake::TaskLibSupport.gem_dir("rspec-core")
      SUPPORT_GEM_DIR = Rake::TaskLibSupport.gem_dir("rspec-support")
      DEFAULT_RSPEC_PATH = GEM_DIR ? File.join(GEM_DIR, "exe", "rspec") : "rspec"
      DEFAULT_PATTERN = "spec/**{,/*/**}/*_spec.rb"

      attr_accessor :name, :pattern, :exclude_pattern, :fail_on_error, :failure_message, :with_clean_environment,
                    :verbose, :ruby_opts, :rspec_path, :rspec_opts

      def initialize(*args, &task_block)
        @name = args.shift || :spec
        @ruby_opts = nil
        @rspec_opts = nil
        @verbose = true
        @fail_on_error = true
        @rspec_path = DEFAULT_RSPEC_PATH
        @pattern = DEFAULT_PATTERN
        define(args, &task_block)
      end

      def run_task(verbose)
        command = spec_command
        puts command if verbose
        Rake::TaskLibSupport.warn_if_missing(spec_program, "the rspec-core gem")
        if with_clean_environment
          return if system({}, command, :unsetenv_others => true)
        else
          return if system(command)
        end
        message = failure_message
        puts message if message
        return unless fail_on_error
        $stderr.puts "#{command} failed" if verbose
        exit $?.exitstatus || 1
      end

      private

      def define(args, &task_block)
        desc "Run RSpec code examples" unless ::Rake.application.last_description
        task name, *args do |_, task_args|
          Rake::FileUtilsExt.verbose(verbose) do
            task_block.call(*[self, task_args].slice(0, task_block.arity)) if task_block
            run_task verbose
          end
        end
      end

      def file_inclusion_specification
        if ENV["SPEC"]
          FileList[ENV["SPEC"]].sort
        elsif String === pattern && !File.exist?(pattern)
          return if [*rspec_opts].any? { |opt| opt =~ /--pattern/ }
          "--pattern #{escape pattern}"
        else
          FileList[pattern].sort.map { |file| escape file }
        end
      end

      def file_exclusion_specification
        " --exclude-pattern #{escape exclude_pattern}" if exclude_pattern
      end

      # The program the command starts with: Ruby running rspec-core's script, or rspec itself.
      def spec_program
        runs_rspec_directly? ? rspec_path : (ENV["RUBY"] || ruby_path)
      end

      def runs_rspec_directly?
        rspec_path == "rspec" && GEM_DIR.nil?
      end

      def spec_command
        cmd_parts = []
        if runs_rspec_directly? && ruby_opts.nil?
          cmd_parts << "rspec"
        elsif runs_rspec_directly?
          cmd_parts << ruby_path << ruby_opts << "-S" << "rspec"
        else
          cmd_parts << ruby_path << ruby_opts << rspec_load_path << escape(rspec_path)
        end
        cmd_parts << file_inclusion_specification
        cmd_parts << file_exclusion_specification
        cmd_parts << rspec_opts
        cmd_parts.flatten.reject { |s| s.nil? || s == "" }.join(" ")
      end

      def ruby_path
        ENV["RUBY"] || File.join(RbConfig::CONFIG["bindir"], RbConfig::CONFIG["ruby_install_name"] + RbConfig::CONFIG["EXEEXT"])
      end

      def rspec_load_path
        @rspec_load_path ||= begin
          dirs = [SUPPORT_GEM_DIR, GEM_DIR].compact.map { |dir| escape File.join(dir, "lib") }
          "-I#{dirs.join(File::PATH_SEPARATOR)}"
        end
      end
    end
  end
end
