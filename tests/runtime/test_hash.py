"""Hash built-ins, with expectations taken from Ruby 3.1."""

from __future__ import annotations

from typing import Any

import pytest

from pydrake.runtime.classes import HASH
from pydrake.runtime.core.enumerable import hash_key
from pydrake.runtime.objects import RHash, RString, sym
from tests.runtime.fake_runtime import block
from tests.runtime.test_enumerable import CoreRuntime, S, raises, run, show


@pytest.fixture
def rt() -> CoreRuntime:
    """A runtime answering element-class methods locally."""
    return CoreRuntime()


def H(*pairs: Any, default: Any = None) -> RHash:  # noqa: N802
    """A Hash from ``key, value, key, value, ...``."""
    h = RHash()
    for i in range(0, len(pairs), 2):
        h[hash_key(None, pairs[i])] = pairs[i + 1]
    h.default = default
    return h


A, B, C, X, Z = sym("a"), sym("b"), sym("c"), sym("x"), sym("z")


# --------------------------------------------------------------------------- inspect and construction


def test_inspect(rt: Any) -> None:
    assert show(rt, H(S("a"), 1, B, 2)) == '{"a"=>1, :b=>2}'
    assert show(rt, RHash()) == "{}"
    assert show(rt, H(1, None, S("a"), B, None, [1], [1], RHash())) == '{1=>nil, "a"=>:b, nil=>[1], [1]=>{}}'
    assert run(rt, H(A, 1), "to_s").s == "{:a=>1}"
    h = H(A, 1)
    h[B] = h
    assert show(rt, h) == "{:a=>1, :b=>{...}}"


def test_new_with_default_and_block(rt: Any) -> None:
    h = run(rt, HASH, "new", 5)
    assert run(rt, h, "[]", X) == 5
    assert run(rt, h, "fetch", X, 7) == 7
    assert run(rt, h, "key?", X) is False
    assert run(rt, h, "default") == 5

    def fill(hash: RHash, key: Any) -> Any:
        return run(rt, hash, "[]=", key, RString(key.name * 2))

    h = rt.call(HASH, "new", block=block(fill))
    assert run(rt, h, "[]", sym("ab")).s == "abab"
    assert show(rt, h) == '{:ab=>"abab"}'
    counts = run(rt, HASH, "new", 0)
    run(rt, counts, "[]=", A, run(rt, counts, "[]", A) + 1)
    assert show(rt, counts) == "{:a=>1}"
    with pytest.raises(Exception) as info:
        rt.call(HASH, "new", 1, block=block(fill))
    assert str(info.value) == "wrong number of arguments (given 1, expected 0)"


def test_hash_brackets_constructor(rt: Any) -> None:
    assert show(rt, run(rt, HASH, "[]", [[1, 2]])) == "{1=>2}"
    assert show(rt, run(rt, HASH, "[]", 1, 2, 3, 4)) == "{1=>2, 3=>4}"
    assert show(rt, run(rt, HASH, "[]", H(A, 1))) == "{:a=>1}"
    raises(rt, "ArgumentError", "odd number of arguments for Hash", HASH, "[]", 1, 2, 3)


# --------------------------------------------------------------------------- keys


def test_string_keys_are_copied_and_frozen(rt: Any) -> None:
    h = RHash()
    k = S("a")
    run(rt, h, "[]=", k, 1)
    stored = run(rt, h, "keys")[0]
    assert stored.frozen and not k.frozen and stored is not k
    run(rt, h, "store", S("x"), 2)
    assert run(rt, h, "keys")[1].frozen
    assert run(rt, h, "[]", S("a")) == 1


def test_array_keys(rt: Any) -> None:
    h = RHash()
    k = [1]
    run(rt, h, "[]=", k, 2)
    assert run(rt, h, "[]", [1]) == 2
    assert run(rt, h, "key?", [1]) is True
    assert show(rt, h) == "{[1]=>2}"
    k.append(2)
    assert run(rt, h, "[]", [1]) == 2
    assert run(rt, run(rt, h, "keys")[0], "size") == 1
    counts = run(rt, [[1, 2], [1, 2], [3]], "tally")
    assert show(rt, counts) == "{[1, 2]=>2, [3]=>1}"


def test_hash_as_key_is_rejected(rt: Any) -> None:
    raises(rt, "TypeError", "a Hash used as a Hash key is not supported", RHash(), "[]=", RHash(), 1)


