"""Reading an action block's code (never running it): the files its commands and Ruby calls touch.

``sh``/``system``/backtick command lines are read like a shell would split
them (entries marked guessed); FileUtils verbs and ``File``/``IO``/``Dir``
calls with known arguments give certain entries; ``invoke`` calls are noted.
Values come from ``evaluate``; methods defined in the Rakefile are followed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from pydrake.lint.evaluate import UNKNOWN, Evaluator, Scope, names_of
from pydrake.lint.records import Access, Footprint, Invoke, is_glob, normalize
from pydrake.lint.shell import DELETE, MKDIR, READ, UNKNOWN_MARK, WRITE, ShellAccess, argv_accesses, command_accesses
from pydrake.rake.task import Task
from pydrake.runtime.environment import MISSING
from pydrake.runtime.objects import RModule, RProc, RString
from pydrake.runtime.tables import UserMethod
from pydrake.syntax import ast as A

IsDir = Callable[[str], bool]

_SHELL_CALLS = {"sh", "system", "exec", "spawn", "safe_system", "ruby", "`"}
_OPEN3 = {"capture2", "capture2e", "capture3", "popen2", "popen2e", "popen3", "pipeline", "pipeline_r", "pipeline_w"}
_COPY_VERBS = frozenset(
    "cp copy cp_r cp_lr install copy_file copy_entry mv move ln link ln_s symlink ln_sf ln_sr safe_ln".split()
)
_DELETE_VERBS = {
    "rm": False,
    "remove": False,
    "rm_f": False,
    "safe_unlink": False,
    "remove_file": False,
    "rm_r": True,
    "rm_rf": True,
    "rmtree": True,
    "remove_dir": True,
    "remove_entry": True,
    "remove_entry_secure": True,
    "rmdir": True,
}
_MKDIR_VERBS = {"mkdir", "mkdir_p", "makedirs", "mkpath"}
_COMPARE_VERBS = {"compare_file", "cmp", "identical?", "uptodate?"}
_FILE_READS = frozenset(
    "read readlines binread foreach readlink size size? mtime ctime atime exist? exists? file? directory? "
    "zero? empty? stat lstat readable? executable? symlink? new_read load_file safe_load_file parse_file".split()
)
_ITERATORS = frozenset(
    "each map collect each_with_index flat_map each_entry select reject filter each_slice filter_map sum "
    "all? any? none?".split()
)
_MUTATORS = frozenset(
    "<< concat push append replace insert prepend unshift clear include add exclude resolve []= store "
    "merge! update".split()
)
_MAX_ITEMS = 500
_MAX_METHOD_DEPTH = 3


class ActionReader:
    """Walks one action block's statements, recording accesses and invokes into a footprint."""

    def __init__(self, rt: Any, task: Task, block: RProc, is_dir: IsDir, root: str, fp: Footprint) -> None:
        self.rt = rt
        self.task = task
        self.block = block
        self.is_dir = is_dir
        self.root = root
        self.fp = fp
        self.scope = Scope(block.env, task)
        self.ev = Evaluator(rt, self.scope, block.frame)
        self.cwd: str | None = ""
        self.file = getattr(block.frame, "file", None)
        self.methods: list[Any] = []

    def read(self) -> None:
        """Read the whole block with its parameters bound (the task, then its arguments)."""
        params = self.block.params
        if params is not None:
            names = [p for p in params.required if isinstance(p, str)]
            for i, name in enumerate(names):
                self.scope.declare(name, self.task if i == 0 else UNKNOWN)
            for name, _ in params.optional:
                self.scope.declare(name, UNKNOWN)
            for name in (params.rest, params.kwrest, params.block):
                if name:
                    self.scope.declare(name, UNKNOWN)
            for name, _ in params.kw:
                self.scope.declare(name, UNKNOWN)
        self.visit(self.block.body)

    # ------------------------------------------------------------ recording

    def record(
        self, path: str, mode: str, guessed: bool, line: int, how: str, recursive: bool = False, append: bool = False
    ) -> None:
        if self.cwd is None:
            return
        joined = path if os.path.isabs(path) or not self.cwd else os.path.join(self.cwd, path)
        norm = normalize(joined, self.root)
        if norm is None:
            return
        self.fp.add(Access(norm, mode, guessed, line, how, recursive, is_glob(norm), append, self.file))

    def record_shell(self, accesses: list[ShellAccess], line: int, how: str) -> None:
        for acc in accesses:
            self.record(acc.path, acc.mode, True, line, how, acc.recursive, acc.append)

    def is_dir_here(self, path: str) -> bool:
        norm = normalize(path if not self.cwd else os.path.join(self.cwd, path), self.root)
        return norm is not None and self.is_dir(norm)

    # ------------------------------------------------------------ walking

    def visit(self, node: Any) -> None:
        if isinstance(node, tuple | list):
            for n in node:
                self.visit(n)
            return
        if not isinstance(node, A.Node):
            return
        if type(node) is A.Call:
            self.call(node)
        elif type(node) is A.XStr:
            self.visit_parts(node.parts)
            self.command([A.DStr(node.line, node.col, node.parts)], node.line, "`")
        elif type(node) is A.Assign:
            self.visit(node.value)
            self.assign(node.target, self.ev.value(node.value))
        elif type(node) is A.OpAssign:
            self.visit(node.value)
            if type(node.target) is A.LVar:
                current = self.scope.lookup(node.target.name)
                if node.op == "||" and current in (MISSING, None):
                    self.scope.assign(node.target.name, self.ev.value(node.value))
                elif node.op != "||":
                    self.scope.assign(node.target.name, UNKNOWN)
        elif type(node) is A.MultiAssign:
            self.visit(node.value)
            for target in node.targets:
                self.assign(target, UNKNOWN)
        elif type(node) is A.If:
            self.visit(node.cond)
            self.branches([node.then, node.else_ or ()])
        elif type(node) is A.Case:
            self.visit(node.subject)
            for w in node.whens:
                self.visit(w.conds)
            self.branches([w.body for w in node.whens] + [node.else_ or ()])
        elif type(node) is A.While:
            self.visit(node.cond)
            self.branches([node.body, ()])
        elif type(node) is A.For:
            self.visit(node.iterable)
            self.assign(node.target, UNKNOWN)
            self.branches([node.body, ()])
        elif type(node) is A.Begin:
            self.visit(node.body)
            self.branches([r.body for r in node.rescues] + [()])
            self.visit(node.else_ or ())
            self.visit(node.ensure or ())
        elif type(node) in (A.Def, A.ClassDef, A.ModuleDef, A.SClass):
            return
        elif type(node) is A.Block or type(node) is A.Lambda:
            self.inner_block(node, [])
        elif type(node) is A.DStr:
            self.visit_parts(node.parts)
        else:
            for f in _fields(type(node)):
                self.visit(getattr(node, f))

    def visit_parts(self, parts: tuple[Any, ...]) -> None:
        for p in parts:
            if not isinstance(p, str):
                self.visit(p)

    def assign(self, target: Any, value: Any) -> None:
        if type(target) is A.LVar:
            self.scope.assign(target.name, value)
        elif type(target) is A.Splat and type(target.value) is A.LVar:
            self.scope.assign(target.value.name, UNKNOWN)
        elif type(target) is A.MultiTarget:
            for t in target.targets:
                self.assign(t, UNKNOWN)

    def branches(self, bodies: list[Any]) -> None:
        """Code that may or may not run: afterwards a variable is known only if every path agrees."""
        before = self.scope.snapshot()
        results = []
        for body in bodies:
            self.scope.frames = [dict(f) for f in before]
            self.visit(body)
            results.append(self.scope.snapshot())
        self.scope.merge(results)

    def inner_block(self, block: Any, values: list[Any]) -> None:
        """A block inside the action, its parameters bound to ``values`` (UNKNOWN past their end)."""
        self.scope.push()
        params = block.params
        if params is not None:
            names = [p for p in params.required if isinstance(p, str)]
            names += [name for name, _ in params.optional]
            for i, name in enumerate(names):
                self.scope.declare(name, values[i] if i < len(values) else UNKNOWN)
            for name in (params.rest, params.kwrest, params.block):
                if name:
                    self.scope.declare(name, UNKNOWN)
            for p in params.required:
                if type(p) is A.MultiTarget:
                    self.assign(p, UNKNOWN)
        before = self.scope.snapshot()
        self.visit(block.body)
        self.scope.pop()
        # The block may run any number of times: forget what it changed outside.
        outer = before[:-1]
        changed = [dict(f) for f in self.scope.frames]
        self.scope.merge([outer, changed]) if len(outer) == len(changed) else None

    # ------------------------------------------------------------ calls

    def call(self, node: A.Call) -> None:
        recv_value = self.receiver(node.recv)
        handled_block = self.effect(node, recv_value)
        if node.recv is not None:
            self.visit(node.recv)
        self.visit(node.args)
        block = node.block
        if type(block) is A.Block and not handled_block:
            items = None
            if node.name in _ITERATORS and node.recv is not None:
                items = self.ev.items(self.ev.value(node.recv))
            if items is not None and len(items) <= _MAX_ITEMS:
                for i, item in enumerate(items):
                    extra = [i] if node.name == "each_with_index" else []
                    if isinstance(item, list) and block.params is not None and len(block.params.required) > 1:
                        self.inner_block(block, [*item, *extra])
                    else:
                        self.inner_block(block, [item, *extra])
            else:
                self.inner_block(block, [])
        elif block is not None and type(block) is not A.Block:
            self.visit(block)
        if type(node.recv) is A.LVar and (node.name in _MUTATORS or node.name.endswith("!")):
            self.scope.assign(node.recv.name, UNKNOWN)

    def receiver(self, recv: Any) -> Any:
        """The module a call is made on (``File``, ``FileUtils``...), or None."""
        if recv is None:
            return None
        if type(recv) is A.Const or (type(recv) is A.Call and recv.name[:1].isupper() and not recv.args):
            v = self.ev.value(recv)
            if isinstance(v, RModule):
                return v
        return None

    def effect(self, node: A.Call, module: RModule | None) -> bool:
        """Record what the call touches; True when it also walked the call's block."""
        name = node.name
        mod = self.rt.module_name(module) if module is not None else None
        if node.recv is None or mod in ("Kernel", "FileUtils", "Rake::FileUtilsExt", "Process"):
            if name in _SHELL_CALLS and (node.recv is None or mod in ("Kernel", "Process")):
                self.command(list(node.args), node.line, name)
                return False
            if node.recv is None or mod in ("FileUtils", "Rake::FileUtilsExt"):
                if self.fileutils(node):
                    return True
            if node.recv is None and self.user_method(node):
                return False
        if node.recv is None and name == "nowrite" and node.args and type(node.args[0]) is A.TrueLit:
            return node.block is not None  # nothing in a nowrite(true) block touches a file
        if mod == "Open3" and name in _OPEN3:
            self.command(list(node.args), node.line, name)
        elif mod in ("File", "IO"):
            return self.file_call(node)
        elif mod == "Dir":
            return self.dir_call(node)
        elif name == "invoke" and node.recv is not None and not _literal(node.recv):
            self.fp.invokes.append(Invoke(self.file, node.line, self.invoked_name(node.recv)))
        return False

    def plain_args(self, node: A.Call) -> list[Any]:
        """The arguments without a trailing options hash or a block pass."""
        args = list(node.args)
        if args and type(args[-1]) is A.BlockPass:
            args.pop()
        if args and type(args[-1]) is A.HashLit and not args[-1].braces:
            args.pop()
        return args

    def command(self, args: list[Any], line: int, verb: str) -> None:
        """A command run by ``sh``/``system``/backticks: one string goes through the shell, several are argv."""
        args = [a for a in args if type(a) is not A.BlockPass]
        if args and type(args[-1]) is A.HashLit:
            args.pop()
        if args and type(args[0]) is A.HashLit:
            args.pop(0)  # the environment
        if not args:
            return
        values: list[Any] = []
        for a in args:
            if type(a) is A.Splat:
                items = self.ev.items(self.ev.value(a.value))
                if items is None:
                    return
                values.extend(items)
            else:
                values.append(self.ev.value(a))
        if len(values) == 1 and isinstance(values[0], list):
            values = list(values[0])  # an argv array
        elif len(values) == 1:
            v = values[0]
            if v is UNKNOWN:
                return
            text = self.ev.to_s(v)
            if verb == "ruby":
                text = "ruby " + text
            accesses = command_accesses(text, self.is_dir_here)
            self.record_shell(accesses, line, _shown(verb, text))
            return
        words = [self.ev.to_s(v) for v in values]
        if verb == "ruby":
            words = ["ruby", *words]
        self.record_shell(argv_accesses(words, self.is_dir_here), line, _shown(verb, " ".join(words)))

    def paths(self, node: Any) -> list[str] | None:
        """A path argument as a list of names (an Array or FileList gives several), or None."""
        return names_of(self.ev, self.ev.value(node))

    def fileutils(self, node: A.Call) -> bool:
        """FileUtils verbs, as Rake's DSL or ``FileUtils.verb``; True when the call's block was walked."""
        name = node.name
        args = self.plain_args(node)
        how = name
        if name in _COPY_VERBS and len(args) >= 2:
            sources = self.paths(args[0])
            dests = self.paths(args[1])
            dest = dests[0] if dests and len(dests) == 1 else None
            link = name.startswith("ln") or name in ("link", "symlink", "safe_ln")
            symbolic = name in ("ln_s", "symlink", "ln_sf", "ln_sr")
            move = name in ("mv", "move")
            recursive = name in ("cp_r", "cp_lr", "copy_entry") or move
            multiple = sources is not None and len(sources) > 1
            for src in sources or []:
                if not symbolic:
                    self.record(src, READ, False, node.line, how, recursive)
                if move:
                    self.record(src, DELETE, False, node.line, how, True)
            if dest is None or sources is None:
                return False
            into = multiple or dest.endswith("/") or (self.is_dir_here(dest) and not link)
            if into:
                for src in sources:
                    if UNKNOWN_MARK not in src:
                        self.record(
                            os.path.join(dest, os.path.basename(src.rstrip("/"))),
                            WRITE,
                            False,
                            node.line,
                            how,
                            recursive,
                        )
            else:
                self.record(dest, WRITE, False, node.line, how, recursive)
            return False
        if name in _DELETE_VERBS:
            for arg in args:
                for path in self.paths(arg) or []:
                    self.record(path, DELETE, False, node.line, how, _DELETE_VERBS[name])
            return False
        if name in _MKDIR_VERBS:
            for arg in args:
                found = self.paths(arg)
                if found is None or any(UNKNOWN_MARK in p for p in found):
                    self.fp.unknown_mkdir = True
                for path in found or []:
                    self.record(path, MKDIR, False, node.line, how)
            return False
        if name == "touch":
            for arg in args:
                for path in self.paths(arg) or []:
                    self.record(path, WRITE, False, node.line, how)
            return False
        if name in _COMPARE_VERBS:
            for arg in args:
                for path in self.paths(arg) or []:
                    self.record(path, READ, False, node.line, how)
            return False
        if name in ("cd", "chdir"):
            return self.chdir(node, args)
        return False

    def chdir(self, node: A.Call, args: list[Any]) -> bool:
        """``cd dir do ... end`` / ``Dir.chdir(dir)``: paths inside are relative to ``dir``."""
        target = self.ev.text(args[0]) if args else None
        new_cwd: str | None
        if target is None or UNKNOWN_MARK in target or self.cwd is None:
            new_cwd = None
        else:
            new_cwd = target if os.path.isabs(target) or not self.cwd else os.path.join(self.cwd, target)
        if type(node.block) is A.Block:
            saved = self.cwd
            self.cwd = new_cwd
            self.inner_block(node.block, [RString(target)] if target is not None else [])
            self.cwd = saved
            return True
        self.cwd = new_cwd
        return False

    def file_call(self, node: A.Call) -> bool:
        """``File``/``IO`` class methods that read or write a named file."""
        name = node.name
        args = self.plain_args(node)
        how = f"File.{name}"
        first = self.paths(args[0]) if args else None
        if name in ("open", "new"):
            mode = self.open_mode(node)
            if mode is None:
                return False
            for path in first or []:
                if "r" in mode or "+" in mode:
                    self.record(path, READ, False, node.line, how)
                if "w" in mode or "a" in mode:
                    self.record(path, WRITE, False, node.line, how, append="a" in mode)
        elif name in ("write", "binwrite", "truncate"):
            mode = self.open_mode(node, 2) if name != "truncate" else "w"
            for path in first or []:
                self.record(path, WRITE, False, node.line, how, append=mode is not None and "a" in mode)
        elif name in _FILE_READS:
            for path in first or []:
                self.record(path, READ, False, node.line, how)
        elif name in ("delete", "unlink"):
            for arg in args:
                for path in self.paths(arg) or []:
                    self.record(path, DELETE, False, node.line, how)
        elif name in ("rename", "symlink", "link", "copy_stream") and len(args) == 2:
            second = self.paths(args[1])
            for path in first or []:
                if name in ("rename", "link", "copy_stream"):
                    self.record(path, READ, False, node.line, how)
                if name == "rename":
                    self.record(path, DELETE, False, node.line, how)
            for path in second or []:
                self.record(path, WRITE, False, node.line, how)
        elif name in ("popen",) and args:
            self.command([args[0]], node.line, name)
        return False

    def open_mode(self, node: A.Call, position: int = 1) -> str | None:
        """The mode of ``File.open(path, mode)`` (``mode:`` keyword too); "r" by default; None when unknown."""
        args = list(node.args)
        mode_node = None
        if position == 1 and len(args) >= 2 and type(args[1]) is not A.HashLit:
            mode_node = args[1]
        elif args and type(args[-1]) is A.HashLit:
            for key, value in args[-1].pairs:
                if type(key) is A.SymLit and key.name == "mode":
                    mode_node = value
        if mode_node is None:
            return "r"
        v = self.ev.value(mode_node)
        if isinstance(v, RString):
            return v.s
        return None

    def dir_call(self, node: A.Call) -> bool:
        """``Dir`` class methods: mkdir, rmdir, glob, chdir."""
        name = node.name
        args = self.plain_args(node)
        how = f"Dir.{name}"
        if name == "mkdir":
            found = self.paths(args[0]) if args else None
            if found is None:
                self.fp.unknown_mkdir = True
            for path in found or []:
                self.record(path, MKDIR, False, node.line, how)
        elif name in ("rmdir", "delete", "unlink"):
            for path in (self.paths(args[0]) if args else None) or []:
                self.record(path, DELETE, False, node.line, how, True)
        elif name in ("glob", "[]", "entries", "children", "each_child", "foreach", "empty?", "exist?"):
            for arg in args:
                for path in self.paths(arg) or []:
                    self.record(path, READ, False, node.line, how, name not in ("glob", "[]", "exist?"))
        elif name == "chdir":
            return self.chdir(node, args)
        return False

    def invoked_name(self, recv: Any) -> str | None:
        """The name of the task an ``invoke`` call runs, when it can be told."""
        if type(recv) is A.Call and recv.name == "[]" and recv.args:
            return self.ev.text(recv.args[0])  # unknown parts stay marked
        v = self.ev.value(recv)
        if isinstance(v, Task):
            return v.name
        return None

    def user_method(self, node: A.Call) -> bool:
        """A call of a method defined in the Rakefile: read its body too (arguments bound where known)."""
        if len(self.methods) >= _MAX_METHOD_DEPTH:
            return False
        try:
            method = self.rt.find_method_in(self.rt.class_for_lookup(self.block.self_obj), node.name)
        except Exception:  # noqa: BLE001 - no such method: nothing to read
            return False
        if not isinstance(method, UserMethod) or method.body is None or method in self.methods:
            return False
        values = [self.ev.value(a) for a in node.args]
        saved_scope, saved_ev = self.scope, self.ev
        self.scope = Scope(None, self.task)
        self.ev = Evaluator(self.rt, self.scope, self.block.frame)
        params = method.params
        if params is not None:
            for i, p in enumerate(params.required):
                if isinstance(p, str):
                    self.scope.declare(p, values[i] if i < len(values) else UNKNOWN)
            for pname, _ in params.optional:
                self.scope.declare(pname, UNKNOWN)
        self.methods.append(method)
        saved_file, self.file = self.file, method.file
        try:
            self.visit(method.body)
        finally:
            self.methods.pop()
            self.scope, self.ev, self.file = saved_scope, saved_ev, saved_file
        return True


def _literal(node: Any) -> bool:
    return type(node) in (A.StrLit, A.DStr, A.SymLit, A.IntLit, A.ArrayLit, A.HashLit, A.Nil)


def _shown(verb: str, text: str) -> str:
    shown = text.replace(UNKNOWN_MARK, "#{...}")
    if verb == "`":
        return f"`{shown}`"
    return f'{verb} "{shown}"'


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(t: type[A.Node]) -> tuple[str, ...]:
    names = _FIELDS.get(t)
    if names is None:
        names = tuple(f for f in t._fields if f not in ("line", "col", "file"))
        _FIELDS[t] = names
    return names
