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
