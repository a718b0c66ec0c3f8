# Cucumber::Rake::Task (cucumber 2.4 to 3.x): the `cucumber` task (or the name and description given),
# running the cucumber program in a Ruby subprocess, through `bundle exec` when there is a Gemfile.
require "rake/tasklib"

module Cucumber
  CUCUMBER_GEM_DIR = Rake::TaskLibSupport.gem_dir("cucumber")
  BINARY = if CUCUMBER_GEM_DIR
             File.join(CUCUMBER_GEM_DIR, "bin", "cucumber")
           else
             Rake::TaskLibSupport.which("cucumber") || "cucumber"
           end
  RUBY_BINARY = File.join(RbConfig::CONFIG["bindir"], RbConfig::CONFIG["ruby_install_name"] + RbConfig::CONFIG["EXEEXT"])

  module Rake
    class Task
      include ::Rake::DSL

      # fork = false: cucumber with the task's libs on the load path, failing with "Cucumber failed".
      class InProcessCucumberRunner
        include ::Rake::DSL

        attr_reader :args

        def initialize(libs, cucumber_opts, feature_files)
          raise "libs must be an Array when running in-process" unless Array === libs
          @libs = libs
          @args = (cucumber_opts + feature_files).flatten.compact
        end

        def run
          ::Rake::TaskLibSupport.warn_if_missing(Cucumber::BINARY, "the cucumber gem")
          failure = !system(Cucumber::RUBY_BINARY, "-I", @libs.join(File::PATH_SEPARATOR), Cucumber::BINARY, *args)
          raise "Cucumber failed" if failure
        end
      end

      # fork = true (the default): `ruby -I "libs" "cucumber" opts features`, or `ruby -S bundle exec cucumber`.
      class ForkedCucumberRunner
        include ::Rake::DSL

        def initialize(libs, cucumber_bin, cucumber_opts, bundler, feature_files)
          @libs = libs
          @cucumber_bin = cucumber_bin
          @cucumber_opts = cucumber_opts
          @bundler = bundler
          @feature_files = feature_files
        end

        def load_path(libs)
          [format('"%s"', @libs.join(File::PATH_SEPARATOR))]
        end

        def quoted_binary(cucumber_bin)
          [format('"%s"', cucumber_bin)]
        end

        def use_bundler
          @bundler.nil? ? File.exist?("./Gemfile") && bundler_gem_available? : @bundler
        end

        # Bundler is one of Ruby 3.1's default gems.
        def bundler_gem_available?
          true
        end

        def cmd
          if use_bundler
            [Cucumber::RUBY_BINARY, "-S", "bundle", "exec", "cucumber", @cucumber_opts, @feature_files].flatten
          else
            [Cucumber::RUBY_BINARY, "-I", load_path(@libs), quoted_binary(@cucumber_bin), @cucumber_opts,
             @feature_files].flatten
          end
        end

        def run
          ::Rake::TaskLibSupport.warn_if_missing(use_bundler ? Cucumber::BINARY : @cucumber_bin, "the cucumber gem")
          sh cmd.join(" ") do |ok, res|
            exit res.exitstatus unless ok
          end
        end
      end

      attr_accessor :libs, :binary, :cucumber_opts, :fork, :profile, :bundler

      def cucumber_opts=(opts)
        @cucumber_opts = String === opts ? opts.split(" ") : opts
      end

      def initialize(task_name = "cucumber", desc = "Run Cucumber features")
        @task_name = task_name
        @desc = desc
        @fork = true
        @libs = ["lib"]
        @rcov_opts = %w[--rails --exclude osx\/objc,gems\/]
        yield self if block_given?
        @binary = binary.nil? ? Cucumber::BINARY : File.expand_path(binary)
        define_task
      end

      def define_task
        desc @desc
        task @task_name do
          runner.run
        end
      end

      def runner(_task_args = nil)
        cucumber_opts = [(ENV["CUCUMBER_OPTS"] ? ENV["CUCUMBER_OPTS"].split(/\s+/) : nil) || cucumber_opts_with_profile]
        return ForkedCucumberRunner.new(libs, binary, cucumber_opts, bundler, feature_files) if @fork
        InProcessCucumberRunner.new(libs, cucumber_opts, feature_files)
      end

      def cucumber_opts_with_profile
        Array(cucumber_opts).concat(Array(@profile).flat_map { |p| ["--profile", p] })
      end

      def feature_files
        make_command_line_safe(FileList[ENV["FEATURE"] || []])
      end

      def make_command_line_safe(list)
        list.map { |string| string.gsub(" ", "\\ ") }
      end
    end
  end
end
