"""Put Rake into an interpreter: the DSL, the ``Rake`` constants, and what ``require "rake/..."`` loads."""

from __future__ import annotations

import os
from typing import Any

from pydrake.rake import ruby_api, string_ext  # noqa: F401 - register the Ruby methods of the rake model
from pydrake.rake.dsl import app_of, fileutils_call, install_dsl
from pydrake.rake.rake_application import RakeApplication
from pydrake.rake.ruby_classes import FILE_LIST, RAKE
from pydrake.rake.tasklibs import install_tasklibs
from pydrake.runtime.classes import CORE
from pydrake.runtime.objects import RString

# Features that only need to succeed: what they provide is always there.
PLAIN_FEATURES = (
    "rake", "rake/dsl_definition", "rake/file_utils", "rake/file_utils_ext", "rake/file_list", "rake/task",
    "rake/file_task", "rake/tasklib", "rake/task_manager", "rake/application", "rake/ext/string", "fileutils",
)


def install_rake(rt: Any, app: RakeApplication) -> None:
    """Make ``rt`` a Rake interpreter for ``app``."""
    from pydrake.rake import file_list  # noqa: F401 - registers FileList's Ruby methods

    rt.rake_app = app
    install_dsl(rt)
    rt.constants["Rake"] = RAKE
    rt.constants["FileList"] = FILE_LIST
    rt.constants["FileUtils"] = CORE["FileUtils"]
    for name in PLAIN_FEATURES:
        rt.register_feature(name, _plain)
    rt.register_feature("rake/clean", _rake_clean)
    install_tasklibs(rt)


def _plain(rt: Any) -> None:
    return None


def _rake_clean(rt: Any) -> None:
    """``require "rake/clean"``: CLEAN and CLOBBER, and the ``clean`` and ``clobber`` tasks."""
    from pydrake.rake.dsl import dsl_desc, dsl_task
    from pydrake.rake.file_list import FileList, clean_list
    from pydrake.runtime.objects import Symbol

    clean = clean_list()
    clobber = FileList()
    RAKE.constants.setdefault("Cleaner", CORE.get("Rake::Cleaner"))
    rt.constants["CLEAN"] = clean
    rt.constants["CLOBBER"] = clobber
    app = app_of(rt)

    def cleanup(names: Any) -> None:
        for item in rt.call(names, "to_a"):
            name = rt.to_s(item)
            try:
                fileutils_call(rt, "rm_r", RString(name), _verbose_hash(bool(app.options.trace)))
            except Exception as exc:  # noqa: BLE001 - Rake reports and carries on for any StandardError
                if os.path.lexists(name):
                    rt.stdout.write(f"Failed to remove {name}: {_message(rt, exc)}\n")

    dsl_desc(rt, None, RString("Remove any temporary products."))
    dsl_task(rt, None, Symbol.of("clean"), block=_native_block(lambda *a: cleanup(rt.constants["CLEAN"])))
    dsl_desc(rt, None, RString("Remove any generated files."))
    clobber_deps = _hash({Symbol.of("clobber"): [Symbol.of("clean")]})
    dsl_task(rt, None, clobber_deps, block=_native_block(lambda *a: cleanup(rt.constants["CLOBBER"])))


def _message(rt: Any, exc: BaseException) -> str:
    from pydrake.runtime.objects import RubyError

    if isinstance(exc, RubyError):
        return rt.to_s(rt.call(exc.exc, "message"))
    return str(exc)


def _verbose_hash(flag: bool) -> Any:
    from pydrake.runtime.objects import Symbol

    return _hash({Symbol.of("verbose"): flag})


def _hash(items: dict[Any, Any]) -> Any:
    from pydrake.runtime.objects import RHash

    return RHash(items)


def _native_block(fn: Any) -> Any:
    from pydrake.runtime.objects import RProc

    return RProc(None, None, None, None, native=fn)
