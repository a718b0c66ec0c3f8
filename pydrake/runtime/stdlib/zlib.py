"""``require "zlib"``: checksums, deflate/inflate, gzip/gunzip and GzipWriter/GzipReader (zlib gem 2.1.1)."""

from __future__ import annotations

import struct
import time
import zlib as _zlib
from typing import Any

from pydrake.runtime.classes import CORE, OBJECT, builtin, register_type
from pydrake.runtime.core.file import os_error, to_path
from pydrake.runtime.core.io import decode, encode, split_options
from pydrake.runtime.core.time import NS, RTime, to_ns
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RModule, RProc, RString
from pydrake.runtime.safe_mode import guard

ZLIB = RModule("Zlib")
ZLIB.constants["VERSION"] = RString("2.1.1", frozen=True)
ZLIB.constants["ZLIB_VERSION"] = RString(_zlib.ZLIB_RUNTIME_VERSION, frozen=True)
for _name, _value in {
    "NO_COMPRESSION": 0,
    "BEST_SPEED": 1,
    "BEST_COMPRESSION": 9,
    "DEFAULT_COMPRESSION": -1,
    "FILTERED": 1,
    "HUFFMAN_ONLY": 2,
    "RLE": 3,
    "FIXED": 4,
    "DEFAULT_STRATEGY": 0,
    "BINARY": 0,
    "ASCII": 1,
    "TEXT": 1,
    "UNKNOWN": 2,
    "OS_UNIX": 3,
    "OS_CODE": 3,
}.items():
    ZLIB.constants[_name] = _value


def _klass(name: str, superclass: RClass, parent: RModule = ZLIB) -> RClass:
    cls = RClass(f"{parent.name}::{name}", superclass, parent)
    parent.constants[name] = cls
    return cls


ERROR = _klass("Error", CORE["StandardError"])  # type: ignore[arg-type]
DATA_ERROR = _klass("DataError", ERROR)
BUF_ERROR = _klass("BufError", ERROR)
STREAM_ERROR = _klass("StreamError", ERROR)
DEFLATE = _klass("Deflate", OBJECT)
INFLATE = _klass("Inflate", OBJECT)
GZIP_FILE = _klass("GzipFile", OBJECT)
GZIP_ERROR = _klass("Error", ERROR, GZIP_FILE)
NO_FOOTER = _klass("NoFooter", GZIP_ERROR, GZIP_FILE)
CRC_ERROR = _klass("CRCError", GZIP_ERROR, GZIP_FILE)
LENGTH_ERROR = _klass("LengthError", GZIP_ERROR, GZIP_FILE)
GZIP_WRITER = _klass("GzipWriter", GZIP_FILE)
GZIP_READER = _klass("GzipReader", GZIP_FILE)


def _bytes(rt: Any, value: Any) -> bytes:
    return encode(value.s if isinstance(value, RString) else rt.to_s(rt.call(value, "to_str")))


def _level(rt: Any, value: Any) -> int:
    return -1 if value is None else int(value)


def _data_error(rt: Any, exc: _zlib.error) -> Any:
    """zlib's message ("Error -3 while decompressing data: incorrect header check") as a Zlib::DataError."""
    return rt.error(DATA_ERROR, str(exc).rsplit(": ", 1)[-1])


# ---------------------------------------------------------------- module functions


@builtin(ZLIB, "crc32", singleton=True)
def zlib_crc32(rt: Any, mod: Any, data: Any = None, start: int = 0, block: RProc | None = None) -> int:
    """Zlib.crc32(string = nil, crc = 0)."""
    return 0 if data is None else _zlib.crc32(_bytes(rt, data), start)


@builtin(ZLIB, "adler32", singleton=True)
def zlib_adler32(rt: Any, mod: Any, data: Any = None, start: int = 1, block: RProc | None = None) -> int:
    """Zlib.adler32(string = nil, adler = 1)."""
    return 1 if data is None else _zlib.adler32(_bytes(rt, data), start)


@builtin(ZLIB, "deflate", singleton=True)
@builtin(DEFLATE, "deflate", singleton=True)
def zlib_deflate(rt: Any, mod: Any, data: Any, level: Any = None, block: RProc | None = None) -> RString:
    """Zlib::Deflate.deflate(string, level = DEFAULT_COMPRESSION): zlib-format data."""
    return RString(decode(_zlib.compress(_bytes(rt, data), _level(rt, level))))


