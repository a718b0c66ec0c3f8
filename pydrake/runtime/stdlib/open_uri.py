"""``require "open-uri"``: URI.open and OpenURI.open_uri read an http, https or ftp URL into a StringIO."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import CORE, builtin
from pydrake.runtime.core.io import decode, split_options
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RHash, RModule, RProc, RString, RubyError, Symbol
from pydrake.runtime.stdlib.prelude import load_prelude

OPEN_URI = RModule("OpenURI")
URI = RModule("URI")
SOCKET_ERROR = RClass("SocketError", CORE["StandardError"])  # type: ignore[arg-type]

SOURCE = r"""
module OpenURI
  class HTTPError < StandardError
    attr_reader :io

    def initialize(message, io)
      super(message)
      @io = io
    end
  end

  module Meta
    attr_accessor :status, :base_uri, :meta

    def content_type
      type = (meta || {})["content-type"]
      type ? type.split(";").first.strip.downcase : "application/octet-stream"
    end

    def charset
      type = (meta || {})["content-type"]
      found = type && type[/charset=["']?([^"';\s]+)/i, 1]
      return found.downcase if found
      return yield if block_given?
      content_type.start_with?("text/") ? "utf-8" : nil
    end
  end
end

module URI
  def self.open(name, *rest, &block)
    if name.respond_to?(:to_str) && name.to_str.match?(%r{\A(https?|ftp)://}i)
      OpenURI.open_uri(name, *rest, &block)
    else
      ::Kernel.open(name, *rest, &block)
    end
  end
end
"""

TIMEOUT_S = 60.0


def _fetch(rt: Any, url: str, headers: dict[str, str], timeout: float) -> tuple[int, str, str, dict[str, str], bytes]:
    """GET ``url``: status code and reason, the final URL, the response headers and the body."""
    import urllib.error
    import urllib.parse
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "Ruby", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            meta = {k.lower(): v for k, v in response.headers.items()}
            return response.status, response.reason, response.geturl(), meta, response.read()
    except urllib.error.HTTPError as exc:
        meta = {k.lower(): v for k, v in exc.headers.items()} if exc.headers else {}
        body = exc.read() if exc.fp is not None else b""
        io = _string_io(rt, body, exc.code, exc.reason, url, meta)
        error = rt.call(rt.lookup_const_in(OPEN_URI, "HTTPError", None), "new", RString(f"{exc.code} {exc.reason}"), io)
        rt.stamp(error)
        raise RubyError(error) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        host = urllib.parse.urlparse(url).netloc
        raise rt.error(SOCKET_ERROR, f"Failed to open TCP connection to {host} ({reason})") from None


def _string_io(rt: Any, body: bytes, code: int, reason: str, url: str, meta: dict[str, str]) -> Any:
    """A StringIO holding ``body``, extended with OpenURI::Meta."""
    io = rt.call(rt.constants["StringIO"], "new", RString(decode(body)))
    rt.call(io, "extend", rt.lookup_const_in(OPEN_URI, "Meta", None))
    rt.call(io, "status=", [RString(str(code)), RString(reason or "")])
    rt.call(io, "base_uri=", RString(url))
    rt.call(io, "meta=", RHash({RString(k): RString(v) for k, v in meta.items()}))
    return io


@builtin(OPEN_URI, "open_uri", singleton=True)
def open_uri(rt: Any, mod: Any, name: Any, *rest: Any, block: RProc | None = None) -> Any:
    """OpenURI.open_uri(url, [mode], headers_and_options) { |io| }: the body as a StringIO (the block's value)."""
    pos, _ = split_options(rest)
    options = rest[-1] if rest and isinstance(rest[-1], RHash) else RHash()
    headers = {rt.to_s(k): rt.to_s(v) for k, v in options.items() if isinstance(k, RString)}
    timeout = options.get(Symbol.of("read_timeout"), TIMEOUT_S) or TIMEOUT_S
    url = rt.to_s(name)
    code, reason, final, meta, body = _fetch(rt, url, headers, float(timeout))
    io = _string_io(rt, body, code, reason, final, meta)
    if block is None:
        return io
    try:
        return rt.call_block(block, io)
    finally:
        rt.call(io, "close")


@default_feature("open-uri")
def _feature(rt: Any) -> None:
    """``require "open-uri"``: OpenURI, URI.open and StringIO."""
    rt.require("stringio")
    rt.constants.setdefault("OpenURI", OPEN_URI)
    rt.constants.setdefault("URI", URI)
    rt.constants.setdefault("SocketError", SOCKET_ERROR)
    load_prelude(rt, "open-uri", SOURCE)
