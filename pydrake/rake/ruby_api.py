"""Rake's Ruby API: the methods of Rake::Task, Rake::TaskArguments, Rake::NameSpace, Rake::Application and Rake."""

from __future__ import annotations

import os
from typing import Any

from pydrake.rake.conversions import name_of, names_list
from pydrake.rake.dsl import SeqBuilder, app_of, make_action, seq_index
from pydrake.rake.name_space import NameSpace
from pydrake.rake.rake_application import DEFAULT, RakeApplication
from pydrake.rake.ruby_classes import APPLICATION, NAME_SPACE, OPTIONS, RAKE, SCOPE, TASK, TASK_ARGUMENTS
from pydrake.rake.scope import Scope
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments, parse_task_string
from pydrake.rake.timestamps import EARLY, LATE
from pydrake.runtime.classes import OBJECT, builtin, register_type
from pydrake.runtime.objects import RClass, RHash, RProc, RString, Symbol


def _s(text: str | None) -> RString | None:
    return None if text is None else RString(text)


def _strs(items: Any) -> list[RString]:
    return [RString(x if isinstance(x, str) else str(x)) for x in items]


# ------------------------------------------------------------ Rake::Task


def _task_attr(names: str, fn: Any) -> None:
    def method(rt: Any, recv: Task, block: RProc | None = None) -> Any:
        return fn(recv)

    method.__doc__ = f"Rake::Task#{names.split()[0]}."
    for name in names.split():
        builtin(TASK, name)(method)


_task_attr("name to_s", lambda t: RString(t.name))
_task_attr("name_with_args", lambda t: RString(t.name_with_args))
_task_attr("arg_names", lambda t: [Symbol.of(n) for n in t.arg_names])
_task_attr("arg_description", lambda t: _s(t.arg_description))
_task_attr("prerequisites prereqs", lambda t: _strs(t.prerequisites))
_task_attr("order_only_prerequisites", lambda t: _strs(t.order_only_prerequisites or []))
_task_attr("prerequisite_tasks", lambda t: list(t.prerequisite_tasks()))
_task_attr("all_prerequisite_tasks", lambda t: list(t.all_prerequisite_tasks()))
_task_attr("sources", lambda t: _strs(t.sources))
_task_attr("source", lambda t: _s(t.source))
_task_attr("actions", lambda t: [getattr(a, "block", None) for a in t.actions])
_task_attr("comment", lambda t: _s(t.comment))
_task_attr("full_comment", lambda t: _s(t.full_comment))
_task_attr("already_invoked", lambda t: bool(t.already_invoked))
_task_attr("scope", lambda t: t.scope)
_task_attr("investigation", lambda t: RString(t.investigation()))
_task_attr("clear", lambda t: t.clear())
_task_attr("clear_prerequisites", lambda t: t.clear_prerequisites())
_task_attr("clear_actions", lambda t: t.clear_actions())
_task_attr("clear_comments", lambda t: t.clear_comments())
_task_attr("clear_args", lambda t: t.clear_args())
_task_attr("needed?", lambda t: bool(t.needed()))


@builtin(TASK, "inspect")
def task_inspect(rt: Any, recv: Task, block: RProc | None = None) -> RString:
    """``<Rake::Task name => [prereqs]>``."""
    return RString(recv.inspect())


@builtin(TASK, "locations")
def task_locations(rt: Any, recv: Task, block: RProc | None = None) -> list[RString]:
    """Where the task was defined, as backtrace lines."""
    return [RString(format_location(loc)) for loc in recv.locations]


def format_location(loc: Any) -> str:
    """A definition location as Ruby's caller line: ``/path/Rakefile:4:in `<top (required)>'``."""
    if isinstance(loc, tuple):
        file, line = loc[0], loc[1]
        label = loc[2] if len(loc) > 2 else "<top (required)>"
        return f"{file}:{line}:in `{label}'"
    return str(loc)