@builtin(ZLIB, "inflate", singleton=True)
@builtin(INFLATE, "inflate", singleton=True)
def zlib_inflate(rt: Any, mod: Any, data: Any, block: RProc | None = None) -> RString:
    """Zlib::Inflate.inflate(string): the data zlib-format ``string`` holds."""
    try:
        return RString(decode(_zlib.decompress(_bytes(rt, data))))
    except _zlib.error as exc:
        raise _data_error(rt, exc) from None


def gzip_bytes(
    data: bytes, level: int = -1, mtime: int = 0, orig_name: bytes | None = None, comment: bytes | None = None
) -> bytes:
    """One gzip member as Ruby writes it: OS code Unix, mtime now when 0."""
    flags = (0x08 if orig_name is not None else 0) | (0x10 if comment is not None else 0)
    xfl = 2 if level == 9 else 4 if level == 1 else 0
    header = b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", mtime or int(time.time())) + bytes([xfl, 3])
    if orig_name is not None:
        header += orig_name + b"\0"
    if comment is not None:
        header += comment + b"\0"
    packer = _zlib.compressobj(level, _zlib.DEFLATED, -_zlib.MAX_WBITS)
    body = packer.compress(data) + packer.flush()
    return header + body + struct.pack("<II", _zlib.crc32(data), len(data) & 0xFFFFFFFF)


