"""TaskArguments: the named and positional arguments a task is invoked with, and ``name[a,b]`` parsing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

_MISSING = object()

_TASK_STRING = re.compile(r"^([^\[]+)(?:\[(.*)\])$", re.M)
_NEXT_ARG = re.compile(r"\s*((?:[^\\,]|\\.)*?)\s*(?:,\s*(.*))?$", re.M | re.ASCII)
_ESCAPE = re.compile(r"\\(.)")


def ruby_to_s(value: Any) -> str:
    """A value as Ruby's ``to_s`` shows it, for plain Python values (nil is empty)."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    name = getattr(value, "name", None)
    if type(value).__name__ == "Symbol" and isinstance(name, str):
        return name
    return str(value)


def _is_blank(value: Any) -> bool:
    """Rake drops nil and "" values: ``values[i].nil? || values[i] == ""``."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    return type(value).__name__ == "RString" and getattr(value, "s", None) == ""


class TaskArguments:
    """Argument values by name (blank values not stored), with a parent for names a prerequisite lacks."""

    def __init__(self, names: Sequence[str], values: Sequence[Any], parent: TaskArguments | None = None) -> None:
        self.names: list[str] = list(names)
        self._values: list[Any] = list(values)
        self._parent = parent
        self._hash: dict[str, Any] = {}
        for i, name in enumerate(self.names):
            if i < len(self._values) and not _is_blank(self._values[i]):
                self._hash[name] = self._values[i]

    def to_a(self) -> list[Any]:
        """Every positional value, blanks included."""
        return list(self._values)

    @property
    def extras(self) -> list[Any]:
        """The values past the named ones."""
        return self._values[len(self.names) :]

    def new_scope(self, names: Sequence[str]) -> TaskArguments:
        """The arguments a prerequisite with ``names`` receives: its names' values by name, plus the extras."""
        if not names:  # most prerequisites take no arguments: only the extras pass on
            child = TaskArguments.__new__(TaskArguments)
            child.names = []
            child._values = self._values[len(self.names) :]
            child._parent = self
            child._hash = {}
            return child
        values = [self[n] for n in names]
        return TaskArguments(names, values + self.extras, self)

    def __getitem__(self, name: str) -> Any:
        """The value of ``name`` here or in a parent; None when unset."""
        return self.lookup(name)

    def lookup(self, name: str) -> Any:
        """The value of ``name`` here or in a parent; None when unset."""
        args: TaskArguments | None = self
        while args is not None:
            if name in args._hash:
                return args._hash[name]
            args = args._parent
        return None

    def with_defaults(self, defaults: Mapping[str, Any]) -> None:
        """Fill in values for keys that have none (``defaults.merge(hash)``: defaults' keys come first)."""
        self._hash = {**defaults, **self._hash}

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return iter(list(self._hash.items()))

    def items(self) -> list[tuple[str, Any]]:
        """The stored (name, value) pairs."""
        return list(self._hash.items())

    def values_at(self, *names: str) -> list[Any]:
        """The values of several names (through the parents)."""
        return [self.lookup(n) for n in names]

    def to_hash(self) -> dict[str, Any]:
        """A copy of the stored (non-blank) values by name."""
        return dict(self._hash)

    def has_key(self, name: str) -> bool:
        """Does this object itself store a value for ``name``?"""
        return name in self._hash

    def fetch(self, name: str, default: Any = _MISSING) -> Any:
        """The stored value, else ``default``; KeyError(name) when neither exists (Ruby: ``key not found``)."""
        if name in self._hash:
            return self._hash[name]
        if default is not _MISSING:
            return default
        raise KeyError(name)

    def inspect(self, repr_value: Callable[[Any], str] = ruby_to_s) -> str:
        """``#<Rake::TaskArguments a: 1, b: 2>``; Rake shows each value with ``to_s``, which ``repr_value`` renders."""
        inner = ", ".join(f"{k}: {repr_value(v)}" for k, v in self._hash.items())
        return f"#<Rake::TaskArguments {inner}>"

    def __str__(self) -> str:
        return self.inspect()

    def __repr__(self) -> str:
        return self.inspect()


EMPTY_TASK_ARGS = TaskArguments([], [])


def parse_task_string(string: str) -> tuple[str, list[str]]:
    """Split a command-line task string ``name[a, b\\,c]`` into its name and argument strings."""
    match = _TASK_STRING.search(string)
    if match is None:
        return string, []
    name, remaining = match.group(1), match.group(2)
    if remaining == "":
        return name, []
    args: list[str] = []
    rest: str | None = remaining
    while rest is not None:
        arg = _NEXT_ARG.search(rest)
        assert arg is not None  # the pattern can always match empty text at the end
        rest = arg.group(2)
        args.append(_ESCAPE.sub(r"\1", arg.group(1)))
    return name, args
