"""require "open-uri": URI.open and OpenURI.open_uri read URLs into a StringIO with OpenURI::Meta."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.runtime.rakefile_support import outcome
from tests.runtime.test_interpreter_support import out


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """An HTTP server on the loopback interface serving ``a.txt``; its base URL."""
    (tmp_path / "a.txt").write_text("hello from server\nline2\n")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_reading_a_url_and_an_http_error(server: str) -> None:
    src = f"""
    require "open-uri"
    io = URI.open("{server}/a.txt")
    p io.read, io.status, io.content_type, io.charset, io.base_uri.to_s, io.class
    p OpenURI.open_uri("{server}/a.txt") {{ |f| f.readlines }}
    begin; URI.open("{server}/missing"); rescue OpenURI::HTTPError => e; p e.message, e.io.status; end
    p OpenURI::HTTPError.superclass
    """
    assert out(src) == (
        '"hello from server\\nline2\\n"\n["200", "OK"]\n"text/plain"\n"utf-8"\n'
        f'"{server}/a.txt"\nStringIO\n'
        '["hello from server\\n", "line2\\n"]\n'
        '"404 File not found"\n["404", "File not found"]\n'
        "StandardError\n"
    )


def test_a_rakefile_requiring_open_uri_lists_its_tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rakefile = (
        "require 'open-uri'\n"
        "def fetch(url)\n"
        "  URI.open(url).read\n"
        "end\n"
        "desc 'Update the plugins'\n"
        "task :update do\n"
        "  fetch 'http://127.0.0.1:9/none'\n"
        "end\n"
    )
    assert outcome(tmp_path, rakefile, "-T") == (0, "pydrake update  # Update the plugins\n", "")
    (tmp_path / "local.txt").write_text("local\n")
    monkeypatch.chdir(tmp_path)
    assert out('require "open-uri"\np URI.open("local.txt") { |f| f.read }\n') == '"local\\n"\n'
