"""One API run: the command line's top-level flow with run options, every task's execution recorded into a RunResult."""

from __future__ import annotations

import io
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TextIO

from pydrake.api.capture import routed_std_streams
from pydrake.api.errors import TaskError, TaskNotFoundError
from pydrake.api.python_tasks import PythonActionError
from pydrake.api.recorder import CapturedExecution, Execution, ParallelSink, Recorder
from pydrake.api.results import RunResult, TaskResult, TaskStatus
from pydrake.application import APP_NAME, Application
from pydrake.engine.graph import resolve_graph
from pydrake.engine.parallel import BuildFailed, Interrupted
from pydrake.rake.errors import RakeError, UndefinedTaskError, chain_of, format_suggestions, spell_check
from pydrake.rake.task_arguments import TaskArguments, parse_task_string
from pydrake.report.failure import ErrorDetails, failure_report
from pydrake.report.trace import TraceReport


@dataclass(frozen=True)
class RunSettings:
    """The command-line options a run takes: ``-j``, ``-n``, ``-k``, ``--output-sync``, ``-B``, ``--trace``."""

    jobs: int = 1
    dry_run: bool = False
    keep_going: bool = False
    output_sync: bool = True
    build_all: bool = False
    trace: bool = False
    echo: bool = False  # also write the output (and trace) to the caller's stdout and stderr


# The Options fields a run sets, and where each comes from.
_OPTION_FIELDS = ("jobs", "dryrun", "keep_going", "output_sync", "build_all", "trace", "always_multitask")


@contextmanager
def run_options(application: Application, settings: RunSettings) -> Iterator[None]:
    """The application's options (and Rake's ``nowrite`` flag) as ``settings`` ask, restored afterwards."""
    options = application.options
    saved = {name: getattr(options, name) for name in _OPTION_FIELDS}
    saved_nowrite = application.app.nowrite_flag
    options.jobs = settings.jobs
    options.dryrun = settings.dry_run
    options.keep_going = settings.keep_going
    options.output_sync = "task" if settings.output_sync else "none"
    options.build_all = settings.build_all
    options.trace = settings.trace
    options.always_multitask = False
    application.app.nowrite_flag = saved_nowrite or settings.dry_run
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(options, name, value)
        application.app.nowrite_flag = saved_nowrite
        application.output_sink = None
        forget_file_times(application)


def forget_file_times(application: Application) -> None:
    """Stop remembering file times: between runs, anything may change the files."""
    fs: Any = application.app.manager.fs
    if hasattr(fs, "remember"):
        fs.remember = False
        fs.changed()


def resolve_requests(application: Application, task_strings: Sequence[str]) -> list[tuple[Any, TaskArguments]]:
    """Each ``name[args]`` as (task, arguments); TaskNotFoundError for a name nothing answers to."""
    manager = application.app.manager
    requests = []
    for text in task_strings:
        name, args = parse_task_string(text)
        try:
            task = manager.resolve(name)
        except UndefinedTaskError:
            raise not_found(name, manager.task_names()) from None
        except RakeError as exc:
            raise TaskNotFoundError(name, str(exc)) from None
        requests.append((task, TaskArguments(task.arg_names, args)))
    return requests


def not_found(name: str, known: list[str]) -> TaskNotFoundError:
    """``Don't know how to build task 'x'``, with the nearest names Rake would suggest."""
    return TaskNotFoundError(name, f"Don't know how to build task '{name}'" + format_suggestions(spell_check(name, known)))


def run(application: Application, task_strings: Sequence[str], settings: RunSettings) -> RunResult:
    """Run the tasks as ``pydrake [options] TASK...`` would; every outcome recorded, nothing raised for a failure."""
    forget_file_times(application)
    requests = resolve_requests(application, task_strings)
    for task in application.app.manager.tasks():
        task.reenable()  # each run starts afresh, as a new command-line run does
    rt = application.rt
    with run_options(application, settings), routed_std_streams(rt) as real:
        trace_text = io.StringIO()
        trace_stream: Any = _Tee(trace_text, real[1]) if settings.echo else trace_text
        recorder = Recorder(
            rt,
            TraceReport(trace_stream, trace=settings.trace or settings.dry_run),
            echo=real if settings.echo else None,
            live=settings.jobs == 1 or not settings.output_sync,
        )
        application.prepare_run(events=recorder)
        runner: Any = application.runner
        runner.execute_strategy = CapturedExecution(runner.execute_strategy, recorder, settings.dry_run)
        application.output_sink = ParallelSink(rt, recorder)
        application.app.top_level_tasks = list(task_strings)
        failures: list[tuple[Any, BaseException]] = []
        try:
            application.top_level()
        except BuildFailed as exc:
            failures = [(node.task, node.error) for node in exc.failed if node.error is not None]
        except Interrupted:
            raise KeyboardInterrupt from None
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - a sequential run's failure (a task's error) is recorded
            chain = chain_of(exc)
            failures = [(chain.head if chain is not None and not chain.is_empty() else None, exc)]
        for task, error in failures:
            if task is not None:
                recorder.fail(task, error)
        seconds = time.perf_counter() - recorder.began
        result = build_result(application, recorder, requests, failures, settings, seconds, trace_text.getvalue())
        if settings.echo:  # the command line's failure reports, after the output
            for error in result.errors:
                real[1].write(error.report)
            real[1].flush()
    return result


