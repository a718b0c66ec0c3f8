# Bundler as a Rakefile sees it (Bundler 2.3.7): Bundler.require and Bundler.setup check that a Gemfile
# exists and load nothing (the gems a Rakefile's tasks need are the programs they run), the env helpers
# run their block, Bundler.load_gemspec reads a .gemspec, and Bundler.ui prints like Bundler's shell.
module Bundler
  VERSION = "2.3.7"

  class BundlerError < StandardError; end
  class GemfileNotFound < BundlerError; end
  class GemspecError < StandardError; end

  # What Bundler.ui does outside `bundle`: confirmations and info on stdout, warnings and errors on stderr.
  class UI
    def confirm(message = nil)
      $stdout.puts(message)
    end

    def info(message = nil)
      $stdout.puts(message)
    end

    def warn(message = nil)
      $stderr.puts(message)
    end

    def error(message = nil)
      $stderr.puts(message)
    end

    def debug(message = nil)
      nil
    end

    def debug?
      false
    end
  end

  module SharedHelpers
    def self.pwd
      Dir.pwd
    end

    def self.chdir(dir, &block)
      Dir.chdir(dir, &block)
    end

    def self.filesystem_access(path)
      yield path
    end

    # The Gemfile in use: $BUNDLE_GEMFILE, else the nearest Gemfile or gems.rb upward from the current directory.
    def self.default_gemfile
      given = ENV["BUNDLE_GEMFILE"]
      return File.expand_path(given) if given && !given.empty?
      dir = Dir.pwd
      loop do
        ["Gemfile", "gems.rb"].each do |name|
          path = File.join(dir, name)
          return path if File.file?(path)
        end
        parent = File.dirname(dir)
        raise GemfileNotFound, "Could not locate Gemfile" if parent == dir
        dir = parent
      end
    end
  end

  def self.ui
    @ui ||= UI.new
  end

  def self.ui=(ui)
    @ui = ui
  end

  def self.default_gemfile
    SharedHelpers.default_gemfile
  end

  def self.root
    File.dirname(default_gemfile)
  end

  def self.definition
    default_gemfile
  rescue GemfileNotFound
    raise GemfileNotFound, "Could not locate Gemfile or .bundle/ directory"
  end

  def self.setup(*groups)
    definition
    self
  end

  def self.require(*groups)
    definition
    []
  end

  def self.with_unbundled_env
    yield
  end

  def self.with_original_env
    yield
  end

  def self.with_clean_env
    yield
  end

  def self.load_gemspec(file, validate = false)
    path = File.expand_path(file.to_s)
    spec = Dir.chdir(File.dirname(path)) { Gem::Specification.load(path) }
    raise GemspecError, "There was an error loading the gemspec at #{path}." unless spec
    spec
  end

  def self.settings
    {}
  end
end
