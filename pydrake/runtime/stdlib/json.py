"""``require "json"``: JSON.parse/generate/pretty_generate/dump/load and ``#to_json``, as json 2.6 does them."""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from pydrake.runtime.classes import (
    OBJECT,
    STANDARD_ERROR,
    builtin,
    register_type,
)
from pydrake.runtime.core.array import freeze
from pydrake.runtime.core.numeric import float_to_s
from pydrake.runtime.core.string import str_arg, type_name
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RHash, RModule, RProc, RString, RubyError, Symbol, truthy

JSON = RModule("JSON")


def _error_class(name: str, superclass: RClass) -> RClass:
    cls = RClass(f"JSON::{name}", superclass, JSON)
    JSON.constants[name] = cls
    return cls


JSON_ERROR = _error_class("JSONError", STANDARD_ERROR)
PARSER_ERROR = _error_class("ParserError", JSON_ERROR)
NESTING_ERROR = _error_class("NestingError", PARSER_ERROR)
GENERATOR_ERROR = _error_class("GeneratorError", JSON_ERROR)
JSON.constants["UnparserError"] = GENERATOR_ERROR
STATE = RClass("JSON::Ext::Generator::State", OBJECT)
JSON.constants.update(
    State=STATE,
    VERSION=RString("2.6.1", frozen=True),
    NaN=math.nan,
    Infinity=math.inf,
    MinusInfinity=-math.inf,
)


class GenState:
    """A generator state (``JSON::State``): the layout strings, limits, and the current depth."""

    def __init__(self) -> None:
        self.indent = ""
        self.space = ""
        self.space_before = ""
        self.object_nl = ""
        self.array_nl = ""
        self.allow_nan = False
        self.ascii_only = False
        self.escape_slash = False
        self.max_nesting = 100
        self.depth = 0

    def configure(self, rt: Any, opts: RHash) -> GenState:
        """Apply an options Hash (``indent:``, ``space:``, ``max_nesting:``...)."""
        for key, value in opts.items():
            name = key.name if isinstance(key, Symbol) else rt.to_s(key)
            if name in ("indent", "space", "space_before", "object_nl", "array_nl"):
                setattr(self, name, str_arg(rt, value))
            elif name in ("allow_nan", "ascii_only", "escape_slash"):
                setattr(self, name, truthy(value))
            elif name == "max_nesting":
                self.max_nesting = value if type(value) is int else 0
            elif name == "depth":
                self.depth = value
        return self


register_type(GenState, STATE)


def pretty_state() -> GenState:
    """The state ``JSON.pretty_generate`` starts from."""
    st = GenState()
    st.indent, st.space, st.object_nl, st.array_nl = "  ", " ", "\n", "\n"
    return st


def state_from(rt: Any, arg: Any) -> GenState:
    """The state a ``to_json(arg)`` call generates with (a State, an options Hash, or nil)."""
    if isinstance(arg, GenState):
        return arg
    st = GenState()
    if type(arg) is RHash:
        st.configure(rt, arg)
    return st


# ---------------------------------------------------------------- generating

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\b": "\\b"}
_ESCAPE_SETS = {"plain": r'["\\\x00-\x1f]', "slash": r'["\\/\x00-\x1f]', "ascii": r'["\\\x00-\x1f\x7f-\U0010ffff]'}


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    # compiled on first use: importing this module must stay cheap
    return re.compile(source)


def _escape_char(m: re.Match[str]) -> str:
    c = m.group()
    esc = _ESCAPES.get(c)
    if esc is not None:
        return esc
    if c == "/":
        return "\\/"
    code = ord(c)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def quote(s: str, st: GenState | None = None) -> str:
    """A JSON string literal for ``s``, escaped as the generator does."""
    kind = "plain"
    if st is not None:
        if st.ascii_only:
            kind = "ascii"
        elif st.escape_slash:
            kind = "slash"
    return '"' + _pattern(_ESCAPE_SETS[kind]).sub(_escape_char, s) + '"'


def generate(rt: Any, obj: Any, st: GenState) -> str:
    """``state.generate(obj)``: the JSON text of ``obj``."""
    out: list[str] = []
    _gen(rt, obj, st, out)
    return "".join(out)


