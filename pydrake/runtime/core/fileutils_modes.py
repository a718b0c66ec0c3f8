"""FileUtils::Verbose, FileUtils::NoWrite and FileUtils::DryRun: FileUtils with ``verbose:``/``noop:`` forced on."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import CORE, builtin
from pydrake.runtime.core.fileutils import FILEUTILS
from pydrake.runtime.objects import RHash, RModule, Symbol

# fileutils 1.6's ``collect_method(:verbose)`` and ``collect_method(:noop)``: the verbs each mode overrides.
VERBOSE_VERBS = (
    "cd chdir chmod chmod_R chown chown_R copy cp cp_lr cp_r install link ln ln_s ln_sf makedirs mkdir "
    "mkdir_p mkpath move mv remove rm rm_f rm_r rm_rf rmdir rmtree safe_unlink symlink touch"
).split()
NOOP_VERBS = [v for v in VERBOSE_VERBS if v not in ("cd", "chdir")]
# fileutils' LowMethods: under NoWrite and DryRun these do nothing and return nil.
LOW_METHODS = (
    "cd chdir pwd getwd cmp compare_file identical? compare_stream copy_entry copy_file copy_stream "
    "link_entry remove_dir remove_entry remove_entry_secure remove_file uptodate?"
).split()


def _forcing(verb: str, forced: dict[str, bool]) -> Any:
    """The FileUtils verb called with the ``forced`` options added (over any the caller gave)."""

    def method(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
        items = list(args)
        opts = RHash()
        if items and isinstance(items[-1], RHash) and all(isinstance(k, Symbol) for k in items[-1]):
            opts = RHash(items.pop())
        for key, value in forced.items():
            opts[Symbol.of(key)] = value
        return FILEUTILS.smethods[verb](rt, FILEUTILS, *items, opts, block=block)

    method.__name__ = verb
    method.__doc__ = f"FileUtils.{verb} with " + ", ".join(f"{k}: true" for k in forced) + "."
    return method


def _do_nothing(rt: Any, recv: Any, *args: Any, block: Any = None) -> None:
    """A LowMethods verb under NoWrite/DryRun: nothing happens."""
    return None


def _mode(name: str, verbs: list[str], forced: dict[str, bool], low: bool) -> RModule:
    """One mode module: FileUtils included, the verbs overridden, every method also a module function."""
    mod = RModule(f"FileUtils::{name}", FILEUTILS)
    mod.includes.append(FILEUTILS)
    FILEUTILS.constants[name] = mod
    CORE[mod.name] = mod
    mod.extends.append(mod)  # ``extend self``: the module functions are the instance methods
    for verb in verbs:
        if verb in FILEUTILS.smethods:
            builtin(mod, verb)(_forcing(verb, forced))
    if low:
        builtin(mod, *(v for v in LOW_METHODS if v in FILEUTILS.smethods))(_do_nothing)
    return mod


VERBOSE = _mode("Verbose", VERBOSE_VERBS, {"verbose": True}, low=False)
NO_WRITE = _mode("NoWrite", NOOP_VERBS, {"noop": True}, low=True)
DRY_RUN = _mode("DryRun", NOOP_VERBS, {"noop": True, "verbose": True}, low=True)
