"""Rake's DSL as Ruby methods on every object: task, file, directory, rule, namespace, desc, import, sh..."""

from __future__ import annotations

from typing import Any

from pydrake.rake.conversions import name_of, names_list, to_model
from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_task import FileTask
from pydrake.rake.multi_task import MultiTask
from pydrake.rake.rake_application import DEFAULT, RakeApplication
from pydrake.rake.task import Task
from pydrake.rake.task_manager import ORDER_ONLY
from pydrake.runtime.core.fileutils import FILEUTILS
from pydrake.runtime.evaluator import NOT_A_FORM
from pydrake.runtime.objects import RHash, RProc, RString, Symbol, truthy
from pydrake.runtime.safe_mode import guard


def app_of(rt: Any) -> RakeApplication:
    """The Rake application this interpreter belongs to."""
    return rt.rake_app


def location(rt: Any) -> tuple[str, int, str] | None:
    """Where the Ruby code calling a DSL method is: (file, line, frame label as in a backtrace);
    None when the run records no task metadata (only -T, -D, -W and the linter keep locations)."""
    if not rt.rake_app.manager.record_task_metadata:
        return None
    frame = rt.frame()
    if frame is None:
        return None
    return (frame.file, frame.line, frame.describe())


def make_action(rt: Any, block: RProc | None) -> Any:
    """A task action calling a Ruby block as Rake does: ``block.call(task, args)``, with keyword
    arguments for a block that declares them and the task has arguments."""
    if block is None:
        return None
    params = block.params
    takes_keywords = params is not None and bool(params.kw or params.kwrest)

    def action(task: Task, args: Any) -> None:
        if takes_keywords and args is not None and args.to_hash():
            kw = RHash()
            for k, v in args.to_hash().items():
                kw[Symbol.of(k)] = v
            rt.call_proc(block, [task, args], kw)
        else:
            rt.call_block(block, task, args)

    action.block = block  # type: ignore[attr-defined]
    return action


def _define(rt: Any, task_class: type[Task], args: tuple[Any, ...], block: RProc | None) -> Task:
    manager = rt.rake_app.manager
    plain = _plain_definition(args)
    if plain is not None:
        name, prereqs = plain
        return manager.define_plain(task_class, name, prereqs, make_action(rt, block), location(rt))
    converted = [to_model(rt, a) for a in args]
    name, arg_names, prereqs, order_only = manager.resolve_args(converted)
    prereqs = flatten(prereqs)
    if name is None:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1+)")
    return manager.define_task(
        task_class, name_of(rt, name), prereqs, order_only, arg_names, make_action(rt, block), location(rt)
    )


def _plain_definition(args: tuple[Any, ...]) -> tuple[str, list[str]] | None:
    """(name, prerequisites) for the forms most definitions take, ``"name"`` and ``"name" => "pre"``
    or ``=> ["pre", ...]`` with Strings and Symbols only; None for anything else (the general path)."""
    if len(args) != 1:
        return None
    arg = args[0]
    kind = type(arg)
    if kind is RString:
        return arg.s, []
    if kind is Symbol:
        return arg.name, []
    if kind is not RHash or len(arg) != 1:
        return None
    ((key, value),) = arg.items()
    name = _plain_name(key)
    if name is None or name == ORDER_ONLY:  # ``order_only:`` alone names no task: the general path says so
        return None
    if type(value) is list:
        prereqs = [_plain_name(v) for v in value]
        if None in prereqs:
            return None
        return name, prereqs  # type: ignore[return-value]
    single = _plain_name(value)
    return None if single is None else (name, [single])


def _plain_name(value: Any) -> str | None:
    kind = type(value)
    return value.s if kind is RString else value.name if kind is Symbol else None


