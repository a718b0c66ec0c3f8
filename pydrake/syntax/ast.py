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
# Literal values kept as plain data (``LiteralCall``): see ``pydrake.syntax.literal_calls``.
LiteralData = Any

# Every node class in definition order, with its fields and their defaults: their ``__init__``
# functions come from ``ast_code``, generated from this list (see ``node_shape``).
_NODES: list[tuple[type, tuple[str, ...], dict[str, Any]]] = []


@dataclass_transform(frozen_default=True)
class NodeType(type):
    """The class of every AST node class: slots for its annotated fields and a positional ``__init__``.

    Nodes are values: equal when of the same class with equal fields, hashable, and never
    changed after construction (``replace`` builds a changed copy).  A node class gets
    ``__slots__`` for its own fields so nodes stay small (a field's default is taken out of the
    class body for that); its ``__init__`` is generated (see ``init_source``).
    """

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> NodeType:
        own = [field for field in namespace.get("__annotations__", {}) if not field.startswith("_")]
        inherited: tuple[str, ...] = getattr(bases[0], "_fields", ()) if bases else ()
        fields = inherited + tuple(own)
        defaults = {field: namespace.pop(field) for field in own if field in namespace}
        namespace["__slots__"] = tuple(own)
        namespace["_fields"] = fields
        cls = super().__new__(mcs, name, bases, namespace)
        _NODES.append((cls, fields, defaults))
        return cls


class Node(metaclass=NodeType):
    """The base of every node: its line and column, value equality, hashing and ``repr``."""

    line: int
    col: int

    _fields: ClassVar[tuple[str, ...]]  # set by ``NodeType``: the field names, inherited ones first

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


class Nil(Node):
    pass


class TrueLit(Node):
    pass


class FalseLit(Node):
    pass


class SelfNode(Node):
    pass


class IntLit(Node):
    value: int


class FloatLit(Node):
    value: float


class StrLit(Node):
    """A string with no interpolation."""

    value: str


class DStr(Node):
    """An interpolated string: parts are str (literal text) or nodes (``#{}``)."""

    parts: tuple[Any, ...]


class XStr(Node):
    """A backtick or %x() command; parts as in DStr."""

    parts: tuple[Any, ...]


class SymLit(Node):
    name: str


class DSym(Node):
    """An interpolated symbol ``:"a#{b}"``."""

    parts: tuple[Any, ...]


class RegexLit(Node):
    """A regex literal; parts as in DStr; flags from ``imxo``."""

    parts: tuple[Any, ...]
    flags: str


class ArrayLit(Node):
    elements: Body  # may hold Splat


class HashLit(Node):
    """A hash; pairs are (key, value) tuples or DoubleSplat nodes.  ``braces`` is False for a bare trailing hash."""

    pairs: tuple[Any, ...]
    braces: bool


class RangeLit(Node):
    low: Any  # node or None (beginless)
    high: Any  # node or None (endless)
    exclusive: bool


class FileLit(Node):
    """``__FILE__``."""

    path: str


# ---------------------------------------------------------------- variables


class LVar(Node):
    name: str


class IVar(Node):
    name: str


class GVar(Node):
    name: str


class CVar(Node):
    name: str


class NthRef(Node):
    """``$1`` .. ``$9``."""

    n: int


class Const(Node):
    """A constant: ``Name``, ``scope::Name``, or ``::Name`` (top)."""

    scope: Any  # node or None
    name: str
    top: bool


# ---------------------------------------------------------------- calls and operators


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


class LiteralCall(Node):
    """A statement of a loaded file calling a method of ``self`` with nothing but literal arguments
    (``file "a.o" => ["a.c"] do ... end``), its arguments kept as plain data: the form most
    definitions of a Rakefile take, read back from the AST cache without a node per literal.

    ``args`` is a tuple of literal data, ``kw`` the trailing bare hash's keys and values in turn
    (None without one), ``block`` a Block or None (``pydrake.syntax.literal_calls``)."""

    name: str
    args: LiteralData
    kw: LiteralData
    block: Any

    def __hash__(self) -> int:  # its data holds lists: equal nodes still hash alike
        return hash((type(self).__name__, self.line, self.col, self.name))


class Splat(Node):
    value: Any


class DoubleSplat(Node):
    value: Any


class BlockPass(Node):
    """``&expr`` as an argument (``&:sym``, ``&block``)."""

    value: Any


class BinOp(Node):
    """A binary operator call ``lhs op rhs`` (``+ - * / % ** == != < > <= >= <=> === =~ !~ << >> & | ^``)."""

    op: str
    lhs: Any
    rhs: Any


class UnOp(Node):
    """A unary operator: ``-``, ``+``, ``~``."""

    op: str
    operand: Any


class Not(Node):
    operand: Any


class And(Node):
    lhs: Any
    rhs: Any


