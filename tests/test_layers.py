"""The package's layering: a lower layer never imports a higher one, and only the CLI imports click."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "pydrake"
# Lowest first. A module may import its own layer and the layers before it, never one after it.
LAYERS = ["syntax", "runtime", "rake", "engine", "lint", "report", "application", "cli"]
# Layers that share another's rank: the Python API is an edge beside the command line.
PEERS = {"api": "cli"}
# The package root runs before any submodule is imported, so it may import no layer at all, except
# these, and only lazily (inside a function, or under ``if TYPE_CHECKING:``): the API on first access.
ROOT = -1
ROOT_LAZY_IMPORTS = {"pydrake.api"}
DYNAMIC_IMPORTERS = {"import_module", "__import__"}


@dataclass(frozen=True)
class Import:
    """One module named by an import in a source file; ``lazy`` when inside a function or ``if TYPE_CHECKING:``."""

    path: Path
    line: int
    module: str
    lazy: bool = False


def module_name(path: Path, package_dir: Path) -> str:
    """The dotted module name of a source file below the package folder."""
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_relative(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """The absolute module named by ``from <level dots><module> import ...`` inside ``importer``."""
    if level == 0:
        return module or ""
    parts = importer.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def imports_of(path: Path, package_dir: Path) -> list[Import]:
    """Every module a file imports, at the top or inside functions, including ``importlib.import_module("literal")``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    importer = module_name(path, package_dir)
    is_package = path.name == "__init__.py"
    lazy = _lazy_nodes(tree)
    found = []
    for node in ast.walk(tree):
        deferred = id(node) in lazy
        if isinstance(node, ast.Import):
            found += [Import(path, node.lineno, alias.name, deferred) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_relative(node.module, node.level, importer, is_package)
            if base == importer.split(".")[0]:  # `from pydrake import engine` names the layers in its list
                found += [
                    Import(path, node.lineno, f"{base}.{alias.name}", deferred) for alias in node.names if alias.name != "*"
                ]
            else:
                found.append(Import(path, node.lineno, base, deferred))
        elif isinstance(node, ast.Call) and _called_name(node.func) in DYNAMIC_IMPORTERS:
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append(Import(path, node.lineno, node.args[0].value, deferred))
    return found


def _lazy_nodes(tree: ast.Module) -> set[int]:
    """The ids of every node that does not run on import: inside a function, or under ``if TYPE_CHECKING:``."""
    lazy: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            bodies: list[ast.AST] = [node]
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            bodies = list(node.body)
        else:
            continue
        for body in bodies:
            lazy.update(id(inner) for inner in ast.walk(body))
    return lazy


def _is_type_checking(test: ast.expr) -> bool:
    """``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _called_name(func: ast.expr) -> str | None:
    """The bare name of a called function (``f`` or ``x.f``)."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def layer_name(module: str, package: str = "pydrake") -> str | None:
    """The name of the layer a module belongs to (``cli``, ``api``...); None for the root or no layer."""
    parts = module.split(".")
    if parts[0] != package or len(parts) == 1:
        return None
    return parts[1] if parts[1] in LAYERS or parts[1] in PEERS else None


def layer_of(module: str, package: str = "pydrake") -> int | None:
    """The rank of the layer a module belongs to; ROOT for the package itself; None when in no layer."""
    parts = module.split(".")
    if parts[0] != package:
        return None
    if len(parts) == 1:
        return ROOT
    name = layer_name(module, package)
    return None if name is None else LAYERS.index(PEERS.get(name, name))


def violations(package_dir: Path) -> list[str]:
    """Every import that breaks the layering or brings click outside the CLI, as readable lines."""
    package = package_dir.name
    problems = []
    for path in sorted(package_dir.rglob("*.py")):
        importer = module_name(path, package_dir)
        own = layer_of(importer, package)
        where = path.relative_to(package_dir.parent)
        for imp in imports_of(path, package_dir):
            if imp.module.split(".")[0] == "click" and layer_name(importer, package) != "cli":
                problems.append(f"{where}:{imp.line}: imports {imp.module}; only the cli layer may use click")
            target = layer_of(imp.module, package)
            if own is None or target is None or target == ROOT or target <= own:
                continue
            if own == ROOT and imp.lazy and imp.module in ROOT_LAZY_IMPORTS:
                continue
            name = "the package root" if own == ROOT else f"layer {layer_name(importer, package)}"
            problems.append(f"{where}:{imp.line}: {name} imports {imp.module} (layer {layer_name(imp.module, package)})")
    return sorted(set(problems))


def test_package_respects_layers() -> None:
    """No module of pydrake imports a higher layer, and click stays in the CLI."""
    assert list(PACKAGE_DIR.rglob("*.py")), "no source files found under pydrake/"
    assert violations(PACKAGE_DIR) == []


def _write(root: Path, files: dict[str, str]) -> Path:
    """A throwaway package named pydrake under root, holding these files."""
    for rel, text in files.items():
        p = root / "pydrake" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return root / "pydrake"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"runtime/a.py": "import pydrake.engine.runner\n"},
            ["pydrake/runtime/a.py:1: layer runtime imports pydrake.engine.runner (layer engine)"],
        ),
        (
            {"syntax/a.py": "def f():\n    from ..report import text\n"},
            ["pydrake/syntax/a.py:2: layer syntax imports pydrake.report (layer report)"],
        ),
        (
            {"rake/__init__.py": "from .. import engine\n"},
            ["pydrake/rake/__init__.py:1: layer rake imports pydrake.engine (layer engine)"],
        ),
        (
            {"engine/a.py": "import importlib\nimportlib.import_module('pydrake.application')\n"},
            ["pydrake/engine/a.py:2: layer engine imports pydrake.application (layer application)"],
        ),
        (
            {"__init__.py": "from pydrake import syntax\n"},
            ["pydrake/__init__.py:1: the package root imports pydrake.syntax (layer syntax)"],
        ),
        (
            {"report/a.py": "from click import echo\n"},
            ["pydrake/report/a.py:1: imports click; only the cli layer may use click"],
        ),
        (
            {
                "cli.py": "import click\nfrom pydrake.application import run\n",
                "engine/a.py": "from pydrake.runtime import objects\nfrom . import plan\n",
            },
            [],
        ),
        (
            {
                "api/__init__.py": "from pydrake.application import Application\nfrom pydrake import cli\n",
                "cli.py": "def f():\n    from pydrake.api import load\n",
            },
            [],
        ),
        (
            {"application.py": "def f():\n    from pydrake.api import load\n"},
            ["pydrake/application.py:2: layer application imports pydrake.api (layer api)"],
        ),
        (
            {"api/a.py": "import click\n"},
            ["pydrake/api/a.py:1: imports click; only the cli layer may use click"],
        ),
        (
            {
                "__init__.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pydrake.api import load\n"
                "def __getattr__(name):\n    from pydrake import api\n"
            },
            [],
        ),
        (
            {"__init__.py": "from pydrake import api\n"},
            ["pydrake/__init__.py:1: the package root imports pydrake.api (layer api)"],
        ),
        (
            {"__init__.py": "def __getattr__(name):\n    from pydrake import cli\n    import pydrake.api.project\n"},
            [
                "pydrake/__init__.py:2: the package root imports pydrake.cli (layer cli)",
                "pydrake/__init__.py:3: the package root imports pydrake.api.project (layer api)",
            ],
        ),
    ],
)
def test_checker_finds_violations(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    """The checker reports upward imports (top-level, lazy, relative, dynamic) and click outside the CLI, and nothing else."""
    assert violations(_write(tmp_path, files)) == expected