def _gen(rt: Any, obj: Any, st: GenState, out: list[str]) -> None:
    t = type(obj)
    if t is RHash:
        _gen_object(rt, obj, st, out)
    elif t is list:
        _gen_array(rt, obj, st, out)
    elif t is RString:
        out.append(quote(obj.s, st))
    elif obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif t is int:
        out.append(str(obj))
    elif t is float:
        out.append(_float_text(rt, obj, st))
    else:
        m = rt.find_method(obj, "to_json")
        if m is None or m is object_to_json:
            out.append(quote(rt.to_s(obj), st))
            return
        r = rt.call(obj, "to_json", st)
        if type(r) is not RString:
            raise rt.error("TypeError", f"wrong argument type {type_name(r)} (expected String)")
        out.append(r.s)


def _float_text(rt: Any, f: float, st: GenState) -> str:
    text = float_to_s(f)
    if not st.allow_nan and (math.isinf(f) or math.isnan(f)):
        line = 1003 if math.isnan(f) else 1000
        raise rt.error(GENERATOR_ERROR, f"{line}: {text} not allowed in JSON")
    return text


def _enter(rt: Any, st: GenState) -> int:
    st.depth += 1
    depth = st.depth
    if st.max_nesting and depth > st.max_nesting:
        st.depth -= 1
        raise rt.error(NESTING_ERROR, f"nesting of {st.depth} is too deep")
    return depth


def _gen_object(rt: Any, obj: RHash, st: GenState, out: list[str]) -> None:
    depth = _enter(rt, st)
    out.append("{")
    delim2 = st.space_before + ":" + st.space
    first = True
    for key, value in list(obj.items()):
        if not first:
            out.append(",")
        first = False
        out.append(st.object_nl)
        out.append(st.indent * depth)
        if type(key) is RString:
            name = key.s
        elif type(key) is Symbol:
            name = key.name
        else:
            k = rt.call(key, "to_s")
            if type(k) is not RString:
                raise rt.error("TypeError", f"wrong argument type {type_name(k)} (expected String)")
            name = k.s
        out.append(quote(name, st))
        out.append(delim2)
        _gen(rt, value, st, out)
    st.depth -= 1
    if st.object_nl:
        out.append(st.object_nl)
        out.append(st.indent * st.depth)
    out.append("}")


def _gen_array(rt: Any, obj: list[Any], st: GenState, out: list[str]) -> None:
    depth = _enter(rt, st)
    out.append("[")
    out.append(st.array_nl)
    delim = "," + st.array_nl
    for i, item in enumerate(list(obj)):
        if i:
            out.append(delim)
        out.append(st.indent * depth)
        _gen(rt, item, st, out)
    st.depth -= 1
    if st.array_nl:
        out.append(st.array_nl)
        out.append(st.indent * st.depth)
    out.append("]")


# ---------------------------------------------------------------- parsing

_WS = " \t\r\n"
_FLOAT = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[Ee][+-]?[0-9]+)?|[Ee][+-]?[0-9]+)"
_INT = r"-?(?:0|[1-9][0-9]*)"
_HEX4 = r"[0-9a-fA-F]{4}"
_PLAIN_RUN = r'[^"\\\x00-\x1f]*'
_SIMPLE_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/"}


class _Fail(Exception):
    """A value could not be read at this position (the caller reports where)."""


