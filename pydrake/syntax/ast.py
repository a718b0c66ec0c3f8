"""The Ruby abstract syntax tree: value classes, one per construct, each with its line and column.

Statement lists are tuples of nodes.  Scope-opening nodes (Program, Def, Block,
Lambda, ClassDef, ModuleDef) also carry the file name, so a running block
knows where it came from.  Assignment targets reuse expression nodes: LVar,
IVar, GVar, CVar, Const, and Call (``a.b = v`` targets ``Call(a, "b")``,
``a[i] = v`` targets ``Call(a, "[]", (i,))``); a Splat among MultiAssign
targets collects the rest.
"""

from __future__ import annotations

from typing import Any, ClassVar, dataclass_transform

Body = tuple[Any, ...]

# Every node class in definition order, with its fields and their defaults: their ``__init__``
# functions come from ``ast_code``, generated from this list (see ``node_shape``).
_NODES: list[tuple[type, tuple[str, ...], dict[str, Any]]] = []


@dataclass_transform(frozen_default=True)
def node(cls: type) -> Any:
    """Make ``cls`` an AST node: slots for its annotated fields and a positional ``__init__``.

    Nodes are values: equal when of the same class with equal fields, hashable, and never
    changed after construction (``replace`` builds a changed copy).  The class is rebuilt with
    ``__slots__`` so nodes stay small; the ``__init__`` is generated (see ``init_source``).
    """
    own = [name for name in cls.__dict__.get("__annotations__", {}) if not name.startswith("_")]
    inherited: tuple[str, ...] = getattr(cls, "_fields", ())
    fields = inherited + tuple(own)
    defaults = {name: cls.__dict__[name] for name in own if name in cls.__dict__}
    namespace = {k: v for k, v in cls.__dict__.items() if k not in defaults and k not in ("__dict__", "__weakref__")}
    namespace["__slots__"] = tuple(own)
    namespace["_fields"] = fields
    new_cls = type(cls.__name__, cls.__bases__, namespace)
    new_cls.__qualname__ = cls.__qualname__
    new_cls.__module__ = cls.__module__
    _NODES.append((new_cls, fields, defaults))
    return new_cls


@node
class Node:
    """The base of every node: its line and column, value equality, hashing and ``repr``."""

    line: int
    col: int

    _fields: ClassVar[tuple[str, ...]]  # set by ``node``: the field names, inherited ones first

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined]

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"



def replace(n: Any, **changes: Any) -> Any:
    """A copy of node ``n`` with the given fields changed."""
    return type(n)(*(changes[f] if f in changes else getattr(n, f) for f in n._fields))


# ---------------------------------------------------------------- literals


@node
class Nil(Node):
    pass


@node
class TrueLit(Node):
    pass


@node
class FalseLit(Node):
    pass


@node
class SelfNode(Node):
    pass


@node
class IntLit(Node):
    value: int


@node
class FloatLit(Node):
    value: float


@node
class StrLit(Node):
    """A string with no interpolation."""

    value: str


@node
class DStr(Node):
    """An interpolated string: parts are str (literal text) or nodes (``#{}``)."""

    parts: tuple[Any, ...]


@node
class XStr(Node):
    """A backtick or %x() command; parts as in DStr."""

    parts: tuple[Any, ...]


@node
class SymLit(Node):
    name: str


@node
class DSym(Node):
    """An interpolated symbol ``:"a#{b}"``."""

    parts: tuple[Any, ...]


@node
class RegexLit(Node):
    """A regex literal; parts as in DStr; flags from ``imxo``."""

    parts: tuple[Any, ...]
    flags: str


@node
class ArrayLit(Node):
    elements: Body  # may hold Splat


@node
class HashLit(Node):
    """A hash; pairs are (key, value) tuples or DoubleSplat nodes.  ``braces`` is False for a bare trailing hash."""

    pairs: tuple[Any, ...]
    braces: bool


@node
class RangeLit(Node):
    low: Any  # node or None (beginless)
    high: Any  # node or None (endless)
    exclusive: bool


@node
class FileLit(Node):
    """``__FILE__``."""

    path: str


# ---------------------------------------------------------------- variables


@node
class LVar(Node):
    name: str


@node
class IVar(Node):
    name: str


@node
class GVar(Node):
    name: str


@node
class CVar(Node):
    name: str


@node
class NthRef(Node):
    """``$1`` .. ``$9``."""

    n: int


@node
class Const(Node):
    """A constant: ``Name``, ``scope::Name``, or ``::Name`` (top)."""

    scope: Any  # node or None
    name: str
    top: bool


# ---------------------------------------------------------------- calls and operators


