# Rake::MakefileLoader: `import "deps.mf"` reads make-style dependency lines (`target ...: dep ...`, with
# `\` line continuations, `#` comments and `\ ` escaped spaces), each target becoming a file task on its
# dependencies. Loading this file registers it for the .mf extension, as Rake 13.0.6 does.
module Rake
  class MakefileLoader
    include Rake::DSL

    SPACE_MARK = "\0"

    def load(fn)
      lines = File.read fn
      lines.gsub!(/\\ /, SPACE_MARK)
      # A comment goes with its newline, so the next line continues the one the comment ended.
      lines.gsub!(/#[^\n]*\n/m, "")
      lines.gsub!(/\\\n/, " ")
      lines.each_line do |line|
        process_line(line)
      end
    end

    private

    def process_line(line)
      file_tasks, args = line.split(":", 2)
      return if args.nil?
      dependents = args.split.map { |d| respace(d) }
      file_tasks.scan(/\S+/) do |file_task|
        file file_task.tr(SPACE_MARK, " ") => dependents
      end
    end

    def respace(str)
      str.tr SPACE_MARK, " "
    end
  end

  Rake.application.add_loader("mf", MakefileLoader.new)
end
