"""Static values of expressions in a task action, worked out without running the action.

A value is known when it is built from literals, constants, the variables the
action's block closes over (the Rakefile has been loaded, so they hold what the
action will see), locals assigned in the action, the task (``t.name``,
``t.source``, ``t.prerequisites``) and side-effect-free methods of strings,
arrays, FileLists and a few classes (``File.join``, ``ENV[...]``).  Anything
else is ``UNKNOWN``; inside a string an unknown part becomes ``UNKNOWN_MARK``,
so the known rest of a command line is still read.
"""

from __future__ import annotations

from typing import Any

from pydrake.lint.shell import UNKNOWN_MARK
from pydrake.rake.file_list import FileList
from pydrake.rake.task import Task
from pydrake.runtime.classes import OBJECT
from pydrake.runtime.environment import MISSING
from pydrake.runtime.objects import RHash, RModule, RRegexp, RString, Symbol
from pydrake.syntax import ast as A


class _Unknown:
    """A value the linter cannot know before the action runs."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()

_TASK_METHODS = {"name", "to_s", "source", "sources", "prerequisites", "prereqs", "name_with_args"}
# Methods of String, Array, Symbol, Integer and FileList that neither change their receiver nor run code.
_VALUE_METHODS = frozenset(
    "to_s to_str to_a to_ary to_sym to_i ext pathmap sub gsub join first last upcase downcase capitalize "
    "strip lstrip rstrip chomp chop split flatten uniq compact + - * % [] dup clone freeze size length "
    "count sort reverse tr delete_suffix delete_prefix existing shellescape inspect squeeze center ljust "
    "rjust values_at take drop zip product concat_ fetch dig keys values".split()
)
# Singleton methods of core classes that only compute names (or look at the file system).
_CLASS_METHODS = {
    "File": {"join", "basename", "dirname", "extname", "expand_path", "absolute_path", "split"},
    "Rake::FileList": {"[]", "new"},
    "Dir": {"[]", "glob", "pwd", "getwd"},
    "Shellwords": {"escape", "shellescape", "join", "shelljoin", "split", "shellsplit"},
    "Pathname": {"new"},
}
_MAX_DEPTH = 40


class Scope:
    """Local variables of the code being read: nested dicts over the block's closure."""

    def __init__(self, closure: Any, task: Task) -> None:
        self.closure = closure  # the Env the action block closes over (or None)
        self.task = task
        self.frames: list[dict[str, Any]] = [{}]

    def lookup(self, name: str) -> Any:
        """The variable's known value, UNKNOWN, or MISSING when the code never set it."""
        for frame in reversed(self.frames):
            if name in frame:
                return frame[name]
        if self.closure is not None:
            return self.closure.lookup(name)
        return MISSING

    def assign(self, name: str, value: Any) -> None:
        """``name = value``: in the innermost frame that has it, else the current one."""
        for frame in reversed(self.frames):
            if name in frame:
                frame[name] = value
                return
        self.frames[-1][name] = value

    def declare(self, name: str, value: Any) -> None:
        """A block parameter: always in the current frame."""
        self.frames[-1][name] = value

    def push(self) -> None:
        """Enter a block."""
        self.frames.append({})

    def pop(self) -> None:
        """Leave a block."""
        self.frames.pop()

    def snapshot(self) -> list[dict[str, Any]]:
        """A copy of every frame, to compare after a branch."""
        return [dict(f) for f in self.frames]

    def merge(self, branches: list[list[dict[str, Any]]]) -> None:
        """After branches: a variable keeps its value only when every branch agrees on it."""
        merged: list[dict[str, Any]] = []
        for level in range(len(self.frames)):
            names = set().union(*(b[level].keys() for b in branches))
            frame: dict[str, Any] = {}
            for name in names:
                values = [b[level].get(name, MISSING) for b in branches]
                first = values[0]
                same = all(v is first or (_plain(v) and _plain(first) and v == first) for v in values)
                frame[name] = first if same and first is not MISSING else UNKNOWN
            merged.append(frame)
        self.frames = merged


def _plain(v: Any) -> bool:
    return isinstance(v, RString | Symbol | int | str)


