"""Ruby values to the plain Python values the task model takes (names as str, lists, dicts)."""

from __future__ import annotations

from typing import Any

from pydrake.rake.task import Task
from pydrake.runtime.objects import RHash, RProc, RRegexp, RString, Symbol


def name_of(rt: Any, value: Any) -> str:
    """A task or file name from a String, Symbol, Task or anything with ``to_s``."""
    if isinstance(value, RString):
        return value.s
    if isinstance(value, Symbol):
        return value.name
    if isinstance(value, str):
        return value
    if isinstance(value, Task):
        return value.name
    return rt.to_s(value)


def to_model(rt: Any, value: Any) -> Any:
    """A definition argument: names become str, Arrays and FileLists lists, a Hash a dict (Array keys as tuples)."""
    kind = type(value)  # the common exact types first: a Rakefile defines thousands of these
    if kind is RString:
        return value.s
    if kind is Symbol:
        return value.name
    if kind is list:
        return [to_model(rt, x) for x in value]
    if kind is RHash:
        return {_key(rt, k): to_model(rt, v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, RString | Symbol | str | Task):
        return name_of(rt, value)
    if isinstance(value, RHash):
        return {_key(rt, k): to_model(rt, v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_model(rt, x) for x in value]
    if isinstance(value, RRegexp):
        return value.pattern
    if isinstance(value, RProc):
        return callable_of(rt, value)
    if rt.responds_to(value, "to_ary"):
        return [to_model(rt, x) for x in rt.call(value, "to_ary")]
    return rt.to_s(value)


def _key(rt: Any, key: Any) -> Any:
    if isinstance(key, list):
        return tuple(to_model(rt, x) for x in key)
    if isinstance(key, RRegexp):
        return key.pattern
    return to_model(rt, key)


def callable_of(rt: Any, proc: RProc) -> Any:
    """A Ruby proc as a Python callable returning names (for rule sources), with the proc's ``arity``."""

    def call(*args: str) -> Any:
        result = rt.call_block(proc, *(RString(a) for a in args))
        return to_model(rt, result)

    try:
        arity = rt.call(proc, "arity")
    except Exception:  # noqa: BLE001 - a proc whose arity cannot be asked is called with the name
        arity = 1
    call.arity = arity  # type: ignore[attr-defined]
    return call


def names_list(rt: Any, value: Any) -> list[str]:
    """A flat list of names from a name, an Array (nested) or a FileList."""
    out: list[str] = []

    def add(v: Any) -> None:
        if isinstance(v, list):
            for x in v:
                add(x)
        elif v is None:
            return
        elif isinstance(v, RString | Symbol | str | Task):
            out.append(name_of(rt, v))
        elif rt.responds_to(v, "to_ary"):
            add(list(rt.call(v, "to_ary")))
        else:
            out.append(name_of(rt, v))

    add(value)
    return out
