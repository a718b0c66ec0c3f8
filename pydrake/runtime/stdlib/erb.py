"""``require "erb"``: ERB templates compiled to Ruby as ERB 2.2 does, run by the interpreter; Kernel#binding."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from pydrake.runtime.classes import KERNEL, OBJECT, builtin, register_type
from pydrake.runtime.core.string import str_arg, str_dump, str_inspect, type_name
from pydrake.runtime.environment import MISSING, Env
from pydrake.runtime.frames import Frame
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RHash, RModule, RProc, RString, Symbol

ERB = RClass("ERB", OBJECT)
UTIL = RModule("ERB::Util", ERB)
ERB.constants.update(Util=UTIL, VERSION=RString("2.2.3", frozen=True))
BINDING = RClass("Binding", OBJECT)

# ---------------------------------------------------------------- scanning

CR: Any = object()  # the ``:cr`` token: end the generated line here
_STAGS = ("<%%", "<%=", "<%#", "<%")


class PercentLine(str):
    """A ``% code`` line (percent mode): Ruby code on a line of its own."""


class _ScanState:
    """What the compiler and the scanner share: the open tag, if any."""

    def __init__(self) -> None:
        self.stag: str | None = None


@functools.cache
def _rx(source: str, multiline: bool = False) -> re.Pattern[str]:
    # compiled on first use: importing this module must stay cheap
    return re.compile(source, re.S | (re.M if multiline else 0))


_SIMPLE_STAG = r"(.*?)(<%[%=#]?|\Z)"
_SIMPLE_ETAG = r"(.*?)(%%?>|\Z)"
_EXPLICIT_STAG = r"(.*?)(^[ \t]*<%-|<%-|<%%|<%=|<%#|<%|\Z)"
_EXPLICIT_ETAG = r"(.*?)(-%>|%%>|%>|\Z)"
_TRIM_LINE = r"(.*?)(%>\r?\n|<%%|<%=|<%#|<%|%%>|%>|\n|\Z)"
_TRIM_EXPLICIT = r"(.*?)(^[ \t]*<%\-|<%\-|-%>\r?\n|-%>|<%%|<%=|<%#|<%|%%>|%>|\Z)"
_TRIM_NONE = r"(.*?)(<%%|<%=|<%#|<%|%%>|%>|\n|\Z)"
_DASH_STAG = r"[ \t]*<%-"


def _simple_scan(src: str, st: _ScanState) -> Iterator[Any]:
    pos, n = 0, len(src)
    while pos < n:
        m = _rx(_SIMPLE_ETAG if st.stag else _SIMPLE_STAG).match(src, pos)
        assert m is not None
        pos = m.end()
        yield m.group(1)
        yield m.group(2)


def _explicit_scan(src: str, st: _ScanState) -> Iterator[Any]:
    pos, n = 0, len(src)
    while pos < n:
        m = _rx(_EXPLICIT_ETAG if st.stag else _EXPLICIT_STAG, True).match(src, pos)
        assert m is not None
        pos = m.end()
        yield m.group(1)
        elem = m.group(2)
        if _rx(_DASH_STAG).search(elem):
            yield "<%"
        elif elem == "-%>":
            yield "%>"
            nl = _rx(r"(\r?\n|\Z)").match(src, pos)
            if nl is not None:
                pos = nl.end()
                yield CR
        else:
            yield elem


def _chomp(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    return line[:-1] if line.endswith(("\n", "\r")) else line


class _TrimScanner:
    """ERB's TrimScanner: trim modes ``>``, ``<>``, ``-`` with ``%`` lines, and ``%`` alone."""

    def __init__(self, trim_mode: str | None, percent: bool, st: _ScanState) -> None:
        self.trim_mode = trim_mode
        self.percent = percent
        self.st = st
        if trim_mode in (">", "<>"):
            self.reg = _rx(_TRIM_LINE)
        elif trim_mode == "-":
            self.reg = _rx(_TRIM_EXPLICIT, True)
        else:
            self.reg = _rx(_TRIM_NONE)

    def scan(self, src: str) -> Iterator[Any]:
        """Every token of the template."""
        self.st.stag = None
        if self.percent:
            for line in src.splitlines(keepends=True):
                yield from self.percent_line(line)
        else:
            yield from self.scan_line(src)

    def percent_line(self, line: str) -> Iterator[Any]:
        """A line in percent mode: ``% code``, ``%%`` for a literal ``%``, or template text."""
        if self.st.stag or line[0] != "%":
            yield from self.scan_line(line)
            return
        line = line[1:]
        if line[:1] == "%":
            yield from self.scan_line(line)
        else:
            yield PercentLine(_chomp(line))

    def _tokens(self, line: str) -> Iterator[str]:
        for m in self.reg.finditer(line):
            for token in m.groups():
                if token:
                    yield token

    def scan_line(self, line: str) -> Iterator[Any]:
        """The tokens of some text, trimmed as the trim mode says."""
        if self.trim_mode == ">":
            for token in self._tokens(line):
                if token in ("%>\n", "%>\r\n"):
                    yield "%>"
                    yield CR
                else:
                    yield token
        elif self.trim_mode == "<>":
            head: str | None = None
            for token in self._tokens(line):
                if head is None:
                    head = token
                if token in ("%>\n", "%>\r\n"):
                    yield "%>"
                    yield CR if head in ("<%=", "<%#", "<%") else "\n"
                    head = None
                else:
                    yield token
                    if token == "\n":
                        head = None
        elif self.trim_mode == "-":
            for token in self._tokens(line):
                if self.st.stag is None and _rx(_DASH_STAG).search(token):
                    yield "<%"
                elif self.st.stag and token in ("-%>\n", "-%>\r\n"):
                    yield "%>"
                    yield CR
                elif self.st.stag and token == "-%>":
                    yield "%>"
                else:
                    yield token
        else:
            yield from self._tokens(line)


