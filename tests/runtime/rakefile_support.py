"""Run pydrake on a one-file Rakefile, as the census of real Rakefiles does (``bench/census.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def pydrake(
    folder: Path, rakefile: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Write ``rakefile`` into ``folder`` and run ``python -m pydrake args`` there (with ``env`` added)."""
    (folder / "Rakefile").write_text(rakefile)
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("RAKE", "PYDRAKE"))}
    run_env.update(env or {})
    run_env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "pydrake", *args], cwd=folder, env=run_env, capture_output=True, text=True, timeout=60
    )


def outcome(folder: Path, rakefile: str, *args: str) -> tuple[int, str, str]:
    """The exit status, stdout and stderr of ``pydrake(folder, rakefile, *args)``."""
    result = pydrake(folder, rakefile, *args)
    return result.returncode, result.stdout, result.stderr
