"""parse_args reproduces Rake 13.0.6's command line (OptionParser rules, RAKEOPT, NAME=value) plus pydrake's options.

Expected values and error texts were recorded from rake 13.0.6 under Ruby 3.1.2.
"""

from __future__ import annotations

import pytest

from pydrake import options as options_module
from pydrake.options import DEFAULT, CommandLineError, Options, parse_args, shellwords
from pydrake.rake.errors import spell_check

HINT = "(See full trace by running task with --trace)\n"


@pytest.fixture(autouse=True)
def _four_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(options_module, "cpu_count", lambda: 4)


def parse(*argv: str, **environ: str) -> Options:
    return parse_args(list(argv), environ)


def error(*argv: str, **environ: str) -> CommandLineError:
    with pytest.raises(CommandLineError) as info:
        parse_args(list(argv), environ)
    return info.value


def report(*argv: str, **environ: str) -> str:
    return error(*argv, **environ).report("pydrake")


# --- Defaults and simple switches ---------------------------------------------------------------


def test_defaults_match_rakes_set_default_options() -> None:
    o = parse()
    assert o == Options()
    assert (o.always_multitask, o.backtrace, o.build_all, o.dryrun, o.trace, o.silent) == (False,) * 6
    assert o.rakelib == ["rakelib"]
    assert o.rakefiles is None
    assert o.show_tasks is None and o.show_task_pattern is None
    assert o.job_stats is None and o.jobs is None
    assert o.trace_output == "stderr" and o.backtrace_output == "stderr"
    assert o.verbose is DEFAULT and o.nowrite is False
    assert o.top_level_tasks == [] and o.env_assignments == []
    assert o.output_sync == "task" and o.shuffle is None and o.graph is None


@pytest.mark.parametrize(
    ("words", "field", "value"),
    [
        (["-A"], "show_all_tasks", True),
        (["--all"], "show_all_tasks", True),
        (["-B"], "build_all", True),
        (["--build-all"], "build_all", True),
        (["-m"], "always_multitask", True),
        (["--multitask"], "always_multitask", True),
        (["-N"], "nosearch", True),
        (["--nosearch"], "nosearch", True),
        (["--no-search"], "nosearch", True),
        (["-P"], "show_prereqs", True),
        (["--prereqs"], "show_prereqs", True),
        (["--rules"], "trace_rules", True),
        (["-g"], "load_system", True),
        (["--system"], "load_system", True),
        (["-G"], "ignore_system", True),
        (["--no-system"], "ignore_system", True),
        (["--nosystem"], "ignore_system", True),
        (["-X"], "ignore_deprecate", True),
        (["--no-deprecation-warnings"], "ignore_deprecate", True),
        (["-v"], "verbose", True),
        (["--verbose"], "verbose", True),
        (["-q"], "verbose", False),
        (["--quiet"], "quiet", True),
        (["-s"], "silent", True),
        (["--silent"], "verbose", False),
        (["-A", "--comments"], "show_all_tasks", False),
        (["--suppress-backtrace", "foo"], "suppress_backtrace_pattern", "foo"),
        (["--suppress-backtrace=a|b"], "suppress_backtrace_pattern", "a|b"),
        (["-k"], "keep_going", True),
        (["--keep-going"], "keep_going", True),
        (["--lint"], "lint", True),
        (["--lint-trace"], "lint_trace", True),
        (["--explain"], "explain", True),
        (["--safe"], "safe", True),
    ],
)
def test_switch_sets_its_field(words: list[str], field: str, value: object) -> None:
    assert getattr(parse(*words), field) == value


def test_quiet_is_not_silent_and_verbose_is_not_silent() -> None:
    assert (parse("-q").verbose, parse("-q").silent) == (False, False)
    assert (parse("-v").verbose, parse("-v").silent) == (True, False)


def test_dry_run_sets_dryrun_trace_verbose_and_nowrite() -> None:
    for flag in ("-n", "--dry-run"):
        o = parse(flag)
        assert (o.dryrun, o.trace, o.verbose, o.nowrite, o.backtrace) == (True, True, True, True, False)


def test_trace_turns_on_trace_backtrace_and_verbose() -> None:
    o = parse("--trace")
    assert (o.trace, o.backtrace, o.verbose, o.nowrite, o.trace_output) == (True, True, True, False, "stderr")


@pytest.mark.parametrize(
    ("words", "verbose"),
    [(["-q", "-t"], True), (["-t", "-q"], False), (["-s", "-v"], True), (["-v", "-s"], False), (["-n", "-q"], False)],
)
def test_options_apply_left_to_right(words: list[str], verbose: bool) -> None:
    assert parse(*words).verbose is verbose


