"""Helpers for the interpreter tests: run Ruby source and capture what it prints."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RubyError


def run_ruby(src: str, file: str = "test.rb", rt: Interpreter | None = None) -> tuple[str, str]:
    """Run ``src`` (dedented) in a fresh interpreter; its stdout and stderr."""
    rt = rt or Interpreter()
    out, err = io.StringIO(), io.StringIO()
    rt.push_output(out, err)
    try:
        rt.eval_source(textwrap.dedent(src), file)
    finally:
        rt.pop_output()
    return out.getvalue(), err.getvalue()


def out(src: str) -> str:
    """What ``src`` prints on stdout."""
    return run_ruby(src)[0]


def ruby_error(src: str) -> tuple[str, str]:
    """The class name and message of the Ruby exception ``src`` raises."""
    rt = Interpreter()
    try:
        run_ruby(src, rt=rt)
    except RubyError as e:
        return rt.real_class(e.exc).name, rt.to_s(rt.call(e.exc, "message"))
    raise AssertionError("no exception raised")


def value(src: str) -> Any:
    """The Python value of the last expression of ``src``."""
    return Interpreter().eval_source(textwrap.dedent(src), "test.rb")
