"""The parallel executor: runs a Plan on N worker threads (``-j N``, SPEC sections 1, 3, 4 and 5).

The main thread owns the Plan and the failure policy; workers only run one
node each and hand it back (a task that has no actions and no rule that could
give it some is decided on the main thread: there is nothing to run).  A file
task decides ``needed?`` after all its prerequisites finished, exactly as in a
sequential run.  After
the first failure no node starts (unless keep-going); running ones finish and
their commands are waited for.  SIGINT/SIGTERM are passed on to the running
commands' process groups, and the run ends after they are reaped.
"""

from __future__ import annotations

import collections
import io
import queue
import signal
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from pydrake.engine.events import Events
from pydrake.engine.graph import Graph, Node, resolve_graph
from pydrake.engine.plan import Plan
from pydrake.engine.workers import WorkerPool
from pydrake.rake.errors import attach_chain
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.thread_pool import JobBudget
from pydrake.runtime import children

if TYPE_CHECKING:
    import random

    from pydrake.engine.timings import Timings


class BuildFailed(Exception):
    """One or more tasks failed in a parallel run; ``failed`` are their nodes in Rake order."""

    def __init__(self, failed: list[Node]) -> None:
        super().__init__(f"{len(failed)} task(s) failed")
        self.failed = failed


class Interrupted(Exception):
    """The run was stopped by a signal after its running commands were reaped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Display(Protocol):
    """A progress display (the terminal status line) that task output must not overwrite."""

    def update(self, finished: int, total: int, running: list[str]) -> None: ...

    def clear(self) -> None: ...

    def redraw(self) -> None: ...

    def finish(self) -> None: ...


class TaskOutput(io.StringIO):
    """One stream of a task's collected output. Once the task has ended (``drain``), a late writer
    (a thread the task started and never joined) writes straight to the real stream instead."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._after: Any = None

    def write(self, text: str) -> int:
        with self._lock:
            after = self._after
            if after is None:
                return super().write(text)
        return int(after.write(text))

    def flush(self) -> None:
        after = self._after
        if after is not None:
            after.flush()

    def drain(self, stream: Any) -> str:
        """What was collected; anything written from now on goes to ``stream``."""
        with self._lock:
            self._after = stream
            return self.getvalue()


class OutputSink:
    """Where a task's output goes: per-task blocks (``--output-sync=task``) or straight through."""

    def __init__(self, rt: Any, sync: bool, display: Display | None = None) -> None:
        self.rt = rt
        self.sync = sync
        self.display = display
        self.lock = threading.Lock()

    def begin(self) -> tuple[TaskOutput, TaskOutput] | None:
        if not self.sync:
            return None
        out, err = TaskOutput(), TaskOutput()
        self.rt.push_output(out, err)
        return out, err

    def end(self, buffers: tuple[TaskOutput, TaskOutput] | None) -> tuple[str, str] | None:
        """Write a task's collected output as one block per stream."""
        if buffers is None:
            return None
        self.rt.pop_output()
        out, err = buffers[0].getvalue(), buffers[1].getvalue()
        with self.lock:
            if self.display is not None and (out or err):
                self.display.clear()
            if out:
                sys.stdout.write(out)
                sys.stdout.flush()
            if err:
                sys.stderr.write(err)
                sys.stderr.flush()
            if self.display is not None and (out or err):
                self.display.redraw()
        # A thread the task started may still write: what came since the block, then the rest, goes
        # straight to the stream.
        for buffer, stream, written in ((buffers[0], sys.stdout, out), (buffers[1], sys.stderr, err)):
            late = buffer.drain(stream)[len(written) :]
            if late:
                stream.write(late)
                stream.flush()
        return out, err