# --- Optional and placed arguments --------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "output", "tasks"),
    [
        (["--trace=stdout"], "stdout", []),
        (["-tstdout"], "stdout", []),
        (["--trace=stderr"], "stderr", []),
        (["--trace= stdout "], "stdout", []),
        (["--trace", "stdout"], "stderr", ["stdout"]),
        (["-t", "taskname"], "stderr", ["taskname"]),
        (["--backtrace=stdout"], "stdout", []),
        (["--backtrace", "build"], "stderr", ["build"]),
    ],
)
def test_trace_and_backtrace_take_only_an_attached_value(words: list[str], output: str, tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.trace_output, o.backtrace_output, o.top_level_tasks) == (output, output, tasks)


def test_backtrace_alone_does_not_trace() -> None:
    o = parse("--backtrace")
    assert (o.backtrace, o.trace, o.verbose) == (True, False, DEFAULT)


@pytest.mark.parametrize(
    ("words", "mode", "pattern", "tasks"),
    [
        (["-T"], "tasks", "", []),
        (["--tasks"], "tasks", "", []),
        (["-T", "db"], "tasks", "db", []),
        (["-Tdb", "x"], "tasks", "db", ["x"]),
        (["--tasks=db"], "tasks", "db", []),
        (["--tasks", "db"], "tasks", "db", []),
        (["--tasks="], "tasks", "", []),
        (["-T", ""], "tasks", "", []),
        (["-T", "-A"], "tasks", "", []),
        (["-T", "--", "x"], "tasks", "", ["x"]),
        (["-TA"], "tasks", "A", []),
        (["-D"], "describe", "", []),
        (["-D", "x"], "describe", "x", []),
        (["--describe=x"], "describe", "x", []),
        (["-W"], "lines", "", []),
        (["--where", "db"], "lines", "db", []),
    ],
)
def test_listing_options_take_an_optional_pattern(words: list[str], mode: str, pattern: str, tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.show_tasks, o.show_task_pattern, o.top_level_tasks) == (mode, pattern, tasks)


def test_show_all_follows_where_and_comments_in_order() -> None:
    assert parse("-T").show_all_tasks is False
    assert parse("-W").show_all_tasks is True
    assert parse("-W", "--comments").show_all_tasks is False
    assert parse("--comments", "-W").show_all_tasks is True
    assert parse("-AT").show_all_tasks is True


@pytest.mark.parametrize(
    ("words", "rakefiles", "tasks"),
    [
        (["-f", "RF"], ["RF"], []),
        (["-fRF"], ["RF"], []),
        (["--rakefile", "RF"], ["RF"], []),
        (["--rakefile=RF"], ["RF"], []),
        (["-f"], [], []),
        (["-f", "-t"], [], []),
        (["-f", ""], [], []),
        (["-f", "a", "-f", "b"], ["b"], []),
        (["-f", "a", "-f"], [], []),
        (["-f", "build", "test"], ["build"], ["test"]),
    ],
)
def test_rakefile_option(words: list[str], rakefiles: list[str], tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.rakefiles, o.top_level_tasks) == (rakefiles, tasks)


@pytest.mark.parametrize(
    ("words", "directory"),
    [(["-C", "dir"], "dir"), (["-Cdir"], "dir"), (["--directory", "dir"], "dir"), (["--directory=dir"], "dir")],
)
def test_directory_option(words: list[str], directory: str) -> None:
    o = parse(*words)
    assert o.directory == directory
    assert o.startup == [("C", directory)]


def test_directory_without_a_value_is_rakes_type_error() -> None:
    for words in (["-C"], ["-C", "-t"]):
        assert report(*words) == f"pydrake aborted!\nTypeError: no implicit conversion of nil into String\n\n{HINT}"


@pytest.mark.parametrize(
    ("words", "level", "tasks"),
    [
        (["--job-stats"], "basic", []),
        (["--job-stats", "history"], "history", []),
        (["--job-stats=HISTORY"], "history", []),
        (["--job-stats", "historyx"], "history", []),
        (["--job-stats", "build"], "basic", []),
        (["--job-stats", "-t"], "basic", []),
    ],
)
def test_job_stats_level(words: list[str], level: str, tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.job_stats, o.top_level_tasks) == (level, tasks)


# --- Required arguments and the options Rake acts on while parsing -----------------------------