def _literal_definition(task_class: type[Task]) -> Any:
    """The literal form of a defining method (``Evaluator.literal_forms``): a plain definition
    written with literals defines its task from their data, without making their values."""

    def form(rt: Any, recv: Any, args: tuple[Any, ...], kw: tuple[Any, ...] | None, block: RProc | None = None) -> Any:
        plain = _plain_literal(args, kw)
        if plain is None:
            return NOT_A_FORM
        name, prereqs = plain
        return rt.rake_app.manager.define_plain(task_class, name, prereqs, make_action(rt, block), location(rt))

    return form


def _plain_literal(args: tuple[Any, ...], kw: tuple[Any, ...] | None) -> tuple[str, list[str]] | None:
    """``_plain_definition`` on literal data (``pydrake.syntax.literal_calls``): (name,
    prerequisites) for the same forms, None for anything else."""
    if kw is not None:
        if args or len(kw) != 2:
            return None
        key, value = kw
    elif len(args) == 1:
        arg = args[0]
        if arg.__class__ is str:
            return arg, []
        if arg.__class__ is not tuple:
            return None
        if arg[0] == ":":
            return arg[1], []
        if len(arg) != 3:  # a braced hash of one pair
            return None
        key, value = arg[1], arg[2]
    else:
        return None
    name = _literal_name(key)
    if name is None or name == ORDER_ONLY:
        return None
    if value.__class__ is list:
        prereqs = [_literal_name(v) for v in value]
        return None if None in prereqs else (name, prereqs)  # type: ignore[return-value]
    single = _literal_name(value)
    return None if single is None else (name, [single])


def _literal_name(data: Any) -> str | None:
    """The name a String or Symbol literal's data gives, else None."""
    if data.__class__ is str:
        return data
    if data.__class__ is tuple and data[0] == ":":
        return data[1]  # type: ignore[no-any-return]
    return None


