"""Exception and its subclasses: messages, inspect, backtraces, causes, SystemExit status, Errno classes."""

from __future__ import annotations

import errno as _errno
import os
from typing import Any

from pydrake.runtime.classes import (
    ARGUMENT_ERROR,
    CORE,
    ERRNO,
    ERRNO_CLASSES,
    EXCEPTION,
    INDEX_ERROR,
    KEY_ERROR,
    NAME_ERROR,
    NO_METHOD_ERROR,
    STANDARD_ERROR,
    STOP_ITERATION,
    SYSTEM_CALL_ERROR,
    SYSTEM_EXIT,
    builtin,
)
from pydrake.runtime.objects import RClass, RHash, RModule, RObject, RProc, RString, Symbol


def _core_class(name: str, superclass: RClass) -> RClass:
    """A core exception class, created at import time unless another module already made it."""
    existing = CORE.get(name)
    if isinstance(existing, RClass):
        return existing
    cls = RClass(name, superclass)
    CORE[name] = cls
    return cls


SYSTEM_STACK_ERROR = _core_class("SystemStackError", EXCEPTION)
NO_MEMORY_ERROR = _core_class("NoMemoryError", EXCEPTION)
SECURITY_ERROR = _core_class("SecurityError", EXCEPTION)
UNCAUGHT_THROW_ERROR = _core_class("UncaughtThrowError", ARGUMENT_ERROR)
NO_MATCHING_PATTERN_ERROR = _core_class("NoMatchingPatternError", STANDARD_ERROR)
NO_MATCHING_PATTERN_KEY_ERROR = _core_class("NoMatchingPatternKeyError", NO_MATCHING_PATTERN_ERROR)
FIBER_ERROR = _core_class("FiberError", STANDARD_ERROR)
CLOSED_QUEUE_ERROR = _core_class("ClosedQueueError", STOP_ITERATION)

for _name in (
    "ENOSPC",
    "EROFS",
    "ELOOP",
    "ENAMETOOLONG",
    "EAGAIN",
    "EINTR",
    "ENOEXEC",
    "EBUSY",
    "ETXTBSY",
    "EMFILE",
    "ESRCH",
    "ECONNREFUSED",
    "ECONNRESET",
    "ENOTSUP",
    "EDOM",
    "ERANGE",
    "ESPIPE",
    "EIO",
    "ENXIO",
    "E2BIG",
    "ENOMEM",
    "EFAULT",
    "ENODEV",
    "ENFILE",
    "ENOTTY",
    "EFBIG",
    "EMLINK",
    "EDEADLK",
    "ENOLCK",
    "ENOSYS",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "EADDRINUSE",
    "EALREADY",
    "EINPROGRESS",
):
    if _name not in ERRNO_CLASSES and hasattr(_errno, _name):
        _cls = _core_class(f"Errno::{_name}", SYSTEM_CALL_ERROR)
        ERRNO.constants.setdefault(_name, _cls)
        ERRNO_CLASSES[_name] = _cls


def _errno_of(cls: RModule) -> int | None:
    cur: Any = cls
    while cur is not None:
        name = (cur.name or "").rsplit("::", 1)[-1]
        code = getattr(_errno, name, None) if name.startswith("E") else None
        if isinstance(code, int):
            return code
        cur = getattr(cur, "superclass", None)
    return None


# ------------------------------------------------------------------ Exception


@builtin(EXCEPTION, "exception", singleton=True)
def exc_s_exception(rt: Any, recv: RClass, *args: Any, block: RProc | None = None) -> Any:
    """Exception.exception(*args): the same as new."""
    return rt.call(recv, "new", *args, block=block)


@builtin(EXCEPTION, "initialize")
def exc_initialize(rt: Any, recv: RObject, msg: Any = None, block: RProc | None = None) -> None:
    """initialize(msg = nil)."""
    recv.ivars["@message"] = msg


def message_text(rt: Any, exc: RObject) -> str:
    """The exception's ``message`` as text."""
    return rt.to_s(rt.call(exc, "message"))


@builtin(EXCEPTION, "to_s")
def exc_to_s(rt: Any, recv: RObject, block: RProc | None = None) -> RString:
    """to_s: the message, or the class name when there is none."""
    msg = recv.ivars.get("@message")
    if msg is None:
        return RString(rt.module_name(rt.real_class(recv)))
    if isinstance(msg, RString):
        return msg
    return RString(rt.to_s(msg))