@node
class Call(Node):
    """A method call.  ``recv`` None means self (a function-style call).

    ``args`` holds expressions, Splat, DoubleSplat and a trailing bare HashLit;
    ``block`` is a Block, a BlockPass or None.  ``vcall`` marks a bare
    identifier that may also have been a local variable (``foo`` alone).
    """

    recv: Any
    name: str
    args: Body
    block: Any
    safe: bool = False
    vcall: bool = False


@node
class Splat(Node):
    value: Any


@node
class DoubleSplat(Node):
    value: Any


@node
class BlockPass(Node):
    """``&expr`` as an argument (``&:sym``, ``&block``)."""

    value: Any


@node
class BinOp(Node):
    """A binary operator call ``lhs op rhs`` (``+ - * / % ** == != < > <= >= <=> === =~ !~ << >> & | ^``)."""

    op: str
    lhs: Any
    rhs: Any


@node
class UnOp(Node):
    """A unary operator: ``-``, ``+``, ``~``."""

    op: str
    operand: Any


@node
class Not(Node):
    operand: Any


@node
class And(Node):
    lhs: Any
    rhs: Any


@node
class Or(Node):
    lhs: Any
    rhs: Any


@node
class Defined(Node):
    expr: Any


@node
class Super(Node):
    """``super(args)``; ``implicit`` for bare ``super`` (pass the current arguments)."""

    args: Body
    block: Any
    implicit: bool


@node
class Yield(Node):
    args: Body


# ---------------------------------------------------------------- assignment


@node
class Assign(Node):
    target: Any
    value: Any


@node
class OpAssign(Node):
    """``target op= value``; op is the operator without ``=`` (``+``, ``||``, ``&&``, ``<<``...)."""

    target: Any
    op: str
    value: Any


@node
class MultiAssign(Node):
    """``a, (b, c), *d = value``: targets are target nodes, nested MultiTarget, or Splat."""

    targets: Body
    value: Any


@node
class MultiTarget(Node):
    """A parenthesised group of targets inside a MultiAssign or block parameters."""

    targets: Body


# ---------------------------------------------------------------- control flow


@node
class If(Node):
    """``if``/``unless``/ternary/modifiers: ``unless`` swaps the branches."""

    cond: Any
    then: Body
    else_: Body | None


@node
class While(Node):
    """``while``/``until`` loops; ``do_while`` for ``begin ... end while``."""

    cond: Any
    body: Body
    until: bool
    do_while: bool


@node
class For(Node):
    target: Any
    iterable: Any
    body: Body


@node
class When(Node):
    conds: Body
    body: Body


@node
class Case(Node):
    subject: Any  # node or None
    whens: tuple[When, ...]
    else_: Body | None


@node
class InClause(Node):
    """``in pattern [if|unless guard] then body``: one clause of a ``case ... in``."""

    pattern: Any
    guard: Any  # node or None
    unless: bool
    body: Body


@node
class CaseIn(Node):
    """``case subject in ... end``: pattern matching clauses."""

    subject: Any
    clauses: tuple[InClause, ...]
    else_: Body | None


@node
class MatchPattern(Node):
    """``value => pattern`` (``raises``: NoMatchingPatternError when it fails) or ``value in pattern`` (true/false)."""

    value: Any
    pattern: Any
    raises: bool


@node
class Break(Node):
    value: Any


@node
class Next(Node):
    value: Any


@node
class Redo(Node):
    pass


@node
class Retry(Node):
    pass


@node
class Return(Node):
    value: Any


@node
class RescueClause(Node):
    classes: Body
    target: Any  # assignment target or None
    body: Body


@node
class Begin(Node):
    """``begin``/``def`` bodies with rescue, else and ensure clauses."""

    body: Body
    rescues: tuple[RescueClause, ...]
    else_: Body | None
    ensure: Body | None


@node
class RescueMod(Node):
    """``expr rescue fallback``."""

    expr: Any
    rescue: Any


@node
class Seq(Node):
    """A parenthesised statement list used as an expression."""

    body: Body


# ---------------------------------------------------------------- definitions


@node
class Params(Node):
    """Method, block or lambda parameters.

    ``required``/``post``: names (str) or MultiTarget for destructuring;
    ``optional``: (name, default node); ``kw``: (name, default node or None when required).
    """

    required: tuple[Any, ...]
    optional: tuple[tuple[str, Any], ...]
    rest: str | None
    post: tuple[Any, ...]
    kw: tuple[tuple[str, Any], ...]
    kwrest: str | None
    block: str | None
    # ``|a,|`` or a lone ``*``: the block destructures an array argument
    has_rest: bool = False


@node
class Def(Node):
    name: str
    params: Params
    body: Begin
    singleton: Any  # node (``self``) or None
    file: str