class ParallelRunner:
    """Runs requested tasks with up to ``jobs`` actions at once."""

    def __init__(
        self,
        rt: Any,
        events: Events,
        jobs: int,
        keep_going: bool = False,
        output_sync: bool = True,
        shuffle: random.Random | None = None,
        budget: JobBudget | None = None,
        display: Display | None = None,
        sink: OutputSink | None = None,
    ) -> None:
        self.rt = rt
        self.events = events
        self.jobs = max(1, jobs)
        self.keep_going = keep_going
        # ``sink``: where each task's output goes instead (its ``begin``/``end`` run on the task's worker).
        self.sink = sink if sink is not None else OutputSink(rt, output_sync, display)
        self.shuffle = shuffle
        self.display = display
        # Slots shared with Rake's thread pool (futures inside actions): a task takes one to start.
        self.budget = budget if budget is not None else JobBudget(self.jobs)
        self.local = threading.local()  # the node a worker thread is running
        if rt is not None:
            rt.thread_inheritance.append(self._inheritance)
        self.signum: int | None = None
        # ``--explain``: told each task's needed? answer on its worker (None: nobody listens).
        self.needed_observer: Callable[[Task, bool], None] | None = None
        # ``--job-stats``: each task's queue, start and end times (None: not recorded).
        self.timings: Timings | None = None

    # ------------------------------------------------------------ nested invoke

    def current_task(self) -> Task | None:
        """The task running on this thread, if it is a worker of this run."""
        node = getattr(self.local, "node", None)
        return None if node is None else node.task

    def _inheritance(self) -> Callable[[], None]:
        """A thread an action starts (Ruby's Thread.new, a pool future) belongs to the action's task."""
        node = getattr(self.local, "node", None)

        def install() -> None:
            self.local.node = node

        return install

    # ------------------------------------------------------------ the run

    def run(self, requests: list[tuple[Task, TaskArguments]]) -> None:
        """Resolve the graph, then run it; raises BuildFailed or Interrupted at the end."""
        graph = resolve_graph(requests)
        plan = Plan(graph, shuffle=self.shuffle)
        done: queue.Queue[Node] = queue.Queue()  # nodes the workers finished
        decided: collections.deque[Node] = collections.deque()  # nodes decided here, without a worker
        failed: list[Node] = []
        running: dict[int, Node] = {}
        finished = 0
        stop = False
        restore = self._install_signal_handlers()
        # Every command of a parallel run gets a process group of its own, so a signal can reach
        # the whole command (its grandchildren too), whether or not a terminal is attached.
        own_group, children.own_process_group = children.own_process_group, True
        # A worker whose command just ended waits for the interpreter lock before it can report
        # back; a short switch interval keeps that wait far below a command's own start-up time.
        switch = sys.getswitchinterval()
        sys.setswitchinterval(min(switch, 0.0005))
        try:
            with WorkerPool(self.jobs) as pool:
                while True:
                    while not stop and self.signum is None and self.budget.try_acquire():
                        node = plan.find_work()
                        if node is None:
                            self.budget.release()
                            break
                        running[node.index] = node
                        if self.timings is not None:
                            self.timings.queued(node, node.task.name, [p.task.name for p in node.prereqs])
                        task = node.task
                        if task.actions or task.manager.has_matching_rule(task.name):
                            pool.submit(self._run_node, node, done.put)
                        else:  # nothing can run: deciding needed? here saves two thread hand-offs
                            self._run_node(node, decided.append)
                        self._progress(finished, len(graph), running)
                    if not running:
                        break
                    if decided:
                        node = decided.popleft()
                    else:
                        try:
                            node = done.get(timeout=0.2)
                        except queue.Empty:
                            continue
                    del running[node.index]
                    self.budget.release()
                    finished += 1
                    if node.error is None:
                        plan.finished(node)
                    else:
                        failed.append(node)
                        plan.failed(node)
                        if not self.keep_going:
                            stop = True
                    self._progress(finished, len(graph), running)
                if self.timings is not None:
                    self.timings.mark_joining()
            if self.timings is not None:
                self.timings.mark_joined()
        finally:
            if self.display is not None:
                self.display.finish()
            children.own_process_group = own_group
            children.clear_stop()
            sys.setswitchinterval(switch)
            restore()
        if self.signum is not None:
            raise Interrupted(self.signum)
        if failed:
            failed.sort(key=lambda n: n.index)
            raise BuildFailed(failed)

    def _progress(self, finished: int, total: int, running: dict[int, Node]) -> None:
        if self.display is not None:
            self.display.update(finished, total, [n.task.name for n in running.values()])

    def _run_node(self, node: Node, hand_back: Callable[[Node], object]) -> None:
        """Decide ``needed?``, run the actions with this task's output collected, hand the node back."""
        self.local.node = node
        if self.timings is not None:
            self.timings.started(node)
        buffers = self.sink.begin()
        try:
            task = node.task
            task.already_invoked = True
            needed = task.needed()
            if self.needed_observer is not None:
                self.needed_observer(task, needed)
            if needed:
                self.events.execute(task, False)
                task.execute(node.args)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the main thread
            attach_chain(error, node.chain)
            task.invocation_exception = error
            node.error = error
        finally:
            if self.timings is not None:
                self.timings.finished(node)
            node.captured = self.sink.end(buffers)
            self.local.node = None
            hand_back(node)

    # ------------------------------------------------------------ signals

    def _install_signal_handlers(self) -> Callable[[], None]:
        """Forward SIGINT/SIGTERM to the running commands and stop starting tasks (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            return lambda: None

        def handler(signum: int, frame: Any) -> None:
            self.signum = signum
            children.signal_all(signum, stop=True)

        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}

        def restore() -> None:
            for sig, old in previous.items():
                signal.signal(sig, old)

        return restore


def graph_of(requests: list[tuple[Task, TaskArguments]]) -> Graph:
    """The graph a parallel run of these requests would execute (for listings and tests)."""
    return resolve_graph(requests)
