"""Small libraries: RbConfig and Etc (always loaded, as under Rake), SecureRandom, the OptionParser class
(its Ruby part is ``stdlib/optparse.py``), and features that only need to succeed because what they
provide is always there (tmpdir, fileutils, English, etc, rbconfig, optparse)."""

from __future__ import annotations

import os
from typing import Any

from pydrake.runtime.classes import OBJECT, STRUCT, builtin
from pydrake.runtime.interpreter import default_feature, on_new_interpreter
from pydrake.runtime.objects import RClass, RHash, RModule, RProc, RString, Symbol
from pydrake.runtime.ruby_platform import ruby_arch

RBCONFIG = RModule("RbConfig")
ETC = RModule("Etc")
SECURE_RANDOM = RModule("SecureRandom")
OPTION_PARSER = RClass("OptionParser", OBJECT)


def _plain(rt: Any) -> None:
    """A feature whose contents are always loaded."""
    return None


for _name in ("tmpdir", "fileutils", "English", "etc", "rbconfig", "optparse", "optionparser"):
    default_feature(_name)(_plain)


@builtin(OPTION_PARSER, "initialize")
def option_parser_initialize(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """OptionParser#initialize (runs the Ruby part of the library first)."""
    from pydrake.runtime.stdlib import optparse

    return optparse.initialize(rt, OPTION_PARSER, recv, args, block)


# ---------------------------------------------------------------- RbConfig


def _ruby_bindir() -> str:
    """The folder of the ``ruby`` found on PATH (``/usr/bin`` when there is none)."""
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(folder or ".", "ruby")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.dirname(os.path.abspath(candidate))
    return "/usr/bin"


def rbconfig_hash() -> RHash:
    """RbConfig::CONFIG for this machine, as a Ruby 3.1 on Linux reports it."""
    cpu, target_os = ruby_arch()
    platform = f"{cpu}-{target_os}"
    bindir = _ruby_bindir()
    prefix = os.path.dirname(bindir) or "/"
    values = {
        "MAJOR": "3",
        "MINOR": "1",
        "TEENY": "2",
        "PATCHLEVEL": "20",
        "RUBY_PROGRAM_VERSION": "3.1.2",
        "RUBY_API_VERSION": "3.1",
        "ruby_version": "3.1.0",
        "prefix": prefix,
        "exec_prefix": prefix,
        "bindir": bindir,
        "sbindir": os.path.join(prefix, "sbin"),
        "libdir": os.path.join(prefix, "lib"),
        "datadir": os.path.join(prefix, "share"),
        "mandir": os.path.join(prefix, "share", "man"),
        "sysconfdir": "/etc",
        "localstatedir": "/var",
        "includedir": os.path.join(prefix, "include"),
        "rubylibprefix": os.path.join(prefix, "lib", "ruby"),
        "rubylibdir": os.path.join(prefix, "lib", "ruby", "3.1.0"),
        "sitedir": os.path.join(prefix, "lib", "ruby", "site_ruby"),
        "vendordir": os.path.join(prefix, "lib", "ruby", "vendor_ruby"),
        "ruby_install_name": "ruby",
        "RUBY_INSTALL_NAME": "ruby",
        "RUBY_BASE_NAME": "ruby",
        "RUBY_SO_NAME": "ruby",
        "EXEEXT": "",
        "EXECUTABLE_EXTS": "",
        "DLEXT": "so",
        "SOEXT": "so",
        "LIBEXT": "a",
        "OBJEXT": "o",
        "arch": platform,
        "sitearch": platform,
        "platform": platform,
        "host": f"{cpu}-pc-linux-gnu",
        "host_cpu": cpu,
        "host_vendor": "pc",
        "host_os": "linux-gnu",
        "target": f"{cpu}-pc-linux-gnu",
        "target_cpu": cpu,
        "target_vendor": "pc",
        "target_os": target_os,
        "build": f"{cpu}-pc-linux-gnu",
        "build_os": "linux-gnu",
        "CC": "gcc",
        "CPP": "gcc -E",
        "CXX": "g++",
        "CFLAGS": "-O3",
        "LDFLAGS": "-L. -fstack-protector-strong -rdynamic -Wl,-export-dynamic",
        "SHELL": "/bin/sh",
        "PATH_SEPARATOR": ":",
        "INSTALL": "/usr/bin/install -c",
        "MKDIR_P": "/usr/bin/mkdir -p",
        "RM": "rm -f",
        "CP": "cp",
    }
    out = RHash()
    for k, v in values.items():
        out[RString(k, frozen=True)] = RString(v)
    return out


@builtin(RBCONFIG, "ruby", singleton=True)
def rbconfig_ruby(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """RbConfig.ruby: the path of the ruby executable."""
    config = rt.call(mod, "const_get", Symbol.of("CONFIG"))
    parts = [rt.to_s(config.get(RString(k))) for k in ("bindir", "ruby_install_name", "EXEEXT")]
    return RString(os.path.join(parts[0], parts[1] + parts[2]))


@builtin(RBCONFIG, "expand", singleton=True)
def rbconfig_expand(rt: Any, mod: Any, value: Any, *args: Any, block: RProc | None = None) -> Any:
    """RbConfig.expand(str): the string (values here are already expanded)."""
    return value


# ---------------------------------------------------------------- Etc


@builtin(ETC, "nprocessors", singleton=True)
def etc_nprocessors(rt: Any, mod: Any, block: RProc | None = None) -> int:
    """Etc.nprocessors: CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@builtin(ETC, "getlogin", singleton=True)
def etc_getlogin(rt: Any, mod: Any, block: RProc | None = None) -> Any:
    """Etc.getlogin: the login name, or nil."""
    try:
        return RString(os.getlogin())
    except OSError:
        name = os.environ.get("USER") or os.environ.get("LOGNAME")
        return RString(name) if name else None


@builtin(ETC, "systmpdir", singleton=True)
def etc_systmpdir(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """Etc.systmpdir."""
    return RString("/tmp")


@builtin(ETC, "sysconfdir", singleton=True)
def etc_sysconfdir(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """Etc.sysconfdir."""
    return RString("/etc")


@builtin(ETC, "uname", singleton=True)
def etc_uname(rt: Any, mod: Any, block: RProc | None = None) -> RHash:
    """Etc.uname: {sysname:, nodename:, release:, version:, machine:}."""
    u = os.uname()
    names = ("sysname", "nodename", "release", "version", "machine")
    return RHash((Symbol.of(n), RString(getattr(u, n))) for n in names)


_PASSWD_FIELDS = ("name", "passwd", "uid", "gid", "gecos", "dir", "shell")


def _passwd_class(rt: Any) -> Any:
    cls = rt.own_const(ETC, "Passwd", None)
    if cls is None:
        cls = rt.call(STRUCT, "new", *[Symbol.of(f) for f in _PASSWD_FIELDS])
        rt.call(ETC, "const_set", Symbol.of("Passwd"), cls)
    return cls


def _passwd(rt: Any, entry: Any) -> Any:
    if entry is None:
        return None
    values = [entry.pw_name, entry.pw_passwd, entry.pw_uid, entry.pw_gid, entry.pw_gecos, entry.pw_dir, entry.pw_shell]
    return rt.call(_passwd_class(rt), "new", *[RString(v) if isinstance(v, str) else v for v in values])


@builtin(ETC, "getpwuid", singleton=True)
def etc_getpwuid(rt: Any, mod: Any, uid: Any = None, block: RProc | None = None) -> Any:
    """Etc.getpwuid(uid = Process.uid): an Etc::Passwd."""
    import pwd

    try:
        return _passwd(rt, pwd.getpwuid(os.getuid() if uid is None else uid))
    except KeyError:
        raise rt.error("ArgumentError", f"can't find user for {uid}") from None


@builtin(ETC, "getpwnam", singleton=True)
def etc_getpwnam(rt: Any, mod: Any, name: Any, block: RProc | None = None) -> Any:
    """Etc.getpwnam(name): an Etc::Passwd."""
    import pwd

    try:
        return _passwd(rt, pwd.getpwnam(rt.to_s(name)))
    except KeyError:
        raise rt.error("ArgumentError", f"can't find user for {rt.to_s(name)}") from None


# ---------------------------------------------------------------- SecureRandom


def _count(rt: Any, n: Any, default: int) -> int:
    if n is None:
        return default
    if not isinstance(n, int) or isinstance(n, bool):
        n = rt.call(n, "to_int")
    if n < 0:
        raise rt.error("ArgumentError", f"negative string size (or size too big) ({n})")
    return n


@builtin(SECURE_RANDOM, "hex", singleton=True)
def sr_hex(rt: Any, mod: Any, n: Any = None, block: RProc | None = None) -> RString:
    """SecureRandom.hex(n = 16): 2n hex digits."""
    return RString(os.urandom(_count(rt, n, 16)).hex())


@builtin(SECURE_RANDOM, "uuid", singleton=True)
def sr_uuid(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """SecureRandom.uuid: a version 4 UUID."""
    import uuid

    return RString(str(uuid.uuid4()))


@builtin(SECURE_RANDOM, "random_bytes", "bytes", "gen_random", singleton=True)
def sr_bytes(rt: Any, mod: Any, n: Any = None, block: RProc | None = None) -> RString:
    """SecureRandom.random_bytes(n = 16)."""
    from pydrake.runtime.core.io import decode

    return RString(decode(os.urandom(_count(rt, n, 16))))


@builtin(SECURE_RANDOM, "base64", singleton=True)
def sr_base64(rt: Any, mod: Any, n: Any = None, block: RProc | None = None) -> RString:
    """SecureRandom.base64(n = 16)."""
    import base64

    return RString(base64.b64encode(os.urandom(_count(rt, n, 16))).decode("ascii"))


@builtin(SECURE_RANDOM, "urlsafe_base64", singleton=True)
def sr_urlsafe_base64(rt: Any, mod: Any, n: Any = None, padding: Any = False, block: RProc | None = None) -> RString:
    """SecureRandom.urlsafe_base64(n = 16, padding = false)."""
    import base64

    text = base64.urlsafe_b64encode(os.urandom(_count(rt, n, 16))).decode("ascii")
    return RString(text if padding not in (None, False) else text.rstrip("="))


_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@builtin(SECURE_RANDOM, "alphanumeric", singleton=True)
def sr_alphanumeric(rt: Any, mod: Any, n: Any = None, block: RProc | None = None) -> RString:
    """SecureRandom.alphanumeric(n = 16)."""
    import secrets

    return RString("".join(secrets.choice(_ALPHANUMERIC) for _ in range(_count(rt, n, 16))))


@builtin(SECURE_RANDOM, "random_number", "rand", singleton=True)
def sr_random_number(rt: Any, mod: Any, limit: Any = None, block: RProc | None = None) -> Any:
    """SecureRandom.random_number(n = 0): an Integer below n, a Float below a Float n, or in a Range."""
    import secrets

    from pydrake.runtime.objects import RRange

    if isinstance(limit, RRange) and isinstance(limit.first, int) and isinstance(limit.last, int):
        hi = limit.last - (1 if limit.exclusive else 0)
        return limit.first + secrets.randbelow(hi - limit.first + 1) if hi >= limit.first else None
    if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
        return secrets.randbelow(limit)
    fraction = secrets.randbits(53) / (1 << 53)
    if isinstance(limit, float) and limit > 0:
        return fraction * limit
    return fraction


@default_feature("securerandom")
def _securerandom(rt: Any) -> None:
    """``require "securerandom"``: the SecureRandom module."""
    rt.constants["SecureRandom"] = SECURE_RANDOM


@on_new_interpreter
def _always_loaded(rt: Any) -> None:
    """RbConfig, Etc and OptionParser are loaded before any Rakefile runs."""
    rt.constants["RbConfig"] = RBCONFIG
    rt.constants["Etc"] = ETC
    rt.constants["OptionParser"] = rt.constants["OptParse"] = OPTION_PARSER
    rt.tables(RBCONFIG).constants["CONFIG"] = rbconfig_hash()
    rt.require("rbconfig")
    rt.require("etc")
    rt.require("optparse")
