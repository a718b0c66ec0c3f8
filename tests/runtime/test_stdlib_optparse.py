"""OptionParser, always loaded as under Rake: switches, conversions, errors and help (outputs from Ruby 3.1's optparse)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.rakefiles import run_cli, write_project
from tests.runtime.test_interpreter_support import out, ruby_error

PARSER = """
opts = {}
op = OptionParser.new do |o|
  o.banner = "Usage: x [options]"
  o.separator ""
  o.separator "Specific:"
  o.on("-v", "--[no-]verbose", "Run verbosely") { |v| opts[:verbose] = v }
  o.on("-n", "--name NAME", String, "Name") { |v| opts[:name] = v }
  o.on("--count=N", Integer, "A count") { |v| opts[:count] = v }
  o.on("-l", "--list A,B", Array, "List") { |v| opts[:list] = v }
  o.on("-x[OPT]", "Optional", "second line") { |v| opts[:x] = v }
  o.on("--type TYPE", [:a, :bb], "Enum") { |v| opts[:type] = v }
  o.on("--a-very-long-option-name-here=VALUE", "Long one") { |v| opts[:long] = v }
  o.on("-q") { opts[:q] = true }
  o.on_tail("-h", "--help", "Help") { puts o }
end
"""


def test_help_lays_out_switches_as_optparse() -> None:
    assert out(PARSER + "puts op\n") == (
        "Usage: x [options]\n"
        "\n"
        "Specific:\n"
        "    -v, --[no-]verbose               Run verbosely\n"
        "    -n, --name NAME                  Name\n"
        "        --count=N                    A count\n"
        "    -l, --list A,B                   List\n"
        "    -x[OPT]                          Optional\n"
        "                                     second line\n"
        "        --type TYPE                  Enum\n"
        "        --a-very-long-option-name-here=VALUE\n"
        "                                     Long one\n"
        "    -q\n"
        "    -h, --help                       Help\n"
    )


def test_parse_bang_permutes_converts_and_leaves_the_operands() -> None:
    src = PARSER + """
    p op.parse!(%w[a -v --no-verbose -n bob --count=3 b -l x,y -xfoo --type b --a-very-long=1 -q c])
    p opts
    h = {}
    OptionParser.new { |o| o.on("-a"); o.on("--bee=X", Integer) { |v| v * 2 } }.parse!(%w[-a --bee 4 rest], into: h)
    p h
    argv = %w[-q -- -v]
    op.parse!(argv)
    p argv
    """
    assert out(src) == (
        '["a", "b", "c"]\n'
        '{:verbose=>false, :name=>"bob", :count=>3, :list=>["x", "y"], :x=>"foo", :type=>:bb, :long=>"1", :q=>true}\n'
        "{:a=>true, :bee=>8}\n"
        '["-v"]\n'
    )


def test_short_options_bundle_and_take_attached_or_next_arguments() -> None:
    src = """
    got = []
    op = OptionParser.new do |o|
      o.on("-a", "--all") { |v| got << [:a, v] }
      o.on("-b") { |v| got << [:b, v] }
      o.on("-n NAME") { |v| got << [:n, v] }
      o.on("--opt [X]") { |v| got << [:opt, v] }
      o.on("--flag=[Y]", TrueClass) { |v| got << [:flag, v] }
    end
    p op.parse(%w[-abnfoo]), op.parse(%w[-n -a]), op.parse(%w[--opt -a x --opt val --flag=no --flag])
    p got
    p op.order(%w[-a x -b])
    """
    assert out(src) == (
        "[]\n[]\n[\"x\"]\n"
        '[[:a, true], [:b, true], [:n, "foo"], [:n, "-a"], [:opt, nil], [:a, true], [:opt, "val"], '
        "[:flag, false], [:flag, true]]\n"
        '["x", "-b"]\n'
    )


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        ("-z", ("OptionParser::InvalidOption", "invalid option: -z")),
        ("--nope", ("OptionParser::InvalidOption", "invalid option: --nope")),
        ("--co", ("OptionParser::AmbiguousOption", "ambiguous option: --co")),
        ("--count=abc", ("OptionParser::InvalidArgument", "invalid argument: --count=abc")),
        ("--name", ("OptionParser::MissingArgument", "missing argument: --name")),
        ("--cool=1", ("OptionParser::NeedlessArgument", "needless argument: --cool=1")),
        ("--ty=zz", ("OptionParser::InvalidArgument", "invalid argument: --ty=zz")),
    ],
)
def test_parse_errors_are_optparses(argv: str, error: tuple[str, str]) -> None:
    src = f"""
    op = OptionParser.new do |o|
      o.on("--count=N", Integer)
      o.on("--cool")
      o.on("--name NAME")
      o.on("--type TYPE", [:a, :bb])
    end
    op.parse(["{argv}"])
    """
    assert ruby_error(src) == error


def test_the_class_and_its_errors_are_there_without_require() -> None:
    src = """
    p require("optparse"), OptParse.equal?(OptionParser)
    OptionParser.new
    p OptionParser::InvalidOption.ancestors.take(4)
    p OptionParser.new.banner.start_with?("Usage: "), OptionParser.new("Usage: foo", 20, "  ") { |o| o.on("-x", "--extra", "Extra") }.help
    """
    assert out(src) == (
        "false\ntrue\n"
        "[OptionParser::InvalidOption, OptionParser::ParseError, RuntimeError, StandardError]\n"
        'true\n"Usage: foo\\n  -x, --extra          Extra\\n"\n'
    )


def test_a_task_parses_the_words_after_a_double_dash(tmp_path: Path) -> None:
    rakefile = """\
task :deploy do
  options = {}
  o = OptionParser.new do |opts|
    opts.on("-e", "--env ENV", String) { |e| options[:env] = e }
    opts.on("-f", "--[no-]force") { |f| options[:force] = f }
  end
  args = o.order!(ARGV) {}
  o.parse!(args)
  p options
  exit
end
"""
    write_project(tmp_path, rakefile)
    assert run_cli(tmp_path, "deploy", "--", "-e", "prod", "--no-force") == (0, '{:env=>"prod", :force=>false}\n', "")


def test_an_invalid_option_escaping_a_task_is_reported_by_its_message_alone(tmp_path: Path) -> None:
    # rake's standard_exception_handling rescues OptionParser::InvalidOption and prints only the message
    write_project(tmp_path, 'task :bad do\n  OptionParser.new { |o| o.on("-a") }.parse!(%w[-z])\nend\n')
    assert run_cli(tmp_path, "bad") == (1, "", "invalid option: -z\n")


def test_other_parse_errors_get_the_report_without_the_librarys_frames(tmp_path: Path) -> None:
    write_project(tmp_path, 'task :amb do\n  OptionParser.new { |o| o.on("--count"); o.on("--cool") }.parse!(%w[--co])\nend\n')
    status, _, err = run_cli(tmp_path, "amb")
    assert (status, err.replace(str(tmp_path), "$CASE")) == (
        1,
        "pydrake aborted!\n"
        "OptionParser::AmbiguousOption: ambiguous option: --co\n"
        "$CASE/Rakefile:2:in `block in <top (required)>'\n"
        "Tasks: TOP => amb\n"
        "(See full trace by running task with --trace)\n",
    )
