# `require "rdoc"` as a Rakefile uses it (RDoc 6.4.1.1): the RDoc module with its version, and
# RDoc::RDoc#document, which runs the rdoc program with the given command-line arguments.
module RDoc
  VERSION = "6.4.1.1"

  class Error < RuntimeError; end

  class RDoc
    def document(options)
      args = Array(options).map(&:to_s)
      Rake::TaskLibSupport.warn_if_missing("rdoc", "the rdoc gem")
      system("rdoc", *args) or raise ::RDoc::Error, "rdoc #{args.join ' '} failed (#{$?.exitstatus})"
    end
  end
end