def parse_trim_mode(mode: Any) -> tuple[bool, str | None, bool]:
    """(percent, trim mode, valid) for a ``trim_mode:`` value (a String, 0, 1, 2 or nil)."""
    if mode == 1 and type(mode) is int:
        return False, ">", True
    if mode == 2 and type(mode) is int:
        return False, "<>", True
    if mode is None or (mode == 0 and type(mode) is int):
        return False, None, True
    if type(mode) is RString:
        text = mode.s
        valid = re.fullmatch(r"(%|-|>|<>){1,2}", text) is not None
        perc = "%" in text
        if "-" in text:
            return perc, "-", valid
        if "<>" in text:
            return perc, "<>", valid
        if ">" in text:
            return perc, ">", valid
        return perc, None, valid
    return False, None, False


# ---------------------------------------------------------------- compiling


class _Buffer:
    """The generated script: commands of one line are joined with ``; ``."""

    def __init__(self, pre: list[str]) -> None:
        self.line: list[str] = list(pre)
        self.script = ""

    def push(self, cmd: str) -> None:
        self.line.append(cmd)

    def cr(self) -> None:
        self.script += "; ".join(self.line) + "\n"
        self.line = []

    def close(self, post: list[str]) -> None:
        self.line.extend(post)
        self.script += "; ".join(self.line)


def _display_dump(s: str) -> str:
    # ERB compiles the template's bytes, so non-ASCII text shows as \xNN escapes
    return str_dump(s.encode("utf-8", "surrogateescape").decode("ascii", "surrogateescape"))


def compile_template(
    template: str, trim_mode: str | None, percent: bool, eoutvar: str = "_erbout", runnable: bool = False
) -> str:
    """The Ruby source of a template: ERB#src's text, or (``runnable``) the same program as this parser reads it."""
    if runnable:
        put, insert, dump = f"{eoutvar} <<", f"{eoutvar} << ((", str_inspect
    else:
        put, insert, dump = f"{eoutvar}.<<", f"{eoutvar}.<<((", _display_dump
    out = _Buffer([f"{eoutvar} = +''"])
    st = _ScanState()
    content = ""

    def add_put(text: str) -> None:
        out.push(f"{put} {dump(text)}.freeze" + "\n" * text.count("\n"))

    if percent or trim_mode in (">", "<>"):
        tokens: Iterator[Any] = _TrimScanner(trim_mode, percent, st).scan(template)
    elif trim_mode == "-":
        tokens = _explicit_scan(template, st)
    else:
        tokens = _simple_scan(template, st)
    for token in tokens:
        if token is None or (type(token) is str and token == ""):
            continue
        if st.stag is None:
            if isinstance(token, PercentLine):
                if content:
                    add_put(content)
                content = ""
                out.push(str(token))
                out.cr()
            elif token is CR:
                out.cr()
            elif token in ("<%", "<%=", "<%#"):
                st.stag = token
                if content:
                    add_put(content)
                content = ""
            elif token == "\n":
                add_put(content + "\n")
                content = ""
            elif token == "<%%":
                content += "<%"
            else:
                content += token
        elif token == "%>":
            if st.stag == "<%":
                if content.endswith("\n"):
                    out.push(content[:-1])
                    out.cr()
                else:
                    out.push(content)
            elif st.stag == "<%=":
                out.push(f"{insert}{content}).to_s)")
            st.stag = None
            content = ""
        elif token == "%%>":
            content += "%>"
        else:
            content += token
    if content:
        add_put(content)
    out.close([eoutvar])
    return out.script


