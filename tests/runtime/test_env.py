"""ENV: reads, writes seen by children, deletion, fetch and its KeyError, type errors."""

from __future__ import annotations

import os
import subprocess

import pytest

from pydrake.runtime.classes import OBJECT, class_of
from pydrake.runtime.core.env import ENV
from pydrake.runtime.objects import RHash, RString, RubyError, truthy
from tests.runtime.fake_runtime import FakeRuntime, block

S = RString


@pytest.fixture
def rt() -> FakeRuntime:
    return FakeRuntime()


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in ("MODE", "BUILD_DIR", "LIST", "NOPE_NOT_SET", "NUM"):
        monkeypatch.delenv(name, raising=False)
    # restore everything ENV writes through os.environ
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def test_env_is_an_object_constant():
    assert OBJECT.constants["ENV"] is ENV
    assert class_of(ENV).name == "Object"
    assert OBJECT in class_of(ENV).ancestors()


def test_read_unset_and_set(rt, monkeypatch):
    assert rt.call(ENV, "[]", S("MODE")) is None
    monkeypatch.setenv("MODE", "release")
    value = rt.call(ENV, "[]", S("MODE"))
    assert value == S("release") and value.frozen


def test_write_is_seen_by_children(rt):
    assert rt.call(ENV, "[]=", S("BUILD_DIR"), S("out")) == S("out")
    assert os.environ["BUILD_DIR"] == "out"
    out = subprocess.run(["sh", "-c", "echo $BUILD_DIR"], capture_output=True, text=True).stdout
    assert out == "out\n"
    assert rt.call(ENV, "key?", S("BUILD_DIR")) is True
    assert rt.call(ENV, "include?", S("NOPE_NOT_SET")) is False


def test_assigning_nil_deletes(rt):
    rt.call(ENV, "[]=", S("BUILD_DIR"), S("out"))
    assert rt.call(ENV, "[]=", S("BUILD_DIR"), None) is None
    assert rt.call(ENV, "[]", S("BUILD_DIR")) is None
    assert rt.call(ENV, "key?", S("BUILD_DIR")) is False
    assert "BUILD_DIR" not in os.environ


def test_type_errors(rt):
    cases = [
        (lambda: rt.call(ENV, "[]=", S("NUM"), 5), "no implicit conversion of Integer into String"),
        (lambda: rt.call(ENV, "[]=", S("NUM"), True), "no implicit conversion of true into String"),
        (lambda: rt.call(ENV, "[]", 5), "no implicit conversion of Integer into String"),
        (lambda: rt.call(ENV, "key?", None), "no implicit conversion of nil into String"),
    ]
    for fn, message in cases:
        with pytest.raises(RubyError) as excinfo:
            fn()
        assert excinfo.value.exc.cls.name == "TypeError"
        assert str(excinfo.value) == message


def test_fetch(rt, monkeypatch):
    assert rt.call(ENV, "fetch", S("MODE"), S("debug")) == S("debug")
    assert rt.call(ENV, "fetch", S("MODE"), None) is None
    assert rt.call(ENV, "fetch", S("MODE"), block=block(lambda k: S("no " + k.s))) == S("no MODE")
    with pytest.raises(RubyError) as excinfo:
        rt.call(ENV, "fetch", S("NOPE_NOT_SET"))
    assert excinfo.value.exc.cls.name == "KeyError"
    assert str(excinfo.value) == 'key not found: "NOPE_NOT_SET"'
    monkeypatch.setenv("MODE", "from-env")
    assert rt.call(ENV, "fetch", S("MODE"), S("debug")) == S("from-env")


def test_delete(rt):
    rt.call(ENV, "[]=", S("LIST"), S("a,b"))
    assert rt.call(ENV, "delete", S("LIST")) == S("a,b")
    assert rt.call(ENV, "[]", S("LIST")) is None
    assert rt.call(ENV, "delete", S("LIST")) is None
    assert rt.call(ENV, "delete", S("LIST"), block=block(lambda k: S("blk " + k.s))) == S("blk LIST")


def test_hash_views(rt):
    rt.call(ENV, "[]=", S("LIST"), S("a,b"))
    h = rt.call(ENV, "to_h")
    assert isinstance(h, RHash) and h[S("LIST")] == S("a,b")
    assert rt.call(ENV, "to_hash")[S("LIST")] == S("a,b")
    assert S("LIST") in rt.call(ENV, "keys")
    assert S("a,b") in rt.call(ENV, "values")
    assert rt.call(ENV, "values_at", S("LIST"), S("NOPE_NOT_SET")) == [S("a,b"), None]
    selected = rt.call(ENV, "select", block=block(lambda pair: pair[0] == S("LIST")))
    assert selected == RHash({S("LIST"): S("a,b")})
    rejected = rt.call(ENV, "reject", block=block(lambda pair: pair[0] != S("LIST")))
    assert rejected == RHash({S("LIST"): S("a,b")})
    pairs: list = []
    assert rt.call(ENV, "each", block=block(lambda pair: pairs.append(pair))) is ENV
    assert [S("LIST"), S("a,b")] in pairs
    assert rt.call(ENV, "size") == len(os.environ)
    assert rt.call(ENV, "empty?") is False
    assert rt.call(ENV, "to_s") == S("ENV")
    mapped = rt.call(ENV, "to_h", block=block(lambda pair: [pair[0], S(pair[1].s.upper())]))
    assert mapped[S("LIST")] == S("A,B")


def test_update_and_key(rt):
    rt.call(ENV, "update", RHash({S("LIST"): S("x"), S("MODE"): S("m")}))
    assert os.environ["LIST"] == "x" and os.environ["MODE"] == "m"
    assert rt.call(ENV, "key", S("m")) == S("MODE")
    assert truthy(rt.call(ENV, "value?", S("x")))
