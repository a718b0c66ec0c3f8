# Rake::TaskLib: the base class of task libraries (TestTask, PackageTask, the gems' rake tasks).
require "rake/file_utils_ext"

module Rake
  # dup and clone give copies of every instance variable, so a copied library object can be reconfigured.
  module Cloneable
    def initialize_copy(source)
      source.instance_variables.each do |var|
        value = source.instance_variable_get(var)
        copy = begin
          value.clone
        rescue StandardError
          value
        end
        instance_variable_set(var, copy)
      end
    end
  end

  class TaskLib
    include Cloneable
    include Rake::DSL
  end
end
