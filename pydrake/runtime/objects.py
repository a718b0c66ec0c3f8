"""Ruby values as Python objects: the value model every runtime module shares.

Mapping (the contract for built-in methods):

    nil            -> None
    true / false   -> True / False
    Integer        -> int          Float -> float
    String         -> RString      (mutable; ``.s`` holds the text)
    Symbol         -> Symbol       (interned; ``Symbol.of("name")``)
    Array          -> list
    Hash           -> RHash        (dict subclass with Ruby defaults)
    Range          -> RRange
    Regexp         -> RRegexp      MatchData -> RMatch
    Proc / lambda  -> RProc        (created by the interpreter)
    other objects  -> RObject      (instances of user classes, exceptions)
    Class / Module -> RClass / RModule
"""

from __future__ import annotations

import re
import threading
from typing import Any

from pydrake.syntax.ast import Block as _BlockNode


class RString:
    """A mutable Ruby String; equality and hashing follow its text."""

    __slots__ = ("s", "frozen")

    def __init__(self, s: str = "", frozen: bool = False) -> None:
        self.s = s
        self.frozen = frozen

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RString) and other.s == self.s

    def __hash__(self) -> int:
        return hash(self.s)

    def __repr__(self) -> str:
        return f"RString({self.s!r})"

    def __str__(self) -> str:
        return self.s

    def __lt__(self, other: RString) -> bool:
        return self.s < other.s


class Symbol:
    """An interned Ruby Symbol; compare with ``is``."""

    __slots__ = ("name",)
    _table: dict[str, Symbol] = {}
    _lock = threading.Lock()

    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def of(cls, name: str) -> Symbol:
        """The one Symbol with this name."""
        sym = cls._table.get(name)
        if sym is None:
            with cls._lock:
                sym = cls._table.setdefault(name, Symbol(name))
        return sym

    def __repr__(self) -> str:
        return f":{self.name}"

    def __lt__(self, other: Symbol) -> bool:
        return self.name < other.name

    def __reduce__(self) -> tuple[Any, ...]:
        return (Symbol.of, (self.name,))


def sym(name: str) -> Symbol:
    """Shorthand for ``Symbol.of``."""
    return Symbol.of(name)


class RHash(dict):
    """A Ruby Hash: insertion-ordered dict with a default value or default block."""

    __slots__ = ("default", "default_proc", "frozen")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            dict.__init__(self, *args, **kwargs)
        self.default: Any = None
        self.default_proc: Any = None
        self.frozen = False


class RRange:
    """A Ruby Range ``first..last`` or ``first...last`` (``exclusive``)."""

    __slots__ = ("first", "last", "exclusive")

    def __init__(self, first: Any, last: Any, exclusive: bool = False) -> None:
        self.first = first
        self.last = last
        self.exclusive = exclusive

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, RRange)
            and (self.first, self.last, self.exclusive) == (other.first, other.last, other.exclusive)
        )

    def __hash__(self) -> int:
        return hash((RRange, self.first, self.last, self.exclusive))


class RRegexp:
    """A Ruby Regexp: its Ruby source and options, and the translated Python pattern (translated
    when first used if made without one, as the Regexps a module makes at import are)."""

    __slots__ = ("source", "options", "_pattern")

    # Ruby option bits, as Regexp#options reports them.
    IGNORECASE = 1
    EXTENDED = 2
    MULTILINE = 4

    def __init__(self, source: str, options: int, pattern: re.Pattern[str] | None) -> None:
        self.source = source
        self.options = options
        self._pattern = pattern

    @property
    def pattern(self) -> re.Pattern[str]:
        """The Python pattern."""
        pattern = self._pattern
        if pattern is None:
            from pydrake.runtime import rubyregex

            pattern = self._pattern = rubyregex.translate(self.source, self.options)
        return pattern

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RRegexp) and (self.source, self.options) == (other.source, other.options)

    def __hash__(self) -> int:
        return hash((RRegexp, self.source, self.options))


class RMatch:
    """Ruby MatchData over a Python match."""

    __slots__ = ("match", "regexp", "string")

    def __init__(self, match: re.Match[str], regexp: RRegexp, string: str) -> None:
        self.match = match
        self.regexp = regexp
        self.string = string


