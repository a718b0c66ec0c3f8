"""The command-line edge: -V, -h and option errors answered without the application, statuses, streams."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

import pydrake
from pydrake import cli
from pydrake.options import Options

REPO = Path(__file__).resolve().parents[2]

# Rake 13.0.6's `rake --help`, recorded, with its program name replaced; pydrake changes only -j's text.
RAKE_HELP = """\
pydrake [-f rakefile] {options} targets...

Options are ...
        --backtrace=[OUT]            Enable full backtrace.  OUT can be stderr (default) or stdout.
        --comments                   Show commented tasks only
        --job-stats [LEVEL]          Display job statistics. LEVEL=history displays a complete job list
        --rules                      Trace the rules resolution.
        --suppress-backtrace PATTERN Suppress backtrace lines matching regexp PATTERN. Ignored if --trace is on.
    -A, --all                        Show all tasks, even uncommented ones (in combination with -T or -D)
    -B, --build-all                  Build all prerequisites, including those which are up-to-date.
    -C, --directory [DIRECTORY]      Change to DIRECTORY before doing anything.
    -D, --describe [PATTERN]         Describe the tasks (matching optional PATTERN), then exit.
    -e, --execute CODE               Execute some Ruby code and exit.
    -E, --execute-continue CODE      Execute some Ruby code, then continue with normal task processing.
    -f, --rakefile [FILENAME]        Use FILENAME as the rakefile to search for.
    -G, --no-system, --nosystem      Use standard project Rakefile search paths, ignore system wide rakefiles.
    -g, --system                     Using system wide (global) rakefiles (usually '~/.rake/*.rake').
    -I, --libdir LIBDIR              Include LIBDIR in the search path for required modules.
    -j, --jobs [NUMBER]              Run up to NUMBER tasks at once (default 1; -j alone or -j 0: the number of CPUs).
    -m, --multitask                  Treat all tasks as multitasks.
    -n, --dry-run                    Do a dry run without executing actions.
    -N, --no-search, --nosearch      Do not search parent directories for the Rakefile.
    -P, --prereqs                    Display the tasks and dependencies, then exit.
    -p, --execute-print CODE         Execute some Ruby code, print the result, then exit.
    -q, --quiet                      Do not log messages to standard output.
    -r, --require MODULE             Require MODULE before executing rakefile.
    -R, --rakelibdir RAKELIBDIR,     Auto-import any .rake files in RAKELIBDIR. (default is 'rakelib')
        --rakelib
    -s, --silent                     Like --quiet, but also suppresses the 'in directory' announcement.
    -t, --trace=[OUT]                Turn on invoke/execute tracing, enable full backtrace. OUT can be stderr (default) or stdout.
    -T, --tasks [PATTERN]            Display the tasks (matching optional PATTERN) with descriptions, then exit. -AT combination displays all of tasks contained no description.
    -v, --verbose                    Log message to standard output.
    -V, --version                    Display the program version.
    -W, --where [PATTERN]            Describe the tasks (matching optional PATTERN), then exit.
    -X, --no-deprecation-warnings    Disable the deprecation warnings.
