"""The interpreter on hand-built AST nodes (independent of the parser)."""

from __future__ import annotations

import io
from typing import Any

from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RString, RubyError, Symbol
from pydrake.syntax import ast as A

F = "ast.rb"


def i(v: int) -> A.IntLit:
    return A.IntLit(1, 1, v)


def s(v: str) -> A.StrLit:
    return A.StrLit(1, 1, v)


def sym(v: str) -> A.SymLit:
    return A.SymLit(1, 1, v)


def lvar(name: str) -> A.LVar:
    return A.LVar(1, 1, name)


def const(name: str, scope: Any = None, top: bool = False) -> A.Const:
    return A.Const(1, 1, scope, name, top)


def call(recv: Any, name: str, *args: Any, block: Any = None, vcall: bool = False) -> A.Call:
    return A.Call(1, 1, recv, name, tuple(args), block, False, vcall)


def fcall(name: str, *args: Any, block: Any = None) -> A.Call:
    return call(None, name, *args, block=block)


def assign(target: Any, value: Any) -> A.Assign:
    return A.Assign(1, 1, target, value)


def params(
    *required: Any,
    optional: tuple[tuple[str, Any], ...] = (),
    rest: str | None = None,
    post: tuple[Any, ...] = (),
    kw: tuple[tuple[str, Any], ...] = (),
    kwrest: str | None = None,
    block: str | None = None,
    has_rest: bool = False,
) -> A.Params:
    return A.Params(1, 1, tuple(required), optional, rest, post, kw, kwrest, block, has_rest)


def blk(body: list[Any], *names: Any, p: A.Params | None = None) -> A.Block:
    return A.Block(1, 1, p if p is not None else (params(*names) if names else None), tuple(body), F)


def begin(body: list[Any], rescues: tuple[A.RescueClause, ...] = (), else_: Any = None, ensure: Any = None) -> A.Begin:
    return A.Begin(1, 1, tuple(body), rescues, else_, ensure)


def defn(name: str, p: A.Params, body: list[Any]) -> A.Def:
    return A.Def(1, 1, name, p, begin(body), None, F)


def run(*stmts: Any) -> tuple[Any, str]:
    rt = Interpreter()
    buf = io.StringIO()
    rt.push_output(buf, buf)
    try:
        result = rt.run_program(A.Program(1, 1, tuple(stmts), F), F)
    finally:
        rt.pop_output()
    return result, buf.getvalue()


def p(*args: Any) -> A.Call:
    return fcall("p", *args)


# ------------------------------------------------------------------ tests


def test_assignment_and_arithmetic() -> None:
    result, text = run(assign(lvar("x"), A.BinOp(1, 1, "+", i(2), i(3))), p(lvar("x")))
    assert text == "5\n"
    assert result == 5


def test_vcall_reads_local_before_method() -> None:
    result, _ = run(assign(lvar("foo"), i(7)), call(None, "foo", vcall=True))
    assert result == 7


def test_scoped_constant_lookup_and_definition() -> None:
    mod = A.ModuleDef(1, 1, const("Build"), begin([assign(const("OUT"), s("out"))]), F)
    inner = A.ClassDef(
        1,
        1,
        const("Extra", scope=const("Build")),
        None,
        begin([defn("where", params(), [const("OUT", scope=const("Build"))])]),
        F,
    )
    _, text = run(
        mod,
        inner,
        p(call(call(const("Extra", scope=const("Build")), "new"), "where")),
        p(call(const("Extra", scope=const("Build")), "name")),
        p(const("Build", top=True)),
    )
    assert text == '"out"\n"Build::Extra"\nBuild\n'


def test_scoped_constant_missing_is_name_error() -> None:
    rt = Interpreter()
    prog = A.Program(1, 1, (A.ModuleDef(1, 1, const("M"), begin([]), F), const("Zed", scope=const("M"))), F)
    try:
        rt.run_program(prog, F)
    except RubyError as e:
        assert rt.to_s(rt.call(e.exc, "message")) == "uninitialized constant M::Zed"
    else:
        raise AssertionError("expected NameError")


def test_rescue_with_splatted_class_list() -> None:
    errs = A.ArrayLit(1, 1, (const("KeyError"), const("IndexError")))
    clause = A.RescueClause(1, 1, (A.Splat(1, 1, lvar("errs")),), lvar("e"), (p(call(lvar("e"), "class")),))
    _, text = run(
        assign(lvar("errs"), errs),
        begin([call(A.ArrayLit(1, 1, (i(1),)), "fetch", i(9))], (clause,)),
    )
    assert text == "IndexError\n"


def test_when_with_splat() -> None:
    when = A.When(1, 1, (A.Splat(1, 1, A.ArrayLit(1, 1, (sym("a"), sym("b")))),), (s("hit"),))
    result, _ = run(A.Case(1, 1, sym("b"), (when,), (s("miss"),)))
    assert result == RString("hit")