class _Tee(io.TextIOBase):
    """Writes to two streams."""

    def __init__(self, first: TextIO, second: TextIO) -> None:
        super().__init__()
        self.first, self.second = first, second

    def write(self, text: str) -> int:
        self.first.write(text)
        self.second.write(text)
        return len(text)

    def flush(self) -> None:
        self.second.flush()


# ------------------------------------------------------------ the result


def build_result(
    application: Application,
    recorder: Recorder,
    requests: list[tuple[Any, TaskArguments]],
    failures: list[tuple[Any, BaseException]],
    settings: RunSettings,
    seconds: float,
    trace: str,
) -> RunResult:
    """Every task the run reached, in Rake's order, with what was recorded about it."""
    by_task: dict[int, list[Execution]] = {}
    for execution in recorder.executions:
        by_task.setdefault(id(execution.task), []).append(execution)
    order = _rake_order(requests)
    seen = {id(task) for task in order}
    for execution in recorder.executions:
        if id(execution.task) not in seen:
            seen.add(id(execution.task))
            order.append(execution.task)
    errors: list[TaskError] = []
    results = []
    for task in order:
        result = _task_result(application, task, by_task.get(id(task), []))
        if result.error is not None:
            errors.append(result.error)
        results.append(result)
    for task, error in failures:
        if task is None:  # a failure outside any task
            errors.append(task_error(application, error, None))
    return RunResult(tuple(results), tuple(errors), seconds, settings.jobs, settings.dry_run, trace)


def _rake_order(requests: list[tuple[Any, TaskArguments]]) -> list[Any]:
    """The requested tasks and their prerequisites in Rake's sequential order ([] when the graph cannot be resolved)."""
    try:
        return [node.task for node in resolve_graph(requests).nodes]
    except Exception:  # noqa: BLE001 - a cycle or a missing prerequisite: the run itself reported it
        return []


def _task_result(application: Application, task: Any, executions: list[Execution]) -> TaskResult:
    status: TaskStatus
    if executions:
        error = next((e.error for e in executions if e.error is not None), None)
        status = "failed" if error is not None else ("would_run" if all(e.dry_run for e in executions) else "executed")
        ran = [e for e in executions if not e.dry_run]
        return TaskResult(
            name=task.name,
            status=status,
            output="".join(e.output for e in executions),
            seconds=sum(e.seconds for e in executions),
            error=None if error is None else task_error(application, error, task.name),
            stdout="".join(e.stdout for e in executions),
            stderr="".join(e.stderr for e in executions),
            start=ran[0].start if ran else None,
        )
    status = "skipped" if task.already_invoked and task.invocation_exception is None else "not_run"
    return TaskResult(name=task.name, status=status)


def task_error(application: Application, exc: BaseException, task_name: str | None) -> TaskError:
    """The API's view of a failure: its class, message, backtrace, invocation chain and Rake's report."""
    chain = chain_of(exc)
    chain_text = str(chain) if chain is not None else None
    if isinstance(exc, PythonActionError):
        original = exc.original
        frames = traceback.extract_tb(original.__traceback__)
        backtrace = tuple(f"{f.filename}:{f.lineno}:in `{f.name}'" for f in reversed(frames))
        details = ErrorDetails(type(original).__name__, str(original), list(backtrace), chain=chain_text)
        error = TaskError(str(original), type(original).__name__, task_name, backtrace, chain_text, failure_report(APP_NAME, details, False))
        error.__cause__ = original
        return error
    details = application.details(exc)
    details.chain = details.chain or chain_text
    return TaskError(
        details.message,
        details.class_name,
        task_name,
        tuple(line for line in details.backtrace or [] if line),
        details.chain,
        failure_report(APP_NAME, details, False),
    )