"""


@dataclass
class Result:
    """What one in-process run of the command printed and returned."""

    exit_code: int
    stdout: str
    stderr: str


def set_environ(values: dict[str, str | None]) -> None:
    """Set each environment variable to its value, or unset it where the value is None."""
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def invoke(*argv: str, env: dict[str, str] | None = None) -> Result:
    """Run ``cli.main(argv)`` in this process with captured streams and an adjusted environment."""
    changes: dict[str, str | None] = {"RAKEOPT": None, "POSIXLY_CORRECT": None, **(env or {})}
    saved = {name: os.environ.get(name) for name in changes}
    out, err = io.StringIO(), io.StringIO()
    try:
        set_environ(changes)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli.main(list(argv))
                code = 0
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        set_environ(saved)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_prints_pydrake_and_rake_versions(flag: str) -> None:
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.stdout == f"pydrake, version {pydrake.__version__} (Rake {pydrake.RAKE_VERSION} compatible)\n"
    assert result.stderr == ""


@pytest.mark.parametrize("flag", ["-h", "-H", "--help"])
def test_help_is_rakes_layout_then_pydrakes_options_then_the_help_line(flag: str) -> None:
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.stdout.startswith(RAKE_HELP + "\npydrake options ...\n")
    assert "\n        --lint                       Check the Rakefile" in result.stdout
    assert "\n    -k, --keep-going                 Keep starting tasks" in result.stdout
    assert result.stdout.endswith("\n    -h, -H, --help                   Display this help message.\n")


def test_every_description_starts_in_column_37() -> None:
    option_lines = [line for line in cli.help_text().splitlines() if line.startswith("    ")]
    assert len(option_lines) == 43  # 31 of Rake (one on two lines), 10 of pydrake, help
    for line in option_lines:
        assert len(line) < 37 or (line[36] == " " and line[37] != " "), line


@pytest.mark.parametrize("argv", [["--no-such-option"], ["-Z"], ["default", "--bogus"]])
def test_invalid_option_prints_one_line_on_stderr_and_exits_1(argv: list[str]) -> None:
    result = invoke(*argv)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"invalid option: {argv[-1]}\n"


def test_ambiguous_option_prints_the_full_report() -> None:
    result = invoke("--ver")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "pydrake aborted!\n"
        "OptionParser::AmbiguousOption: ambiguous option: --ver\n"
        "\n"
        "(See full trace by running task with --trace)\n"
    )


def test_missing_argument_and_bad_trace_value() -> None:
    assert invoke("-e").stderr == (
        "pydrake aborted!\nOptionParser::MissingArgument: missing argument: -e\n\n"
        "(See full trace by running task with --trace)\n"
    )
    result = invoke("--trace=foo")
    assert result.exit_code == 1
    assert result.stderr == "pydrake aborted!\nRake::CommandLineOptionError: Unrecognized --trace option 'foo'\n"


def test_error_report_follows_trace_output() -> None:
    result = invoke("--trace=stdout", "--ver")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout == "pydrake aborted!\nOptionParser::AmbiguousOption: ambiguous option: --ver\n"


def test_rakeopt_is_read_from_the_environment() -> None:
    result = invoke("--bogus", env={"RAKEOPT": "-V"})
    assert result.exit_code == 0
    assert result.stdout.startswith("pydrake, version ")


@pytest.fixture
def fake_application(monkeypatch: pytest.MonkeyPatch) -> list[Options]:
    """A stand-in for pydrake.application that records what it was given and returns 3."""
    seen: list[Options] = []

    def run(options: Options) -> int:
        seen.append(options)
        return 3

    module = types.ModuleType("pydrake.application")
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pydrake.application", module)
    monkeypatch.setattr(pydrake, "application", module, raising=False)
    return seen


def test_a_run_hands_the_options_to_the_application_and_exits_with_its_status(fake_application: list[Options]) -> None:
    result = invoke("-n", "build", "X=1")
    assert result.exit_code == 3
    [options] = fake_application
    assert (options.dryrun, options.top_level_tasks, options.env_assignments) == (True, ["build"], [("X", "1")])


def test_main_exits_with_the_status(fake_application: list[Options], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAKEOPT", raising=False)
    with pytest.raises(SystemExit) as info:
        cli.main(["build"])
    assert info.value.code == 3
    with pytest.raises(SystemExit) as info:
        cli.main(["--bogus"])
    assert info.value.code == 1


def test_an_interrupt_that_escapes_the_application_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(options: Options) -> int:
        raise KeyboardInterrupt

    module = types.ModuleType("pydrake.application")
    module.run = interrupted  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pydrake.application", module)
    monkeypatch.setattr(pydrake, "application", module, raising=False)
    result = invoke("build")
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "")


def _python(*code_and_args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAKE", "PYDRAKE"))}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, *code_and_args], capture_output=True, text=True, env=env, cwd=REPO)


def test_python_dash_m_pydrake() -> None:
    proc = _python("-m", "pydrake", "-V")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, cli.version_line() + "\n", "")
    proc = _python("-m", "pydrake", "--tsks")
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", "invalid option: --tsks\nDid you mean?  tasks\n")


def test_version_and_help_do_not_load_the_application() -> None:
    code = (
        "import sys\n"
        "from pydrake.cli import main\n"
        "for flag in ('-V', '-h'):\n"
        "    try:\n"
        "        main([flag])\n"
        "    except SystemExit as e:\n"
        "        assert e.code == 0, e.code\n"
        "loaded = [m for m in sys.modules if m.startswith('pydrake.') and m not in ('pydrake.cli', 'pydrake.options', 'pydrake.lazy_pattern', 'pydrake.record', 'pydrake.gc_policy', 'pydrake.record_code')]\n"
        "print(loaded, 'lark' in sys.modules)\n"
    )
    proc = _python("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[] False"
