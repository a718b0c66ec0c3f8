"""IO: the stream objects ($stdout, $stderr, $stdin, File instances) and their methods.

Text crosses the Python boundary as UTF-8 with ``surrogateescape``, so bytes
that are not UTF-8 survive a read followed by a write unchanged.
"""

from __future__ import annotations

import sys
import weakref
from typing import Any, TextIO

from pydrake.runtime.classes import IO, OBJECT, builtin, class_of, register_type, type_name
from pydrake.runtime.objects import RHash, RString, Symbol, pystr, truthy

ENCODING = "utf-8"
ERRORS = "surrogateescape"

# Ruby IO objects whose writes wait in a buffer (open Files): the command's last step flushes those
# still open, since the process ends without tearing its objects down (see ``pydrake.cli.main``).
_BUFFERED: weakref.WeakSet[Any] = weakref.WeakSet()


def track_buffered(stream: Any) -> None:
    """Remember a writable stream whose buffer must reach the OS before the process ends."""
    _BUFFERED.add(stream)


def flush_buffered(rt: Any) -> None:
    """Push every open tracked stream's buffered writes to the OS, as Ruby does at exit."""
    for stream in list(_BUFFERED):
        if not stream.closed:
            try:
                stream.flush(rt)
            except Exception:  # noqa: BLE001 - a stream that cannot flush at exit loses what Ruby's would
                pass


# Python types whose Ruby values never answer ``to_ary``.
_PLAIN = (int, float, bool, RString, Symbol, RHash, type(None))


def decode(data: bytes) -> str:
    """Bytes read from a file or a pipe as Python text."""
    return data.decode(ENCODING, ERRORS)


def encode(text: str) -> bytes:
    """Python text as the bytes written to a file or a pipe."""
    return text.encode(ENCODING, ERRORS)




def split_options(args: tuple[Any, ...] | list[Any]) -> tuple[list[Any], dict[str, Any]]:
    """Separate a trailing keyword hash (all keys Symbols) from positional arguments."""
    items = list(args)
    if items and isinstance(items[-1], RHash) and items[-1] and all(isinstance(k, Symbol) for k in items[-1]):
        opts = items.pop()
        return items, {k.name: v for k, v in opts.items()}
    return items, {}


def write_text(stream: TextIO, text: str) -> None:
    """Write to a Python text stream; undecodable bytes go through its binary buffer when it has one."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        data = encode(text)
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(data)
        else:
            stream.write(data.decode(ENCODING, "replace"))


def _to_ary(rt: Any, value: Any) -> Any:
    if isinstance(value, _PLAIN):
        return None
    if rt.responds_to(value, "to_ary"):
        ary = rt.call(value, "to_ary")
        if isinstance(ary, list):
            return ary
    return None


def puts_text(rt: Any, args: tuple[Any, ...] | list[Any]) -> str:
    """What ``puts(*args)`` writes: arrays one element per line, nil as an empty line, one newline each."""
    if not args:
        return "\n"
    parts: list[str] = []

    def emit(value: Any, seen: frozenset[int]) -> None:
        if isinstance(value, RString):
            text = value.s
        elif value is None:
            text = ""
        else:
            ary = value if isinstance(value, list) else _to_ary(rt, value)
            if ary is not None:
                if id(ary) in seen:
                    text = "[...]"
                else:
                    inner = seen | {id(ary)}
                    for item in ary:
                        emit(item, inner)
                    return
            else:
                text = rt.to_s(value)
        parts.append(text if text.endswith("\n") else text + "\n")

    for arg in args:
        emit(arg, frozenset())
    return "".join(parts)


def print_text(rt: Any, args: tuple[Any, ...] | list[Any]) -> str:
    """What ``print(*args)`` writes: each argument's ``to_s``, nothing between or after."""
    return "".join("" if a is None else a.s if isinstance(a, RString) else rt.to_s(a) for a in args)


def write_puts(rt: Any, stream: TextIO, args: tuple[Any, ...] | list[Any]) -> None:
    """``puts(*args)`` onto a Python text stream, in one write (Kernel#puts uses this with ``rt.stdout``)."""
    write_text(stream, puts_text(rt, args))


