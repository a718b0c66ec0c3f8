"""Fixtures for the Python API tests: a project folder written from a dict of files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Write files (relative path -> text) under a fresh folder; the folder."""

    def make(files: dict[str, str], folder: str = "project") -> Path:
        root = tmp_path / folder
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        return root

    return make
