"""The Ruby-subset interpreter: method dispatch, blocks, loading, globals and the built-in protocol.

One ``Interpreter`` runs one program.  It keeps no "current frame": the
evaluator passes a ``Frame`` explicitly, and what is per thread (the call
stack for backtraces, ``$!``, ``$?``, output redirection, active ``catch``
tags) lives in a ``threading.local``, so several threads may run blocks of
the same program at once.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

from pydrake.runtime import errors
from pydrake.runtime.arguments import Signature, bind
from pydrake.runtime.classes import (
    BASIC_OBJECT,
    CORE,
    EXCEPTION,
    OBJECT,
    class_of,
    new_exception,
)
from pydrake.runtime.environment import Env
from pydrake.runtime.evaluator import Evaluator
from pydrake.runtime.frames import (
    BreakSignal,
    Cref,
    Frame,
    NextSignal,
    RedoSignal,
    ReturnSignal,
)
from pydrake.runtime.objects import (
    RClass,
    RHash,
    RModule,
    RObject,
    RProc,
    RString,
    RubyError,
    Symbol,
    truthy,
)
from pydrake.runtime.ruby_platform import ruby_platform
from pydrake.runtime.tables import MetaClass, ModuleTables, SingletonClass, UserClass, UserMethod, UserModule, is_owned

Feature = Callable[[Any], Any]

# Features every interpreter knows without anyone registering them: ``require`` of these just returns true.
_BUILTIN_FEATURES = ("English", "thread", "enumerator", "rational", "complex", "fiber", "pp", "prettyprint")

# English-library names and other aliases of special globals.
_GLOBAL_ALIASES = {
    "$PROGRAM_NAME": "$0",
    "$LOAD_PATH": "$:",
    "$-I": "$:",
    "$LOADED_FEATURES": '$"',
    "$ERROR_INFO": "$!",
    "$ERROR_POSITION": "$@",
    "$CHILD_STATUS": "$?",
    "$LAST_MATCH_INFO": "$~",
    "$PROCESS_ID": "$$",
    "$PID": "$$",
    "$FIELD_SEPARATOR": "$;",
    "$FS": "$;",
    "$OUTPUT_FIELD_SEPARATOR": "$,",
    "$OFS": "$,",
    "$INPUT_RECORD_SEPARATOR": "$/",
    "$RS": "$/",
    "$-v": "$VERBOSE",
    "$-w": "$VERBOSE",
    "$-d": "$DEBUG",
}

_NOSELF: Any = object()
_NUMBERED = tuple(f"_{i}" for i in range(1, 10))
# Python frames allowed (about 6 per Ruby method call; worker threads need 8 MB stacks for this depth).
_RECURSION_LIMIT = 30000
_EMPTY_SIG = Signature(None)


class _ThreadState(threading.local):
    """What each thread running Ruby code keeps for itself."""

    def __init__(self) -> None:
        self.stack: list[Frame] = []
        self.err: Any = None  # $!
        self.status: Any = None  # $?
        self.out: TextIO | None = None
        self.errout: TextIO | None = None
        self.saved_outputs: list[tuple[TextIO | None, TextIO | None]] = []
        self.catches: list[Any] = []
        self.kwids: set[int] = set()  # ids of Hashes passed as keywords through built-in methods
        self.inspecting: set[int] = set()


class Interpreter(Evaluator, ModuleTables):
    """Runs Ruby programs; implements ``runtime.protocol.Runtime`` for built-in methods."""

    def __init__(self) -> None:
        from pydrake.runtime import core

        core.load_all()
        # Ruby code recurses through several Python frames per call; allow a Ruby-like depth.
        if sys.getrecursionlimit() < _RECURSION_LIMIT:
            sys.setrecursionlimit(_RECURSION_LIMIT)
        top: dict[str, Any] = {name: mod for name, mod in CORE.items() if "::" not in name}
        top.update(
            RUBY_VERSION=RString("3.1.2", frozen=True),
            RUBY_PATCHLEVEL=20,
            RUBY_PLATFORM=RString(ruby_platform(), frozen=True),
            RUBY_ENGINE=RString("ruby", frozen=True),
            RUBY_RELEASE_DATE=RString("2022-04-12", frozen=True),
            RUBY_COPYRIGHT=RString("ruby - Copyright (C) 1993-2022 Yukihiro Matsumoto", frozen=True),
            ARGV=[],
        )
        self.constants: dict[str, Any] = top
        self._init_tables(top)
        self._ts = _ThreadState()
        self._lock = threading.RLock()
        self._globals: dict[str, Any] = {
            "$0": RString(sys.argv[0] if sys.argv and sys.argv[0] else "pydrake"),
            "$:": [],
            '$"': [],
            "$,": None,
            "$/": RString("\n", frozen=True),
            "$;": None,
            "$VERBOSE": False,
            "$DEBUG": False,
            "$*": top["ARGV"],
        }
        self._galiases: dict[str, str] = dict(_GLOBAL_ALIASES)
        self._features: dict[str, Feature] = {name: _noop_feature for name in _BUILTIN_FEATURES}
        self._features.update(_DEFAULT_FEATURES)
        self._required: set[str] = set()
        self._loaded_paths: set[str] = set()
        self._at_exit: list[RProc] = []
        self.side_effects = 0  # built-ins asked to start a process or change a file (safe_mode.guard)
        # Called on a thread that starts another to run Ruby code (Thread.new, a pool future); each
        # returns what the new thread runs first to take over the starter's context (its -j task).
        self.thread_inheritance: list[Callable[[], Callable[[], None]]] = []
        self._random: Any = None
        self._sigs: dict[int, Signature] = {}
        self._xivars: dict[int, tuple[Any, dict[str, Any]]] = {}
        self._const_sites: dict[tuple[int, str], tuple[str, int]] = {}
        self.top_cref = Cref(OBJECT, None)
        self._init_evaluator()
        self.main = RObject(OBJECT)
        from pydrake.runtime.core.io import STANDARD_GLOBALS
        from pydrake.runtime.core.kernel import main_methods

        self._globals.update(STANDARD_GLOBALS)
        sc = self.singleton_class(self.main)
        sc.methods.update(main_methods())
        for hook in _INIT_HOOKS:
            hook(self)

    # ------------------------------------------------------------ output

    @property
    def stdout(self) -> TextIO:
        """Where ``puts`` writes: this thread's redirection, else ``sys.stdout``."""
        out = self._ts.out
        return sys.stdout if out is None else out

    @property
    def stderr(self) -> TextIO:
        """Where ``warn`` writes: this thread's redirection, else ``sys.stderr``."""
        err = self._ts.errout
        return sys.stderr if err is None else err

    def push_output(self, out: TextIO | None, err: TextIO | None) -> None:
        """Redirect this thread's output (None keeps a stream as it is) until ``pop_output``."""
        ts = self._ts
        ts.saved_outputs.append((ts.out, ts.errout))
        if out is not None:
            ts.out = out
        if err is not None:
            ts.errout = err

    def pop_output(self) -> None:
        """Undo the latest ``push_output`` of this thread."""
        ts = self._ts
        ts.out, ts.errout = ts.saved_outputs.pop()

    def inherit_thread(self) -> Callable[[], None]:
        """On a thread starting another that runs Ruby code: what the new thread calls first, to
        write where this one writes (until its ``pop_output``) and belong to the same task."""
        out, err = self.stdout, self.stderr
        installers = [hook() for hook in self.thread_inheritance]

        def install() -> None:
            self.push_output(out, err)
            for installer in installers:
                installer()

        return install

    # ------------------------------------------------------------ frames and errors

    def frame(self) -> Frame | None:
        """The frame of the Ruby code running in this thread (the caller, for a built-in method)."""
        stack = self._ts.stack
        return stack[-1] if stack else None

    def thread_state(self) -> _ThreadState:
        """This thread's interpreter state."""
        return self._ts

    def current_error(self) -> Any:
        """``$!``: the exception being handled in this thread."""
        return self._ts.err

    def make_error(self, cls: RClass | str, message: str) -> RubyError:
        """A Ruby exception of ``cls`` (a class or core class name) with its backtrace taken now."""
        klass = self._error_class(cls) if isinstance(cls, str) else cls
        exc = new_exception(klass, message)
        self.stamp(exc)
        return RubyError(exc)

    def _error_class(self, name: str) -> RClass:
        cls = CORE.get(name)
        if cls is None:
            cur: Any = OBJECT
            for part in name.split("::"):
                cur = self.lookup_const_in(cur, part, None) if isinstance(cur, RModule) else None
            cls = cur
        if not isinstance(cls, RClass):
            raise KeyError(f"no exception class {name}")
        return cls

    def error(self, cls: RClass | str, message: str) -> RubyError:
        """Protocol: a Ruby exception ready to ``raise``."""
        return self.make_error(cls, message)

    def stamp(self, exc: RObject) -> None:
        """Record the backtrace (and the cause, ``$!``) of an exception being raised, unless it has one."""
        ivars = exc.ivars
        if "__bt" not in ivars:
            ivars["__bt"] = [(f.file, f.line, f) for f in reversed(self._ts.stack)]
        if "__cause" not in ivars:
            cur = self._ts.err
            ivars["__cause"] = cur if cur is not exc else None

    def backtrace(self, exc: RObject) -> list[str] | None:
        """The backtrace lines of an exception: ``file:line:in `label'``."""
        bt = exc.ivars.get("__bt")
        if bt is None:
            return None
        if bt and isinstance(bt[0], tuple):
            bt = [f"{file}:{line}:in `{fr.describe()}'" for file, line, fr in bt]
            exc.ivars["__bt"] = bt
        return [b.s if isinstance(b, RString) else str(b) for b in bt]

    def caller_lines(self, skip: int = 0) -> list[str]:
        """``caller``: the backtrace of the current point, innermost first."""
        frames = list(reversed(self._ts.stack))
        return [f"{f.file}:{f.line}:in `{f.describe()}'" for f in frames[skip:]]

    def no_method_error(self, recv: Any, name: str, vcall: bool = False, private: bool = False) -> RubyError:
        """NameError/NoMethodError in Ruby 3.1's words."""
        desc = errors.receiver_description(self, recv)
        if private:
            err = self.make_error("NoMethodError", f"private method `{name}' called for {desc}")
        elif vcall:
            err = self.make_error("NameError", f"undefined local variable or method `{name}' for {desc}")
        else:
            err = self.make_error("NoMethodError", f"undefined method `{name}' for {desc}")
        err.exc.ivars["__name"] = Symbol.of(name)
        err.exc.ivars["__receiver"] = recv
        return err

    # ------------------------------------------------------------ method calls

    def signature(self, params: Any) -> Signature:
        """The binding plan of a parameter list (cached per node)."""
        if params is None:
            return _EMPTY_SIG
        sig = self._sigs.get(id(params))
        if sig is None or sig.params is not params:
            sig = self._sigs[id(params)] = Signature(params)
        return sig

    def send(
        self,
        recv: Any,
        name: str,
        args: Any = (),
        kw: RHash | None = None,
        block: RProc | None = None,
        fcall: bool = True,
    ) -> Any:
        """Call ``recv.name(*args, **kw, &block)``; ``fcall`` when written without an explicit receiver."""
        if recv.__class__ is RObject:  # class_of's answer, without the call
            cls = recv.cls
        elif isinstance(recv, RModule):
            cls = None
        else:
            cls = class_of(recv)
        if cls is None:
            m = self.resolve_singleton(recv, name)
        else:
            cache = self._mcache.get(cls)
            m = cache.get(name, _NOSELF) if cache is not None else _NOSELF
            if m is _NOSELF:
                m = self.resolve(cls, name)
        if m is None:
            return self.method_missing(recv, name, args, kw, block, fcall, False)
        return self.call_method(m, recv, name, args, kw, block, fcall)

    def call_method(
        self, m: Any, recv: Any, name: str, args: Any, kw: RHash | None, block: RProc | None, fcall: bool = True
    ) -> Any:
        """Run a method found for ``recv`` (a UserMethod or a built-in function)."""
        if type(m) is UserMethod:
            if m.visibility == "private" and not fcall and not name.endswith("="):
                raise self.no_method_error(recv, name, private=True)
            return self.invoke(m, recv, args, kw, block)
        if kw is not None:
            return self._call_builtin_kw(m, recv, name, (*args, kw), block)
        try:
            return m(self, recv, *args, block=block)
        except RubyError as e:
            if "__bt" not in e.exc.ivars:
                self.stamp(e.exc)
            raise
        except Exception as e:
            err = errors.translate(self, e, recv, name, m, len(args))
            if err is None:
                raise
            raise err from e

    def _call_builtin_kw(self, m: Any, recv: Any, name: str, args: tuple[Any, ...], block: RProc | None) -> Any:
        # the keyword hash, now a trailing argument, may still reach a Ruby method as keywords
        kwids = self._ts.kwids
        key = id(args[-1])
        kwids.add(key)
        try:
            return m(self, recv, *args, block=block)
        except RubyError as e:
            if "__bt" not in e.exc.ivars:
                self.stamp(e.exc)
            raise
        except Exception as e:
            err = errors.translate(self, e, recv, name, m, len(args))
            if err is None:
                raise
            raise err from e
        finally:
            kwids.discard(key)

    def call(self, recv: Any, name: str, *args: Any, block: RProc | None = None) -> Any:
        """Protocol: call a method (private ones too); a trailing Hash may bind to keyword parameters."""
        if args and type(args[-1]) is RHash:
            kwids = self._ts.kwids
            key = id(args[-1])
            kwids.add(key)
            try:
                return self.send(recv, name, args, None, block, True)
            finally:
                kwids.discard(key)
        return self.send(recv, name, args, None, block, True)

    def public_send(self, recv: Any, name: str, args: Any, kw: RHash | None = None, block: RProc | None = None) -> Any:
        """Call a method as with an explicit receiver (private methods refused)."""
        return self.send(recv, name, args, kw, block, False)

    def invoke(self, m: UserMethod, recv: Any, args: Any, kw: RHash | None, block: RProc | None) -> Any:
        """Run a Ruby-defined method on ``recv``."""
        if m.proc is not None:
            return self.call_proc(m.proc, args, kw, block, recv, m)
        env = Env()
        fr = Frame(recv, env, m.cref, m, block, m.file, m.line, None, None, None, m.name, "public", m.cref.mod)
        stack = self._ts.stack
        stack.append(fr)
        try:
            sig = m.sig
            if sig.simple and kw is None and len(args) == sig.nlead:
                if sig.nlead:
                    env.vars = dict(zip(sig.names, args, strict=True))
            else:
                bind(self, sig, args, kw, block, fr, True)
            stmts = m.stmts
            if stmts is None:
                return self.ev_begin(m.body, fr)
            table = self._table
            res = None
            for st in stmts:
                fr.line = st.line
                res = table[st.__class__](st, fr)
            return res
        except ReturnSignal as e:
            if e.home is fr:
                return e.value
            raise
        finally:
            stack.pop()
            fr.active = False

    def call_proc(
        self,
        proc: RProc,
        args: Any = (),
        kw: RHash | None = None,
        block: RProc | None = None,
        self_obj: Any = _NOSELF,
        method: UserMethod | None = None,
        definee: RModule | None = None,
    ) -> Any:
        """Run a block, proc or lambda; ``self_obj``/``definee`` for instance_eval and class_eval,
        ``method`` when the proc is the body of a ``define_method`` method."""
        native = proc.native
        if native is not None:
            if kw:
                args = (*args, kw)
            return native(*args)
        pf: Frame = proc.frame
        lam = proc.is_lambda or method is not None
        env = Env(proc.env)
        fr = Frame(
            proc.self_obj if self_obj is _NOSELF else self_obj,
            env,
            proc.definer,
            pf.method if method is None else method,
            pf.block,
            pf.file,
            pf.line,
            None if lam else pf.home,
            proc,
            pf,
            None,
            pf.vis if definee is None else "public",
            pf.definee if definee is None else definee,
        )
        if pf is not None and fr.svar_frame() is fr:
            # A top-level block keeps its own $~ (it may run on several threads), starting from the
            # defining frame's, so a match made just before the yield (`sub`, `=~`) is seen inside.
            fr.match = pf.svar_frame().match
        stack = self._ts.stack
        stack.append(fr)
        try:
            params = proc.params
            if params is None:
                if lam:
                    bind(self, _EMPTY_SIG, args, kw, block, fr, True)
                elif args:
                    # numbered parameters _1.._9 of a block without a parameter list
                    env.vars.update(zip(_NUMBERED, args, strict=False))
            else:
                sig = self.signature(params)
                if sig.simple and kw is None and not lam:
                    names = sig.names
                    n = len(names)
                    if n == 1:
                        env.vars[names[0]] = args[0] if args else None
                    elif n:
                        if len(args) == 1 and type(args[0]) is list:
                            args = args[0]
                        na = len(args)
                        d = env.vars
                        for i in range(n):
                            d[names[i]] = args[i] if i < na else None
                else:
                    bind(self, sig, args, kw, block, fr, lam)
            body = proc.body
            while True:
                try:
                    return self.body(body, fr)
                except RedoSignal:
                    continue
        except NextSignal as e:
            return e.value
        except BreakSignal as e:
            if lam and e.tag is proc:
                return e.value
            raise
        except ReturnSignal as e:
            if e.home is fr:
                return e.value
            if not e.home.active:
                raise self.make_error("LocalJumpError", "unexpected return") from None
            raise
        finally:
            stack.pop()
            fr.active = False

    def call_block(self, block: RProc, *args: Any) -> Any:
        """Protocol: yield ``args`` to a block (an Array argument auto-splats over several parameters)."""
        if block.native is not None:
            return block.native(*args)
        stack = self._ts.stack
        outermost = not stack
        try:
            return self.call_proc(block, args)
        except BreakSignal:
            if outermost:
                raise self.make_error("LocalJumpError", "break from proc-closure") from None
            raise

    def method_missing(
        self, recv: Any, name: str, args: Any, kw: RHash | None, block: RProc | None, fcall: bool, vcall: bool
    ) -> Any:
        """No method ``name``: call a Ruby-defined ``method_missing``, else raise NameError/NoMethodError."""
        mm = self.find_method(recv, "method_missing")
        if type(mm) is UserMethod:
            return self.invoke(mm, recv, (Symbol.of(name), *args), kw, block)
        if mm is not None and mm is not BASIC_OBJECT.methods.get("method_missing"):
            # A built-in class answering any name (Rake::TaskArguments#method_missing).
            return mm(self, recv, Symbol.of(name), *args, *([kw] if kw else []), block=block)
        raise self.no_method_error(recv, name, vcall=vcall)

    def respond_to(self, recv: Any, name: str, include_all: bool = False) -> bool:
        """``recv.respond_to?(name)``, honouring visibility and ``respond_to_missing?``."""
        m = self.find_method(recv, name)
        if m is not None:
            return include_all or type(m) is not UserMethod or m.visibility != "private"
        rtm = self.find_method(recv, "respond_to_missing?")
        if type(rtm) is UserMethod:
            return truthy(self.invoke(rtm, recv, (Symbol.of(name), include_all), None, None))
        return False

    def responds_to(self, recv: Any, name: str) -> bool:
        """Protocol: whether ``recv`` has a method ``name``."""
        return self.find_method(recv, name) is not None

    def new_object(self, cls: RClass, args: Any, block: RProc | None, kw: RHash | None = None) -> Any:
        """``cls.new(*args)``: allocate an object and run its ``initialize``."""
        if type(cls) in (SingletonClass, MetaClass):
            raise self.make_error("TypeError", "can't create instance of singleton class")
        obj = RObject(cls)
        init = self.resolve(cls, "initialize")
        if init is not None:
            self.call_method(init, obj, "initialize", args, kw, block, True)
        return obj

    def new_class(self, name: str | None, superclass: RClass | None, parent: RModule | None = None) -> UserClass:
        """A new class owned by this interpreter."""
        return UserClass(name, superclass or OBJECT, parent)

    def new_module(self, name: str | None, parent: RModule | None = None) -> UserModule:
        """A new module owned by this interpreter."""
        return UserModule(name, parent)

    def make_method(
        self, name: str, proc: RProc, owner: RModule, visibility: str = "public", singleton: bool = False
    ) -> UserMethod:
        """A method whose body is a block (``define_method``)."""
        pf = proc.frame
        m = UserMethod(
            name,
            proc.params,
            None,
            owner,
            visibility,
            pf.file if pf else "",
            pf.line if pf else 0,
            self.signature(proc.params),
            singleton,
            proc,
        )
        m.cref = proc.definer
        return m

    def find_method_in(self, mod: RModule, name: str) -> Any:
        """The instance method ``name`` as seen from ``mod`` (singleton methods for a ``class << x`` view)."""
        if type(mod) is MetaClass:
            return self.resolve_singleton(mod.attached, name)
        return self.resolve(mod, name)

    def own_method(self, mod: RModule, name: str) -> Any:
        """The entry for ``name`` in ``mod``'s own method table (overlay first), or None."""
        return self._own_method(mod, name)

    def singleton_method_names(self, mod: RModule) -> list[str]:
        """Names of the class methods defined on ``mod`` itself and the modules it was extended with."""
        names: list[str] = []
        ov = self.overlay(mod)
        for table in ((ov.smethods if ov else {}), mod.smethods):
            for n in table:
                if n not in names:
                    names.append(n)
        for ext in self.own_extends(mod):
            for n in self.own_method_names(ext):
                if n not in names:
                    names.append(n)
        return names

    def class_for_lookup(self, value: Any) -> RModule:
        """The class whose ancestors hold ``value``'s instance methods (singleton class included)."""
        if isinstance(value, RModule):
            return self.meta_of(value)
        return class_of(value)

    def describe_class_of(self, value: Any) -> str:
        """``class `Foo'`` as NameError messages about methods say it."""
        if isinstance(value, RModule):
            return f"class `{self.module_name(self.meta_of(value))}'"
        return f"class `{self.module_name(self.real_class(value))}'"

    def copy_module(self, mod: RModule) -> RModule:
        """``Mod.dup``: a new module or class with copies of the method and constant tables."""
        if isinstance(mod, RClass):
            copy: RModule = UserClass(None, mod.superclass)
        else:
            copy = UserModule(None)
        src = self.tables(mod)
        copy.methods.update(mod.methods)
        copy.methods.update(src.methods)
        copy.smethods.update(mod.smethods)
        copy.smethods.update(src.smethods)
        copy.constants.update(mod.constants)
        copy.constants.update(src.constants)
        copy.includes.extend(self.own_includes(mod))
        return copy

    def eval_in(self, self_obj: Any, text: str, definee: RModule | None, cref_module: RModule | None = None) -> Any:
        """``instance_eval(string)`` / ``class_eval(string)``: run source with another self."""
        caller = self.frame()
        program = self.parse(text, "(eval)")
        cref = (
            Cref(cref_module, caller.cref if caller else self.top_cref)
            if cref_module
            else (caller.cref if caller else self.top_cref)
        )
        fr = Frame(
            self_obj,
            Env(),
            cref,
            None,
            None,
            "(eval)",
            0,
            None,
            None,
            None,
            "<eval>",
            "public",
            definee if definee is not None else OBJECT,
        )
        stack = self._ts.stack
        stack.append(fr)
        try:
            return self.body(program.body, fr)
        finally:
            stack.pop()
            fr.active = False

    def eval_in_binding(self, binding: Any, text: str, filename: str = "(eval)") -> Any:
        """Run source in a Binding's scope: its self, local variables and constants."""
        bf = binding.frame
        program = self.parse(text, filename)
        fr = Frame(
            bf.self_obj,
            binding.env,
            bf.cref,
            bf.method,
            bf.block,
            filename,
            0,
            None,
            None,
            None,
            bf.label or "<eval>",
            bf.vis,
            bf.definee,
        )
        stack = self._ts.stack
        stack.append(fr)
        try:
            return self.body(program.body, fr)
        finally:
            stack.pop()
            fr.active = False

    # ------------------------------------------------------------ values

    def real_class(self, value: Any) -> RClass:
        """``value.class``: its class, skipping singleton classes."""
        cls = class_of(value)
        while type(cls) is SingletonClass:
            cls = cls.superclass  # type: ignore[assignment]
        return cls

    def is_a(self, value: Any, cls: RModule) -> bool:
        """Protocol: ``value.is_a?(cls)``."""
        if isinstance(value, RModule):
            if cls in self.ancestors(class_of(value)):
                return True
            return any(cls in self.ancestors(e) for e in self.own_extends(value))
        return cls in self.ancestors(class_of(value))

    def is_exception(self, value: Any) -> bool:
        """Whether ``value`` is a Ruby exception object."""
        return type(value) is RObject and EXCEPTION in self.ancestors(value.cls)

    def ivars_of(self, obj: Any) -> dict[str, Any]:
        """The instance-variable table of any object."""
        t = type(obj)
        if t is RObject:
            return obj.ivars
        if isinstance(obj, RModule):
            return obj.ivars if is_owned(obj) else self.tables(obj).ivars
        entry = self._xivars.get(id(obj))
        if entry is None:
            entry = self._xivars.setdefault(id(obj), (obj, {}))
        return entry[1]

    def any_to_s(self, value: Any) -> str:
        """Ruby's default ``to_s``: ``#<Foo>`` (the class name, no address)."""
        if isinstance(value, RModule):
            return self.module_name(value)
        return f"#<{self.module_name(self.real_class(value))}>"

    def module_name(self, mod: RModule) -> str:
        """``Module#to_s``: its name, or ``#<Class:...>`` for anonymous and singleton classes."""
        if type(mod) is MetaClass:
            return f"#<Class:{self.module_name(mod.attached)}>"
        if type(mod) is SingletonClass:
            return f"#<Class:{self.inspect(mod.attached)}>"
        if mod.name is not None:
            return mod.name
        kind = "Class" if isinstance(mod, RClass) else "Module"
        return f"#<{kind}:0x{id(mod):016x}>"

    def inspect(self, value: Any) -> str:
        """Protocol: ``value.inspect`` as text."""
        r = self.send(value, "inspect")
        return r.s if isinstance(r, RString) else self.to_s(r)

    def to_s(self, value: Any) -> str:
        """Protocol: ``value.to_s`` as text (a non-String result gives the default ``#<Foo>``)."""
        t = type(value)
        if t is RString:
            return value.s
        if t is int:
            return str(value)
        if t is Symbol:
            return value.name
        if value is None:
            return ""
        r = self.send(value, "to_s")
        if isinstance(r, RString):
            return r.s
        return self.any_to_s(value)

    def eq(self, a: Any, b: Any) -> bool:
        """Protocol: Ruby ``a == b``."""
        ta = type(a)
        if ta is int or ta is float:
            tb = type(b)
            if (tb is int or tb is float) and self.core_pure:
                return a == b
        elif ta is Symbol or a is None or ta is bool:
            return a is b
        return truthy(self.send(a, "==", (b,)))

    def compare(self, a: Any, b: Any) -> int:
        """Protocol: ``a <=> b`` as -1/0/1 (ArgumentError "comparison of X with Y failed" when nil)."""
        ta, tb = type(a), type(b)
        if (ta is int or ta is float) and (tb is int or tb is float) and self.core_pure:
            return -1 if a < b else (1 if a > b else 0)
        r = self.send(a, "<=>", (b,))
        if r is None:
            if b is None or b is True or b is False or tb in (int, float, Symbol):
                what = self.inspect(b)
            else:
                what = self.module_name(self.real_class(b))
            raise self.make_error(
                "ArgumentError", f"comparison of {self.module_name(self.real_class(a))} with {what} failed"
            )
        return -1 if r < 0 else (1 if r > 0 else 0)

    # ------------------------------------------------------------ globals

    def get_global(self, name: str) -> Any:
        """Protocol: a global variable; nil when unset."""
        name = self._galiases.get(name, name)
        if name in _SPECIAL_GET:
            return _SPECIAL_GET[name](self)
        return self._globals.get(name)

    def set_global(self, name: str, value: Any) -> None:
        """Protocol: set a global variable (``$~`` and ``$1`` are per frame, ``$!`` and ``$?`` per thread)."""
        name = self._galiases.get(name, name)
        setter = _SPECIAL_SET.get(name)
        if setter is not None:
            setter(self, value)
        else:
            self._globals[name] = value

    def has_global(self, name: str) -> bool:
        """Whether a global variable has been assigned (for ``defined?``)."""
        name = self._galiases.get(name, name)
        if name in _SPECIAL_GET:
            return name not in ("$~", "$!", "$@", "$?") or _SPECIAL_GET[name](self) is not None
        return name in self._globals

    def alias_global(self, new: str, old: str) -> None:
        """``alias $new $old``."""
        self._galiases[new] = self._galiases.get(old, old)

    def _match_frame(self) -> Frame | None:
        stack = self._ts.stack
        return stack[-1].svar_frame() if stack else None

    def last_match(self) -> Any:
        """``$~`` of the running frame."""
        fr = self._match_frame()
        return fr.match if fr is not None else None

    @property
    def random(self) -> Any:
        """The generator behind ``rand``/``srand`` (made on first use)."""
        if self._random is None:
            import random

            self._random = random.Random()
        return self._random

    # ------------------------------------------------------------ loading

    def register_feature(self, name: str, fn: Feature) -> None:
        """What ``require name`` does: ``fn(rt)`` runs on the first require."""
        self._features[name] = fn

    def define_global_function(self, name: str, fn: Callable[..., Any]) -> None:
        """A built-in callable from anywhere as a private method of Object (``task``, ``sh``...)."""
        self.add_method(OBJECT, name, fn)

    def require(self, name: str) -> bool:
        """``require name``: a registered feature or a ``.rb`` file on ``$LOAD_PATH``; false when already loaded."""
        with self._lock:
            key = name[:-3] if name.endswith(".rb") else name
            if key in self._required:
                return False
            fn = self._features.get(key)
            if fn is None and key not in _DEFAULT_FEATURES:
                fn = self._feature_on_require(key)
            if fn is not None:
                self._required.add(key)
                fn(self)
                self.invalidate_ancestors()
                self._loaded_feature(key)
                return True
            path = self._find_library(name)
            if path is None:
                raise self.make_error("LoadError", f"cannot load such file -- {name}")
            if path in self._loaded_paths:
                return False
            self._loaded_paths.add(path)
            self._loaded_feature(path)
            self.load_file(path)
            return True

    def _feature_on_require(self, key: str) -> Feature | None:
        """Load the standard-library shims kept out of start-up, then look ``key`` up again."""
        from pydrake.runtime import core

        for feature in (key, None):  # the library's own shim first, then every one
            core.load_on_require(feature)
            for name, fn in _DEFAULT_FEATURES.items():
                self._features.setdefault(name, fn)
            found = self._features.get(key)
            if found is not None:
                return found
        return None

    def require_relative(self, name: str, base_file: str) -> bool:
        """``require_relative name`` from the file ``base_file``."""
        base = os.path.dirname(os.path.abspath(base_file))
        wanted = os.path.normpath(os.path.join(base, name))
        path = wanted if wanted.endswith(".rb") or os.path.isfile(wanted) else wanted + ".rb"
        with self._lock:
            if path in self._loaded_paths:
                return False
            if not os.path.isfile(path):
                raise self.make_error("LoadError", f"cannot load such file -- {wanted}")
            self._loaded_paths.add(path)
            self._loaded_feature(path)
            self.load_file(path)
            return True

    def load(self, name: str) -> bool:
        """``load path``: run the file every time."""
        path = name if os.path.isfile(name) else self._find_library(name, add_ext=False)
        if path is None:
            raise self.make_error("LoadError", f"cannot load such file -- {name}")
        self.load_file(path)
        return True

    def _loaded_feature(self, path: str) -> None:
        self._globals['$"'].append(RString(path))

    def _find_library(self, name: str, add_ext: bool = True) -> str | None:
        names = [name]
        if add_ext and not name.endswith(".rb"):
            names.insert(0, name + ".rb")
        if os.path.isabs(name) or name.startswith(("./", "../")):
            dirs = [""]
        else:
            dirs = [self.to_s(d) for d in self._globals.get("$:") or []]
            if not add_ext:
                dirs.append("")
        for d in dirs:
            for n in names:
                path = os.path.join(d, n) if d else n
                if os.path.isfile(path):
                    return os.path.abspath(path)
        return None

    def parse(self, text: str, filename: str, cached: bool = False) -> Any:
        """Parse Ruby source (a Ruby SyntaxError when it does not parse); ``cached``: a file's text."""
        from pydrake.syntax import parser

        try:
            program = parser.parse_file(text, filename) if cached else parser.parse(text, filename)
        except RubyError:
            raise
        except Exception as e:
            if isinstance(e, SyntaxError) or type(e).__name__.endswith(("SyntaxError", "ParseError", "LexError")):
                raise self.make_error("SyntaxError", str(e)) from e
            raise
        if program.warnings and self.get_global("$VERBOSE") is not None:
            for line, message in program.warnings:
                self.stderr.write(f"{filename}:{line}: warning: {message}\n")
        return program

    def load_file(self, path: str) -> Any:
        """Read, parse and run a file at top level (``load``, ``require``, Rakefile imports)."""
        try:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
        except OSError as e:
            err = errors.translate(self, e, CORE["File"], "read")
            if err is None:
                raise
            raise err from e
        return self.run_program(self.parse(text, path, cached=True), path, "<top (required)>")

    def eval_source(self, text: str, filename: str = "(eval)") -> Any:
        """Parse and run Ruby source at top level."""
        return self.run_program(self.parse(text, filename), filename)

    def run_program(self, program: Any, file: str | None = None, label: str = "<main>") -> Any:
        """Evaluate a top-level Program with self = main."""
        file = program.file if file is None else file
        fr = Frame(self.main, Env(), self.top_cref, None, None, file, 0, None, None, None, label, "private", OBJECT)
        stack = self._ts.stack
        stack.append(fr)
        try:
            return self.body(program.body, fr)
        except ReturnSignal as e:
            if e.home is fr:
                return None
            raise
        finally:
            stack.pop()
            fr.active = False

    def at_exit(self, block: RProc) -> None:
        """Remember a block to run at exit."""
        self._at_exit.append(block)

    def run_at_exit(self) -> None:
        """Run the ``at_exit`` blocks, last registered first; re-raise the last Ruby error one raised."""
        failure: RubyError | None = None
        while self._at_exit:
            block = self._at_exit.pop()
            try:
                self.call_block(block)
            except RubyError as e:
                failure = e
        if failure is not None:
            raise failure


