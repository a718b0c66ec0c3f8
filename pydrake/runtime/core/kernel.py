"""Kernel: output, loading, raising, loops, conversions and process exit, callable from anywhere."""

from __future__ import annotations

import math
import re
import time as _time
from typing import Any

from pydrake.lazy_pattern import LazyPattern
from pydrake.runtime.classes import (
    KERNEL,
    OBJECT,
    STOP_ITERATION,
    SYSTEM_EXIT,
    builtin,
)
from pydrake.runtime.frames import ThrowSignal
from pydrake.runtime.objects import RClass, RHash, RModule, RObject, RProc, RRange, RString, RubyError, Symbol, truthy

# ------------------------------------------------------------------ output


def _puts_lines(rt: Any, value: Any, out: list[str], seen: set[int]) -> None:
    if value.__class__ is list:
        if id(value) in seen:
            out.append("[...]\n")
            return
        seen.add(id(value))
        for v in value:
            _puts_lines(rt, v, out, seen)
        seen.discard(id(value))
        return
    text = rt.to_s(value)
    out.append(text if text.endswith("\n") else text + "\n")


def puts_text(rt: Any, args: tuple[Any, ...]) -> str:
    """What ``puts *args`` writes: each argument on its own line, Arrays flattened (an empty one writes nothing)."""
    if not args:
        return "\n"
    out: list[str] = []
    for a in args:
        _puts_lines(rt, a, out, set())
    return "".join(out)


