"""The sequential runner: Rake's ``invoke_with_call_chain`` walk, in Rake's exact order, without recursion."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pydrake.record import record

if TYPE_CHECKING:
    from pydrake.engine.shuffle import Shuffle
from pydrake.engine.events import Events
from pydrake.engine.invocation_chain import TOP, InvocationChain, circular_dependency
from pydrake.rake.errors import attach_chain
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import EMPTY_TASK_ARGS, TaskArguments, parse_task_string
from pydrake.rake.task_manager import TaskManager


@record
class RunOptions:
    """The options the runner reads (any object with these attributes will do).

    ``trace``: evaluate and announce trace flags (Rake's ``--trace``; ``-n`` sets it too).
    ``dryrun``: announce executions instead of running actions.
    ``always_multitask``: ``-m``, every task's prerequisites go through the pool.
    ``jobs``: the ``-j`` count, None when not given; None, 0 and 1 all mean no worker threads, so
    pooled prerequisites (a multitask's, or every task's under ``-m``) run last-first as in Rake ``-j1``.
    """

    trace: bool = False
    dryrun: bool = False
    always_multitask: bool = False
    jobs: int | None = None


class ActionExecution:
    """The normal execute strategy: announce, then run the task's actions."""

    def __init__(self, events: Events) -> None:
        self.events = events

    def __call__(self, task: Task, args: TaskArguments) -> None:
        self.events.execute(task, False)
        task.execute(args)


class DryRunExecution:
    """The ``-n`` execute strategy: announce ``(dry run)`` and run nothing."""

    def __init__(self, events: Events) -> None:
        self.events = events

    def __call__(self, task: Task, args: TaskArguments) -> None:
        self.events.execute(task, True)


class _Frame(InvocationChain):
    """One task being invoked, which is also the invocation chain ending at it (``head`` the task,
    ``tail`` the chain that invoked it): its arguments, resolved prerequisites and the next one to invoke.

    A frame holds either its arguments or its parent's, from which its own are scoped when first
    read (``args``): only its actions read them, so a build whose tasks are up to date never makes them.
    """

    __slots__ = ("_args", "parent_args", "prereqs", "index")

    def __init__(
        self, task: Task, args: TaskArguments | None, parent_args: TaskArguments | None, chain: InvocationChain
    ) -> None:
        self.head = task
        self.tail = chain
        self._args = args
        self.parent_args = parent_args
        self.prereqs: Sequence[Task] = ()
        self.index = 0

    @property
    def args(self) -> TaskArguments:
        """The task's arguments."""
        args = self._args
        if args is None:
            args = self._args = _scoped(self.parent_args, self.head)
        return args


def _scoped(parent_args: TaskArguments | None, task: Task) -> TaskArguments:
    """The arguments ``task`` receives as a prerequisite invoked with ``parent_args``."""
    assert parent_args is not None
    return parent_args.new_scope(task.arg_names)


class SequentialRunner:
    """Invokes tasks one at a time exactly as Rake 13.0.6 does, with an explicit stack."""

    def __init__(self, manager: TaskManager, events: Events, options: Any = None) -> None:
        self.manager = manager
        self.events = events
        self.options = options if options is not None else RunOptions()
        self.execute_strategy = DryRunExecution(events) if self._option("dryrun", False) else ActionExecution(events)
        # ``--shuffle``: sibling prerequisites in this order instead of Rake's (None: Rake's exact order).
        shuffle = self._option("shuffle", None)
        self.shuffle: Shuffle | None = None
        if shuffle is not None:  # random numbers are imported only for a shuffled run
            from pydrake.engine.shuffle import resolve

            self.shuffle = resolve(shuffle)
        # ``--explain``: told each task's needed? answer before it runs or is skipped (None: nobody listens).
        self.needed_observer: Callable[[Task, bool], None] | None = None

    def _option(self, name: str, default: Any) -> Any:
        return getattr(self.options, name, default)

    # --- entry points ---------------------------------------------------------

    def invoke_task(self, task_string: str) -> None:
        """``Application#invoke_task``: parse ``name[args]``, find the task, invoke it."""
        name, args = parse_task_string(task_string)
        task = self.manager.resolve(name)
        self.invoke(task, args)

    def invoke(self, task: Task, args: TaskArguments | Sequence[Any] | None = None) -> None:
        """``Task#invoke``: prerequisites then the task, each at most once, from a fresh chain (TOP)."""
        if not isinstance(args, TaskArguments):
            args = TaskArguments(task.arg_names, list(args or []))
        self.invoke_with_call_chain(task, args, TOP)

    def execute(self, task: Task, args: TaskArguments | None = None) -> None:
        """``Task#execute``: only this task's actions (or the dry-run announcement), whatever happened before."""
        self.execute_strategy(task, args if args is not None else EMPTY_TASK_ARGS)

    def reverses_prerequisites(self, task: Task) -> bool:
        """Do this task's prerequisites run last-first? Pooled prerequisites do when the pool has no workers."""
        jobs = self._option("jobs", None)
        return task.invokes_concurrently(self.options) and (jobs is None or jobs <= 1)

    # --- the walk ------------------------------------------------------------------

    def invoke_with_call_chain(self, task: Task, args: TaskArguments, chain: InvocationChain) -> None:
        """Invoke ``task`` below ``chain``; a failure is stored on every task it passes through and
        carries the chain of the innermost task being invoked."""
        trace = bool(self._option("trace", False))
        # Nobody hears an invoke or a needed? answer: a task without prerequisites is invoked inline.
        quiet = not trace and self.needed_observer is None and not getattr(self.events, "hears_invokes", True)
        stack: list[_Frame] = []
        on_stack = set(map(id, chain))
        # (task, its arguments or None, the arguments to scope them from, the chain below which it runs)
        pending: tuple[Task, TaskArguments | None, TaskArguments | None, InvocationChain] | None = (
            task,
            args,
            None,
            chain,
        )
        try:
            while True:
                if pending is not None:
                    child, child_args, parent_args, parent_chain = pending
                    pending = None
                    if id(child) in on_stack:
                        raise circular_dependency(parent_chain, child)
                    frame = _Frame(child, child_args, parent_args, parent_chain)
                    stack.append(frame)
                    on_stack.add(id(child))
                    prereqs = self._enter(child, trace)
                    if prereqs is None:
                        stack.pop()
                        on_stack.discard(id(child))
                        if not stack:
                            return
                    else:
                        frame.prereqs = prereqs
                frame = stack[-1]
                index = frame.index
                if index < len(frame.prereqs):
                    prereq = frame.prereqs[index]
                    frame.index = index + 1
                    if prereq.prerequisites or prereq.order_only_prerequisites or id(prereq) in on_stack:
                        pending = (prereq, None, frame.args, frame)
                    elif not quiet or prereq.invocation_exception is not None:
                        self._invoke_leaf(prereq, frame, trace)
                    elif not prereq.already_invoked:
                        # most tasks in a big build have no prerequisites: no frame on the stack for them
                        prereq.already_invoked = True
                        try:
                            if prereq.needed():
                                self.execute_strategy(prereq, _scoped(frame.args, prereq))
                        except BaseException as error:
                            attach_chain(error, InvocationChain(prereq, frame))
                            prereq.invocation_exception = error
                            raise
                    continue
                self._run_if_needed(frame.head, frame)
                stack.pop()
                on_stack.discard(id(frame.head))
                if not stack:
                    return
        except BaseException as error:
            for frame in reversed(stack):
                attach_chain(error, frame)
                frame.head.invocation_exception = error
            raise

    def _invoke_leaf(self, task: Task, parent: _Frame, trace: bool) -> None:
        """What the walk does for a task without prerequisites, in the same order, without a stack
        (its invocation chain is made only for a failure, the one thing that reads it, and its
        arguments, like its parent's, only when its actions run, the one thing that reads them)."""
        try:
            if self._enter(task, trace) is not None:
                self._run_if_needed(task, None, parent)
        except BaseException as error:
            attach_chain(error, InvocationChain(task, parent))
            task.invocation_exception = error
            raise

    def _run_if_needed(self, task: Task, frame: _Frame | None, parent: _Frame | None = None) -> None:
        """After the prerequisites: ask needed? (telling the observer) and run the actions if so, with
        the frame's arguments (a task without a frame: scoped from its parent frame's)."""
        needed = task.needed()
        if self.needed_observer is not None:
            self.needed_observer(task, needed)
        if needed:
            if frame is not None:
                args = frame.args
            else:
                assert parent is not None
                args = _scoped(parent.args, task)
            self.execute_strategy(task, args)

    def _enter(self, task: Task, trace: bool) -> Sequence[Task] | None:
        """Announce the invoke and mark the task invoked; its prerequisites in the order to invoke
        them, or None when it already was invoked (nothing to do)."""
        not_needed = (not task.needed()) if trace else None
        self.events.invoke(task, not task.already_invoked, not_needed)
        if task.already_invoked:
            if task.invocation_exception is not None:
                self.events.previous_failed(task, (not task.needed()) if trace else None)
                raise task.invocation_exception
            return None
        task.already_invoked = True
        if not task.prerequisites and not task.order_only_prerequisites:
            return ()
        prereqs = task.prerequisite_tasks()
        if len(prereqs) > 1 and self.reverses_prerequisites(task):
            prereqs.reverse()
        if len(prereqs) > 1 and self.shuffle is not None:
            prereqs = self.shuffle.siblings(task.name, prereqs, _task_name)
        return prereqs


def _task_name(task: Task) -> str:
    return task.name
