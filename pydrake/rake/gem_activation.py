"""Kernel#gem: activate the newest installed version of a gem that meets the requirements, as RubyGems 3.3 does."""

from __future__ import annotations

import os
import re
from typing import Any

from pydrake.rake.tasklibs import gem_search_dirs
from pydrake.runtime.objects import RString, truthy
from pydrake.runtime.stdlib.rubygems import MISSING_SPEC_ERROR, MISSING_SPEC_VERSION_ERROR, REQUIREMENT, VERSION

# The gems ``rake`` itself has activated before a Rakefile runs.
PRELOADED = ("error_highlight", "did_you_mean", "rake", "fileutils", "singleton", "optparse", "ostruct", "etc")
# RubyGems reads default gems from here whatever $GEM_PATH says (Debian's Ruby 3.1).
DEFAULT_SPECS_DIR = "/usr/lib/ruby/gems/3.1.0/specifications/default"
SPEC_FILE = re.compile(r"(.+?)-(\d[\w.]*)(?:-[\w-]+)?\.gemspec$")


def installed_specs() -> list[tuple[str, str]]:
    """Every installed (name, version): the gem directories' and the default gems, each once."""
    found: dict[str, tuple[str, str]] = {}
    for folder in [os.path.join(base, "specifications") for base in gem_search_dirs()] + [DEFAULT_SPECS_DIR]:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for file_name in names:
            m = SPEC_FILE.match(file_name)
            if m is not None:
                found.setdefault(file_name, (m.group(1), m.group(2)))
    return list(found.values())


def _activated(rt: Any) -> dict[str, str]:
    """name -> version of the gems activated in ``rt`` (the preloaded ones first)."""
    table: dict[str, str] | None = getattr(rt, "_activated_gems", None)
    if table is None:
        table = {}
        for name, version in installed_specs():
            if name in PRELOADED and _newer(rt, version, table.get(name)):
                table[name] = version
        rt._activated_gems = table
    return table


def _version(rt: Any, text: str) -> Any:
    return rt.call(VERSION, "new", RString(text))


def _newer(rt: Any, version: str, than: str | None) -> bool:
    return than is None or truthy(rt.call(_version(rt, version), ">", _version(rt, than)))


def _checked_in() -> str:
    return f"Checked in 'GEM_PATH={os.pathsep.join(gem_search_dirs())}' , execute `gem env` for more information"


def kernel_gem(rt: Any, recv: Any, name: Any, *requirements: Any, block: Any = None) -> bool:
    """``gem name, *requirements``: true when it activates a version, false when one already is."""
    gem_name = rt.to_s(name)
    requirement = rt.call(REQUIREMENT, "create", list(requirements))
    activated = _activated(rt)

    def meets(version: str) -> bool:
        return truthy(rt.call(requirement, "satisfied_by?", _version(rt, version)))

    current = activated.get(gem_name)
    if current is not None and meets(current):
        return False
    versions = _newest_first(rt, [v for n, v in installed_specs() if n == gem_name])
    matching = [v for v in versions if meets(v)]
    wanted = rt.to_s(rt.call(requirement, "to_s"))
    if not matching:
        if versions:
            names = ",".join(f"{gem_name}-{v}" for v in versions)
            message = f"Could not find '{gem_name}' ({wanted}) - did find: [{names}]\n"
            raise rt.error(MISSING_SPEC_VERSION_ERROR, message + _checked_in())
        total = len(installed_specs())
        message = f"Could not find '{gem_name}' ({wanted}) among {total} total gem(s)\n"
        raise rt.error(MISSING_SPEC_ERROR, message + _checked_in())
    activated[gem_name] = matching[0]
    return True


def _newest_first(rt: Any, versions: list[str]) -> list[str]:
    """The versions from the newest down (as RubyGems lists what it did find)."""
    import functools

    def compare(a: str, b: str) -> int:
        return int(rt.call(_version(rt, b), "<=>", _version(rt, a)))

    return sorted(versions, key=functools.cmp_to_key(compare))
