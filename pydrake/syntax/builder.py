"""The rule callbacks that build the AST while the LALR parser reduces: they only build, never evaluate."""

from __future__ import annotations

from typing import Any

from pydrake.syntax import ast
from pydrake.syntax.errors import RubySyntaxError, UnsupportedSyntax
from pydrake.syntax.pattern_builder import PatternBuilder
from pydrake.syntax.tokens import Tok as Token

# Binary operator precedence, tighter binds higher (Ruby's table); POW is right-associative.
PRECEDENCE = {
    "POW": 14,
    "STAR2": 12,
    "DIVIDE": 12,
    "PERCENT": 12,
    "PLUS": 11,
    "MINUS": 11,
    "LSHIFT": 10,
    "RSHIFT": 10,
    "AMPER2": 9,
    "PIPE": 8,
    "CARET": 8,
    "GT": 7,
    "GEQ": 7,
    "LT": 7,
    "LEQ": 7,
    "CMP": 6,
    "EQ": 6,
    "EQQ": 6,
    "NEQ": 6,
    "MATCH": 6,
    "NMATCH": 6,
    "ANDOP": 5,
    "OROP": 4,
}


# Ruby facilities pydrake deliberately does not provide; a Rakefile naming one is refused when parsed.
UNSUPPORTED_CONSTANTS = frozenset({"ObjectSpace", "Ractor", "TracePoint", "RubyVM"})


class _Pair:
    """A ``key => value`` or ``key: value`` item inside an argument list or hash."""

    __slots__ = ("key", "value")

    def __init__(self, key: Any, value: Any) -> None:
        self.key = key
        self.value = value