@pytest.mark.parametrize(
    ("words", "rakelib"),
    [
        (["-R", "A:B:C"], ["A", "B", "C"]),
        (["-RA:B"], ["A", "B"]),
        (["--rakelibdir", "A"], ["A"]),
        (["--rakelibdir=A:B"], ["A", "B"]),
        (["--rakelib", "x"], ["x"]),
        (["--rakelib="], []),
        (["-R", "a::b:"], ["a", "", "b"]),
        (["-R", "-t"], ["-t"]),
    ],
)
def test_rakelib_option_splits_on_colons_like_ruby(words: list[str], rakelib: list[str]) -> None:
    assert parse(*words).rakelib == rakelib


def test_libdir_require_and_execute_continue_keep_their_order() -> None:
    o = parse("-I", "a", "-rset", "--libdir=b", "-E", "puts 1", "--require", "json", "-Ic", "-C", "d")
    assert o.libdirs == ["a", "b", "c"]
    assert o.requires == ["set", "json"]
    assert o.execute == [("E", "puts 1")]
    assert o.startup == [("I", "a"), ("r", "set"), ("I", "b"), ("E", "puts 1"), ("r", "json"), ("I", "c"), ("C", "d")]


def test_required_argument_takes_the_next_word_even_when_it_starts_with_a_dash() -> None:
    assert parse("-e", "-x").execute == [("e", "-x")]
    assert parse("-e-x").execute == [("e", "-x")]
    assert parse("--execute=").execute == [("e", "")]


@pytest.mark.parametrize("flag", ["-e", "--execute", "-p", "--execute-print"])
def test_execute_and_print_end_parsing(flag: str) -> None:
    o = parse("-E", "a", "X=1", "t", flag, "code", "--bogus", "later")
    kind = "p" if "p" in flag else "e"
    assert o.execute == [("E", "a"), (kind, "code")]
    assert o.top_level_tasks == [] and o.env_assignments == []


@pytest.mark.parametrize("flag", ["-V", "--version", "--vers"])
def test_version_ends_parsing(flag: str) -> None:
    o = parse("-t", flag, "--bogus")
    assert o.version and o.trace


@pytest.mark.parametrize("flag", ["-h", "-H", "--help", "--he"])
def test_help_ends_parsing(flag: str) -> None:
    assert parse(flag, "--bogus").help


def test_an_error_before_version_wins() -> None:
    assert error("--bogus", "-V").report() == "invalid option: --bogus\n"


# --- -j and pydrake's options --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "jobs", "tasks"),
    [
        (["-j", "3"], 3, []),
        (["-j3"], 3, []),
        (["--jobs", "3"], 3, []),
        (["--jobs=3"], 3, []),
        (["--threads", "3"], 3, []),
        (["--threads=3"], 3, []),
        (["-j", "1"], 1, []),
        (["-j"], 4, []),
        (["--jobs"], 4, []),
        (["-j", "0"], 4, []),
        (["-j0"], 4, []),
        (["-j", "build"], 4, ["build"]),
        (["-j", "-t"], 4, []),
        (["-j", "--", "x"], 4, ["x"]),
        (["--jobs="], 4, []),
        (["-jx"], 4, []),
        (["-j4", "-j", "2"], 2, []),
        (["-nj2"], 2, []),
    ],
)
def test_jobs_option_never_takes_a_task_name(words: list[str], jobs: int, tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.jobs, o.top_level_tasks) == (jobs, tasks)


def test_thread_count_resolves_jobs_and_multitask() -> None:
    assert parse().thread_count() == 1
    assert parse("-m").thread_count() == 4
    assert parse("-m", "-j", "2").thread_count() == 2
    assert parse("-j", "1", "-m").thread_count() == 1
    assert parse("-j").thread_count() == 4


@pytest.mark.parametrize(
    ("words", "mode", "tasks"),
    [
        (["--output-sync"], "task", []),
        (["--output-sync=none"], "none", []),
        (["--output-sync", "none"], "none", []),
        (["--output-sync=task"], "task", []),
        (["--output-sync", "build"], "task", ["build"]),
    ],
)
def test_output_sync(words: list[str], mode: str, tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.output_sync, o.top_level_tasks) == (mode, tasks)


@pytest.mark.parametrize(
    ("words", "shuffle", "tasks"),
    [
        (["--shuffle"], "random", []),
        (["--shuffle=42"], 42, []),
        (["--shuffle", "42"], 42, []),
        (["--shuffle=reverse"], "reverse", []),
        (["--shuffle", "reverse"], "reverse", []),
        (["--shuffle", "build"], "random", ["build"]),
    ],
)
def test_shuffle(words: list[str], shuffle: object, tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.shuffle, o.top_level_tasks) == (shuffle, tasks)


