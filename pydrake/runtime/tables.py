"""Per-interpreter module tables: user classes, overlays on the shared core classes, method lookup caches.

The core class objects in ``classes.py`` are shared by every interpreter in
the process and never change at run time.  Whatever a program adds to a core
class or module (a top-level ``def``, reopening ``class String``, ``include``
at top level, a constant, a class variable) goes into that interpreter's
``Overlay`` for the class, consulted before the core tables.  Classes and
modules the program creates are ``UserClass``/``UserModule`` objects owned by
the interpreter and changed in place.
"""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import CLASS, FIXED_TYPES, MODULE, OBJECT, class_of, register_type
from pydrake.runtime.objects import RClass, RModule, RObject

# A method-table entry hiding every inherited method of that name (``undef_method``).
UNDEF: Any = object()
# Cache sentinel: lookup not done yet (None caches "no such method").
_UNKNOWN: Any = object()


class UserModule(RModule):
    """A module created by the program."""

    def __init__(self, name: str | None, lexical_parent: RModule | None = None) -> None:
        super().__init__(name, lexical_parent)  # type: ignore[arg-type]
        self.prepends: list[RModule] = []
        self.cvars: dict[str, Any] = {}


class UserClass(RClass):
    """A class created by the program (``class Foo``, ``Class.new``, ``Struct.new``)."""

    def __init__(self, name: str | None, superclass: RClass | None, lexical_parent: RModule | None = None) -> None:
        super().__init__(name, superclass, lexical_parent)  # type: ignore[arg-type]
        self.prepends: list[RModule] = []
        self.cvars: dict[str, Any] = {}


class SingletonClass(UserClass):
    """The singleton class of one object (``def obj.x``, ``obj.extend(M)``); its superclass is the object's class."""

    def __init__(self, attached: Any, superclass: RClass) -> None:
        super().__init__(None, superclass)
        self.attached = attached


class MetaClass(UserClass):
    """``class << Mod``: a view whose method table is the module's singleton-method table."""

    def __init__(self, attached: RModule, smethods: dict[str, Any], extends: list[RModule]) -> None:
        super().__init__(None, CLASS)
        self.attached = attached
        self.methods = smethods
        self.includes = extends


class Overlay:
    """What one interpreter added to a shared core class or module."""

    __slots__ = ("methods", "smethods", "constants", "includes", "extends", "prepends", "ivars", "cvars")

    def __init__(self, constants: dict[str, Any] | None = None) -> None:
        self.methods: dict[str, Any] = {}
        self.smethods: dict[str, Any] = {}
        self.constants: dict[str, Any] = {} if constants is None else constants
        self.includes: list[RModule] = []
        self.extends: list[RModule] = []
        self.prepends: list[RModule] = []
        self.ivars: dict[str, Any] = {}
        self.cvars: dict[str, Any] = {}


class UserMethod:
    """A method defined in Ruby: by ``def`` (``params``/``body``) or by ``define_method`` (``proc``)."""

    __slots__ = (
        "name",
        "params",
        "body",
        "stmts",
        "owner",
        "visibility",
        "file",
        "line",
        "singleton",
        "sig",
        "proc",
        "cref",
    )

    def __init__(
        self,
        name: str,
        params: Any,
        body: Any,
        owner: RModule,
        visibility: str,
        file: str,
        line: int,
        sig: Any,
        singleton: bool = False,
        proc: Any = None,
    ) -> None:
        self.name = name
        self.params = params
        self.body = body  # an ast.Begin
        # the plain statement list when the body has no rescue/else/ensure
        self.stmts = None
        if body is not None and not body.rescues and body.else_ is None and body.ensure is None:
            self.stmts = body.body
        self.owner = owner
        self.visibility = visibility
        self.file = file
        self.line = line
        self.sig = sig
        self.singleton = singleton
        self.proc = proc
        self.cref: Any = None  # the lexical scope of the definition (frames.Cref)

    def with_visibility(self, visibility: str) -> UserMethod:
        """A copy of this method with another visibility."""
        m = UserMethod(
            self.name,
            self.params,
            self.body,
            self.owner,
            visibility,
            self.file,
            self.line,
            self.sig,
            self.singleton,
            self.proc,
        )
        m.cref = self.cref
        return m


_OWNED = (UserModule, UserClass, SingletonClass, MetaClass)