class _ParenArgs:
    """The argument items of ``(...)`` after a method name."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]) -> None:
        self.items = items


def _pos(x: Any) -> tuple[int, int]:
    if isinstance(x, Token):
        return x.line or 0, x.column or 0
    if isinstance(x, ast.Node):
        return x.line, x.col
    if isinstance(x, _Pair):
        return _pos(x.key)
    if isinstance(x, list | tuple) and x:
        return _pos(x[0])
    return 0, 0


def _is_tok(x: Any, type_: str) -> bool:
    return isinstance(x, Token) and x.type == type_


def _nodes(children: list[Any]) -> list[Any]:
    """The children that are not punctuation tokens."""
    return [c for c in children if not isinstance(c, Token)]


class Builder(PatternBuilder):
    """Callbacks named after the grammar's rules and aliases; each returns an AST node (or a helper value)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.warnings: list[tuple[int, str]] = []  # (line, message) Ruby prints when it parses the file

    def error(self, msg: str, at: Any) -> RubySyntaxError:
        line, col = _pos(at)
        return RubySyntaxError(msg, self.file, line, col)

    # ------------------------------------------------------------ program and statements

    def start(self, c: list[Any]) -> ast.Program:
        return ast.Program(1, 1, c[0], self.file, tuple(self.warnings))

    def stmts(self, c: list[Any]) -> tuple[Any, ...]:
        return tuple(x for x in c if not isinstance(x, Token))

    def mod_if(self, c: list[Any]) -> ast.If:
        line, col = _pos(c[0])
        return ast.If(line, col, c[2], (c[0],), None)

    def mod_unless(self, c: list[Any]) -> ast.If:
        line, col = _pos(c[0])
        return ast.If(line, col, c[2], (), (c[0],))

    def mod_while(self, c: list[Any]) -> ast.While:
        line, col = _pos(c[0])
        body = c[0]
        return ast.While(line, col, c[2], (body,), False, isinstance(body, ast.Begin))

    def mod_until(self, c: list[Any]) -> ast.While:
        line, col = _pos(c[0])
        body = c[0]
        return ast.While(line, col, c[2], (body,), True, isinstance(body, ast.Begin))

    def mod_rescue(self, c: list[Any]) -> Any:
        stmt, fallback = c[0], c[2]
        line, col = _pos(stmt)
        if isinstance(stmt, ast.Assign | ast.OpAssign):
            return ast.replace(stmt, value=ast.RescueMod(line, col, stmt.value, fallback))
        return ast.RescueMod(line, col, stmt, fallback)

    def alias_(self, c: list[Any]) -> ast.Alias:
        line, col = _pos(c[0])
        return ast.Alias(line, col, str(c[1].value), str(c[2].value))

    def undef_(self, c: list[Any]) -> ast.Undef:
        line, col = _pos(c[0])
        return ast.Undef(line, col, (str(c[1].value),))

    def masgn(self, c: list[Any]) -> ast.MultiAssign:
        targets, values = c[0], c[2]
        if not isinstance(values, list):  # `a, b = f 1`: one command call
            values = [values]
        line, col = _pos(targets)
        if len(values) == 1 and not isinstance(values[0], ast.Splat):
            value = values[0]
        else:
            value = ast.ArrayLit(line, col, tuple(values))
        return ast.MultiAssign(line, col, tuple(targets), value)

    def assign_list(self, c: list[Any]) -> ast.Assign:
        target = self.target(c[0])
        items = c[2] + [c[4]]
        return ast.Assign(target.line, target.col, target, ast.ArrayLit(target.line, target.col, tuple(items)))

    def mlhs(self, c: list[Any]) -> list[Any]:
        items = list(c[0])
        if len(c) == 3:
            items.append(self.target(c[2]))
        return items

    def mlhs_list(self, c: list[Any]) -> list[Any]:
        if len(c) == 1:
            return [self.target(c[0])]
        return c[0] + [self.target(c[2])]

    def mlhs_group(self, c: list[Any]) -> ast.MultiTarget:
        line, col = _pos(c[0])
        return ast.MultiTarget(line, col, tuple(c[1]))

    def splat_target(self, c: list[Any]) -> ast.Splat:
        line, col = _pos(c[0])
        return ast.Splat(line, col, self.target(c[1]) if len(c) > 1 else None)

    def mrhs(self, c: list[Any]) -> list[Any]:
        if len(c) == 1:
            return [c[0]]
        return c[0] + [c[2]]

    # ------------------------------------------------------------ expressions

    def and_(self, c: list[Any]) -> ast.And:
        line, col = _pos(c[0])
        return ast.And(line, col, c[0], c[2])

    def or_(self, c: list[Any]) -> ast.Or:
        line, col = _pos(c[0])
        return ast.Or(line, col, c[0], c[2])

    def not_(self, c: list[Any]) -> ast.Not:
        line, col = _pos(c[0])
        return ast.Not(line, col, c[1])

    def target(self, node: Any) -> Any:
        """An expression used as an assignment target, checked and normalised."""
        if isinstance(node, ast.LVar | ast.IVar | ast.GVar | ast.CVar | ast.Const | ast.Splat | ast.MultiTarget):
            return node
        if isinstance(node, ast.Call):
            if node.vcall or (node.recv is None and not node.args and node.block is None and node.name[-1] not in "?!"):
                return ast.LVar(node.line, node.col, node.name)
            if node.recv is not None and node.block is None and (node.name == "[]" or not node.args):
                return node
        raise self.error("cannot assign to this expression", node)

    def assign(self, c: list[Any]) -> ast.Assign:
        target = self.target(c[0])
        return ast.Assign(target.line, target.col, target, c[2])

    def op_assign(self, c: list[Any]) -> ast.OpAssign:
        target = self.target(c[0])
        return ast.OpAssign(target.line, target.col, target, str(c[1].value), c[2])

    def _jump(self, cls: type, c: list[Any]) -> Any:
        line, col = _pos(c[0])
        if len(c) == 1:
            return cls(line, col, None)
        args, _ = self.split_args(c[1], c[0])
        value = (
            args[0] if len(args) == 1 and not isinstance(args[0], ast.Splat) else ast.ArrayLit(line, col, tuple(args))
        )
        return cls(line, col, value)

    def return_(self, c: list[Any]) -> ast.Return:
        return self._jump(ast.Return, c)

    def break_(self, c: list[Any]) -> ast.Break:
        return self._jump(ast.Break, c)

    def next_(self, c: list[Any]) -> ast.Next:
        return self._jump(ast.Next, c)

    def redo_(self, c: list[Any]) -> ast.Redo:
        line, col = _pos(c[0])
        return ast.Redo(line, col)

    def retry_(self, c: list[Any]) -> ast.Retry:
        line, col = _pos(c[0])
        return ast.Retry(line, col)

    def ternary(self, c: list[Any]) -> ast.If:
        line, col = _pos(c[0])
        return ast.If(line, col, c[0], (c[2],), (c[4],))

    def irange(self, c: list[Any]) -> ast.RangeLit:
        line, col = _pos(c[0])
        return ast.RangeLit(line, col, c[0], c[2] if len(c) > 2 else None, False)

    def erange(self, c: list[Any]) -> ast.RangeLit:
        line, col = _pos(c[0])
        return ast.RangeLit(line, col, c[0], c[2] if len(c) > 2 else None, True)

    def beginless_irange(self, c: list[Any]) -> ast.RangeLit:
        line, col = _pos(c[0])
        return ast.RangeLit(line, col, None, c[1], False)

    def beginless_erange(self, c: list[Any]) -> ast.RangeLit:
        line, col = _pos(c[0])
        return ast.RangeLit(line, col, None, c[1], True)

    def binexpr(self, c: list[Any]) -> Any:
        # c is operand, op, operand, op, operand...: precedence climbing.
        pos = 0

        def parse(min_prec: int) -> Any:
            nonlocal pos
            lhs = c[pos]
            pos += 1
            while pos < len(c):
                op = c[pos]
                prec = PRECEDENCE[op.type]
                if prec < min_prec:
                    break
                pos += 1
                rhs = parse(prec if op.type == "POW" else prec + 1)
                lhs = self.binop(op, lhs, rhs)
            return lhs

        return parse(0)

    def binop(self, op: Token, lhs: Any, rhs: Any) -> Any:
        line, col = _pos(lhs)
        if op.type == "POW" and isinstance(lhs, ast.UnOp) and lhs.op == "-@":
            # Unary minus binds looser than `**`: `-x ** 2` is `-(x ** 2)`.
            return ast.UnOp(line, col, "-@", ast.BinOp(line, col, "**", lhs.operand, rhs))
        if op.type == "ANDOP":
            return ast.And(line, col, lhs, rhs)
        if op.type == "OROP":
            return ast.Or(line, col, lhs, rhs)
        return ast.BinOp(line, col, str(op.value), lhs, rhs)

    def uminus(self, c: list[Any]) -> Any:
        line, col = _pos(c[0])
        x = c[1]
        if isinstance(x, ast.IntLit | ast.FloatLit) and c[0].value != "-pow":
            return ast.replace(x, line=line, col=col, value=-x.value)
        return ast.UnOp(line, col, "-@", x)

    def uplus(self, c: list[Any]) -> Any:
        line, col = _pos(c[0])
        return ast.UnOp(line, col, "+@", c[1])

    def tilde(self, c: list[Any]) -> Any:
        line, col = _pos(c[0])
        return ast.UnOp(line, col, "~", c[1])

    def defined(self, c: list[Any]) -> ast.Defined:
        line, col = _pos(c[0])
        return ast.Defined(line, col, _nodes(c)[0])

    # ------------------------------------------------------------ calls

    def split_args(self, items: list[Any], at: Any) -> tuple[tuple[Any, ...], Any]:
        """Argument items -> (arguments with a trailing bare hash for the pairs, block pass or None)."""
        args: list[Any] = []
        pairs: list[Any] = []
        block = None
        for item in items:
            if isinstance(item, _Pair):
                pairs.append((item.key, item.value))
            elif isinstance(item, ast.DoubleSplat):
                pairs.append(item)
            elif isinstance(item, ast.BlockPass):
                block = item
            else:
                if pairs:
                    raise self.error("a positional argument cannot follow keyword arguments", item)
                args.append(item)
        if pairs:
            line, col = _pos(pairs[0] if not isinstance(pairs[0], tuple) else pairs[0][0])
            args.append(ast.HashLit(line, col, tuple(pairs), False))
        return tuple(args), block

    def call_args(self, c: list[Any]) -> list[Any]:
        if len(c) == 1:
            return list(c[0]) if isinstance(c[0], tuple) else [c[0]]
        return c[0] + (list(c[2]) if isinstance(c[2], tuple) else [c[2]])

    def forward_args(self, c: list[Any]) -> tuple[Any, ...]:
        """``g(...)``: the forwarding method's anonymous rest, keywords and block, passed on."""
        line, col = _pos(c[0])
        return (
            ast.Splat(line, col, ast.LVar(line, col, "*")),
            ast.DoubleSplat(line, col, ast.LVar(line, col, "**")),
            ast.BlockPass(line, col, ast.LVar(line, col, "&")),
        )

    def nested_command(self, c: list[Any]) -> list[Any]:
        return [c[0]]

    def splat(self, c: list[Any]) -> ast.Splat:
        line, col = _pos(c[0])
        return ast.Splat(line, col, c[1])

    def dsplat(self, c: list[Any]) -> ast.DoubleSplat:
        line, col = _pos(c[0])
        return ast.DoubleSplat(line, col, c[1])

    def block_pass(self, c: list[Any]) -> ast.BlockPass:
        line, col = _pos(c[0])
        return ast.BlockPass(line, col, c[1])

    def anon_block_pass(self, c: list[Any]) -> ast.BlockPass:
        line, col = _pos(c[0])
        return ast.BlockPass(line, col, ast.LVar(line, col, "&"))

    def pair(self, c: list[Any]) -> _Pair:
        return _Pair(c[0], c[2])

    def label_pair(self, c: list[Any]) -> _Pair:
        line, col = _pos(c[0])
        return _Pair(ast.SymLit(line, col, str(c[0].value)), c[1])

    def _call(self, recv: Any, name_tok: Token, items: list[Any] | None, block: Any, safe: bool = False) -> ast.Call:
        line, col = _pos(recv if recv is not None else name_tok)
        args, block_pass = self.split_args(items or [], name_tok)
        if block_pass is not None:
            if block is not None:
                raise self.error("both block arg and actual block given", block)
            block = block_pass
        return ast.Call(line, col, recv, str(name_tok.value), args, block, safe)

    def fcall_cmd(self, c: list[Any]) -> ast.Call:
        return self._call(None, c[0], c[1], None)

    def call_cmd(self, c: list[Any]) -> ast.Call:
        return self._call(c[0], c[2], c[3], None)

    def safe_call_cmd(self, c: list[Any]) -> ast.Call:
        return self._call(c[0], c[2], c[3], None, safe=True)

    def super_cmd(self, c: list[Any]) -> ast.Super:
        line, col = _pos(c[0])
        args, block = self.split_args(c[1], c[0])
        return ast.Super(line, col, args, block, False)

    def yield_cmd(self, c: list[Any]) -> ast.Yield:
        line, col = _pos(c[0])
        args, _ = self.split_args(c[1], c[0])
        return ast.Yield(line, col, args)

    def block_command(self, c: list[Any]) -> Any:
        call = c[0]
        params = c[2] if len(c) == 5 else None
        body = c[-2]
        line, col = _pos(c[1])
        block = ast.Block(line, col, params, self.block_body(body), self.file)
        if call.block is not None:
            raise self.error("both block arg and actual block given", c[1])
        if type(call) is ast.Call:  # `task :a do ... end`, the commonest: no generic copy
            return ast.Call(call.line, call.col, call.recv, call.name, call.args, block, call.safe, call.vcall)
        return ast.replace(call, block=block)

    def _tail(self, c: list[Any], start: int) -> tuple[list[Any] | None, Any]:
        items = None
        block = None
        for x in c[start:]:
            if isinstance(x, _ParenArgs):
                items = x.items
            elif isinstance(x, ast.Block):
                block = x
        return items, block

    def method_call(self, c: list[Any]) -> ast.Call:
        items, block = self._tail(c, 3)
        return self._call(c[0], c[2], items, block)

    def safe_method_call(self, c: list[Any]) -> ast.Call:
        items, block = self._tail(c, 3)
        return self._call(c[0], c[2], items, block, safe=True)

    def call_shorthand(self, c: list[Any]) -> ast.Call:
        line, col = _pos(c[0])
        args, block = self.split_args(c[2].items, c[1])
        return ast.Call(line, col, c[0], "call", args, block)

    def fcall(self, c: list[Any]) -> ast.Call:
        items, block = self._tail(c, 1)
        return self._call(None, c[0], items, block)

    def fcall_block(self, c: list[Any]) -> ast.Call:
        return self._call(None, c[0], None, c[1])

    def paren_args(self, c: list[Any]) -> _ParenArgs:
        if len(c) == 2:
            return _ParenArgs([])
        return _ParenArgs(c[1] if isinstance(c[1], list) else [c[1]])  # `p(String.new "x")`: one command

    def index(self, c: list[Any]) -> ast.Call:
        line, col = _pos(c[0])
        items = c[2] if len(c) > 3 else []
        args, block = self.split_args(items, c[1])
        return ast.Call(line, col, c[0], "[]", args, block)

    def yield_(self, c: list[Any]) -> ast.Yield:
        line, col = _pos(c[0])
        args, _ = self.split_args(c[1].items if len(c) > 1 else [], c[0])
        return ast.Yield(line, col, args)

    def super_(self, c: list[Any]) -> ast.Super:
        line, col = _pos(c[0])
        items, block = self._tail(c, 1)
        args, block_pass = self.split_args(items or [], c[0])
        return ast.Super(line, col, args, block or block_pass, items is None)

    # ------------------------------------------------------------ literals and variables

    def literal(self, c: list[Any]) -> Any:
        tok = c[0]
        line, col = _pos(tok)
        t = tok.type
        if t == "INTEGER":
            return ast.IntLit(line, col, tok.value)
        if t == "FLOAT":
            return ast.FloatLit(line, col, tok.value)
        if t == "KW_NIL":
            return ast.Nil(line, col)
        if t == "KW_TRUE":
            return ast.TrueLit(line, col)
        if t == "KW_FALSE":
            return ast.FalseLit(line, col)
        if t == "KW_SELF":
            return ast.SelfNode(line, col)
        if t == "KW_FILE":
            return ast.FileLit(line, col, self.file)
        return ast.IntLit(line, col, line)  # __LINE__

    def _parts(self, items: list[Any]) -> tuple[Any, ...]:
        parts: list[Any] = []
        for x in items:
            if isinstance(x, Token):
                if x.type != "STR_CONTENT":
                    continue
                text = str(x.value)
                if parts and isinstance(parts[-1], str):
                    parts[-1] += text
                else:
                    parts.append(text)
            else:
                parts.append(x)
        return tuple(parts)

    def strings(self, c: list[Any]) -> Any:
        if len(c) == 1 and type(c[0]) is Token:  # one literal without interpolation, the commonest
            tok = c[0]
            return ast.StrLit(tok.line or 0, tok.column or 0, str(tok.value))
        line, col = _pos(c[0])
        parts: list[Any] = []
        for x in c:
            seq = (str(x.value),) if isinstance(x, Token) else x.parts
            for p in seq:
                if isinstance(p, str) and parts and isinstance(parts[-1], str):
                    parts[-1] += p
                else:
                    parts.append(p)
        if all(isinstance(p, str) for p in parts):
            return ast.StrLit(line, col, "".join(parts))
        return ast.DStr(line, col, tuple(parts))

    def dstring(self, c: list[Any]) -> ast.DStr:
        line, col = _pos(c[0])
        return ast.DStr(line, col, self._parts(c[1:-1]))

    def interp(self, c: list[Any]) -> Any:
        body = c[1]
        line, col = _pos(c[0])
        if len(body) == 1:
            return body[0]
        if not body:
            return ast.Nil(line, col)
        return ast.Seq(line, col, body)

    def xstring(self, c: list[Any]) -> ast.XStr:
        line, col = _pos(c[0])
        return ast.XStr(line, col, self._parts(c[1:-1]))

    def regexp(self, c: list[Any]) -> ast.RegexLit:
        line, col = _pos(c[0])
        return ast.RegexLit(line, col, self._parts(c[1:-1]), str(c[-1].value))

    def symbol(self, c: list[Any]) -> ast.SymLit:
        line, col = _pos(c[0])
        return ast.SymLit(line, col, str(c[0].value))

    def dsym(self, c: list[Any]) -> ast.DSym:
        line, col = _pos(c[0])
        return ast.DSym(line, col, self._parts(c[1:-1]))

    def word(self, c: list[Any]) -> tuple[Any, ...]:
        parts = self._parts(c[1:-1])
        return parts or ("",)

    def words(self, c: list[Any]) -> ast.ArrayLit:
        line, col = _pos(c[0])
        kind = str(c[0].value)
        elements: list[ast.Node] = []
        for parts in c[1:-1]:
            simple = all(isinstance(p, str) for p in parts)
            if kind in ("w", "W"):
                elements.append(ast.StrLit(line, col, "".join(parts)) if simple else ast.DStr(line, col, parts))
            else:
                elements.append(ast.SymLit(line, col, "".join(parts)) if simple else ast.DSym(line, col, parts))
        return ast.ArrayLit(line, col, tuple(elements))

    def array(self, c: list[Any]) -> ast.ArrayLit:
        line, col = _pos(c[0])
        items = c[1] if len(c) > 2 else []
        elements: list[Any] = []
        pairs: list[Any] = []
        for item in items:
            if isinstance(item, _Pair):
                pairs.append((item.key, item.value))
            else:
                elements.append(item)
        if pairs:
            elements.append(ast.HashLit(line, col, tuple(pairs), True))
        return ast.ArrayLit(line, col, tuple(elements))

    def hash(self, c: list[Any]) -> ast.HashLit:
        line, col = _pos(c[0])
        items = c[1] if len(c) > 2 else []
        pairs = tuple((i.key, i.value) if isinstance(i, _Pair) else i for i in items)
        return ast.HashLit(line, col, pairs, True)

    def assocs(self, c: list[Any]) -> list[Any]:
        if len(c) == 1:
            return [c[0]]
        return c[0] + [c[2]]

    def lvar(self, c: list[Any]) -> ast.LVar:
        line, col = _pos(c[0])
        return ast.LVar(line, col, str(c[0].value))

    def ivar(self, c: list[Any]) -> ast.IVar:
        line, col = _pos(c[0])
        return ast.IVar(line, col, str(c[0].value))

    def gvar(self, c: list[Any]) -> ast.GVar:
        line, col = _pos(c[0])
        return ast.GVar(line, col, str(c[0].value))

    def cvar(self, c: list[Any]) -> ast.CVar:
        line, col = _pos(c[0])
        return ast.CVar(line, col, str(c[0].value))

    def nth_ref(self, c: list[Any]) -> ast.NthRef:
        line, col = _pos(c[0])
        return ast.NthRef(line, col, int(c[0].value))

    def vcall(self, c: list[Any]) -> ast.Call:
        line, col = _pos(c[0])
        name = str(c[0].value)
        return ast.Call(line, col, None, name, (), None, False, not name.endswith(("?", "!")))

    def const(self, c: list[Any]) -> ast.Const:
        line, col = _pos(c[0])
        name = str(c[0].value)
        if name in UNSUPPORTED_CONSTANTS:
            raise UnsupportedSyntax(
                f"`{name}` is Ruby that pydrake does not provide", self.file, line, col
            )
        return ast.Const(line, col, None, name, False)

    def scoped_const(self, c: list[Any]) -> ast.Const:
        line, col = _pos(c[0])
        return ast.Const(line, col, c[0], str(c[2].value), False)

    def top_const(self, c: list[Any]) -> ast.Const:
        line, col = _pos(c[0])
        return ast.Const(line, col, None, str(c[1].value), True)

    def seq(self, c: list[Any]) -> Any:
        body = c[1]
        line, col = _pos(c[0])
        if not body:
            return ast.Nil(line, col)
        if len(body) == 1:
            return body[0]
        return ast.Seq(line, col, body)

    # ------------------------------------------------------------ control flow

    def then(self, c: list[Any]) -> None:
        return None

    def do_cond(self, c: list[Any]) -> None:
        return None

    def if_(self, c: list[Any]) -> ast.If:
        line, col = _pos(c[0])
        cond, body, tail = c[1], c[3], c[4]
        else_: tuple[Any, ...] | None = None
        for kind, *rest in reversed(tail):
            if kind == "else":
                else_ = rest[0]
            else:
                econd, ebody, eline, ecol = rest
                else_ = (ast.If(eline, ecol, econd, ebody, else_),)
        return ast.If(line, col, cond, body, else_)

    def if_tail(self, c: list[Any]) -> list[Any]:
        return list(c)

    def elsif(self, c: list[Any]) -> tuple[Any, ...]:
        line, col = _pos(c[0])
        return ("elsif", c[1], c[3], line, col)

    def else_part(self, c: list[Any]) -> tuple[str, Any]:
        return ("else", c[1])

    def unless_(self, c: list[Any]) -> ast.If:
        line, col = _pos(c[0])
        else_ = c[4][1] if len(c) == 6 else None
        return ast.If(line, col, c[1], else_ or (), c[3])

    def while_(self, c: list[Any]) -> ast.While:
        line, col = _pos(c[0])
        return ast.While(line, col, c[1], c[3], False, False)

    def until_(self, c: list[Any]) -> ast.While:
        line, col = _pos(c[0])
        return ast.While(line, col, c[1], c[3], True, False)

    def for_vars(self, c: list[Any]) -> Any:
        names = [ast.LVar(*_pos(t), str(t.value)) for t in c if _is_tok(t, "LVAR")]
        if len(names) == 1:
            return names[0]
        return ast.MultiTarget(names[0].line, names[0].col, tuple(names))

    def for_(self, c: list[Any]) -> ast.For:
        line, col = _pos(c[0])
        return ast.For(line, col, c[1], c[3], c[5])

    def case_(self, c: list[Any]) -> ast.Case:
        line, col = _pos(c[0])
        subject = None
        whens: list[ast.When] = []
        else_ = None
        for x in c[1:]:
            if isinstance(x, ast.When):
                whens.append(x)
            elif isinstance(x, tuple) and x and x[0] == "else":
                else_ = x[1]
            elif isinstance(x, Token):
                continue
            elif x is not None:
                subject = x
        return ast.Case(line, col, subject, tuple(whens), else_)

    def when_clause(self, c: list[Any]) -> ast.When:
        line, col = _pos(c[0])
        return ast.When(line, col, tuple(c[1]), c[3])

    def begin_(self, c: list[Any]) -> ast.Begin:
        line, col = _pos(c[0])
        return ast.replace(c[1], line=line, col=col)

    def body_stmt(self, c: list[Any]) -> ast.Begin:
        body = c[0]
        rescues = tuple(x for x in c[1:] if isinstance(x, ast.RescueClause))
        else_ = ensure = None
        for x in c[1:]:
            if isinstance(x, tuple) and x[0] == "else":
                else_ = x[1]
            elif isinstance(x, tuple) and x[0] == "ensure":
                ensure = x[1]
        line, col = _pos(body) if body else (0, 0)
        return ast.Begin(line, col, body, rescues, else_, ensure)

    def rescue_clause(self, c: list[Any]) -> ast.RescueClause:
        line, col = _pos(c[0])
        classes: tuple[Any, ...] = ()
        target = None
        for x in c[1:-1]:
            if isinstance(x, list):
                classes = tuple(x)
            elif isinstance(x, ast.Node):
                target = x
        return ast.RescueClause(line, col, classes, target, c[-1])

    def rescue_classes(self, c: list[Any]) -> list[Any]:
        return _nodes(c)

    def rescue_var(self, c: list[Any]) -> Any:
        return self.target(c[1])

    def ensure_part(self, c: list[Any]) -> tuple[str, Any]:
        return ("ensure", c[1])

    def block_body(self, body: ast.Begin) -> tuple[Any, ...]:
        """A do-block's body: its statements, wrapped in the Begin when it rescues or ensures."""
        if body.rescues or body.else_ is not None or body.ensure is not None:
            return (body,)
        return body.body

    # ------------------------------------------------------------ definitions

    def fname(self, c: list[Any]) -> tuple[Any, str]:
        return (None, str(c[0].value))

    def singleton_fname(self, c: list[Any]) -> tuple[Any, str]:
        tok = c[0]
        line, col = _pos(tok)
        if tok.type == "KW_SELF":
            target: Any = ast.SelfNode(line, col)
        elif tok.type == "CONST":
            target = ast.Const(line, col, None, str(tok.value), False)
        else:
            target = ast.LVar(line, col, str(tok.value))
        return (target, str(c[2].value))

    def def_(self, c: list[Any]) -> ast.Def:
        line, col = _pos(c[0])
        singleton, name = c[1]
        return ast.Def(line, col, name, c[2], c[3], singleton, self.file)

    def def_endless(self, c: list[Any]) -> ast.Def:
        """``def f(x) = body``: a def whose body is one expression (a setter cannot be one)."""
        line, col = _pos(c[0])
        singleton, name = c[1]
        if name.endswith("=") and (name[0].isalpha() or name[0] == "_"):
            raise RubySyntaxError(
                "setter method cannot be defined in an endless method definition", self.file, line, col
            )
        params = next((x for x in c[2:-1] if isinstance(x, ast.Params)), None)
        if params is None:
            params = self.params_from([], line, col)
        body = c[-1]
        body_line, body_col = _pos(body)
        return ast.Def(line, col, name, params, ast.Begin(body_line, body_col, (body,), (), None, None), singleton, self.file)

    def def_endless_rescue(self, c: list[Any]) -> ast.Def:
        """``def f = body rescue fallback``: the rescue modifier belongs to the body."""
        body, fallback = c[-3], c[-1]
        line, col = _pos(body)
        return self.def_endless([*c[:-3], ast.RescueMod(line, col, body, fallback)])

    def endless_params(self, c: list[Any]) -> ast.Params | None:
        return self.def_params(c) if c else None

    def def_params(self, c: list[Any]) -> ast.Params:
        for x in c:
            if isinstance(x, ast.Params):
                return x
        line, col = _pos(c[0])
        return self.params_from([], line, col)

    def param_list(self, c: list[Any]) -> ast.Params:
        items = [x for x in c if not isinstance(x, Token)]
        line, col = _pos(c[0]) if not isinstance(c[0], tuple) else (0, 0)
        return self.params_from(items, line, col)

    def params_from(self, items: list[Any], line: int, col: int, trailing_comma: bool = False) -> ast.Params:
        required: list[Any] = []
        optional: list[tuple[str, Any]] = []
        rest: str | None = None
        post: list[Any] = []
        kw: list[tuple[str, Any]] = []
        kwrest: str | None = None
        block: str | None = None
        for item in items:
            kind = item[0]
            if kind == "req":
                (post if rest is not None or optional else required).append(item[1])
            elif kind == "opt":
                optional.append((item[1], item[2]))
            elif kind == "rest":
                rest = item[1]
            elif kind == "kw":
                kw.append((item[1], item[2]))
            elif kind == "kwrest":
                kwrest = item[1]
            elif kind == "block":
                block = item[1]
            elif kind == "forward":
                rest, kwrest, block = "*", "**", "&"
        return ast.Params(
            line, col, tuple(required), tuple(optional), rest, tuple(post), tuple(kw), kwrest, block, trailing_comma
        )

    def req_param(self, c: list[Any]) -> tuple[str, str]:
        return ("req", str(c[0].value))

    def opt_param(self, c: list[Any]) -> tuple[str, str, Any]:
        return ("opt", str(c[0].value), c[2])

    def rest_param(self, c: list[Any]) -> tuple[str, str]:
        return ("rest", str(c[1].value) if len(c) > 1 else "*")

    def kwrest_param(self, c: list[Any]) -> tuple[str, str]:
        return ("kwrest", str(c[1].value) if len(c) > 1 else "**")

    def block_param_amp(self, c: list[Any]) -> tuple[str, str]:
        return ("block", str(c[1].value) if len(c) > 1 else "&")

    def forward_param(self, c: list[Any]) -> tuple[str, ...]:
        """``def f(...)``: an anonymous rest, keyword rest and block (what ``g(...)`` passes on)."""
        return ("forward",)

    def kw_param(self, c: list[Any]) -> tuple[str, str, Any]:
        return ("kw", str(c[0].value), c[1] if len(c) > 1 else None)

    def destructure(self, c: list[Any]) -> tuple[str, Any]:
        line, col = _pos(c[0])
        targets: list[Any] = []
        for item in c[1]:
            if item[0] == "req":
                name = item[1]
                targets.append(name if isinstance(name, ast.MultiTarget) else ast.LVar(line, col, name))
            elif item[0] == "rest":
                targets.append(ast.Splat(line, col, ast.LVar(line, col, item[1]) if item[1] != "*" else None))
            else:
                line, col = _pos(c[0])
                raise UnsupportedSyntax(
                    "this parameter inside a destructuring group is Ruby that pydrake does not provide", self.file, line, col
                )
        return ("req", ast.MultiTarget(line, col, tuple(targets)))

    def block_param_list(self, c: list[Any]) -> list[Any]:
        if len(c) == 1:
            return [c[0]]
        return c[0] + [c[2]]

    def block_params(self, c: list[Any]) -> ast.Params:
        line, col = _pos(c[0])
        items = c[1] if len(c) == 3 else []
        return self.params_from(items, line, col)

    def block_params_trailing(self, c: list[Any]) -> ast.Params:
        line, col = _pos(c[0])
        return self.params_from(c[1], line, col, trailing_comma=True)

    def brace_block(self, c: list[Any]) -> ast.Block:
        line, col = _pos(c[0])
        params = c[1] if isinstance(c[1], ast.Params) else None
        return ast.Block(line, col, params, c[-2], self.file)

    def do_block(self, c: list[Any]) -> ast.Block:
        line, col = _pos(c[0])
        params = c[1] if isinstance(c[1], ast.Params) else None
        return ast.Block(line, col, params, self.block_body(c[-2]), self.file)

    def lambda_params(self, c: list[Any]) -> ast.Params:
        for x in c:
            if isinstance(x, ast.Params):
                return x
        line, col = _pos(c[0])
        return self.params_from([], line, col)

    def bare_lambda_params(self, c: list[Any]) -> ast.Params:
        line, col = _pos(c[0])
        return self.params_from([("req", str(t.value)) for t in c if _is_tok(t, "LVAR")], line, col)

    def lambda_body(self, c: list[Any]) -> tuple[Any, ...]:
        body = c[1]
        return self.block_body(body) if isinstance(body, ast.Begin) else body

    def lambda_(self, c: list[Any]) -> ast.Lambda:
        line, col = _pos(c[0])
        params = c[1] if len(c) == 3 else None
        return ast.Lambda(line, col, params, c[-1], self.file)

    def superclass(self, c: list[Any]) -> Any:
        return c[1]

    def _cpath(self, node: Any) -> ast.Const:
        if not isinstance(node, ast.Const):
            raise self.error("class/module name must be CONSTANT", node)
        return node

    def class_(self, c: list[Any]) -> ast.ClassDef:
        line, col = _pos(c[0])
        superclass = c[2] if len(c) == 6 else None
        return ast.ClassDef(line, col, self._cpath(c[1]), superclass, c[-2], self.file)

    def sclass(self, c: list[Any]) -> ast.SClass:
        line, col = _pos(c[0])
        return ast.SClass(line, col, c[2], self.block_body(c[4]))

    def module_(self, c: list[Any]) -> ast.ModuleDef:
        line, col = _pos(c[0])
        return ast.ModuleDef(line, col, self._cpath(c[1]), c[3], self.file)