# --------------------------------------------------------------------------- reading


def test_fetch(rt: Any) -> None:
    raises(rt, "KeyError", "key not found: :x", H(A, 1), "fetch", X)
    raises(rt, "KeyError", 'key not found: "x"', H(A, 1), "fetch", S("x"))
    assert run(rt, RHash(), "fetch", A, fn=lambda k: RString(k.name)).s == "a"
    assert run(rt, RHash(), "fetch", A, 3) == 3
    assert run(rt, H(A, 1), "fetch", A) == 1
    raises(rt, "KeyError", "key not found: :c", H(A, 2, B, 1), "fetch_values", A, C)
    assert run(rt, H(A, 2, B, 1), "values_at", A, C) == [2, None]


def test_dig(rt: Any) -> None:
    assert run(rt, H(A, H(B, [1, 2])), "dig", A, B, 1) == 2
    assert run(rt, H(default=5), "dig", A) == 5
    raises(rt, "TypeError", "Integer does not have #dig method", H(A, 1), "dig", A, B)


def test_queries(rt: Any) -> None:
    h = H(B, 1, A, 2)
    assert run(rt, h, "keys") == [B, A]
    assert run(rt, h, "values") == [1, 2]
    assert run(rt, h, "length") == 2 and run(rt, h, "size") == 2
    assert run(rt, RHash(), "empty?") is True
    for name in ("key?", "has_key?", "include?", "member?"):
        assert run(rt, h, name, A) is True
    assert run(rt, h, "value?", 1.0) is True
    assert run(rt, h, "has_value?", 3) is False
    assert run(rt, h, "key", 2) == A
    assert run(rt, h, "key", 9) is None
    assert run(rt, h, "to_a") == [[B, 1], [A, 2]]
    assert run(rt, h, "count") == 2
    assert run(rt, h, "count", fn=lambda kv: kv[1] > 1) == 1
    assert run(rt, h, "assoc", A) == [A, 2]
    assert run(rt, h, "rassoc", 1) == [B, 1]


def test_equality(rt: Any) -> None:
    assert run(rt, H(A, 1, B, 2), "==", H(B, 2, A, 1)) is True
    assert run(rt, H(A, 1), "==", H(A, 1.0)) is True
    assert run(rt, H(A, 1), "eql?", H(A, 1.0)) is False
    assert run(rt, H(A, 1), "hash") == run(rt, H(A, 1), "hash")
    assert run(rt, H(A, 1), "==", [[A, 1]]) is False


# --------------------------------------------------------------------------- iteration


def test_each_yields_one_pair_argument(rt: Any) -> None:
    h = H(A, 1, B, 2)
    seen: list[Any] = []
    assert run(rt, h, "each", fn=seen.append) is h
    assert run(rt, h, "each_pair", fn=seen.append) is h
    assert seen == [[A, 1], [B, 2], [A, 1], [B, 2]]
    keys: list[Any] = []
    vals: list[Any] = []
    run(rt, h, "each_key", fn=keys.append)
    run(rt, h, "each_value", fn=vals.append)
    assert (keys, vals) == ([A, B], [1, 2])
    assert show(rt, run(rt, h, "each_pair")) == "#<Enumerator: {:a=>1, :b=>2}:each_pair>"


def test_deleting_while_iterating_is_allowed(rt: Any) -> None:
    h = H(A, 1, B, 2, C, 3)
    seen: list[Any] = []

    def step(kv: list[Any]) -> None:
        seen.append(kv[0])
        run(rt, h, "delete", B)

    run(rt, h, "each", fn=step)
    assert seen == [A, C]