@pytest.mark.parametrize(
    ("words", "graph", "tasks"),
    [
        (["--graph"], "dot", []),
        (["--graph=mermaid"], "mermaid", []),
        (["--graph", "mermaid"], "mermaid", []),
        (["--graph", "build"], "dot", ["build"]),
    ],
)
def test_graph(words: list[str], graph: str, tasks: list[str]) -> None:
    o = parse(*words)
    assert (o.graph, o.top_level_tasks) == (graph, tasks)


def test_completion_takes_a_shell() -> None:
    assert parse("--completion", "zsh").completion == "zsh"
    assert parse("--completion=bash").completion == "bash"
    assert (
        report("--completion")
        == f"pydrake aborted!\nOptionParser::MissingArgument: missing argument: --completion\n\n{HINT}"
    )


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["--output-sync=lines"], "Unrecognized --output-sync option 'lines'"),
        (["--shuffle=x"], "Unrecognized --shuffle option 'x'"),
        (["--graph=svg"], "Unrecognized --graph option 'svg'"),
        (["--completion", "tcsh"], "Unrecognized --completion option 'tcsh'"),
    ],
)
def test_bad_values_of_pydrake_options_are_reported_like_bad_trace_values(words: list[str], message: str) -> None:
    assert report(*words) == f"pydrake aborted!\nRake::CommandLineOptionError: {message}\n\n{HINT}"


# --- Abbreviations, bundling, `--` -------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "field", "value"),
    [
        (["--tas"], "show_tasks", "tasks"),
        (["--TASKS"], "show_tasks", "tasks"),
        (["--desc"], "show_tasks", "describe"),
        (["--prereq"], "show_prereqs", True),
        (["--dry_run"], "dryrun", True),
        (["--d-r"], "dryrun", True),
        (["--b-a"], "build_all", True),
        (["--verbos"], "verbose", True),
        (["--nosearc"], "nosearch", True),
        (["--no-dep"], "ignore_deprecate", True),
        (["--exec", "code"], "execute", [("e", "code")]),
        (["--execute-c", "code"], "execute", [("E", "code")]),
        (["--tr=stdout"], "trace_output", "stdout"),
        (["--li", "lib"], "libdirs", ["lib"]),
        (["--l", "lib"], "libdirs", ["lib"]),
        (["--lin"], "lint", True),
        (["--lint-"], "lint_trace", True),
        (["--th", "2"], "jobs", 2),
        (["--kee"], "keep_going", True),
        (["--comp", "fish"], "completion", "fish"),
        (["--com"], "show_all_tasks", False),
    ],
)
def test_unique_prefixes_of_long_options(words: list[str], field: str, value: object) -> None:
    assert getattr(parse(*words), field) == value


@pytest.mark.parametrize(
    ("flag", "field", "value"),
    [
        ("-a", "show_all_tasks", True),
        ("-c", "show_all_tasks", False),
        ("-w", "show_tasks", "lines"),
        ("-o", "output_sync", "task"),
    ],
)
def test_unknown_short_letter_completes_a_long_option(flag: str, field: str, value: object) -> None:
    assert getattr(parse(flag), field) == value


def test_short_flags_bundle() -> None:
    o = parse("-AT")
    assert (o.show_all_tasks, o.show_tasks) == (True, "tasks")
    o = parse("-nt")
    assert (o.dryrun, o.trace) == (True, True)
    o = parse("-qnv")
    assert (o.verbose, o.dryrun, o.quiet) == (True, True, True)
    assert parse("-n-t").trace_output == "stderr" and parse("-n-t").trace
    assert parse("-n-").dryrun
    assert parse("-cT").show_tasks == "tasks"
    assert parse("-mAT").always_multitask


def test_double_dash_ends_options() -> None:
    o = parse("-n", "--", "-t", "X=1", "task", "--bogus")
    assert (o.dryrun, o.trace, o.verbose) == (True, True, True)
    assert o.top_level_tasks == ["task"]
    assert o.env_assignments == [("X", "1")]
    assert parse("--", "-t").trace_output == "stderr"


def test_posixly_correct_stops_at_the_first_non_option() -> None:
    o = parse("t1", "-n", "t2", POSIXLY_CORRECT="")
    assert (o.dryrun, o.top_level_tasks) == (False, ["t1", "t2"])
    assert parse("t1", "-n", "t2").dryrun