@builtin(EXCEPTION, "message")
def exc_message(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """message: to_s."""
    return rt.call(recv, "to_s")


@builtin(EXCEPTION, "detailed_message")
def exc_detailed_message(rt: Any, recv: RObject, *args: Any, block: RProc | None = None) -> RString:
    """detailed_message: the message with the class name."""
    return RString(f"{message_text(rt, recv)} ({rt.module_name(rt.real_class(recv))})")


@builtin(EXCEPTION, "inspect")
def exc_inspect(rt: Any, recv: RObject, block: RProc | None = None) -> RString:
    """inspect: ``#<RuntimeError: msg>``, or just the class name when the message is empty."""
    name = rt.module_name(rt.real_class(recv))
    text = rt.to_s(rt.call(recv, "to_s"))
    if not text:
        return RString(name)
    return RString(f"#<{name}: {text}>")


@builtin(EXCEPTION, "full_message")
def exc_full_message(rt: Any, recv: RObject, *args: Any, block: RProc | None = None) -> RString:
    """full_message: ``file:line:in `x': msg (Class)`` and the remaining backtrace."""
    return RString(full_message(rt, recv))


def full_message(rt: Any, exc: RObject) -> str:
    """What Ruby prints for an uncaught exception (without highlighting)."""
    name = rt.module_name(rt.real_class(exc))
    text = message_text(rt, exc)
    bt = rt.backtrace(exc) or []
    head = bt[0] if bt else "-e:1:in `<main>'"
    first, _, rest = text.partition("\n")
    if not text:
        out = f"{head}: unhandled exception\n" if name == "RuntimeError" else f"{head}: {name} ({name})\n"
    else:
        out = f"{head}: {first} ({name})\n"
        if rest:
            out += rest + ("\n" if not rest.endswith("\n") else "")
    for line in bt[1:]:
        out += f"\tfrom {line}\n"
    return out


@builtin(EXCEPTION, "backtrace")
def exc_backtrace(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """backtrace: the list of ``file:line:in `label'`` strings (nil before it is raised)."""
    bt = rt.backtrace(recv)
    return None if bt is None else [RString(b) for b in bt]


@builtin(EXCEPTION, "backtrace_locations")
def exc_backtrace_locations(rt: Any, recv: RObject, block: RProc | None = None) -> None:
    """backtrace_locations: not kept."""
    return None


@builtin(EXCEPTION, "set_backtrace")
def exc_set_backtrace(rt: Any, recv: RObject, bt: Any, block: RProc | None = None) -> Any:
    """set_backtrace(lines)."""
    if bt is None:
        recv.ivars["__bt"] = None
    elif isinstance(bt, list):
        recv.ivars["__bt"] = [rt.to_s(b) for b in bt]
    else:
        recv.ivars["__bt"] = [rt.to_s(bt)]
    return bt


@builtin(EXCEPTION, "cause")
def exc_cause(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """cause: the exception being handled when this one was raised."""
    return recv.ivars.get("__cause")


@builtin(EXCEPTION, "exception")
def exc_exception(rt: Any, recv: RObject, *args: Any, block: RProc | None = None) -> Any:
    """exception(msg = nil): self, or a copy with another message."""
    if not args or args[0] is recv:
        return recv
    copy = RObject(recv.cls)
    copy.ivars = {k: v for k, v in recv.ivars.items() if k != "__bt"}
    copy.ivars["@message"] = args[0]
    return copy


@builtin(EXCEPTION, "==")
def exc_eq(rt: Any, recv: RObject, other: Any, block: RProc | None = None) -> bool:
    """==: same class, message and backtrace."""
    if recv is other:
        return True
    if type(other) is not RObject or rt.real_class(other) is not rt.real_class(recv):
        return False
    return message_text(rt, recv) == message_text(rt, other) and rt.backtrace(recv) == rt.backtrace(other)


# ------------------------------------------------------------------ SystemExit


@builtin(SYSTEM_EXIT, "initialize")
def exit_initialize(rt: Any, recv: RObject, *args: Any, block: RProc | None = None) -> None:
    """SystemExit.new(status = 0, msg = "exit")."""
    status = 0
    if args and (isinstance(args[0], (int, bool))):
        status = 0 if args[0] is True else (1 if args[0] is False else args[0])
        args = args[1:]
    recv.ivars["__status"] = status
    recv.ivars["@message"] = args[0] if args else RString("exit")


@builtin(SYSTEM_EXIT, "status")
def exit_status(rt: Any, recv: RObject, block: RProc | None = None) -> int:
    """status: the exit status."""
    return recv.ivars.get("__status", 0)


@builtin(SYSTEM_EXIT, "success?")
def exit_success(rt: Any, recv: RObject, block: RProc | None = None) -> bool:
    """success?: whether the status is 0."""
    return recv.ivars.get("__status", 0) == 0


# ------------------------------------------------------------------ NameError, KeyError, StopIteration, throw


@builtin(NAME_ERROR, "initialize")
def name_error_initialize(rt: Any, recv: RObject, msg: Any = None, *args: Any, block: RProc | None = None) -> None:
    """NameError.new(msg = nil, name = nil, receiver: nil)."""
    recv.ivars["@message"] = msg
    opts = args[-1] if args and isinstance(args[-1], RHash) else None
    if opts is not None:
        args = args[:-1]
        if Symbol.of("receiver") in opts:
            recv.ivars["__receiver"] = opts[Symbol.of("receiver")]
    recv.ivars["__name"] = args[0] if args else None


@builtin(NAME_ERROR, "name")
def name_error_name(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """name: the missing name as a Symbol."""
    return recv.ivars.get("__name")


@builtin(NAME_ERROR, "receiver")
def name_error_receiver(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """receiver: the object the name was looked up on."""
    if "__receiver" not in recv.ivars:
        raise rt.error("ArgumentError", "no receiver is available")
    return recv.ivars["__receiver"]


@builtin(NO_METHOD_ERROR, "args")
def no_method_error_args(rt: Any, recv: RObject, block: RProc | None = None) -> list[Any]:
    """args: the arguments of the failed call."""
    return list(recv.ivars.get("__args", []))


def _init_with_fields(recv: RObject, msg: Any, args: tuple[Any, ...], fields: tuple[str, ...]) -> None:
    """``new(msg = nil, field: value, ...)``: the message, and each keyword given kept for its reader."""
    recv.ivars["@message"] = msg
    if args and isinstance(args[-1], RHash):
        opts = args[-1]
        for key in fields:
            if Symbol.of(key) in opts:
                recv.ivars["__" + key] = opts[Symbol.of(key)]


def key_error(rt: Any, message: str, receiver: Any, key: Any) -> Any:
    """A KeyError whose ``key`` and ``receiver`` answer (Hash#fetch, ENV.fetch), ready to raise."""
    err = rt.error("KeyError", message)
    err.exc.ivars["__key"] = key
    err.exc.ivars["__receiver"] = receiver
    return err


def _field(rt: Any, recv: RObject, name: str) -> Any:
    """A keyword given to ``new``; ArgumentError "no NAME is available" when it was not."""
    if "__" + name not in recv.ivars:
        raise rt.error("ArgumentError", f"no {name} is available")
    return recv.ivars["__" + name]


@builtin(KEY_ERROR, "initialize")
def key_error_initialize(rt: Any, recv: RObject, msg: Any = None, *args: Any, block: RProc | None = None) -> None:
    """KeyError.new(msg = nil, receiver: nil, key: nil)."""
    _init_with_fields(recv, msg, args, ("receiver", "key"))


@builtin(KEY_ERROR, "key")
def key_error_key(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """key: the missing key."""
    return _field(rt, recv, "key")


@builtin(KEY_ERROR, "receiver")
def key_error_receiver(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """receiver: the Hash (or ENV) that lacked the key."""
    return _field(rt, recv, "receiver")


@builtin(NO_MATCHING_PATTERN_KEY_ERROR, "initialize")
def no_matching_key_initialize(rt: Any, recv: RObject, msg: Any = None, *args: Any, block: RProc | None = None) -> None:
    """NoMatchingPatternKeyError.new(msg = nil, matchee: nil, key: nil)."""
    _init_with_fields(recv, msg, args, ("matchee", "key"))


@builtin(NO_MATCHING_PATTERN_KEY_ERROR, "key")
def no_matching_key_key(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """key: the key the hash pattern did not find."""
    return _field(rt, recv, "key")


@builtin(NO_MATCHING_PATTERN_KEY_ERROR, "matchee")
def no_matching_key_matchee(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """matchee: the Hash (from deconstruct_keys) that lacked the key."""
    return _field(rt, recv, "matchee")


@builtin(STOP_ITERATION, "result")
def stop_iteration_result(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """result: the value the finished iteration returned."""
    return recv.ivars.get("__result")


@builtin(UNCAUGHT_THROW_ERROR, "tag")
def uncaught_throw_tag(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """tag: what was thrown."""
    return recv.ivars.get("__tag")


@builtin(UNCAUGHT_THROW_ERROR, "value")
def uncaught_throw_value(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """value: the value thrown with it."""
    return recv.ivars.get("__value")


@builtin(INDEX_ERROR, "initialize")
def index_error_initialize(rt: Any, recv: RObject, msg: Any = None, block: RProc | None = None) -> None:
    """IndexError.new(msg = nil)."""
    recv.ivars["@message"] = msg


# ------------------------------------------------------------------ SystemCallError


@builtin(SYSTEM_CALL_ERROR, "initialize")
def syscall_initialize(rt: Any, recv: RObject, msg: Any = None, code: Any = None, block: RProc | None = None) -> None:
    """SystemCallError.new(msg, errno) / Errno::ENOENT.new(msg): ``Strerror - msg``."""
    if code is None:
        code = _errno_of(recv.cls)
    recv.ivars["__errno"] = code
    text = os.strerror(code) if isinstance(code, int) else "unknown error"
    if msg is not None:
        text = f"{text} - {rt.to_s(msg)}"
    recv.ivars["@message"] = RString(text)


@builtin(SYSTEM_CALL_ERROR, "errno")
def syscall_errno(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """errno: the error number."""
    code = recv.ivars.get("__errno")
    return code if code is not None else _errno_of(recv.cls)
