"""Evaluation of AST nodes: one handler per node class, dispatched through a dict.

Every handler takes the node and the running ``Frame``; nothing about the
running code is stored on the interpreter itself.
"""

from __future__ import annotations

import operator
from types import FunctionType
from typing import TYPE_CHECKING, Any

from pydrake.runtime.classes import CORE, OBJECT, STANDARD_ERROR, STRING
from pydrake.runtime.core.enumerable import KeyArray
from pydrake.runtime.environment import MISSING, Env
from pydrake.runtime.frames import (
    BreakSignal,
    Cref,
    Frame,
    NextSignal,
    RedoSignal,
    RetrySignal,
    ReturnSignal,
)
from pydrake.runtime.objects import (
    RClass,
    RHash,
    RModule,
    RObject,
    RProc,
    RRange,
    RRegexp,
    RString,
    RubyError,
    Symbol,
    truthy,
)
from pydrake.runtime.tables import UNDEF, MetaClass, UserClass, UserMethod, UserModule
from pydrake.syntax import ast

_INT_OPS = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "<": operator.lt,
    ">": operator.gt,
    "<=": operator.le,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
}
_FLOAT_OPS = {k: _INT_OPS[k] for k in ("+", "-", "*", "<", ">", "<=", ">=", "==", "!=")}
_UNARY = {"-": "-@", "+": "+@", "~": "~", "!": "!"}
_REGEX_FLAGS = {"i": 1, "x": 2, "m": 4}
_PRIVATE_BY_DEFAULT = ("initialize", "initialize_copy", "initialize_clone", "initialize_dup", "respond_to_missing?")


if TYPE_CHECKING:
    from pydrake.runtime.evaluator_host import EvaluatorHost
else:
    EvaluatorHost = object


def _frozen(text: str) -> RString:
    return RString(text, frozen=True)


