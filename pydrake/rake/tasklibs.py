"""The task libraries Rakefiles require (Rake's own and the gems' rake tasks), shipped as Ruby under ``lib/``."""

# Their actions run the external programs the real libraries run; Rake::TaskLibSupport finds those programs
# (and installed gems) and warns on stderr, before Rake's own failure report, when one is missing.

from __future__ import annotations

import os
import re
from typing import Any

from pydrake.rake.dsl import app_of, dsl_task
from pydrake.rake.ruby_classes import APPLICATION, RAKE
from pydrake.runtime.classes import CORE, builtin
from pydrake.runtime.objects import RModule, RProc, RString, Symbol

LIB_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "lib")

# ``require`` name -> the Ruby file under LIB_DIR that provides it.
RUBY_FEATURES = {
    "rake/tasklib": "rake/tasklib.rb",
    "rake/file_utils_ext": "rake/file_utils_ext.rb",
    "rake/testtask": "rake/testtask.rb",
    "rake/packagetask": "rake/packagetask.rb",
    "rake/loaders/makefile": "rake/loaders/makefile.rb",
    "rake/baseextensiontask": "rake/baseextensiontask.rb",
    "rake/extensiontask": "rake/extensiontask.rb",
    "rubygems/package_task": "rubygems/package_task.rb",
    "bundler": "bundler.rb",
    "bundler/setup": "bundler/setup.rb",
    "bundler/gem_helper": "bundler/gem_helper.rb",
    "bundler/gem_tasks": "bundler/gem_tasks.rb",
    "rspec/core/rake_task": "rspec/core/rake_task.rb",
    "rubocop/rake_task": "rubocop/rake_task.rb",
    "rdoc": "rdoc.rb",
    "rdoc/rdoc": "rdoc/rdoc.rb",
    "rdoc/task": "rdoc/task.rb",
    "yard": "yard.rb",
    "yard/rake/yardoc_task": "yard/rake/yardoc_task.rb",
    "cucumber/rake/task": "cucumber/rake/task.rb",
}

# Where gems live on a Debian Ruby 3.1 system besides $GEM_PATH and $GEM_HOME; gems install into the second.
DEFAULT_GEM_HOME = "/var/lib/gems/3.1.0"
SYSTEM_GEM_DIRS = (
    "~/.local/share/gem/ruby/3.1.0",
    DEFAULT_GEM_HOME,
    "/usr/local/lib/ruby/gems/3.1.0",
    "/usr/lib/ruby/gems/3.1.0",
    "/usr/lib/x86_64-linux-gnu/ruby/gems/3.1.0",
    "/usr/share/rubygems-integration/3.1.0",
    "/usr/share/rubygems-integration/all",
    "/usr/lib/x86_64-linux-gnu/rubygems-integration/3.1.0",
)

SUPPORT = RModule("Rake::TaskLibSupport", RAKE)
RAKE.constants["TaskLibSupport"] = SUPPORT
CORE["Rake::TaskLibSupport"] = SUPPORT


def install_tasklibs(rt: Any) -> None:
    """Make ``require`` of every task library work in ``rt``."""
    for feature, relative in RUBY_FEATURES.items():
        rt.register_feature(feature, _ruby_feature(os.path.join(LIB_DIR, relative)))
    rt.register_feature("rake/phony", _phony)
    rt.define_global_function("gem", _kernel_gem)


