"""The Ruby side of Rake's model: the ``Rake`` module and the classes Rakefiles see.

The Python objects of the rake layer (Task, FileTask, TaskArguments, FileList...)
answer to Ruby as instances of these classes through ``register_type``; their
methods are registered with ``@builtin`` by ``rake/ruby_api.py`` and friends.
"""

from __future__ import annotations

from pydrake.runtime.classes import CORE, OBJECT, register_type
from pydrake.runtime.objects import RClass, RModule, RString


def _module(name: str, parent: RModule | None = None) -> RModule:
    mod = RModule(name, parent)
    CORE[name] = mod
    if parent is not None:
        parent.constants[name.rsplit("::", 1)[-1]] = mod
    return mod


def _klass(name: str, superclass: RClass, parent: RModule) -> RClass:
    cls = RClass(name, superclass, parent)
    CORE[name] = cls
    parent.constants[name.rsplit("::", 1)[-1]] = cls
    return cls


RAKE = _module("Rake")
RAKE.constants["VERSION"] = RString("13.0.6", frozen=True)
DSL = _module("Rake::DSL", RAKE)
FILE_UTILS_EXT = _module("Rake::FileUtilsExt", RAKE)
TASK = _klass("Rake::Task", OBJECT, RAKE)
FILE_TASK = _klass("Rake::FileTask", TASK, RAKE)
FILE_CREATION_TASK = _klass("Rake::FileCreationTask", FILE_TASK, RAKE)
MULTI_TASK = _klass("Rake::MultiTask", TASK, RAKE)
TASK_ARGUMENTS = _klass("Rake::TaskArguments", OBJECT, RAKE)
NAME_SPACE = _klass("Rake::NameSpace", OBJECT, RAKE)
APPLICATION = _klass("Rake::Application", OBJECT, RAKE)
FILE_LIST = _klass("Rake::FileList", OBJECT, RAKE)
SCOPE = _klass("Rake::Scope", OBJECT, RAKE)
INVOCATION_CHAIN = _klass("Rake::InvocationChain", OBJECT, RAKE)
THREAD_POOL = _klass("Rake::ThreadPool", OBJECT, RAKE)
OPTIONS = _klass("Rake::Options", OBJECT, RAKE)
RULE_RECURSION_OVERFLOW_ERROR = _klass("Rake::RuleRecursionOverflowError", CORE["StandardError"], RAKE)  # type: ignore[arg-type]
COMMAND_LINE_OPTION_ERROR = _klass("Rake::CommandLineOptionError", CORE["StandardError"], RAKE)  # type: ignore[arg-type]
INVOKE_INSIDE_INVOKE = _klass("Rake::InvokeInsideInvoke", CORE["RuntimeError"], RAKE)  # type: ignore[arg-type]


def _register_model_types() -> None:
    """Let the rake layer's Python objects answer as instances of their Ruby classes."""
    from pydrake.rake.file_creation_task import FileCreationTask
    from pydrake.rake.file_task import FileTask
    from pydrake.rake.multi_task import MultiTask
    from pydrake.rake.name_space import NameSpace
    from pydrake.rake.scope import Scope
    from pydrake.rake.task import Task
    from pydrake.rake.task_arguments import TaskArguments

    register_type(Task, TASK)
    register_type(FileTask, FILE_TASK)
    register_type(FileCreationTask, FILE_CREATION_TASK)
    register_type(MultiTask, MULTI_TASK)
    register_type(TaskArguments, TASK_ARGUMENTS)
    register_type(NameSpace, NAME_SPACE)
    register_type(Scope, SCOPE)


_register_model_types()
