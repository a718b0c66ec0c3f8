"""``require "digest"`` (and digest/md5, digest/sha1, digest/sha2): Digest::MD5, SHA1, SHA256, SHA384, SHA512."""

from __future__ import annotations

import base64
from typing import Any

from pydrake.runtime.classes import OBJECT, builtin, register_type
from pydrake.runtime.core.file import os_error, to_path
from pydrake.runtime.core.io import decode, encode
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RModule, RProc, RString

DIGEST = RModule("Digest")
INSTANCE = RModule("Digest::Instance", DIGEST)
DIGEST.constants["Instance"] = INSTANCE
DIGEST_CLASS = RClass("Digest::Class", OBJECT, DIGEST)
DIGEST_CLASS.includes.append(INSTANCE)
DIGEST.constants["Class"] = DIGEST_CLASS
BASE = RClass("Digest::Base", DIGEST_CLASS, DIGEST)
DIGEST.constants["Base"] = BASE

# Ruby class name -> hashlib algorithm
ALGORITHMS = {"MD5": "md5", "SHA1": "sha1", "SHA256": "sha256", "SHA384": "sha384", "SHA512": "sha512"}
CLASSES: dict[str, RClass] = {}
for _name in ALGORITHMS:
    CLASSES[_name] = RClass(f"Digest::{_name}", BASE, DIGEST)
    DIGEST.constants[_name] = CLASSES[_name]
SHA2 = RClass("Digest::SHA2", DIGEST_CLASS, DIGEST)
DIGEST.constants["SHA2"] = SHA2


class RDigest:
    """A Digest object: the running hash of what was fed to it."""

    __slots__ = ("algorithm", "hasher", "sha2_bits", "frozen")

    def __new__(cls, algorithm: str, sha2_bits: int | None = None) -> RDigest:
        kind = "SHA2" if sha2_bits is not None else _NAMES[algorithm]
        return object.__new__(_PYTYPES[kind])

    def __init__(self, algorithm: str, sha2_bits: int | None = None) -> None:
        import hashlib

        self.algorithm = algorithm
        self.hasher = hashlib.new(algorithm)
        self.sha2_bits = sha2_bits  # set for a Digest::SHA2 object
        self.frozen = False

    def reset(self) -> None:
        """Forget everything fed so far."""
        import hashlib

        self.hasher = hashlib.new(self.algorithm)

    def copy(self) -> RDigest:
        """An independent copy with the same state."""
        other = RDigest(self.algorithm, self.sha2_bits)
        other.hasher = self.hasher.copy()
        return other


_NAMES = {v: k for k, v in ALGORITHMS.items()}
# Ruby class name -> the Python type of its instances (so class_of answers Digest::MD5...)
_PYTYPES: dict[str, type] = {}
for _name, _cls in [*CLASSES.items(), ("SHA2", SHA2)]:
    _PYTYPES[_name] = type(f"RDigest{_name}", (RDigest,), {"__slots__": ()})
    register_type(_PYTYPES[_name], _cls)


def _algorithm(rt: Any, cls: Any) -> str:
    name = getattr(cls, "name", "") or ""
    short = name.rsplit("::", 1)[-1]
    if short not in ALGORITHMS:
        raise rt.error("NotImplementedError", f"{name} is an abstract class")
    return ALGORITHMS[short]


def _bytes(rt: Any, value: Any) -> bytes:
    if isinstance(value, RString):
        return encode(value.s)
    if value is not None and not isinstance(value, (bool, int, float)) and rt.responds_to(value, "to_str"):
        return encode(rt.to_s(rt.call(value, "to_str")))
    raise rt.error("TypeError", f"no implicit conversion of {_type_name(rt, value)} into String")


def _type_name(rt: Any, value: Any) -> str:
    if value is None:
        return "nil"
    if value is True or value is False:
        return str(value).lower()
    return rt.real_class(value).name


def _feed_file(rt: Any, d: RDigest, path_value: Any) -> None:
    path = to_path(rt, path_value)
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 16):
                d.hasher.update(chunk)
    except OSError as exc:
        raise os_error(rt, exc, "rb_sysopen") from None


def _bin(data: bytes) -> RString:
    return RString(decode(data))


def _new(rt: Any, cls: Any, *args: Any) -> RDigest:
    if cls is SHA2:
        bits = args[0] if args else 256
        if bits not in (256, 384, 512):
            raise rt.error("ArgumentError", f"unsupported bit length: {rt.inspect(bits)}")
        return RDigest(f"sha{bits}", bits)
    return RDigest(_algorithm(rt, cls))


# ---------------------------------------------------------------- class methods


