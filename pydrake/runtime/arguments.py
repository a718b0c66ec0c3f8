"""Binding call arguments to method, block and lambda parameters, with Ruby's arity rules and messages."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.objects import RHash, Symbol
from pydrake.syntax import ast

_ANON = ("*", "**", "&", "")


class Signature:
    """What binding needs to know about one parameter list, computed once per ``Params`` node."""

    __slots__ = (
        "params",
        "req",
        "opt",
        "rest",
        "post",
        "kw",
        "kwrest",
        "block",
        "has_kw",
        "nlead",
        "nmax",
        "simple",
        "names",
        "autosplat",
        "required_kw",
    )

    def __init__(self, params: ast.Params | None) -> None:
        self.params = params
        if params is None:
            self.req: tuple[Any, ...] = ()
            self.opt: tuple[tuple[str, Any], ...] = ()
            self.rest: str | None = None
            self.post: tuple[Any, ...] = ()
            self.kw: tuple[tuple[str, Any], ...] = ()
            self.kwrest: str | None = None
            self.block: str | None = None
            has_rest_flag = False
        else:
            self.req = params.required
            self.opt = params.optional
            self.rest = params.rest
            self.post = params.post
            self.kw = params.kw
            self.kwrest = params.kwrest
            self.block = params.block
            has_rest_flag = params.has_rest
        self.has_kw = bool(self.kw) or self.kwrest is not None
        self.nlead = len(self.req) + len(self.post)
        self.nmax = self.nlead + len(self.opt)
        self.required_kw = [name for name, default in self.kw if default is None]
        self.simple = (
            not has_rest_flag
            and not self.opt
            and self.rest is None
            and not self.post
            and not self.has_kw
            and self.block is None
            and all(type(r) is str for r in self.req)
        )
        self.names = tuple(self.req) if self.simple else ()
        positional = self.nlead + len(self.opt)
        self.autosplat = positional > 1 or (self.rest is not None and positional > 0) or has_rest_flag

    def arity(self, is_lambda: bool) -> int:
        """``Proc#arity`` / ``Method#arity``."""
        lo = self.nlead + (1 if self.required_kw else 0)
        if self.rest is not None:
            return -lo - 1
        hi = self.nmax + (1 if self.has_kw else 0)
        if is_lambda and hi != lo:
            return -lo - 1
        return lo

    def parameters(self, is_lambda: bool) -> list[list[Any]]:
        """``Proc#parameters``: pairs of kind and name."""
        out: list[list[Any]] = []
        lead = "req" if is_lambda else "opt"
        for r in self.req:
            out.append([Symbol.of(lead), Symbol.of(r)] if isinstance(r, str) else [Symbol.of(lead)])
        for name, _ in self.opt:
            out.append([Symbol.of("opt"), Symbol.of(name)])
        if self.rest is not None:
            out.append([Symbol.of("rest")] + ([] if self.rest in _ANON else [Symbol.of(self.rest)]))
        for r in self.post:
            out.append([Symbol.of(lead), Symbol.of(r)] if isinstance(r, str) else [Symbol.of(lead)])
        for name, default in self.kw:
            out.append([Symbol.of("keyreq" if default is None else "key"), Symbol.of(name)])
        if self.kwrest is not None:
            out.append([Symbol.of("keyrest")] + ([] if self.kwrest in _ANON else [Symbol.of(self.kwrest)]))
        if self.block is not None:
            out.append([Symbol.of("block"), Symbol.of(self.block)])
        return out


def arity_message(sig: Signature, given: int) -> str:
    """Ruby's ``wrong number of arguments`` text for this signature."""
    if sig.rest is not None:
        expected = f"{sig.nlead}+"
    elif sig.opt:
        expected = f"{sig.nlead}..{sig.nmax}"
    else:
        expected = str(sig.nlead)
    msg = f"wrong number of arguments (given {given}, expected {expected}"
    if sig.required_kw:
        word = "keyword" if len(sig.required_kw) == 1 else "keywords"
        msg += f"; required {word}: {', '.join(sig.required_kw)}"
    return msg + ")"


def split_kwargs(sig: Signature, args: Any, kw: RHash | None, kwids: set[int]) -> tuple[Any, RHash | None]:
    """Move keywords where the signature wants them.

    A method without keyword parameters gets a keyword hash as its last
    positional argument.  A method with them takes a trailing Hash as keywords
    only when it was passed as keywords through a built-in method (whose
    calling convention turns keywords into a trailing Hash), as ``kwids`` records.
    """
    if sig.has_kw:
        if kw is None and args and type(args[-1]) is RHash and id(args[-1]) in kwids and len(args) > sig.nlead:
            args = list(args)
            kw = args.pop()
        return args, kw
    if kw is not None:
        if kw:
            args = [*args, kw]
        kw = None
    return args, None


def bind(rt: Any, sig: Signature, args: Any, kw: RHash | None, block: Any, fr: Any, strict: bool) -> None:
    """Bind ``args``/``kw``/``block`` to the parameters in ``fr.env`` (ArgumentError when ``strict`` and wrong)."""
    vars_ = fr.env.vars
    args, kw = split_kwargs(sig, args, kw, rt.thread_state().kwids)
    n = len(args)
    if strict:
        if n < sig.nlead or (sig.rest is None and n > sig.nmax):
            raise rt.make_error("ArgumentError", arity_message(sig, n))
    elif n == 1 and sig.autosplat and type(args[0]) is list:
        args = args[0]
        n = len(args)
    req = sig.req
    nreq = len(req)
    for i, p in enumerate(req):
        val = args[i] if i < n else None
        if type(p) is str:
            vars_[p] = val
        else:
            rt.destructure(p, val, fr, declare=True)
    remaining = args[nreq:] if n > nreq else ()
    npost = len(sig.post)
    if npost:
        if len(remaining) >= npost:
            cut = len(remaining) - npost
            post_vals = list(remaining[cut:])
            remaining = remaining[:cut]
        else:
            post_vals = list(remaining) + [None] * (npost - len(remaining))
            remaining = ()
    nopt = len(sig.opt)
    for j, (name, default) in enumerate(sig.opt):
        if j < len(remaining):
            vars_[name] = remaining[j]
        else:
            vars_[name] = rt.eval(default, fr)
    if sig.rest is not None:
        vars_[sig.rest or "*"] = list(remaining[nopt:])
    if npost:
        for p, val in zip(sig.post, post_vals, strict=True):
            if type(p) is str:
                vars_[p] = val
            else:
                rt.destructure(p, val, fr, declare=True)
    if sig.has_kw:
        _bind_keywords(rt, sig, kw, fr)
    if sig.block is not None:
        vars_[sig.block or "&"] = block


def _bind_keywords(rt: Any, sig: Signature, kw: RHash | None, fr: Any) -> None:
    vars_ = fr.env.vars
    rest = dict(kw) if kw else {}
    missing: list[str] = []
    for name, default in sig.kw:
        key = Symbol.of(name)
        if key in rest:
            vars_[name] = rest.pop(key)
        elif default is None:
            missing.append(name)
        else:
            vars_[name] = rt.eval(default, fr)
    if missing:
        word = "keyword" if len(missing) == 1 else "keywords"
        raise rt.make_error("ArgumentError", f"missing {word}: " + ", ".join(":" + m for m in missing))
    if sig.kwrest is not None:
        h = RHash()
        h.update(rest)
        vars_[sig.kwrest or "**"] = h
    elif rest:
        word = "keyword" if len(rest) == 1 else "keywords"
        raise rt.make_error("ArgumentError", f"unknown {word}: " + ", ".join(rt.inspect(k) for k in rest))