def test_enumerable_methods_see_pairs(rt: Any) -> None:
    h = H(B, 1, A, 2)
    assert show(rt, run(rt, h, "map", fn=lambda kv: [kv[0], kv[1] * 2])) == "[[:b, 2], [:a, 4]]"
    assert show(rt, run(rt, h, "sort")) == "[[:a, 2], [:b, 1]]"
    assert show(rt, run(rt, h, "min_by", fn=lambda kv: kv[1])) == "[:b, 1]"
    assert show(rt, run(rt, h, "max_by", fn=lambda kv: kv[1])) == "[:a, 2]"
    assert run(rt, h, "sum", fn=lambda kv: kv[1]) == 3
    assert show(rt, run(rt, h, "find", fn=lambda kv: kv[1] == 2)) == "[:a, 2]"
    assert show(rt, run(rt, h, "filter_map", fn=lambda kv: kv[0] if kv[1] == 2 else None)) == "[:a]"
    assert show(rt, run(rt, h, "sort_by", fn=lambda kv: kv[1])) == "[[:b, 1], [:a, 2]]"
    assert show(rt, run(rt, h, "group_by", fn=lambda kv: kv[1] % 2 == 1)) == "{true=>[[:b, 1]], false=>[[:a, 2]]}"
    assert show(rt, run(rt, h, "partition", fn=lambda kv: kv[1] == 1)) == "[[[:b, 1]], [[:a, 2]]]"
    assert show(rt, run(rt, h, "first")) == "[:b, 1]"
    assert show(rt, run(rt, h, "first", 1)) == "[[:b, 1]]"
    assert run(rt, RHash(), "first") is None
    assert show(rt, run(rt, H(A, [1, 2]), "flat_map", fn=lambda kv: kv[1])) == "[1, 2]"
    assert run(rt, H(A, 1, B, 2), "inject", 0, fn=lambda s, kv: s + kv[1]) == 3
    assert show(rt, run(rt, H(A, 1), "sum", [])) == "[:a, 1]"
    assert show(rt, run(rt, H(A, 1), "tally")) == "{[:a, 1]=>1}"
    assert show(rt, run(rt, H(A, 1), "find_all", fn=lambda kv: True)) == "[[:a, 1]]"


def test_each_with_index_and_object(rt: Any) -> None:
    got: list[Any] = []
    run(rt, H(A, 1, B, 2), "each_with_index", fn=lambda kv, i: got.append([kv[0], kv[1], i]))
    assert show(rt, got) == "[[:a, 1, 0], [:b, 2, 1]]"
    acc = run(rt, H(A, 1, B, 3), "each_with_object", RHash(), fn=lambda kv, m: m.__setitem__(kv[1], kv[0]))
    assert show(rt, acc) == "{1=>:a, 3=>:b}"


def test_predicates(rt: Any) -> None:
    assert run(rt, RHash(), "any?") is False
    assert run(rt, H(A, 1), "any?") is True
    assert run(rt, H(A, 1), "any?", fn=lambda kv: kv[1] > 1) is False
    assert run(rt, H(A, 1), "all?", fn=lambda kv: kv[1] == 1) is True
    assert run(rt, H(A, 1), "none?", fn=lambda kv: kv[1] == 1) is False


def test_select_reject_yield_key_and_value(rt: Any) -> None:
    h = H(B, 1, A, 2, default=5)
    picked = run(rt, h, "select", fn=lambda k, v: v == 2)
    assert show(rt, picked) == "{:a=>2}"
    assert run(rt, picked, "[]", Z) is None
    assert show(rt, run(rt, h, "filter", fn=lambda k, v: k == B)) == "{:b=>1}"
    assert show(rt, run(rt, h, "reject", fn=lambda k, v: v == 2)) == "{:b=>1}"
    keys: list[Any] = []
    run(rt, h, "select", fn=lambda k, *rest: keys.append(k))
    assert keys == [B, A]


def test_filtering_in_place(rt: Any) -> None:
    assert run(rt, H(A, 1), "reject!", fn=lambda k, v: False) is None
    assert run(rt, H(A, 1), "select!", fn=lambda k, v: True) is None
    h = H(A, 1, B, 2)
    assert run(rt, h, "delete_if", fn=lambda k, v: v == 1) is h and show(rt, h) == "{:b=>2}"
    h = H(A, 1, B, 2)
    assert run(rt, h, "keep_if", fn=lambda k, v: v == 1) is h and show(rt, h) == "{:a=>1}"
    h = H(A, 1, B, 2)
    assert show(rt, run(rt, h, "select!", fn=lambda k, v: v == 2)) == "{:b=>2}"


# --------------------------------------------------------------------------- building new hashes


def test_merge_and_update(rt: Any) -> None:
    merged = run(rt, H(A, 1, B, 2), "merge", H(B, 3, C, 4), H(C, 5), fn=lambda k, o, n: o + n)
    assert show(rt, merged) == "{:a=>1, :b=>5, :c=>9}"
    assert show(rt, run(rt, H(A, 1), "merge", H(A, 2))) == "{:a=>2}"
    assert run(rt, run(rt, H(A, 1, default=5), "merge", RHash()), "[]", Z) == 5
    h = H(A, 1)
    assert run(rt, h, "update", H(B, 2)) is h and show(rt, h) == "{:a=>1, :b=>2}"
    h = H(A, 1)
    assert show(rt, run(rt, h, "merge!", h, fn=lambda k, a, b: a + b)) == "{:a=>2}"
    raises(rt, "TypeError", "no implicit conversion of Integer into Hash", H(A, 1), "merge", 1)