@builtin(DIGEST_CLASS, "new", singleton=True)
def digest_new(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RDigest:
    """Digest::MD5.new / Digest::SHA2.new(bits = 256)."""
    return _new(rt, cls, *args)


@builtin(DIGEST_CLASS, "hexdigest", singleton=True)
def digest_s_hexdigest(rt: Any, cls: Any, data: Any, *args: Any, block: RProc | None = None) -> RString:
    """Digest::X.hexdigest(string)."""
    d = _new(rt, cls, *args)
    d.hasher.update(_bytes(rt, data))
    return RString(d.hasher.hexdigest())


@builtin(DIGEST_CLASS, "digest", singleton=True)
def digest_s_digest(rt: Any, cls: Any, data: Any, *args: Any, block: RProc | None = None) -> RString:
    """Digest::X.digest(string): the raw bytes."""
    d = _new(rt, cls, *args)
    d.hasher.update(_bytes(rt, data))
    return _bin(d.hasher.digest())


@builtin(DIGEST_CLASS, "base64digest", singleton=True)
def digest_s_base64digest(rt: Any, cls: Any, data: Any, *args: Any, block: RProc | None = None) -> RString:
    """Digest::X.base64digest(string)."""
    d = _new(rt, cls, *args)
    d.hasher.update(_bytes(rt, data))
    return RString(base64.b64encode(d.hasher.digest()).decode("ascii"))


@builtin(DIGEST_CLASS, "file", singleton=True)
def digest_s_file(rt: Any, cls: Any, path: Any, *args: Any, block: RProc | None = None) -> RDigest:
    """Digest::X.file(path): a digest object fed with the file's bytes."""
    d = _new(rt, cls, *args)
    _feed_file(rt, d, path)
    return d


@builtin(DIGEST, "hexencode", singleton=True)
def digest_hexencode(rt: Any, mod: Any, data: Any, block: RProc | None = None) -> RString:
    """Digest.hexencode(string)."""
    return RString(_bytes(rt, data).hex())


# ---------------------------------------------------------------- instance methods


@builtin(INSTANCE, "update", "<<")
def digest_update(rt: Any, recv: RDigest, data: Any, block: RProc | None = None) -> RDigest:
    """update(string) / <<: feed more data; the digest object."""
    recv.hasher.update(_bytes(rt, data))
    return recv


@builtin(INSTANCE, "file")
def digest_file(rt: Any, recv: RDigest, path: Any, block: RProc | None = None) -> RDigest:
    """file(path): feed a file's bytes; the digest object."""
    _feed_file(rt, recv, path)
    return recv


@builtin(INSTANCE, "reset")
def digest_reset(rt: Any, recv: RDigest, block: RProc | None = None) -> RDigest:
    """reset: forget everything fed."""
    recv.reset()
    return recv


def _with_data(rt: Any, recv: RDigest, data: Any) -> RDigest:
    """The digest to report: this one, or (given data) a fresh one of the same kind fed only with it."""
    if data is None:
        return recv
    fresh = RDigest(recv.algorithm, recv.sha2_bits)
    fresh.hasher.update(_bytes(rt, data))
    return fresh


@builtin(INSTANCE, "hexdigest", "to_s")
def digest_hexdigest(rt: Any, recv: RDigest, data: Any = None, block: RProc | None = None) -> RString:
    """hexdigest / to_s: the hash in lowercase hex."""
    return RString(_with_data(rt, recv, data).hasher.hexdigest())


@builtin(INSTANCE, "digest")
def digest_digest(rt: Any, recv: RDigest, data: Any = None, block: RProc | None = None) -> RString:
    """digest: the hash's raw bytes."""
    return _bin(_with_data(rt, recv, data).hasher.digest())


@builtin(INSTANCE, "base64digest")
def digest_base64digest(rt: Any, recv: RDigest, data: Any = None, block: RProc | None = None) -> RString:
    """base64digest."""
    return RString(base64.b64encode(_with_data(rt, recv, data).hasher.digest()).decode("ascii"))


@builtin(INSTANCE, "hexdigest!")
def digest_hexdigest_bang(rt: Any, recv: RDigest, block: RProc | None = None) -> RString:
    """hexdigest!: the hex hash, then reset."""
    out = recv.hasher.hexdigest()
    recv.reset()
    return RString(out)


@builtin(INSTANCE, "digest!")
def digest_digest_bang(rt: Any, recv: RDigest, block: RProc | None = None) -> RString:
    """digest!: the raw hash, then reset."""
    out = recv.hasher.digest()
    recv.reset()
    return _bin(out)


@builtin(INSTANCE, "digest_length", "length", "size")
def digest_length(rt: Any, recv: RDigest, block: RProc | None = None) -> int:
    """digest_length / length / size: bytes in the hash."""
    return recv.hasher.digest_size


@builtin(INSTANCE, "block_length")
def digest_block_length(rt: Any, recv: RDigest, block: RProc | None = None) -> int:
    """block_length."""
    return recv.hasher.block_size


@builtin(INSTANCE, "==")
def digest_eq(rt: Any, recv: RDigest, other: Any, block: RProc | None = None) -> bool:
    """==: same hash as another digest, or as a hex String."""
    mine = recv.hasher.hexdigest()
    if isinstance(other, RDigest):
        return other.hasher.hexdigest() == mine
    if isinstance(other, RString):
        return other.s == mine
    return False


@builtin(INSTANCE, "dup", "clone")
def digest_dup(rt: Any, recv: RDigest, *args: Any, block: RProc | None = None) -> RDigest:
    """dup / clone: an independent copy."""
    return recv.copy()


@builtin(INSTANCE, "inspect")
def digest_inspect(rt: Any, recv: RDigest, block: RProc | None = None) -> RString:
    """inspect: ``#<Digest::MD5: hex>`` (``#<Digest::SHA2:256 hex>`` for SHA2)."""
    if recv.sha2_bits is not None:
        return RString(f"#<Digest::SHA2:{recv.sha2_bits} {recv.hasher.hexdigest()}>")
    return RString(f"#<Digest::{_NAMES[recv.algorithm]}: {recv.hasher.hexdigest()}>")


@default_feature("digest")
def _feature(rt: Any) -> None:
    """``require "digest"``: the Digest module with all its algorithms."""
    rt.constants["Digest"] = DIGEST


def _algorithm_feature(rt: Any) -> None:
    """``require "digest/md5"`` and friends: load ``digest``."""
    rt.require("digest")


for _feature_name in ("digest/md5", "digest/sha1", "digest/sha2", "digest/sha256", "digest/sha512"):
    default_feature(_feature_name)(_algorithm_feature)