def _noop_feature(rt: Any) -> None:
    return None


# name -> feature installed into every new interpreter (see ``default_feature``)
_DEFAULT_FEATURES: dict[str, Feature] = {}
# functions run on every new interpreter after it is set up
_INIT_HOOKS: list[Callable[[Interpreter], None]] = []


def default_feature(name: str) -> Callable[[Feature], Feature]:
    """Register, at import time, what ``require name`` does in every interpreter created afterwards."""

    def register(fn: Feature) -> Feature:
        _DEFAULT_FEATURES[name] = fn
        return fn

    return register


def on_new_interpreter(fn: Callable[[Interpreter], None]) -> Callable[[Interpreter], None]:
    """Register, at import time, a function run on each new interpreter (to add constants, globals...)."""
    _INIT_HOOKS.append(fn)
    return fn


# ---------------------------------------------------------------- special globals


def _get_match(rt: Interpreter) -> Any:
    return rt.last_match()


def _set_match(rt: Interpreter, value: Any) -> None:
    fr = rt._match_frame()
    if fr is not None:
        fr.match = value


def _match_part(which: str) -> Callable[[Interpreter], Any]:
    def get(rt: Interpreter) -> Any:
        m = rt.last_match()
        if m is None:
            return None
        mt = m.match
        if which == "&":
            return RString(mt.group(0))
        if which == "`":
            return RString(m.string[: mt.start()])
        if which == "'":
            return RString(m.string[mt.end() :])
        groups = [g for g in mt.groups() if g is not None]
        return RString(groups[-1]) if groups else None

    return get


def _get_err(rt: Interpreter) -> Any:
    return rt._ts.err


def _set_err(rt: Interpreter, value: Any) -> None:
    rt._ts.err = value


def _get_err_pos(rt: Interpreter) -> Any:
    err = rt._ts.err
    if err is None:
        return None
    bt = rt.backtrace(err)
    return None if bt is None else [RString(b) for b in bt]


def _get_status(rt: Interpreter) -> Any:
    return rt._ts.status


def _set_status(rt: Interpreter, value: Any) -> None:
    rt._ts.status = value


def _get_pid(rt: Interpreter) -> Any:
    return os.getpid()


_SPECIAL_GET: dict[str, Callable[[Interpreter], Any]] = {
    "$~": _get_match,
    "$&": _match_part("&"),
    "$`": _match_part("`"),
    "$'": _match_part("'"),
    "$+": _match_part("+"),
    "$!": _get_err,
    "$@": _get_err_pos,
    "$?": _get_status,
    "$$": _get_pid,
}

_SPECIAL_SET: dict[str, Callable[[Interpreter, Any], None]] = {
    "$~": _set_match,
    "$!": _set_err,
    "$?": _set_status,
}
