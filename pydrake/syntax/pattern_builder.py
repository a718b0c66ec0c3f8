"""The Builder callbacks for pattern matching: ``case/in`` clauses, ``=>``, ``in`` and the patterns.

A value pattern reaches these callbacks as the expression node the shared literal rules built;
``_pattern`` wraps it in a PValue.  Ruby's checks made after parsing (bindings inside
alternatives, a name bound twice, a key given twice) run on each finished top-level pattern.
"""

from __future__ import annotations

import re
from typing import Any

from pydrake.syntax import ast
from pydrake.syntax.errors import RubySyntaxError
from pydrake.syntax.tokens import Tok as Token

# A local variable's name: [a-z_\x80-\U0010ffff][A-Za-z0-9_\x80-\U0010ffff]*, written as complements (cheap to compile).
_LOCAL_NAME = re.compile(r"[^\x00-\x5e\x60\x7b-\x7f][^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]*")
_FIND_WARNING = "Find pattern is experimental, and the behavior may change in future versions of Ruby!"
# What ends a pattern written without brackets, as Ruby names it in a syntax error.
_BARE = "`then' or ';' or '\\n'"


class _Rest:
    """``*name`` or ``*`` among array pattern items."""

    __slots__ = ("name", "tok")

    def __init__(self, name: str, tok: Token) -> None:
        self.name = name
        self.tok = tok


class _Items:
    """Array pattern items, the comma after each, and whether a comma ends the list."""

    __slots__ = ("items", "commas", "trailing")

    def __init__(self, items: list[Any], commas: list[Token], trailing: bool) -> None:
        self.items = items
        self.commas = commas
        self.trailing = trailing


class _Kwargs:
    """Hash pattern entries: ("pair", label token, pattern or None) or ("rest", star token, rest)."""

    __slots__ = ("entries", "commas")

    def __init__(self, entries: list[tuple[str, Token, Any]], commas: list[Token]) -> None:
        self.entries = entries
        self.commas = commas


class _Guard:
    """A top-level pattern with its ``if``/``unless`` guard."""

    __slots__ = ("pattern", "cond", "unless")

    def __init__(self, pattern: Any, cond: Any, unless: bool) -> None:
        self.pattern = pattern
        self.cond = cond
        self.unless = unless


def _pos(x: Any) -> tuple[int, int]:
    if isinstance(x, Token):
        return x.line or 0, x.column or 0
    if isinstance(x, ast.Node):
        return x.line, x.col
    if isinstance(x, _Rest):
        return _pos(x.tok)
    return 0, 0


