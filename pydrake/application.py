"""A pydrake run, as Rake's ``Application#run``: apply the options, find and load the Rakefile and its
imports, then list tasks or invoke the top-level ones; every failure becomes Rake's report and exit status."""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydrake.engine.events import Events

if TYPE_CHECKING:
    from pydrake.engine.parallel import BuildFailed, OutputSink, ParallelRunner
from pydrake import gc_policy
from pydrake.engine.sequential import SequentialRunner
from pydrake.rake.errors import RakeError, chain_of
from pydrake.rake.file_system import RealFileSystem
from pydrake.rake.install import install_rake
from pydrake.rake.rake_application import RakeApplication
from pydrake.rake.ruby_classes import INVOKE_INSIDE_INVOKE
from pydrake.rake.stat_prefetch import StatPrefetch
from pydrake.rake.task_arguments import TaskArguments, parse_task_string
from pydrake.rake.tasklibs import collapse_backtrace
from pydrake.rake.thread_pool import JobBudget, ThreadPool
from pydrake.report import listing
from pydrake.report.failure import ErrorDetails, failure_report
from pydrake.report.status import StatusLine, color_enabled
from pydrake.report.trace import TraceReport
from pydrake.runtime import children
from pydrake.runtime.core.io import flush_buffered
from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RString, RubyError
from pydrake.syntax.errors import RubySyntaxError

APP_NAME = "pydrake"
DEFAULT_RAKEFILES = ["rakefile", "Rakefile", "rakefile.rb", "Rakefile.rb"]


