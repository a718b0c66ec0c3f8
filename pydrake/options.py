"""Rake's command line as data: the Options record and the OptionParser-exact parser that fills it.

Rake 13.0.6 parses its options with Ruby's OptionParser (``Rake::Application#handle_options``);
this module reproduces that parser's rules (abbreviations, optional and placed arguments,
bundling, ``--``, the error messages and their ``Did you mean?`` suggestions) for Rake's
switches plus pydrake's own. It does no I/O and imports nothing heavy, so ``pydrake -V`` stays fast.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from pydrake.lazy_pattern import LazyPattern
from pydrake.record import field, record

__all__ = [
    "COMPLETION_SHELLS",
    "DEFAULT",
    "CommandLineError",
    "Options",
    "Switch",
    "parse_args",
    "shellwords",
    "HELP_SWITCH",
    "HIDDEN_SWITCHES",
    "PYDRAKE_SWITCHES",
    "RAKE_SWITCHES",
]


class _Default:
    """The type of DEFAULT: Rake's ``FileUtilsExt::DEFAULT``, "verbose was never set"."""

    def __repr__(self) -> str:
        return "DEFAULT"


DEFAULT = _Default()

COMPLETION_SHELLS = ("bash", "zsh", "fish")
GRAPH_FORMATS = ("dot", "mermaid")
OUTPUT_SYNC_MODES = ("task", "none")


@record
class Options:
    """Everything the command line (RAKEOPT first, then argv) asked for, in Rake's option names.

    Options apply left to right, exactly as Rake applies them. ``-e``, ``-p``, ``-V`` and ``-h``
    end parsing where they stand (Rake exits there), so later words are never looked at and no
    task or ``NAME=value`` is collected.
    """

    always_multitask: bool = False
    backtrace: bool = False
    build_all: bool = False
    dryrun: bool = False
    ignore_deprecate: bool = False
    ignore_system: bool = False
    job_stats: str | None = None  # None, "basic" or "history"
    load_system: bool = False
    nosearch: bool = False
    rakelib: list[str] = field(default_factory=lambda: ["rakelib"])
    # None: Rake's default names; []: `-f` without a file, load no Rakefile; else the names to look for.
    rakefiles: list[str] | None = None
    show_all_tasks: bool = False
    show_prereqs: bool = False
    show_task_pattern: str | None = None  # Ruby regexp source; "" when -T/-D/-W came without one
    show_tasks: str | None = None  # None, "tasks", "describe" or "lines"
    silent: bool = False
    suppress_backtrace_pattern: str | None = None  # Ruby regexp source
    jobs: int | None = None  # None: no -j/--jobs/--threads; else the resolved count (>= 1)
    trace: bool = False
    trace_output: str = "stderr"  # where traces and the error report go: "stderr" or "stdout"
    trace_rules: bool = False
    verbose: bool | _Default = DEFAULT  # True, False, or DEFAULT when no option set it
    nowrite: bool = False
    quiet: bool = False  # -q/--quiet was given; the echo setting itself is `verbose`
    directory: str | None = None  # the last -C value; `startup` keeps every one in order
    libdirs: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    execute: list[tuple[str, str]] = field(default_factory=list)  # ("e"|"p"|"E", code) in order
    # Options Rake acts on while parsing, in command-line order: ("C", dir), ("I", dir),
    # ("r", module), ("E"|"e"|"p", code). They run before the Rakefile and before env assignments.
    startup: list[tuple[str, str]] = field(default_factory=list)
    version: bool = False
    help: bool = False
    keep_going: bool = False
    output_sync: str = "task"  # "task" or "none"
    lint: bool = False
    lint_trace: bool = False
    shuffle: str | int | None = None  # None, "random", "reverse" or an integer seed
    explain: bool = False
    graph: str | None = None  # None, "dot" or "mermaid"
    completion: str | None = None  # a shell name from COMPLETION_SHELLS
    safe: bool = False
    completion_tasks: bool = False  # the hidden --completion-tasks: every task name, one a line (for completion scripts)
    top_level_tasks: list[str] = field(default_factory=list)  # as typed (`t[a,b]` kept whole); [] = none
    argv: list[str] = field(default_factory=list)  # the command line's words as given (Ruby's ARGV), not RAKEOPT's
    env_assignments: list[tuple[str, str]] = field(default_factory=list)  # NAME=value, in order

    @property
    def backtrace_output(self) -> str:
        """Where the error report goes; Rake's --backtrace=OUT and --trace=OUT share one stream."""
        return self.trace_output

    def thread_count(self, cpus: int | None = None) -> int:
        """Tasks run at once: -j's count, else the CPUs under -m, else 1 (sequential)."""
        if self.jobs is not None:
            return self.jobs
        if self.always_multitask:
            return cpus if cpus is not None else cpu_count()
        return 1