# ---------------------------------------------------------------- bindings and evaluation


class RBinding:
    """A Binding: the frame whose self and local variables code run with it sees."""

    __slots__ = ("frame",)

    def __init__(self, frame: Frame) -> None:
        self.frame = frame


register_type(RBinding, BINDING)


def top_frame(rt: Any, env: Env | None = None) -> Frame:
    """A fresh top-level frame: self is main, no local variables but ``env``'s."""
    return Frame(
        rt.main, env or Env(), rt.top_cref, None, None, "(erb)", 0, None, None, None, "<main>", "private", OBJECT
    )


def run_in(rt: Any, src: str, frame: Frame, filename: str = "(erb)") -> Any:
    """Run Ruby source as a block written in ``frame``: its self and locals, new locals kept apart."""
    program = rt.parse(src, filename)
    home = Frame(
        frame.self_obj,
        frame.env,
        frame.cref,
        frame.method,
        frame.block,
        filename,
        frame.line,
        frame.home,
        frame.proc,
        frame.up,
        frame.label,
        frame.vis,
        frame.definee,
    )
    return rt.call_proc(RProc(None, program.body, frame.env, frame.self_obj, False, home, None, frame.cref))


def k_binding(rt: Any, recv: Any, block: RProc | None = None) -> RBinding:
    """binding: the caller's self and local variables."""
    fr = rt.frame()
    return RBinding(fr if fr is not None else top_frame(rt))


def k_eval(rt: Any, recv: Any, code: Any, *rest: Any, block: RProc | None = None) -> Any:
    """eval(code, binding, file): with a Binding, run in its scope; otherwise Kernel#eval as before."""
    if rest and isinstance(rest[0], RBinding):
        filename = rt.to_s(rest[1]) if len(rest) > 1 else "(eval)"
        return run_in(rt, str_arg(rt, code), rest[0].frame, filename)
    return KERNEL.methods["eval"](rt, recv, code, *rest, block=block)


def _var_name(rt: Any, name: Any) -> str:
    if isinstance(name, Symbol):
        return name.name
    return str_arg(rt, name)


@builtin(BINDING, "local_variable_get")
def binding_get(rt: Any, recv: RBinding, name: Any, block: RProc | None = None) -> Any:
    """binding.local_variable_get(:x)."""
    key = _var_name(rt, name)
    value = recv.frame.env.lookup(key)
    if value is MISSING:
        raise rt.error("NameError", f"local variable `{key}' is not defined for {rt.inspect(recv)}")
    return value


@builtin(BINDING, "local_variable_set")
def binding_set(rt: Any, recv: RBinding, name: Any, value: Any, block: RProc | None = None) -> Any:
    """binding.local_variable_set(:x, value)."""
    recv.frame.env.assign(_var_name(rt, name), value)
    return value


@builtin(BINDING, "local_variable_defined?")
def binding_defined(rt: Any, recv: RBinding, name: Any, block: RProc | None = None) -> bool:
    """binding.local_variable_defined?(:x)."""
    return recv.frame.env.has(_var_name(rt, name))


@builtin(BINDING, "local_variables")
def binding_locals(rt: Any, recv: RBinding, block: RProc | None = None) -> list[Symbol]:
    """binding.local_variables."""
    return [Symbol.of(n) for n in recv.frame.env.names() if n[:1].isalpha() or n[:1] == "_"]


@builtin(BINDING, "receiver")
def binding_receiver(rt: Any, recv: RBinding, block: RProc | None = None) -> Any:
    """binding.receiver: the self it was taken in."""
    return recv.frame.self_obj