class RModule:
    """A Ruby Module: a named method table and constant table."""

    def __init__(self, name: str, lexical_parent: RModule | None = None) -> None:
        self.name = name
        self.methods: dict[str, Any] = {}
        self.smethods: dict[str, Any] = {}  # singleton (self.) methods
        self.constants: dict[str, Any] = {}
        self.includes: list[RModule] = []
        self.extends: list[RModule] = []
        self.lexical_parent = lexical_parent
        self.ivars: dict[str, Any] = {}

    def __repr__(self) -> str:
        return self.name

    def ancestors(self) -> list[RModule]:
        """Method resolution order: self, its included modules (last first)."""
        out: list[RModule] = [self]
        for mod in reversed(self.includes):
            for m in mod.ancestors():
                if m not in out:
                    out.append(m)
        return out


class RClass(RModule):
    """A Ruby Class: a module with a superclass and instances."""

    def __init__(self, name: str, superclass: RClass | None, lexical_parent: RModule | None = None) -> None:
        super().__init__(name, lexical_parent)
        self.superclass = superclass

    def ancestors(self) -> list[RModule]:
        out: list[RModule] = []
        cls: RClass | None = self
        while cls is not None:
            for m in RModule.ancestors(cls):
                if m not in out:
                    out.append(m)
            cls = cls.superclass
        return out

    def is_subclass_of(self, other: RModule) -> bool:
        """True when ``other`` is this class, a superclass, or an included module."""
        return other in self.ancestors()


class RObject:
    """An instance of a Ruby class defined in Ruby (or of an exception class)."""

    __slots__ = ("cls", "ivars", "frozen", "__weakref__")

    def __init__(self, cls: RClass) -> None:
        self.cls = cls
        self.ivars: dict[str, Any] = {}
        self.frozen = False

    def __repr__(self) -> str:
        return f"#<{self.cls.name}>"


class RProc:
    """A block, proc or lambda: parameters, body and the environment it closes over."""

    __slots__ = ("params", "_body", "env", "self_obj", "is_lambda", "frame", "native", "arity_hint", "definer")

    def __init__(
        self,
        params: Any,
        body: Any,
        env: Any,
        self_obj: Any,
        is_lambda: bool = False,
        frame: Any = None,
        native: Any = None,
        definer: Any = None,
    ) -> None:
        self.params = params  # syntax.ast.Params or None
        # The statements, or the ast.Block holding them: a cached Rakefile's block bodies stay
        # unread until first needed (most task blocks of an up-to-date build never run).
        self._body = body
        self.env = env  # runtime.environment.Env
        self.self_obj = self_obj
        self.is_lambda = is_lambda
        self.frame = frame  # the method frame a `return` inside the block returns from
        self.native = native  # a Python callable standing in for a body (Symbol#to_proc, Method#to_proc)
        self.definer = definer  # the lexical module for constant lookup and def

    @property
    def body(self) -> Any:
        """The statements the proc runs (None for a native one)."""
        body = self._body
        if type(body) is _BlockNode:
            body = self._body = body.body
        return body


class RMethodObj:
    """A Method object from ``obj.method(:name)``."""

    __slots__ = ("recv", "name")

    def __init__(self, recv: Any, name: str) -> None:
        self.recv = recv
        self.name = name


class RubyError(Exception):
    """A Ruby exception travelling through Python: ``exc`` is the Ruby exception object."""

    def __init__(self, exc: RObject) -> None:
        super().__init__()
        self.exc = exc

    def __str__(self) -> str:
        msg = self.exc.ivars.get("@message")
        return msg.s if isinstance(msg, RString) else str(msg)


def rstr(s: str) -> RString:
    """A new Ruby String holding ``s``."""
    return RString(s)


def pystr(v: Any) -> str:
    """The Python text of a String or Symbol (anything else: ``str``)."""
    if isinstance(v, RString):
        return v.s
    if isinstance(v, Symbol):
        return v.name
    return str(v)


def truthy(v: Any) -> bool:
    """Ruby truthiness: only nil and false are false."""
    return v is not None and v is not False