# --- Free arguments ------------------------------------------------------------------------------


def test_tasks_and_env_assignments_in_command_line_order() -> None:
    o = parse("A=1", "t1", "-n", "B=x=y", "t2[1,2]", "name[a, b]", "A=2")
    assert o.top_level_tasks == ["t1", "t2[1,2]", "name[a, b]"]
    assert o.env_assignments == [("A", "1"), ("B", "x=y"), ("A", "2")]


@pytest.mark.parametrize(
    ("word", "env", "tasks"),
    [
        ("FOO=a\nb\n", [("FOO", "a\nb\n")], []),
        ("foo=1", [("foo", "1")], []),
        ("FOO=", [("FOO", "")], []),
        ("FOO-BAR=1", [], ["FOO-BAR=1"]),
        ("=1", [], ["=1"]),
        ("é=1", [], ["é=1"]),
        ("t\nX=1", [("X", "1")], []),
        ("a\n-b", [], []),
        ("-", [], []),
    ],
)
def test_free_words_follow_rakes_line_anchored_regexps(word: str, env: list[tuple[str, str]], tasks: list[str]) -> None:
    o = parse(word)
    assert (o.env_assignments, o.top_level_tasks) == (env, tasks)


# --- RAKEOPT -------------------------------------------------------------------------------------


def test_rakeopt_is_parsed_before_the_command_line() -> None:
    o = parse("-v", RAKEOPT="-s --trace")
    assert (o.silent, o.trace, o.verbose) == (True, True, True)
    assert parse(RAKEOPT="-j3").jobs == 3
    assert parse("-q", RAKEOPT="-v").verbose is False


def test_rakeopt_non_options_are_dropped() -> None:
    o = parse(RAKEOPT="-T foo bar X=1")
    assert (o.show_task_pattern, o.top_level_tasks, o.env_assignments) == ("foo", [], [])


def test_rakeopt_is_split_like_a_shell() -> None:
    assert parse(RAKEOPT="-T 'a b'").show_task_pattern == "a b"
    assert parse(RAKEOPT='-T "a\\"b"').show_task_pattern == 'a"b'
    assert parse(RAKEOPT="-T a\\ b").show_task_pattern == "a b"
    assert parse(RAKEOPT="").show_tasks is None


def test_rakeopt_version_wins_over_a_bad_command_line() -> None:
    assert parse("--bogus", RAKEOPT="-V").version


def test_rakeopt_error_comes_before_the_command_line_sets_backtrace() -> None:
    assert report("--trace", RAKEOPT="--ver") == (
        f"pydrake aborted!\nOptionParser::AmbiguousOption: ambiguous option: --ver\n\n{HINT}"
    )


def test_rakeopt_with_an_unbalanced_quote() -> None:
    assert report(RAKEOPT="'x") == (
        "pydrake aborted!\n"
        "ArgumentError: wrong number of arguments (given 0, expected 1)\n"
        "\n"
        "\n"
        "Caused by:\n"
        'ArgumentError: Unmatched quote: "\'x"\n'
        "\n" + HINT
    )


# --- Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (["--no-such-option"], "invalid option: --no-such-option\n"),
        (["-Z"], "invalid option: -Z\n"),
        (["default", "--bogus"], "invalid option: --bogus\n"),
        (["--bogus=3"], "invalid option: --bogus=3\n"),
        (["-xyz"], "invalid option: -xyz\n"),
        (["--no-all"], "invalid option: --no-all\n"),
        (["--tsks"], "invalid option: --tsks\nDid you mean?  tasks\n"),
        (["--tasc"], "invalid option: --tasc\nDid you mean?  tasks\n"),
        (["--dscribe"], "invalid option: --dscribe\nDid you mean?  describe\n"),
        (["--silnt"], "invalid option: --silnt\nDid you mean?  silent\n"),
    ],
)
def test_invalid_option_prints_only_its_message(words: list[str], text: str) -> None:
    err = error(*words)
    assert (err.kind, err.stream, err.report()) == ("invalid", "stderr", text)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["--ver"], "OptionParser::AmbiguousOption: ambiguous option: --ver"),
        (["--no-s"], "OptionParser::AmbiguousOption: ambiguous option: --no-s"),
        (["--job"], "OptionParser::AmbiguousOption: ambiguous option: --job\nDid you mean?  jobs"),
        (["--execute-"], "OptionParser::AmbiguousOption: ambiguous option: --execute-\nDid you mean?  execute"),
        (["-e"], "OptionParser::MissingArgument: missing argument: -e"),
        (["-ne"], "OptionParser::MissingArgument: missing argument: -e"),
        (["-p"], "OptionParser::MissingArgument: missing argument: -p"),
        (["-E"], "OptionParser::MissingArgument: missing argument: -E"),
        (["-I"], "OptionParser::MissingArgument: missing argument: -I"),
        (["-r"], "OptionParser::MissingArgument: missing argument: -r"),
        (["-R"], "OptionParser::MissingArgument: missing argument: -R"),
        (["--exec"], "OptionParser::MissingArgument: missing argument: --exec"),
        (["--suppress-backtrace"], "OptionParser::MissingArgument: missing argument: --suppress-backtrace"),
        (["--all=x"], "OptionParser::NeedlessArgument: needless argument: --all=x"),
        (["--all="], "OptionParser::NeedlessArgument: needless argument: --all="),
        (["-n=x"], "OptionParser::NeedlessArgument: needless argument: -n=x"),
        (["--=x"], "OptionParser::NeedlessArgument: needless argument: --=x"),
    ],
)
def test_other_parse_errors_get_the_full_report(words: list[str], message: str) -> None:
    assert report(*words) == f"pydrake aborted!\n{message}\n\n{HINT}"