class Parser:
    """json 2.6's parser: the same results, and the same ParserError messages."""

    def __init__(self, rt: Any, text: str, opts: RHash | None) -> None:
        self.rt = rt
        self.text = text
        self.symbolize = False
        self.allow_nan = False
        self.freeze = False
        self.max_nesting = 100
        for key, value in (opts or {}).items():
            name = key.name if isinstance(key, Symbol) else rt.to_s(key)
            if name == "symbolize_names":
                self.symbolize = truthy(value)
            elif name == "allow_nan":
                self.allow_nan = truthy(value)
            elif name == "freeze":
                self.freeze = truthy(value)
            elif name == "max_nesting":
                self.max_nesting = value if type(value) is int else 0

    def error(self, line: int, pos: int, what: str = "unexpected token") -> RubyError:
        """ParserError "<line>: unexpected token at '<rest of the input>'"."""
        rest = self.text[pos:] if pos >= 0 else ""
        return self.rt.error(PARSER_ERROR, f"{line}: {what} at '{rest}'")

    def parse(self) -> Any:
        """The value of the whole text."""
        p = self.skip(0)
        try:
            value, p = self.value(p, 0)
        except _Fail:
            raise self.error(859, p) from None
        p = self.skip(p)
        if p != len(self.text):
            raise self.error(859, p)
        return value

    def skip(self, p: int) -> int:
        """Past whitespace and ``/* */`` or ``//`` comments (``len + 1`` inside an unterminated one)."""
        text, n = self.text, len(self.text)
        while p < n:
            c = text[p]
            if c in _WS:
                p += 1
            elif c == "/" and text.startswith("/*", p):
                end = text.find("*/", p + 2)
                if end < 0:
                    return n + 1
                p = end + 2
            elif c == "/" and text.startswith("//", p):
                end = text.find("\n", p)
                if end < 0:
                    return n + 1
                p = end + 1
            else:
                break
        return p

    def value(self, p: int, depth: int) -> tuple[Any, int]:
        """The value starting at ``p`` and the position after it; _Fail when there is none."""
        text = self.text
        c = text[p : p + 1]
        if c == '"':
            return self.string(p)
        if c == "{":
            return self.object(p, depth + 1)
        if c == "[":
            return self.array(p, depth + 1)
        if c == "-" or c.isdigit():
            return self.number(p)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if text.startswith(word, p):
                return val, p + len(word)
        if text.startswith("NaN", p):
            if not self.allow_nan:
                raise self.error(225, p)
            return math.nan, p + 3
        if text.startswith("Infinity", p):
            if not self.allow_nan:
                raise self.error(232, p - 1)
            return math.inf, p + 8
        raise _Fail

    def number(self, p: int) -> tuple[Any, int]:
        """An Integer or Float (``-Infinity`` too when NaN is allowed)."""
        text = self.text
        if text.startswith("-Infinity", p):
            if not self.allow_nan:
                raise self.error(249, p)
            return -math.inf, p + 9
        m = _pattern(_FLOAT).match(text, p)
        if m is not None:
            nxt = text[m.end() : m.end() + 1]
            if nxt == "" or nxt not in "0123456789Ee.-":
                return float(m.group()), m.end()
        m = _pattern(_INT).match(text, p)
        if m is None or text[m.end() : m.end() + 1].isdigit():
            raise _Fail
        return int(m.group()), m.end()

    def string(self, p: int) -> tuple[RString, int]:
        """A double-quoted string with its escapes decoded."""
        text, n = self.text, len(self.text)
        parts: list[str] = []
        plain = _pattern(_PLAIN_RUN)
        i = p + 1
        start = i
        while True:
            i = plain.match(text, i).end()  # type: ignore[union-attr]
            if i >= n:
                raise _Fail
            c = text[i]
            if c == '"':
                break
            if c != "\\":
                raise _Fail
            parts.append(text[start:i])
            esc = text[i + 1 : i + 2]
            if esc == "u":
                ch, i = self.unicode_escape(i)
                parts.append(ch)
            elif esc == "" or esc < " ":
                raise _Fail
            else:
                parts.append(_SIMPLE_ESCAPES.get(esc, esc))
                i += 2
            start = i
        parts.append(text[start:i])
        return RString("".join(parts), frozen=self.freeze), i + 1

    def unicode_escape(self, i: int) -> tuple[str, int]:
        """The character of ``\\uXXXX`` at ``i`` (a surrogate pair takes two escapes)."""
        text = self.text
        if not _pattern(_HEX4).fullmatch(text, i + 2, i + 6):
            raise _Fail
        code = int(text[i + 2 : i + 6], 16)
        if 0xD800 <= code < 0xDC00:
            if text.startswith("\\u", i + 6) and _pattern(_HEX4).fullmatch(text, i + 8, i + 12):
                low = int(text[i + 8 : i + 12], 16)
                if 0xDC00 <= low < 0xE000:
                    return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), i + 12
            raise self.error(521, i, "incomplete surrogate pair")
        if 0xDC00 <= code < 0xE000:
            return "\ufffd", i + 6
        return chr(code), i + 6

    def nest(self, depth: int) -> None:
        """NestingError past ``max_nesting`` levels."""
        if self.max_nesting and depth > self.max_nesting:
            raise self.rt.error(NESTING_ERROR, f"nesting of {depth} is too deep")

    def array(self, p: int, depth: int) -> tuple[list[Any], int]:
        """``[ value, ... ]``: errors inside are reported here, at the offending position."""
        self.nest(depth)
        text = self.text
        items: list[Any] = []
        p = self.skip(p + 1)
        if text.startswith("]", p):
            return self._done(items), p + 1
        while True:
            try:
                value, p = self.value(p, depth)
            except _Fail:
                raise self.error(451, p) from None
            items.append(value)
            p = self.skip(p)
            c = text[p : p + 1]
            if c == "]":
                return self._done(items), p + 1
            if c != ",":
                raise self.error(451, p)
            p = self.skip(p + 1)

    def object(self, p: int, depth: int) -> tuple[RHash, int]:
        """``{ "name": value, ... }``: failures are reported by the enclosing value."""
        self.nest(depth)
        text = self.text
        h = RHash()
        p = self.skip(p + 1)
        if text.startswith("}", p):
            return self._done(h), p + 1
        while True:
            if not text.startswith('"', p):
                raise _Fail
            key, p = self.string(p)
            p = self.skip(p)
            if not text.startswith(":", p):
                raise _Fail
            p = self.skip(p + 1)
            value, p = self.value(p, depth)
            h[Symbol.of(key.s) if self.symbolize else RString(key.s, frozen=True)] = value
            p = self.skip(p)
            c = text[p : p + 1]
            if c == "}":
                return self._done(h), p + 1
            if c != ",":
                raise _Fail
            p = self.skip(p + 1)

    def _done(self, value: Any) -> Any:
        if self.freeze:
            if type(value) is list:
                freeze(value)
            else:
                value.frozen = True
        return value


