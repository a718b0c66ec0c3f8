"""Ruby 3.1 pattern matching at run time: ``case/in``, ``value => pattern`` and ``value in pattern``.

Names are bound as the match goes, so a failed match may leave some bound, as in Ruby.  When a
single pattern fails (``=>``, or a ``case/in`` of one clause and no ``else``) the error names the
last check that failed, in Ruby's words; with more clauses it is the value's ``inspect`` alone.
The subject's ``deconstruct`` runs once per ``case``, however many clauses look at it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydrake.runtime.classes import ARRAY, HASH
from pydrake.runtime.objects import RHash, RubyError, Symbol, truthy
from pydrake.syntax import ast

if TYPE_CHECKING:
    from pydrake.runtime.evaluator import Evaluator
    from pydrake.runtime.frames import Frame

_UNSET: Any = object()  # the subject not deconstructed yet
_NO_DECONSTRUCT: Any = object()  # the subject does not respond to #deconstruct


def case_in(rt: Evaluator, node: ast.CaseIn, fr: Frame) -> Any:
    """Run a ``case ... in``: the body of the first clause whose pattern and guard hold."""
    subject = rt.eval(node.subject, fr)
    m = _Matcher(rt, fr, len(node.clauses) == 1 and node.else_ is None)
    for clause in node.clauses:
        fr.line = clause.line
        if m.match(clause.pattern, subject, True) and m.guard(clause, fr):
            return rt.body(clause.body, fr)
    if node.else_ is not None:
        return rt.body(node.else_, fr)
    fr.line = node.line
    raise m.no_match(subject)


def match_pattern(rt: Evaluator, node: ast.MatchPattern, fr: Frame) -> Any:
    """``value => pattern`` (nil, or NoMatchingPatternError) and ``value in pattern`` (true/false)."""
    value = rt.eval(node.value, fr)
    m = _Matcher(rt, fr, node.raises)
    matched = m.match(node.pattern, value, True)
    if not node.raises:
        return matched
    if not matched:
        raise m.no_match(value)
    return None


class _Matcher:
    """One ``case``'s (or one ``=>``/``in``'s) matching: bindings, the deconstruct cache, the failure."""

    __slots__ = ("rt", "fr", "single", "detail", "missing_key", "deconstructed")

    def __init__(self, rt: Evaluator, fr: Frame, single: bool) -> None:
        self.rt = rt
        self.fr = fr
        self.single = single  # only then is the failure described
        self.detail = ""
        self.missing_key: tuple[Any, Any] | None = None  # (key, hash) when a key was not found last
        self.deconstructed: Any = _UNSET

    # ------------------------------------------------------------ outcome

    def fail(self, detail: Callable[[], str]) -> bool:
        """Note why the match failed (the last failure is the one reported); always False."""
        if self.single:
            self.detail = detail()
            self.missing_key = None
        return False

    def guard(self, clause: ast.InClause, fr: Frame) -> bool:
        """Whether the clause's ``if``/``unless`` guard (if any) lets it run."""
        if clause.guard is None:
            return True
        if truthy(self.rt.eval(clause.guard, fr)) != clause.unless:
            return True
        return self.fail(lambda: "guard clause does not return true")

    def no_match(self, subject: Any) -> RubyError:
        """The NoMatchingPatternError (or NoMatchingPatternKeyError) for ``subject``."""
        rt = self.rt
        text = rt.inspect(subject)
        if not self.single:
            return rt.make_error("NoMatchingPatternError", text)
        if self.missing_key is None:
            return rt.make_error("NoMatchingPatternError", f"{text}: {self.detail}")
        err = rt.make_error("NoMatchingPatternKeyError", f"{text}: {self.detail}")
        err.exc.ivars["__key"], err.exc.ivars["__matchee"] = self.missing_key
        return err

    def inspect(self, value: Any) -> str:
        return self.rt.inspect(value)

    # ------------------------------------------------------------ patterns

    def match(self, p: Any, v: Any, top: bool = False) -> bool:
        """Whether ``v`` matches pattern ``p`` (``top``: ``v`` is the subject itself)."""
        cls = p.__class__
        if cls is ast.PValue:
            return self.value(self.rt.eval(p.value, self.fr), v)
        if cls is ast.PBind:
            self.fr.env.assign(p.name, v)
            return True
        if cls is ast.PCapture:
            if not self.match(p.pattern, v, top):
                return False
            self.fr.env.assign(p.name, v)
            return True
        if cls is ast.PAlt:
            return any(self.match(alt, v, top) for alt in p.alternatives)
        if cls is ast.PArray:
            return self.array(p, v, top)
        if cls is ast.PHash:
            return self.hash(p, v)
        if cls is ast.PFind:
            return self.find(p, v, top)
        raise TypeError(f"not a pattern: {cls.__name__}")

    def value(self, pattern: Any, v: Any) -> bool:
        if self.rt.case_eq(pattern, v):
            return True
        return self.fail(lambda: f"{self.inspect(pattern)} === {self.inspect(v)} does not return true")

    def const(self, node: Any, v: Any) -> bool:
        """``Const(...)``/``Const[...]``: the constant's ``===`` comes first."""
        return node is None or self.value(self.rt.eval(node, self.fr), v)

    def deconstruct(self, v: Any, top: bool) -> Any:
        """``v.deconstruct`` (None when ``v`` has none); the subject's is worked out once."""
        if top and self.deconstructed is not _UNSET:
            d = self.deconstructed
        else:
            rt = self.rt
            if type(v) is list and rt.overlay(ARRAY) is None:
                d = v
            elif not rt.respond_to(v, "deconstruct"):
                d = _NO_DECONSTRUCT
            else:
                d = rt.send(v, "deconstruct", (), None, None, False)
                if type(d) is not list:
                    raise rt.make_error("TypeError", "deconstruct must return Array")
            if top:
                self.deconstructed = d
        if d is _NO_DECONSTRUCT:
            self.fail(lambda: f"{self.inspect(v)} does not respond to #deconstruct")
            return None
        return d

    def array(self, p: ast.PArray, v: Any, top: bool) -> bool:
        if not self.const(p.const, v):
            return False
        d = self.deconstruct(v, top)
        if d is None:
            return False
        pre, post = p.pre, p.post
        size = len(d)
        wanted = len(pre) + len(post)
        short = size < wanted if p.rest is not None else size != wanted
        if short:
            more = "" if p.rest is None else "+"
            return self.fail(lambda: f"{self.inspect(d)} length mismatch (given {size}, expected {wanted}{more})")
        for i, sub in enumerate(pre):
            if not self.match(sub, d[i]):
                return False
        after = size - len(post)
        if p.rest is not None and p.rest != "*":
            self.fr.env.assign(p.rest, d[len(pre) : after])
        for j, sub in enumerate(post):
            if not self.match(sub, d[after + j]):
                return False
        return True

    def find(self, p: ast.PFind, v: Any, top: bool) -> bool:
        if not self.const(p.const, v):
            return False
        d = self.deconstruct(v, top)
        if d is None:
            return False
        middle = p.middle
        size, wanted = len(d), len(middle)
        if size < wanted:
            return self.fail(lambda: f"{self.inspect(d)} length mismatch (given {size}, expected {wanted}+)")
        for start in range(size - wanted + 1):
            if all(self.match(sub, d[start + k]) for k, sub in enumerate(middle)):
                if p.pre != "*":
                    self.fr.env.assign(p.pre, d[:start])
                if p.post != "*":
                    self.fr.env.assign(p.post, d[start + wanted :])
                return True
        return self.fail(lambda: f"{self.inspect(d)} does not match to find pattern")

    def hash(self, p: ast.PHash, v: Any) -> bool:
        if not self.const(p.const, v):
            return False
        rt = self.rt
        pairs, rest = p.pairs, p.rest
        if type(v) is RHash and rt.overlay(HASH) is None:
            d = v
        elif not rt.respond_to(v, "deconstruct_keys"):
            return self.fail(lambda: f"{self.inspect(v)} does not respond to #deconstruct_keys")
        else:
            # The keys asked for: all (nil) when the rest is kept or checked, or for `{}`.
            everything = (rest is not None and rest != "**") or (not pairs and rest is None)
            keys = None if everything else [Symbol.of(k) for k, _ in pairs]
            d = rt.send(v, "deconstruct_keys", (keys,), None, None, False)
            if not isinstance(d, RHash):
                raise rt.make_error("TypeError", "deconstruct_keys must return Hash")
        if not pairs and rest is None:
            return True if not d else self.fail(lambda: f"{self.inspect(d)} is not empty")
        for key, sub in pairs:
            sym = Symbol.of(key)
            if sym not in d:
                return self.key_not_found(sym, d)
            if not self.match(sub, d[sym]):
                return False
        if rest is None or rest == "**":
            return True
        taken = {k for k, _ in pairs}
        left = RHash((k, x) for k, x in d.items() if not (k.__class__ is Symbol and k.name in taken))
        left.default, left.default_proc = d.default, d.default_proc
        if rest == "**nil":
            return True if not left else self.fail(lambda: f"rest of {self.inspect(left)} is not empty")
        self.fr.env.assign(rest, left)
        return True

    def key_not_found(self, key: Symbol, d: RHash) -> bool:
        if self.single:
            self.detail = f"key not found: {self.inspect(key)}"
            self.missing_key = (key, d)
        return False
