# `require "yard"` as a Rakefile uses it: the YARD module with its rake task.
module YARD
  VERSION = "0.9.28"
end

require "yard/rake/yardoc_task"
