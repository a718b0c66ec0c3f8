"""Standard-library shims load on the first require that needs them, and only the one it needs."""

from __future__ import annotations

import subprocess
import sys

from pydrake.runtime import core


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter, so that only what it imports is loaded."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_each_first_choice_shim_provides_its_library():
    code = (
        "import importlib\n"
        "from pydrake.runtime import core\n"
        "from pydrake.runtime.interpreter import _DEFAULT_FEATURES\n"
        "for feature, short in core.FIRST_CHOICE.items():\n"
        "    importlib.import_module('pydrake.runtime.stdlib.' + short)\n"
        "    assert feature in _DEFAULT_FEATURES, feature\n"
    )
    done = _python(code)
    assert done.returncode == 0, done.stderr


def test_every_first_choice_shim_is_an_on_require_module():
    assert {f"pydrake.runtime.stdlib.{short}" for short in core.FIRST_CHOICE.values()} <= set(core.ON_REQUIRE)


def test_require_json_loads_the_json_shim_alone():
    code = (
        "import sys\n"
        "from pydrake.runtime.interpreter import Interpreter\n"
        "rt = Interpreter()\n"
        "rt.eval_source('require \"json\"; puts JSON.generate([1])')\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('pydrake.runtime.stdlib.')))\n"
    )
    done = _python(code)
    assert done.returncode == 0, done.stderr
    out, loaded = done.stdout.splitlines()
    assert out == "[1]"
    assert "yaml" not in loaded and "erb" not in loaded and "json" in loaded


def test_an_unknown_library_is_still_a_load_error():
    from pydrake.runtime.interpreter import Interpreter
    from pydrake.runtime.objects import RubyError

    rt = Interpreter()
    try:
        rt.eval_source('require "no_such_library_here"')
    except RubyError as error:
        assert rt.real_class(error.exc).name == "LoadError"
    else:
        raise AssertionError("no LoadError")
