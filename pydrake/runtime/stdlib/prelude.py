"""Library parts written in Ruby: source run once per interpreter, when first needed."""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.RLock()


def load_prelude(rt: Any, name: str, source: str) -> bool:
    """Run ``source`` in ``rt`` unless it already ran there; True when it ran now.

    Backtraces show its lines as ``<internal:name>``.
    """
    with _lock:
        loaded: set[str] | None = getattr(rt, "_stdlib_preludes", None)
        if loaded is None:
            loaded = set()
            rt._stdlib_preludes = loaded
        if name in loaded:
            return False
        loaded.add(name)
    rt.eval_source(source, f"<internal:{name}>")
    return True


def lazy_method(owner: Any, name: str, prelude: str, source: str, singleton: bool = False) -> None:
    """Register a stand-in for the method ``name`` of ``owner`` that runs the Ruby source, then calls
    the method of that name the source defined on ``owner`` (NoMethodError when it defined none)."""

    def stand_in(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
        load_prelude(rt, prelude, source)
        tables = rt.tables(owner)
        method = (tables.smethods if singleton else tables.methods).get(name)
        if method is None:
            raise rt.no_method_error(recv, name)
        return rt.call_method(method, recv, name, args, None, block)

    stand_in.__doc__ = f"{owner.name}{'.' if singleton else '#'}{name} (runs the Ruby part of the library first)."
    table = owner.smethods if singleton else owner.methods
    table[name] = stand_in