@node
class Block(Node):
    """A ``do ... end`` or ``{ ... }`` block."""

    params: Params | None
    body: Body
    file: str


@node
class Lambda(Node):
    params: Params | None
    body: Body
    file: str


@node
class ClassDef(Node):
    path: Const
    superclass: Any
    body: Begin
    file: str


@node
class SClass(Node):
    """``class << self ... end``."""

    target: Any
    body: Body


@node
class ModuleDef(Node):
    path: Const
    body: Begin
    file: str


@node
class Alias(Node):
    new: str
    old: str


@node
class Undef(Node):
    names: tuple[str, ...]


# ---------------------------------------------------------------- patterns


@node
class Pattern(Node):
    """The base of the pattern nodes of ``case/in``, ``=>`` and ``in``."""


@node
class PValue(Pattern):
    """A value pattern: a literal, range, constant or pinned expression, matched with ``===``."""

    value: Any


@node
class PBind(Pattern):
    """A name that binds whatever it meets (``x``, ``_``)."""

    name: str


@node
class PCapture(Pattern):
    """``pattern => name``: bind the value once the pattern matched."""

    pattern: Any
    name: str


@node
class PAlt(Pattern):
    """``a | b | c``: the first alternative that matches."""

    alternatives: Body


@node
class PArray(Pattern):
    """``Const[pre..., *rest, post...]``; ``rest`` is None (no rest), ``"*"`` (anonymous) or a name."""

    const: Any  # node or None
    pre: Body
    rest: str | None
    post: Body


@node
class PFind(Pattern):
    """``Const[*pre, middle..., *post]``; ``pre``/``post`` are ``"*"`` (anonymous) or names."""

    const: Any
    pre: str
    middle: Body
    post: str


@node
class PHash(Pattern):
    """``Const(key: pattern, ..., **rest)``; ``rest`` is None, ``"**"`` (anonymous), ``"**nil"`` or a name."""

    const: Any
    pairs: tuple[tuple[str, Any], ...]
    rest: str | None


@node
class Program(Node):
    body: Body
    file: str
    warnings: tuple[tuple[int, str], ...] = ()  # (line, message): what Ruby warns of as it parses


def node_shape() -> tuple[tuple[str, tuple[str, ...], tuple[tuple[str, Any], ...]], ...]:
    """Each node class as (name, fields, defaults), in definition order: what ``ast_code`` is made from."""
    return tuple((cls.__name__, fields, tuple(sorted(defaults.items()))) for cls, fields, defaults in _NODES)


def init_source() -> list[str]:
    """The source of every node class's positional ``__init__``, ``_init{i}`` in definition order."""
    source = []
    for i, (_cls, fields, defaults) in enumerate(_NODES):
        params = ", ".join(f"{f}={defaults[f]!r}" if f in defaults else f for f in fields)
        body = "".join(f"\n    self.{f} = {f}" for f in fields) or "\n    pass"
        source.append(f"def _init{i}(self, {params}):{body}")
    return source


def _make_inits() -> None:
    """Give every node class its positional ``__init__`` from the generated ``ast_code``."""
    from pydrake.syntax import ast_codegen

    for (cls, _fields, _defaults), init in zip(_NODES, ast_codegen.load().node_inits(), strict=True):
        cls.__init__ = init  # type: ignore[misc]


_make_inits()


class Deferred:
    """A block body still in its cached form: read once, on first use of ``Block.body``.

    The AST cache stores each block's body apart (``pydrake.syntax.ast_cache``), so loading a
    Rakefile does not rebuild the code of tasks that never run (a listing, a null build)."""

    __slots__ = ("load", "data")

    def __init__(self, load: Any, data: Any) -> None:
        self.load = load  # load(data) -> the field's value
        self.data = data


_LAZY_SLOTS: dict[tuple[type, str], Any] = {}


def still_deferred(node: Any, name: str) -> bool:
    """Is field ``name`` of ``node`` still in its cached form (not read since it was loaded)?"""
    slot = _LAZY_SLOTS.get((type(node), name))
    return slot is not None and type(slot.__get__(node)) is Deferred


def _lazy_field(cls: type, name: str) -> None:
    """Make ``cls.name`` read through a ``Deferred`` value, replacing it by the value it loads."""
    slot = _LAZY_SLOTS[(cls, name)] = cls.__dict__[name]

    def read(self: Any) -> Any:
        value = slot.__get__(self)
        if type(value) is Deferred:
            # Threads that race here load equal values; whichever is stored, the field reads the same.
            value = value.load(value.data)
            slot.__set__(self, value)
        return value

    setattr(cls, name, property(read, slot.__set__))


_lazy_field(Block, "body")