def cpu_count() -> int:
    """The number of CPUs, what a bare `-j` or `-j 0` means."""
    return os.cpu_count() or 1


class CommandLineError(Exception):
    """A command line Rake rejects.

    kind "invalid": Rake prints only ``message`` on stderr (OptionParser::InvalidOption).
    kind "report": Rake prints its full failure report (``report()``) on ``stream``.
    """

    def __init__(
        self,
        message: str,
        kind: str,
        *,
        cause: CommandLineError | None = None,
        full_backtrace: bool = False,
        stream: str = "stderr",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.cause = cause
        self.full_backtrace = full_backtrace
        self.stream = stream

    def report(self, program: str = "pydrake") -> str:
        """The exact text Rake prints for this error, newline-terminated."""
        if self.kind == "invalid":
            return _lines([self.message])
        parts = [f"{program} aborted!"]
        err: CommandLineError | None = self
        first = True
        while err is not None:
            if not first:
                parts.append("\nCaused by:")
            parts.append(err.message)
            if not self.full_backtrace:
                parts.append("")  # the collapsed backtrace: every frame is Rake's own, so it is empty
            err, first = err.cause, False
        if not self.full_backtrace:
            parts.append("(See full trace by running task with --trace)")
        return _lines(parts)


def _lines(parts: list[str]) -> str:
    """Rake's ``trace_on``: each part ends with exactly one newline unless it has one."""
    return "".join(p if p.endswith("\n") else p + "\n" for p in parts)


# --- Switches -----------------------------------------------------------------------------------

NO_ARGUMENT = "none"
OPTIONAL_ARGUMENT = "optional"  # `--trace=[OUT]`: the value must be attached
PLACED_ARGUMENT = "placed"  # `-T [PATTERN]`: the next word is taken unless it starts with "-" (see _accepts_next)
REQUIRED_ARGUMENT = "required"  # `-e CODE`: the next word is taken whatever it is


@record(frozen=True, eq=False)
class Switch:
    """One option as OptionParser defines it: its spellings, argument style, help text and action."""

    action: str
    short: tuple[str, ...]  # keys without the dash: ("T",)
    long: tuple[str, ...]  # keys without the dashes: ("tasks",)
    sdesc: tuple[str, ...]  # as shown in the help: ("-T",)
    ldesc: tuple[str, ...]  # ("--tasks",)
    arg: str | None  # " [PATTERN]", "=[OUT]", " CODE", or None
    style: str
    desc: str
    spec: tuple[str, ...]  # the definition strings that start with "-", which order the help


def _switch(action: str, *spec: str, desc: str) -> Switch:
    """A Switch from OptionParser-style definition strings (``"--tasks"``, ``"-T [PATTERN]"``)."""
    short: list[str] = []
    long: list[str] = []
    sdesc: list[str] = []
    ldesc: list[str] = []
    arg = None
    style = NO_ARGUMENT
    for text in spec:
        assert text.startswith("-") and len(text) > 1, text
        if text.startswith("--"):  # --name, then what follows the name: "=[OUT]", " CODE", "[=OUT]"
            end = 2
            while end < len(text) and text[end] not in "[]=" and not text[end].isspace():
                end += 1
            name, a = text[2:end], text[end:]
            ldesc.append(f"--{name}")
            long.append(name.lower().replace("_", "-"))
        else:  # -x, then what follows: " [PATTERN]", " CODE"
            name, a = text[1], text[2:]
            sdesc.append(f"-{name}")
            short.append(name)
        if a:
            arg = a
            if a.startswith(("[", "=[")):
                style = OPTIONAL_ARGUMENT
            elif a[0].isspace() and a.lstrip().startswith("["):
                style = PLACED_ARGUMENT
            else:
                style = REQUIRED_ARGUMENT
    return Switch(action, tuple(short), tuple(long), tuple(sdesc), tuple(ldesc), arg, style, desc, spec)


def _sorted(switches: list[Switch]) -> tuple[Switch, ...]:
    """Rake's ``sort_options``: by the switch's dash strings, downcased, sorted, reversed."""
    return tuple(sorted(switches, key=lambda s: sorted((t.lower() for t in s.spec), reverse=True)))


# Rake 13.0.6's `standard_rake_options`, with its descriptions; -j keeps Rake's spellings but
# pydrake's meaning (SPEC section 1), so its help line says what pydrake does.
RAKE_SWITCHES = _sorted(
    [
        _switch("all", "--all", "-A",
                desc="Show all tasks, even uncommented ones (in combination with -T or -D)"),
        _switch("backtrace", "--backtrace=[OUT]",
                desc="Enable full backtrace.  OUT can be stderr (default) or stdout."),
        _switch("build_all", "--build-all", "-B",
                desc="Build all prerequisites, including those which are up-to-date."),
        _switch("comments", "--comments", desc="Show commented tasks only"),
        _switch("describe", "--describe", "-D [PATTERN]",
                desc="Describe the tasks (matching optional PATTERN), then exit."),
        _switch("directory", "--directory", "-C [DIRECTORY]",
                desc="Change to DIRECTORY before doing anything."),
        _switch("dry_run", "--dry-run", "-n", desc="Do a dry run without executing actions."),
        _switch("execute", "--execute", "-e CODE", desc="Execute some Ruby code and exit."),
        _switch("execute_print", "--execute-print", "-p CODE",
                desc="Execute some Ruby code, print the result, then exit."),
        _switch("execute_continue", "--execute-continue", "-E CODE",
                desc="Execute some Ruby code, then continue with normal task processing."),
        _switch("jobs", "--jobs", "-j [NUMBER]",
                desc="Run up to NUMBER tasks at once (default 1; -j alone or -j 0: the number of CPUs)."),
        _switch("job_stats", "--job-stats [LEVEL]",
                desc="Display job statistics. LEVEL=history displays a complete job list"),
        _switch("libdir", "--libdir", "-I LIBDIR",
                desc="Include LIBDIR in the search path for required modules."),
        _switch("multitask", "--multitask", "-m", desc="Treat all tasks as multitasks."),
        _switch("nosearch", "--no-search", "--nosearch", "-N",
                desc="Do not search parent directories for the Rakefile."),
        _switch("prereqs", "--prereqs", "-P", desc="Display the tasks and dependencies, then exit."),
        _switch("quiet", "--quiet", "-q", desc="Do not log messages to standard output."),
        _switch("rakefile", "--rakefile", "-f [FILENAME]",
                desc="Use FILENAME as the rakefile to search for."),
        _switch("rakelib", "--rakelibdir", "--rakelib", "-R RAKELIBDIR",
                desc="Auto-import any .rake files in RAKELIBDIR. (default is 'rakelib')"),
        _switch("require", "--require", "-r MODULE", desc="Require MODULE before executing rakefile."),
        _switch("rules", "--rules", desc="Trace the rules resolution."),
        _switch("silent", "--silent", "-s",
                desc="Like --quiet, but also suppresses the 'in directory' announcement."),
        _switch("suppress_backtrace", "--suppress-backtrace PATTERN",
                desc="Suppress backtrace lines matching regexp PATTERN. Ignored if --trace is on."),
        _switch("system", "--system", "-g",
                desc="Using system wide (global) rakefiles (usually '~/.rake/*.rake')."),
        _switch("no_system", "--no-system", "--nosystem", "-G",
                desc="Use standard project Rakefile search paths, ignore system wide rakefiles."),
        _switch("tasks", "--tasks", "-T [PATTERN]",
                desc="Display the tasks (matching optional PATTERN) with descriptions, then exit. "
                "-AT combination displays all of tasks contained no description."),
        _switch("trace", "--trace=[OUT]", "-t",
                desc="Turn on invoke/execute tracing, enable full backtrace. OUT can be stderr (default) or stdout."),
        _switch("verbose", "--verbose", "-v", desc="Log message to standard output."),
        _switch("version", "--version", "-V", desc="Display the program version."),
        _switch("where", "--where", "-W [PATTERN]",
                desc="Describe the tasks (matching optional PATTERN), then exit."),
        _switch("no_deprecation", "--no-deprecation-warnings", "-X",
                desc="Disable the deprecation warnings."),
    ]
)  # fmt: skip

# pydrake's own options. They sit below Rake's in the search order, so every abbreviation that
# means something to Rake keeps that meaning (`--li` is still --libdir, not --lint).
PYDRAKE_SWITCHES = _sorted(
    [
        _switch("threads", "--threads [NUMBER]", desc="Same as --jobs."),
        _switch("keep_going", "--keep-going", "-k",
                desc="Keep starting tasks that do not depend on a failed one; report every failure."),
        _switch("output_sync", "--output-sync [MODE]",
                desc="With -j, print a task's output as one block when it ends (task, the default) "
                "or as it comes (none)."),
        _switch("lint", "--lint", desc="Check the Rakefile is j-safe without running any task, then exit."),
        _switch("lint_trace", "--lint-trace",
                desc="Run sequentially, record each task's file accesses, report unordered flows."),
        _switch("shuffle", "--shuffle [SEED]",
                desc="Run ready tasks in a random order (SEED: a number, or reverse)."),
        _switch("explain", "--explain", desc="Explain why each task runs or is skipped."),
        _switch("graph", "--graph [FORMAT]",
                desc="Print the task graph (FORMAT: dot, the default, or mermaid), then exit."),
        _switch("completion", "--completion SHELL",
                desc="Print the completion script for SHELL (bash, zsh or fish), then exit."),
        _switch("safe", "--safe", desc="Load the Rakefile without running commands or changing files (with -T, -P, -W, --graph, --lint)."),
    ]
)  # fmt: skip

HELP_SWITCH = _switch("help", "-h", "--help", "-H", desc="Display this help message.")

# Options for pydrake's own tools, never shown in the help: the completion scripts call these.
HIDDEN_SWITCHES = (
    _switch("completion_tasks", "--completion-tasks",
            desc="Print every task name, one a line, loading the Rakefile as --safe does, then exit."),
)  # fmt: skip

# `--` ends the options: OptionParser's DefaultList holds it under the empty long name.
_TERMINATE = _switch("terminate", "--", desc="")


@record(frozen=True)
class _SwitchList:
    """One of OptionParser's lists: short and long keys in definition order."""

    short: dict[str, Switch]
    long: dict[str, Switch]

    @classmethod
    def of(cls, switches: tuple[Switch, ...]) -> _SwitchList:
        short: dict[str, Switch] = {}
        long: dict[str, Switch] = {}
        for sw in switches:
            short.update((s, sw) for s in sw.short)
            long.update((s, sw) for s in sw.long)
        return cls(short, long)

    def table(self, kind: str) -> dict[str, Switch]:
        return self.short if kind == "short" else self.long


# Searched in this order, as OptionParser searches its stack from the top.
_STACK = (
    _SwitchList.of(RAKE_SWITCHES),
    _SwitchList.of(PYDRAKE_SWITCHES),
    _SwitchList.of(HIDDEN_SWITCHES),
    _SwitchList.of((HELP_SWITCH,)),
    _SwitchList({"-": _TERMINATE}, {"": _TERMINATE}),
)


# --- Errors as OptionParser words them ----------------------------------------------------------


class _ParseError(Exception):
    """OptionParser::ParseError: a reason, the offending word(s) and an optional suggestion source."""

    reason = "parse error"
    ruby_class = "OptionParser::ParseError"

    def __init__(self, *args: str, suggest: tuple[str, str] | None = None) -> None:
        super().__init__(*args)
        self.words = list(args)
        self.suggest = suggest  # (kind, key): "Did you mean?" computed from that table
        self.cause: _ParseError | None = None

    def set_option(self, opt: str, eq: bool) -> _ParseError:
        if eq:
            if self.words:
                self.words[0] = opt
            else:
                self.words.append(opt)
        else:
            self.words.insert(0, opt)
        return self

    def message(self) -> str:
        extra = _did_you_mean(*self.suggest) if self.suggest else ""
        return f"{self.reason}: {' '.join(self.words)}{extra}"


class _InvalidOption(_ParseError):
    reason = "invalid option"
    ruby_class = "OptionParser::InvalidOption"


class _AmbiguousOption(_ParseError):
    reason = "ambiguous option"
    ruby_class = "OptionParser::AmbiguousOption"


class _NeedlessArgument(_ParseError):
    reason = "needless argument"
    ruby_class = "OptionParser::NeedlessArgument"


class _MissingArgument(_ParseError):
    reason = "missing argument"
    ruby_class = "OptionParser::MissingArgument"


class _Stop(Exception):
    """An option after which Rake exits while parsing (-e, -p, -V, -h)."""


def _did_you_mean(kind: str, key: str) -> str:
    """OptionParser's ``additional_message``: suggestions among every key of that kind."""
    names: list[str] = []
    for lst in _STACK:
        names.extend(lst.table(kind))
    from pydrake.rake.errors import spell_check  # only on the error path: -V and -h load no other layer

    found = set(spell_check(key, names))
    ordered = list(dict.fromkeys(n for n in names if n in found))
    return "\nDid you mean?  " + "\n               ".join(ordered) if ordered else ""


# --- Ruby helpers -------------------------------------------------------------------------------

_SHELLWORD = LazyPattern(r"""\s*(?>([^\s\\'"]+)|'([^']*)'|"((?:[^"\\]|\\.)*)"|(\\.?)|(\S))(\s|\Z)?""", re.S | re.A)


def shellwords(line: str) -> list[str]:
    """Ruby's ``Shellwords.shellwords``; an unbalanced quote raises ValueError with Ruby's message."""
    words: list[str] = []
    word = ""
    pos = 0
    while (m := _SHELLWORD.match(line, pos)) and m.end() > pos:
        pos = m.end()
        bare, single, double, escaped, garbage, sep = m.groups()
        if garbage is not None:
            raise ValueError(f"Unmatched quote: {_ruby_inspect(line)}")
        if bare is not None:
            word += bare
        elif single is not None:
            word += single
        elif double is not None:
            word += re.sub(r'\\([$`"\\\n])', r"\1", double)
        else:
            word += re.sub(r"\\(.)", r"\1", escaped)
        if sep is not None:
            words.append(word)
            word = ""
    return words


_INSPECT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f", "\v": "\\v",
                    "\b": "\\b", "\a": "\\a", "\x1b": "\\e", '"': '\\"', "\\": "\\\\"}  # fmt: skip


