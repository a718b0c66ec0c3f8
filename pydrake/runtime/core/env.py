"""ENV: the process environment as a hash-like object (children started later see changes)."""

from __future__ import annotations

import os
import time as _time
from typing import Any

from pydrake.runtime.children import environ_lock
from pydrake.runtime.classes import ENUMERABLE, OBJECT, builtin, register_type
from pydrake.runtime.core.enumerable import register_iterator
from pydrake.runtime.core.exception import key_error
from pydrake.runtime.core.io import type_name
from pydrake.runtime.objects import RClass, RHash, RString, truthy


class REnv:
    """The single ENV object; its contents live in ``os.environ``."""

    def __repr__(self) -> str:
        return "ENV"


# ENV is an Object extended with Enumerable; a class of its own (named "Object", as ENV.class prints) holds its methods.
ENV_CLASS = RClass("Object", OBJECT)
ENV_CLASS.includes.append(ENUMERABLE)
register_type(REnv, ENV_CLASS)
ENV = REnv()
OBJECT.constants["ENV"] = ENV


def _value(text: str) -> RString:
    return RString(text, frozen=True)


def _name(rt: Any, key: Any) -> str:
    if not isinstance(key, RString):
        raise rt.error("TypeError", f"no implicit conversion of {type_name(key)} into String")
    if "\0" in key.s:
        raise rt.error("ArgumentError", "bad environment variable name: contains null byte")
    return key.s


def _snapshot() -> dict[str, str]:
    """The environment as it is now, copied while no thread changes it."""
    with environ_lock:
        return dict(os.environ)


def get(name: str) -> RString | None:
    """ENV[name] from Python: a frozen String, or nil."""
    text = os.environ.get(name)
    return None if text is None else _value(text)


def set_var(rt: Any, key: Any, value: Any) -> Any:
    """ENV[key] = value: nil deletes; both must be Strings."""
    name = _name(rt, key)
    if value is None:
        with environ_lock:
            os.environ.pop(name, None)
    else:
        if not isinstance(value, RString):
            raise rt.error("TypeError", f"no implicit conversion of {type_name(value)} into String")
        if "\0" in value.s:
            raise rt.error("ArgumentError", "bad environment variable value: contains null byte")
        if not name or "=" in name:
            raise rt.error("Errno::EINVAL", f"Invalid argument - setenv({name})")
        with environ_lock:
            os.environ[name] = value.s
    if name == "TZ":
        _time.tzset()
    return value


def pairs() -> list[list[RString]]:
    """The environment as [name, value] pairs."""
    return [[_value(k), _value(v)] for k, v in _snapshot().items()]


def to_hash() -> RHash:
    """The environment as a new Hash of Strings."""
    return RHash((_value(k), _value(v)) for k, v in _snapshot().items())


register_iterator(ENV_CLASS, lambda rt, recv: pairs())


@builtin(ENV_CLASS, "[]")
def env_aref(rt: Any, recv: REnv, key: Any, block: Any = None) -> Any:
    """ENV[name]: the value, or nil."""
    return get(_name(rt, key))


@builtin(ENV_CLASS, "[]=", "store")
def env_aset(rt: Any, recv: REnv, key: Any, value: Any, block: Any = None) -> Any:
    """ENV[name] = value (nil deletes)."""
    return set_var(rt, key, value)


@builtin(ENV_CLASS, "fetch")
def env_fetch(rt: Any, recv: REnv, key: Any, *default: Any, block: Any = None) -> Any:
    """ENV.fetch(name [, default]) { |name| }: KeyError ``key not found: "X"`` when missing."""
    name = _name(rt, key)
    value = get(name)
    if value is not None:
        return value
    if block is not None:
        return rt.call_block(block, key)
    if default:
        return default[0]
    raise key_error(rt, f'key not found: "{name}"', recv, key)


@builtin(ENV_CLASS, "key?", "has_key?", "include?", "member?")
def env_has_key(rt: Any, recv: REnv, key: Any, block: Any = None) -> bool:
    """ENV.key?(name)."""
    return _name(rt, key) in os.environ


@builtin(ENV_CLASS, "value?", "has_value?")
def env_has_value(rt: Any, recv: REnv, value: Any, block: Any = None) -> bool:
    """ENV.value?(value)."""
    return isinstance(value, RString) and value.s in _snapshot().values()


@builtin(ENV_CLASS, "key")
def env_key(rt: Any, recv: REnv, value: Any, block: Any = None) -> Any:
    """ENV.key(value): the first name with that value, or nil."""
    for k, v in _snapshot().items():
        if isinstance(value, RString) and v == value.s:
            return _value(k)
    return None


@builtin(ENV_CLASS, "delete")
def env_delete(rt: Any, recv: REnv, key: Any, block: Any = None) -> Any:
    """ENV.delete(name) { |name| }: the old value; the block's value (or nil) when unset."""
    name = _name(rt, key)
    old = get(name)
    if old is None:
        return rt.call_block(block, key) if block is not None else None
    set_var(rt, key, None)
    return old


@builtin(ENV_CLASS, "to_hash")
def env_to_hash(rt: Any, recv: REnv, block: Any = None) -> RHash:
    """ENV.to_hash."""
    return to_hash()


