"""Local-variable scopes: chains of dicts (a block's scope encloses its defining scope)."""

from __future__ import annotations

from typing import Any

# Sentinel for "no such variable" (None is Ruby nil).
MISSING: Any = object()


class Env:
    """One local-variable scope; ``parent`` is the enclosing scope a block closes over (None for a def)."""

    __slots__ = ("vars", "parent")

    def __init__(self, parent: Env | None = None, vars: dict[str, Any] | None = None) -> None:
        self.vars: dict[str, Any] = {} if vars is None else vars
        self.parent = parent

    def lookup(self, name: str) -> Any:
        """The variable's value, or MISSING when no enclosing scope has it."""
        env: Env | None = self
        while env is not None:
            d = env.vars
            if name in d:
                return d[name]
            env = env.parent
        return MISSING

    def has(self, name: str) -> bool:
        """Whether the variable exists in this scope or an enclosing one."""
        return self.lookup(name) is not MISSING

    def assign(self, name: str, value: Any) -> None:
        """Set the variable where it already exists, else create it in this scope."""
        env: Env | None = self
        while env is not None:
            d = env.vars
            if name in d:
                d[name] = value
                return
            env = env.parent
        self.vars[name] = value

    def declare(self, name: str, value: Any) -> None:
        """Create or overwrite the variable in this scope only (parameters, block-locals)."""
        self.vars[name] = value

    def names(self) -> list[str]:
        """Every visible variable name, innermost scope first, without repeats."""
        seen: list[str] = []
        env: Env | None = self
        while env is not None:
            for n in env.vars:
                if n not in seen:
                    seen.append(n)
            env = env.parent
        return seen
