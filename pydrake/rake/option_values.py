"""``Rake.application.options`` as Ruby sees it: rake's OpenStruct keys with rake's value types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydrake.runtime.objects import RRegexp, RString, RubyError, Symbol

# The keys rake's OpenStruct holds (set_default_options plus the command line's setters);
# every other name reads as nil until the Rakefile sets it.
RAKE_KEYS = frozenset(
    "always_multitask backtrace build_all dryrun ignore_deprecate ignore_system job_stats load_system nosearch "
    "rakelib show_all_tasks show_prereqs show_task_pattern show_tasks silent suppress_backtrace_pattern "
    "thread_pool_size trace trace_output trace_rules".split()
)
_EXTRA = "ruby_set_options"  # attribute of the Options record: Ruby values the run has no setting for
_SHADOW = "ruby_set_rake_options"  # attribute of the Options record: see _shadow


def _extra(options: Any) -> dict[str, Any]:
    extra = getattr(options, _EXTRA, None)
    if extra is None:
        extra = {}
        setattr(options, _EXTRA, extra)
    return extra


def _shadow(options: Any) -> dict[str, tuple[Any, Any]]:
    """Rake keys the Rakefile set: the setting it became and the Ruby value given."""
    shadow = getattr(options, _SHADOW, None)
    if shadow is None:
        shadow = {}
        setattr(options, _SHADOW, shadow)
    return shadow


def _regexp(rt: Any, source: str | None) -> RRegexp | None:
    """A Regexp of the Ruby source, as rake's ``Regexp.new(value)``; nil for no pattern."""
    if source is None:
        return None
    import re

    from pydrake.runtime.core.regexp import make_regexp

    try:
        return make_regexp(rt, source, 0)
    except RubyError:
        return RRegexp(source, 0, re.compile(re.escape(source)))


def _app(rt: Any) -> Any:
    from pydrake.rake.dsl import app_of

    return app_of(rt)


def _stream(rt: Any, name: str) -> Any:
    from pydrake.runtime.core.io import STDERR, STDOUT

    return STDOUT if name == "stdout" else STDERR


def _thread_pool_size(rt: Any, options: Any) -> Any:
    """Worker threads besides the main one: ``-j N`` gives N - 1, no ``-j`` Rake.suggested_thread_count."""
    if options.jobs is None:
        import os

        return (os.cpu_count() or 4) + 4
    return max(options.jobs - 1, 0)


_READERS: dict[str, Callable[[Any, Any], Any]] = {
    "job_stats": lambda rt, o: {None: False, "history": Symbol.of("history")}.get(o.job_stats, True),
    "rakelib": lambda rt, o: [RString(d) for d in _app(rt).rakelib_dirs],
    "show_task_pattern": lambda rt, o: _regexp(rt, o.show_task_pattern),
    "show_tasks": lambda rt, o: None if o.show_tasks is None else Symbol.of(o.show_tasks),
    "suppress_backtrace_pattern": lambda rt, o: _regexp(rt, o.suppress_backtrace_pattern),
    "thread_pool_size": _thread_pool_size,
    "trace_output": lambda rt, o: _stream(rt, o.trace_output),
}


def read_option(rt: Any, options: Any, key: str) -> Any:
    """The value ``options.KEY`` has in rake: the Ruby value of the run's setting, or nil."""
    extra = _extra(options)
    if key in extra:
        return extra[key]
    if key not in RAKE_KEYS:
        return None
    shadow = _shadow(options).get(key)
    if shadow is not None and getattr(options, key) == shadow[0]:
        return shadow[1]  # the Ruby value the Rakefile set, while the run's setting is still what it gave
    reader = _READERS.get(key)
    if reader is not None:
        return reader(rt, options)
    return getattr(options, key)


_KEEP = object()  # a writer's answer when the Ruby value has no Options equivalent


def _source(value: Any) -> Any:
    """A pattern's Ruby source (Regexp or String), None for nil."""
    if value is None:
        return None
    if isinstance(value, RRegexp):  # Regexp#to_s keeps the i/m/x options inside the source
        from pydrake.runtime.core.regexp import regexp_to_s

        return regexp_to_s(value) if value.options & 7 else value.source
    return value.s if isinstance(value, RString) else _KEEP


def _mode(value: Any) -> Any:
    """The listing mode of ``:tasks``/``:describe``/``:lines`` (or their Strings), None for nil."""
    if value is None or value is False:
        return None
    if isinstance(value, Symbol):
        return value.name
    return value.s if isinstance(value, RString) else _KEEP


def _job_stats(value: Any) -> Any:
    if value is None or value is False:
        return None
    return "history" if _mode(value) == "history" else "basic"


def _rakelib(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(d, RString) for d in value):
        return [d.s for d in value]
    return _KEEP


def _trace_output(value: Any) -> Any:
    from pydrake.runtime.core.io import STDERR, STDOUT

    return "stdout" if value is STDOUT else "stderr" if value is STDERR else _KEEP


_WRITERS: dict[str, Callable[[Any], Any]] = {
    "job_stats": _job_stats,
    "rakelib": _rakelib,
    "show_task_pattern": _source,
    "show_tasks": _mode,
    "suppress_backtrace_pattern": _source,
    "thread_pool_size": lambda value: _KEEP,
    "trace_output": _trace_output,
}


def write_option(rt: Any, options: Any, key: str, value: Any) -> Any:
    """``options.KEY = value``: rake's keys change the run's setting, any other name is remembered."""
    extra = _extra(options)
    writer = _WRITERS.get(key)
    converted = value if writer is None else writer(value)
    if key not in RAKE_KEYS or converted is _KEEP:
        extra[key] = value  # read back as given; the run's own setting stays
    else:
        setattr(options, key, converted)
        extra.pop(key, None)
        if key == "rakelib":  # the folders loaded after the Rakefile, which Rake.add_rakelib extends
            _app(rt).rakelib_dirs = list(converted)
        else:
            _shadow(options)[key] = (converted, value)
    return value


def has_option(options: Any, key: str) -> bool:
    """OpenStruct's ``respond_to?``: the key, or its setter, names a value the struct holds."""
    key = key.removesuffix("=")
    return key in RAKE_KEYS or key in _extra(options)
