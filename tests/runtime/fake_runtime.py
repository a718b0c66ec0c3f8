"""A minimal stand-in for the interpreter, enough to unit-test built-in methods."""

from __future__ import annotations

import io
from typing import Any

from pydrake.runtime.classes import CORE, class_of, find_method, find_singleton_method, new_exception
from pydrake.runtime.objects import RClass, RModule, RProc, RString, RubyError


class FakeRuntime:
    """Dispatches to registered built-ins; blocks are RProc objects with a ``native`` Python callable."""

    def __init__(self) -> None:
        self.stdout = io.StringIO()
        self.stderr = io.StringIO()
        self.globals: dict[str, Any] = {}

    def get_global(self, name: str) -> Any:
        return self.globals.get(name)

    def set_global(self, name: str, value: Any) -> None:
        self.globals[name] = value

    def call(self, recv: Any, name: str, *args: Any, block: RProc | None = None) -> Any:
        if isinstance(recv, RModule):
            fn = find_singleton_method(recv, name)
            if fn is not None:
                return fn(self, recv, *args, block=block)
        fn = find_method(class_of(recv), name)
        if fn is None:
            raise self.error("NoMethodError", f"undefined method `{name}' for {self.inspect(recv)}")
        return fn(self, recv, *args, block=block)

    def call_block(self, block: RProc, *args: Any) -> Any:
        return block.native(*args)

    def responds_to(self, recv: Any, name: str) -> bool:
        return find_method(class_of(recv), name) is not None

    def inspect(self, value: Any) -> str:
        return self.call(value, "inspect").s

    def to_s(self, value: Any) -> str:
        if isinstance(value, RString):
            return value.s
        return self.call(value, "to_s").s

    def eq(self, a: Any, b: Any) -> bool:
        from pydrake.runtime.objects import truthy

        return truthy(self.call(a, "==", b))

    def compare(self, a: Any, b: Any) -> int:
        r = self.call(a, "<=>", b)
        if r is None:
            raise self.error("ArgumentError", f"comparison of {class_of(a).name} with {self.inspect(b)} failed")
        return r

    def is_a(self, value: Any, cls: RClass) -> bool:
        return cls in class_of(value).ancestors()

    def error(self, cls: RClass | str, message: str) -> RubyError:
        klass = CORE[cls] if isinstance(cls, str) else cls
        assert isinstance(klass, RClass)
        return RubyError(new_exception(klass, message))


def block(fn: Any) -> RProc:
    """A block whose body is the Python callable ``fn``."""
    return RProc(None, None, None, None, native=fn)