def _kernel_gem(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> bool:
    """``gem name, *requirements``: activate an installed gem (see ``gem_activation``)."""
    from pydrake.rake.gem_activation import kernel_gem

    return kernel_gem(rt, recv, *args, block=block)


def _ruby_feature(path: str) -> Any:
    def load(rt: Any) -> None:
        rt.load_file(path)

    load.__doc__ = f"``require`` of {os.path.basename(path)}: run the Ruby library."
    return load


def _phony(rt: Any) -> None:
    """``require "rake/phony"``: the ``phony`` task, whose timestamp is ``Time.at(0)``."""
    task = dsl_task(rt, None, Symbol.of("phony"))
    task.timestamp = lambda: 0  # type: ignore[method-assign]


# ------------------------------------------------------------ Rake.application.add_loader


@builtin(APPLICATION, "add_loader")
def app_add_loader(rt: Any, recv: Any, ext: Any, loader: Any, block: RProc | None = None) -> Any:
    """``add_loader("mf", loader)``: imports ending in ``.mf`` are read by ``loader.load(path)``."""
    name = rt.to_s(ext)
    if not name.startswith("."):
        name = "." + name
    recv.loaders[name] = lambda path: rt.call(loader, "load", RString(path))
    return loader


# ------------------------------------------------------------ finding programs and gems


def which(program: str) -> str | None:
    """The full path of ``program`` as the shell would find it, or None."""
    if os.sep in program:
        return program if os.path.isfile(program) and os.access(program, os.X_OK) else None
    import shutil

    return shutil.which(program)


def gem_search_dirs() -> list[str]:
    """The gem directories as Rubygems orders them ($GEM_PATH replaces the system's unless it ends with ":")."""
    gem_path = os.environ.get("GEM_PATH")
    home = os.environ.get("GEM_HOME")
    defaults = [os.path.expanduser(d) for d in SYSTEM_GEM_DIRS]
    if gem_path:
        dirs = [d for d in gem_path.split(os.pathsep) if d] + [home or DEFAULT_GEM_HOME]
        if gem_path.endswith(os.pathsep):
            dirs += defaults
    else:
        dirs = ([home] if home else []) + defaults
    return list(dict.fromkeys(dirs))


def _version_key(path: str, name: str) -> tuple[Any, ...]:
    version = os.path.basename(path)[len(name) + 1:]
    return tuple((0, int(p)) if p.isdigit() else (-1, p) for p in version.split("."))


def gem_dir(name: str) -> str | None:
    """The directory of the newest installed version of gem ``name``, or None."""
    import glob
    pattern = re.compile(re.escape(name) + r"-\d[\w.]*$")
    found = []
    for base in gem_search_dirs():
        for path in glob.glob(os.path.join(glob.escape(base), "gems", glob.escape(name) + "-*")):
            if pattern.match(os.path.basename(path)) and os.path.isdir(path):
                found.append(path)
    if not found:
        return None
    return max(found, key=lambda p: _version_key(p, name))


def collapse_backtrace(lines: list[str], suppress: re.Pattern[str] | None = None) -> list[str]:
    """A short report's backtrace: without the lines ``suppress`` matches (``--suppress-backtrace``), else
    without the task libraries' own frames and the standard library's Ruby parts (``<internal:name>``),
    as Rake leaves out its own and Ruby's library frames (the pattern replaces that rule)."""
    if suppress is not None:
        return [line for line in lines if suppress.search(line) is None]
    prefix = str(LIB_DIR) + os.sep
    return [line for line in lines if not line.startswith((prefix, "<internal:"))]


def missing_program_warning(app_name: str, program: str, provider: str | None) -> str:
    """The line printed on stderr before running a program that is not installed."""
    source = f" (it comes with {provider})" if provider else ""
    return f"{app_name}: warning: {program} is not installed{source}\n"


@builtin(SUPPORT, "which", singleton=True)
def support_which(rt: Any, mod: Any, program: Any, block: RProc | None = None) -> RString | None:
    """``which(program)``: its full path, or nil."""
    found = which(rt.to_s(program))
    return None if found is None else RString(found)


@builtin(SUPPORT, "gem_dir", singleton=True)
def support_gem_dir(rt: Any, mod: Any, name: Any, block: RProc | None = None) -> RString | None:
    """``gem_dir(name)``: the newest installed version's directory, or nil."""
    found = gem_dir(rt.to_s(name))
    return None if found is None else RString(found)


@builtin(SUPPORT, "warn_if_missing", singleton=True)
def support_warn_if_missing(rt: Any, mod: Any, program: Any, provider: Any = None, block: RProc | None = None) -> bool:
    """``warn_if_missing(program, provider)``: warn on stderr when ``program`` is not installed; true if it is."""
    name = rt.to_s(program)
    if which(name) is not None:
        return True
    rt.stdout.flush()
    rt.stderr.write(missing_program_warning(app_of(rt).name, name, None if provider is None else rt.to_s(provider)))
    rt.stderr.flush()
    return False


@builtin(SUPPORT, "lib_dir", singleton=True)
def support_lib_dir(rt: Any, mod: Any, block: RProc | None = None) -> RString:
    """Where the task libraries' Ruby files are."""
    return RString(str(LIB_DIR))