def _ruby_inspect(s: str) -> str:
    """``String#inspect`` for a UTF-8 string."""
    out = ['"']
    for i, ch in enumerate(s):
        code = ord(ch)
        if ch in _INSPECT_ESCAPES:
            out.append(_INSPECT_ESCAPES[ch])
        elif ch == "#" and s[i + 1 : i + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02X}")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _ruby_strip(s: str) -> str:
    return s.strip(" \t\n\v\f\r\0")


def _completion_regexp(key: str, icase: bool) -> re.Pattern[str]:
    """OptionParser's ``Completion.regexp``: each word of the key may be abbreviated."""
    quoted = re.sub(r"\w+\b", lambda m: m.group(0) + r"\w*", _ruby_quote(key), flags=re.A)
    return re.compile(r"\A" + quoted, (re.I if icase else 0) | re.A)


_RUBY_QUOTE = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f", "\v": "\\v", " ": "\\ "}


def _ruby_quote(s: str) -> str:
    """``Regexp.quote``."""
    return "".join(_RUBY_QUOTE.get(c, "\\" + c if c in "[]{}()|-*.\\?+^$#" else c) for c in s)


# Rake's collect_command_line_tasks: Ruby's ^ and $ are line anchors and \w is ASCII.
_ENV_ASSIGNMENT = LazyPattern(r"^(\w+)=(.*)$", re.M | re.S | re.A)
_DASH_LINE = LazyPattern(r"^-", re.M)
_NUMBER = LazyPattern(r"[0-9]+")


