"""Plain data classes for the modules on pydrake's start-up path, without the cost of ``dataclasses``.

``@record`` reads a class's annotated fields (inherited ones first) and gives it a keyword-or-
positional ``__init__``, ``__repr__`` and, unless ``eq=False``, value equality; ``frozen=True``
makes instances read-only (and hashable by value).  Defaults are plain values or
``field(default_factory=...)``.  It covers what those modules use of ``dataclasses``, whose import
(with ``inspect``) costs several milliseconds of every run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_NO_DEFAULT = object()

# The ``__init__`` source of every record class of the package, in definition order, by class:
# what ``record_codegen`` writes out ahead of time (test records and the like are left out).
MADE: dict[str, str] = {}


class Field:
    """A field's default made fresh for every instance (``default_factory``), or a fixed default."""

    __slots__ = ("default", "default_factory", "repr")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None, repr: bool) -> None:  # noqa: A002
        self.default = default
        self.default_factory = default_factory
        self.repr = repr


def field(*, default: Any = _NO_DEFAULT, default_factory: Callable[[], Any] | None = None, repr: bool = True) -> Any:  # noqa: A002
    """A field with a default value or a factory of defaults, optionally left out of ``repr``."""
    return Field(default, default_factory, repr)


@dataclass_transform(field_specifiers=(field,))
def record(cls: type[T] | None = None, *, frozen: bool = False, eq: bool = True) -> Any:
    """Decorate a class with annotated fields as a record (usable bare or with options)."""

    def wrap(c: type[T]) -> type[T]:
        return _make(c, frozen, eq)

    return wrap if cls is None else wrap(cls)


def _make(cls: type[T], frozen: bool, eq: bool) -> type[T]:
    fields: dict[str, Any] = {}
    for klass in reversed(cls.__mro__[:-1]):
        for name in klass.__dict__.get("__annotations__", {}):
            if str(klass.__dict__["__annotations__"][name]).startswith("ClassVar"):
                continue
            fields[name] = getattr(klass, "__record_defaults__", {}).get(name, klass.__dict__.get(name, _NO_DEFAULT))
    names = list(fields)
    factories: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    params = []
    body = []
    hidden = set()
    for name, default in fields.items():
        if isinstance(default, Field):
            if not default.repr:
                hidden.add(name)
            if default.default_factory is not None:
                factories[name] = default.default_factory
                params.append(f"{name}=_NO_DEFAULT")
                body.append(f"{name} = _f[{name!r}]() if {name} is _NO_DEFAULT else {name}")
            elif default.default is not _NO_DEFAULT:
                defaults[name] = default.default
                params.append(f"{name}=_d[{name!r}]")
            else:
                params.append(name)
        elif default is _NO_DEFAULT:
            params.append(name)
        else:
            defaults[name] = default
            params.append(f"{name}=_d[{name!r}]")
        if name in cls.__dict__ and isinstance(cls.__dict__[name], Field):
            type.__delattr__(cls, name)
        if name in defaults and name in cls.__dict__:
            type.__setattr__(cls, name, defaults[name])
    setter = "object.__setattr__(self, {n!r}, {n})" if frozen else "self.{n} = {n}"
    body += [setter.format(n=name) for name in names]
    post = "\n    self.__post_init__()" if hasattr(cls, "__post_init__") else ""
    source = f"def __init__(self, {', '.join(params)}):\n    " + ("\n    ".join(body) or "pass") + post
    if cls.__module__.startswith("pydrake."):
        MADE[f"{cls.__module__}.{cls.__qualname__}"] = source
    init = _init_function(source, defaults, factories, f"{cls.__qualname__}.__init__")
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc,method-assign]
    cls.__record_defaults__ = dict(fields)  # type: ignore[attr-defined]
    shown = tuple(n for n in names if n not in hidden)
    if "__repr__" not in cls.__dict__:

        def __repr__(self: Any) -> str:
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in shown)
            return f"{type(self).__qualname__}({inner})"

        cls.__repr__ = __repr__  # type: ignore[method-assign]
    if eq and "__eq__" not in cls.__dict__:

        def __eq__(self: Any, other: object) -> bool:
            if type(other) is not type(self):
                return NotImplemented
            return all(getattr(self, n) == getattr(other, n) for n in names)

        cls.__eq__ = __eq__  # type: ignore[method-assign,assignment]
        if frozen:
            cls.__hash__ = lambda self: hash(tuple(getattr(self, n) for n in names))  # type: ignore[method-assign]
        else:
            cls.__hash__ = None  # type: ignore[assignment]
    if frozen:

        def __setattr__(self: Any, name: str, value: Any) -> None:
            raise AttributeError(f"cannot assign to field {name!r}")

        def __delattr__(self: Any, name: str) -> None:
            raise AttributeError(f"cannot delete field {name!r}")

        cls.__setattr__ = __setattr__  # type: ignore[method-assign,assignment]
        cls.__delattr__ = __delattr__  # type: ignore[method-assign,assignment]
    return cls


def _init_function(source: str, defaults: dict[str, Any], factories: dict[str, Any], label: str) -> Any:
    """The ``__init__`` that ``source`` defines: from the generated ``record_code`` when it has
    this very source (every record of the package), else compiled now (an edited checkout)."""
    try:
        from pydrake.record_code import INITS
    except ImportError:  # a checkout where it was never written
        INITS = {}
    factory = INITS.get(source)
    if factory is not None:
        return factory(defaults, factories, _NO_DEFAULT)
    scope: dict[str, Any] = {"_d": defaults, "_f": factories, "_NO_DEFAULT": _NO_DEFAULT}
    exec(compile(source, f"<pydrake generated: {label}>", "exec"), scope)  # noqa: S102 - our own code
    return scope["__init__"]