@builtin(KERNEL, "puts")
def k_puts(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> None:
    """puts: each argument's to_s on its own line (Arrays flattened, nil as an empty line)."""
    rt.stdout.write(puts_text(rt, args))


@builtin(KERNEL, "print")
def k_print(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> None:
    """print: each argument's to_s, no newline."""
    rt.stdout.write("".join(rt.to_s(a) for a in args))


@builtin(KERNEL, "p")
def k_p(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """p: each argument's inspect on its own line; returns the argument (or the arguments as an Array)."""
    if args:
        rt.stdout.write("".join(rt.inspect(a) + "\n" for a in args))
    if not args:
        return None
    return args[0] if len(args) == 1 else list(args)


@builtin(KERNEL, "pp")
def k_pp(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """pp: like p."""
    return k_p(rt, recv, *args, block=block)


@builtin(KERNEL, "warn")
def k_warn(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> None:
    """warn: the messages on stderr, one per line (keyword options ignored)."""
    if args and isinstance(args[-1], RHash) and all(isinstance(k, Symbol) for k in args[-1]):
        args = args[:-1]
    if args:
        rt.stderr.write(puts_text(rt, args))


@builtin(KERNEL, "printf")
def k_printf(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> None:
    """printf(format, *args): print a formatted string."""
    if args:
        rt.stdout.write(rt.to_s(rt.call(recv, "format", *args)))


@builtin(KERNEL, "putc")
def k_putc(rt: Any, recv: Any, ch: Any, block: RProc | None = None) -> Any:
    """putc: one character."""
    rt.stdout.write(chr(ch & 0xFF) if isinstance(ch, int) else rt.to_s(ch)[:1])
    return ch


@builtin(KERNEL, "gets")
def k_gets(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """gets: reads a line from STDIN (nil at end of input)."""
    stdin = rt.get_global("$stdin")
    if stdin is None:
        return None
    return rt.call(stdin, "gets", *args)


# ------------------------------------------------------------------ loading


def _caller_file(rt: Any) -> str:
    fr = rt.frame()
    return fr.file if fr is not None else "."


@builtin(KERNEL, "require")
def k_require(rt: Any, recv: Any, name: Any, block: RProc | None = None) -> bool:
    """require: a registered feature or a file on $LOAD_PATH, once."""
    return rt.require(rt.to_s(name))


@builtin(KERNEL, "require_relative")
def k_require_relative(rt: Any, recv: Any, name: Any, block: RProc | None = None) -> bool:
    """require_relative: a file relative to the calling file, once."""
    return rt.require_relative(rt.to_s(name), _caller_file(rt))


@builtin(KERNEL, "load")
def k_load(rt: Any, recv: Any, name: Any, wrap: Any = False, block: RProc | None = None) -> bool:
    """load: run a file every time."""
    return rt.load(rt.to_s(name))


@builtin(KERNEL, "__dir__")
def k_dir(rt: Any, recv: Any, block: RProc | None = None) -> RString:
    """__dir__: the absolute folder of the calling file."""
    import os

    return RString(os.path.dirname(os.path.abspath(_caller_file(rt))))


@builtin(KERNEL, "__method__", "__callee__")
def k_method_name(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """__method__: the name of the running method, or nil."""
    fr = rt.frame()
    m = fr.method if fr is not None else None
    return Symbol.of(m.name) if m is not None else None


@builtin(KERNEL, "caller")
def k_caller(rt: Any, recv: Any, start: int = 1, length: Any = None, block: RProc | None = None) -> list[Any]:
    """caller: backtrace lines of the callers of the running method."""
    lines = rt.caller_lines(start)
    if length is not None:
        lines = lines[:length]
    return [RString(s) for s in lines]


@builtin(KERNEL, "eval")
def k_eval(rt: Any, recv: Any, code: Any, *rest: Any, block: RProc | None = None) -> Any:
    """eval(string [, binding [, file]]): run code in the caller's scope or the binding's."""
    from pydrake.runtime.core.binding import RBinding

    filename = rt.to_s(rest[1]) if len(rest) > 1 else "(eval)"
    if rest and isinstance(rest[0], RBinding):
        return rt.eval_in_binding(rest[0], rt.to_s(code), filename)
    program = rt.parse(rt.to_s(code), filename)
    return rt.body(program.body, rt.frame())


@builtin(KERNEL, "local_variables")
def k_local_variables(rt: Any, recv: Any, block: RProc | None = None) -> list[Symbol]:
    """local_variables: names visible in the calling scope."""
    fr = rt.frame()
    names = fr.env.names() if fr is not None else []
    return [Symbol.of(n) for n in names if n[:1].isalpha() or n[:1] == "_"]


# ------------------------------------------------------------------ raising


def make_exception(rt: Any, args: tuple[Any, ...]) -> RObject:
    """The exception ``raise *args`` raises."""
    first = args[0]
    if isinstance(first, RString):
        if len(args) > 1:
            raise rt.error("TypeError", "exception class/object expected")
        exc = rt.call(rt.constants["RuntimeError"], "new", first)
    elif isinstance(first, RModule) or (type(first) is RObject and rt.responds_to(first, "exception")):
        exc = rt.call(first, "exception", *args[1:2])
    else:
        raise rt.error("TypeError", "exception class/object expected")
    if not rt.is_exception(exc):
        raise rt.error("TypeError", "exception object expected")
    if len(args) > 2:
        rt.call(exc, "set_backtrace", args[2])
    return exc


@builtin(KERNEL, "raise", "fail")
def k_raise(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """raise / fail: raise "msg", raise Class, raise Class, "msg", raise obj; bare raise re-raises $!."""
    cause: Any = ...
    if args and isinstance(args[-1], RHash) and Symbol.of("cause") in args[-1] and len(args[-1]) == 1:
        cause = args[-1][Symbol.of("cause")]
        args = args[:-1]
    if not args:
        cur = rt.current_error()
        if cur is None:
            exc = rt.call(rt.constants["RuntimeError"], "new", RString(""))
        else:
            exc = cur
    else:
        exc = make_exception(rt, args)
    if cause is not ...:
        exc.ivars["__cause"] = cause
    rt.stamp(exc)
    raise RubyError(exc)


# ------------------------------------------------------------------ blocks and control


@builtin(KERNEL, "block_given?", "iterator?")
def k_block_given(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """block_given?: whether the running method got a block."""
    fr = rt.frame()
    return fr is not None and fr.block is not None


@builtin(KERNEL, "loop")
def k_loop(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """loop { }: repeat until break; StopIteration ends it with its result."""
    if block is None:
        return rt.call(recv, "enum_for", Symbol.of("loop"))
    try:
        while True:
            rt.call_block(block)
    except RubyError as e:
        if rt.is_a(e.exc, STOP_ITERATION):
            return e.exc.ivars.get("__result")
        raise


@builtin(KERNEL, "lambda")
def k_lambda(rt: Any, recv: Any, block: RProc | None = None) -> RProc:
    """lambda { }: the block as a lambda."""
    if block is None:
        raise rt.error("ArgumentError", "tried to create Proc object without a block")
    if block.is_lambda or block.native is not None:
        return block
    return RProc(block.params, block.body, block.env, block.self_obj, True, block.frame, None, block.definer)


@builtin(KERNEL, "proc")
def k_proc(rt: Any, recv: Any, block: RProc | None = None) -> RProc:
    """proc { }: the block as a Proc."""
    if block is None:
        raise rt.error("ArgumentError", "tried to create Proc object without a block")
    return block


def _same_tag(a: Any, b: Any) -> bool:
    return a is b or (type(a) in (int, float) and type(b) is type(a) and a == b)


@builtin(KERNEL, "catch")
def k_catch(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """catch(tag) { }: the value thrown to ``tag``, else the block's value."""
    tag = args[0] if args else RObject(OBJECT)
    catches = rt.thread_state().catches
    catches.append(tag)
    try:
        return rt.call_block(block, tag) if block is not None else None
    except ThrowSignal as t:
        if _same_tag(t.tag, tag):
            return t.value
        raise
    finally:
        catches.pop()


@builtin(KERNEL, "throw")
def k_throw(rt: Any, recv: Any, tag: Any, value: Any = None, block: RProc | None = None) -> Any:
    """throw tag, value: unwind to the matching catch (UncaughtThrowError when there is none)."""
    if not any(_same_tag(t, tag) for t in rt.thread_state().catches):
        err = rt.error("UncaughtThrowError", f"uncaught throw {rt.inspect(tag)}")
        err.exc.ivars["__tag"] = tag
        err.exc.ivars["__value"] = value
        raise err
    raise ThrowSignal(tag, value)


@builtin(KERNEL, "at_exit")
def k_at_exit(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """at_exit { }: run the block when the program ends (last registered first)."""
    if block is None:
        raise rt.error("ArgumentError", "called without a block")
    rt.at_exit(block)
    return block


# ------------------------------------------------------------------ exit


def _exit_status(value: Any) -> int:
    if value is True:
        return 0
    if value is False:
        return 1
    return int(value)


def system_exit(rt: Any, status: int, message: str = "exit") -> RubyError:
    """A SystemExit carrying an exit status."""
    err = rt.error(SYSTEM_EXIT, message)
    err.exc.ivars["__status"] = status
    return err


@builtin(KERNEL, "exit")
def k_exit(rt: Any, recv: Any, status: Any = True, block: RProc | None = None) -> Any:
    """exit(status = true): raise SystemExit (true is 0, false is 1)."""
    raise system_exit(rt, _exit_status(status))


@builtin(KERNEL, "exit!")
def k_exit_bang(rt: Any, recv: Any, status: Any = False, block: RProc | None = None) -> Any:
    """exit!(status = false): leave at once, skipping at_exit handlers and ensure clauses."""
    import os

    rt.stdout.flush()
    rt.stderr.flush()
    os._exit(_exit_status(status))


@builtin(KERNEL, "abort")
def k_abort(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """abort(msg): print msg on stderr and exit with status 1."""
    if args:
        msg = rt.to_s(args[0])
        rt.stderr.write(msg + "\n")
        raise system_exit(rt, 1, msg)
    raise system_exit(rt, 1)


@builtin(KERNEL, "sleep")
def k_sleep(rt: Any, recv: Any, secs: Any = None, block: RProc | None = None) -> int:
    """sleep(secs): pause; returns the whole seconds slept."""
    start = _time.monotonic()
    if secs is None:
        while True:
            _time.sleep(3600)
    if not isinstance(secs, (int, float)) or isinstance(secs, bool):
        raise rt.error("TypeError", f"can't convert {rt.real_class(secs).name} into time interval")
    if secs < 0:
        raise rt.error("ArgumentError", "time interval must not be negative")
    _time.sleep(secs)
    return round(_time.monotonic() - start)


# ------------------------------------------------------------------ random


@builtin(KERNEL, "rand")
def k_rand(rt: Any, recv: Any, limit: Any = None, block: RProc | None = None) -> Any:
    """rand, rand(n), rand(float), rand(range)."""
    r = rt.random
    if limit is None or limit == 0:
        return r.random()
    if isinstance(limit, RRange):
        lo, hi = limit.first, limit.last
        if isinstance(lo, int) and isinstance(hi, int):
            hi = hi - 1 if limit.exclusive else hi
            return r.randint(lo, hi) if hi >= lo else None
        return lo + r.random() * (hi - lo)
    if isinstance(limit, float):
        return r.random() * abs(limit)
    return r.randrange(abs(int(limit)))


@builtin(KERNEL, "srand")
def k_srand(rt: Any, recv: Any, seed: Any = None, block: RProc | None = None) -> int:
    """srand(seed): reseed; returns the previous seed."""
    old = getattr(rt, "_seed", 0)
    seed = int(_time.time_ns()) if seed is None else int(seed)
    rt._seed = seed
    rt.random.seed(seed)
    return old


# ------------------------------------------------------------------ conversions

_INT_RE = LazyPattern(
    r"\s*([+-]?)(?:0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)|0[bB]([01]+(?:_[01]+)*)"
    r"|0[oO]?_?([0-7]+(?:_[0-7]+)*)|0[dD](\d+(?:_\d+)*)|([1-9]\d*(?:_\d+)*|0))\s*\Z"
)
_FLOAT_RE = LazyPattern(r"\s*[+-]?(\d+(_\d+)*)?(\.\d+(_\d+)*)?([eE][+-]?\d+(_\d+)*)?\s*\Z")


def parse_integer(text: str, base: int | None = None) -> int | None:
    """Integer(text) by Ruby's rules (prefixes 0x 0b 0o 0 0d, underscores between digits), or None."""
    if base is not None and base != 10:
        m = re.fullmatch(r"\s*([+-]?)([0-9a-zA-Z]+(?:_[0-9a-zA-Z]+)*)\s*", text)
        if not m:
            return None
        digits = m.group(2).replace("_", "")
        prefixes = {16: ("0x", "0X"), 2: ("0b", "0B"), 8: ("0o", "0O")}
        for p in prefixes.get(base, ()):
            if digits.startswith(p):
                digits = digits[2:]
        try:
            v = int(digits, base)
        except ValueError:
            return None
        return -v if m.group(1) == "-" else v
    m = _INT_RE.match(text)
    if not m:
        return None
    sign, hexd, bind, octd, decd, dec = m.groups()
    if hexd is not None:
        v = int(hexd.replace("_", ""), 16)
    elif bind is not None:
        v = int(bind.replace("_", ""), 2)
    elif octd is not None:
        v = int(octd.replace("_", ""), 8)
    else:
        v = int((decd if decd is not None else dec).replace("_", ""))
    return -v if sign == "-" else v


def parse_float(text: str) -> float | None:
    """Float(text) by Ruby's rules, or None."""
    if _FLOAT_RE.match(text) and any(c.isdigit() for c in text):
        s = text.strip().replace("_", "")
        if s.endswith(".") or ".e" in s.lower() or s.lstrip("+-").startswith("_"):
            return None
        try:
            return float(s)
        except ValueError:
            return None
    iv = parse_integer(text)
    if iv is not None and re.match(r"\s*[+-]?0[xX]", text):
        return float(iv)
    return None


def _no_exception(args: tuple[Any, ...]) -> tuple[tuple[Any, ...], bool]:
    if args and isinstance(args[-1], RHash) and Symbol.of("exception") in args[-1]:
        return args[:-1], not truthy(args[-1][Symbol.of("exception")])
    return args, False


@builtin(KERNEL, "Integer")
def k_integer(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Integer(x [, base], exception: true)."""
    args, quiet = _no_exception(args)
    value = args[0]
    base = args[1] if len(args) > 1 else None
    try:
        if isinstance(value, RString):
            v = parse_integer(value.s, base)
            if v is None:
                raise rt.error("ArgumentError", f"invalid value for Integer(): {rt.inspect(value)}")
            return v
        if isinstance(value, bool) or value is None:
            raise rt.error("TypeError", f"can't convert {rt.inspect(value)} into Integer")
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            if math.isnan(value) or math.isinf(value):
                raise rt.error("FloatDomainError", rt.inspect(value))
            return int(value)
        for conv in ("to_int", "to_i"):
            if rt.responds_to(value, conv):
                return rt.call(value, conv)
        raise rt.error("TypeError", f"can't convert {rt.real_class(value).name} into Integer")
    except RubyError:
        if quiet:
            return None
        raise


@builtin(KERNEL, "Float")
def k_float(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Float(x, exception: true)."""
    args, quiet = _no_exception(args)
    value = args[0]
    try:
        if isinstance(value, RString):
            v = parse_float(value.s)
            if v is None:
                raise rt.error("ArgumentError", f"invalid value for Float(): {rt.inspect(value)}")
            return v
        if isinstance(value, bool) or value is None:
            raise rt.error("TypeError", f"can't convert {rt.inspect(value)} into Float")
        if isinstance(value, (int, float)):
            return float(value)
        if rt.responds_to(value, "to_f"):
            return rt.call(value, "to_f")
        raise rt.error("TypeError", f"can't convert {rt.real_class(value).name} into Float")
    except RubyError:
        if quiet:
            return None
        raise


@builtin(KERNEL, "String")
def k_string(rt: Any, recv: Any, value: Any, block: RProc | None = None) -> RString:
    """String(x): x.to_s."""
    if isinstance(value, RString):
        return value
    return RString(rt.to_s(value))


@builtin(KERNEL, "Array")
def k_array(rt: Any, recv: Any, value: Any, block: RProc | None = None) -> list[Any]:
    """Array(x): nil is [], an Array itself, else to_ary/to_a or [x]."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, RHash):
        return [[k, v] for k, v in value.items()]
    for conv in ("to_ary", "to_a"):
        if rt.responds_to(value, conv):
            r = rt.call(value, conv)
            if isinstance(r, list):
                return r
    return [value]


@builtin(KERNEL, "Hash")
def k_hash(rt: Any, recv: Any, value: Any, block: RProc | None = None) -> RHash:
    """Hash(x): nil and [] are {}, else to_hash."""
    if value is None or (isinstance(value, list) and not value):
        return RHash()
    if isinstance(value, RHash):
        return value
    return rt.call(value, "to_hash")


# ------------------------------------------------------------------ the main object


def _main_to_s(rt: Any, recv: Any, block: RProc | None = None) -> RString:
    return RString("main")


def _main_include(rt: Any, recv: Any, *mods: Any, block: RProc | None = None) -> Any:
    for m in reversed(mods):
        if not isinstance(m, RModule) or isinstance(m, RClass):
            raise rt.error("TypeError", f"wrong argument type {rt.real_class(m).name} (expected Module)")
        rt.include_module(OBJECT, m)
        hook = rt.resolve_singleton(m, "included")
        from pydrake.runtime.tables import UserMethod

        if type(hook) is UserMethod:
            rt.invoke(hook, m, (OBJECT,), None, None)
    return OBJECT


def _main_visibility(vis: str) -> Any:
    def set_visibility(rt: Any, recv: Any, *names: Any, block: RProc | None = None) -> Any:
        from pydrake.runtime.core.module import set_visibility as apply

        return apply(rt, OBJECT, vis, names)

    return set_visibility


def _main_define_method(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    return rt.call(OBJECT, "define_method", *args, block=block)


def main_methods() -> dict[str, Any]:
    """The singleton methods of the top-level object ``main``."""
    return {
        "to_s": _main_to_s,
        "inspect": _main_to_s,
        "include": _main_include,
        "public": _main_visibility("public"),
        "private": _main_visibility("private"),
        "define_method": _main_define_method,
    }