# Switches whose whole action is to set one field.
_SETTERS: dict[str, tuple[str, bool]] = {
    "all": ("show_all_tasks", True),
    "build_all": ("build_all", True),
    "comments": ("show_all_tasks", False),
    "multitask": ("always_multitask", True),
    "nosearch": ("nosearch", True),
    "prereqs": ("show_prereqs", True),
    "rules": ("trace_rules", True),
    "system": ("load_system", True),
    "no_system": ("ignore_system", True),
    "verbose": ("verbose", True),
    "no_deprecation": ("ignore_deprecate", True),
    "keep_going": ("keep_going", True),
    "lint": ("lint", True),
    "lint_trace": ("lint_trace", True),
    "explain": ("explain", True),
    "safe": ("safe", True),
    "completion_tasks": ("completion_tasks", True),
}


# --- The parser ----------------------------------------------------------------------------------


class _Parser:
    """OptionParser#parse_in_order over the switch stack, applying each switch to ``options``."""

    def __init__(self, options: Options) -> None:
        self.options = options

    # Lookup -----------------------------------------------------------------------------------

    def _complete(self, kind: str, key: str, icase: bool = False) -> Switch:
        for lst in _STACK:
            if key in lst.table(kind):
                return lst.table(kind)[key]
        pattern = _completion_regexp(key, icase)
        for lst in _STACK:
            found = sorted(((n, sw) for n, sw in lst.table(kind).items() if pattern.match(n)), key=lambda c: len(c[0]))
            if not found:
                continue
            canon, sw = found[0]
            for name, other in found[1:]:
                if other is sw:
                    continue
                if canon.startswith(name):
                    canon, sw = name, other
                elif not name.startswith(canon):
                    raise _AmbiguousOption(key, suggest=(kind, key))
            return sw
        raise _InvalidOption(key, suggest=(kind, key))

    # Argument styles (Switch#parse) -----------------------------------------------------------

    @staticmethod
    def _take(sw: Switch, value: str | None, argv: list[str], strict: bool) -> tuple[str | None, str | None]:
        """(leftover to re-parse as a short option, value) for ``sw`` given an attached value."""
        if sw.style == NO_ARGUMENT:
            if value is not None and strict:
                raise _NeedlessArgument(value)
            return value, None
        if sw.style == REQUIRED_ARGUMENT:
            if value is None:
                if not argv:
                    raise _MissingArgument()
                value = argv.pop(0)
            return None, value
        if sw.style == OPTIONAL_ARGUMENT:
            return None, value
        if value is None and argv and _accepts_next(sw, argv[0]):
            value = argv.pop(0)
        return None, value

    # The loop ---------------------------------------------------------------------------------

    def parse(self, argv: list[str], posixly_correct: bool) -> list[str]:
        """Apply every option in ``argv``; return the other words (tasks, NAME=value, ignored dashes)."""
        argv = list(argv)
        nonopts: list[str] = []
        while argv:
            arg = argv.pop(0)
            if arg.startswith("--"):
                if self._long(arg, argv):
                    return nonopts + argv
            elif arg.startswith("-") and len(arg) > 1:
                self._short(arg, argv)
            elif posixly_correct:
                return nonopts + [arg] + argv
            else:
                nonopts.append(arg)
        return nonopts

    def _long(self, arg: str, argv: list[str]) -> bool:
        """Apply one `--name[=value]` word; True when it is `--`, the end of the options."""
        name, eq, rest = arg[2:].partition("=")
        value = rest if eq else None
        try:
            sw = self._complete("long", name.replace("_", "-"), icase=True)
        except _ParseError as e:
            raise e.set_option(arg, True) from None
        if sw is _TERMINATE and value is None:
            return True
        try:
            _, val = self._take(sw, value, argv, strict=True)
        except _ParseError as e:
            raise e.set_option(arg, value is not None) from None
        self._apply(sw, val)
        return False

    def _short(self, arg: str, argv: list[str]) -> None:
        """Apply one `-x[rest]` word; what a switch without argument leaves is parsed next as `-rest`."""
        letter, rest = arg[1], (arg[2:] or None)
        attached_eq = rest is not None and rest.startswith("=")
        found = next((lst.short[letter] for lst in _STACK if letter in lst.short), None)
        if found is None:
            # No such letter: OptionParser completes it as the start of a long option, case-sensitively.
            cause = _InvalidOption(letter, suggest=("short", letter))
            try:
                found = self._complete("long", letter)
            except _ParseError as e:
                e.cause = cause
                raise e.set_option(arg, True) from None
            attached_eq = attached_eq or rest is None
        try:
            leftover, val = self._take(found, rest, argv, strict=attached_eq)
        except _ParseError as e:
            raise e.set_option(arg, len(arg) > 2) from None
        if leftover is not None and (again := "-" + leftover.lstrip("-")) != "-":
            argv.insert(0, again)
        self._apply(found, val)

    # Actions (Rake's lambdas) -----------------------------------------------------------------

    def _apply(self, sw: Switch, value: str | None) -> None:
        if sw.action in _SETTERS:
            setattr(self.options, *_SETTERS[sw.action])
        else:
            getattr(self, "_on_" + sw.action)(value)

    def _startup(self, kind: str, value: str) -> None:
        self.options.startup.append((kind, value))

    def _on_backtrace(self, value: str | None) -> None:
        self.options.backtrace = True
        self._trace_output("backtrace", value)

    def _on_describe(self, value: str | None) -> None:
        self._show("describe", value)

    def _on_directory(self, value: str | None) -> None:
        if value is None:
            raise self._ruby_error("TypeError: no implicit conversion of nil into String")
        self.options.directory = value
        self._startup("C", value)

    def _on_dry_run(self, value: str | None) -> None:
        o = self.options
        o.verbose = o.nowrite = o.dryrun = o.trace = True

    def _execute(self, kind: str, code: str | None) -> None:
        assert code is not None
        self.options.execute.append((kind, code))
        self._startup(kind, code)

    def _on_execute(self, value: str | None) -> None:
        self._execute("e", value)
        raise _Stop

    def _on_execute_print(self, value: str | None) -> None:
        self._execute("p", value)
        raise _Stop

    def _on_execute_continue(self, value: str | None) -> None:
        self._execute("E", value)

    def _on_jobs(self, value: str | None) -> None:
        count = int(value) if value is not None and _NUMBER.fullmatch(value) else 0
        self.options.jobs = count if count >= 1 else cpu_count()

    _on_threads = _on_jobs

    def _on_job_stats(self, value: str | None) -> None:
        history = value is not None and re.search(r"^history", value, re.M | re.I)
        self.options.job_stats = "history" if history else "basic"

    def _on_libdir(self, value: str | None) -> None:
        assert value is not None
        self.options.libdirs.append(value)
        self._startup("I", value)

    def _on_quiet(self, value: str | None) -> None:
        self.options.verbose = False
        self.options.quiet = True

    def _on_rakefile(self, value: str | None) -> None:
        self.options.rakefiles = [value] if value else []

    def _on_rakelib(self, value: str | None) -> None:
        assert value is not None
        parts = value.split(":")
        while parts and not parts[-1]:  # Ruby's String#split drops trailing empty fields
            parts.pop()
        self.options.rakelib = parts

    def _on_require(self, value: str | None) -> None:
        assert value is not None
        self.options.requires.append(value)
        self._startup("r", value)

    def _on_silent(self, value: str | None) -> None:
        self.options.verbose = False
        self.options.silent = True

    def _on_suppress_backtrace(self, value: str | None) -> None:
        assert value is not None
        from pydrake.runtime.rubyregex import translate  # only when given: Rake's Regexp.new(value) fails here

        try:
            translate(value)
        except ValueError as e:
            raise self._ruby_error(f"RegexpError: {e}") from None
        self.options.suppress_backtrace_pattern = value

    def _on_tasks(self, value: str | None) -> None:
        self._show("tasks", value)

    def _on_trace(self, value: str | None) -> None:
        self.options.trace = self.options.backtrace = True
        self._trace_output("trace", value)
        self.options.verbose = True

    def _on_version(self, value: str | None) -> None:
        self.options.version = True
        raise _Stop

    def _on_help(self, value: str | None) -> None:
        self.options.help = True
        raise _Stop

    def _on_where(self, value: str | None) -> None:
        self._show("lines", value)
        self.options.show_all_tasks = True

    def _on_output_sync(self, value: str | None) -> None:
        self.options.output_sync = self._choice("output-sync", value, OUTPUT_SYNC_MODES, "task")

    def _on_shuffle(self, value: str | None) -> None:
        if value is None:
            self.options.shuffle = "random"
        elif _ruby_strip(value) == "reverse":
            self.options.shuffle = "reverse"
        elif _NUMBER.fullmatch(_ruby_strip(value)):
            self.options.shuffle = int(_ruby_strip(value))
        else:
            raise self._unrecognized("shuffle", value)

    def _on_graph(self, value: str | None) -> None:
        self.options.graph = self._choice("graph", value, GRAPH_FORMATS, "dot")

    def _on_completion(self, value: str | None) -> None:
        assert value is not None
        self.options.completion = self._choice("completion", value, COMPLETION_SHELLS, None)

    # Shared pieces ----------------------------------------------------------------------------

    def _show(self, mode: str, pattern: str | None) -> None:
        self.options.show_tasks = mode
        self.options.show_task_pattern = pattern or ""

    def _trace_output(self, option: str, value: str | None) -> None:
        """Rake's ``select_trace_output``."""
        stripped = None if value is None else _ruby_strip(value)
        if stripped in ("stderr", None):
            self.options.trace_output = "stderr"
        elif stripped == "stdout":
            self.options.trace_output = "stdout"
        else:
            raise self._unrecognized(option, value or "")

    def _choice(self, option: str, value: str | None, allowed: tuple[str, ...], default: str | None) -> str:
        if value is None and default is not None:
            return default
        choice = _ruby_strip(value or "")
        if choice not in allowed:
            raise self._unrecognized(option, value or "")
        return choice

    def _unrecognized(self, option: str, value: str) -> CommandLineError:
        return self._ruby_error(f"Rake::CommandLineOptionError: Unrecognized --{option} option '{_ruby_strip(value)}'")

    def _ruby_error(self, message: str) -> CommandLineError:
        """A non-OptionParser exception raised by an option's action: Rake's full report."""
        return CommandLineError(
            message, "report", full_backtrace=self.options.backtrace, stream=self.options.trace_output
        )

    def report(self, err: _ParseError) -> CommandLineError:
        """How Rake's ``standard_exception_handling`` shows an OptionParser error."""
        if isinstance(err, _InvalidOption):
            return CommandLineError(err.message(), "invalid")
        cause = CommandLineError(f"{err.cause.ruby_class}: {err.cause.message()}", "report") if err.cause else None
        return CommandLineError(
            f"{err.ruby_class}: {err.message()}",
            "report",
            cause=cause,
            full_backtrace=self.options.backtrace,
            stream=self.options.trace_output,
        )