def real_fileno(stream: Any) -> int | None:
    """The OS file descriptor behind a Python stream, or None for in-memory streams."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return fd if isinstance(fd, int) and fd >= 0 else None


class RIO:
    """A Ruby IO object; subclasses provide the byte-level reading and writing."""

    closed = False
    lineno = 0

    def __init__(self) -> None:
        self.sync = False

    def write_str(self, rt: Any, text: str) -> None:
        """Write Python text."""
        raise rt.error("IOError", "not opened for writing")

    def read_bytes(self, rt: Any, n: int | None) -> bytes:
        """Up to ``n`` bytes (all remaining when None); b"" at end of file."""
        raise rt.error("IOError", "not opened for reading")

    def readline_bytes(self, rt: Any, sep: bytes) -> bytes:
        """One line ending in ``sep`` (or the rest of the stream); b"" at end of file."""
        out = bytearray()
        while True:
            c = self.read_bytes(rt, 1)
            if not c:
                break
            out += c
            if out.endswith(sep):
                break
        return bytes(out)

    def at_eof(self, rt: Any) -> bool:
        """Whether nothing is left to read."""
        raise rt.error("IOError", "not opened for reading")

    def flush(self, rt: Any) -> None:
        """Push buffered output to the OS."""

    def close(self, rt: Any) -> None:
        """Release the stream."""
        self.closed = True

    def fileno(self) -> int | None:
        """The file descriptor, when there is one."""
        return None

    def isatty(self, rt: Any) -> bool:
        """Whether the stream is a terminal."""
        return False

    def inspect(self) -> str:
        """Ruby's ``inspect``."""
        return "#<IO>"

    def check_open(self, rt: Any) -> None:
        """Raise IOError on a closed stream."""
        if self.closed:
            raise rt.error("IOError", "closed stream")


class StdStream(RIO):
    """$stdout / $stderr: writes go to the interpreter's current stream for this thread."""

    def __init__(self, which: str) -> None:
        super().__init__()
        self.which = which
        self.sync = which == "stderr"

    def target(self, rt: Any) -> TextIO:
        """The Python stream written to right now (per-task capture included)."""
        return rt.stdout if self.which == "stdout" else rt.stderr

    def write_str(self, rt: Any, text: str) -> None:
        stream = self.target(rt)
        write_text(stream, text)
        if self.sync:
            stream.flush()

    def flush(self, rt: Any) -> None:
        self.target(rt).flush()

    def fileno(self) -> int | None:
        return 1 if self.which == "stdout" else 2

    def isatty(self, rt: Any) -> bool:
        try:
            return bool(self.target(rt).isatty())
        except (AttributeError, ValueError):
            return False

    def inspect(self) -> str:
        return f"#<IO:<{self.which.upper()}>>"


class StdinStream(RIO):
    """$stdin / STDIN: reads the process's standard input."""

    def _buffer(self) -> Any:
        stream = sys.stdin
        if stream is None:
            return None
        return getattr(stream, "buffer", None)

    def read_bytes(self, rt: Any, n: int | None) -> bytes:
        buf = self._buffer()
        if buf is not None:
            return buf.read() if n is None else buf.read(n)
        if sys.stdin is None:
            return b""
        return encode(sys.stdin.read() if n is None else sys.stdin.read(n))

    def readline_bytes(self, rt: Any, sep: bytes) -> bytes:
        if sep != b"\n":
            return super().readline_bytes(rt, sep)
        buf = self._buffer()
        if buf is not None:
            return buf.readline()
        if sys.stdin is None:
            return b""
        return encode(sys.stdin.readline())

    def at_eof(self, rt: Any) -> bool:
        buf = self._buffer()
        peek = getattr(buf, "peek", None)
        if peek is None:
            return False
        return not peek(1)

    def fileno(self) -> int | None:
        return 0

    def isatty(self, rt: Any) -> bool:
        try:
            return sys.stdin is not None and sys.stdin.isatty()
        except ValueError:
            return False

    def inspect(self) -> str:
        return "#<IO:<STDIN>>"


register_type(RIO, IO)

STDOUT = StdStream("stdout")
STDERR = StdStream("stderr")
STDIN = StdinStream()

# Ruby's STDOUT/STDERR/STDIN constants; the interpreter also binds $stdout, $stderr and $stdin to them.
OBJECT.constants.update({"STDOUT": STDOUT, "STDERR": STDERR, "STDIN": STDIN})
STANDARD_GLOBALS: dict[str, RIO] = {"$stdout": STDOUT, "$stderr": STDERR, "$stdin": STDIN, "$>": STDOUT}


def _io(rt: Any, recv: Any) -> RIO:
    if not isinstance(recv, RIO):
        raise rt.error("TypeError", f"{type_name(recv)} is not an IO")
    recv.check_open(rt)
    return recv


def _sep(rt: Any, args: list[Any], opts: dict[str, Any]) -> tuple[bytes | None, bool]:
    """The line separator (None: read everything) and the chomp flag of gets/each_line/readlines."""
    sep: bytes | None = b"\n"
    if args:
        first = args[0]
        if first is None:
            sep = None
        elif isinstance(first, RString):
            sep = encode(first.s) or b"\n\n"
    return sep, truthy(opts.get("chomp"))