@pytest.mark.parametrize(("flag", "letter"), [("-b", "B"), ("-d", "D")])
def test_ambiguous_short_letter_reports_its_cause(flag: str, letter: str) -> None:
    assert report(flag) == (
        "pydrake aborted!\n"
        f"OptionParser::AmbiguousOption: ambiguous option: {flag}\n"
        "\n"
        "\n"
        "Caused by:\n"
        f"OptionParser::InvalidOption: invalid option: {flag[1]}\n"
        f"Did you mean?  {letter}\n"
        "\n" + HINT
    )


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["--trace=foo"], "foo"),
        (["-tn"], "n"),
        (["-t=stdout"], "=stdout"),
        (["--trace="], ""),
        (["--backtrace=x"], "x"),
    ],
)
def test_bad_trace_output_is_reported_with_the_backtrace_already_on(words: list[str], value: str) -> None:
    option = "backtrace" if words[0].startswith("--b") else "trace"
    assert (
        report(*words) == f"pydrake aborted!\nRake::CommandLineOptionError: Unrecognized --{option} option '{value}'\n"
    )


def test_backtrace_given_earlier_drops_the_hint_and_trace_output_picks_the_stream() -> None:
    assert report("-t", "--ver") == "pydrake aborted!\nOptionParser::AmbiguousOption: ambiguous option: --ver\n"
    err = error("--trace=stdout", "--ver")
    assert (err.stream, err.full_backtrace) == ("stdout", True)
    assert error("--ver").stream == "stderr"
    assert error("--trace=stdout", "--bogus").stream == "stderr"


def test_report_uses_the_program_name() -> None:
    assert error("-e").report("rake").startswith("rake aborted!\n")


# --- Ruby helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("a b  c", ["a", "b", "c"]),
        ("a\\ b 'c d' \"e f\"", ["a b", "c d", "e f"]),
        ("'a'\"b\"c", ["abc"]),
        ('"a\\$b\\q"', ["a$b\\q"]),
        ("a\\", ["a\\"]),
        ("", []),
    ],
)
def test_shellwords_splits_like_ruby(line: str, words: list[str]) -> None:
    assert shellwords(line) == words


def test_shellwords_rejects_an_unbalanced_quote_with_rubys_message() -> None:
    with pytest.raises(ValueError, match=r'^Unmatched quote: "-T \\"a\\#\{x\}"$'):
        shellwords('-T "a#{x}')


@pytest.mark.parametrize(
    ("word", "found"),
    [
        ("tsks", ["tasks"]),
        ("vereo", ["version"]),
        ("no-syeh", ["no-system"]),
        ("ver", []),
        ("xyz", []),
    ],
)
def test_spell_check_matches_did_you_mean(word: str, found: list[str]) -> None:
    names = ["tasks", "trace", "verbose", "version", "no-search", "nosearch", "no-system", "nosystem"]
    assert spell_check(word, names) == found


def test_spell_check_breaks_a_tie_for_the_later_word_like_ruby() -> None:
    assert spell_check("no-syeh", ["no-search", "no-system"]) == ["no-system"]
    assert spell_check("no-syeh", ["no-system", "no-search"]) == ["no-search"]
