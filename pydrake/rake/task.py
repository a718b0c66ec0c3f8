"""Task: a named unit of work with prerequisites, actions, arguments and descriptions."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from pydrake.rake.scope import Scope
from pydrake.rake.task_arguments import EMPTY_TASK_ARGS, TaskArguments
from pydrake.rake.timestamps import Timestamp, format_timestamp, now_ns, sort_key

if TYPE_CHECKING:
    from pydrake.rake.task_manager import TaskManager

Action = Callable[["Task", TaskArguments], Any]
# Where a task was defined: (file, line), with the backtrace frame label when known.
Location = tuple[str, int] | tuple[str, int, str]

# Task#first_sentence: cut at ". "/"! " after a word character, a final ".", any "!", or a newline.
_SENTENCE_END = re.compile(r"(?<=\w)(\.|!)[ \t]|(\.$|!)|\n", re.M | re.ASCII)
_RUBY_WHITESPACE = " \t\n\v\f\r\0"


def format_deps(deps: Any) -> list[str]:
    """Prerequisite names as strings: one name or a list of names (``Task.format_deps``)."""
    if deps is None:
        return []
    if not isinstance(deps, (list, tuple)):
        deps = [deps]
    return [_name_text(d) for d in deps]


def _name_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)  # type: ignore[return-value]
    return str(value)


def _union(items: list[Any], more: Iterable[Any]) -> None:
    """``items |= more`` in place: append unseen values, keeping first occurrences."""
    merged = list(dict.fromkeys([*items, *more]))
    items[:] = merged


class Task:
    """A plain task: always needed, timestamped "now", actions run in definition order."""

    ruby_class = "Rake::Task"

    def __init__(self, name: str, manager: TaskManager) -> None:
        self.name = name
        self.manager = manager
        self.prerequisites: list[str] = []
        self.order_only_prerequisites: list[str] = []
        self.actions: list[Action] = []
        self.comments: list[str] = []
        self.locations: list[Location] = []
        self.scope: Scope = manager.current_scope
        self.already_invoked = False
        self.invocation_exception: BaseException | None = None
        self._arg_names: list[str] | None = None
        self._sources: list[str] | None = None
        # Prerequisite name -> task, valid while the manager's task set is unchanged (``generation``).
        self._resolved: dict[str, Task] = {}
        self._resolved_generation = -1

    # --- identity -------------------------------------------------------

    @property
    def application(self) -> TaskManager:
        """The manager (Rake's application) that owns this task."""
        return self.manager

    def __str__(self) -> str:
        return self.name

    def inspect(self) -> str:
        """``<Rake::Task name => [p1, p2]>``."""
        return f"<{self.ruby_class} {self.name} => [{', '.join(self.prerequisites)}]>"

    def __repr__(self) -> str:
        return self.inspect()

    @classmethod
    def scope_name(cls, scope: Scope, task_name: str) -> str:
        """The full name of a task of this class defined as ``task_name`` inside ``scope``."""
        return scope.path_with_task_name(task_name)

    # --- sources (set by rules) ----------------------------------------

    @property
    def sources(self) -> list[str]:
        """The rule's sources when a rule made this task, else the prerequisites."""
        return self._sources if self._sources is not None else self.prerequisites

    @sources.setter
    def sources(self, value: list[str]) -> None:
        self._sources = value

    @property
    def source(self) -> str | None:
        """The first source, or None."""
        sources = self.sources
        return sources[0] if sources else None

    # --- arguments -------------------------------------------------------

    @property
    def arg_names(self) -> list[str]:
        """The declared argument names (empty when none)."""
        return list(self._arg_names) if self._arg_names is not None else []

    def set_arg_names(self, names: Iterable[Any]) -> None:
        """Replace the argument names."""
        self._arg_names = [_name_text(n) for n in names]

    @property
    def arg_description(self) -> str | None:
        """``[a,b]``, or None when the task never declared argument names."""
        return f"[{','.join(self._arg_names)}]" if self._arg_names is not None else None

    @property
    def name_with_args(self) -> str:
        """The name followed by the argument description: ``build[target,mode]``."""
        description = self.arg_description
        return self.name + description if description else self.name

    # --- definition --------------------------------------------------------

    def enhance(self, deps: Iterable[Any] | None = None, action: Action | None = None) -> Task:
        """Union-add prerequisites (as given) and append an action; returns self."""
        if deps:
            _union(self.prerequisites, deps)
        if action is not None:
            self.actions.append(action)
        return self

    def add_order_only(self, deps: Any) -> Task:
        """``task | deps``: add order-only prerequisites not already ordinary ones; returns self."""
        fresh = [d for d in format_deps(deps) if d not in self.prerequisites]
        _union(self.order_only_prerequisites, fresh)
        return self

    def clear(self) -> Task:
        """Forget prerequisites, actions, descriptions and argument names."""
        self.clear_prerequisites()
        self.clear_actions()
        self.clear_comments()
        self.clear_args()
        return self

    def clear_prerequisites(self) -> Task:
        """Forget the prerequisites."""
        self.prerequisites.clear()
        return self

    def clear_actions(self) -> Task:
        """Forget the actions."""
        self.actions.clear()
        return self

    def clear_comments(self) -> Task:
        """Forget the descriptions."""
        self.comments = []
        return self

    def clear_args(self) -> Task:
        """Forget the argument names."""
        self._arg_names = None
        return self

    def reenable(self) -> None:
        """Allow the next invoke to run this task again, forgetting a stored failure."""
        self.already_invoked = False
        self.invocation_exception = None

    # --- descriptions ------------------------------------------------------

    def add_description(self, description: str | None) -> None:
        """Add a ``desc`` text: stripped, ignored when empty or already present."""
        if description is None:
            return
        text = description.strip(_RUBY_WHITESPACE)
        if text:
            self.add_comment(text)

    def add_comment(self, comment: str | None) -> None:
        """Add a comment as given (``task.comment = x``); None and duplicates are ignored."""
        if comment is not None and comment not in self.comments:
            self.comments.append(comment)

    @property
    def comment(self) -> str | None:
        """The first sentence of each description, joined with `` / ``; None without descriptions."""
        if not self.comments:
            return None
        return " / ".join(first_sentence(c) for c in self.comments)

    @comment.setter
    def comment(self, value: str | None) -> None:
        self.add_comment(value)

    @property
    def full_comment(self) -> str | None:
        """Every description, joined with newlines; None without descriptions."""
        return "\n".join(self.comments) if self.comments else None

    # --- prerequisites -------------------------------------------------------

    def prerequisite_tasks(self) -> list[Task]:
        """Every prerequisite (order-only ones last) resolved to a task; raises for an unknown one."""
        names = (
            self.prerequisites + self.order_only_prerequisites if self.order_only_prerequisites else self.prerequisites
        )
        return [self.lookup_prerequisite(name) for name in names]

    def lookup_prerequisite(self, name: str) -> Task:
        """Resolve a prerequisite from this task's scope; a name that finds this task itself is looked up unscoped.

        The answer is remembered until a task is added or the tasks are cleared: only that can
        change what a name resolves to (a rule or an existing file defines a task when used)."""
        manager = self.manager
        generation = manager.generation
        if generation == self._resolved_generation:
            known = self._resolved.get(name)
            if known is not None:
                return known
        scoped = manager.resolve(name, self.scope)
        task = manager.resolve(name) if scoped is self else scoped
        # Remember the answer only under the generation it was worked out in (resolving may itself
        # have defined a task, and another thread may define one meanwhile).
        after = manager.generation
        if after != self._resolved_generation:
            self._resolved = {}
            self._resolved_generation = after
        self._resolved[name] = task
        if manager.generation != after:
            self._resolved_generation = -1
        return task

    def all_prerequisite_tasks(self) -> list[Task]:
        """The transitive prerequisites, each once, depth-first; includes self on a cycle."""
        direct = self.prerequisite_tasks()
        if len(direct) == 1 and not (direct[0].prerequisites or direct[0].order_only_prerequisites):
            return direct  # one source file, the commonest file task
        if not any(pre.prerequisites or pre.order_only_prerequisites for pre in direct):
            # The common case, a file built from sources: the direct prerequisites are all there is.
            return list({pre.name: pre for pre in direct}.values())
        seen: dict[str, Task] = {}
        stack: list[Iterator[Task]] = [iter(direct)]
        while stack:
            for pre in stack[-1]:
                if pre.name in seen:
                    continue
                seen[pre.name] = pre
                stack.append(iter(pre.prerequisite_tasks()))
                break
            else:
                stack.pop()
        return list(seen.values())

    # --- running -------------------------------------------------------------

    def invokes_concurrently(self, options: Any) -> bool:
        """Does Rake hand this task's prerequisites to its thread pool (``-m``)?"""
        return bool(getattr(options, "always_multitask", False))

    def needed(self) -> bool:
        """Should the actions run? Always, for a plain task."""
        return True

    def timestamp(self) -> Timestamp:
        """A plain task's timestamp is the current time."""
        return now_ns()

    def execute(self, args: TaskArguments | None = None) -> None:
        """Run the actions in order; with no actions, a matching rule is applied first."""
        args = args if args is not None else EMPTY_TASK_ARGS
        if not self.actions:
            self.manager.enhance_with_matching_rule(self.name)
            if not self.actions:
                return
        changed = getattr(self.manager.fs, "changed", None)
        for action in self.actions:
            try:
                action(self, args)
            finally:
                if changed is not None:
                    changed()

    def investigation(self) -> str:
        """A multi-line dump of the task's state, as ``Task#investigation`` prints it."""
        lines = [
            "------------------------------",
            f"Investigating {self.name}",
            f"class: {self.ruby_class}",
            f"task needed: {'true' if self.needed() else 'false'}",
            f"timestamp: {format_timestamp(self.timestamp())}",
            "pre-requisites: ",
        ]
        prereqs = [(p, p.timestamp()) for p in self.prerequisite_tasks()]
        prereqs.sort(key=lambda pair: sort_key(pair[1]))
        lines += [f"--{p.name} ({format_timestamp(stamp)})" for p, stamp in prereqs]
        stamps = [p.timestamp() for p in self.prerequisite_tasks()]
        latest = max(stamps, key=sort_key) if stamps else None
        lines.append(f"latest-prerequisite time: {format_timestamp(latest)}")
        lines.append("................................")
        return "\n".join(lines) + "\n\n"


def first_sentence(text: str) -> str:
    """The first sentence of a description (``Task#first_sentence``)."""
    return _SENTENCE_END.split(text, maxsplit=1)[0]