def parse(rt: Any, source: Any, opts: RHash | None = None) -> Any:
    """``JSON.parse(source, opts)``."""
    return Parser(rt, str_arg(rt, source), opts).parse()


# ---------------------------------------------------------------- Ruby methods


def _split_opts(args: tuple[Any, ...]) -> tuple[tuple[Any, ...], RHash | None]:
    if args and type(args[-1]) is RHash:
        return args[:-1], args[-1]
    return args, None


def _state_for(rt: Any, opts: Any, base: GenState) -> GenState:
    if isinstance(opts, GenState):
        return opts
    if opts is not None:
        if type(opts) is not RHash:
            if not rt.responds_to(opts, "to_h"):
                raise rt.error("TypeError", f"can't convert {type_name(opts)} into Hash")
            opts = rt.call(opts, "to_h")
        base.configure(rt, opts)
    return base


@builtin(JSON, "parse", "parse!", singleton=True)
def json_parse(rt: Any, recv: Any, source: Any, opts: Any = None, block: RProc | None = None) -> Any:
    """JSON.parse(source, symbolize_names: false, allow_nan: false, max_nesting: 100, freeze: false)."""
    return parse(rt, source, opts if type(opts) is RHash else None)


@builtin(JSON, "load_file", singleton=True)
def json_load_file(rt: Any, recv: Any, path: Any, opts: Any = None, block: RProc | None = None) -> Any:
    """JSON.load_file(path, opts): parse the file's text."""
    text = rt.call(rt.constants["File"], "read", path)
    return parse(rt, text, opts if type(opts) is RHash else None)


@builtin(JSON, "generate", "unparse", "fast_generate", singleton=True)
def json_generate(rt: Any, recv: Any, obj: Any, opts: Any = None, block: RProc | None = None) -> RString:
    """JSON.generate(obj, opts): compact JSON text."""
    return RString(generate(rt, obj, _state_for(rt, opts, GenState())))


@builtin(JSON, "pretty_generate", "pretty_unparse", singleton=True)
def json_pretty_generate(rt: Any, recv: Any, obj: Any, opts: Any = None, block: RProc | None = None) -> RString:
    """JSON.pretty_generate(obj, opts): two-space indented JSON text."""
    return RString(generate(rt, obj, _state_for(rt, opts, pretty_state())))


@builtin(JSON, "dump", singleton=True)
def json_dump(rt: Any, recv: Any, obj: Any, io: Any = None, limit: Any = None, block: RProc | None = None) -> Any:
    """JSON.dump(obj, io = nil, limit = nil): generate allowing NaN, to ``io`` when given."""
    if io is not None and limit is None and not rt.responds_to(io, "write"):
        io, limit = None, io
    st = GenState()
    st.allow_nan = True
    st.max_nesting = limit if type(limit) is int else 0
    try:
        text = RString(generate(rt, obj, st))
    except RubyError as e:
        if rt.is_a(e.exc, NESTING_ERROR):
            raise rt.error("ArgumentError", "exceed depth limit") from None
        raise
    if io is not None:
        rt.call(io, "write", text)
        return io
    return text


@builtin(JSON, "load", "restore", singleton=True)
def json_load(rt: Any, recv: Any, source: Any, proc: Any = None, opts: Any = None, block: RProc | None = None) -> Any:
    """JSON.load(source, proc = nil): parse a String or IO allowing NaN; nil or blank gives nil."""
    if type(proc) is RHash and opts is None:
        proc, opts = None, proc
    if source is not None and type(source) is not RString:
        if rt.responds_to(source, "to_str"):
            source = rt.call(source, "to_str")
        elif rt.responds_to(source, "to_io"):
            source = rt.call(rt.call(source, "to_io"), "read")
        elif rt.responds_to(source, "read"):
            source = rt.call(source, "read")
    if source is None or (type(source) is RString and source.s == ""):
        source = RString("null")
    parser = Parser(rt, str_arg(rt, source), opts if type(opts) is RHash else None)
    if opts is None or Symbol.of("allow_nan") not in opts:
        parser.allow_nan = True
    if opts is None or Symbol.of("max_nesting") not in opts:
        parser.max_nesting = 0
    result = parser.parse()
    if proc is not None:
        _recurse_proc(rt, result, proc)
    return result


