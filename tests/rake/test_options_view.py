"""``Rake.application.options`` holds rake's values (Symbols, Regexps, IOs); a Rakefile's own listing reads them as rake's does.

Expected outputs were recorded from rake 13.0.6.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.rakefiles import run_cli, write_project

# Rake 13.0.6's Application#display_tasks_and_comments, verbatim: Rakefiles that customise the listing copy it.
RAKES_LISTING = """\
class << Rake.application
  def display_tasks_and_comments
    displayable_tasks = tasks.select { |t|
      (options.show_all_tasks || t.comment) &&
        t.name =~ options.show_task_pattern
    }
    case options.show_tasks
    when :tasks
      width = displayable_tasks.map { |t| t.name_with_args.length }.max || 10
      if truncate_output?
        max_column = terminal_width - name.size - width - 7
      else
        max_column = nil
      end

      displayable_tasks.each do |t|
        printf("#{name} %-#{width}s  # %s\\n",
          t.name_with_args,
          max_column ? truncate(t.comment, max_column) : t.comment)
      end
    when :describe
      displayable_tasks.each do |t|
        puts "#{name} #{t.name_with_args}"
        comment = t.full_comment || ""
        comment.split("\\n").each do |line|
          puts "    #{line}"
        end
        puts
      end
    when :lines
      displayable_tasks.each do |t|
        t.locations.each do |loc|
          printf "#{name} %-30s %s\\n", t.name_with_args, loc
        end
      end
    else
      fail "Unknown show task mode: '#{options.show_tasks}'"
    end
  end
end
"""
TASKS = """\
desc "Build it"
task :build, [:a, :b]
desc "Test it"
task :test
task :plain
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-T"], "pydrake build[a,b]  # Build it\npydrake test        # Test it\n"),
        (["-T", "-A"], "pydrake build[a,b]  # Build it\npydrake plain       # \npydrake test        # Test it\n"),
        (["-T", "bu"], "pydrake build[a,b]  # Build it\n"),
        (["-D", "test"], "pydrake test\n    Test it\n\n"),
        (["-W", "pla"], "pydrake plain                          $CASE/Rakefile:{line}:in `<top (required)>'\n"),
    ],
)
def test_a_copy_of_rakes_listing_method_lists_as_rake(tmp_path: Path, args: list[str], expected: str) -> None:
    write_project(tmp_path, RAKES_LISTING + TASKS)
    status, out, err = run_cli(tmp_path, *args)
    line = RAKES_LISTING.count("\n") + 5  # `task :plain`
    assert (status, out.replace(str(tmp_path), "$CASE"), err) == (0, expected.format(line=line), "")


PRINT_OPTIONS = """\
class << Rake.application
  def display_tasks_and_comments
    o = options
    p [o.show_tasks, o.show_task_pattern, o.show_all_tasks, o.job_stats, o.rakelib, o.suppress_backtrace_pattern]
    p [o.trace, o.backtrace, o.dryrun, o.silent, o.always_multitask, o.build_all, o.nosearch, o.ignore_deprecate, o.trace_rules]
    p [o.trace_output == $stderr, o.trace_output == $stdout, o.thread_pool_size]
    p [o.verbose, o.nowrite, o.jobs, o.rakefiles, o.respond_to?(:show_task_pattern), o.respond_to?(:jobs)]
  end
end
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["-T"],
            '[:tasks, //, false, false, ["rakelib"], nil]\n'
            "[false, false, false, false, false, false, false, false, false]\n"
            "[true, false, 6]\n"
            "[nil, nil, nil, nil, true, false]\n",
        ),
        (
            ["-D", "x", "--trace=stdout", "-j", "3", "-n", "-s", "-m", "-B", "-N", "-X", "--rules"],
            '[:describe, /x/, false, false, ["rakelib"], nil]\n'
            "[true, true, true, true, true, true, true, true, true]\n"
            "[false, true, 2]\n"
            "[nil, nil, nil, nil, true, false]\n",
        ),
        (
            ["-W", "--job-stats=history", "--suppress-backtrace", "lib/", "-R", "a:b"],
            '[:lines, //, true, :history, ["a", "b"], /lib\\//]\n'
            "[false, false, false, false, false, false, false, false, false]\n"
            "[true, false, 6]\n"
            "[nil, nil, nil, nil, true, false]\n",
        ),
    ],
)
def test_options_have_rakes_value_types(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)  # rake's suggested thread count: CPUs + 4
    write_project(tmp_path, PRINT_OPTIONS)
    status, out, _ = run_cli(tmp_path, *args)
    assert (status, out.split("Maximum active threads")[0]) == (0, expected)


def test_values_a_rakefile_sets_read_back_and_steer_the_listing(tmp_path: Path) -> None:
    rakefile = """\
o = Rake.application.options
o.show_all_tasks = true
o.show_task_pattern = /B/i
o.custom = "mine"
p [o.show_task_pattern, o.custom, o.respond_to?(:custom), o.respond_to?(:other), o.other]
o.trace_output = $stdout
o.job_stats = :history
p [o.trace_output == $stdout, o.job_stats]
task :bar
task :other
"""
    write_project(tmp_path, rakefile)
    status, out, err = run_cli(tmp_path, "-T")
    head, stats = out.split("Maximum active threads")
    assert (status, head, err) == (
        0,
        '[/B/i, "mine", true, false, nil]\n[true, :history]\npydrake bar  # \n',
        "",
    )
    assert "Job History:" in stats


def test_rakelib_set_by_the_rakefile_is_loaded(tmp_path: Path) -> None:
    rakefile = 'Rake.application.options.rakelib = ["tasks"]\nRake.add_rakelib "more"\np Rake.application.options.rakelib\n'
    files = {"tasks/a.rake": "task :from_tasks\n", "more/b.rake": "task :from_more\n", "rakelib/c.rake": "task :from_rakelib\n"}
    write_project(tmp_path, rakefile, files)
    assert run_cli(tmp_path, "-P") == (0, '["tasks", "more"]\npydrake from_more\npydrake from_tasks\n', "")