def flatten(items: Any) -> Any:
    """Nested prerequisite lists (``[:a, seq[:b, :c]]``) as one flat list (SPEC 1)."""
    if not isinstance(items, list):
        return items
    out: list[Any] = []
    stack = [iter(items)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            out.append(item)
        else:
            stack.pop()
    return out


def dsl_task(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Task:
    """``task name => prereqs do |t, args| ... end``."""
    return _define(rt, Task, args, block)


def dsl_file(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Task:
    """``file "out" => ["in"] do |t| ... end``."""
    return _define(rt, FileTask, args, block)


def dsl_file_create(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Task:
    """``file_create``: a file task that only checks existence."""
    return _define(rt, FileCreationTask, args, block)


def dsl_multitask(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Task:
    """``multitask``: prerequisites may run concurrently."""
    return _define(rt, MultiTask, args, block)


def dsl_directory(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Task:
    """``directory "a/b/c"``: the path and its parents, each made with ``mkdir_p`` when missing."""
    app = app_of(rt)
    converted = [to_model(rt, a) for a in args]
    name, arg_names, prereqs, order_only = app.manager.resolve_args(converted)

    def mkdir(task: Task, task_args: Any) -> None:
        import os

        if not os.path.exists(task.name):
            fileutils_call(rt, "mkdir_p", RString(task.name))

    return app.manager.directory(
        name_of(rt, name), prereqs, order_only, arg_names, make_action(rt, block), location(rt), mkdir_action=mkdir
    )


def dsl_rule(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """``rule ".o" => ".c" do |t| ... end`` (patterns: suffix string or regexp; sources: strings, procs)."""
    app = app_of(rt)
    converted = [to_model(rt, a) for a in args]
    pattern, arg_names, sources, order_only = app.manager.resolve_args(converted)
    app.manager.create_rule(pattern, sources, arg_names, make_action(rt, block), order_only)
    return None


def dsl_namespace(rt: Any, recv: Any, name: Any = None, block: RProc | None = None) -> Any:
    """``namespace :db do ... end``: tasks defined inside get the ``db:`` prefix."""
    if name is not None and not isinstance(name, RString | Symbol) and not rt.responds_to(name, "to_str"):
        raise rt.error("ArgumentError", "Expected a String or Symbol for a namespace name")
    app = app_of(rt)
    with app.manager.in_namespace(None if name is None else name_of(rt, name)) as ns:
        if block is not None:
            rt.call_block(block, ns)
    return ns


def dsl_desc(rt: Any, recv: Any, text: Any = None, block: RProc | None = None) -> None:
    """``desc "..."``: describes the next task defined."""
    app_of(rt).manager.last_description = None if text is None else rt.to_s(text)


def _literal_desc(rt: Any, recv: Any, args: tuple[Any, ...], kw: tuple[Any, ...] | None, block: RProc | None = None) -> Any:
    """The literal form of ``desc`` (``Evaluator.literal_forms``): ``desc "text"`` keeps the text as it is."""
    if kw is not None or len(args) != 1 or args[0].__class__ is not str:
        return NOT_A_FORM
    app_of(rt).manager.last_description = args[0]
    return None


def dsl_import(rt: Any, recv: Any, *names: Any, block: RProc | None = None) -> None:
    """``import "file.rake"``: load it after the current file, building it first if a task makes it."""
    app = app_of(rt)
    for name in names_list(rt, list(names)):
        app.add_import(name)


# ------------------------------------------------------------ sh and ruby


def show_command(rt: Any, cmd: list[Any]) -> str:
    """The command as Rake echoes it: words joined by spaces, an env hash as ``K=v``."""
    parts = list(cmd)
    if parts and isinstance(parts[0], RHash):
        parts[0] = " ".join(f"{rt.to_s(k)}={rt.to_s(v)}" for k, v in parts[0].items())
    return " ".join(p if isinstance(p, str) else rt.to_s(p) for p in parts)


def _split_sh_options(args: tuple[Any, ...]) -> tuple[list[Any], RHash]:
    items = list(args)
    if len(items) > 1 and isinstance(items[-1], RHash) and all(isinstance(k, Symbol) for k in items[-1]):
        return items[:-1], items[-1]
    return items, RHash()


def dsl_sh(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """``sh "cmd"`` / ``sh "prog", "arg"`` / ``sh({env}, ...)``: echo, run, fail (or yield ``ok, status``)."""
    from pydrake.runtime.core.process import parse_command, run

    app = app_of(rt)
    cmd, options = _split_sh_options(args)
    if guard(rt, "sh", cmd):
        return None
    options = RHash(options)
    verbose_opt = options.pop(Symbol.of("verbose"), DEFAULT)
    noop = truthy(options.pop(Symbol.of("noop"), None)) or app.nowrite_flag
    shown = show_command(rt, cmd)
    echo = app.verbose() if verbose_opt is DEFAULT else truthy(verbose_opt)
    if echo:
        rt.stdout.flush()
        rt.stderr.write(shown + "\n")
        rt.stderr.flush()
    if noop:
        return None
    command = parse_command(rt, cmd + ([options] if options else []))
    rt.stdout.flush()
    rt.stderr.flush()
    out, err = rt.stdout, rt.stderr
    marks = (_mark(out), _mark(err))
    result = run(rt, command)
    status = result.status
    rt.set_global("$?", status)
    ok: Any = None if result.error is not None else bool(status.success)
    if block is not None:
        return rt.call_block(block, ok, status)
    if not ok:
        code = status.exitstatus
        error = rt.error("RuntimeError", f"Command failed with status ({'' if code is None else code}): [{shown[:42]}...]")
        if marks[0] is not None and marks[1] is not None:
            # Collected output (a parallel run): keep what this command printed, to repeat after the report.
            error.exc.ivars["__command_output"] = (out.getvalue()[marks[0]:], err.getvalue()[marks[1]:])
        raise error
    return ok


def _mark(stream: Any) -> int | None:
    """How much a collecting stream holds now (None for a real stream)."""
    getvalue = getattr(stream, "getvalue", None)
    return len(getvalue()) if getvalue is not None else None


def dsl_ruby(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """``ruby "-e ..."``: ``sh`` with the Ruby interpreter (``$RUBY`` or ``ruby`` on the PATH)."""
    import os

    cmd, options = _split_sh_options(args)
    if guard(rt, "ruby", cmd):
        return None
    ruby = os.environ.get("RUBY", "ruby")
    if len(cmd) == 1:
        cmd = [RString(f"{ruby} {rt.to_s(cmd[0])}")]
    else:
        cmd = [RString(ruby), *cmd]
    return dsl_sh(rt, recv, *cmd, *([options] if options else []), block=block)


# ------------------------------------------------------------ FileUtils with Rake's defaults

# FileUtils verbs Rake wraps, and whether each takes `noop:` besides `verbose:`.
FILEUTILS_VERBS = {
    "cd": False, "chdir": False, "mkdir": True, "mkdir_p": True, "makedirs": True, "mkpath": True,
    "rmdir": True, "ln": True, "link": True, "ln_s": True, "symlink": True, "ln_sf": True,
    "cp": True, "copy": True, "cp_r": True, "mv": True, "move": True, "rm": True, "remove": True,
    "rm_f": True, "safe_unlink": True, "rm_r": True, "rm_rf": True, "rmtree": True, "install": True,
    "chmod": True, "chmod_R": True, "chown": True, "chown_R": True, "touch": True,
}


def fileutils_call(rt: Any, verb: str, *args: Any, block: RProc | None = None) -> Any:
    """Call a FileUtils verb with Rake's defaults: echo unless quiet, do nothing under ``nowrite``."""
    app = app_of(rt)
    items = list(args)
    opts = RHash()
    if items and isinstance(items[-1], RHash) and all(isinstance(k, Symbol) for k in items[-1]):
        opts = RHash(items.pop())
    if Symbol.of("verbose") not in opts:
        opts[Symbol.of("verbose")] = app.verbose()
    if FILEUTILS_VERBS.get(verb) and Symbol.of("noop") not in opts:
        opts[Symbol.of("noop")] = app.nowrite_flag
    fn = FILEUTILS.smethods[verb]
    return fn(rt, FILEUTILS, *items, opts, block=block)


def _fileutils_method(verb: str) -> Any:
    def method(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
        return fileutils_call(rt, verb, *args, block=block)

    method.__name__ = verb
    method.__doc__ = f"FileUtils#{verb} with Rake's verbose and nowrite defaults."
    return method


def dsl_safe_ln(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """``safe_ln``: a hard link, or a copy where links are not possible."""
    app = app_of(rt)
    if not getattr(app, "links_unsupported", False):
        try:
            return fileutils_call(rt, "ln", *args)
        except Exception as exc:  # noqa: BLE001 - Rake falls back on any StandardError
            from pydrake.runtime.objects import RubyError

            if not isinstance(exc, RubyError | OSError):
                raise
            app.links_unsupported = True  # type: ignore[attr-defined]
    return fileutils_call(rt, "cp", *args)


def dsl_verbose(rt: Any, recv: Any, value: Any = DEFAULT, block: RProc | None = None) -> Any:
    """``verbose`` / ``verbose(flag)`` / ``verbose(flag) { ... }``."""
    app = app_of(rt)
    old = app.verbose_flag
    if value is not DEFAULT:
        app.verbose_flag = value
    if block is not None and value is not DEFAULT:
        try:
            return rt.call_block(block)
        finally:
            app.verbose_flag = old
    return app.verbose_flag


def dsl_nowrite(rt: Any, recv: Any, value: Any = DEFAULT, block: RProc | None = None) -> Any:
    """``nowrite`` / ``nowrite(flag)`` (returns the old value) / ``nowrite(flag) { ... }``."""
    app = app_of(rt)
    old = app.nowrite_flag
    if value is not DEFAULT:
        app.nowrite_flag = truthy(value)
    if block is not None and value is not DEFAULT:
        try:
            return rt.call_block(block)
        finally:
            app.nowrite_flag = old
    return old


def dsl_when_writing(rt: Any, recv: Any, msg: Any = None, block: RProc | None = None) -> Any:
    """``when_writing("msg") { ... }``: run the block unless nowrite, else print ``DRYRUN: msg``."""
    app = app_of(rt)
    if app.nowrite_flag:
        if msg is not None:
            rt.stderr.write(f"DRYRUN: {rt.to_s(msg)}\n")
        return None
    return rt.call_block(block) if block is not None else None


def dsl_rake_output_message(rt: Any, recv: Any, msg: Any, block: RProc | None = None) -> None:
    """``rake_output_message(msg)``: a line on stderr."""
    rt.stderr.write(rt.to_s(msg) + "\n")


def dsl_rake_check_options(rt: Any, recv: Any, options: Any, *allowed: Any, block: RProc | None = None) -> None:
    """``rake_check_options(opts, :a, :b)``: ArgumentError for any other key."""
    names = {name_of(rt, a) for a in allowed}
    if isinstance(options, RHash):
        bad = [name_of(rt, k) for k in options if name_of(rt, k) not in names]
        if bad:
            raise rt.error("ArgumentError", f"no value provided for required argument(s) {', '.join(bad)}")


# ------------------------------------------------------------ seq


class SeqBuilder:
    """What ``seq`` returns: ``seq[:x, :y, :z]`` chains the names and gives ``[:z]``."""

    def __init__(self, app: RakeApplication) -> None:
        self.app = app


def dsl_seq(rt: Any, recv: Any, block: RProc | None = None) -> SeqBuilder:
    """``seq``: the builder whose ``[]`` makes an explicit order (see SPEC section 2)."""
    return SeqBuilder(app_of(rt))


def seq_index(rt: Any, recv: SeqBuilder, *names: Any, block: RProc | None = None) -> list[Any]:
    """``seq[:x, :y, :z]``: each later name gets the earlier one as a prerequisite; evaluates to ``[last]``."""
    flat = names_list(rt, list(names))
    manager = recv.app.manager
    loc = location(rt)
    for earlier, later in zip(flat, flat[1:], strict=False):
        task = manager.lookup(later)
        if task is None:
            manager.define_task(Task, later, [earlier], location=loc)
        else:
            task.enhance([earlier])
    return [RString(flat[-1])] if flat else []


# ------------------------------------------------------------ installation

DSL_FUNCTIONS = {
    "task": dsl_task,
    "file": dsl_file,
    "file_create": dsl_file_create,
    "multitask": dsl_multitask,
    "directory": dsl_directory,
    "rule": dsl_rule,
    "namespace": dsl_namespace,
    "desc": dsl_desc,
    "import": dsl_import,
    "sh": dsl_sh,
    "ruby": dsl_ruby,
    "safe_ln": dsl_safe_ln,
    "verbose": dsl_verbose,
    "nowrite": dsl_nowrite,
    "when_writing": dsl_when_writing,
    "rake_output_message": dsl_rake_output_message,
    "rake_check_options": dsl_rake_check_options,
    "seq": dsl_seq,
}


def install_dsl(rt: Any) -> None:
    """Make the DSL callable from every Ruby object of ``rt`` (as Rake's ``extend Rake::DSL`` does for main)."""
    from pydrake.rake.ruby_api import dsl_multitask_each

    rt.define_global_function("multitask_each", dsl_multitask_each)
    for name, fn in DSL_FUNCTIONS.items():
        rt.define_global_function(name, fn)
    for fn, task_class in ((dsl_task, Task), (dsl_file, FileTask), (dsl_file_create, FileCreationTask), (dsl_multitask, MultiTask)):
        rt.literal_forms[fn] = _literal_definition(task_class)
    rt.literal_forms[dsl_desc] = _literal_desc
    for verb in FILEUTILS_VERBS:
        if verb in FILEUTILS.smethods:
            rt.define_global_function(verb, _fileutils_method(verb))