class Evaluator:
    """Evaluates expression nodes against an interpreter, a scope and the lexical frame of the block."""

    def __init__(self, rt: Any, scope: Scope, frame: Any) -> None:
        self.rt = rt
        self.scope = scope
        self.frame = frame  # the frame the action block was written in (for constants)
        self.depth = 0

    def value(self, node: Any) -> Any:
        """The node's value, or UNKNOWN."""
        if self.depth > _MAX_DEPTH:
            return UNKNOWN
        self.depth += 1
        try:
            return self._value(node)
        except Exception:  # noqa: BLE001 - any failure while folding only means "not known"
            return UNKNOWN
        finally:
            self.depth -= 1

    def text(self, node: Any) -> str | None:
        """The node's value as a string (unknown parts marked), or None when nothing of it is known."""
        v = self.value(node)
        if v is UNKNOWN:
            return None
        return self.to_s(v)

    def to_s(self, v: Any) -> str:
        """Interpolation text of a known value."""
        if v is UNKNOWN:
            return UNKNOWN_MARK
        if isinstance(v, RString):
            return v.s
        if isinstance(v, str):
            return v
        if v is None:
            return ""
        if isinstance(v, list):
            return self.rt.to_s([x if x is not UNKNOWN else RString(UNKNOWN_MARK) for x in v])
        return self.rt.to_s(v)

    def _value(self, node: Any) -> Any:
        t = type(node)
        if t is A.StrLit:
            return RString(node.value)
        if t is A.DStr:
            return RString("".join(p if isinstance(p, str) else self.to_s(self.value(p)) for p in node.parts))
        if t is A.SymLit:
            return Symbol.of(node.name)
        if t is A.IntLit or t is A.FloatLit:
            return node.value
        if t is A.Nil:
            return None
        if t is A.TrueLit:
            return True
        if t is A.FalseLit:
            return False
        if t is A.ArrayLit:
            return self._array(node)
        if t is A.LVar:
            v = self.scope.lookup(node.name)
            return UNKNOWN if v is MISSING else v
        if t is A.Const:
            return self._const(node)
        if t is A.Call:
            return self._call(node)
        if t is A.BinOp:
            return self._binop(node)
        if t is A.Or or t is A.And:
            lhs = self.value(node.lhs)
            if lhs is UNKNOWN:
                return UNKNOWN
            decided = (lhs is not None and lhs is not False) == (t is A.Or)
            return lhs if decided else self.value(node.rhs)
        if t is A.If and len(node.then) == 1 and node.else_ is not None and len(node.else_) == 1:
            cond = self.value(node.cond)  # a ternary
            if cond is UNKNOWN:
                return UNKNOWN
            return self.value(node.then[0] if cond is not None and cond is not False else node.else_[0])
        if t is A.Seq and node.body:
            return self.value(node.body[-1])
        if t is A.FileLit:
            return RString(node.path)
        if t is A.RegexLit and all(isinstance(p, str) for p in node.parts):
            return self.rt.ev_regex(node, self.frame)
        return UNKNOWN

    def _array(self, node: A.ArrayLit) -> Any:
        out: list[Any] = []
        for el in node.elements:
            if type(el) is A.Splat:
                v = self.value(el.value)
                items = self.items(v)
                if items is None:
                    out.append(RString(UNKNOWN_MARK))
                else:
                    out.extend(items)
            else:
                v = self.value(el)
                out.append(RString(UNKNOWN_MARK) if v is UNKNOWN else v)
        return out

    def items(self, v: Any) -> list[Any] | None:
        """The elements of a known Array or FileList, or None."""
        if isinstance(v, list):
            return v
        if isinstance(v, FileList):
            return list(self.rt.call(v, "to_a"))
        return None

    def _const(self, node: A.Const) -> Any:
        if node.scope is None:
            if node.top:
                return self.rt.scoped_const(OBJECT, node.name)
            if self.frame is not None:
                return self.rt.lookup_const(node.name, self.frame)
            return self.rt.constants.get(node.name, UNKNOWN)
        scope = self.value(node.scope)
        if not isinstance(scope, RModule):
            return UNKNOWN
        return self.rt.scoped_const(scope, node.name)

    def _call(self, node: A.Call) -> Any:
        if node.block is not None:
            return UNKNOWN
        if node.recv is None:
            if node.vcall:
                v = self.scope.lookup(node.name)
                return UNKNOWN if v is MISSING else v
            return UNKNOWN
        recv = self.value(node.recv)
        if recv is UNKNOWN:
            return UNKNOWN
        if isinstance(recv, RModule) and not node.args and node.name[:1].isupper():
            return self.rt.scoped_const(recv, node.name)  # ``Rake::Task`` read as a call
        args = [self.value(a) for a in node.args]
        if any(a is UNKNOWN for a in args) or any(type(a) in (A.Splat, A.DoubleSplat, A.BlockPass) for a in node.args):
            return UNKNOWN
        if not self.safe(recv, node.name):
            return UNKNOWN
        return self.rt.call(recv, node.name, *args)

    def safe(self, recv: Any, name: str) -> bool:
        """May ``recv.name(...)`` be called while linting (no side effect, no user code)?"""
        if isinstance(recv, Task):
            return name in _TASK_METHODS
        if isinstance(recv, RModule):
            return name in _CLASS_METHODS.get(self.rt.module_name(recv), ())
        if isinstance(recv, RString | list | Symbol | int | FileList | RRegexp):
            return name in _VALUE_METHODS
        if isinstance(recv, RHash):
            return name in ("[]", "fetch", "keys", "values", "dig")
        cls = self.rt.module_name(self.rt.real_class(recv))
        if cls == "Pathname":
            return name in ("to_s", "join", "+", "basename", "dirname", "extname", "sub_ext", "parent")
        if repr(recv) == "ENV":
            return name in ("[]", "fetch")
        return False

    def _binop(self, node: A.BinOp) -> Any:
        if node.op not in ("+", "*", "%", "-"):
            return UNKNOWN
        lhs = self.value(node.lhs)
        rhs = self.value(node.rhs)
        if lhs is UNKNOWN:
            return UNKNOWN
        if rhs is UNKNOWN:
            if node.op == "+" and isinstance(lhs, RString):
                return RString(lhs.s + UNKNOWN_MARK)
            return UNKNOWN
        if not self.safe(lhs, node.op):
            return UNKNOWN
        return self.rt.call(lhs, node.op, rhs)


def names_of(ev: Evaluator, v: Any) -> list[str] | None:
    """A known value as a flat list of path strings (unknown entries marked), or None."""
    if v is UNKNOWN:
        return None
    out: list[str] = []
    stack = [v]
    while stack:
        x = stack.pop(0)
        if isinstance(x, list):
            stack[0:0] = x
        elif isinstance(x, FileList):
            stack[0:0] = list(ev.rt.call(x, "to_a"))
        elif x is None or isinstance(x, bool | RHash):
            continue
        else:
            out.append(ev.to_s(x))
    return out
