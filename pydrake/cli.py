"""The command-line edge: argv -> Options -> application -> exit status.

The words are parsed by ``pydrake.options.parse_args`` with Rake's OptionParser rules (optional
arguments, abbreviations, ``--`` kept for Rake's meaning, exit 1 on a bad option).  Only the
options and the small modules they need are imported before the options are known, so ``-V``,
``-h`` and ``--completion`` answer at once and a build pays only for the layers it uses.
"""

from __future__ import annotations

import os
import re
import sys

import pydrake
from pydrake import gc_policy
from pydrake.options import HELP_SWITCH, PYDRAKE_SWITCHES, RAKE_SWITCHES, CommandLineError, Switch, parse_args

PROGRAM = "pydrake"
SUMMARY_WIDTH = 32  # OptionParser's defaults: a 32-column left side, indented by 4
SUMMARY_INDENT = " " * 4


def version_line() -> str:
    """What ``-V`` prints: pydrake's version and the Rake version it reproduces."""
    return f"{PROGRAM}, version {pydrake.__version__} (Rake {pydrake.RAKE_VERSION} compatible)"


def _summarize(sw: Switch, width: int = SUMMARY_WIDTH) -> list[str]:
    """OptionParser's ``Switch#summarize``: one switch's help lines."""
    max_left = width - 1
    left = [", ".join(sw.sdesc)]
    right = [sw.desc] if sw.desc else []
    for name in sw.ldesc:
        size = len(left[-1]) + len(name)
        if len(left) == 1 and sw.arg:
            size += len(sw.arg)
        if size >= max_left and sw.sdesc:
            left.append("")
        left[-1] += (SUMMARY_INDENT if not left[-1] else ", ") + name
    if sw.arg:
        left[0] += re.sub(r"\A(\[?)=", r"\1", sw.arg) + "," if len(left) > 1 else sw.arg
    lines = []
    widest = max(len(s) for s in left)
    while widest > width and left:
        text = left.pop(0)
        if len(text) == widest:
            widest = max((len(s) for s in left), default=0)
        if len(text) < width and right and right[0]:
            text = text.ljust(width) + " " + right.pop(0)
        lines.append(SUMMARY_INDENT + text)
    while left or right:
        text = left.pop(0) if left else ""
        desc = right.pop(0) if right else ""
        lines.append(SUMMARY_INDENT + (text.ljust(width) + " " + desc if desc else text))
    return lines


def help_text() -> str:
    """Rake's ``--help`` with pydrake's name, then pydrake's own options, then the help line."""
    lines = [f"{PROGRAM} [-f rakefile] {{options}} targets...", "", "Options are ..."]
    for sw in RAKE_SWITCHES:
        lines += _summarize(sw)
    lines += ["", "pydrake options ..."]
    for sw in PYDRAKE_SWITCHES:
        lines += _summarize(sw)
    lines += _summarize(HELP_SWITCH)
    return "\n".join(lines) + "\n"


def _write(text: str, stream: str) -> None:
    out = sys.stdout if stream == "stdout" else sys.stderr
    out.write(text)
    out.flush()


def run(argv: list[str]) -> int:
    """Parse ``argv`` as Rake does, answer -V/-h here, hand the rest to the application."""
    try:
        options = parse_args(argv, os.environ)
    except CommandLineError as err:
        _write(err.report(PROGRAM), err.stream)
        return 1
    if options.help:
        _write(help_text(), "stdout")
        return 0
    if options.version:
        _write(version_line() + "\n", "stdout")
        return 0
    if options.completion:  # the script needs no Rakefile: answered before the application loads
        from pydrake.report.completion import completion_script

        _write(completion_script(options.completion), "stdout")
        return 0
    from pydrake import application  # imported here so that -V and -h stay fast

    return application.run(options)


def end_process(code: int) -> None:
    """Flush the standard streams and end the process at once with ``code``.

    A loaded Rakefile leaves hundreds of thousands of objects (the AST, tasks, the interpreter's
    tables); the interpreter's normal shutdown would free them one by one, about a quarter of a
    no-op build's time on 10,000 file tasks.  Nothing is left for that shutdown to do: at_exit
    blocks have run, open Files are flushed, every pydrake thread is a daemon (Ruby, too, ends
    its other threads when the main one exits) and pydrake registers no ``atexit`` handler.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code & 0xFF)


def main(argv: list[str] | None = None) -> None:
    """The ``pydrake`` console script: ends the process with the run's status; with ``argv``
    given (a caller in the same process), raises SystemExit instead."""
    gc_policy.pause()
    try:
        code = run(sys.argv[1:] if argv is None else list(argv))
    except KeyboardInterrupt:  # the application reports interrupts; this is only the last resort
        code = 130
    if argv is None:
        end_process(code)
    sys.exit(code)
