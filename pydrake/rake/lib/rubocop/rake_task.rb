# RuboCop::RakeTask (rubocop 1.39): `rubocop` and its autocorrect subtasks, running the rubocop program
# with the options RuboCop's CLI would get.
require "rake/tasklib"

module RuboCop
  class RakeTask < ::Rake::TaskLib
    attr_accessor :name, :verbose, :fail_on_error, :patterns, :formatters, :requires, :options

    def initialize(name = :rubocop, *args, &task_block)
      super()
      setup_ivars(name)

      desc "Run RuboCop" unless ::Rake.application.last_description

      task(name, *args) do |_, task_args|
        Rake::FileUtilsExt.verbose(verbose) do
          task_block.call(*[self, task_args].slice(0, task_block.arity)) if task_block
          run_cli(verbose, full_options)
        end
      end

      setup_subtasks(name, *args, &task_block)
    end

    private

    def perform(option)
      options = full_options.unshift(option)
      options.delete("--parallel")
      run_cli(verbose, options)
    end

    def run_cli(verbose, options)
      puts "Running RuboCop..." if verbose
      Rake::TaskLibSupport.warn_if_missing("rubocop", "the rubocop gem")
      succeeded = system("rubocop", *options)
      abort("RuboCop failed!") if !succeeded && fail_on_error
    end

    def full_options
      formatters.map { |f| ["--format", f] }.flatten
                .concat(requires.map { |r| ["--require", r] }.flatten)
                .concat(options.flatten)
                .concat(patterns)
    end

    def setup_ivars(name)
      @name = name
      @verbose = true
      @fail_on_error = true
      @patterns = []
      @requires = []
      @options = []
      @formatters = []
    end

    def setup_subtasks(name, *args, &task_block)
      namespace(name) do
        # The deprecated spelling: undescribed, and (as in rubocop 1.39) its block sees no task arguments.
        task(:auto_correct, *args) do
          warn "rubocop:auto_correct task is deprecated; use rubocop:autocorrect task or rubocop:autocorrect_all task instead."
          Rake::FileUtilsExt.verbose(verbose) do
            task_block.call(*[self, task_args].slice(0, task_block.arity)) if task_block
            perform("--autocorrect")
          end
        end

        desc "Autocorrect RuboCop offenses (only when it's safe)."
        task(:autocorrect, *args) do |_, task_args|
          Rake::FileUtilsExt.verbose(verbose) do
            task_block.call(*[self, task_args].slice(0, task_block.arity)) if task_block
            perform("--autocorrect")
          end
        end

        desc "Autocorrect RuboCop offenses (safe and unsafe)."
        task(:autocorrect_all, *args) do |_, task_args|
          Rake::FileUtilsExt.verbose(verbose) do
            task_block.call(*[self, task_args].slice(0, task_block.arity)) if task_block
            perform("--autocorrect-all")
          end
        end
      end
    end
  end
end
