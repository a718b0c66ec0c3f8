"""Rake::FileList: file name patterns resolved lazily into a list, with Array methods delegated to it."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from typing import Any

from pydrake.rake import pathmap as pathmap_mod
from pydrake.rake.ruby_classes import FILE_LIST
from pydrake.runtime import core, rubyregex
from pydrake.runtime.classes import ARRAY, CORE, builtin, class_of, register_type
from pydrake.runtime.core import array as array_mod
from pydrake.runtime.core.enumerable import uniq_values
from pydrake.runtime.core.file import to_path
from pydrake.runtime.glob import FNM_EXTGLOB, FNM_PATHNAME, fnmatch, glob
from pydrake.runtime.objects import RHash, RModule, RProc, RRegexp, RString, RubyError, Symbol, truthy

# An include entry containing any of these is a glob pattern; anything else is added literally.
_GLOB = re.compile(r"[*?\[{]")


def _regexp(source: str) -> RRegexp:
    return RRegexp(source, 0, None)  # translated when first used


_CORE_NAME = _regexp(r"(^|[\/\\])core$")


def _core_file(rt: Any, fn: Any) -> bool:
    """The default exclusion of a file (not a directory) named ``core``."""
    return _regexp_matches(rt, _CORE_NAME, fn) and not os.path.isdir(_path(rt, fn))


# Shared with Ruby as Rake::FileList::DEFAULT_IGNORE_PATTERNS; every new FileList starts with a copy.
DEFAULT_IGNORE_PATTERNS: list[Any] = [
    _regexp(r"(^|[\/\\])CVS([\/\\]|$)"),
    _regexp(r"(^|[\/\\])\.svn([\/\\]|$)"),
    _regexp(r"\.bak$"),
    _regexp(r"~$"),
]
DEFAULT_IGNORE_PROCS: list[Any] = [_core_file]

# Array methods whose results come back as FileLists (``partition`` gives two of them).
SPECIAL_RETURN = frozenset(
    "map collect sort sort_by select find_all reject grep compact flatten uniq values_at + - & |".split()
)
# Ruby 3.1's Object.instance_methods: Array methods of these names are not delegated.
_OBJECT_METHODS = frozenset(
    """! != !~ <=> == === =~ __id__ __send__ class clone define_singleton_method display dup enum_for
    eql? equal? extend freeze frozen? hash inspect instance_eval instance_exec instance_of?
    instance_variable_defined? instance_variable_get instance_variable_set instance_variables is_a?
    itself kind_of? method methods nil? object_id private_methods protected_methods public_method
    public_methods public_send remove_instance_variable respond_to? send singleton_class singleton_method
    singleton_methods taint tainted? tap then to_enum to_s trust untaint untrust untrusted? yield_self""".split()
)
_MUST_DEFINE = ("inspect", "<=>")
_MUST_NOT_DEFINE = frozenset(("to_a", "to_ary", "partition", "*", "<<"))


class FileList:
    """Rake::FileList: pending include patterns, exclusion rules and the resolved file names.

    Includes are resolved on first access (``resolve``) and never again until
    another ``include``; a lock makes that resolution safe when parallel tasks
    touch the same list.
    """

    __slots__ = ("pending_add", "pending", "exclude_patterns", "exclude_procs", "items", "frozen", "_lock")

    def __init__(self) -> None:
        self.pending_add: list[Any] = []
        self.pending = False
        self.exclude_patterns: list[Any] = list(DEFAULT_IGNORE_PATTERNS)
        # Python callables ``fn(rt, name)`` and Ruby blocks
        self.exclude_procs: list[Any] = list(DEFAULT_IGNORE_PROCS)
        self.items: list[Any] = []
        self.frozen = False
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        state = " (pending)" if self.pending else ""
        return f"FileList({self.items!r}{state})"

    @classmethod
    def of(cls, *patterns: str | RString) -> FileList:
        """A FileList of Python or Ruby strings, as ``FileList[*patterns]``."""
        fl = cls()
        fl.pending_add = [p if isinstance(p, RString) else RString(p) for p in patterns]
        fl.pending = bool(patterns)
        return fl

    @classmethod
    def imported(cls, items: list[Any]) -> FileList:
        """A new resolved FileList holding ``items`` (Rake's ``FileList.new.import(items)``)."""
        fl = cls()
        fl.items = items
        return fl

    # ------------------------------------------------------------ state changes

    def check_assign(self, rt: Any) -> None:
        """Raise FrozenError where Rake would assign an instance variable of a frozen list."""
        if self.frozen:
            what = " ..." if self.pending else rt.inspect(self.items)
            raise rt.error("FrozenError", f"can't modify frozen Rake::FileList: {what}")

    def include(self, rt: Any, *names: Any) -> FileList:
        """Record more patterns or names (Arrays and FileLists are flattened)."""
        with self._lock:
            self._add_pending(rt, names)
            self.check_assign(rt)
            self.pending = True
        return self

    def _add_pending(self, rt: Any, names: Any) -> None:
        for fn in names:
            inner = _array_of(rt, fn)
            if inner is not None:
                self._add_pending(rt, inner)
            else:
                self.pending_add.append(_from_pathname(rt, fn))

    def exclude(self, rt: Any, *patterns: Any, block: Any = None) -> FileList:
        """Add exclusion patterns (and a block); an already resolved list is filtered at once."""
        with self._lock:
            self._add_excludes(rt, patterns)
            if block is not None:
                self.exclude_procs.append(block)
            if not self.pending:
                self.resolve_exclude(rt)
        return self

    def _add_excludes(self, rt: Any, patterns: Any) -> None:
        for pat in patterns:
            inner = _array_of(rt, pat)
            if inner is not None:
                self._add_excludes(rt, inner)
            else:
                self.exclude_patterns.append(_from_pathname(rt, pat))

    def clear_exclude(self, rt: Any) -> FileList:
        """Drop every exclusion, the default ones included."""
        with self._lock:
            self.check_assign(rt)
            self.exclude_patterns = []
            self.exclude_procs = []
        return self

    def resolve(self, rt: Any) -> FileList:
        """Glob the pending patterns (once) and apply the exclusions."""
        with self._lock:
            if self.pending:
                self.check_assign(rt)
                self.pending = False
                adds, self.pending_add = self.pending_add, []
                for fn in adds:
                    self._resolve_add(rt, fn)
                self.resolve_exclude(rt)
        return self

    def to_list(self, rt: Any) -> list[Any]:
        """The resolved names (the list itself, not a copy)."""
        return self.resolve(rt).items

    def _resolve_add(self, rt: Any, fn: Any) -> None:
        text = fn.s if type(fn) is RString else (fn.name if type(fn) is Symbol else None)
        if text is not None and _GLOB.search(text):
            for match in glob_sorted(text):
                name = RString(match)
                if not self.excluded(rt, name):
                    self.items.append(name)
        else:
            self.items.append(fn)

    def resolve_exclude(self, rt: Any) -> None:
        """Remove the excluded names from the resolved list."""
        array_mod.check_frozen(rt, self.items)
        self.items[:] = [fn for fn in self.items if not self.excluded(rt, fn)]

    def append(self, rt: Any, obj: Any) -> FileList:
        """``<<``: resolve, then add one name as it is."""
        self.resolve(rt)
        items = self.items
        array_mod.check_frozen(rt, items)
        items.append(_from_pathname(rt, obj))
        return self

    def excluded(self, rt: Any, fn: Any) -> bool:
        """Whether a name matches an exclusion pattern or block."""
        for pat in self.exclude_patterns:
            if _pattern_matches(rt, pat, fn):
                return True
        for proc in self.exclude_procs:
            if type(proc) is RProc:
                if truthy(rt.call_block(proc, fn)):
                    return True
            elif proc(rt, fn):
                return True
        return False

    def copy(self, rt: Any, frozen: bool) -> FileList:
        """``dup``/``clone``: a copy of every part of the state (Rake::Cloneable)."""
        with self._lock:
            c = FileList()
            c.pending_add = list(self.pending_add)
            c.pending = self.pending
            c.exclude_patterns = list(self.exclude_patterns)
            c.exclude_procs = list(self.exclude_procs)
            c.items = list(self.items)
            if array_mod.is_frozen(self.items):
                array_mod.freeze(c.items)
            c.frozen = frozen
        return c


register_type(FileList, FILE_LIST)


def glob_sorted(pattern: str) -> list[str]:
    """``Dir.glob(pattern).sort``: the matches in byte order."""
    return sorted(glob(pattern), key=lambda s: s.encode("utf-8", "surrogateescape"))


def clean_list() -> FileList:
    """The list ``require 'rake/clean'`` calls CLEAN: backups, ``~`` files and core files, not core directories."""
    fl = FileList.of("**/*~", "**/*.bak", "**/core")
    fl.exclude_patterns = []
    fl.exclude_procs = [_core_directory]
    return fl


def _core_directory(rt: Any, fn: Any) -> bool:
    path = _path(rt, fn)
    return pathmap_mod.basename(path).lower() == "core" and os.path.isdir(path)


# ---------------------------------------------------------------- helpers


def _path(rt: Any, fn: Any) -> str:
    return fn.s if type(fn) is RString else to_path(rt, fn)


def _array_of(rt: Any, v: Any) -> list[Any] | None:
    """``v.to_ary`` when ``v`` responds to it (an Array or a FileList), else None."""
    if type(v) is list:
        return v
    if type(v) is FileList:
        return v.to_list(rt)
    if type(v) in (RString, RRegexp, Symbol) or v is None:
        return None
    return array_mod.array_like(rt, v)


def _from_pathname(rt: Any, v: Any) -> Any:
    """``Rake.from_pathname``: ``to_path`` then ``to_str`` when the value answers them."""
    if type(v) in (RString, RRegexp, Symbol, int, float, bool) or v is None:
        return v
    if rt.responds_to(v, "to_path"):
        v = rt.call(v, "to_path")
    if type(v) is not RString and rt.responds_to(v, "to_str"):
        v = rt.call(v, "to_str")
    return v


def _regexp_matches(rt: Any, pat: RRegexp, fn: Any) -> bool:
    if type(fn) is RString:
        return pat.pattern.search(fn.s) is not None
    if type(fn) is Symbol:
        return pat.pattern.search(fn.name) is not None
    return truthy(rt.call(fn, "=~", pat))


def _pattern_matches(rt: Any, pat: Any, fn: Any) -> bool:
    """One exclusion pattern: a Regexp (``=~``), a glob (``File.fnmatch?``) or a name (``==``)."""
    if type(pat) is RRegexp:
        return _regexp_matches(rt, pat, fn)
    if type(pat) is RString:
        if _GLOB.search(pat.s):
            return fnmatch(pat.s, _path(rt, fn), FNM_PATHNAME | FNM_EXTGLOB)
        if type(fn) is RString:
            return fn.s == pat.s
    return rt.eq(fn, pat)


def _string_arg(rt: Any, v: Any) -> str:
    if type(v) is RString:
        return v.s
    if v is not None and rt.responds_to(v, "to_str"):
        return rt.to_s(rt.call(v, "to_str"))
    name = "nil" if v is None else str(v).lower() if type(v) is bool else class_of(v).name
    raise rt.error("TypeError", f"no implicit conversion of {name} into String")


def _native_block(fn: Callable[..., Any]) -> RProc:
    return RProc(None, None, None, None, native=fn)


def _put_line(stream: Any, text: str) -> None:
    """``puts text``: a newline added unless the text ends with one."""
    stream.write(text if text.endswith("\n") else text + "\n")


def _mapped(rt: Any, fl: FileList, fn: Callable[[Any], Any]) -> FileList:
    return FileList.imported([fn(x) for x in fl.to_list(rt)])


def _pathmap_error(rt: Any, e: Exception) -> RubyError:
    if isinstance(e, pathmap_mod.PathmapError):
        return rt.error(e.ruby_class, str(e))
    return rt.error("RegexpError", str(e))


# ---------------------------------------------------------------- class methods


@builtin(FILE_LIST, "new", singleton=True)
def file_list_new(rt: Any, cls: Any, *patterns: Any, block: RProc | None = None) -> FileList:
    """FileList.new(*patterns) { |fl| ... }: the patterns recorded, then the list yielded to the block."""
    fl = FileList()
    for pattern in patterns:
        fl.include(rt, pattern)
    if block is not None:
        rt.call_block(block, fl)
    return fl


@builtin(FILE_LIST, "[]", singleton=True)
def file_list_of(rt: Any, cls: Any, *patterns: Any, block: RProc | None = None) -> FileList:
    """FileList[*patterns]."""
    return file_list_new(rt, cls, *patterns)


@builtin(FILE_LIST, "glob", singleton=True)
def file_list_glob(rt: Any, cls: Any, pattern: Any, *args: Any, block: RProc | None = None) -> Any:
    """FileList.glob(pattern, *args): ``Dir.glob(pattern, *args).sort``."""
    return rt.call(rt.call(CORE["Dir"], "glob", pattern, *args), "sort")


# ---------------------------------------------------------------- building the list


@builtin(FILE_LIST, "include", "add")
def fl_include(rt: Any, recv: FileList, *names: Any, block: RProc | None = None) -> FileList:
    """include/add(*patterns): more patterns or names, resolved later; self."""
    return recv.include(rt, *names)


@builtin(FILE_LIST, "exclude")
def fl_exclude(rt: Any, recv: FileList, *patterns: Any, block: RProc | None = None) -> FileList:
    """exclude(*patterns) { |fn| ... }: Regexps, globs, exact names, Arrays or a block; self."""
    return recv.exclude(rt, *patterns, block=block)


@builtin(FILE_LIST, "clear_exclude")
def fl_clear_exclude(rt: Any, recv: FileList, block: RProc | None = None) -> FileList:
    """clear_exclude: drop every exclusion, the defaults included; self."""
    return recv.clear_exclude(rt)


@builtin(FILE_LIST, "excluded_from_list?")
def fl_excluded_p(rt: Any, recv: FileList, fn: Any, block: RProc | None = None) -> bool:
    """excluded_from_list?(name): whether an exclusion matches the name."""
    return recv.excluded(rt, fn)


@builtin(FILE_LIST, "resolve")
def fl_resolve(rt: Any, recv: FileList, block: RProc | None = None) -> FileList:
    """resolve: glob the pending patterns now; self."""
    return recv.resolve(rt)


@builtin(FILE_LIST, "<<")
def fl_append(rt: Any, recv: FileList, obj: Any, block: RProc | None = None) -> FileList:
    """<<(name): add one name as it is (after resolving); self."""
    return recv.append(rt, obj)


@builtin(FILE_LIST, "import")
def fl_import(rt: Any, recv: FileList, array: Any, block: RProc | None = None) -> FileList:
    """import(array): make ``array`` the resolved list; self."""
    with recv._lock:
        recv.check_assign(rt)
        recv.items = array
    return recv


# ---------------------------------------------------------------- conversions and comparison


@builtin(FILE_LIST, "to_a", "to_ary")
def fl_to_a(rt: Any, recv: FileList, block: RProc | None = None) -> list[Any]:
    """to_a/to_ary: the resolved Array itself."""
    return recv.to_list(rt)


@builtin(FILE_LIST, "to_s")
def fl_to_s(rt: Any, recv: FileList, block: RProc | None = None) -> Any:
    """to_s: the names joined by spaces."""
    return rt.call(recv.to_list(rt), "join", RString(" "))


@builtin(FILE_LIST, "inspect")
def fl_inspect(rt: Any, recv: FileList, block: RProc | None = None) -> Any:
    """inspect: as the Array of names."""
    return rt.call(recv.to_list(rt), "inspect")


@builtin(FILE_LIST, "==")
def fl_eq(rt: Any, recv: FileList, other: Any, block: RProc | None = None) -> bool:
    """==(array): the resolved names equal the other list's."""
    return rt.eq(recv.to_list(rt), other)


@builtin(FILE_LIST, "<=>")
def fl_cmp(rt: Any, recv: FileList, other: Any, block: RProc | None = None) -> Any:
    """<=>: compared as Arrays (a FileList on the right is converted too)."""
    items = recv.to_list(rt)
    if type(other) is FileList:
        other = other.to_list(rt)
    return rt.call(items, "<=>", other)


@builtin(FILE_LIST, "is_a?", "kind_of?")
def fl_is_a(rt: Any, recv: FileList, klass: Any, block: RProc | None = None) -> bool:
    """is_a?/kind_of?: true for Array as well as for FileList's own ancestors."""
    if klass is ARRAY:
        return True
    if not isinstance(klass, RModule):
        raise rt.error("TypeError", "class or module required")
    return rt.is_a(recv, klass)


@builtin(FILE_LIST, "*")
def fl_times(rt: Any, recv: FileList, other: Any, block: RProc | None = None) -> Any:
    """*(n) repeats into a FileList; *(separator) joins into a String."""
    result = rt.call(recv.to_list(rt), "*", other)
    return FileList.imported(result) if type(result) is list else result


@builtin(FILE_LIST, "partition")
def fl_partition(rt: Any, recv: FileList, block: RProc | None = None) -> Any:
    """partition { |fn| ... }: an Array of two FileLists."""
    result = rt.call(recv.to_list(rt), "partition", block=block)
    if type(result) is list and len(result) == 2:
        return [FileList.imported(result[0]), FileList.imported(result[1])]
    return result


# ---------------------------------------------------------------- copies and freezing


@builtin(FILE_LIST, "dup")
def fl_dup(rt: Any, recv: FileList, block: RProc | None = None) -> FileList:
    """dup: an independent, unfrozen copy."""
    return recv.copy(rt, False)


@builtin(FILE_LIST, "clone")
def fl_clone(rt: Any, recv: FileList, opts: Any = None, block: RProc | None = None) -> FileList:
    """clone(freeze: nil): an independent copy, frozen when the original is."""
    want = opts.get(Symbol.of("freeze")) if isinstance(opts, RHash) else None
    return recv.copy(rt, want is True or (want is None and recv.frozen))


@builtin(FILE_LIST, "freeze")
def fl_freeze(rt: Any, recv: FileList, block: RProc | None = None) -> FileList:
    """freeze: later resolution, include, clear_exclude and existing! raise FrozenError."""
    recv.frozen = True
    return recv


@builtin(FILE_LIST, "frozen?")
def fl_frozen_p(rt: Any, recv: FileList, block: RProc | None = None) -> bool:
    """frozen?."""
    return recv.frozen


# ---------------------------------------------------------------- transformations


@builtin(FILE_LIST, "ext")
def fl_ext(rt: Any, recv: FileList, newext: Any = None, block: RProc | None = None) -> FileList:
    """ext(newext = ""): a new FileList with each name's extension replaced."""
    new = "" if newext is None else _string_arg(rt, newext)

    def one(fn: Any) -> Any:
        if type(fn) is RString:
            return RString(pathmap_mod.ext(fn.s, new))
        return rt.call(fn, "ext", RString(new))

    return _mapped(rt, recv, one)


@builtin(FILE_LIST, "pathmap")
def fl_pathmap(rt: Any, recv: FileList, spec: Any = None, block: RProc | None = None) -> FileList:
    """pathmap(spec) { |part| ... }: a new FileList of each name's pathmap."""
    text = None if spec is None else _string_arg(rt, spec)
    replace = None if block is None else (lambda s: rt.to_s(rt.call_block(block, RString(s))))

    def one(fn: Any) -> Any:
        if type(fn) is not RString:
            return rt.call(fn, "pathmap", spec, block=block)
        try:
            return RString(pathmap_mod.pathmap(fn.s, text, replace))
        except (pathmap_mod.PathmapError, rubyregex.RegexpError, rubyregex.UnsupportedRegex) as e:
            raise _pathmap_error(rt, e) from None

    return _mapped(rt, recv, one)


def _substitute(name: str) -> Callable[..., FileList]:
    def method(rt: Any, recv: FileList, pat: Any, rep: Any, block: RProc | None = None) -> FileList:
        return _mapped(rt, recv, lambda fn: rt.call(fn, name, pat, rep))

    method.__doc__ = f"{name}(pattern, replacement): a new FileList of the substituted names (originals untouched)."
    return method


def _substitute_in_place(name: str) -> Callable[..., FileList]:
    def method(rt: Any, recv: FileList, pat: Any, rep: Any, block: RProc | None = None) -> FileList:
        items = recv.to_list(rt)
        i = 0
        while i < len(items):
            value = rt.call(items[i], name, pat, rep)
            array_mod.check_frozen(rt, items)
            items[i] = value
            i += 1
        return recv

    method.__doc__ = f"{name}!(pattern, replacement): substitute every name in place; self."
    return method


builtin(FILE_LIST, "sub")(_substitute("sub"))
builtin(FILE_LIST, "gsub")(_substitute("gsub"))
builtin(FILE_LIST, "sub!")(_substitute_in_place("sub"))
builtin(FILE_LIST, "gsub!")(_substitute_in_place("gsub"))


@builtin(FILE_LIST, "existing")
def fl_existing(rt: Any, recv: FileList, block: RProc | None = None) -> FileList:
    """existing: a new FileList of the names that exist, without duplicates."""
    items = [fn for fn in recv.to_list(rt) if os.path.exists(_path(rt, fn))]
    return FileList.imported(uniq_values(rt, items, None))


@builtin(FILE_LIST, "existing!")
def fl_existing_bang(rt: Any, recv: FileList, block: RProc | None = None) -> FileList:
    """existing!: keep only the names that exist, without duplicates; self."""
    items = [fn for fn in recv.to_list(rt) if os.path.exists(_path(rt, fn))]
    with recv._lock:
        recv.check_assign(rt)
        recv.items = uniq_values(rt, items, None)
    return recv


@builtin(FILE_LIST, "egrep")
def fl_egrep(rt: Any, recv: FileList, pattern: Any, *options: Any, block: RProc | None = None) -> int:
    """egrep(pattern) { |fn, lineno, line| ... }: print (or yield) matching lines; the number of matches."""
    matched = 0
    for fn in list(recv.to_list(rt)):

        def read(io: Any, fn: Any = fn) -> None:
            nonlocal matched
            count = 0

            def line_seen(line: Any) -> None:
                nonlocal matched, count
                count += 1
                if _line_matches(rt, pattern, line):
                    matched += 1
                    if block is not None:
                        rt.call_block(block, fn, count, line)
                    else:
                        _put_line(rt.stdout, f"{rt.to_s(fn)}:{count}:{rt.to_s(line)}")

            rt.call(io, "each", block=_native_block(line_seen))

        try:
            rt.call(CORE["File"], "open", fn, RString("r"), *options, block=_native_block(read))
        except RubyError as e:
            if not rt.is_a(e.exc, CORE["StandardError"]):
                raise
            _put_line(rt.stderr, f"Error while processing '{rt.to_s(fn)}': {rt.to_s(e.exc)}")
    return matched


def _line_matches(rt: Any, pattern: Any, line: Any) -> bool:
    if type(pattern) is RRegexp and type(line) is RString:
        return pattern.pattern.search(line.s) is not None
    return truthy(rt.call(pattern, "match", line))


# ---------------------------------------------------------------- delegation to Array


def _delegator(name: str) -> Callable[..., Any]:
    """A FileList method running Array's ``name`` on the resolved names."""
    special = name in SPECIAL_RETURN

    def method(rt: Any, recv: FileList, *args: Any, block: RProc | None = None) -> Any:
        items = recv.to_list(rt)
        result = rt.call(items, name, *args, block=block)
        if special:
            return FileList.imported(result) if type(result) is list else result
        return recv if result is items else result

    method.__doc__ = f"{name}: Array#{name} on the resolved names."
    return method


def delegated_names() -> list[str]:
    """Rake's DELEGATING_METHODS: Array's methods that Object lacks, plus inspect and <=>, minus a few."""
    names: set[str] = set(_MUST_DEFINE)
    for mod in ARRAY.ancestors():
        if mod is CORE["Object"]:
            break
        names.update(n for n in mod.methods if n not in _OBJECT_METHODS)
    return sorted(names - _MUST_NOT_DEFINE)


def _register_delegators() -> None:
    core.load_all()  # every Array and Enumerable method, wherever it is defined
    for name in delegated_names():
        if name not in FILE_LIST.methods:
            FILE_LIST.methods[name] = _delegator(name)


_register_delegators()
FILE_LIST.constants.update(
    DEFAULT_IGNORE_PATTERNS=DEFAULT_IGNORE_PATTERNS,
    GLOB_PATTERN=_regexp(_GLOB.pattern),
    SPECIAL_RETURN=[RString(n, frozen=True) for n in sorted(SPECIAL_RETURN)],
    DELEGATING_METHODS=[RString(n, frozen=True) for n in delegated_names()],
)