def _accepts_next(sw: Switch, word: str) -> bool:
    """Whether a placed argument takes the following word.

    Rake's take any word not starting with "-"; pydrake's take only a valid value, so that a
    task name is never swallowed (`-j build` runs build with as many threads as CPUs).
    """
    if sw.action in ("jobs", "threads"):
        return bool(_NUMBER.fullmatch(word))
    if sw.action == "shuffle":
        return word == "reverse" or bool(_NUMBER.fullmatch(word))
    if sw.action == "output_sync":
        return word in OUTPUT_SYNC_MODES
    if sw.action == "graph":
        return word in GRAPH_FORMATS
    return not word.startswith("-")


def parse_args(argv: list[str], environ: Mapping[str, str] | None = None) -> Options:
    """Rake's ``handle_options`` + ``collect_command_line_tasks``: RAKEOPT's options, then argv's.

    Raises CommandLineError for a command line Rake rejects.
    """
    env: Mapping[str, str] = os.environ if environ is None else environ
    options = Options(argv=list(argv))
    parser = _Parser(options)
    posixly_correct = "POSIXLY_CORRECT" in env
    try:
        rakeopt = env.get("RAKEOPT")
        if rakeopt is not None:
            try:
                words = shellwords(rakeopt)
            except ValueError as e:
                # Rake's init rescues the ArgumentError and calls handle_options again without argv.
                raise CommandLineError(
                    "ArgumentError: wrong number of arguments (given 0, expected 1)",
                    "report",
                    cause=CommandLineError(f"ArgumentError: {e}", "report"),
                    full_backtrace=options.backtrace,
                    stream=options.trace_output,
                ) from None
            parser.parse(words, posixly_correct)  # RAKEOPT's own non-option words are dropped
        rest = parser.parse(argv, posixly_correct)
    except _Stop:
        return options
    except _ParseError as e:
        raise parser.report(e) from None
    _collect(options, rest)
    return options


def _collect(options: Options, words: list[str]) -> None:
    """Sort the non-option words into NAME=value assignments and task names."""
    for word in words:
        m = _ENV_ASSIGNMENT.search(word)
        if m:
            options.env_assignments.append((m.group(1), m.group(2)))
        elif not _DASH_LINE.search(word):
            options.top_level_tasks.append(word)
