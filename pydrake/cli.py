"""The command-line edge: argv -> Options -> application -> exit status.

click owns the process boundary (program name, output, exit); the words themselves are parsed by
``pydrake.options.parse_args`` with Rake's OptionParser rules, which click's own parser does not
follow (optional arguments, abbreviations, ``--`` kept for Rake's meaning, exit 1 on a bad option).
"""

from __future__ import annotations

import os
import re
import sys

import click

import pydrake
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
    click.echo(text, nl=False, err=stream != "stdout")


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
    from pydrake import application  # imported here so that -V and -h stay fast

    return application.run(options)


class RakeCommand(click.Command):
    """A click command that hands its words, untouched, to Rake's option rules."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.params["argv"] = list(args)
        ctx.args = []
        return []


def _invoke(argv: list[str]) -> None:
    try:
        code = run(argv)
    except KeyboardInterrupt:  # the application reports interrupts; this only keeps click's "Aborted!" out
        code = 130
    click.get_current_context().exit(code)


command = RakeCommand(PROGRAM, callback=_invoke, add_help_option=False)


def main(argv: list[str] | None = None) -> None:
    """The ``pydrake`` console script: exits with the run's status."""
    code = command.main(args=argv, prog_name=PROGRAM, standalone_mode=False)
    sys.exit(code if isinstance(code, int) else 0)