class Or(Node):
    lhs: Any
    rhs: Any


class Defined(Node):
    expr: Any


class Super(Node):
    """``super(args)``; ``implicit`` for bare ``super`` (pass the current arguments)."""

    args: Body
    block: Any
    implicit: bool


class Yield(Node):
    args: Body


# ---------------------------------------------------------------- assignment


class Assign(Node):
    target: Any
    value: Any


class OpAssign(Node):
    """``target op= value``; op is the operator without ``=`` (``+``, ``||``, ``&&``, ``<<``...)."""

    target: Any
    op: str
    value: Any


class MultiAssign(Node):
    """``a, (b, c), *d = value``: targets are target nodes, nested MultiTarget, or Splat."""

    targets: Body
    value: Any


class MultiTarget(Node):
    """A parenthesised group of targets inside a MultiAssign or block parameters."""

    targets: Body


# ---------------------------------------------------------------- control flow


class If(Node):
    """``if``/``unless``/ternary/modifiers: ``unless`` swaps the branches."""

    cond: Any
    then: Body
    else_: Body | None


class While(Node):
    """``while``/``until`` loops; ``do_while`` for ``begin ... end while``."""

    cond: Any
    body: Body
    until: bool
    do_while: bool


class For(Node):
    target: Any
    iterable: Any
    body: Body


class When(Node):
    conds: Body
    body: Body


class Case(Node):
    subject: Any  # node or None
    whens: tuple[When, ...]
    else_: Body | None


class InClause(Node):
    """``in pattern [if|unless guard] then body``: one clause of a ``case ... in``."""

    pattern: Any
    guard: Any  # node or None
    unless: bool
    body: Body


class CaseIn(Node):
    """``case subject in ... end``: pattern matching clauses."""

    subject: Any
    clauses: tuple[InClause, ...]
    else_: Body | None


class MatchPattern(Node):
    """``value => pattern`` (``raises``: NoMatchingPatternError when it fails) or ``value in pattern`` (true/false)."""

    value: Any
    pattern: Any
    raises: bool


class Break(Node):
    value: Any


class Next(Node):
    value: Any


class Redo(Node):
    pass


class Retry(Node):
    pass


class Return(Node):
    value: Any


class RescueClause(Node):
    classes: Body
    target: Any  # assignment target or None
    body: Body


class Begin(Node):
    """``begin``/``def`` bodies with rescue, else and ensure clauses."""

    body: Body
    rescues: tuple[RescueClause, ...]
    else_: Body | None
    ensure: Body | None


class RescueMod(Node):
    """``expr rescue fallback``."""

    expr: Any
    rescue: Any


class Seq(Node):
    """A parenthesised statement list used as an expression."""

    body: Body


# ---------------------------------------------------------------- definitions


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


class Def(Node):
    name: str
    params: Params
    body: Begin
    singleton: Any  # node (``self``) or None
    file: str


class Block(Node):
    """A ``do ... end`` or ``{ ... }`` block."""

    params: Params | None
    body: Body
    file: str


class Lambda(Node):
    params: Params | None
    body: Body
    file: str


class ClassDef(Node):
    path: Const
    superclass: Any
    body: Begin
    file: str


class SClass(Node):
    """``class << self ... end``."""

    target: Any
    body: Body


class ModuleDef(Node):
    path: Const
    body: Begin
    file: str


class Alias(Node):
    new: str
    old: str


class Undef(Node):
    names: tuple[str, ...]


# ---------------------------------------------------------------- patterns


class Pattern(Node):
    """The base of the pattern nodes of ``case/in``, ``=>`` and ``in``."""


class PValue(Pattern):
    """A value pattern: a literal, range, constant or pinned expression, matched with ``===``."""

    value: Any


class PBind(Pattern):
    """A name that binds whatever it meets (``x``, ``_``)."""

    name: str


class PCapture(Pattern):
    """``pattern => name``: bind the value once the pattern matched."""

    pattern: Any
    name: str


class PAlt(Pattern):
    """``a | b | c``: the first alternative that matches."""

    alternatives: Body


class PArray(Pattern):
    """``Const[pre..., *rest, post...]``; ``rest`` is None (no rest), ``"*"`` (anonymous) or a name."""

    const: Any  # node or None
    pre: Body
    rest: str | None
    post: Body


class PFind(Pattern):
    """``Const[*pre, middle..., *post]``; ``pre``/``post`` are ``"*"`` (anonymous) or names."""

    const: Any
    pre: str
    middle: Body
    post: str


class PHash(Pattern):
    """``Const(key: pattern, ..., **rest)``; ``rest`` is None, ``"**"`` (anonymous), ``"**nil"`` or a name."""

    const: Any
    pairs: tuple[tuple[str, Any], ...]
    rest: str | None


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
