# YARD::Rake::YardocTask (yard 0.9.28): the `yard` task (or the name given), generating the documentation
# with the yardoc program, then statistics with `yard stats` when stats_options are set.
require "rake/tasklib"

module YARD
  module Rake
    class YardocTask < ::Rake::TaskLib
      attr_accessor :name, :options, :stats_options, :files, :before, :after, :verifier

      def initialize(name = :yard)
        @name = name
        @options = []
        @stats_options = []
        @files = []

        yield self if block_given?
        self.options += ENV["OPTS"].split(/[ ,]/) if ENV["OPTS"]
        self.files += ENV["FILES"].split(/[ ,]/) if ENV["FILES"]
        self.options << "--no-stats" unless stats_options.empty?

        define
      end

      protected

      def define
        desc "Generate YARD Documentation" unless ::Rake.application.last_description
        task(name) do
          before.call if before.is_a?(Proc)
          ::Rake::TaskLibSupport.warn_if_missing("yardoc", "the yard gem")
          sh "yardoc", *(options + files), verbose: false
          sh "yard", "stats", *(stats_options + ["--use-cache"]), verbose: false unless stats_options.empty?
          after.call if after.is_a?(Proc)
        end
      end
    end
  end
end
