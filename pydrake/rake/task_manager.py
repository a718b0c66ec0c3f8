"""TaskManager: defines, interns and finds tasks (namespaces, rules, existing files)."""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pydrake.rake.errors import (
    EmptyScopeTrimError,
    RuleRecursionOverflowError,
    TaskArgumentError,
    UndefinedTaskError,
)
from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_system import FileSystem, RealFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.name_space import NameSpace
from pydrake.rake.rules import Rule, rule_pattern
from pydrake.rake.scope import EMPTY, Scope
from pydrake.rake.task import Action, Location, Task, format_deps
from pydrake.rake.task_arguments import TaskArguments

# The key the glue uses for Ruby's ``order_only:`` in a definition's hash argument.
ORDER_ONLY = "order_only"
MAX_RULE_DEPTH = 16


class TaskManager:
    """All tasks by full name, the rules in definition order, and the current namespace scope."""

    def __init__(
        self,
        fs: FileSystem | None = None,
        options: Any = None,
        app_name: str = "pydrake",
        rule_trace: Callable[[str], None] | None = None,
    ) -> None:
        self.fs: FileSystem = fs if fs is not None else RealFileSystem()
        # Read for ``build_all``; the application shares its own options object here.
        self.options: Any = options if options is not None else types.SimpleNamespace(build_all=False)
        self.app_name = app_name
        # Receives each ``--rules`` line (indentation included); None when rules are not traced.
        self.rule_trace = rule_trace
        self.inspect_value: Callable[[Any], str] | None = None
        self.record_task_metadata = False
        self.last_description: str | None = None
        self.current_scope: Scope = EMPTY
        self._tasks: dict[str, Task] = {}
        # Bumped whenever the set of tasks changes: a task's resolved prerequisites stay valid until then.
        self.generation = 0
        self._rules: list[Rule] = []
        self._anonymous_seed = 0

    # --- argument forms -----------------------------------------------------

    def resolve_args(self, args: Sequence[Any]) -> tuple[Any, list[Any], list[Any], list[Any] | None]:
        """(name, arg_names, prerequisites, order_only) from a definition's converted arguments.

        A trailing dict is Ruby's hash argument; ``order_only:`` arrives under the key ``"order_only"``,
        and a Ruby Array used as a key (``[:a, :b] => :x``) as a tuple.
        """
        rest = list(args)
        if rest and isinstance(rest[-1], dict):
            return _resolve_with_dependencies(rest[:-1], dict(rest[-1]))
        name = rest.pop(0) if rest else None
        if len(rest) == 1 and isinstance(rest[0], (list, tuple)):
            arg_names = list(rest[0])
        else:
            arg_names = rest
        return name, arg_names, [], None

    # --- definition ---------------------------------------------------------

    def define_task(
        self,
        task_class: type[Task],
        name: str,
        prereqs: Any = None,
        order_only: Any = None,
        arg_names: Sequence[Any] | None = None,
        action: Action | None = None,
        location: Location | None = None,
    ) -> Task:
        """Define or enhance a task; a ``a:b:c`` name outside file tasks defines it in namespace ``a:b``."""
        if isinstance(name, str) and ":" in name and not issubclass(task_class, FileTask):
            parts = _ruby_split_colons(name)
            if parts:
                *outer, name = parts
                original_scope = self.current_scope
                self.current_scope = Scope.make(*reversed(outer), *original_scope)
                try:
                    return self._define(task_class, name, prereqs, order_only, arg_names, action, location)
                finally:
                    self.current_scope = original_scope
        return self._define(task_class, name, prereqs, order_only, arg_names, action, location)

    def define_plain(
        self, task_class: type[Task], name: str, prereqs: list[str], action: Action | None, location: Location | None
    ) -> Task:
        """``define_task`` for the commonest definition: a name and prerequisite names (strings), no
        argument names and no order-only prerequisites, at the top level; the same task either way."""
        if ":" in name or self.current_scope is not EMPTY:
            return self.define_task(task_class, name, prereqs, None, None, action, location)
        task = self.intern(task_class, name)
        if self.record_task_metadata:
            self._record_metadata(task, location)
        if prereqs:
            known = task.prerequisites
            if known:
                task.enhance(prereqs)
            else:  # a new task: its prerequisites are the names, first occurrences kept
                known.extend(dict.fromkeys(prereqs) if len(prereqs) > 1 else prereqs)
        if action is not None:
            task.actions.append(action)
        return task

    def _define(
        self,
        task_class: type[Task],
        name: str,
        prereqs: Any,
        order_only: Any,
        arg_names: Sequence[Any] | None,
        action: Action | None,
        location: Location | None,
    ) -> Task:
        task = self.intern(task_class, task_class.scope_name(self.current_scope, name))
        if arg_names:
            task.set_arg_names(arg_names)
        if self.record_task_metadata:
            self._record_metadata(task, location)
        if prereqs is None or (type(prereqs) is list and not prereqs):
            if action is not None:
                task.actions.append(action)
        else:
            task.enhance(format_deps(prereqs), action)
        if order_only is not None:
            task.add_order_only(order_only)
        return task

    def _record_metadata(self, task: Task, location: Location | None) -> None:
        """A definition's location, and the pending ``desc`` (which it consumes), on its task."""
        if location is not None:
            task.locations.append(location)
        description, self.last_description = self.last_description, None
        task.add_description(description)

    def intern(self, task_class: type[Task], name: str) -> Task:
        """The task named ``name``, created with ``task_class`` if new (an existing task keeps its class)."""
        task = self._tasks.get(name)
        if task is None:
            task = self._tasks[name] = task_class(name, self)
            self.generation += 1
        return task

    def directory(
        self,
        name: str,
        prereqs: Any = None,
        order_only: Any = None,
        arg_names: Sequence[Any] | None = None,
        action: Action | None = None,
        location: Location | None = None,
        mkdir_action: Action | None = None,
    ) -> Task:
        """``directory``: the path and every parent become FileCreationTasks, each with a mkdir action.

        The user's action is registered before the path's own mkdir action. ``mkdir_action`` is the
        glue's ``mkdir_p t.name unless File.exist?(t.name)``; by default the path is made silently.
        """
        mkdir = mkdir_action if mkdir_action is not None else self._mkdir_p
        result = self.define_task(FileCreationTask, name, prereqs, order_only, arg_names, action, location)
        for parent in each_dir_parent(name):
            self.define_task(FileCreationTask, parent, action=mkdir, location=location)
        return result

    def _mkdir_p(self, task: Task, args: TaskArguments) -> None:
        if not self.fs.exists(task.name):
            self.fs.makedirs(task.name)

    def create_rule(
        self,
        pattern: Any,
        sources: Any,
        arg_names: Sequence[Any] | None = None,
        action: Callable[..., Any] | None = None,
        order_only: Any = None,
    ) -> Rule:
        """Add a rule: ``pattern`` is a suffix string, a compiled regex or None; ``sources`` one spec or a list."""
        if not isinstance(sources, (list, tuple)):
            sources = [sources]
        rule = Rule(
            rule_pattern(pattern),
            list(sources),
            [str(n) for n in arg_names or []],
            action,
            None if order_only is None else format_deps(order_only),
        )
        self._rules.append(rule)
        return rule

    @property
    def rules(self) -> list[Rule]:
        """The rules, in definition order."""
        return list(self._rules)

    def clear(self) -> None:
        """Forget every task and rule."""
        self._tasks.clear()
        self.generation += 1
        self._rules.clear()

    # --- namespaces ----------------------------------------------------------

    @contextmanager
    def in_namespace(self, name: str | None = None) -> Iterator[NameSpace]:
        """Define tasks inside namespace ``name`` (an anonymous ``_anon_N`` one when None)."""
        if name is None:
            self._anonymous_seed += 1
            name = f"_anon_{self._anonymous_seed}"
        self.current_scope = Scope(name, self.current_scope)
        try:
            yield NameSpace(self, self.current_scope)
        finally:
            self.current_scope = self.current_scope.tail

    # --- finding tasks ---------------------------------------------------------

    def tasks(self) -> list[Task]:
        """Every task, sorted by name."""
        return sorted(self._tasks.values(), key=lambda t: t.name)

    def tasks_in_scope(self, scope: Scope) -> list[Task]:
        """The tasks whose names lie under ``scope`` (sub-namespaces included), sorted."""
        prefix = scope.path + ":"
        return [t for t in self.tasks() if t.name.startswith(prefix)]

    def task_names(self) -> list[str]:
        """Every task name, in definition order."""
        return list(self._tasks)

    def lookup(self, name: str, scope: Scope | None = None) -> Task | None:
        """Find a defined task (no rules, no files): ``rake:`` is absolute, each ``^`` leaves one scope,
        otherwise the scope and then each enclosing scope out to the top level are tried."""
        initial = self.current_scope if scope is None else scope
        if initial is EMPTY and not name.startswith(("rake:", "^")):  # the commonest lookup: one probe
            return self._tasks.get(name)
        if name.startswith("rake:"):
            scope, name = EMPTY, name[len("rake:") :]
        elif name.startswith("^"):
            if initial.is_empty():
                raise EmptyScopeTrimError()
            carets = len(name) - len(name.lstrip("^"))
            scope, name = initial.trim(carets), name[carets:]
        else:
            scope = initial
        while True:
            task = self._tasks.get(scope.path_with_task_name(name))
            if task is not None:
                return task
            if scope.is_empty():
                return None
            scope = scope.tail

    def finds_itself(self, task: Task) -> bool:
        """Does looking ``task``'s name up from the top level find ``task`` itself (``lookup``'s answer,
        without its work)?"""
        name = task.name
        return self._tasks.get(name) is task and not name.startswith(("rake:", "^"))

    def task_defined(self, name: str) -> bool:
        """``Rake::Task.task_defined?``: is there a task by plain lookup from the current scope?"""
        return self.lookup(name) is not None

    def resolve(self, name: str, scope: Scope | None = None) -> Task:
        """``Rake.application[name, scope]``: lookup, then rules, then an existing file, else the
        "Don't know how to build task" error."""
        task = self.lookup(name, scope)
        if task is None and self._rules:
            task = self.enhance_with_matching_rule(name)
        if task is None:
            task = self.synthesize_file_task(name)
        if task is None:
            raise UndefinedTaskError(name, self.app_name, list(self._tasks))
        return task

    def __getitem__(self, name: str) -> Task:
        return self.resolve(name)

    def synthesize_file_task(self, name: str) -> Task | None:
        """A FileTask with no actions for an existing file, or None."""
        if not self.fs.exists(name):
            return None
        return self.define_plain(FileTask, name, [], None, None)

    # --- rules -------------------------------------------------------------------

    def has_matching_rule(self, name: str) -> bool:
        """Could a rule give ``name`` actions (``Task#execute`` tries the rules for a task without any)?"""
        return any(rule.matches(name) for rule in self._rules)

    def enhance_with_matching_rule(self, name: str, level: int = 0) -> Task | None:
        """Apply the first rule whose pattern matches and whose sources all resolve; None when none does."""
        try:
            if level >= MAX_RULE_DEPTH:
                raise RuleRecursionOverflowError()
            for rule in self._rules:
                if rule.matches(name):
                    task = self._attempt_rule(name, rule, level)
                    if task is not None:
                        if rule.order_only is not None:
                            task.add_order_only(rule.order_only)
                        return task
            return None
        except RuleRecursionOverflowError as error:
            error.add_target(name)
            raise

    def _attempt_rule(self, name: str, rule: Rule, level: int) -> Task | None:
        if self.inspect_value is not None:
            sources = rule.make_sources(name, self.inspect_value)
        else:
            sources = rule.make_sources(name)
        prereqs: list[str] = []
        for source in sources:
            self._trace_rule(level, f"Attempting Rule {name} => {source}")
            if self.fs.exists(source) or self.task_defined(source):
                self._trace_rule(level, f"({name} => {source} ... EXIST)")
                prereqs.append(source)
                continue
            parent = self.enhance_with_matching_rule(source, level + 1)
            if parent is not None:
                self._trace_rule(level, f"({name} => {source} ... ENHANCE)")
                prereqs.append(parent.name)
                continue
            self._trace_rule(level, f"({name} => {source} ... FAIL)")
            return None
        task = self.define_task(FileTask, name, prereqs, None, rule.arg_names, rule.action)
        task.sources = prereqs
        return task

    def _trace_rule(self, level: int, message: str) -> None:
        if self.rule_trace is not None:
            self.rule_trace("    " * level + message)