def _recurse_proc(rt: Any, value: Any, proc: Any) -> None:
    if type(value) is list:
        for item in value:
            _recurse_proc(rt, item, proc)
    elif type(value) is RHash:
        for k, v in value.items():
            _recurse_proc(rt, k, proc)
            _recurse_proc(rt, v, proc)
    rt.call(proc, "call", value)


@builtin(JSON, "[]", singleton=True)
def json_aref(rt: Any, recv: Any, obj: Any, opts: Any = None, block: RProc | None = None) -> Any:
    """JSON[text] parses, JSON[obj] generates."""
    if type(obj) is RString or (obj is not None and rt.responds_to(obj, "to_str")):
        return parse(rt, obj, opts if type(opts) is RHash else None)
    return json_generate(rt, recv, obj, opts)


@builtin(JSON, "state", "generator", "parser", singleton=True)
def json_state(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """JSON.state: the generator State class."""
    return STATE


@builtin(STATE, "new", singleton=True)
def state_new(rt: Any, recv: Any, opts: Any = None, block: RProc | None = None) -> GenState:
    """JSON::State.new(opts)."""
    return state_from(rt, opts) if type(opts) is RHash else GenState()


@builtin(STATE, "generate")
def state_generate(rt: Any, recv: GenState, obj: Any, block: RProc | None = None) -> RString:
    """state.generate(obj)."""
    return RString(generate(rt, obj, recv))


@builtin(STATE, "depth")
def state_depth(rt: Any, recv: GenState, block: RProc | None = None) -> int:
    """The current nesting depth."""
    return recv.depth


@builtin(STATE, "max_nesting")
def state_max_nesting(rt: Any, recv: GenState, block: RProc | None = None) -> int:
    """The nesting limit (0: none)."""
    return recv.max_nesting


@builtin(STATE, "allow_nan?")
def state_allow_nan(rt: Any, recv: GenState, block: RProc | None = None) -> bool:
    """Whether NaN and Infinity may be generated."""
    return recv.allow_nan


def _layout_reader(attr: str) -> Any:
    def reader(rt: Any, recv: GenState, block: RProc | None = None) -> RString:
        return RString(getattr(recv, attr))

    reader.__doc__ = f"state.{attr}"
    return reader


for _attr in ("indent", "space", "space_before", "object_nl", "array_nl"):
    STATE.methods[_attr] = _layout_reader(_attr)


def object_to_json(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> RString:
    """#to_json for every object: core values as JSON, anything else as its ``to_s`` string."""
    t = type(recv)
    st = state_from(rt, args[0] if args else None)
    if t in (RHash, list, RString, int, float) or recv is None or t is bool:
        return RString(generate(rt, recv, st))
    return RString(quote(rt.to_s(recv), st))


def kernel_json(rt: Any, recv: Any, obj: Any, *args: Any, block: RProc | None = None) -> Any:
    """JSON(obj): parse a String, generate anything else."""
    opts = args[0] if args else None
    if type(obj) is RString or (obj is not None and rt.responds_to(obj, "to_str")):
        return parse(rt, obj, opts if type(opts) is RHash else None)
    return json_generate(rt, JSON, obj, opts)


def _printer(pretty: bool) -> Any:
    def show(rt: Any, recv: Any, *objs: Any, block: RProc | None = None) -> None:
        for obj in objs:
            st = pretty_state() if pretty else GenState()
            st.allow_nan, st.max_nesting = True, 0
            rt.stdout.write(generate(rt, obj, st) + "\n")
        return None

    show.__doc__ = "jj: print objects as pretty JSON" if pretty else "j: print objects as JSON"
    return show


@default_feature("json")
def require_json(rt: Any) -> None:
    """Define JSON, #to_json on every object, and Kernel#j/jj/JSON."""
    rt.set_const(OBJECT, "JSON", JSON)
    rt.add_method(OBJECT, "to_json", object_to_json)
    rt.define_global_function("JSON", kernel_json)
    rt.define_global_function("j", _printer(False))
    rt.define_global_function("jj", _printer(True))


for _name in ("json/ext", "json/pure"):
    default_feature(_name)(require_json)
