"""Load a Rakefile written in a test, as ``pydrake --lint`` would, and lint it in-process."""

from __future__ import annotations

import io
import os
import sys
from contextlib import chdir, redirect_stdout
from pathlib import Path
from typing import Any

from pydrake.application import Application
from pydrake.lint import LintResult, lint
from pydrake.lint.graph import LintGraph, build_graph
from pydrake.options import parse_args


def write_project(folder: Path, rakefile: str, files: dict[str, str] | None = None) -> Path:
    """The Rakefile and any source files, under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Rakefile").write_text(rakefile)
    for name, text in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


def loaded(folder: Path) -> Application:
    """An application with the folder's Rakefile loaded for --lint (nothing run)."""
    app = Application(parse_args(["--lint"], dict(os.environ)))
    app.init()
    app.load_rakefile()
    return app


def lint_folder(folder: Path, names: list[str] | None = None) -> LintResult:
    """Lint the folder's Rakefile in-process."""
    with chdir(folder):
        app = loaded(folder)
        return lint(app.rt, app.app.manager, names)


def graph_of(folder: Path) -> LintGraph:
    """The lint graph of every task of the folder's Rakefile."""
    with chdir(folder):
        app = loaded(folder)
        return build_graph(app.rt, app.app.manager, None, os.getcwd())


def run_cli(folder: Path, *args: str) -> tuple[int, str, str]:
    """``pydrake ARGS`` in-process from ``folder``: (status, stdout, stderr)."""
    from pydrake.cli import run

    out, err = io.StringIO(), io.StringIO()
    saved_err = sys.stderr
    with chdir(folder), redirect_stdout(out):
        sys.stderr = err
        try:
            status = run(list(args))
        finally:
            sys.stderr = saved_err
    return status, out.getvalue(), err.getvalue()


def kinds(result: LintResult) -> list[tuple[str, int, str]]:
    """(kind, line, file) of each finding."""
    return [(f.kind, f.line, f.file) for f in result.findings]


def accesses(graph: LintGraph, name: str) -> set[tuple[str, str]]:
    """(mode, path) of everything the named task's footprint holds."""
    node: Any = next(n for n in graph.nodes if n.name == name)
    return {(a.mode, a.path) for a in node.footprint.accesses}