class PatternBuilder:
    """The pattern-matching rule callbacks, mixed into the Builder."""

    file: str
    warnings: list[tuple[int, str]]

    def _syntax_error(self, msg: str, at: Any) -> RubySyntaxError:
        line, col = _pos(at)
        return RubySyntaxError(msg, self.file, line, col)

    # ------------------------------------------------------------ statements

    def case_in(self, c: list[Any]) -> ast.CaseIn:
        line, col = _pos(c[0])
        clauses = tuple(x for x in c if isinstance(x, ast.InClause))
        else_ = next((x[1] for x in c if isinstance(x, tuple) and x and x[0] == "else"), None)
        return ast.CaseIn(line, col, c[1], clauses, else_)

    def in_clause(self, c: list[Any]) -> ast.InClause:
        line, col = _pos(c[0])
        top = c[1]
        if isinstance(top, _Guard):
            return ast.InClause(line, col, self._top(top.pattern), top.cond, top.unless, c[-1])
        return ast.InClause(line, col, self._top(top), None, False, c[-1])

    def p_guard_if(self, c: list[Any]) -> _Guard:
        return _Guard(c[0], c[2], False)

    def p_guard_unless(self, c: list[Any]) -> _Guard:
        return _Guard(c[0], c[2], True)

    def match_required(self, c: list[Any]) -> ast.MatchPattern:
        line, col = _pos(c[0])
        return ast.MatchPattern(line, col, c[0], self._top(c[2]), True)

    def match_test(self, c: list[Any]) -> ast.MatchPattern:
        line, col = _pos(c[0])
        return ast.MatchPattern(line, col, c[0], self._top(c[2]), False)

    def _top(self, x: Any) -> Any:
        """A finished top-level pattern, checked as Ruby checks it once parsed."""
        pattern = self._pattern(x)
        seen: set[str] = set()
        self._check(pattern, seen, None)
        return pattern

    def _check(self, p: Any, seen: set[str], alternative: Any) -> None:
        """Names bound twice, and names bound inside an alternative, are errors."""
        cls = p.__class__
        if cls is ast.PBind or cls is ast.PCapture:
            self._bound(p.name, p, seen, alternative, True)
            if cls is ast.PCapture:
                self._check(p.pattern, seen, alternative)
        elif cls is ast.PAlt:
            for alt in p.alternatives:
                self._check(alt, seen, alternative or alt)
        elif cls is ast.PArray:
            for sub in p.pre:
                self._check(sub, seen, alternative)
            if p.rest not in (None, "*"):
                self._bound(p.rest, p, seen, alternative, False)
            for sub in p.post:
                self._check(sub, seen, alternative)
        elif cls is ast.PFind:
            for name in (p.pre, p.post):
                if name != "*":
                    self._bound(name, p, seen, alternative, False)
            for sub in p.middle:
                self._check(sub, seen, alternative)
        elif cls is ast.PHash:
            for _key, sub in p.pairs:
                self._check(sub, seen, alternative)
            if p.rest not in (None, "**", "**nil"):
                self._bound(p.rest, p, seen, alternative, False)

    def _bound(self, name: str, at: Any, seen: set[str], alternative: Any, unique: bool) -> None:
        if name.startswith("_"):
            return
        if alternative is not None:
            raise self._syntax_error(f"illegal variable in alternative pattern ({name})", at)
        if unique:  # Ruby 3.1 checks plain names and captures, not rests
            if name in seen:
                raise self._syntax_error("duplicated variable name", at)
            seen.add(name)

    def _pattern(self, x: Any) -> Any:
        """A pattern node for a parsed pattern part (an expression is a value pattern)."""
        if isinstance(x, ast.Pattern):
            return x
        line, col = _pos(x)
        return ast.PValue(line, col, x)

    # ------------------------------------------------------------ top-level lists

    def p_top_array(self, c: list[Any]) -> ast.Pattern:
        first = c[0]
        items = [first]
        commas: list[Token] = []
        trailing = False
        if len(c) > 1:
            commas.append(c[1])
            trailing = True
            if len(c) > 2:
                rest: _Items = c[2]
                items += rest.items
                commas += rest.commas
                trailing = rest.trailing
        return self._array(None, _Items(items, commas, trailing), first, _BARE)

    def p_top_hash(self, c: list[Any]) -> ast.PHash:
        kw: _Kwargs = c[0]
        return self._hash(None, kw, kw.entries[0][1], _BARE)

    # ------------------------------------------------------------ array patterns

    def p_items(self, c: list[Any]) -> _Items:
        items = [x for x in c if not isinstance(x, Token) or x.type != "COMMA"]
        commas = [x for x in c if isinstance(x, Token) and x.type == "COMMA"]
        return _Items(items, commas, len(commas) == len(items))

    def p_rest(self, c: list[Any]) -> _Rest:
        return _Rest(str(c[1].value) if len(c) > 1 else "*", c[0])

    def p_array(self, c: list[Any]) -> ast.Pattern:
        items = c[1] if len(c) == 3 else _Items([], [], False)
        return self._array(None, items, c[0])

    def _array(self, const: Any, items: _Items, at: Any, closer: str = "']'") -> ast.Pattern:
        """An array or find pattern from its items (at most one rest, or a rest at each end);
        ``closer`` is the bracket that ends them, for the error messages."""
        line, col = _pos(at)
        rests = [i for i, x in enumerate(items.items) if isinstance(x, _Rest)]
        subs = items.items
        if not rests:
            pre = tuple(self._pattern(x) for x in subs)
            return ast.PArray(line, col, const, pre, "*" if items.trailing else None, ())
        last = len(subs) - 1
        if len(rests) == 1:
            k = rests[0]
            if items.trailing:
                raise self._syntax_error(f"syntax error, unexpected {closer}", items.commas[-1])
            pre = tuple(self._pattern(x) for x in subs[:k])
            post = tuple(self._pattern(x) for x in subs[k + 1 :])
            return ast.PArray(line, col, const, pre, subs[k].name, post)
        if len(rests) == 2 and rests[0] == 0 and rests[1] == last and last >= 2 and not items.trailing:
            middle = tuple(self._pattern(x) for x in subs[1:last])
            self.warnings.append((line, _FIND_WARNING))
            return ast.PFind(line, col, const, subs[0].name, middle, subs[last].name)
        second = rests[1]
        if rests[0] == 0 and second != 1:  # `[*, x, *, y]`: the find pattern ended at its second rest
            raise self._syntax_error(f"syntax error, unexpected ',', expecting {closer}", items.commas[second])
        raise self._syntax_error("syntax error, unexpected *", subs[second])

    # ------------------------------------------------------------ hash patterns

    def p_kwargs(self, c: list[Any]) -> _Kwargs:
        entries = [x for x in c if isinstance(x, tuple)]
        commas = [x for x in c if isinstance(x, Token)]
        return _Kwargs(entries, commas)

    def p_pair(self, c: list[Any]) -> tuple[str, Token, Any]:
        return ("pair", c[0], c[1] if len(c) > 1 else None)

    def p_kwrest(self, c: list[Any]) -> tuple[str, Token, Any]:
        return ("rest", c[0], str(c[1].value) if len(c) > 1 else "**")

    def p_kwnorest(self, c: list[Any]) -> tuple[str, Token, Any]:
        return ("rest", c[0], "**nil")

    def p_hash(self, c: list[Any]) -> ast.PHash:
        if len(c) == 2:
            line, col = _pos(c[0])
            return ast.PHash(line, col, None, (), None)
        return self._hash(None, c[1], c[0], "'}'")

    def _hash(self, const: Any, kw: _Kwargs, at: Any, closer: str) -> ast.PHash:
        """A hash pattern: labels with patterns (a bare label binds its name), then an optional rest;
        ``closer`` is what ends it, for the error messages."""
        line, col = _pos(at)
        pairs: list[tuple[str, Any]] = []
        keys: set[str] = set()
        rest: str | None = None
        for i, (kind, tok, value) in enumerate(kw.entries):
            if rest is not None:  # a rest ends the entries
                raise self._syntax_error(f"syntax error, unexpected ',', expecting {closer}", kw.commas[i - 1])
            if kind == "rest":
                rest = value
                continue
            key = str(tok.value)
            if key in keys:
                raise self._syntax_error("duplicated key name", tok)
            keys.add(key)
            if value is None:
                if not _LOCAL_NAME.fullmatch(key):
                    raise self._syntax_error("key must be valid as local variables", tok)
                kline, kcol = _pos(tok)
                pairs.append((key, ast.PBind(kline, kcol, key)))
            else:
                pairs.append((key, self._pattern(value)))
        if rest is not None and len(kw.commas) >= len(kw.entries):
            raise self._syntax_error(f"syntax error, unexpected ',', expecting {closer}", kw.commas[-1])
        return ast.PHash(line, col, const, tuple(pairs), rest)

    # ------------------------------------------------------------ other patterns

    def p_const_pattern(self, c: list[Any]) -> ast.Pattern:
        const = c[0]
        closer = "')'" if c[1].type == "LPAREN_CALL" else "']'"
        inner = c[2] if len(c) == 4 else _Items([], [], False)
        if isinstance(inner, _Kwargs):
            return self._hash(const, inner, const, closer)
        return self._array(const, inner, const, closer)

    def p_capture(self, c: list[Any]) -> ast.PCapture:
        line, col = _pos(c[2])
        return ast.PCapture(line, col, self._pattern(c[0]), str(c[2].value))

    def p_alternative(self, c: list[Any]) -> ast.PAlt:
        left = self._pattern(c[0])
        right = self._pattern(c[2])
        alternatives = left.alternatives if left.__class__ is ast.PAlt else (left,)
        return ast.PAlt(left.line, left.col, (*alternatives, right))

    def p_var(self, c: list[Any]) -> ast.PBind:
        line, col = _pos(c[0])
        return ast.PBind(line, col, str(c[0].value))

    def p_paren(self, c: list[Any]) -> Any:
        return self._pattern(c[1])

    def p_pin(self, c: list[Any]) -> ast.PValue:
        tok = c[1]
        line, col = _pos(tok)
        name = str(tok.value)
        if tok.type == "IDENT":
            raise self._syntax_error(f"{name}: no such local variable", tok)
        node: Any
        if tok.type == "LVAR":
            node = ast.LVar(line, col, name)
        elif tok.type == "IVAR":
            node = ast.IVar(line, col, name)
        elif tok.type == "GVAR":
            node = ast.GVar(line, col, name)
        else:
            node = ast.CVar(line, col, name)
        return ast.PValue(line, col, node)

    def p_pin_expr(self, c: list[Any]) -> ast.PValue:
        line, col = _pos(c[0])
        body = c[2]
        if not body:
            value: Any = ast.Nil(line, col)
        elif len(body) == 1:
            value = body[0]
        else:
            value = ast.Seq(line, col, body)
        return ast.PValue(line, col, value)