def _chomp(line: bytes, sep: bytes | None) -> bytes:
    if sep is None:
        return line
    if sep == b"\n":
        if line.endswith(b"\r\n"):
            return line[:-2]
        return line[:-1] if line.endswith(b"\n") else line
    return line[: -len(sep)] if line.endswith(sep) else line


def read_line(rt: Any, io: RIO, sep: bytes | None = b"\n", chomp: bool = False) -> RString | None:
    """The next line of ``io`` as a String, or nil at end of file."""
    data = io.read_bytes(rt, None) if sep is None else io.readline_bytes(rt, sep)
    if not data:
        return None
    io.lineno += 1
    return RString(decode(_chomp(data, sep) if chomp else data))


def read_lines(rt: Any, io: RIO, sep: bytes | None = b"\n", chomp: bool = False) -> list[RString]:
    """All remaining lines of ``io``."""
    out: list[RString] = []
    while True:
        line = read_line(rt, io, sep, chomp)
        if line is None:
            return out
        out.append(line)


def enumerator(rt: Any, items: list[Any]) -> Any:
    """What a blockless iterator returns: the items' own ``each`` enumerator."""
    return rt.call(items, "each")


@builtin(IO, "puts")
def io_puts(rt: Any, recv: Any, *args: Any, block: Any = None) -> None:
    """IO#puts."""
    _io(rt, recv).write_str(rt, puts_text(rt, args))
    return None


@builtin(IO, "print")
def io_print(rt: Any, recv: Any, *args: Any, block: Any = None) -> None:
    """IO#print."""
    _io(rt, recv).write_str(rt, print_text(rt, args))
    return None


@builtin(IO, "write")
def io_write(rt: Any, recv: Any, *args: Any, block: Any = None) -> int:
    """IO#write: writes each argument's to_s, returns the byte count."""
    text = print_text(rt, args)
    _io(rt, recv).write_str(rt, text)
    return len(encode(text))


@builtin(IO, "<<")
def io_append(rt: Any, recv: Any, obj: Any, block: Any = None) -> Any:
    """IO#<<: writes ``obj.to_s`` and returns the IO for chaining."""
    _io(rt, recv).write_str(rt, print_text(rt, [obj]))
    return recv


@builtin(IO, "printf")
def io_printf(rt: Any, recv: Any, fmt: Any = None, *args: Any, block: Any = None) -> None:
    """IO#printf: ``format(fmt, *args)`` without a newline."""
    if fmt is None:
        return None
    text = rt.call(fmt, "%", list(args))
    _io(rt, recv).write_str(rt, pystr(text))
    return None


@builtin(IO, "putc")
def io_putc(rt: Any, recv: Any, ch: Any, block: Any = None) -> Any:
    """IO#putc: one character (or the byte of an Integer)."""
    text = chr(ch & 0xFF) if isinstance(ch, int) else pystr(ch)[:1]
    _io(rt, recv).write_str(rt, text)
    return ch


@builtin(IO, "flush", "fsync", "fdatasync")
def io_flush(rt: Any, recv: Any, block: Any = None) -> Any:
    """IO#flush."""
    _io(rt, recv).flush(rt)
    return recv


@builtin(IO, "sync")
def io_sync(rt: Any, recv: Any, block: Any = None) -> bool:
    """IO#sync."""
    return bool(_io(rt, recv).sync)


@builtin(IO, "sync=")
def io_set_sync(rt: Any, recv: Any, value: Any, block: Any = None) -> Any:
    """IO#sync=."""
    _io(rt, recv).sync = truthy(value)
    return value


@builtin(IO, "tty?", "isatty")
def io_tty(rt: Any, recv: Any, block: Any = None) -> bool:
    """IO#tty?."""
    return _io(rt, recv).isatty(rt)


@builtin(IO, "fileno", "to_i")
def io_fileno(rt: Any, recv: Any, block: Any = None) -> Any:
    """IO#fileno."""
    return _io(rt, recv).fileno()