@builtin(TASK, "application")
def task_application(rt: Any, recv: Task, block: RProc | None = None) -> RakeApplication:
    """The application the task belongs to."""
    return app_of(rt)


@builtin(TASK, "timestamp")
def task_timestamp(rt: Any, recv: Task, block: RProc | None = None) -> Any:
    """The task's timestamp as a Time (``Rake::EARLY``/``LATE`` as themselves)."""
    from pydrake.runtime.core.time import from_ns

    stamp = recv.timestamp()
    if isinstance(stamp, int):
        return from_ns(stamp)
    return stamp  # EARLY or LATE


@builtin(TASK, "comment=")
def task_set_comment(rt: Any, recv: Task, value: Any, block: RProc | None = None) -> Any:
    """Add a comment (nil is ignored)."""
    recv.comment = None if value is None else rt.to_s(value)
    return value


@builtin(TASK, "add_description")
def task_add_description(rt: Any, recv: Task, value: Any, block: RProc | None = None) -> None:
    """Add a description."""
    recv.add_description(None if value is None else rt.to_s(value))


@builtin(TASK, "set_arg_names", "arg_names=")
def task_set_arg_names(rt: Any, recv: Task, names: Any, block: RProc | None = None) -> Any:
    """Set the argument names."""
    recv.set_arg_names(names_list(rt, names))
    return names


@builtin(TASK, "enhance")
def task_enhance(rt: Any, recv: Task, deps: Any = None, block: RProc | None = None) -> Task:
    """Add prerequisites and/or an action."""
    return recv.enhance(None if deps is None else names_list(rt, deps), make_action(rt, block))


@builtin(TASK, "|")
def task_order_only(rt: Any, recv: Task, deps: Any, block: RProc | None = None) -> Task:
    """Add order-only prerequisites."""
    return recv.add_order_only(names_list(rt, deps))


@builtin(TASK, "invoke")
def task_invoke(rt: Any, recv: Task, *args: Any, block: RProc | None = None) -> None:
    """Invoke the task (prerequisites first, once per run) with positional arguments."""
    app_of(rt).invoke(recv, list(args))


@builtin(TASK, "execute")
def task_execute(rt: Any, recv: Task, args: Any = None, block: RProc | None = None) -> None:
    """Run only this task's actions."""
    if args is not None and not isinstance(args, TaskArguments):
        args = TaskArguments(recv.arg_names, list(args) if isinstance(args, list) else [args])
    app_of(rt).execute(recv, args)


@builtin(TASK, "reenable")
def task_reenable(rt: Any, recv: Task, block: RProc | None = None) -> None:
    """Allow the task to run again."""
    recv.reenable()


@builtin(TASK, "==", "eql?", "equal?")
def task_eq(rt: Any, recv: Task, other: Any, block: RProc | None = None) -> bool:
    """Tasks are equal only to themselves."""
    return recv is other


@builtin(TASK, "hash")
def task_hash(rt: Any, recv: Task, block: RProc | None = None) -> int:
    """Identity hash."""
    return id(recv)


@builtin(TASK, "[]", singleton=True)
def task_class_lookup(rt: Any, cls: Any, name: Any, block: RProc | None = None) -> Task:
    """``Rake::Task["name"]``: lookup, rules, an existing file, or the "Don't know how to build" error."""
    return _resolve(rt, name_of(rt, name))


def _resolve(rt: Any, name: str, scope: Scope | None = None) -> Task:
    from pydrake.rake.errors import RakeError

    try:
        return app_of(rt).manager.resolve(name, scope)
    except RakeError as exc:
        raise rt.error(getattr(exc, "ruby_class", "RuntimeError"), str(exc)) from None


@builtin(TASK, "task_defined?", singleton=True)
def task_class_defined(rt: Any, cls: Any, name: Any, block: RProc | None = None) -> bool:
    """Is a task of that name defined (no rules, no files)?"""
    return app_of(rt).manager.task_defined(name_of(rt, name))


