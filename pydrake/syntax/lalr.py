"""The LALR(1) driver: runs the generated tables of the grammar over the lexer's tokens.

Each reduction hands the Builder the children Lark would hand it (see ``gen_tables``), so the
AST is the one Lark's own parser builds from the same grammar; tests compare the two.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydrake.syntax import lalr_tables as tables
from pydrake.syntax.tokens import Tok

Reducer = Callable[[list[Any]], Any]


class ParseError(Exception):
    """A token the grammar does not allow here: the token and the terminals it expected."""

    def __init__(self, token: Tok, expected: set[str], stack: Sequence[int] = ()) -> None:
        super().__init__(f"unexpected {token.type}")
        self.token = token
        self.expected = expected
        self.stack = list(stack)  # the parser's states when the token was refused

    def settled_expected(self) -> set[str]:
        """What could come next once the parser has made the reductions it would make for any
        token it cannot shift (as bison's default reductions do before it reports an error):
        the context of the error (inside parentheses, a block, the top level), not every
        token that could end the innermost expression."""
        return _expected(_settle(self.stack, self.token.type)[-1])


def _splice(spec: tuple[tuple[int, bool], ...]) -> Callable[[list[Any]], list[Any]]:
    first, first_splices = spec[0] if spec else (0, False)
    rest = spec[1:] if first_splices else spec

    def shape(children: list[Any]) -> list[Any]:
        # A leading spliced list is extended in place, not copied: a left-recursive repetition
        # (``stmt (TERM stmt)*``) then grows one list instead of copying it at every step.
        out: list[Any] = children[first] if first_splices else []
        for i, splice in rest:
            if splice:
                out.extend(children[i])
            else:
                out.append(children[i])
        return out

    return shape


def _reducer(method: Callable[[list[Any]], Any] | None, expand1: bool, spec: Any) -> Reducer:
    """The function that turns a rule's children into its value."""
    shape = _splice(spec) if spec is not None else None
    # A ``_rule`` has no method: its value is its children, spliced into its parent's.
    build: Callable[[list[Any]], Any] = method if method is not None else _children
    if expand1:
        inner = build

        def build(children: list[Any]) -> Any:
            return children[0] if len(children) == 1 else inner(children)

    if shape is None:
        return build
    after = build
    return lambda children: after(shape(children))


def _children(children: list[Any]) -> list[Any]:
    return children


def reducers(builder: Any) -> list[tuple[str, int, Reducer | None]]:
    """Per rule: its name, its length and the reducer that calls ``builder`` (None: the value is
    the rule's one child, as for ``?rule: other`` alternatives, so the reduction only moves the state)."""
    out: list[tuple[str, int, Reducer | None]] = []
    for name, size, method, expand1, spec in tables.RULES:
        if size == 1 and expand1 and spec is None:
            out.append((name, 1, None))
        else:
            out.append((name, size, _reducer(getattr(builder, method) if method else None, expand1, spec)))
    return out


def parse_tokens(tokens: Sequence[Tok], builder: Any) -> Any:
    """Parse ``tokens`` (without the end marker) and return the start rule's value."""
    states = tables.STATES
    # Only a one-child rule has no reducer (None), and the branch for those never calls one.
    rules: list[tuple[str, int, Any]] = reducers(builder)
    state = tables.START  # always stack[-1]
    stack = [state]
    values: list[Any] = []
    chains = _CHAINS
    reduce_with = [reduce for _name, _size, reduce in rules]
    for tok in tokens:
        kind = tok.type
        while True:
            act = states[state].get(kind)
            if act is None:
                raise ParseError(tok, _expected(state), stack)
            if act >= 0:
                stack.append(act)
                values.append(tok)
                state = act
                break
            name, size, reduce = rules[-1 - act]
            if size == 1:
                # A run of one-child reductions replaces the top state and rebuilds the top value
                # only, so where it ends depends on the state below, the top and the token alone:
                # follow it once, then remember the end state and the reducers it calls.
                key = (stack[-2], state, kind)
                run = chains.get(key)
                if run is None:
                    run = chains[key] = _one_child_run(states, rules, stack[-2], state, kind, tables.END)
                state, called = run
                if called:
                    value = values[-1]
                    for rule in called:
                        value = reduce_with[rule]([value])
                    values[-1] = value
                stack[-1] = state
                continue
            if size:
                children = values[-size:]
                del values[-size:]
                del stack[-size:]
                values.append(reduce(children))
            else:
                values.append(reduce([]))
            state = states[stack[-1]][name]
            stack.append(state)
    return _finish(tokens, stack, values, rules)


def _finish(tokens: Sequence[Tok], stack: list[int], values: list[Any], rules: list[tuple[str, int, Any]]) -> Any:
    """The reductions the end marker makes, down to the start rule's value."""
    states = tables.STATES
    last = tokens[-1] if tokens else None
    end = Tok("$END", "", last.end_pos if last else 0, last.line if last else 1, last.column if last else 1)
    while True:
        act = states[stack[-1]].get("$END")
        if act is None or act >= 0:  # the grammar never shifts the end marker
            raise ParseError(end, _expected(stack[-1]), stack)
        name, size, reduce = rules[-1 - act]
        if size:
            children = values[-size:]
            del values[-size:]
            del stack[-size:]
            values.append(children[0] if reduce is None else reduce(children))
        else:
            values.append(reduce([]))
        goto = states[stack[-1]][name]
        stack.append(goto)
        if goto == tables.END:
            return values[-1]


# (state below, top state, token) -> the top state once every one-child reduction is done, and
# the rules (indexes into ``reducers``) whose reducers those reductions call, in order.
_CHAINS: dict[tuple[int, int, str], tuple[int, tuple[int, ...]]] = {}


def _one_child_run(
    states: list[dict[str, int]], rules: list[Any], below: int, top: int, kind: str, end_state: int
) -> tuple[int, tuple[int, ...]]:
    """The top state after the one-child reductions from ``top`` (above ``below``) on ``kind``,
    and the rules whose reducers they call (a ``?rule: other`` reduction calls none)."""
    called: list[int] = []
    while top != end_state:
        act = states[top].get(kind)
        if act is None or act >= 0:
            break
        name, size, reduce = rules[-1 - act]
        if size != 1:
            break
        if reduce is not None:
            called.append(-1 - act)
        top = states[below][name]
    return top, tuple(called)


def _settle(stack: Sequence[int], kind: str) -> list[int]:
    """The state stack after the reductions a state makes by default (its most frequent one) for a
    token ``kind`` it cannot shift, stopping before the start rule, where a state has none, or
    where a reduction leads back to a configuration already seen (empty rules)."""
    states = tables.STATES
    stack = list(stack)
    seen: set[tuple[int, int]] = set()
    while (len(stack), stack[-1]) not in seen:
        seen.add((len(stack), stack[-1]))
        actions = states[stack[-1]]
        act = actions.get(kind)
        if act is not None and act >= 0:  # shifted here after all: this is the context
            break
        if act is None:
            counts: dict[int, int] = {}
            for other in actions.values():
                if other < 0:
                    counts[other] = counts.get(other, 0) + 1
            if not counts:
                break
            act = max(sorted(counts), key=lambda a: counts[a])
        name, size = tables.RULES[-1 - act][:2]
        if size >= len(stack):
            break
        goto = states[stack[-1 - size]].get(name)
        if goto is None or goto == tables.END:
            break
        if size:
            del stack[-size:]
        stack.append(goto)
    return stack


def _expected(state: int) -> set[str]:
    return {symbol for symbol in tables.STATES[state] if symbol.isupper() or symbol == "$END"}