def test_transformations(rt: Any) -> None:
    h = H(B, 1, A, 2)
    assert show(rt, run(rt, h, "invert")) == "{1=>:b, 2=>:a}"
    assert show(rt, run(rt, h, "transform_values", fn=lambda v: v * 10)) == "{:b=>10, :a=>20}"
    assert show(rt, run(rt, h, "transform_keys", fn=lambda k: RString(k.name))) == '{"b"=>1, "a"=>2}'
    assert show(rt, run(rt, h, "transform_keys", H(B, C))) == "{:c=>1, :a=>2}"
    g = H(A, 1)
    run(rt, g, "transform_values!", fn=lambda v: v + 1)
    run(rt, g, "transform_keys!", fn=lambda k: RString(k.name))
    assert show(rt, g) == '{"a"=>2}'
    assert show(rt, run(rt, H(A, 1, B, 2, C, 3), "slice", C, A, Z)) == "{:c=>3, :a=>1}"
    assert show(rt, run(rt, H(A, 1, B, 2, C, 3), "except", A)) == "{:b=>2, :c=>3}"
    assert show(rt, run(rt, H(A, None, B, 1), "compact")) == "{:b=>1}"
    assert run(rt, H(A, 1), "compact!") is None
    assert show(rt, run(rt, H(A, 1), "to_h", fn=lambda k, v: [v, k])) == "{1=>:a}"
    h = H(A, 1, default=5)
    assert run(rt, h, "to_h") is h
    assert show(rt, run(rt, [[A, 1]], "to_h")) == "{:a=>1}"


def test_defaults_not_kept_by_select_and_friends(rt: Any) -> None:
    h = H(A, 1, default=5)
    assert run(rt, run(rt, h, "select", fn=lambda k, v: True), "[]", Z) is None
    assert run(rt, run(rt, h, "reject", fn=lambda k, v: False), "[]", Z) is None
    assert run(rt, run(rt, h, "slice", A), "[]", Z) is None
    assert run(rt, run(rt, h, "compact"), "[]", Z) is None
    assert run(rt, run(rt, h, "dup"), "[]", Z) == 5


# --------------------------------------------------------------------------- modification


def test_delete_shift_clear_replace(rt: Any) -> None:
    h = H(A, 1, B, 2)
    assert run(rt, h, "delete", A) == 1
    assert run(rt, h, "delete", Z) is None
    assert run(rt, h, "delete", Z, fn=lambda k: RString("no " + k.name)).s == "no z"
    assert show(rt, run(rt, H(A, 1, B, 2), "shift")) == "[:a, 1]"
    assert run(rt, H(default=7), "shift") == 7
    assert show(rt, run(rt, H(A, 1), "clear")) == "{}"
    g = RHash()
    run(rt, g, "replace", H(B, 2, default=5))
    assert show(rt, g) == "{:b=>2}" and run(rt, g, "[]", Z) == 5


def test_default_setters(rt: Any) -> None:
    h = RHash()
    run(rt, h, "default=", 3)
    assert run(rt, h, "[]", A) == 3
    assert run(rt, h, "default_proc") is None


def test_frozen_hash(rt: Any) -> None:
    h = run(rt, H(A, 1), "freeze")
    assert run(rt, h, "frozen?") is True
    raises(rt, "FrozenError", "can't modify frozen Hash: {:a=>1}", h, "[]=", B, 3)
    raises(rt, "FrozenError", "can't modify frozen Hash: {:a=>1}", h, "store", A, 1)
    raises(rt, "FrozenError", "can't modify frozen Hash: {:a=>1}", h, "delete", B)
    raises(rt, "FrozenError", "can't modify frozen Hash: {:a=>1}", h, "merge!", H(B, 2))
    assert run(rt, run(rt, h, "dup"), "frozen?") is False
    assert run(rt, run(rt, h, "clone"), "frozen?") is True
    assert show(rt, run(rt, h, "merge", H(B, 2))) == "{:a=>1, :b=>2}"
