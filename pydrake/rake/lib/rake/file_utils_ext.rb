# Rake::FileUtilsExt as a module Ruby code can call directly (Rake::FileUtilsExt.verbose(false) { ... }),
# and its old top-level name RakeFileUtils. The methods are the DSL's: the same flags, the same echo.
module Rake
  module FileUtilsExt
    DSL_RECEIVER = Object.new

    def self.verbose(value = nil, &block)
      return DSL_RECEIVER.__send__(:verbose) if value.nil? && block.nil?
      return block.call if value.nil?
      DSL_RECEIVER.__send__(:verbose, value, &block)
    end

    def self.nowrite(value = nil, &block)
      return DSL_RECEIVER.__send__(:nowrite) if value.nil? && block.nil?
      return block.call if value.nil?
      DSL_RECEIVER.__send__(:nowrite, value, &block)
    end

    def self.verbose_flag
      DSL_RECEIVER.__send__(:verbose)
    end

    def self.nowrite_flag
      DSL_RECEIVER.__send__(:nowrite)
    end

    def self.method_missing(name, *args, &block)
      return super unless DSL_RECEIVER.respond_to?(name, true)
      DSL_RECEIVER.__send__(name, *args, &block)
    end

    def self.respond_to_missing?(name, include_private = false)
      DSL_RECEIVER.respond_to?(name, true) || super
    end
  end
end

RakeFileUtils = Rake::FileUtilsExt unless Object.const_defined?(:RakeFileUtils)