class Evaluator(EvaluatorHost):
    """The node handlers of the Interpreter (mixed into it)."""

    def _init_evaluator(self) -> None:
        self._regex_cache: dict[int, tuple[Any, RRegexp]] = {}
        # Built-in methods that can take a literal call's arguments as they are kept (literal data,
        # see ``pydrake.syntax.literal_calls``), by method: ``form(rt, recv, args, kw, block=)``
        # does what the method does with the values those literals make, or returns
        # ``NOT_A_FORM`` for the method to be called with the values.
        self.literal_forms: dict[Any, Any] = {}
        A = ast
        self._table: dict[type, Any] = {
            A.Nil: self.ev_nil,
            A.TrueLit: self.ev_true,
            A.FalseLit: self.ev_false,
            A.SelfNode: self.ev_self,
            A.IntLit: self.ev_num,
            A.FloatLit: self.ev_num,
            A.StrLit: self.ev_str,
            A.DStr: self.ev_dstr,
            A.XStr: self.ev_xstr,
            A.SymLit: self.ev_sym,
            A.DSym: self.ev_dsym,
            A.RegexLit: self.ev_regex,
            A.ArrayLit: self.ev_array,
            A.HashLit: self.ev_hash,
            A.RangeLit: self.ev_range,
            A.FileLit: self.ev_file,
            A.LVar: self.ev_lvar,
            A.IVar: self.ev_ivar,
            A.GVar: self.ev_gvar,
            A.CVar: self.ev_cvar,
            A.NthRef: self.ev_nthref,
            A.Const: self.ev_const,
            A.Call: self.ev_call,
            A.Splat: self.ev_splat,
            A.DoubleSplat: self.ev_dsplat,
            A.BinOp: self.ev_binop,
            A.UnOp: self.ev_unop,
            A.Not: self.ev_not,
            A.And: self.ev_and,
            A.Or: self.ev_or,
            A.Defined: self.ev_defined,
            A.Super: self.ev_super,
            A.Yield: self.ev_yield,
            A.Assign: self.ev_assign,
            A.OpAssign: self.ev_opassign,
            A.MultiAssign: self.ev_multiassign,
            A.If: self.ev_if,
            A.While: self.ev_while,
            A.For: self.ev_for,
            A.Case: self.ev_case,
            A.CaseIn: self.ev_case_in,
            A.MatchPattern: self.ev_match_pattern,
            A.Break: self.ev_break,
            A.Next: self.ev_next,
            A.Redo: self.ev_redo,
            A.Retry: self.ev_retry,
            A.Return: self.ev_return,
            A.Begin: self.ev_begin,
            A.RescueMod: self.ev_rescuemod,
            A.Seq: self.ev_seq,
            A.Def: self.ev_def,
            A.Lambda: self.ev_lambda,
            A.ClassDef: self.ev_classdef,
            A.SClass: self.ev_sclass,
            A.ModuleDef: self.ev_moduledef,
            A.Alias: self.ev_alias,
            A.Undef: self.ev_undef,
            A.Program: self.ev_program,
            A.LiteralCall: self.ev_literal_call,
        }

    # ------------------------------------------------------------ driving

    def eval(self, node: Any, fr: Frame) -> Any:
        """Evaluate one node."""
        return self._table[node.__class__](node, fr)

    def body(self, stmts: Any, fr: Frame) -> Any:
        """Evaluate a statement list; the value of the last one (nil when empty)."""
        res = None
        table = self._table
        for st in stmts:
            fr.line = st.line
            res = table[st.__class__](st, fr)
        return res

    # ------------------------------------------------------------ literals

    def ev_nil(self, node: Any, fr: Frame) -> Any:
        return None

    def ev_true(self, node: Any, fr: Frame) -> Any:
        return True

    def ev_false(self, node: Any, fr: Frame) -> Any:
        return False

    def ev_self(self, node: Any, fr: Frame) -> Any:
        return fr.self_obj

    def ev_num(self, node: Any, fr: Frame) -> Any:
        return node.value

    def ev_str(self, node: ast.StrLit, fr: Frame) -> Any:
        return RString(node.value)

    def interpolate(self, parts: Any, fr: Frame) -> str:
        """The text of interpolated parts (literal str or nodes whose value's ``to_s`` is used)."""
        out: list[str] = []
        table = self._table
        for p in parts:
            if p.__class__ is str:
                out.append(p)
                continue
            v = table[p.__class__](p, fr)
            t = v.__class__
            if t is RString:
                out.append(v.s)
            elif t is int:
                out.append(str(v))
            elif v is None:
                pass
            else:
                out.append(self.to_s(v))
        return "".join(out)

    def ev_dstr(self, node: ast.DStr, fr: Frame) -> Any:
        return RString(self.interpolate(node.parts, fr))

    def ev_xstr(self, node: ast.XStr, fr: Frame) -> Any:
        cmd = RString(self.interpolate(node.parts, fr))
        return self.send(fr.self_obj, "`", (cmd,), None, None, True)

    def ev_sym(self, node: ast.SymLit, fr: Frame) -> Any:
        return Symbol.of(node.name)

    def ev_dsym(self, node: ast.DSym, fr: Frame) -> Any:
        return Symbol.of(self.interpolate(node.parts, fr))

    def ev_regex(self, node: ast.RegexLit, fr: Frame) -> Any:
        cached = self._regex_cache.get(id(node))
        if cached is not None and cached[0] is node:
            return cached[1]
        static = all(p.__class__ is str for p in node.parts)
        if static:
            source = "".join(node.parts)
        else:
            out: list[str] = []
            for p in node.parts:
                if p.__class__ is str:
                    out.append(p)
                else:
                    out.append(self.to_s(self.eval(p, fr)))
            source = "".join(out)
        options = 0
        for ch in node.flags:
            options |= _REGEX_FLAGS.get(ch, 0)
        rx = self.make_regexp(source, options)
        if static or "o" in node.flags:
            self._regex_cache[id(node)] = (node, rx)
        return rx

    def make_regexp(self, source: str, options: int) -> RRegexp:
        """A Regexp from Ruby source and option bits (RegexpError when it cannot be translated)."""
        from pydrake.runtime import rubyregex

        try:
            pattern = rubyregex.translate(source, options)
        except ValueError as e:
            raise self.make_error("RegexpError", str(e)) from e
        return RRegexp(source, options, pattern)

    def ev_array(self, node: ast.ArrayLit, fr: Frame) -> Any:
        out: list[Any] = []
        table = self._table
        for e in node.elements:
            t = e.__class__
            if t is ast.StrLit:  # the commonest element, made here without a dispatch
                out.append(RString(e.value))
            elif t is ast.Splat:
                out.extend(self.splat_list(self.eval(e.value, fr)))
            else:
                out.append(table[t](e, fr))
        return out

    def ev_hash(self, node: ast.HashLit, fr: Frame) -> Any:
        h = RHash()
        table = self._table
        for p in node.pairs:
            if p.__class__ is ast.DoubleSplat:
                h.update(self.to_hash(self.eval(p.value, fr)))
                continue
            kn = p[0]
            if kn.__class__ is ast.StrLit:  # the commonest key: made frozen at once, as Ruby copies it
                k: Any = RString(kn.value, True)
            else:
                k = table[kn.__class__](kn, fr)
                if k.__class__ is RString:
                    if not k.frozen:
                        k = RString(k.s, True)
                elif k.__class__ is list:
                    k = KeyArray(k)
            h[k] = table[p[1].__class__](p[1], fr)
        return h

    def to_hash(self, v: Any) -> RHash:
        """The Hash a ``**value`` spreads (nil spreads nothing)."""
        if isinstance(v, RHash):
            return v
        if v is None:
            return RHash()
        if self.responds_to(v, "to_hash"):
            r = self.send(v, "to_hash")
            if isinstance(r, RHash):
                return r
        raise self.make_error("TypeError", f"no implicit conversion of {self.real_class(v).name} into Hash")

    def ev_range(self, node: ast.RangeLit, fr: Frame) -> Any:
        lo = None if node.low is None else self.eval(node.low, fr)
        hi = None if node.high is None else self.eval(node.high, fr)
        return RRange(lo, hi, node.exclusive)

    def ev_file(self, node: ast.FileLit, fr: Frame) -> Any:
        return RString(node.path)

    def ev_splat(self, node: ast.Splat, fr: Frame) -> Any:
        return list(self.splat_list(self.eval(node.value, fr)))

    def ev_dsplat(self, node: ast.DoubleSplat, fr: Frame) -> Any:
        h = RHash()
        h.update(self.to_hash(self.eval(node.value, fr)))
        return h

    def splat_list(self, v: Any) -> list[Any]:
        """The elements ``*v`` spreads: an Array, nil as nothing, else ``to_a`` or ``[v]``."""
        t = v.__class__
        if t is list:
            return v
        if v is None:
            return []
        if t is RHash:
            return [[k, x] for k, x in v.items()]
        if self.find_method(v, "to_a") is not None:
            r = self.send(v, "to_a")
            if r.__class__ is list:
                return r
        return [v]

    def to_ary(self, v: Any) -> list[Any]:
        """What a multiple assignment destructures: an Array, ``to_ary``'s result, else ``[v]``."""
        if v.__class__ is list:
            return v
        if v is not None and type(v) is RObject and self.find_method(v, "to_ary") is not None:
            r = self.send(v, "to_ary")
            if r.__class__ is list:
                return r
        return [v]

    # ------------------------------------------------------------ variables

    def ev_lvar(self, node: ast.LVar, fr: Frame) -> Any:
        name = node.name
        env: Env | None = fr.env
        while env is not None:
            d = env.vars
            if name in d:
                return d[name]
            env = env.parent
        return None

    def ev_ivar(self, node: ast.IVar, fr: Frame) -> Any:
        s = fr.self_obj
        if s.__class__ is RObject:
            return s.ivars.get(node.name)
        return self.ivars_of(s).get(node.name)

    def set_ivar(self, obj: Any, name: str, value: Any) -> None:
        """Assign an instance variable (FrozenError on a frozen object)."""
        if obj.__class__ is RObject:
            if obj.frozen:
                raise self.make_error(
                    "FrozenError", f"can't modify frozen {self.real_class(obj).name}: {self.inspect(obj)}"
                )
            obj.ivars[name] = value
        else:
            self.ivars_of(obj)[name] = value

    def ev_gvar(self, node: ast.GVar, fr: Frame) -> Any:
        return self.get_global(node.name)

    def _cvar_base(self, fr: Frame) -> RModule:
        mod = fr.cref.mod
        if mod is OBJECT and fr.method is not None and fr.method.owner is not OBJECT:
            mod = fr.method.owner
        return mod

    def ev_cvar(self, node: ast.CVar, fr: Frame) -> Any:
        base = self._cvar_base(fr)
        holder = self.cvar_holder(base, node.name)
        if holder is None:
            raise self._name_error(f"uninitialized class variable {node.name} in {self.module_name(base)}", node.name)
        return holder.cvars[node.name]

    def set_cvar(self, fr: Frame, name: str, value: Any) -> None:
        """Assign a class variable where it is defined, else in the current class."""
        base = self._cvar_base(fr)
        holder = self.cvar_holder(base, name)
        if holder is None:
            if type(base) is MetaClass:
                base = base.attached
            holder = self.tables(base)
        holder.cvars[name] = value

    def ev_nthref(self, node: ast.NthRef, fr: Frame) -> Any:
        m = fr.svar_frame().match
        if m is None:
            return None
        try:
            g = m.match.group(node.n)
        except IndexError:
            return None
        return None if g is None else RString(g)

    def _name_error(self, message: str, name: str) -> RubyError:
        err = self.make_error("NameError", message)
        err.exc.ivars["__name"] = Symbol.of(name.lstrip("@$"))
        return err

    def ev_const(self, node: ast.Const, fr: Frame) -> Any:
        if node.scope is None:
            if node.top:
                v = self.own_const(OBJECT, node.name, MISSING)
                if v is MISSING:
                    v = CORE.get(node.name, MISSING)
                if v is MISSING:
                    raise self._name_error(f"uninitialized constant {node.name}", node.name)
                return v
            return self.lookup_const(node.name, fr)
        scope = self.eval(node.scope, fr)
        return self.scoped_const(scope, node.name)

    def scoped_const(self, scope: Any, name: str, scoped: bool = True) -> Any:
        """``scope::Name`` (``scoped`` False: also top-level constants, as ``const_get`` finds them)."""
        if not isinstance(scope, RModule):
            raise self.make_error("TypeError", f"{self.inspect(scope)} is not a class/module")
        v = self.lookup_const_in(scope, name, MISSING, scoped)
        if v is MISSING:
            if scope is OBJECT:
                v = CORE.get(name, MISSING)
            else:
                v = CORE.get(f"{scope.name}::{name}", MISSING)
            if v is MISSING:
                prefix = "" if scope is OBJECT else f"{self.module_name(scope)}::"
                raise self._name_error(f"uninitialized constant {prefix}{name}", name)
        return v

    def lookup_const(self, name: str, fr: Frame, default: Any = MISSING) -> Any:
        """A constant by lexical scope, then the innermost module's ancestors, then top level."""
        cref = fr.cref
        if cref.parent is None and cref.mod is OBJECT:
            v = self.constants.get(name, MISSING)
            if v is not MISSING:
                return v
        else:
            c: Cref | None = cref
            while c is not None and c.parent is not None:
                v = self.own_const(c.mod, name, MISSING)
                if v is not MISSING:
                    return v
                c = c.parent
            mod = cref.mod
            if type(mod) is MetaClass:
                mod = mod.attached
            v = self.lookup_const_in(mod, name, MISSING)
            if v is not MISSING:
                return v
        v = self.lookup_const_in(OBJECT, name, MISSING)
        if v is MISSING:
            v = CORE.get(name, MISSING)
        if v is MISSING:
            if default is not MISSING:
                return default
            mod = cref.mod
            prefix = "" if mod is OBJECT else f"{self.module_name(mod)}::"
            raise self._name_error(f"uninitialized constant {prefix}{name}", name)
        return v

    def assign_const(self, mod: RModule, name: str, value: Any, fr: Frame) -> None:
        """``Name = value`` in ``mod``, warning when it was already set (unless ``$VERBOSE`` is nil)."""
        if self.has_own_const(mod, name) and self.get_global("$VERBOSE") is not None:
            prefix = "" if mod is OBJECT else f"{self.module_name(mod)}::"
            out = self.stderr
            out.write(f"{fr.file}:{fr.line}: warning: already initialized constant {prefix}{name}\n")
            site = self._const_sites.get((id(mod), name))
            if site is not None:
                out.write(f"{site[0]}:{site[1]}: warning: previous definition of {name} was here\n")
        self._const_sites[(id(mod), name)] = (fr.file, fr.line)
        self.set_const(mod, name, value)

    # ------------------------------------------------------------ calls

    def eval_args(self, argn: Any, fr: Frame) -> tuple[list[Any], RHash | None]:
        """Positional arguments (splats spread) and the keyword hash of a call."""
        table = self._table
        args: list[Any] = []
        kw: RHash | None = None
        last = len(argn) - 1
        for i in range(last + 1):
            a = argn[i]
            t = a.__class__
            if t is ast.StrLit:  # the commonest argument, made here without a dispatch
                args.append(RString(a.value))
            elif t is ast.Splat:
                args.extend(self.splat_list(self.eval(a.value, fr)))
            elif t is ast.HashLit and not a.braces and i == last:
                kw = self.ev_hash(a, fr)
                if not kw:
                    kw = None
            elif t is ast.DoubleSplat:
                h = self.to_hash(self.eval(a.value, fr))
                if h:
                    if kw is None:
                        kw = RHash()
                    kw.update(h)
            elif t is ast.BlockPass:
                continue
            else:
                args.append(table[t](a, fr))
        return args, kw

    def ev_call(self, node: ast.Call, fr: Frame) -> Any:
        rn = node.recv
        if rn is None:
            recv = fr.self_obj
            if node.vcall:
                name = node.name
                env: Env | None = fr.env
                while env is not None:
                    d = env.vars
                    if name in d:
                        return d[name]
                    env = env.parent
                m = self.find_method(recv, name)
                if m is None:
                    return self.method_missing(recv, name, (), None, None, True, True)
                return self.call_method(m, recv, name, (), None, None, True)
            fcall = True
        else:
            recv = self._table[rn.__class__](rn, fr)
            if recv is None and node.safe:
                return None
            fcall = rn.__class__ is ast.SelfNode
        argn = node.args
        bn = node.block
        args: list[Any] | tuple[()]
        kw: RHash | None
        if argn:
            args, kw = self.eval_args(argn, fr)
        else:
            args, kw = (), None
            if bn is None and rn is not None and node.name[0].isupper() and isinstance(recv, RModule):
                # ``Mod::Name`` parsed as a call: a constant when there is one
                v = self.lookup_const_in(recv, node.name, MISSING, True)
                if v is not MISSING:
                    return v
                if type(self.resolve_singleton(recv, node.name)) is not UserMethod:
                    return self.scoped_const(recv, node.name)
        if bn is None:
            return self.send(recv, node.name, args, kw, None, fcall)
        blk: RProc | None
        if bn.__class__ is ast.Block:
            blk = RProc(bn.params, bn, fr.env, fr.self_obj, False, fr, None, fr.cref)
        else:
            blk = self.to_block(self.eval(bn.value, fr))
        try:
            return self.send(recv, node.name, args, kw, blk, fcall)
        except BreakSignal as e:
            if e.tag is blk and blk is not None:
                return e.value
            raise

    def ev_literal_call(self, node: ast.LiteralCall, fr: Frame) -> Any:
        """A call of literal arguments kept as data: what ``ev_call`` does for the Call it was."""
        recv = fr.self_obj
        bn = node.block
        blk = None if bn is None else RProc(bn.params, bn, fr.env, recv, False, fr, None, fr.cref)
        try:
            method = self.find_method(recv, node.name)
            form = self.literal_forms.get(method) if method.__class__ is FunctionType else None
            if form is not None:
                res = self.call_method(form, recv, node.name, (node.args, node.kw), None, blk, True)
                if res is not NOT_A_FORM:
                    return res
            data = node.args
            kw_data = node.kw
            args: list[Any] | tuple[()]
            kw: RHash | None = None
            if data or kw_data is not None:
                args = [RString(d) if d.__class__ is str else literal_value(d) for d in data]
                if kw_data is not None:
                    kw = literal_hash(kw_data, 0)
                    if not kw:
                        kw = None
            else:
                args = ()
            return self.send(recv, node.name, args, kw, blk, True)
        except BreakSignal as e:
            if e.tag is blk and blk is not None:
                return e.value
            raise

    def to_block(self, v: Any) -> RProc | None:
        """The block ``&v`` passes: nil, a Proc, or ``v.to_proc``."""
        if v is None or isinstance(v, RProc):
            return v
        r = self.send(v, "to_proc")
        if not isinstance(r, RProc):
            raise self.make_error("TypeError", f"wrong argument type {self.real_class(v).name} (expected Proc)")
        return r

    def binop(self, lhs: Any, op: str, rhs: Any) -> Any:
        """``lhs op rhs`` with fast paths for Integer and Float arithmetic."""
        tl = lhs.__class__
        tr = rhs.__class__
        if tl is int and tr is int and self.core_pure:
            f = _INT_OPS.get(op)
            if f is not None:
                return f(lhs, rhs)
            if rhs:
                if op == "/":
                    return lhs // rhs
                if op == "%":
                    return lhs % rhs
        elif (tl is float or tl is int) and (tr is float or tr is int) and self.core_pure:
            f = _FLOAT_OPS.get(op)
            if f is not None:
                return f(lhs, rhs)
        return self.send(lhs, op, (rhs,), None, None, False)

    def ev_binop(self, node: ast.BinOp, fr: Frame) -> Any:
        table = self._table
        lhs = table[node.lhs.__class__](node.lhs, fr)
        rhs = table[node.rhs.__class__](node.rhs, fr)
        return self.binop(lhs, node.op, rhs)

    def ev_unop(self, node: ast.UnOp, fr: Frame) -> Any:
        v = self.eval(node.operand, fr)
        op = node.op
        if op == "!":
            return not truthy(v)
        t = v.__class__
        if (t is int or t is float) and self.core_pure:
            if op == "-" or op == "-@":
                return -v
            if op == "+" or op == "+@":
                return v
            if op == "~" and t is int:
                return ~v
        return self.send(v, _UNARY.get(op, op), (), None, None, False)

    def ev_not(self, node: ast.Not, fr: Frame) -> Any:
        v = self.eval(node.operand, fr)
        if type(v) is RObject:
            return truthy(self.send(v, "!", (), None, None, False))
        return v is None or v is False

    def ev_and(self, node: ast.And, fr: Frame) -> Any:
        v = self.eval(node.lhs, fr)
        if v is None or v is False:
            return v
        return self.eval(node.rhs, fr)

    def ev_or(self, node: ast.Or, fr: Frame) -> Any:
        v = self.eval(node.lhs, fr)
        if v is None or v is False:
            return self.eval(node.rhs, fr)
        return v

    def ev_super(self, node: ast.Super, fr: Frame) -> Any:
        m = fr.method
        if m is None:
            raise self.make_error("RuntimeError", "super called outside of method")
        if node.implicit:
            args, kw = self._zsuper_args(m, fr)
        else:
            args, kw = self.eval_args(node.args, fr) if node.args else ([], None)
        bn = node.block
        if bn is None:
            blk = fr.block
        elif bn.__class__ is ast.Block:
            blk = RProc(bn.params, bn, fr.env, fr.self_obj, False, fr, None, fr.cref)
        else:
            blk = self.to_block(self.eval(bn.value, fr))
        recv = fr.self_obj
        sm = self.super_method(m, recv, m.name)
        if sm is None:
            if m.name == "initialize" or m.name == "method_missing" or m.name == "respond_to_missing?":
                return None
            err = self.make_error(
                "NoMethodError",
                f"super: no superclass method `{m.name}' for {self._describe_recv(recv)}",
            )
            raise err
        try:
            if type(sm) is UserMethod:
                return self.invoke(sm, recv, args, kw, blk)
            return self.call_method(sm, recv, m.name, args, kw, blk, True)
        except BreakSignal as e:
            if e.tag is blk and blk is not None and blk is not fr.block:
                return e.value
            raise

    def _describe_recv(self, recv: Any) -> str:
        from pydrake.runtime.errors import receiver_description

        return receiver_description(self, recv)

    def _zsuper_args(self, m: UserMethod, fr: Frame) -> tuple[list[Any], RHash | None]:
        sig = m.sig
        env = fr.env
        args: list[Any] = []

        def val(name: Any) -> Any:
            v = env.lookup(name) if isinstance(name, str) else None
            return None if v is MISSING else v

        for r in sig.req:
            args.append(val(r))
        for name, _ in sig.opt:
            args.append(val(name))
        if sig.rest is not None:
            rest = val(sig.rest or "*")
            if isinstance(rest, list):
                args.extend(rest)
        for r in sig.post:
            args.append(val(r))
        kw: RHash | None = None
        if sig.has_kw:
            kw = RHash()
            for name, _ in sig.kw:
                kw[Symbol.of(name)] = val(name)
            if sig.kwrest is not None:
                extra = val(sig.kwrest or "**")
                if isinstance(extra, RHash):
                    kw.update(extra)
        return args, kw

    def ev_yield(self, node: ast.Yield, fr: Frame) -> Any:
        blk = fr.block
        if blk is None:
            raise self.make_error("LocalJumpError", "no block given (yield)")
        if node.args:
            args, kw = self.eval_args(node.args, fr)
            return self.call_proc(blk, args, kw)
        return self.call_proc(blk, ())

    # ------------------------------------------------------------ assignment

    def ev_assign(self, node: ast.Assign, fr: Frame) -> Any:
        v = self._table[node.value.__class__](node.value, fr)
        t = node.target
        if t.__class__ is ast.LVar:
            name = t.name
            env: Env | None = fr.env
            while env is not None:
                d = env.vars
                if name in d:
                    d[name] = v
                    return v
                env = env.parent
            fr.env.vars[name] = v
            return v
        self.assign(t, v, fr)
        return v

    def assign(self, t: Any, v: Any, fr: Frame, declare: bool = False) -> None:
        """Store ``v`` into an assignment target."""
        c = t.__class__
        if c is ast.LVar:
            if declare:
                fr.env.vars[t.name] = v
            else:
                fr.env.assign(t.name, v)
        elif c is ast.IVar:
            self.set_ivar(fr.self_obj, t.name, v)
        elif c is ast.GVar:
            self.set_global(t.name, v)
        elif c is ast.CVar:
            self.set_cvar(fr, t.name, v)
        elif c is ast.Const:
            mod: RModule
            if t.top:
                mod = OBJECT
            elif t.scope is not None:
                mod = self.eval(t.scope, fr)
                if not isinstance(mod, RModule):
                    raise self.make_error("TypeError", f"{self.inspect(mod)} is not a class/module")
            else:
                mod = fr.cref.mod
            self.assign_const(mod, t.name, v, fr)
        elif c is ast.Call:
            recv = fr.self_obj if t.recv is None else self.eval(t.recv, fr)
            if recv is None and t.safe:
                return
            fcall = t.recv is None or t.recv.__class__ is ast.SelfNode
            if t.name == "[]":
                args, kw = self.eval_args(t.args, fr) if t.args else ([], None)
                if kw is not None:
                    args.append(kw)
                args.append(v)
                self.send(recv, "[]=", args, None, None, fcall)
            elif not t.args and t.recv is not None and t.name[0].isupper() and isinstance(recv, RModule):
                self.assign_const(recv, t.name, v, fr)  # ``Mod::NAME = v`` parsed as a call
            else:
                name = t.name if t.name.endswith("=") else t.name + "="
                self.send(recv, name, (v,), None, None, fcall)
        elif c is ast.MultiTarget:
            self.destructure(t, v, fr, declare)
        elif c is ast.Splat:
            self.assign(t.value, self.splat_list(v), fr, declare)
        elif c is str:
            if declare:
                fr.env.vars[t] = v
            else:
                fr.env.assign(t, v)
        else:
            raise self.make_error("SyntaxError", f"cannot assign to {c.__name__}")

    def destructure(self, mt: Any, value: Any, fr: Frame, declare: bool = False) -> None:
        """Assign the elements of ``value`` to a MultiTarget's targets."""
        self.assign_list(mt.targets, self.to_ary(value), fr, declare)

    def assign_list(self, targets: Any, values: list[Any], fr: Frame, declare: bool = False) -> None:
        """Spread ``values`` over targets, a Splat target taking the middle."""
        n = len(values)
        splat_at = -1
        for i, t in enumerate(targets):
            if t.__class__ is ast.Splat:
                splat_at = i
                break
        if splat_at < 0:
            for i, t in enumerate(targets):
                self.assign(t, values[i] if i < n else None, fr, declare)
            return
        before = targets[:splat_at]
        after = targets[splat_at + 1 :]
        for i, t in enumerate(before):
            self.assign(t, values[i] if i < n else None, fr, declare)
        mid_end = max(len(before), n - len(after))
        splat = targets[splat_at]
        if splat.value is not None:
            self.assign(splat.value, list(values[len(before) : mid_end]), fr, declare)
        for j, t in enumerate(after):
            k = mid_end + j
            self.assign(t, values[k] if k < n else None, fr, declare)

    def ev_multiassign(self, node: ast.MultiAssign, fr: Frame) -> Any:
        vn = node.value
        if vn.__class__ is ast.ArrayLit:
            rhs = self.ev_array(vn, fr)
            values = rhs
        else:
            rhs = self.eval(vn, fr)
            values = self.to_ary(rhs)
        self.assign_list(node.targets, list(values), fr)
        return rhs

    def ev_opassign(self, node: ast.OpAssign, fr: Frame) -> Any:
        t = node.target
        op = node.op
        c = t.__class__
        if c is ast.LVar:
            cur = fr.env.lookup(t.name)
            if cur is MISSING:
                cur = None
            new = self._op_value(cur, op, node.value, fr)
            if new is not MISSING:
                fr.env.assign(t.name, new)
                return new
            return cur
        if c is ast.Call:
            recv = fr.self_obj if t.recv is None else self.eval(t.recv, fr)
            if recv is None and t.safe:
                return None
            fcall = t.recv is None or t.recv.__class__ is ast.SelfNode
            if t.name == "[]":
                args, kw = self.eval_args(t.args, fr) if t.args else ([], None)
                if kw is not None:
                    args.append(kw)
                cur = self.send(recv, "[]", args, None, None, fcall)
                new = self._op_value(cur, op, node.value, fr)
                if new is MISSING:
                    return cur
                self.send(recv, "[]=", [*args, new], None, None, fcall)
                return new
            cur = self.send(recv, t.name, (), None, None, fcall)
            new = self._op_value(cur, op, node.value, fr)
            if new is MISSING:
                return cur
            self.send(recv, t.name + "=", (new,), None, None, fcall)
            return new
        if c is ast.IVar:
            cur = self.ev_ivar(t, fr)
        elif c is ast.GVar:
            cur = self.get_global(t.name)
        elif c is ast.CVar:
            holder = self.cvar_holder(self._cvar_base(fr), t.name)
            if holder is None and op not in ("||", "&&"):
                raise self._name_error(
                    f"uninitialized class variable {t.name} in {self.module_name(self._cvar_base(fr))}", t.name
                )
            cur = holder.cvars[t.name] if holder is not None else None
        elif c is ast.Const:
            if t.scope is None and not t.top:
                cur = self.lookup_const(t.name, fr, None)
            else:
                try:
                    cur = self.eval(t, fr)
                except RubyError:
                    if op != "||":
                        raise
                    cur = None
        else:
            raise self.make_error("SyntaxError", f"cannot assign to {c.__name__}")
        new = self._op_value(cur, op, node.value, fr)
        if new is MISSING:
            return cur
        self.assign(t, new, fr)
        return new

    def _op_value(self, cur: Any, op: str, value_node: Any, fr: Frame) -> Any:
        """The new value of ``cur op= value``, or MISSING when ``||=``/``&&=`` leaves it alone."""
        if op == "||":
            if cur is not None and cur is not False:
                return MISSING
            return self.eval(value_node, fr)
        if op == "&&":
            if cur is None or cur is False:
                return MISSING
            return self.eval(value_node, fr)
        return self.binop(cur, op, self.eval(value_node, fr))

    # ------------------------------------------------------------ control flow

    def ev_if(self, node: ast.If, fr: Frame) -> Any:
        c = self._table[node.cond.__class__](node.cond, fr)
        if c is not None and c is not False:
            return self.body(node.then, fr)
        e = node.else_
        return None if e is None else self.body(e, fr)

    def ev_while(self, node: ast.While, fr: Frame) -> Any:
        cond = node.cond
        body = node.body
        until = node.until
        table = self._table
        ceval = table[cond.__class__]
        try:
            first = node.do_while
            while True:
                if not first:
                    c = ceval(cond, fr)
                    if (c is not None and c is not False) is until:
                        break
                first = False
                try:
                    for st in body:
                        fr.line = st.line
                        table[st.__class__](st, fr)
                except NextSignal:
                    pass
                except RedoSignal:
                    first = True
        except BreakSignal as e:
            if e.tag is fr.proc:
                return e.value
            raise
        return None

    def ev_for(self, node: ast.For, fr: Frame) -> Any:
        iterable = self.eval(node.iterable, fr)
        target = node.target
        body = node.body

        def run(*args: Any) -> Any:
            val = args[0] if len(args) == 1 else list(args)
            self.assign(target, val, fr)
            try:
                self.body(body, fr)
            except NextSignal:
                pass
            return None

        blk = RProc(None, None, None, fr.self_obj, native=run)
        try:
            self.send(iterable, "each", (), None, blk, False)
        except BreakSignal as e:
            if e.tag is fr.proc:
                return e.value
            raise
        return iterable

    def case_eq(self, pattern: Any, value: Any) -> bool:
        """``pattern === value`` as used by ``when``."""
        t = pattern.__class__
        if t is Symbol:
            return pattern is value
        if t is RString and value.__class__ is RString and self.overlay(STRING) is None:
            return pattern.s == value.s
        if t is int and value.__class__ is int and self.core_pure:
            return pattern == value
        return truthy(self.send(pattern, "===", (value,), None, None, False))

    def ev_case(self, node: ast.Case, fr: Frame) -> Any:
        if node.subject is None:
            for w in node.whens:
                for c in w.conds:
                    if c.__class__ is ast.Splat:
                        hit = any(truthy(v) for v in self.splat_list(self.eval(c.value, fr)))
                    else:
                        hit = truthy(self.eval(c, fr))
                    if hit:
                        return self.body(w.body, fr)
        else:
            subject = self.eval(node.subject, fr)
            for w in node.whens:
                for c in w.conds:
                    if c.__class__ is ast.Splat:
                        hit = any(self.case_eq(v, subject) for v in self.splat_list(self.eval(c.value, fr)))
                    else:
                        hit = self.case_eq(self.eval(c, fr), subject)
                    if hit:
                        return self.body(w.body, fr)
        e = node.else_
        return None if e is None else self.body(e, fr)

    def ev_case_in(self, node: ast.CaseIn, fr: Frame) -> Any:
        from pydrake.runtime.patterns import case_in

        return case_in(self, node, fr)

    def ev_match_pattern(self, node: ast.MatchPattern, fr: Frame) -> Any:
        from pydrake.runtime.patterns import match_pattern

        return match_pattern(self, node, fr)

    def ev_break(self, node: ast.Break, fr: Frame) -> Any:
        raise BreakSignal(fr.proc, None if node.value is None else self.eval(node.value, fr))

    def ev_next(self, node: ast.Next, fr: Frame) -> Any:
        raise NextSignal(None if node.value is None else self.eval(node.value, fr))

    def ev_redo(self, node: ast.Redo, fr: Frame) -> Any:
        raise RedoSignal()

    def ev_retry(self, node: ast.Retry, fr: Frame) -> Any:
        raise RetrySignal()

    def ev_return(self, node: ast.Return, fr: Frame) -> Any:
        raise ReturnSignal(fr.home, None if node.value is None else self.eval(node.value, fr))

    def ev_seq(self, node: ast.Seq, fr: Frame) -> Any:
        return self.body(node.body, fr)

    def ev_program(self, node: ast.Program, fr: Frame) -> Any:
        return self.body(node.body, fr)

    def ev_begin(self, node: ast.Begin, fr: Frame) -> Any:
        rescues = node.rescues
        if not rescues and node.ensure is None:
            res = self.body(node.body, fr)
            if node.else_ is not None:
                res = self.body(node.else_, fr)
            return res
        try:
            while True:
                try:
                    res = self.body(node.body, fr)
                except (RubyError, RecursionError) as e:
                    err = e if isinstance(e, RubyError) else self.make_error("SystemStackError", "stack level too deep")
                    clause = self.match_rescue(rescues, err.exc, fr) if rescues else None
                    if clause is None:
                        if err is e:
                            raise
                        raise err from e
                    ts = self._ts
                    saved = ts.err
                    ts.err = err.exc
                    try:
                        if clause.target is not None:
                            self.assign(clause.target, err.exc, fr)
                        return self.body(clause.body, fr)
                    except RetrySignal:
                        continue
                    finally:
                        ts.err = saved
                else:
                    if node.else_ is not None:
                        res = self.body(node.else_, fr)
                    return res
        finally:
            if node.ensure is not None:
                self.body(node.ensure, fr)

    def match_rescue(self, rescues: Any, exc: RObject, fr: Frame) -> Any:
        """The first rescue clause whose classes match the exception."""
        for clause in rescues:
            if not clause.classes:
                if self.is_a(exc, STANDARD_ERROR):
                    return clause
                continue
            for cn in clause.classes:
                if cn.__class__ is ast.Splat:
                    candidates = self.splat_list(self.eval(cn.value, fr))
                else:
                    candidates = [self.eval(cn, fr)]
                for cls in candidates:
                    if not isinstance(cls, RModule):
                        raise self.make_error("TypeError", "class or module required for rescue clause")
                    if self.is_a(exc, cls):
                        return clause
        return None

    def ev_rescuemod(self, node: ast.RescueMod, fr: Frame) -> Any:
        try:
            return self.eval(node.expr, fr)
        except (RubyError, RecursionError) as e:
            err = e if isinstance(e, RubyError) else self.make_error("SystemStackError", "stack level too deep")
            if not self.is_a(err.exc, STANDARD_ERROR):
                raise
            ts = self._ts
            saved = ts.err
            ts.err = err.exc
            try:
                return self.eval(node.rescue, fr)
            finally:
                ts.err = saved

    # ------------------------------------------------------------ definitions

    def ev_def(self, node: ast.Def, fr: Frame) -> Any:
        name = node.name
        sig = self.signature(node.params)
        if node.singleton is not None:
            target = self.eval(node.singleton, fr)
            if isinstance(target, RModule):
                m = UserMethod(name, node.params, node.body, target, "public", node.file, node.line, sig, True)
                m.cref = fr.cref
                self.add_smethod(target, name, m)
            else:
                try:
                    sc = self.singleton_class(target)
                except TypeError:
                    raise self.make_error("TypeError", "can't define singleton") from None
                m = UserMethod(name, node.params, node.body, sc, "public", node.file, node.line, sig)
                m.cref = fr.cref
                self.add_method(sc, name, m)
            return Symbol.of(name)
        mod = fr.definee
        vis = fr.vis
        if name in _PRIVATE_BY_DEFAULT:
            vis = "private"
        owner, singleton = mod, False
        if type(mod) is MetaClass:
            owner, singleton = mod.attached, True
        if vis == "module_function":
            m = UserMethod(name, node.params, node.body, owner, "private", node.file, node.line, sig, singleton)
            m.cref = fr.cref
            self.add_method(mod, name, m)
            sm = UserMethod(name, node.params, node.body, owner, "public", node.file, node.line, sig, True)
            sm.cref = fr.cref
            self.add_smethod(mod, name, sm)
        else:
            m = UserMethod(name, node.params, node.body, owner, vis, node.file, node.line, sig, singleton)
            m.cref = fr.cref
            self.add_method(mod, name, m)
        return Symbol.of(name)

    def ev_lambda(self, node: ast.Lambda, fr: Frame) -> Any:
        return RProc(node.params, node.body, fr.env, fr.self_obj, True, fr, None, fr.cref)

    def _def_container(self, path: ast.Const, fr: Frame) -> RModule:
        if path.top:
            return OBJECT
        if path.scope is not None:
            mod = self.eval(path.scope, fr)
            if not isinstance(mod, RModule):
                raise self.make_error("TypeError", f"{self.inspect(mod)} is not a class/module")
            return mod
        return fr.cref.mod

    def ev_classdef(self, node: ast.ClassDef, fr: Frame) -> Any:
        container = self._def_container(node.path, fr)
        name = node.path.name
        superclass = None
        if node.superclass is not None:
            superclass = self.eval(node.superclass, fr)
            if not isinstance(superclass, RClass):
                raise self.make_error(
                    "TypeError",
                    f"superclass must be an instance of Class (given an instance of {self.real_class(superclass).name})",
                )
        existing = self.own_const(container, name, MISSING)
        if existing is MISSING and container is OBJECT:
            existing = CORE.get(name, MISSING)
        if existing is not MISSING:
            if not isinstance(existing, RClass):
                raise self.make_error("TypeError", f"{name} is not a class{self._previous_site(container, name)}")
            if superclass is not None and existing.superclass is not superclass:
                raise self.make_error("TypeError", f"superclass mismatch for class {name}")
            cls = existing
        else:
            qual = name if container is OBJECT else f"{self.module_name(container)}::{name}"
            cls = UserClass(qual, superclass or OBJECT, container)
            self.set_const(container, name, cls)
            self._const_sites[(id(container), name)] = (node.file, node.line)
            parent = superclass or OBJECT
            hook = self.resolve_singleton(parent, "inherited")
            if type(hook) is UserMethod:
                self.invoke(hook, parent, (cls,), None, None)
        return self.exec_body(cls, node.body, fr, f"<class:{name}>", node.file)

    def _previous_site(self, mod: RModule, name: str) -> str:
        site = self._const_sites.get((id(mod), name))
        return "" if site is None else f"\n{site[0]}:{site[1]}: previous definition of {name} was here"

    def ev_moduledef(self, node: ast.ModuleDef, fr: Frame) -> Any:
        container = self._def_container(node.path, fr)
        name = node.path.name
        existing = self.own_const(container, name, MISSING)
        if existing is MISSING and container is OBJECT:
            existing = CORE.get(name, MISSING)
        if existing is not MISSING:
            if not isinstance(existing, RModule) or isinstance(existing, RClass):
                raise self.make_error("TypeError", f"{name} is not a module{self._previous_site(container, name)}")
            mod = existing
        else:
            qual = name if container is OBJECT else f"{self.module_name(container)}::{name}"
            mod = UserModule(qual, container)
            self.set_const(container, name, mod)
            self._const_sites[(id(container), name)] = (node.file, node.line)
        return self.exec_body(mod, node.body, fr, f"<module:{name}>", node.file)

    def ev_sclass(self, node: ast.SClass, fr: Frame) -> Any:
        target = self.eval(node.target, fr)
        try:
            meta = self.singleton_class(target)
        except TypeError:
            raise self.make_error("TypeError", "can't define singleton") from None
        return self.exec_body(meta, node.body, fr, "singleton class", fr.file)

    def exec_body(self, mod: RModule, body: Any, fr: Frame, label: str, file: str) -> Any:
        """Run a class or module body with self = the module."""
        cf = Frame(mod, Env(), Cref(mod, fr.cref), None, None, file, fr.line, None, None, None, label, "public", mod)
        stack = self._ts.stack
        stack.append(cf)
        try:
            if body.__class__ is ast.Begin:
                return self.ev_begin(body, cf)
            return self.body(body, cf)
        finally:
            stack.pop()
            cf.active = False

    def ev_alias(self, node: ast.Alias, fr: Frame) -> Any:
        if node.new.startswith("$"):
            self.alias_global(node.new, node.old)
            return None
        self.alias_method(fr.definee, node.new, node.old)
        return None

    def alias_method(self, mod: RModule, new: str, old: str) -> None:
        """Make ``new`` another name of the method ``old`` in ``mod``."""
        if type(mod) is MetaClass:
            m = self.resolve_singleton(mod.attached, old)
        else:
            m = self.resolve(mod, old)
        if m is None:
            kind = "class" if isinstance(mod, RClass) else "module"
            raise self._name_error(f"undefined method `{old}' for {kind} `{self.module_name(mod)}'", old)
        self.add_method(mod, new, m)

    def ev_undef(self, node: ast.Undef, fr: Frame) -> Any:
        for name in node.names:
            self.add_method(fr.definee, name, UNDEF)
        return None

    # ------------------------------------------------------------ defined?

    def ev_defined(self, node: ast.Defined, fr: Frame) -> Any:
        what = self.defined(node.expr, fr)
        return None if what is None else _frozen(what)

    def defined(self, e: Any, fr: Frame) -> str | None:
        """What ``defined?(e)`` answers, or None."""
        c = e.__class__
        if c is ast.LVar:
            return "local-variable"
        if c is ast.Call:
            if e.recv is None:
                if e.vcall and fr.env.has(e.name):
                    return "local-variable"
                return "method" if self.find_method(fr.self_obj, e.name) is not None else None
            if self.defined(e.recv, fr) is None:
                return None
            try:
                recv = self.eval(e.recv, fr)
            except RubyError:
                return None
            return "method" if self.respond_to(recv, e.name) else None
        if c is ast.IVar:
            return "instance-variable" if e.name in self.ivars_of(fr.self_obj) else None
        if c is ast.GVar:
            return "global-variable" if self.has_global(e.name) else None
        if c is ast.NthRef:
            return "global-variable" if self.ev_nthref(e, fr) is not None else None
        if c is ast.CVar:
            return "class variable" if self.cvar_holder(self._cvar_base(fr), e.name) is not None else None
        if c is ast.Const:
            try:
                self.ev_const(e, fr)
            except RubyError:
                return None
            return "constant"
        if c is ast.Yield:
            return "yield" if fr.block is not None else None
        if c is ast.Super:
            m = fr.method
            if m is None:
                return None
            return "super" if self.super_method(m, fr.self_obj, m.name) is not None else None
        if c is ast.SelfNode:
            return "self"
        if c is ast.Nil:
            return "nil"
        if c is ast.TrueLit:
            return "true"
        if c is ast.FalseLit:
            return "false"
        if c in (ast.Assign, ast.OpAssign, ast.MultiAssign):
            return "assignment"
        if c in (ast.BinOp, ast.UnOp, ast.Not):
            return "method"
        return "expression"


# What a literal form returns when the call's arguments are not of its form.
NOT_A_FORM = object()


def literal_value(data: Any) -> Any:
    """The value a literal makes, from its data (``pydrake.syntax.literal_calls``): a new String
    for each string, as the literal's node makes it."""
    t = data.__class__
    if t is str:
        return RString(data)
    if t is list:
        return [literal_value(d) for d in data]
    if t is tuple:
        return Symbol.of(data[1]) if data[0] == ":" else literal_hash(data, 1)
    return data


def literal_hash(data: tuple[Any, ...], start: int) -> RHash:
    """The Hash of a hash literal's data, its keys and values in turn from ``start``: string keys
    frozen and array keys hashable by value, as a hash literal makes them."""
    h = RHash()
    for i in range(start, len(data), 2):
        key = data[i]
        t = key.__class__
        if t is str:
            key = RString(key, True)
        elif t is list:
            key = KeyArray(literal_value(key))
        else:
            key = literal_value(key)
        h[key] = literal_value(data[i + 1])
    return h