def gunzip_bytes(rt: Any, data: bytes) -> tuple[bytes, dict[str, Any]]:
    """The data of the first gzip member and its header fields (mtime, orig_name, comment, os_code, level)."""
    if len(data) < 10 or data[:2] != b"\x1f\x8b":
        raise rt.error(GZIP_ERROR, "not in gzip format")
    flags, mtime, xfl, os_code = data[3], struct.unpack("<I", data[4:8])[0], data[8], data[9]
    pos = 10
    if flags & 0x04:
        pos += 2 + struct.unpack("<H", data[pos : pos + 2])[0]
    fields: dict[str, Any] = {
        "mtime": mtime,
        "os_code": os_code,
        "orig_name": None,
        "comment": None,
        "level": 9 if xfl == 2 else 1 if xfl == 4 else -1,
    }
    for flag, key in ((0x08, "orig_name"), (0x10, "comment")):
        if flags & flag:
            end = data.index(b"\0", pos)
            fields[key] = data[pos:end]
            pos = end + 1
    if flags & 0x02:
        pos += 2
    unpacker = _zlib.decompressobj(-_zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(data[pos:]) + unpacker.flush()
    except _zlib.error as exc:
        raise _data_error(rt, exc) from None
    footer = unpacker.unused_data
    if not unpacker.eof or len(footer) < 8:
        raise rt.error(NO_FOOTER, "footer is not found")
    crc, size = struct.unpack("<II", footer[:8])
    if crc != _zlib.crc32(out):
        raise rt.error(CRC_ERROR, "invalid compressed data -- crc error")
    if size != len(out) & 0xFFFFFFFF:
        raise rt.error(LENGTH_ERROR, "invalid compressed data -- length error")
    return out, fields


@builtin(ZLIB, "gzip", singleton=True)
def zlib_gzip(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> RString:
    """Zlib.gzip(src, level: nil, strategy: nil): ``src`` as gzip data."""
    pos, opts = split_options(args)
    return RString(decode(gzip_bytes(_bytes(rt, pos[0]), _level(rt, opts.get("level")))))


@builtin(ZLIB, "gunzip", singleton=True)
def zlib_gunzip(rt: Any, mod: Any, data: Any, block: RProc | None = None) -> RString:
    """Zlib.gunzip(src): the data gzip-format ``src`` holds."""
    return RString(decode(gunzip_bytes(rt, _bytes(rt, data))[0]))


# ---------------------------------------------------------------- GzipWriter


class RGzipWriter:
    """A GzipWriter: what was written, compressed into its IO (or file) when closed."""

    def __init__(self, io: Any, path: str | None, level: int) -> None:
        self.io, self.path, self.level = io, path, level
        self.chunks: list[bytes] = []
        self.mtime = 0
        self.orig_name: bytes | None = None
        self.comment: bytes | None = None
        self.closed = False


register_type(RGzipWriter, GZIP_WRITER)


def _writer_args(rt: Any, args: tuple[Any, ...]) -> tuple[list[Any], int]:
    pos, _opts = split_options(args)
    return pos, _level(rt, pos[1] if len(pos) > 1 else None)


def _with_block(rt: Any, gz: Any, block: RProc | None, close: str) -> Any:
    if block is None:
        return gz
    try:
        return rt.call_block(block, gz)
    finally:
        if not gz.closed:
            rt.call(gz, close)


@builtin(GZIP_WRITER, "new", singleton=True)
def gzip_writer_new(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RGzipWriter:
    """GzipWriter.new(io, level = nil, strategy = nil): the data goes to ``io`` on close."""
    pos, level = _writer_args(rt, args)
    return RGzipWriter(pos[0], None, level)


@builtin(GZIP_WRITER, "wrap", singleton=True)
def gzip_writer_wrap(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> Any:
    """GzipWriter.wrap(io, ...) { |gz| }: the block's value; closed (with ``io``) afterwards."""
    return _with_block(rt, gzip_writer_new(rt, cls, *args), block, "close")


@builtin(GZIP_WRITER, "open", singleton=True)
def gzip_writer_open(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> Any:
    """GzipWriter.open(filename, level = nil, strategy = nil) { |gz| }: writes the file on close."""
    pos, level = _writer_args(rt, args)
    if guard(rt, "Zlib::GzipWriter.open", pos[:1]):
        return None
    path = to_path(rt, pos[0])
    try:
        open(path, "wb").close()
    except OSError as exc:
        raise os_error(rt, exc, "rb_sysopen") from None
    return _with_block(rt, RGzipWriter(None, path, level), block, "close")


def _writable(rt: Any, gz: RGzipWriter) -> None:
    if gz.closed:
        raise rt.error(GZIP_ERROR, "closed gzip stream")


def _header_open(rt: Any, gz: RGzipWriter) -> None:
    """Ruby writes the header with the first data: header fields can be set only before."""
    _writable(rt, gz)
    if gz.chunks:
        raise rt.error(GZIP_ERROR, "header is already written")


@builtin(GZIP_WRITER, "write")
def gzip_writer_write(rt: Any, recv: RGzipWriter, *items: Any, block: RProc | None = None) -> int:
    """write(*objects): the number of bytes taken."""
    _writable(rt, recv)
    data = [encode(rt.to_s(item)) for item in items]
    recv.chunks.extend(data)
    return sum(len(d) for d in data)


@builtin(GZIP_WRITER, "<<")
def gzip_writer_append(rt: Any, recv: RGzipWriter, item: Any, block: RProc | None = None) -> RGzipWriter:
    """gz << object: the writer."""
    gzip_writer_write(rt, recv, item)
    return recv


@builtin(GZIP_WRITER, "print")
def gzip_writer_print(rt: Any, recv: RGzipWriter, *items: Any, block: RProc | None = None) -> None:
    """print(*objects)."""
    gzip_writer_write(rt, recv, *items)


@builtin(GZIP_WRITER, "puts")
def gzip_writer_puts(rt: Any, recv: RGzipWriter, *items: Any, block: RProc | None = None) -> None:
    """puts(*objects): each on its own line (arrays flattened)."""
    lines: list[str] = []

    def add(item: Any) -> None:
        if isinstance(item, list):
            for x in item:
                add(x)
            return
        text = "" if item is None else rt.to_s(item)
        lines.append(text if text.endswith("\n") else text + "\n")

    for item in items or [RString("")]:
        add(item)
    gzip_writer_write(rt, recv, *[RString(line) for line in lines])


@builtin(GZIP_WRITER, "mtime=")
def gzip_writer_set_mtime(rt: Any, recv: RGzipWriter, value: Any, block: RProc | None = None) -> Any:
    """mtime = Time or Integer: the time recorded in the header (now when 0)."""
    _header_open(rt, recv)
    recv.mtime = to_ns(rt, value) // NS
    return value


@builtin(GZIP_WRITER, "orig_name=")
def gzip_writer_set_orig_name(rt: Any, recv: RGzipWriter, value: Any, block: RProc | None = None) -> Any:
    """orig_name = String: the file name recorded in the header."""
    _header_open(rt, recv)
    recv.orig_name = _bytes(rt, value)
    return value


@builtin(GZIP_WRITER, "comment=")
def gzip_writer_set_comment(rt: Any, recv: RGzipWriter, value: Any, block: RProc | None = None) -> Any:
    """comment = String: the comment recorded in the header."""
    _header_open(rt, recv)
    recv.comment = _bytes(rt, value)
    return value


def _finish(rt: Any, gz: RGzipWriter) -> None:
    _writable(rt, gz)
    data = gzip_bytes(b"".join(gz.chunks), gz.level, gz.mtime, gz.orig_name, gz.comment)
    gz.closed = True
    if gz.path is not None:
        try:
            with open(gz.path, "wb") as f:
                f.write(data)
        except OSError as exc:
            raise os_error(rt, exc, "rb_sysopen") from None
    else:
        rt.call(gz.io, "write", RString(decode(data)))


@builtin(GZIP_WRITER, "close")
def gzip_writer_close(rt: Any, recv: RGzipWriter, block: RProc | None = None) -> Any:
    """close: write the gzip data and close the IO; the IO (nil for a file opened by name)."""
    _finish(rt, recv)
    if recv.io is not None and rt.responds_to(recv.io, "close"):
        rt.call(recv.io, "close")
    return recv.io


@builtin(GZIP_WRITER, "finish")
def gzip_writer_finish(rt: Any, recv: RGzipWriter, block: RProc | None = None) -> Any:
    """finish: write the gzip data, leave the IO open; the IO."""
    _finish(rt, recv)
    return recv.io


@builtin(GZIP_WRITER, "closed?")
def gzip_writer_closed(rt: Any, recv: RGzipWriter, block: RProc | None = None) -> bool:
    """closed?"""
    return recv.closed


@builtin(GZIP_WRITER, "flush", "sync")
def gzip_writer_flush(rt: Any, recv: RGzipWriter, *args: Any, block: RProc | None = None) -> Any:
    """flush: nothing to do (the data is written on close)."""
    return recv


# ---------------------------------------------------------------- GzipReader


class RGzipReader:
    """A GzipReader: the decompressed text of one member and a read position."""

    def __init__(self, io: Any, data: str, fields: dict[str, Any]) -> None:
        self.io, self.data, self.fields = io, data, fields
        self.pos = 0
        self.lineno = 0
        self.closed = False


register_type(RGzipReader, GZIP_READER)


def _reader(rt: Any, io: Any, raw: bytes) -> RGzipReader:
    data, fields = gunzip_bytes(rt, raw)
    return RGzipReader(io, decode(data), fields)


@builtin(GZIP_READER, "new", singleton=True)
def gzip_reader_new(rt: Any, cls: Any, io: Any, *args: Any, block: RProc | None = None) -> RGzipReader:
    """GzipReader.new(io): reads and decompresses what ``io`` holds."""
    return _reader(rt, io, _bytes(rt, rt.call(io, "read")))


@builtin(GZIP_READER, "wrap", singleton=True)
def gzip_reader_wrap(rt: Any, cls: Any, io: Any, *args: Any, block: RProc | None = None) -> Any:
    """GzipReader.wrap(io) { |gz| }: the block's value; closed (with ``io``) afterwards."""
    return _with_block(rt, gzip_reader_new(rt, cls, io), block, "close")


@builtin(GZIP_READER, "open", singleton=True)
def gzip_reader_open(rt: Any, cls: Any, filename: Any, *args: Any, block: RProc | None = None) -> Any:
    """GzipReader.open(filename) { |gz| }: the file's decompressed contents."""
    try:
        with open(to_path(rt, filename), "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise os_error(rt, exc, "rb_sysopen") from None
    return _with_block(rt, _reader(rt, None, raw), block, "close")


@builtin(GZIP_READER, "zcat", singleton=True)
def gzip_reader_zcat(rt: Any, cls: Any, io: Any, *args: Any, block: RProc | None = None) -> Any:
    """GzipReader.zcat(io): every member's data, concatenated."""
    raw = _bytes(rt, rt.call(io, "read"))
    parts = []
    while raw:
        reader = _reader(rt, io, raw)
        parts.append(reader.data)
        unpacker = _zlib.decompressobj(16 + _zlib.MAX_WBITS)
        unpacker.decompress(raw)
        raw = unpacker.unused_data
    return RString("".join(parts))


def _readable(rt: Any, gz: RGzipReader) -> None:
    if gz.closed:
        raise rt.error(GZIP_ERROR, "closed gzip stream")


@builtin(GZIP_READER, "read")
def gzip_reader_read(rt: Any, recv: RGzipReader, length: Any = None, block: RProc | None = None) -> RString | None:
    """read(length = nil): the rest, or up to ``length`` characters (nil at the end)."""
    _readable(rt, recv)
    if length is None:
        out = recv.data[recv.pos :]
        recv.pos = len(recv.data)
        return RString(out)
    if recv.pos >= len(recv.data) and length > 0:
        return None
    out = recv.data[recv.pos : recv.pos + length]
    recv.pos += len(out)
    return RString(out)


def _next_line(recv: RGzipReader) -> str | None:
    if recv.pos >= len(recv.data):
        return None
    end = recv.data.find("\n", recv.pos)
    end = len(recv.data) if end < 0 else end + 1
    line = recv.data[recv.pos : end]
    recv.pos = end
    recv.lineno += 1
    return line


@builtin(GZIP_READER, "gets")
def gzip_reader_gets(rt: Any, recv: RGzipReader, *args: Any, block: RProc | None = None) -> RString | None:
    """gets: the next line, or nil at the end."""
    _readable(rt, recv)
    line = _next_line(recv)
    return None if line is None else RString(line)


@builtin(GZIP_READER, "readline")
def gzip_reader_readline(rt: Any, recv: RGzipReader, *args: Any, block: RProc | None = None) -> RString:
    """readline: the next line (EOFError at the end)."""
    line = gzip_reader_gets(rt, recv)
    if line is None:
        raise rt.error("EOFError", "end of file reached")
    return line


@builtin(GZIP_READER, "readlines")
def gzip_reader_readlines(rt: Any, recv: RGzipReader, *args: Any, block: RProc | None = None) -> list[RString]:
    """readlines: the remaining lines."""
    _readable(rt, recv)
    lines = []
    while (line := _next_line(recv)) is not None:
        lines.append(RString(line))
    return lines


@builtin(GZIP_READER, "each_line", "each")
def gzip_reader_each_line(rt: Any, recv: RGzipReader, *args: Any, block: RProc | None = None) -> Any:
    """each_line { |line| }: the reader."""
    for line in gzip_reader_readlines(rt, recv):
        rt.call_block(block, line)
    return recv


@builtin(GZIP_READER, "eof?", "eof")
def gzip_reader_eof(rt: Any, recv: RGzipReader, block: RProc | None = None) -> bool:
    """eof?: everything was read."""
    return recv.pos >= len(recv.data)


@builtin(GZIP_READER, "rewind")
def gzip_reader_rewind(rt: Any, recv: RGzipReader, block: RProc | None = None) -> int:
    """rewind: back to the start; 0."""
    recv.pos = recv.lineno = 0
    return 0


@builtin(GZIP_READER, "lineno")
def gzip_reader_lineno(rt: Any, recv: RGzipReader, block: RProc | None = None) -> int:
    """lineno: lines read so far."""
    return recv.lineno


@builtin(GZIP_READER, "mtime")
def gzip_reader_mtime(rt: Any, recv: RGzipReader, block: RProc | None = None) -> RTime:
    """mtime: the time recorded in the header."""
    return RTime(recv.fields["mtime"] * NS)


def _header_text(recv: RGzipReader, key: str) -> RString | None:
    value = recv.fields[key]
    return None if value is None else RString(decode(value))


@builtin(GZIP_READER, "orig_name")
def gzip_reader_orig_name(rt: Any, recv: RGzipReader, block: RProc | None = None) -> RString | None:
    """orig_name: the file name recorded in the header (nil when absent)."""
    return _header_text(recv, "orig_name")


@builtin(GZIP_READER, "comment")
def gzip_reader_comment(rt: Any, recv: RGzipReader, block: RProc | None = None) -> RString | None:
    """comment: the comment recorded in the header (nil when absent)."""
    return _header_text(recv, "comment")


@builtin(GZIP_READER, "os_code")
def gzip_reader_os_code(rt: Any, recv: RGzipReader, block: RProc | None = None) -> int:
    """os_code: the OS byte of the header."""
    return recv.fields["os_code"]


@builtin(GZIP_READER, "close")
def gzip_reader_close(rt: Any, recv: RGzipReader, block: RProc | None = None) -> Any:
    """close: close the reader and its IO; the IO."""
    _readable(rt, recv)
    recv.closed = True
    if recv.io is not None and rt.responds_to(recv.io, "close"):
        rt.call(recv.io, "close")
    return recv.io


@builtin(GZIP_READER, "closed?")
def gzip_reader_closed(rt: Any, recv: RGzipReader, block: RProc | None = None) -> bool:
    """closed?"""
    return recv.closed


@default_feature("zlib")
def _feature(rt: Any) -> None:
    """``require "zlib"``: the Zlib module."""
    rt.constants["Zlib"] = ZLIB