@builtin(ENV_CLASS, "to_h")
def env_to_h(rt: Any, recv: REnv, block: Any = None) -> RHash:
    """ENV.to_h { |name, value| [k, v] }."""
    if block is None:
        return to_hash()
    out = RHash()
    for pair in pairs():
        kv = rt.call_block(block, pair)
        if not isinstance(kv, list) or len(kv) != 2:
            raise rt.error("TypeError", f"wrong element type {type_name(kv)} (expected array)")
        out[kv[0]] = kv[1]
    return out


@builtin(ENV_CLASS, "to_a")
def env_to_a(rt: Any, recv: REnv, block: Any = None) -> list[list[RString]]:
    """ENV.to_a: [name, value] pairs."""
    return pairs()


@builtin(ENV_CLASS, "each", "each_pair")
def env_each(rt: Any, recv: REnv, block: Any = None) -> Any:
    """ENV.each { |name, value| }."""
    if block is None:
        return rt.call(pairs(), "each")
    for pair in pairs():
        rt.call_block(block, pair)
    return recv


@builtin(ENV_CLASS, "each_key")
def env_each_key(rt: Any, recv: REnv, block: Any = None) -> Any:
    """ENV.each_key { |name| }."""
    names = [_value(k) for k in _snapshot()]
    if block is None:
        return rt.call(names, "each")
    for n in names:
        rt.call_block(block, n)
    return recv


@builtin(ENV_CLASS, "each_value")
def env_each_value(rt: Any, recv: REnv, block: Any = None) -> Any:
    """ENV.each_value { |value| }."""
    vals = [_value(v) for v in _snapshot().values()]
    if block is None:
        return rt.call(vals, "each")
    for v in vals:
        rt.call_block(block, v)
    return recv


@builtin(ENV_CLASS, "keys")
def env_keys(rt: Any, recv: REnv, block: Any = None) -> list[RString]:
    """ENV.keys."""
    return [_value(k) for k in _snapshot()]


@builtin(ENV_CLASS, "values")
def env_values(rt: Any, recv: REnv, block: Any = None) -> list[RString]:
    """ENV.values."""
    return [_value(v) for v in _snapshot().values()]


@builtin(ENV_CLASS, "values_at")
def env_values_at(rt: Any, recv: REnv, *keys: Any, block: Any = None) -> list[Any]:
    """ENV.values_at(*names)."""
    return [get(_name(rt, k)) for k in keys]


@builtin(ENV_CLASS, "slice")
def env_slice(rt: Any, recv: REnv, *keys: Any, block: Any = None) -> RHash:
    """ENV.slice(*names): a Hash of those that are set."""
    out = RHash()
    for k in keys:
        v = get(_name(rt, k))
        if v is not None:
            out[_value(k.s)] = v
    return out


@builtin(ENV_CLASS, "size", "length")
def env_size(rt: Any, recv: REnv, block: Any = None) -> int:
    """ENV.size."""
    return len(os.environ)


@builtin(ENV_CLASS, "empty?")
def env_empty(rt: Any, recv: REnv, block: Any = None) -> bool:
    """ENV.empty?."""
    return not os.environ


def _filter(rt: Any, block: Any, keep: bool) -> RHash:
    out = RHash()
    for k, v in pairs():
        if truthy(rt.call_block(block, [k, v])) == keep:
            out[k] = v
    return out


@builtin(ENV_CLASS, "select", "filter")
def env_select(rt: Any, recv: REnv, block: Any = None) -> Any:
    """ENV.select { |name, value| }: a Hash."""
    if block is None:
        return rt.call(pairs(), "select")
    return _filter(rt, block, True)


@builtin(ENV_CLASS, "reject")
def env_reject(rt: Any, recv: REnv, block: Any = None) -> Any:
    """ENV.reject { |name, value| }: a Hash."""
    if block is None:
        return rt.call(pairs(), "reject")
    return _filter(rt, block, False)


@builtin(ENV_CLASS, "update", "merge!")
def env_update(rt: Any, recv: REnv, *hashes: Any, block: Any = None) -> REnv:
    """ENV.update(hash): sets every pair (a block resolves names already set)."""
    for h in hashes:
        for k, v in list(h.items()):
            old = get(_name(rt, k))
            if block is not None and old is not None:
                v = rt.call_block(block, k, old, v)
            set_var(rt, k, v)
    return recv


@builtin(ENV_CLASS, "replace")
def env_replace(rt: Any, recv: REnv, h: Any, block: Any = None) -> REnv:
    """ENV.replace(hash): the environment becomes exactly ``hash``."""
    wanted = {_name(rt, k): v for k, v in h.items()}
    with environ_lock:
        for name in list(os.environ):
            if name not in wanted:
                os.environ.pop(name, None)
    for k, v in h.items():
        set_var(rt, k, v)
    return recv


@builtin(ENV_CLASS, "clear")
def env_clear(rt: Any, recv: REnv, block: Any = None) -> REnv:
    """ENV.clear."""
    with environ_lock:
        os.environ.clear()
    return recv


@builtin(ENV_CLASS, "inspect")
def env_inspect(rt: Any, recv: REnv, block: Any = None) -> RString:
    """ENV.inspect: like a Hash."""
    return RString(rt.inspect(to_hash()))


@builtin(ENV_CLASS, "to_s")
def env_to_s(rt: Any, recv: REnv, block: Any = None) -> RString:
    """ENV.to_s: "ENV"."""
    return RString("ENV")
