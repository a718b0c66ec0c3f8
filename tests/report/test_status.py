"""The terminal status line: its format and when it may use colour."""

from __future__ import annotations

import io

from pydrake.report.status import StatusLine, color_enabled, expand


def test_expand_every_placeholder():
    assert expand("[%f/%t] %r %u %p %% %x", 3, 10, 2, 1.5) == "[3/10] 2 5  30% % %x"


def test_colour_rules():
    tty = io.StringIO()
    tty.isatty = lambda: True  # type: ignore[method-assign]
    plain = io.StringIO()
    assert color_enabled(tty, {})
    assert not color_enabled(tty, {"NO_COLOR": "1"})
    assert not color_enabled(plain, {})
    assert color_enabled(plain, {"FORCE_COLOR": "1"})
    assert color_enabled(plain, {"CLICOLOR_FORCE": "1", "NO_COLOR": "1"})
    assert not color_enabled(plain, {"FORCE_COLOR": "0"})


def test_status_line_redraws_in_place_and_clears():
    out = io.StringIO()
    line = StatusLine(out, "[%f/%t] ")
    line.update(1, 4, ["compile", "link"])
    assert out.getvalue() == "\r[1/4] compile link\x1b[K"
    line.clear()
    assert out.getvalue().endswith("\r\x1b[K")
    line.finish()
