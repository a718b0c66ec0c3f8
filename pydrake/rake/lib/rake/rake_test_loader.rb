# The test loader Rake::TestTask runs under the real Ruby: requires each test file named on the command
# line (expanding arguments that contain "*"), then leaves the options for the test framework in ARGV.

options = []
ARGV.each do |argument|
  if argument.start_with?("-")
    options << argument
  elsif argument.include?("*")
    Dir.glob(argument).sort.each { |file| require File.expand_path(file) }
  else
    path = File.expand_path(argument)
    abort "\nFile does not exist: #{path}\n\n" unless File.exist?(path)
    require path
  end
end
ARGV.replace(options)