@builtin(IO, "to_io", "binmode", "set_encoding")
def io_self(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
    """Methods that return the IO itself."""
    return recv


@builtin(IO, "read")
def io_read(rt: Any, recv: Any, length: Any = None, outbuf: Any = None, block: Any = None) -> Any:
    """IO#read: everything ("" at end of file), or up to ``length`` bytes (nil at end of file)."""
    io = _io(rt, recv)
    if length is None:
        text = decode(io.read_bytes(rt, None))
    else:
        if length < 0:
            raise rt.error("ArgumentError", f"negative length {length} given")
        data = io.read_bytes(rt, length)
        if not data and length > 0:
            return None
        text = decode(data)
    if isinstance(outbuf, RString):
        outbuf.s = text
        return outbuf
    return RString(text)


@builtin(IO, "readpartial", "read_nonblock")
def io_readpartial(rt: Any, recv: Any, maxlen: int, *args: Any, block: Any = None) -> RString:
    """IO#readpartial: up to ``maxlen`` bytes; EOFError at end of file."""
    data = _io(rt, recv).read_bytes(rt, maxlen)
    if not data and maxlen > 0:
        raise rt.error("EOFError", "end of file reached")
    return RString(decode(data))


@builtin(IO, "gets")
def io_gets(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
    """IO#gets: the next line, nil at end of file."""
    pos, opts = split_options(args)
    sep, chomp = _sep(rt, pos, opts)
    line = read_line(rt, _io(rt, recv), sep, chomp)
    rt.set_global("$_", line)
    return line


@builtin(IO, "readline")
def io_readline(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
    """IO#readline: the next line; EOFError at end of file."""
    pos, opts = split_options(args)
    sep, chomp = _sep(rt, pos, opts)
    line = read_line(rt, _io(rt, recv), sep, chomp)
    if line is None:
        raise rt.error("EOFError", "end of file reached")
    return line


@builtin(IO, "readlines", "to_a")
def io_readlines(rt: Any, recv: Any, *args: Any, block: Any = None) -> list[RString]:
    """IO#readlines (``chomp: true`` drops the separators)."""
    pos, opts = split_options(args)
    sep, chomp = _sep(rt, pos, opts)
    return read_lines(rt, _io(rt, recv), sep, chomp)


@builtin(IO, "each_line", "each")
def io_each_line(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
    """IO#each_line: yields each remaining line; an enumerator without a block."""
    pos, opts = split_options(args)
    sep, chomp = _sep(rt, pos, opts)
    io = _io(rt, recv)
    if block is None:
        return enumerator(rt, read_lines(rt, io, sep, chomp))
    while True:
        line = read_line(rt, io, sep, chomp)
        if line is None:
            return recv
        rt.call_block(block, line)


@builtin(IO, "each_char")
def io_each_char(rt: Any, recv: Any, block: Any = None) -> Any:
    """IO#each_char."""
    chars = [RString(c) for c in decode(_io(rt, recv).read_bytes(rt, None))]
    if block is None:
        return enumerator(rt, chars)
    for c in chars:
        rt.call_block(block, c)
    return recv


@builtin(IO, "getc", "readchar")
def io_getc(rt: Any, recv: Any, block: Any = None) -> Any:
    """IO#getc: the next character, nil at end of file."""
    io = _io(rt, recv)
    data = io.read_bytes(rt, 1)
    if not data:
        return None
    while data[0] >= 0x80 and len(data) < 4:
        try:
            data.decode(ENCODING)
            break
        except UnicodeDecodeError:
            more = io.read_bytes(rt, 1)
            if not more:
                break
            data += more
    return RString(decode(data))


@builtin(IO, "eof?", "eof")
def io_eof(rt: Any, recv: Any, block: Any = None) -> bool:
    """IO#eof?."""
    return _io(rt, recv).at_eof(rt)


@builtin(IO, "lineno")
def io_lineno(rt: Any, recv: Any, block: Any = None) -> int:
    """IO#lineno: how many lines gets has read."""
    return _io(rt, recv).lineno


@builtin(IO, "close")
def io_close(rt: Any, recv: Any, block: Any = None) -> None:
    """IO#close (closing twice is allowed)."""
    if isinstance(recv, RIO) and not recv.closed:
        recv.close(rt)
    return None


@builtin(IO, "close_write", "close_read")
def io_close_half(rt: Any, recv: Any, block: Any = None) -> None:
    """IO#close_write / close_read: for pipes, ends that direction; otherwise closes."""
    half = getattr(recv, "close_half", None)
    if half is not None:
        half(rt)
        return None
    return io_close(rt, recv)


@builtin(IO, "closed?")
def io_closed(rt: Any, recv: Any, block: Any = None) -> bool:
    """IO#closed?."""
    return bool(recv.closed)


@builtin(IO, "inspect")
def io_inspect(rt: Any, recv: Any, block: Any = None) -> RString:
    """IO#inspect: ``#<IO:<STDOUT>>``, ``#<File:path>``."""
    return RString(recv.inspect())


@builtin(IO, "to_s")
def io_to_s(rt: Any, recv: Any, block: Any = None) -> RString:
    """IO#to_s: ``#<IO:0x...>`` style."""
    return RString(f"#<{class_of(recv).name}:0x{id(recv):016x}>")
