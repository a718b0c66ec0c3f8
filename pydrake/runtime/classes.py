"""The core Ruby class hierarchy, the builtin-method table, and ``class_of``.

Built-in methods are plain Python functions registered with ``@builtin``::

    @builtin(STRING, "upcase")
    def upcase(rt, recv, *args, block=None): ...

Calling convention: ``rt`` is the running interpreter (``runtime.interpreter.Interpreter``),
``recv`` the receiver, ``args`` the positional arguments with a trailing keyword
hash passed as a last ``RHash`` (Ruby 2 style), ``block`` an ``RProc`` or None.
Class (singleton) methods are registered with ``@builtin(FILE, "exist?", singleton=True)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydrake.runtime.objects import (
    RClass,
    RHash,
    RMatch,
    RMethodObj,
    RModule,
    RObject,
    RProc,
    RRange,
    RRegexp,
    RString,
    Symbol,
)

BuiltinFn = Callable[..., Any]

# Every core class and module by its full name ("Errno::ENOENT").
CORE: dict[str, RModule] = {}


def _klass(name: str, superclass: RClass | None, parent: RModule | None = None) -> RClass:
    cls = RClass(name, superclass, parent)
    CORE[name] = cls
    short = name.rsplit("::", 1)[-1]
    if parent is not None:
        parent.constants[short] = cls
    return cls


def _module(name: str, parent: RModule | None = None) -> RModule:
    mod = RModule(name, parent)
    CORE[name] = mod
    if parent is not None:
        parent.constants[name.rsplit("::", 1)[-1]] = mod
    return mod


BASIC_OBJECT = _klass("BasicObject", None)
OBJECT = _klass("Object", BASIC_OBJECT)
KERNEL = _module("Kernel")
COMPARABLE = _module("Comparable")
ENUMERABLE = _module("Enumerable")
OBJECT.includes.append(KERNEL)
MODULE = _klass("Module", OBJECT)
CLASS = _klass("Class", MODULE)
NIL = _klass("NilClass", OBJECT)
TRUE = _klass("TrueClass", OBJECT)
FALSE = _klass("FalseClass", OBJECT)
NUMERIC = _klass("Numeric", OBJECT)
NUMERIC.includes.append(COMPARABLE)
INTEGER = _klass("Integer", NUMERIC)
FLOAT = _klass("Float", NUMERIC)
STRING = _klass("String", OBJECT)
STRING.includes.append(COMPARABLE)
SYMBOL = _klass("Symbol", OBJECT)
SYMBOL.includes.append(COMPARABLE)
ARRAY = _klass("Array", OBJECT)
ARRAY.includes.append(ENUMERABLE)
HASH = _klass("Hash", OBJECT)
HASH.includes.append(ENUMERABLE)
RANGE = _klass("Range", OBJECT)
RANGE.includes.append(ENUMERABLE)
REGEXP = _klass("Regexp", OBJECT)
MATCH_DATA = _klass("MatchData", OBJECT)
PROC = _klass("Proc", OBJECT)
METHOD = _klass("Method", OBJECT)
IO = _klass("IO", OBJECT)
FILE = _klass("File", IO)
DIR = _klass("Dir", OBJECT)
TIME = _klass("Time", OBJECT)
TIME.includes.append(COMPARABLE)
PROCESS = _module("Process")
PROCESS_STATUS = _klass("Process::Status", OBJECT, PROCESS)
STRUCT = _klass("Struct", OBJECT)

EXCEPTION = _klass("Exception", OBJECT)
SCRIPT_ERROR = _klass("ScriptError", EXCEPTION)
LOAD_ERROR = _klass("LoadError", SCRIPT_ERROR)
NOT_IMPLEMENTED_ERROR = _klass("NotImplementedError", SCRIPT_ERROR)
SYNTAX_ERROR = _klass("SyntaxError", SCRIPT_ERROR)
SYSTEM_EXIT = _klass("SystemExit", EXCEPTION)
SIGNAL_EXCEPTION = _klass("SignalException", EXCEPTION)
INTERRUPT = _klass("Interrupt", SIGNAL_EXCEPTION)
STANDARD_ERROR = _klass("StandardError", EXCEPTION)
RUNTIME_ERROR = _klass("RuntimeError", STANDARD_ERROR)
FROZEN_ERROR = _klass("FrozenError", RUNTIME_ERROR)
ARGUMENT_ERROR = _klass("ArgumentError", STANDARD_ERROR)
NAME_ERROR = _klass("NameError", STANDARD_ERROR)
NO_METHOD_ERROR = _klass("NoMethodError", NAME_ERROR)
TYPE_ERROR = _klass("TypeError", STANDARD_ERROR)
INDEX_ERROR = _klass("IndexError", STANDARD_ERROR)
KEY_ERROR = _klass("KeyError", INDEX_ERROR)
STOP_ITERATION = _klass("StopIteration", INDEX_ERROR)
RANGE_ERROR = _klass("RangeError", STANDARD_ERROR)
FLOAT_DOMAIN_ERROR = _klass("FloatDomainError", RANGE_ERROR)
ZERO_DIVISION_ERROR = _klass("ZeroDivisionError", STANDARD_ERROR)
IO_ERROR = _klass("IOError", STANDARD_ERROR)
EOF_ERROR = _klass("EOFError", IO_ERROR)
LOCAL_JUMP_ERROR = _klass("LocalJumpError", STANDARD_ERROR)
REGEXP_ERROR = _klass("RegexpError", STANDARD_ERROR)
THREAD_ERROR = _klass("ThreadError", STANDARD_ERROR)
ENCODING_ERROR = _klass("EncodingError", STANDARD_ERROR)
SYSTEM_CALL_ERROR = _klass("SystemCallError", STANDARD_ERROR)
ERRNO = _module("Errno")
# errno name -> (Ruby class, strerror text as Ruby prints it)
ERRNO_CLASSES: dict[str, RClass] = {}
for _name in ("ENOENT", "EEXIST", "EACCES", "EISDIR", "ENOTDIR", "ENOTEMPTY", "EPERM", "EXDEV", "EINVAL", "EPIPE", "ECHILD", "EBADF"):
    ERRNO_CLASSES[_name] = _klass(f"Errno::{_name}", SYSTEM_CALL_ERROR, ERRNO)

# Python type -> Ruby class, for values that are not RObject/RModule.
_TYPE_CLASS: dict[type, RClass] = {
    type(None): NIL,
    bool: TRUE,  # refined for False in class_of
    int: INTEGER,
    float: FLOAT,
    RString: STRING,
    Symbol: SYMBOL,
    list: ARRAY,
    RHash: HASH,
    RRange: RANGE,
    RRegexp: REGEXP,
    RMatch: MATCH_DATA,
    RProc: PROC,
    RMethodObj: METHOD,
}
# The value types above (not those register_type adds): they cannot take a singleton class.
FIXED_TYPES = tuple(_TYPE_CLASS)


def register_type(pytype: type, cls: RClass) -> None:
    """Let values of a Python type (a rake Task, a FileList...) answer as instances of ``cls``."""
    _TYPE_CLASS[pytype] = cls


def class_of(value: Any) -> RClass:
    """The Ruby class of any runtime value."""
    if value is False:
        return FALSE
    t = type(value)
    cls = _TYPE_CLASS.get(t)
    if cls is not None:
        return cls
    if t is RObject:
        return value.cls
    if isinstance(value, RClass):
        return CLASS
    if isinstance(value, RModule):
        return MODULE
    for base in t.__mro__[1:]:
        cls = _TYPE_CLASS.get(base)
        if cls is not None:
            _TYPE_CLASS[t] = cls
            return cls
    return OBJECT


def type_name(value: Any) -> str:
    """How Ruby names a value's type in "no implicit conversion of X into Y" messages."""
    if value is None:
        return "nil"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return class_of(value).name


def builtin(owner: RModule, *names: str, singleton: bool = False) -> Callable[[BuiltinFn], BuiltinFn]:
    """Register a Python function as the Ruby method(s) ``names`` of ``owner``."""

    def register(fn: BuiltinFn) -> BuiltinFn:
        table = owner.smethods if singleton else owner.methods
        for name in names:
            table[name] = fn
        return fn

    return register


def find_method(cls: RModule, name: str) -> Any:
    """The method ``name`` along ``cls``'s ancestors, or None."""
    for mod in cls.ancestors():
        m = mod.methods.get(name)
        if m is not None:
            return m
    return None


def find_singleton_method(mod: RModule, name: str) -> Any:
    """A class method of ``mod``: its own, its superclasses', then extended modules'."""
    cur: RModule | None = mod
    while cur is not None:
        m = cur.smethods.get(name)
        if m is not None:
            return m
        for ext in cur.extends:
            m = find_method(ext, name)
            if m is not None:
                return m
        cur = cur.superclass if isinstance(cur, RClass) else None
    return None


def new_exception(cls: RClass, message: str) -> RObject:
    """A Ruby exception object of ``cls`` with ``message``."""
    exc = RObject(cls)
    exc.ivars["@message"] = RString(message)
    return exc
