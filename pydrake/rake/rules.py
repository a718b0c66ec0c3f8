"""Rules: a target pattern and the sources a matching name is built from (``make_sources``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pydrake.lazy_pattern import LazyPattern
from pydrake.rake.errors import RuleDependentError
from pydrake.record import field, record

_LEADING_DOT = LazyPattern(r"^\.", re.M)
_REPLACEMENT_ESCAPE = LazyPattern(r"\\(\d|&|`|'|\\|\+|k<(\w+)>)")


def rule_pattern(pattern: Any) -> re.Pattern[str] | None:
    """A rule's pattern as a regex: a String is a suffix match; a Regexp stays; nil never matches."""
    if pattern is None:
        return None
    if isinstance(pattern, str):
        return re.compile(re.escape(pattern) + "$", re.M)
    if isinstance(pattern, re.Pattern):
        return pattern
    inner = getattr(pattern, "pattern", None)  # a Regexp value carrying its translated pattern
    if isinstance(inner, re.Pattern):
        return inner
    raise TypeError(f"a rule pattern must be a string or a regular expression, not {pattern!r}")


def ruby_sub(pattern: re.Pattern[str], text: str, replacement: str) -> str:
    """``text.sub(pattern, replacement)`` with Ruby's replacement escapes (``\\1``, ``\\0``, ``\\&``, ``\\k<n>``)."""
    match = pattern.search(text)
    if match is None:
        return text

    def expand(esc: re.Match[str]) -> str:
        code = esc.group(1)
        if code.isdigit():
            n = int(code)
            return (match.group(n) or "") if n <= (pattern.groups or 0) else ""
        if code == "&":
            return match.group(0)
        if code == "`":
            return text[: match.start()]
        if code == "'":
            return text[match.end() :]
        if code == "\\":
            return "\\"
        if code == "+":
            groups = [g for g in match.groups() if g is not None]
            return groups[-1] if groups else ""
        return match.group(esc.group(2)) or ""

    return text[: match.start()] + _REPLACEMENT_ESCAPE.sub(expand, replacement) + text[match.end() :]


def _arity(source: Callable[..., Any]) -> int:
    """The arity the glue attached (``arity``), else the number of required positional parameters."""
    import inspect
    arity = getattr(source, "arity", None)
    if isinstance(arity, int):
        return arity
    try:
        params = inspect.signature(source).parameters.values()
    except (TypeError, ValueError):
        return 0
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(1 for p in params if p.kind in kinds and p.default is inspect.Parameter.empty)


def _flatten(value: Any, out: list[str]) -> None:
    if isinstance(value, (list, tuple)):
        for item in value:
            _flatten(item, out)
    elif isinstance(value, str):
        out.append(value)
    else:
        text = getattr(value, "s", None)  # a Ruby String returned by a block
        out.append(text if isinstance(text, str) else str(value))


def _default_inspect(value: Any) -> str:
    if value is None:
        return "nil"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return repr(value)


@record
class Rule:
    """One ``rule``: pattern, source specs, argument names, block and order-only prerequisites."""

    pattern: re.Pattern[str] | None
    sources: Sequence[Any]
    arg_names: list[str] = field(default_factory=list)
    action: Callable[..., Any] | None = None
    order_only: list[str] | None = None

    def matches(self, task_name: str) -> bool:
        """Does the pattern match (anywhere in) the name?"""
        return self.pattern is not None and self.pattern.search(task_name) is not None

    def make_sources(self, task_name: str, inspect_value: Callable[[Any], str] = _default_inspect) -> list[str]:
        """The source names for ``task_name``, each spec classified in Rake's order, flattened."""
        result: list[str] = []
        for spec in self.sources:
            _flatten(self._source(task_name, spec, inspect_value), result)
        return result

    def _source(self, task_name: str, spec: Any, inspect_value: Callable[[Any], str]) -> Any:
        if isinstance(spec, str):
            if "%" in spec:
                from pydrake.rake.pathmap import pathmap

                return pathmap(task_name, spec)
            if "/" in spec:
                return spec
            if _LEADING_DOT.search(spec):
                assert self.pattern is not None  # only a matching rule makes sources
                source = ruby_sub(self.pattern, task_name, spec)
                if source == spec:
                    from pydrake.rake.pathmap import ext

                    return ext(task_name, spec)
                return source
            return spec
        if callable(spec):
            return spec(task_name) if _arity(spec) == 1 else spec()
        raise RuleDependentError(f"Don't know how to handle rule dependent: {inspect_value(spec)}")