@builtin(TASK, "tasks", singleton=True)
def task_class_tasks(rt: Any, cls: Any, block: RProc | None = None) -> list[Task]:
    """Every task, sorted by name."""
    return list(app_of(rt).manager.tasks())


@builtin(TASK, "clear", singleton=True)
def task_class_clear(rt: Any, cls: Any, block: RProc | None = None) -> None:
    """Forget every task and rule."""
    app_of(rt).manager.clear()


@builtin(TASK, "define_task", singleton=True)
def task_class_define(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> Task:
    """``Rake::Task.define_task(name => deps) { ... }`` (the class of the receiver decides the kind)."""
    from pydrake.rake import dsl

    kinds = {"Rake::FileTask": dsl.dsl_file, "Rake::FileCreationTask": dsl.dsl_file_create, "Rake::MultiTask": dsl.dsl_multitask}
    fn = kinds.get(getattr(cls, "name", ""), dsl.dsl_task)
    return fn(rt, cls, *args, block=block)


@builtin(TASK, "create_rule", singleton=True)
def task_class_create_rule(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> Any:
    """``Rake::Task.create_rule(pattern => sources) { ... }``."""
    from pydrake.rake import dsl

    return dsl.dsl_rule(rt, cls, *args, block=block)


# ------------------------------------------------------------ Rake::TaskArguments


def _arg_key(rt: Any, key: Any) -> str:
    return name_of(rt, key)


@builtin(TASK_ARGUMENTS, "[]")
def args_index(rt: Any, recv: TaskArguments, key: Any, block: RProc | None = None) -> Any:
    """``args[:name]``."""
    return _ruby_value(recv.lookup(_arg_key(rt, key)))


def _ruby_value(value: Any) -> Any:
    return RString(value) if isinstance(value, str) else value


@builtin(TASK_ARGUMENTS, "method_missing")
def args_method_missing(rt: Any, recv: TaskArguments, name: Any, *args: Any, block: RProc | None = None) -> Any:
    """``args.name``: the argument's value, or nil."""
    return _ruby_value(recv.lookup(name_of(rt, name)))


@builtin(TASK_ARGUMENTS, "respond_to_missing?")
def args_respond_to_missing(rt: Any, recv: TaskArguments, name: Any, *args: Any, block: RProc | None = None) -> bool:
    """Every name answers."""
    return True


@builtin(TASK_ARGUMENTS, "to_a")
def args_to_a(rt: Any, recv: TaskArguments, block: RProc | None = None) -> list[Any]:
    """Every positional value, named ones first."""
    return [_ruby_value(v) for v in recv.to_a()]


@builtin(TASK_ARGUMENTS, "extras")
def args_extras(rt: Any, recv: TaskArguments, block: RProc | None = None) -> list[Any]:
    """The values beyond the named arguments."""
    return [_ruby_value(v) for v in recv.extras]


@builtin(TASK_ARGUMENTS, "to_hash", "to_h")
def args_to_hash(rt: Any, recv: TaskArguments, block: RProc | None = None) -> RHash:
    """The named values as a Hash with Symbol keys."""
    out = RHash()
    for k, v in recv.to_hash().items():
        out[Symbol.of(k)] = _ruby_value(v)
    return out


@builtin(TASK_ARGUMENTS, "names")
def args_names(rt: Any, recv: TaskArguments, block: RProc | None = None) -> list[Symbol]:
    """The argument names."""
    return [Symbol.of(n) for n in recv.names]


@builtin(TASK_ARGUMENTS, "with_defaults")
def args_with_defaults(rt: Any, recv: TaskArguments, defaults: Any, block: RProc | None = None) -> None:
    """Fill the missing values from a Hash."""
    recv.with_defaults({_arg_key(rt, k): v for k, v in defaults.items()})


@builtin(TASK_ARGUMENTS, "each")
def args_each(rt: Any, recv: TaskArguments, block: RProc | None = None) -> Any:
    """Yield each (name, value) pair."""
    for k, v in recv.items():
        rt.call_block(block, Symbol.of(k), _ruby_value(v))
    return recv


@builtin(TASK_ARGUMENTS, "values_at")
def args_values_at(rt: Any, recv: TaskArguments, *keys: Any, block: RProc | None = None) -> list[Any]:
    """The values of several names."""
    return [_ruby_value(v) for v in recv.values_at(*(_arg_key(rt, k) for k in keys))]


@builtin(TASK_ARGUMENTS, "has_key?", "key?")
def args_has_key(rt: Any, recv: TaskArguments, key: Any, block: RProc | None = None) -> bool:
    """Is a value stored for that name?"""
    return recv.has_key(_arg_key(rt, key))


@builtin(TASK_ARGUMENTS, "fetch")
def args_fetch(rt: Any, recv: TaskArguments, key: Any, *default: Any, block: RProc | None = None) -> Any:
    """The value, else the default or the block's, else KeyError."""
    name = _arg_key(rt, key)
    if recv.has_key(name):
        return _ruby_value(recv.lookup(name))
    if block is not None:
        return rt.call_block(block, key)
    if default:
        return default[0]
    raise rt.error("KeyError", f"key not found: {rt.inspect(key)}")


@builtin(TASK_ARGUMENTS, "inspect", "to_s")
def args_inspect(rt: Any, recv: TaskArguments, block: RProc | None = None) -> RString:
    """``#<Rake::TaskArguments a: 1, b: 2>``."""
    return RString(recv.inspect(lambda v: rt.to_s(_ruby_value(v))))


@builtin(TASK_ARGUMENTS, "new_scope")
def args_new_scope(rt: Any, recv: TaskArguments, names: Any, block: RProc | None = None) -> TaskArguments:
    """The arguments a prerequisite with these names sees."""
    return recv.new_scope(names_list(rt, names))


# ------------------------------------------------------------ Rake::NameSpace and Rake::Scope


@builtin(NAME_SPACE, "[]")
def ns_index(rt: Any, recv: NameSpace, name: Any, block: RProc | None = None) -> Any:
    """A task as seen from the namespace."""
    return recv[name_of(rt, name)]


@builtin(NAME_SPACE, "tasks")
def ns_tasks(rt: Any, recv: NameSpace, block: RProc | None = None) -> list[Task]:
    """The namespace's tasks, sorted."""
    return list(recv.tasks())


@builtin(NAME_SPACE, "scope")
def ns_scope(rt: Any, recv: NameSpace, block: RProc | None = None) -> Scope:
    """The namespace's scope."""
    return recv.scope


@builtin(SCOPE, "path", "to_s")
def scope_path(rt: Any, recv: Scope, block: RProc | None = None) -> RString:
    """``"outer:inner"``."""
    return RString(recv.path)


# ------------------------------------------------------------ seq

SEQ_BUILDER = RClass("Rake::SeqBuilder", OBJECT, RAKE)
register_type(SeqBuilder, SEQ_BUILDER)
builtin(SEQ_BUILDER, "[]")(seq_index)


# ------------------------------------------------------------ Rake::Application and its options

register_type(RakeApplication, APPLICATION)


class OptionsView:
    """``Rake.application.options``: the run's options, read (and set) like an OpenStruct."""

    def __init__(self, options: Any) -> None:
        self.options = options


register_type(OptionsView, OPTIONS)


@builtin(OPTIONS, "method_missing")
def options_method_missing(rt: Any, recv: OptionsView, name: Any, *args: Any, block: RProc | None = None) -> Any:
    """Read or set an option (``options.trace``, ``options.trace = true``) with rake's value types."""
    from pydrake.rake.option_values import read_option, write_option

    key = name_of(rt, name)
    if key.endswith("=") and args:
        return write_option(rt, recv.options, key[:-1], args[0])
    return read_option(rt, recv.options, key)


@builtin(OPTIONS, "respond_to_missing?")
def options_respond_to_missing(rt: Any, recv: OptionsView, name: Any, *args: Any, block: RProc | None = None) -> bool:
    """The names rake's OpenStruct holds, and those the Rakefile set."""
    from pydrake.rake.option_values import has_option

    return has_option(recv.options, name_of(rt, name))


@builtin(OPTIONS, "respond_to?")
def options_respond_to(rt: Any, recv: OptionsView, name: Any, include_all: Any = False, block: RProc | None = None) -> bool:
    """OpenStruct's answer: its methods, then its keys (``respond_to_missing?``)."""
    key = name_of(rt, name)
    return rt.respond_to(recv, key, bool(include_all)) or options_respond_to_missing(rt, recv, name)


def _option_reader(key: str) -> Any:
    def read(rt: Any, recv: OptionsView, block: RProc | None = None) -> Any:
        from pydrake.rake.option_values import read_option

        return read_option(rt, recv.options, key)

    return read


# Rake's DSL methods are private, so on rake's OpenStruct these names read a key like any other.
for _name in ("verbose", "nowrite"):
    builtin(OPTIONS, _name)(_option_reader(_name))


def _app_attr(names: str, fn: Any) -> None:
    def method(rt: Any, recv: RakeApplication, block: RProc | None = None) -> Any:
        return fn(rt, recv)

    for name in names.split():
        builtin(APPLICATION, name)(method)


_app_attr("name", lambda rt, a: RString(a.name))
_app_attr("tasks", lambda rt, a: list(a.manager.tasks()))
_app_attr("top_level_tasks", lambda rt, a: _strs(a.top_level_tasks))
_app_attr("rakefile", lambda rt, a: _s(a.rakefile))
_app_attr("original_dir", lambda rt, a: RString(a.original_dir))
_app_attr("options", lambda rt, a: OptionsView(a.options))
_app_attr("current_scope", lambda rt, a: a.manager.current_scope)
_app_attr("last_description", lambda rt, a: _s(a.manager.last_description))
_app_attr("rules", lambda rt, a: [])
_app_attr("clear", lambda rt, a: a.manager.clear())


@builtin(APPLICATION, "[]")
def app_index(rt: Any, recv: RakeApplication, name: Any, scope: Any = None, block: RProc | None = None) -> Task:
    """``Rake.application["name"]``."""
    return _resolve(rt, name_of(rt, name), scope if isinstance(scope, Scope) else None)


@builtin(APPLICATION, "lookup")
def app_lookup(rt: Any, recv: RakeApplication, name: Any, scope: Any = None, block: RProc | None = None) -> Any:
    """A defined task, or nil."""
    return recv.manager.lookup(name_of(rt, name), scope if isinstance(scope, Scope) else None)


@builtin(APPLICATION, "last_description=")
def app_set_last_description(rt: Any, recv: RakeApplication, value: Any, block: RProc | None = None) -> Any:
    """Set the description the next task takes."""
    recv.manager.last_description = None if value is None else rt.to_s(value)
    return value


@builtin(APPLICATION, "invoke_task")
def app_invoke_task(rt: Any, recv: RakeApplication, string: Any, block: RProc | None = None) -> None:
    """``invoke_task("name[a,b]")``."""
    name, args = parse_task_string(rt.to_s(string))
    recv.invoke(_resolve(rt, name), args)


@builtin(APPLICATION, "add_import")
def app_add_import(rt: Any, recv: RakeApplication, name: Any, block: RProc | None = None) -> None:
    """Queue a file to import."""
    recv.add_import(rt.to_s(name))


@builtin(APPLICATION, "define_task")
def app_define_task(rt: Any, recv: RakeApplication, cls: Any, *args: Any, block: RProc | None = None) -> Task:
    """``define_task(Rake::Task, name => deps)``."""
    return task_class_define(rt, cls, *args, block=block)


@builtin(APPLICATION, "in_namespace")
def app_in_namespace(rt: Any, recv: RakeApplication, name: Any, block: RProc | None = None) -> Any:
    """Run the block inside a namespace."""
    with recv.manager.in_namespace(None if name is None else name_of(rt, name)) as ns:
        if block is not None:
            rt.call_block(block, ns)
    return ns


@builtin(APPLICATION, "tasks_in_scope")
def app_tasks_in_scope(rt: Any, recv: RakeApplication, scope: Any, block: RProc | None = None) -> list[Task]:
    """Tasks in a scope."""
    return list(recv.manager.tasks_in_scope(scope))


@builtin(APPLICATION, "parse_task_string")
def app_parse_task_string(rt: Any, recv: RakeApplication, string: Any, block: RProc | None = None) -> list[Any]:
    """``["name", ["a", "b"]]``."""
    name, args = parse_task_string(rt.to_s(string))
    return [RString(name), _strs(args)]


@builtin(APPLICATION, "load_rakefile")
def app_load_rakefile(rt: Any, recv: RakeApplication, block: RProc | None = None) -> None:
    """Already done by the time Ruby code runs."""


@builtin(APPLICATION, "terminal_columns")
def app_terminal_columns(rt: Any, recv: RakeApplication, block: RProc | None = None) -> int:
    """``RAKE_COLUMNS`` or 0."""
    try:
        return int(os.environ.get("RAKE_COLUMNS", "0"))
    except ValueError:
        return 0


@builtin(APPLICATION, "tty_output?")
def app_tty_output(rt: Any, recv: RakeApplication, block: RProc | None = None) -> bool:
    """Whether standard output is a terminal."""
    import sys

    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@builtin(APPLICATION, "truncate_output?")
def app_truncate_output(rt: Any, recv: RakeApplication, block: RProc | None = None) -> bool:
    """``-T`` cuts comments to the terminal: on a terminal, or when ``RAKE_COLUMNS`` is set."""
    return app_tty_output(rt, recv) or app_terminal_columns(rt, recv) != 0


@builtin(APPLICATION, "terminal_width")
def app_terminal_width(rt: Any, recv: RakeApplication, block: RProc | None = None) -> int:
    """``RAKE_COLUMNS``, else the terminal's width; 80 when below 10."""
    import shutil

    width = app_terminal_columns(rt, recv) or shutil.get_terminal_size((80, 24)).columns
    return width if width >= 10 else 80


@builtin(APPLICATION, "truncate")
def app_truncate(rt: Any, recv: RakeApplication, text: Any, width: Any, block: RProc | None = None) -> RString:
    """Rake's ``truncate(string, width)``: "" for nil, else cut to ``width`` ending in "..."."""
    if text is None:
        return RString("")
    if len(text.s) <= width:
        return text
    return RString(text.s[: max(width - 3, 0)] + "...")


# ------------------------------------------------------------ the Rake module


@builtin(RAKE, "application", singleton=True)
def rake_application(rt: Any, mod: Any, block: RProc | None = None) -> RakeApplication:
    """The running application."""
    return app_of(rt)


@builtin(RAKE, "original_dir", singleton=True)
def rake_original_dir(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """Where pydrake was started."""
    return RString(app_of(rt).original_dir)


@builtin(RAKE, "verbose", singleton=True)
def rake_verbose(rt: Any, mod: Any, value: Any = DEFAULT, block: RProc | None = None) -> Any:
    """``Rake.verbose`` (and ``Rake.verbose(flag)``)."""
    from pydrake.rake.dsl import dsl_verbose

    return dsl_verbose(rt, mod, value, block=block)


@builtin(RAKE, "sh", singleton=True)
def rake_sh(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> Any:
    """``Rake.sh``: the DSL's ``sh``."""
    from pydrake.rake.dsl import dsl_sh

    return dsl_sh(rt, mod, *args, block=block)


@builtin(RAKE, "suggested_thread_count", singleton=True)
def rake_suggested_thread_count(rt: Any, mod: Any, block: RProc | None = None) -> int:
    """CPUs + 4, as Rake suggests."""
    return (os.cpu_count() or 4) + 4


@builtin(RAKE, "each_dir_parent", singleton=True)
def rake_each_dir_parent(rt: Any, mod: Any, path: Any, block: RProc | None = None) -> None:
    """Yield each parent directory of a path."""
    from pydrake.rake.task_manager import each_dir_parent

    for parent in each_dir_parent(rt.to_s(path)):
        rt.call_block(block, RString(parent))


@builtin(RAKE, "add_rakelib", singleton=True)
def rake_add_rakelib(rt: Any, mod: Any, *dirs: Any, block: RProc | None = None) -> None:
    """Add rakelib directories."""
    app_of(rt).rakelib_dirs.extend(names_list(rt, list(dirs)))


@builtin(RAKE, "load_rakefile", singleton=True)
def rake_load_rakefile(rt: Any, mod: Any, path: Any, block: RProc | None = None) -> bool:
    """Load a Ruby file as a rakefile."""
    rt.load_file(rt.to_s(path))
    return True


@builtin(RAKE, "from_pathname", singleton=True)
def rake_from_pathname(rt: Any, mod: Any, path: Any, block: RProc | None = None) -> Any:
    """A Pathname as a String; anything else as is."""
    return path if isinstance(path, RString) else RString(rt.to_s(path))


RAKE.constants["EARLY"] = EARLY
RAKE.constants["LATE"] = LATE



# ------------------------------------------------------------ Rake::ThreadPool and futures

from pydrake.rake.ruby_classes import THREAD_POOL  # noqa: E402
from pydrake.rake.thread_pool import Future, ThreadPool  # noqa: E402

FUTURE = RClass("Rake::Promise", OBJECT, RAKE)
register_type(ThreadPool, THREAD_POOL)
register_type(Future, FUTURE)


def pool_future(rt: Any, pool: ThreadPool, args: tuple[Any, ...], block: RProc) -> Future:
    """A future running ``block`` with ``args``, its output going where the caller's goes (and in
    the caller's task)."""
    inherit = rt.inherit_thread()

    def work() -> Any:
        inherit()
        try:
            return rt.call_block(block, *args)
        finally:
            rt.pop_output()

    return pool.future(work)


@builtin(APPLICATION, "thread_pool")
def app_thread_pool(rt: Any, recv: RakeApplication, block: RProc | None = None) -> ThreadPool:
    """The pool futures run on (sharing the ``-j`` budget with tasks)."""
    return recv.thread_pool


@builtin(THREAD_POOL, "future")
def thread_pool_future(rt: Any, recv: ThreadPool, *args: Any, block: RProc | None = None) -> Future:
    """``thread_pool.future(args) { |args| ... }``."""
    if block is None:
        raise rt.error("ArgumentError", "tried to create a future without a block")
    return pool_future(rt, recv, args, block)


@builtin(FUTURE, "value")
def future_value(rt: Any, recv: Future, block: RProc | None = None) -> Any:
    """The future's result (running it here if nobody has started it)."""
    return recv.value()


def dsl_multitask_each(rt: Any, recv: Any, items: Any, block: RProc | None = None) -> list[Any]:
    """``multitask_each(list) { |x| ... }``: the block for each item on the shared job budget; the results."""
    if block is None:
        raise rt.error("ArgumentError", "multitask_each needs a block")
    pool = app_of(rt).thread_pool
    values = list(rt.call(items, "to_a")) if not isinstance(items, list) else list(items)
    futures = [pool_future(rt, pool, (item,), block) for item in values]
    results: list[Any] = [None] * len(futures)
    first_error: BaseException | None = None
    for i in reversed(range(len(futures))):  # as Rake: the caller takes the last ones itself
        try:
            results[i] = futures[i].value()
        except BaseException as exc:  # noqa: BLE001 - every future finishes before the first error is raised
            first_error = exc
    if first_error is not None:
        raise first_error
    return results
