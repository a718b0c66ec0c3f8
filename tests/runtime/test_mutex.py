"""Mutex: a Rakefile that guards its output with one (``$stdout_mutex = Mutex.new``) lists and runs."""

from __future__ import annotations

from pathlib import Path

from tests.runtime.rakefile_support import outcome
from tests.runtime.test_interpreter_support import out


def test_a_top_level_mutex_guards_task_output(tmp_path: Path) -> None:
    rakefile = (
        "$stdout_mutex = Mutex.new\n"
        "def thread_print(s)\n"
        "  $stdout_mutex.synchronize { puts s }\n"
        "end\n"
        "desc 'Build'\n"
        "task :build do\n"
        "  thread_print 'built'\n"
        "end\n"
    )
    assert outcome(tmp_path, rakefile, "-T") == (0, "pydrake build  # Build\n", "")
    assert outcome(tmp_path, rakefile, "build") == (0, "built\n", "")


def test_lock_states_and_errors() -> None:
    src = """
    m = Mutex.new
    p m.locked?, m.owned?
    p m.synchronize { m.locked? && m.owned? }
    p m.try_lock, m.try_lock
    m.unlock
    begin; m.unlock; rescue ThreadError => e; p e; end
    begin; m.synchronize { m.lock }; rescue ThreadError => e; p e; end
    p m.locked?, Mutex.name, m.lock.equal?(m)
    """
    assert out(src) == (
        "false\nfalse\ntrue\ntrue\nfalse\n"
        "#<ThreadError: Attempt to unlock a mutex which is not locked>\n"
        "#<ThreadError: deadlock; recursive locking>\n"
        'false\n"Thread::Mutex"\ntrue\n'
    )