class Exit(Exception):
    """Leave the run with this status (``exit``/``abort`` from Ruby, ``-e``)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def run(options: Any) -> int:
    """Run pydrake with parsed options; the exit status."""
    return Application(options).run()


class Application:
    """One run: the interpreter, the Rake application state, and the runner."""

    def __init__(self, options: Any) -> None:
        self.options = options
        if options.show_tasks:
            options.show_all_tasks = options.show_all_tasks or False
        self.rt = Interpreter()
        self.app = RakeApplication(self.rt, options, APP_NAME)
        self.app.manager.record_task_metadata = bool(options.show_tasks or options.lint or options.lint_trace)
        install_rake(self.rt, self.app)
        # Where a parallel run's tasks write (None: the OutputSink that --output-sync asks for).
        self.output_sink: OutputSink | None = None
        self.prepare_run()
        self.app.invoker = self
        self.shuffled = False  # a --shuffle build started: its order is printed at the end
        # The child stat'ing the paths the last build asked about, and what could change files
        # since it started (built-ins with side effects, actions run): see ``prefetched_file_times``.
        self.prefetch: StatPrefetch | None = None
        self.may_prefetch = False  # only a whole run (``run``) reaps the child; the API's loads never start one
        self.prefetch_marks: tuple[int, int] = (0, 0)

    def prepare_run(self, events: Events | None = None) -> None:
        """The runner, job budget and thread pool for the options as they are now; ``events`` receives
        what the runner does (default: Rake's trace lines)."""
        options = self.options
        self.events = events if events is not None else TraceReport(self.app.trace_stream(), trace=bool(options.trace or options.dryrun))
        self.runner = SequentialRunner(self.app.manager, self.events, options)
        self.runner.needed_observer = self.explain_observer()
        self.jobs = options.thread_count()
        self.budget = JobBudget(self.jobs)
        self.budget.try_acquire()  # the main thread's slot, until a parallel run hands slots to tasks
        self.app.thread_pool = ThreadPool(self.budget)
        self.parallel: ParallelRunner | None = None

    def explain_observer(self) -> Callable[[Any, bool], None] | None:
        """``--explain``: an observer of the runners' needed? decisions writing
        ``pydrake: explain: TASK: REASON`` to the task's stderr, or None."""
        if not getattr(self.options, "explain", False):
            return None
        from pydrake.rake.explain import ExplainObserver

        return ExplainObserver(APP_NAME, lambda: self.rt.stderr)

    # ------------------------------------------------------------ the run

    def run(self) -> int:
        """Rake's ``standard_exception_handling`` around init, load and top level."""
        missing = unavailable_options(self.options)
        if missing:
            sys.stderr.write(f"{APP_NAME}: {missing} is not available in this version of pydrake\n")
            return 2
        self.options.safe = self.options.safe or self.options.completion_tasks
        refusal = safe_refusal(self.options)
        if refusal:
            sys.stderr.write(f"{APP_NAME}: {refusal}\n")
            return 2
        if self.options.safe:
            from pydrake.runtime import safe_mode

            safe_mode.arm(self.rt)
        if self.options.completion_tasks:  # stdout carries the names only: what the Rakefile prints goes to stderr
            self.rt.push_output(sys.stderr, None)
        status = 0
        self.may_prefetch = True
        try:
            self.init()
            try:
                self.load_rakefile()
            except Exception as exc:  # --lint: a Rakefile that cannot be loaded exits 2 (SPEC 6)
                if not self.options.lint:
                    raise
                raise Exit(2 if self.handle(exc) else 0) from None
            gc_policy.settle()
            self.top_level()
            self.record_file_paths()
        except Exit as e:
            status = e.status
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, never a traceback
            status = self.handle(exc)
        finally:
            if self.prefetch is not None:
                self.prefetch.close()
            status = self.finish(status)
            if self.options.safe:
                from pydrake.runtime import safe_mode

                safe_mode.disarm(self.rt)
        return status

    def finish(self, status: int) -> int:
        """Run ``at_exit`` blocks and flush the streams (the open Files' too)."""
        try:
            self.rt.run_at_exit()
        except BaseException as exc:  # noqa: BLE001
            status = self.handle(exc) or status
        flush_buffered(self.rt)
        if self.shuffled and self.runner.shuffle is not None:
            sys.stdout.flush()
            sys.stderr.write(f"Run options: {self.runner.shuffle.option()}\n")
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        return status

    def init(self) -> None:
        """Options Rake acts on while parsing (``-C``, ``-I``, ``-r``, ``-e``/``-p``/``-E``), then ``NAME=value``."""
        # Ruby's ARGV (also `$*`) holds the command line's words untouched; `$0` is the program as invoked.
        self.rt.constants["ARGV"][:] = [RString(word) for word in self.options.argv]
        self.rt.set_global("$0", RString(sys.argv[0] if sys.argv and sys.argv[0] else APP_NAME))
        for kind, value in self.options.startup:
            if kind == "C":
                self.chdir(value)
                self.app.original_dir = os.getcwd()
            elif kind == "I":
                self.rt.get_global("$:").append(RString(value))
            elif kind == "r":
                self.rt.require(value)
            elif kind in ("e", "p", "E"):
                result = self.rt.eval_source(value, "-e")
                if kind == "p":
                    sys.stdout.write(self.rt.inspect(result) + "\n")
                if kind != "E":
                    raise Exit(0)
        with children.environ_lock:
            for name, value in self.options.env_assignments:
                os.environ[name] = value
        self.app.top_level_tasks = list(self.options.top_level_tasks) or ["default"]

    def chdir(self, path: str) -> None:
        try:
            os.chdir(path)
        except OSError as exc:
            raise self.rt.error("Errno::ENOENT" if exc.errno == 2 else "SystemCallError", f"No such file or directory @ dir_s_chdir - {path}") from None

    # ------------------------------------------------------------ loading

    def find_rakefile(self) -> tuple[str | None, str]:
        """The Rakefile name and the folder holding it, searching upward unless ``-N``."""
        names = DEFAULT_RAKEFILES if self.options.rakefiles is None else self.options.rakefiles
        here = os.getcwd()
        while True:
            for name in names:
                if os.path.isfile(os.path.join(here, name)) or (os.path.isabs(name) and os.path.isfile(name)):
                    return name, here
            parent = os.path.dirname(here)
            if self.options.nosearch or parent == here:
                return None, os.getcwd()
            here = parent

    def load_rakefile(self) -> None:
        """Find the Rakefile, move to its folder, load it, then rakelib and the imports."""
        rakefile: str | None
        if self.options.rakefiles == []:
            rakefile, location = "", os.getcwd()
        else:
            rakefile, location = self.find_rakefile()
        system_dir = self.system_dir()
        if not self.options.ignore_system and (self.options.load_system or rakefile is None) and os.path.isdir(system_dir):
            self.load_system_rakefiles(system_dir, location if rakefile is not None else None)
            return
        if rakefile is None:
            names = DEFAULT_RAKEFILES if self.options.rakefiles is None else self.options.rakefiles
            raise LoadFailure(f"No Rakefile found (looking for: {', '.join(names)})")
        self.app.rakefile = rakefile
        if location != os.getcwd():
            os.chdir(location)
        if os.path.realpath(location) != os.path.realpath(self.app.original_dir) and not self.options.silent:
            sys.stderr.write(f"(in {location})\n")
        if rakefile:
            if self.may_prefetch and self.builds():
                self.start_prefetch(rakefile)
            self.load_file(os.path.abspath(rakefile))
        for rakelib in self.app.rakelib_dirs:
            for path in rake_files(rakelib):
                self.app.add_import(path)
        self.load_imports()

    def builds(self) -> bool:
        """Will the top level invoke tasks (rather than list them, lint, or only load under ``--safe``)?"""
        o = self.options
        return not (o.show_tasks or o.show_prereqs or o.lint or o.lint_trace or o.completion_tasks or o.graph or o.safe)

    def start_prefetch(self, rakefile: str) -> None:
        """Start stat'ing, beside the load, the paths the last build of ``rakefile`` asked about."""
        if not isinstance(self.app.manager.fs, RealFileSystem):
            return
        from pydrake.rake import stat_prefetch

        self.prefetch = stat_prefetch.start(rakefile)
        self.prefetch_marks = (self.rt.side_effects, self.app.manager.fs.generation)

    def prefetched_file_times(self, fs: RealFileSystem) -> dict[str, int | None] | None:
        """The prefetched file times, if nothing can have changed a file since they were read."""
        prefetch = self.prefetch
        if prefetch is None:
            return None
        answers = prefetch.collect()
        if answers and self.prefetch_marks == (self.rt.side_effects, fs.generation) and os.getcwd() == prefetch.cwd:
            return dict(answers)  # a copy: the record compares against the child's answers
        return None

    def record_file_paths(self) -> None:
        """After a build, keep the paths it asked about for the next build's prefetch."""
        fs = self.app.manager.fs
        if self.prefetch is not None and isinstance(fs, RealFileSystem) and fs.remember and not fs.asked_as_seeded():
            self.prefetch.record(fs.asked())

    def system_dir(self) -> str:
        """Rake's ``system_dir``: ``$RAKE_SYSTEM`` when set (even empty), else ``~/.rake``."""
        folder = os.environ.get("RAKE_SYSTEM")
        return os.path.join(os.path.expanduser("~"), ".rake") if folder is None else folder

    def load_system_rakefiles(self, folder: str, location: str | None) -> None:
        """``-g``, or no Rakefile found: import the system folder's ``*.rake`` instead of the project's files.

        ``location`` is the found Rakefile's folder (None: none found); Rake announces the current
        folder, where the run stays, unless that is where the Rakefile is.
        """
        if (location is None or os.path.realpath(location) != os.path.realpath(self.app.original_dir)) and not self.options.silent:
            sys.stderr.write(f"(in {os.getcwd()})\n")
        for path in rake_files(folder):
            self.app.add_import(path)
        self.load_imports()

    def load_file(self, path: str) -> None:
        """Parse and run one Ruby file at the top level."""
        self.rt.load_file(path)

    def load_imports(self) -> None:
        """Rake's ``load_imports``: build each imported file if a task makes it, load it, rebuild if still needed."""
        app = self.app
        loaded: set[str] = set()
        while app.pending_imports:
            name = app.pending_imports.pop(0)
            if name in loaded:
                continue
            task = app.manager.lookup(name)
            if task is not None and self.options.safe:  # --safe runs no task: the file is loaded as it is
                if not self.skip_import_task(name):
                    loaded.add(name)
                    continue
                task = None
            if task is not None:
                self.runner.invoke(task, [])
            self.load_import(name)
            task = app.manager.lookup(name) if not self.options.safe else None
            if task is not None and task.needed():
                task.reenable()
                self.runner.invoke(task, [])
                self.load_import(name)
            loaded.add(name)

    def skip_import_task(self, name: str) -> bool:
        """``--safe``: the task that makes the import ``name`` does not run; True when the file is there to load."""
        from pydrake.runtime import safe_mode

        present = os.path.exists(name)
        safe_mode.warn(self.rt, f"skipped the task making import {name}" + ("" if present else " (missing: not loaded)"))
        return present

    def load_import(self, name: str) -> None:
        loader = self.app.loaders.get(os.path.splitext(name)[1])  # Rake.application.add_loader(ext, loader)
        if loader is not None:
            loader(name)
            return
        path = os.path.abspath(name)
        if not os.path.exists(path):
            raise self.rt.error("LoadError", f"cannot load such file -- {path}")
        self.load_file(path)

    # ------------------------------------------------------------ invoking from Ruby

    def invoke(self, task: Any, args: Any) -> None:
        """``Task#invoke`` from Ruby: sequential, except inside a parallel run where it is an error (SPEC 3)."""
        caller = self.parallel.current_task() if self.parallel is not None else None
        if caller is not None:
            raise self.rt.error(
                INVOKE_INSIDE_INVOKE,
                f"task '{task.name}' invoked inside task '{caller.name}' while running with {self.jobs} threads; "
                f"declare '{task.name}' as a prerequisite of '{caller.name}' (or use seq) instead",
            )
        self.runner.invoke(task, args)

    def execute(self, task: Any, args: Any) -> None:
        """``Task#execute`` from Ruby: only the task's actions, allowed everywhere."""
        self.runner.execute(task, args)

    # ------------------------------------------------------------ top level

    def top_level(self) -> None:
        """List tasks, or invoke the top-level tasks in order."""
        opts = self.options
        fs = self.app.manager.fs
        if isinstance(fs, RealFileSystem):  # from here on only task actions change files: stat each path once
            answers = self.prefetched_file_times(fs)
            fs.changed()
            fs.remember = True
            if answers:
                fs.seed(answers)
        if opts.completion_tasks:  # what the completion scripts read: every task name, one a line
            sys.stdout.write("".join(task.name + "\n" for task in self.app.manager.tasks()))
            return
        if opts.graph:
            raise Exit(self.print_graph())
        if opts.lint:
            from pydrake.report.lint import run_lint

            raise Exit(run_lint(self.rt, self.app.manager, list(opts.top_level_tasks), sys.stdout))
        if opts.show_tasks or opts.show_prereqs:
            started = time.monotonic()
            if opts.show_tasks:
                self.display_tasks()
            else:
                for line in listing.prereq_lines(APP_NAME, self.app.manager.tasks()):
                    sys.stdout.write(line + "\n")
            self.job_stats(started)  # rake's run_with_threads wraps the listings too
        elif opts.lint_trace:
            self.run_lint_trace()
        elif self.jobs > 1 and not opts.dryrun:
            self.shuffled = True
            self.run_parallel()
            self.job_stats()
        else:
            self.shuffled = True
            started = time.monotonic()  # --job-stats history: the clock of the run's events
            self.invoke_top_level()
            self.job_stats(started)

    def print_graph(self) -> int:
        """``--graph``: the resolved graph of the named tasks (else ``default``, else every task) on stdout."""
        from pydrake.engine.graph import resolve_graph
        from pydrake.report.graph import render, task_graph

        manager = self.app.manager
        requests = self.resolve_requests(self.options.top_level_tasks)
        if not requests:
            default = manager.lookup("default")
            tasks = [default] if default is not None else manager.tasks()
            requests = [(task, TaskArguments(task.arg_names, [])) for task in tasks]
        sys.stdout.write(render(task_graph(resolve_graph(requests).nodes), self.options.graph))
        return 0

    def job_stats(self, started: float | None = None) -> None:
        """``--job-stats``: Rake's thread figures (its pool size, and the pool threads actually used), with
        ``history`` Rake's job table; after a parallel run, the timing summary on stderr.

        ``started``: when a sequential run's top-level tasks began (``time.monotonic()``).
        """
        if not self.options.job_stats:
            return
        jobs = self.options.jobs
        configured = (os.cpu_count() or 4) + 4 if jobs is None else max(jobs - 1, 0)
        in_play = self.app.thread_pool.max_active_threads
        if self.parallel is not None:
            in_play = max(in_play, self.jobs - 1)
        sys.stdout.write(f"Maximum active threads: {configured} + main\n")
        sys.stdout.write(f"Total threads in play:  {in_play} + main\n")
        timings = self.parallel.timings if self.parallel is not None else None
        if self.options.job_stats == "history":
            from pydrake.report import job_history

            if timings is not None:
                events = job_history.parallel_events(timings)
            else:
                origin = started if started is not None else time.monotonic()
                joining = time.monotonic() - origin
                events = job_history.sequential_events("main", joining, time.monotonic() - origin)
            sys.stdout.write("".join(line + "\n" for line in job_history.history_lines(events)))
        if timings is not None:
            from pydrake.report.job_summary import summarize, summary_lines

            sys.stdout.flush()
            wall = timings.joined if timings.joined is not None else timings.now()
            summary = summarize(timings.tasks, wall, self.jobs)
            sys.stderr.write("".join(line + "\n" for line in summary_lines(summary)))

    def resolve_requests(self, task_strings: list[str]) -> list[tuple[Any, TaskArguments]]:
        """Each ``name[args]`` resolved up front, as a graph or a parallel run needs them."""
        requests = []
        for task_string in task_strings:
            name, args = parse_task_string(task_string)
            task = self.app.manager.resolve(name)
            requests.append((task, TaskArguments(task.arg_names, args)))
        return requests

    def invoke_top_level(self) -> list[Any]:
        """Invoke the top-level tasks in order on the sequential runner; the tasks."""
        tasks = []
        for task_string in self.app.top_level_tasks:
            name, args = parse_task_string(task_string)
            task = self.app.manager.resolve(name)
            tasks.append(task)
            self.runner.invoke(task, args)
        return tasks

    def run_lint_trace(self) -> None:
        """``--lint-trace`` (SPEC 6): the sequential build with each task's file accesses recorded, then its findings."""
        from pydrake.lint.trace import lint_trace

        self.shuffled = True
        status = lint_trace(
            self.app.manager, self.runner, self.invoke_top_level, self.app.rakefile or "", sys.stdout, sys.stderr
        )
        if status:
            raise Exit(status)

    def status_line(self) -> StatusLine | None:
        """The terminal status line of a parallel run: only when stdout is a terminal."""
        try:
            if not sys.stdout.isatty():
                return None
        except (AttributeError, ValueError):
            return None
        return StatusLine(sys.stdout, os.environ.get("PYDRAKE_STATUS"), color_enabled(sys.stdout))

    def run_parallel(self) -> None:
        """Every top-level task and its prerequisites on ``-j N`` workers."""
        requests = self.resolve_requests(self.app.top_level_tasks)
        from pydrake.engine.parallel import ParallelRunner

        self.parallel = ParallelRunner(
            self.rt,
            self.events,
            self.jobs,
            keep_going=bool(self.options.keep_going),
            output_sync=self.options.output_sync != "none",
            budget=self.budget,
            shuffle=self.runner.shuffle.ready_order() if self.runner.shuffle is not None else None,
            display=self.status_line(),
            sink=self.output_sink,
        )
        self.parallel.needed_observer = self.runner.needed_observer
        if self.options.job_stats:
            from pydrake.engine.timings import Timings

            self.parallel.timings = Timings()
        self.budget.release()  # the main thread only schedules from here on
        try:
            self.parallel.run(requests)
        finally:
            self.budget.try_acquire()

    def display_tasks(self) -> None:
        if listing.ruby_listing(self.rt, self.app):  # the Rakefile replaced Rake's listing method
            return
        opts = self.options
        pattern = None
        if opts.show_task_pattern:
            try:
                from pydrake.runtime.rubyregex import translate

                pattern = translate(opts.show_task_pattern, 0)
            except ValueError:
                pattern = re.compile(re.escape(opts.show_task_pattern))
        tasks = listing.displayable(self.app.manager.tasks(), pattern, bool(opts.show_all_tasks))
        if opts.show_tasks == "tasks":
            lines = listing.tasks_lines(APP_NAME, tasks, listing.terminal_columns(listing.stdout_is_tty()))
        elif opts.show_tasks == "describe":
            lines = listing.describe_lines(APP_NAME, tasks)
        else:
            lines = listing.where_lines(APP_NAME, tasks)
        for line in lines:
            sys.stdout.write(line + "\n")

    # ------------------------------------------------------------ failures

    def handle(self, exc: BaseException) -> int:
        """Report a failure as Rake does; the exit status."""
        status = self.exit_status(exc)
        if status is not None:
            return status
        if isinstance(exc, RubyError) and "OptionParser" in self.rt.constants:
            from pydrake.runtime.stdlib.optparse import is_invalid_option

            if is_invalid_option(self.rt, exc.exc):  # rake's standard_exception_handling: the message alone
                sys.stdout.flush()
                sys.stderr.write(self.rt.to_s(self.rt.call(exc.exc, "message")) + "\n")
                return 1
        if isinstance(exc, BrokenPipeError) or (isinstance(exc, RubyError) and self.rt.module_name(self.rt.real_class(exc.exc)) == "Errno::EPIPE"):
            # The reader went away (`pydrake -T | head`): stop quietly, as a shell pipeline expects.
            try:
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the dead stream for the interpreter's exit
            except OSError:
                pass
            return 141
        parallel = sys.modules.get("pydrake.engine.parallel")  # its failures exist only once it ran
        if parallel is not None and isinstance(exc, parallel.BuildFailed):
            return self.report_failures(exc)
        if parallel is not None and isinstance(exc, parallel.Interrupted):
            sys.stderr.write(f"{APP_NAME} aborted!\n" + ("Interrupt: \n" if exc.signum == 2 else f"SignalException: SIG{'TERM' if exc.signum == 15 else exc.signum}\n"))
            return 128 + exc.signum
        if isinstance(exc, KeyboardInterrupt):
            details = ErrorDetails("Interrupt", "")
        else:
            details = self.details(exc)
        full = bool(self.options.trace or self.options.backtrace)
        stream = sys.stdout if self.options.trace_output == "stdout" else sys.stderr
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass
        stream.write(failure_report(APP_NAME, details, full))
        if full and not isinstance(exc, RubyError | RakeError | RubySyntaxError | LoadFailure | KeyboardInterrupt):
            import traceback

            stream.write("".join(traceback.format_exception(exc)))
        stream.flush()
        return 1

    def report_failures(self, failure: BuildFailed) -> int:
        """Every failed task's report, then the output of the failed commands again (SPEC 4 and 5)."""
        full = bool(self.options.trace or self.options.backtrace)
        stream = sys.stdout if self.options.trace_output == "stdout" else sys.stderr
        status = 1
        repeats = []
        for node in failure.failed:
            exc = node.error
            assert exc is not None
            code = self.exit_status(exc)
            if code is not None:
                status = code if len(failure.failed) == 1 else 1
                continue
            stream.write(failure_report(APP_NAME, self.details(exc), full))
            output = getattr(exc, "exc", None) and exc.exc.ivars.get("__command_output")  # type: ignore[attr-defined]
            if output:
                repeats.append(output)
        for out, err in repeats:
            sys.stderr.write(out + err)
        stream.flush()
        return status

    def exit_status(self, exc: BaseException) -> int | None:
        """The status of ``exit``/``abort`` (SystemExit), or None for any other error."""
        if isinstance(exc, RubyError) and self.rt.is_a(exc.exc, self.rt.constants["SystemExit"]):
            status = exc.exc.ivars.get("__status", 1)
            return status if isinstance(status, int) else 1
        if isinstance(exc, SystemExit):
            return exc.code if isinstance(exc.code, int) else 1
        return None

    def details(self, exc: BaseException) -> ErrorDetails:
        """The report's view of any exception."""
        chain = chain_of(exc)
        chain_text = str(chain) if chain is not None else None
        if isinstance(exc, RubyError):
            d = self.ruby_details(exc.exc, set())
            d.chain = chain_text
            return d
        if isinstance(exc, RubySyntaxError):
            return ErrorDetails("SyntaxError", syntax_message(exc), [""])
        if isinstance(exc, LoadFailure):
            return ErrorDetails("RuntimeError", str(exc), [""])
        if isinstance(exc, RakeError):
            return ErrorDetails(getattr(exc, "ruby_class", "RuntimeError"), str(exc), [""], chain=chain_text)
        if isinstance(exc, RecursionError):
            return ErrorDetails("SystemStackError", "stack level too deep", [""], chain=chain_text)
        return ErrorDetails(f"{type(exc).__name__}", f"{exc} (an internal error in pydrake)", [""], chain=chain_text)

    def suppress_pattern(self) -> re.Pattern[str] | None:
        """``--suppress-backtrace PATTERN`` compiled (the parser has already checked it), or None."""
        source = self.options.suppress_backtrace_pattern
        if source is None:
            return None
        from pydrake.runtime.rubyregex import translate

        return translate(source)

    def ruby_details(self, exc: Any, seen: set[int]) -> ErrorDetails:
        rt = self.rt
        seen.add(id(exc))
        cls = rt.real_class(exc)
        try:
            message = rt.to_s(rt.call(exc, "message"))
        except Exception:  # noqa: BLE001 - a broken #message still gets reported
            message = ""
        bt = rt.backtrace(exc)
        if bt is None:
            bt = []
        if not (self.options.trace or self.options.backtrace):
            bt = collapse_backtrace(bt, self.suppress_pattern())
        lines = bt if bt else [""]
        cause = exc.ivars.get("__cause")
        details = ErrorDetails(rt.module_name(cls), message, lines)
        from pydrake.report.unsupported import unsupported_hint  # Ruby that pydrake lacks: a line saying so

        hint = unsupported_hint(rt, exc)
        details.extra = [hint] if hint else []
        if cause is not None and id(cause) not in seen:
            details.cause = self.ruby_details(cause, seen)
        return details


# Options the command line accepts whose features are not built yet (each refuses clearly, never silently).
PLANNED_OPTIONS: dict[str, str] = {}


def unavailable_options(options: Any) -> str | None:
    """The first option given whose feature does not exist yet, or None."""
    for attr, flag in PLANNED_OPTIONS.items():
        if getattr(options, attr, None):
            return flag
    return None


def safe_refusal(options: Any) -> str | None:
    """Why ``--safe`` cannot go with these options, or None: it inspects a Rakefile and never runs a build."""
    if not options.safe:
        return None
    inspects = options.show_tasks or options.show_prereqs or options.graph or options.lint or options.dryrun
    exits_first = any(kind in ("e", "p") for kind, _ in options.execute)  # -e/-p exit before any task
    if inspects or exits_first or options.completion_tasks:
        return None
    return "--safe only inspects a Rakefile: use it with -T, -D, -W, -P, -n, --graph or --lint (it never runs a build)"


def rake_files(folder: str) -> list[str]:
    """Rake's ``FileList.glob("FOLDER/*.rake")``: the folder's visible ``*.rake`` entries, sorted."""
    if not os.path.isdir(folder):
        return []
    import glob

    return sorted(glob.glob(os.path.join(glob.escape(folder), "*.rake")))


class LoadFailure(Exception):
    """A Rakefile that cannot be found or loaded (reported as a RuntimeError with no task chain)."""


def syntax_message(err: RubySyntaxError) -> str:
    """Ruby's SyntaxError message for a parse failure."""
    return err.ruby_message()