@builtin(BINDING, "eval")
def binding_eval(rt: Any, recv: RBinding, code: Any, *rest: Any, block: RProc | None = None) -> Any:
    """binding.eval(code): run code with the binding's self and locals."""
    filename = rt.to_s(rest[0]) if rest else "(eval)"
    return run_in(rt, str_arg(rt, code), recv.frame, filename)


@builtin(BINDING, "irb")
def binding_irb(rt: Any, recv: RBinding, block: RProc | None = None) -> None:
    """binding.irb: no interactive session here."""
    return None


# ---------------------------------------------------------------- ERB objects


class Template:
    """An ERB object: the compiled source and where errors say they come from."""

    def __init__(self, text: str, trim_mode: str | None, percent: bool, eoutvar: str) -> None:
        self.text = text
        self.trim_mode = trim_mode
        self.percent = percent
        self.eoutvar = eoutvar
        self.src = "#coding:UTF-8\n" + compile_template(text, trim_mode, percent, eoutvar)
        self.runnable = compile_template(text, trim_mode, percent, eoutvar, runnable=True)
        self.filename: Any = None
        self.lineno = 0

    def result(self, rt: Any, frame: Frame) -> Any:
        """The template's output with ``frame``'s self and locals."""
        name = rt.to_s(self.filename) if self.filename is not None else "(erb)"
        src = "\n" * (self.lineno - 1) + self.runnable if self.lineno > 1 else self.runnable
        return run_in(rt, src, frame, name)


register_type(Template, ERB)


def _warn(rt: Any, message: str) -> None:
    fr = rt.frame()
    where = f"{fr.file}:{fr.line}: " if fr is not None else ""
    rt.stderr.write(f"{where}warning: {message}\n")


@builtin(ERB, "new", singleton=True)
def erb_new(rt: Any, recv: Any, text: Any, *args: Any, block: RProc | None = None) -> Template:
    """ERB.new(str, trim_mode: nil, eoutvar: "_erbout") (and the deprecated positional forms)."""
    opts = args[-1] if args and type(args[-1]) is RHash else None
    pos = args[:-1] if opts is not None else args
    trim: Any = None
    eoutvar = "_erbout"
    if len(pos) >= 1:
        _warn(
            rt,
            "Passing safe_level with the 2nd argument of ERB.new is deprecated. "
            "Do not use it, and specify other arguments as keyword arguments.",
        )
    if len(pos) >= 2:
        _warn(
            rt,
            "Passing trim_mode with the 3rd argument of ERB.new is deprecated. "
            "Use keyword argument like ERB.new(str, trim_mode: ...) instead.",
        )
        trim = pos[1]
    if len(pos) >= 3:
        _warn(
            rt,
            "Passing eoutvar with the 4th argument of ERB.new is deprecated. "
            "Use keyword argument like ERB.new(str, eoutvar: ...) instead.",
        )
        eoutvar = rt.to_s(pos[2])
    if opts is not None:
        if Symbol.of("trim_mode") in opts and len(pos) < 2:
            trim = opts[Symbol.of("trim_mode")]
        if Symbol.of("eoutvar") in opts and len(pos) < 3:
            eoutvar = rt.to_s(opts[Symbol.of("eoutvar")])
    percent, mode, valid = parse_trim_mode(trim)
    if not valid:
        _warn(
            rt,
            f"Invalid ERB trim mode: {rt.inspect(trim)} (trim_mode: nil, 0, 1, 2, "
            "or String composed of '%' and/or '-', '>', '<>')",
        )
    return Template(str_arg(rt, text), mode, percent, eoutvar)


@builtin(ERB, "version", singleton=True)
def erb_version(rt: Any, recv: Any, block: RProc | None = None) -> RString:
    """ERB.version."""
    return RString("2.2.3")


@builtin(ERB, "src")
def erb_src(rt: Any, recv: Template, block: RProc | None = None) -> RString:
    """The Ruby source the template compiles to."""
    return RString(recv.src)


@builtin(ERB, "result")
def erb_result(rt: Any, recv: Template, b: Any = None, block: RProc | None = None) -> Any:
    """result(binding = a new top-level binding): the rendered text."""
    if b is None:
        return recv.result(rt, top_frame(rt))
    if not isinstance(b, RBinding):
        raise rt.error("TypeError", f"wrong argument type {type_name(b)} (expected binding)")
    return recv.result(rt, b.frame)