def test_block_break_next_and_params() -> None:
    # [1, 2, 3].map { |x| next 0 if x == 2; x * 10 }
    body = [
        A.If(1, 1, A.BinOp(1, 1, "==", lvar("x"), i(2)), (A.Next(1, 1, i(0)),), None),
        A.BinOp(1, 1, "*", lvar("x"), i(10)),
    ]
    arr = A.ArrayLit(1, 1, (i(1), i(2), i(3)))
    result, _ = run(call(arr, "map", block=blk(body, "x")))
    assert result == [10, 0, 30]
    # [1, 2, 3].each { |x| break x * 5 if x == 2 }
    brk = [
        A.If(1, 1, A.BinOp(1, 1, "==", lvar("x"), i(2)), (A.Break(1, 1, A.BinOp(1, 1, "*", lvar("x"), i(5))),), None)
    ]
    result, _ = run(call(arr, "each", block=blk(brk, "x")))
    assert result == 10


def test_multi_target_block_params_and_trailing_comma() -> None:
    pairs = A.ArrayLit(1, 1, (A.ArrayLit(1, 1, (i(1), A.ArrayLit(1, 1, (i(2), i(3))))),))
    mt = A.MultiTarget(1, 1, (lvar("b"), lvar("c")))
    body = [A.ArrayLit(1, 1, (lvar("a"), lvar("b"), lvar("c")))]
    result, _ = run(call(pairs, "map", block=blk(body, p=params("a", mt))))
    assert result == [[1, 2, 3]]
    first = blk([lvar("f")], p=params("f", has_rest=True))
    result, _ = run(call(A.ArrayLit(1, 1, (A.ArrayLit(1, 1, (i(1), i(2))),)), "map", block=first))
    assert result == [1]


def test_method_with_every_kind_of_parameter() -> None:
    ps = params(
        "a",
        optional=(("b", i(2)),),
        rest="rest",
        post=("z",),
        kw=(("k", i(1)), ("req", None)),
        kwrest="opts",
        block="blk",
    )
    body = [A.ArrayLit(1, 1, (lvar("a"), lvar("b"), lvar("rest"), lvar("z"), lvar("k"), lvar("req"), lvar("opts")))]
    kwargs = A.HashLit(1, 1, ((sym("req"), i(8)), (sym("x"), i(9))), False)
    result, _ = run(defn("f", ps, body), fcall("f", i(1), i(3), i(4), i(5), kwargs))
    assert result[:6] == [1, 3, [4], 5, 1, 8]
    assert dict(result[6]) == {Symbol.of("x"): 9}


def test_op_assign_on_index() -> None:
    h = A.HashLit(1, 1, (), True)
    target = call(lvar("h"), "[]", sym("k"))
    result, _ = run(
        assign(lvar("h"), h),
        A.OpAssign(1, 1, target, "||", A.ArrayLit(1, 1, ())),
        call(target, "<<", i(1)),
        A.OpAssign(1, 1, target, "||", s("ignored")),
    )
    assert result == [1]


def test_multi_assign_with_splat_and_nested_target() -> None:
    targets = (lvar("a"), A.MultiTarget(1, 1, (lvar("b"), lvar("c"))), A.Splat(1, 1, lvar("d")))
    value = A.ArrayLit(1, 1, (i(1), A.ArrayLit(1, 1, (i(2), i(3))), i(4), i(5)))
    result, _ = run(A.MultiAssign(1, 1, targets, value), A.ArrayLit(1, 1, (lvar("a"), lvar("b"), lvar("c"), lvar("d"))))
    assert result == [1, 2, 3, [4, 5]]


def test_retry_and_ensure() -> None:
    # tries = 0; begin; tries += 1; raise "x" if tries < 3; rescue; retry; ensure; @e = :ran; end
    body = [
        A.OpAssign(1, 1, lvar("tries"), "+", i(1)),
        A.If(1, 1, A.BinOp(1, 1, "<", lvar("tries"), i(3)), (fcall("raise", s("x")),), None),
        lvar("tries"),
    ]
    clause = A.RescueClause(1, 1, (), None, (A.Retry(1, 1),))
    ensure = (assign(A.IVar(1, 1, "@e"), sym("ran")),)
    result, _ = run(
        assign(lvar("tries"), i(0)),
        assign(lvar("r"), begin(body, (clause,), None, ensure)),
        A.ArrayLit(1, 1, (lvar("r"), A.IVar(1, 1, "@e"))),
    )
    assert result == [3, Symbol.of("ran")]


def test_defined_and_dstr() -> None:
    dstr = A.DStr(1, 1, ("a", i(1), "b", A.Nil(1, 1), "c"))
    result, _ = run(A.ArrayLit(1, 1, (A.Defined(1, 1, lvar("q")), A.Defined(1, 1, A.IVar(1, 1, "@no")), dstr)))
    assert result == [RString("local-variable"), None, RString("a1bc")]


def test_lambda_node_and_yield() -> None:
    lam = A.Lambda(1, 1, params("x"), (A.BinOp(1, 1, "*", lvar("x"), i(2)),), F)
    twice = defn("twice", params(), [A.Yield(1, 1, (i(1),)), A.Yield(1, 1, (i(2),))])
    result, text = run(twice, fcall("twice", block=blk([p(lvar("v"))], "v")), call(lam, "call", i(21)))
    assert text == "1\n2\n"
    assert result == 42