def is_owned(mod: RModule) -> bool:
    """Whether the module was created by a program (as opposed to a shared core module)."""
    return type(mod) in _OWNED


class ModuleTables:
    """Method, constant and ancestor bookkeeping of one interpreter (mixed into the Interpreter)."""

    def _init_tables(self, top_constants: dict[str, Any]) -> None:
        self._overlays: dict[RModule, Overlay] = {OBJECT: Overlay(top_constants)}
        self._mcache: dict[RModule, dict[str, Any]] = {}
        self._scache: dict[RModule, dict[str, Any]] = {}
        self._acache: dict[RModule, list[RModule]] = {}
        self._metas: dict[RModule, MetaClass] = {}
        self.core_pure = True  # no overlay touches Integer/Float arithmetic

    # ------------------------------------------------------------ tables

    def tables(self, mod: RModule) -> Any:
        """Where definitions on ``mod`` go: the module itself when owned, else its overlay."""
        if type(mod) in _OWNED:
            return mod
        ov = self._overlays.get(mod)
        if ov is None:
            ov = self._overlays.setdefault(mod, Overlay())
            if mod.name in ("Integer", "Float", "Numeric", "Comparable"):
                self.core_pure = False
        return ov

    def overlay(self, mod: RModule) -> Overlay | None:
        """The overlay of a core module, if the program touched it."""
        return self._overlays.get(mod)

    def invalidate(self) -> None:
        """Forget cached lookups after a method table or an ancestor list changed."""
        self._mcache = {}
        self._scache = {}

    def invalidate_ancestors(self) -> None:
        """Forget cached ancestor lists (after include/prepend/extend)."""
        self._acache = {}
        self.invalidate()

    def own_includes(self, mod: RModule) -> list[RModule]:
        """Modules included directly into ``mod``, oldest first."""
        ov = self._overlays.get(mod)
        if ov is None or not ov.includes:
            return mod.includes
        return mod.includes + ov.includes

    def own_prepends(self, mod: RModule) -> list[RModule]:
        """Modules prepended directly to ``mod``, oldest first."""
        if type(mod) in _OWNED:
            return mod.prepends  # type: ignore[attr-defined]
        ov = self._overlays.get(mod)
        return ov.prepends if ov is not None else []

    def own_extends(self, mod: RModule) -> list[RModule]:
        """Modules ``mod`` was extended with, oldest first."""
        ov = self._overlays.get(mod)
        if ov is None or not ov.extends:
            return mod.extends
        return mod.extends + ov.extends

    # ------------------------------------------------------------ ancestors

    def ancestors(self, mod: RModule) -> list[RModule]:
        """Method resolution order of ``mod``: prepends, itself, includes (newest first), then its superclass's.

        A module reached only through another include is skipped when the
        superclass chain already has it, as Ruby does when it is included.
        """
        anc = self._acache.get(mod)
        if anc is None:
            sup: list[RModule] = []
            if isinstance(mod, RClass) and mod.superclass is not None:
                sup = self.ancestors(mod.superclass)
            chain: list[RModule] = []
            self._chain(mod, chain)
            direct = {id(mod)} | {id(m) for m in self.own_includes(mod)} | {id(m) for m in self.own_prepends(mod)}
            in_sup = {id(m) for m in sup}
            seen: set[int] = set()
            level: list[RModule] = []
            for m in chain:
                key = id(m)
                if key in seen or (key in in_sup and key not in direct):
                    continue
                seen.add(key)
                level.append(m)
            anc = level + sup
            self._acache[mod] = anc
        return anc

    def _chain(self, mod: RModule, out: list[RModule]) -> None:
        for p in reversed(self.own_prepends(mod)):
            self._chain(p, out)
        out.append(mod)
        for inc in reversed(self.own_includes(mod)):
            self._chain(inc, out)

    # ------------------------------------------------------------ method lookup

    def _own_method(self, mod: RModule, name: str) -> Any:
        ov = self._overlays.get(mod)
        if ov is not None:
            m = ov.methods.get(name)
            if m is not None:
                return m
        return mod.methods.get(name)

    def resolve(self, cls: RModule, name: str) -> Any:
        """The instance method ``name`` of ``cls`` (a builtin function or UserMethod), or None; cached."""
        cache = self._mcache.get(cls)
        if cache is None:
            cache = self._mcache[cls] = {}
        m = cache.get(name, _UNKNOWN)
        if m is _UNKNOWN:
            m = None
            for mod in self.ancestors(cls):
                found = self._own_method(mod, name)
                if found is not None:
                    m = None if found is UNDEF else found
                    break
            cache[name] = m
        return m

    def resolve_singleton(self, mod: RModule, name: str) -> Any:
        """The method ``name`` called on the class or module ``mod`` itself, or None; cached."""
        cache = self._scache.get(mod)
        if cache is None:
            cache = self._scache[mod] = {}
        m = cache.get(name, _UNKNOWN)
        if m is _UNKNOWN:
            m = self._find_singleton(mod, name)
            cache[name] = m
        return m

    def _find_singleton(self, mod: RModule, name: str, start_after: RModule | None = None) -> Any:
        cur: RModule | None = mod
        skipping = start_after is not None
        while cur is not None:
            if skipping:
                skipping = cur is not start_after
            else:
                ov = self._overlays.get(cur)
                found = ov.smethods.get(name) if ov is not None else None
                if found is None:
                    found = cur.smethods.get(name)
                if found is None:
                    for ext in reversed(self.own_extends(cur)):
                        for a in self.ancestors(ext):
                            found = self._own_method(a, name)
                            if found is not None:
                                break
                        if found is not None:
                            break
                if found is not None:
                    return None if found is UNDEF else found
            cur = cur.superclass if isinstance(cur, RClass) else None
        return self.resolve(CLASS if isinstance(mod, RClass) else MODULE, name)

    def find_method(self, recv: Any, name: str) -> Any:
        """The method ``recv.name`` would run, or None."""
        if isinstance(recv, RModule):
            return self.resolve_singleton(recv, name)
        return self.resolve(class_of(recv), name)

    def super_method(self, method: UserMethod, recv: Any, name: str) -> Any:
        """The method ``super`` reaches from ``method`` running on ``recv``."""
        owner = method.owner
        if method.singleton and isinstance(recv, RModule):
            return self._find_singleton(recv, name, start_after=owner)
        anc = self.ancestors(class_of(recv))
        try:
            idx = anc.index(owner)
        except ValueError:
            return None
        for mod in anc[idx + 1 :]:
            found = self._own_method(mod, name)
            if found is not None:
                return None if found is UNDEF else found
        return None

    def method_owner(self, recv: Any, name: str) -> RModule | None:
        """The module whose table holds the method ``recv.name``."""
        if isinstance(recv, RModule):
            cur: RModule | None = recv
            while cur is not None:
                ov = self._overlays.get(cur)
                if (ov is not None and name in ov.smethods) or name in cur.smethods:
                    return self.meta_of(cur)
                for ext in reversed(self.own_extends(cur)):
                    for a in self.ancestors(ext):
                        if self._own_method(a, name) is not None:
                            return a
                cur = cur.superclass if isinstance(cur, RClass) else None
            cls = CLASS if isinstance(recv, RClass) else MODULE
        else:
            cls = class_of(recv)
        for mod in self.ancestors(cls):
            if self._own_method(mod, name) is not None:
                return mod
        return None

    # ------------------------------------------------------------ definitions

    def add_method(self, mod: RModule, name: str, method: Any) -> None:
        """Define (or replace) the instance method ``name`` of ``mod``."""
        self.tables(mod).methods[name] = method
        self.invalidate()

    def add_smethod(self, mod: RModule, name: str, method: Any) -> None:
        """Define the singleton (class) method ``name`` of the class or module ``mod``."""
        self.tables(mod).smethods[name] = method
        self.invalidate()

    def own_method_names(self, mod: RModule) -> list[str]:
        """Names in ``mod``'s own instance-method table (overlay first)."""
        names: list[str] = []
        ov = self._overlays.get(mod)
        for table in ((ov.methods if ov else {}), mod.methods):
            for n, m in table.items():
                if m is not UNDEF and n not in names:
                    names.append(n)
        return names

    def include_module(self, mod: RModule, inc: RModule) -> None:
        """``mod.include(inc)``."""
        if inc in self.ancestors(mod):
            return
        self.tables(mod).includes.append(inc)
        self.invalidate_ancestors()

    def prepend_module(self, mod: RModule, pre: RModule) -> None:
        """``mod.prepend(pre)``."""
        if pre in self.own_prepends(mod):
            return
        self.tables(mod).prepends.append(pre)
        self.invalidate_ancestors()

    def extend_module(self, mod: RModule, ext: RModule) -> None:
        """``mod.extend(ext)`` for a class or module."""
        if ext in self.own_extends(mod):
            return
        self.tables(mod).extends.append(ext)
        self.invalidate_ancestors()

    def singleton_class(self, obj: Any) -> RClass:
        """The singleton class of an object (created on first use), or the metaclass of a module."""
        if isinstance(obj, RModule):
            return self.meta_of(obj)
        if type(obj) is not RObject:
            return self._native_singleton_class(obj)
        cls = obj.cls
        if type(cls) is SingletonClass and cls.attached is obj:
            return cls
        sc = SingletonClass(obj, cls)
        obj.cls = sc
        return sc

    def _native_singleton_class(self, obj: Any) -> RClass:
        """The singleton class of a Python-backed object (``Rake.application``, a task, a FileList).

        The object moves to a Python subclass of its own type that ``class_of`` maps to the
        singleton class, so method lookup needs no per-call check.
        """
        cls = class_of(obj)
        if type(cls) is SingletonClass and cls.attached is obj:
            return cls
        if isinstance(obj, FIXED_TYPES):
            raise TypeError("can't define singleton")
        base = type(obj)
        sub = type(base.__name__, (base,), {"__slots__": (), "__module__": base.__module__})
        try:
            obj.__class__ = sub
        except TypeError:
            raise TypeError("can't define singleton") from None
        sc = SingletonClass(obj, cls)
        register_type(sub, sc)
        return sc

    def meta_of(self, mod: RModule) -> MetaClass:
        """The ``class << mod`` view of a class or module."""
        meta = self._metas.get(mod)
        if meta is None:
            t = self.tables(mod)
            meta = MetaClass(mod, t.smethods, t.extends)
            self._metas[mod] = meta
        return meta

    # ------------------------------------------------------------ constants

    def own_const(self, mod: RModule, name: str, default: Any = None) -> Any:
        """A constant defined directly in ``mod`` (overlay first), or ``default``."""
        ov = self._overlays.get(mod)
        if ov is not None:
            v = ov.constants.get(name, _UNKNOWN)
            if v is not _UNKNOWN:
                return v
        return mod.constants.get(name, default)

    def has_own_const(self, mod: RModule, name: str) -> bool:
        """Whether ``mod`` itself defines the constant."""
        return self.own_const(mod, name, _UNKNOWN) is not _UNKNOWN

    def const_names(self, mod: RModule) -> list[str]:
        """Names of the constants defined directly in ``mod``."""
        names = list(mod.constants)
        ov = self._overlays.get(mod)
        if ov is not None:
            names += [n for n in ov.constants if n not in mod.constants]
        return names

    def set_const(self, mod: RModule, name: str, value: Any) -> None:
        """Define the constant ``mod::name``; an anonymous class or module takes its name."""
        if isinstance(value, RModule) and value.name is None:
            value.name = name if mod is OBJECT or mod.name is None else f"{mod.name}::{name}"
            if value.lexical_parent is None:
                value.lexical_parent = mod
        self.tables(mod).constants[name] = value

    def lookup_const_in(self, mod: RModule, name: str, default: Any = None, scoped: bool = False) -> Any:
        """A constant of ``mod`` or its ancestors; top-level ones too unless ``scoped`` (``mod::name``)."""
        for a in self.ancestors(mod):
            if scoped and a is OBJECT and mod is not OBJECT:
                return default
            v = self.own_const(a, name, _UNKNOWN)
            if v is not _UNKNOWN:
                return v
        if not isinstance(mod, RClass) and not scoped:
            return self.own_const(OBJECT, name, default)
        return default

    # ------------------------------------------------------------ class variables

    def cvar_holder(self, mod: RModule, name: str) -> Any:
        """The tables (of ``mod`` or an ancestor) holding class variable ``name``, or None."""
        if type(mod) is MetaClass:
            mod = mod.attached
        elif type(mod) is SingletonClass:
            mod = mod.superclass  # type: ignore[assignment]
        for a in self.ancestors(mod):
            t = a if isinstance(a, _OWNED) else self._overlays.get(a)
            if t is not None and name in t.cvars:
                return t
        return None