@builtin(ERB, "result_with_hash")
def erb_result_with_hash(rt: Any, recv: Template, h: Any, block: RProc | None = None) -> Any:
    """result_with_hash(hash): render with the hash's keys as local variables."""
    env = Env()
    for key, value in h.items():
        env.declare(_var_name(rt, key), value)
    return recv.result(rt, top_frame(rt, env))


@builtin(ERB, "run")
def erb_run(rt: Any, recv: Template, b: Any = None, block: RProc | None = None) -> None:
    """run(binding): print the result."""
    rt.call(rt.main, "print", erb_result(rt, recv, b))
    return None


@builtin(ERB, "filename")
def erb_filename(rt: Any, recv: Template, block: RProc | None = None) -> Any:
    """The file name errors in the template report."""
    return recv.filename


@builtin(ERB, "filename=")
def erb_set_filename(rt: Any, recv: Template, name: Any, block: RProc | None = None) -> Any:
    """Set the file name errors report."""
    recv.filename = name
    return name


@builtin(ERB, "lineno")
def erb_lineno(rt: Any, recv: Template, block: RProc | None = None) -> int:
    """The line number of the template's first line."""
    return recv.lineno


@builtin(ERB, "lineno=")
def erb_set_lineno(rt: Any, recv: Template, n: Any, block: RProc | None = None) -> Any:
    """Set the line number of the template's first line."""
    recv.lineno = n
    return n


@builtin(ERB, "location=")
def erb_set_location(rt: Any, recv: Template, loc: Any, block: RProc | None = None) -> Any:
    """location = [filename, lineno]."""
    if type(loc) is list and loc:
        recv.filename = loc[0]
        if len(loc) > 1 and loc[1] is not None:
            recv.lineno = loc[1]
    return loc


@builtin(ERB, "def_method")
def erb_def_method(rt: Any, recv: Template, mod: Any, name: Any, fname: Any = None, block: RProc | None = None) -> Any:
    """def_method(mod, "name(args)"): define a method of ``mod`` that renders the template."""
    src = f"def {rt.to_s(name)}\n{recv.runnable}\nend\n"
    rt.eval_in(mod, src, mod, mod)
    return Symbol.of(rt.to_s(name).split("(")[0])


@builtin(ERB, "def_module")
def erb_def_module(rt: Any, recv: Template, name: Any = None, block: RProc | None = None) -> Any:
    """def_module(name = "erb"): a new module with that rendering method."""
    mod = rt.new_module(None)
    erb_def_method(rt, recv, mod, name if name is not None else RString("erb"))
    return mod


@builtin(ERB, "def_class")
def erb_def_class(rt: Any, recv: Template, superclass: Any = None, name: Any = None, block: RProc | None = None) -> Any:
    """def_class(superclass = Object, name = "result"): a new class with that rendering method."""
    cls = rt.new_class(None, superclass)
    erb_def_method(rt, recv, cls, name if name is not None else RString("result"))
    return cls


_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def html_escape(text: str) -> str:
    """CGI.escapeHTML."""
    return _rx(r"[&<>\"']").sub(lambda m: _HTML_ESCAPES[m.group()], text)


def url_encode(text: str) -> str:
    """ERB::Util.url_encode: every byte but ``[a-zA-Z0-9_.~-]`` as ``%XX``."""
    safe = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~"
    return "".join(chr(b) if b in safe else f"%{b:02X}" for b in text.encode("utf-8", "surrogateescape"))


def util_h(rt: Any, recv: Any, s: Any, block: RProc | None = None) -> RString:
    """html_escape(s) / h(s): the text of ``s.to_s`` with HTML's special characters escaped."""
    return RString(html_escape(rt.to_s(s)))


def util_u(rt: Any, recv: Any, s: Any, block: RProc | None = None) -> RString:
    """url_encode(s) / u(s): percent-encoded."""
    return RString(url_encode(rt.to_s(s)))


for _table in (UTIL.methods, UTIL.smethods):
    _table.update(html_escape=util_h, h=util_h, url_encode=util_u, u=util_u)


@default_feature("erb")
def require_erb(rt: Any) -> None:
    """Define ERB and Binding, and make ``binding`` answer a Binding that ``eval`` accepts."""
    rt.set_const(OBJECT, "ERB", ERB)
    rt.set_const(OBJECT, "Binding", BINDING)
    rt.add_method(KERNEL, "binding", k_binding)
    rt.add_method(KERNEL, "eval", k_eval)