def _resolve_with_dependencies(args: list[Any], deps_hash: dict[Any, Any]) -> tuple[Any, list[Any], list[Any], Any]:
    """The ``=>`` forms: ``t => d``, ``t, [a] => d``, each optionally with ``order_only:``."""
    if len(deps_hash) != 1 and (len(deps_hash) != 2 or ORDER_ONLY not in deps_hash):
        raise TaskArgumentError()
    order_only = deps_hash.pop(ORDER_ONLY, None)
    key, value = next(iter(deps_hash.items()), (None, None))
    arg_names: Any
    if not args:
        name, arg_names = key, []
    else:
        name = args.pop(0)
        arg_names = key if _truthy(key) else (args.pop(0) if args and _truthy(args[0]) else [])
    deps = value if _truthy(value) else []
    if not isinstance(deps, (list, tuple)):
        deps = [deps]
    if isinstance(arg_names, tuple):
        arg_names = list(arg_names)
    elif not isinstance(arg_names, list):
        arg_names = [arg_names]
    return name, arg_names, list(deps), order_only


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


def _ruby_split_colons(name: str) -> list[str]:
    """``name.split(":")``: Ruby drops trailing empty fields."""
    parts = name.split(":")
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def ruby_dirname(path: str) -> str:
    """Ruby's ``File.dirname`` on POSIX: trailing slashes ignored, repeated leading slashes collapsed."""
    if not path:
        return "."
    trimmed = path.rstrip("/")
    if not trimmed:
        return "/"
    cut = trimmed.rfind("/")
    if cut < 0:
        return "."
    head = trimmed[:cut].rstrip("/")
    if not head:
        return "/"
    return "/" + head.lstrip("/") if path.startswith("/") else head


def each_dir_parent(path: str) -> Iterator[str]:
    """``Rake.each_dir_parent``: the path, then each parent, stopping at ``.`` or when nothing shrinks."""
    previous_length = None
    while path != "." and len(path) != previous_length:
        yield path
        previous_length = len(path)
        path = ruby_dirname(path)
