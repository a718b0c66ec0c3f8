"""Thread and Thread::Queue: threads a Rakefile starts, their values, errors, locals and queues."""

from __future__ import annotations

import re
from pathlib import Path

from tests.runtime.rakefile_support import outcome
from tests.runtime.test_interpreter_support import out


def test_threads_run_their_blocks_and_give_their_values() -> None:
    src = """
    threads = (1..3).map { |i| Thread.new(i) { |n| sleep 0.01 * (4 - n); n * 10 } }
    p threads.map(&:value)
    t = Thread.new { :done }
    p t.join.equal?(t), t.value, t.alive?, t.status
    p Thread.current.alive?, Thread.current.status
    p Thread.main.equal?(Thread.current), Thread.new { Thread.main.equal?(Thread.current) }.value
    p Thread::Mutex.equal?(Mutex), Thread::Queue.equal?(Queue)
    """
    assert out(src) == '[10, 20, 30]\ntrue\n:done\nfalse\nfalse\ntrue\n"run"\ntrue\nfalse\ntrue\ntrue\n'


def test_join_with_a_limit_gives_nil_while_the_thread_runs() -> None:
    src = """
    q = Queue.new
    t = Thread.new { q.pop }
    p t.join(0.01), t.alive?
    q << :go
    p t.value, t.alive?
    """
    assert out(src) == "nil\ntrue\n:go\nfalse\n"


def test_an_exception_ends_the_thread_is_reported_and_raised_again_by_join(tmp_path: Path) -> None:
    rakefile = (
        "t = Thread.new { raise ArgumentError, 'boom' }\n"
        "begin\n"
        "  t.join\n"
        "rescue ArgumentError => e\n"
        "  puts \"rescued #{e.message}\"\n"
        "end\n"
        "p t.status\n"
        "quiet = Thread.new { Thread.current.report_on_exception = false; raise 'hush' }\n"
        "begin; quiet.value; rescue => e; p e; end\n"
        "task :default\n"
    )
    code, stdout, stderr = outcome(tmp_path, rakefile)
    assert (code, stdout) == (0, "rescued boom\nnil\n#<RuntimeError: hush>\n")
    report = re.sub(r"0x[0-9a-f]+", "X", stderr)
    assert report == (
        f"#<Thread:X {tmp_path}/Rakefile:1 run> terminated with exception (report_on_exception is true):\n"
        f"{tmp_path}/Rakefile:1:in `block in <top (required)>': boom (ArgumentError)\n"
    )


def test_thread_locals_and_variables() -> None:
    src = """
    Thread.current[:depth] = 1
    p Thread.current[:depth], Thread.current["depth"], Thread.current.key?(:depth)
    t = Thread.new { Thread.current[:depth] }
    p t.value
    Thread.current.thread_variable_set(:v, 2)
    p Thread.current.thread_variable_get(:v), Thread.current.thread_variable?(:w)
    t = Thread.new { Thread.current.name = "worker"; Thread.current.name }
    p t.value, t.name
    """
    assert out(src) == '1\n1\ntrue\nnil\n2\nfalse\n"worker"\n"worker"\n'


def test_a_queue_passes_work_between_threads_until_closed() -> None:
    src = """
    q = Thread::Queue.new
    results = Queue.new
    workers = 2.times.map { Thread.new { while (job = q.pop); results << job * 2; end } }
    (1..4).each { |i| q << i }
    q.close
    workers.each(&:join)
    p results.size, (1..4).map { results.pop }.sort, q.closed?, q.empty?
    begin; q << 5; rescue StopIteration => e; p e; end
    begin; Queue.new.pop(true); rescue ThreadError => e; p e; end
    p Queue.new([1, 2]).length, Queue.new.pop(timeout: 0.01)
    """
    assert out(src) == (
        "4\n[2, 4, 6, 8]\ntrue\ntrue\n"
        "#<ClosedQueueError: queue closed>\n#<ThreadError: queue empty>\n2\nnil\n"
    )


def test_a_thread_started_by_a_parallel_task_belongs_to_it(tmp_path: Path) -> None:
    rakefile = (
        "task :x do\n"
        "  puts 'x'\n"
        "end\n"
        "task :a do\n"
        "  Thread.new { puts 'in thread'; Rake::Task[:x].invoke }.join\n"
        "end\n"
        "task default: :a\n"
    )
    assert outcome(tmp_path, rakefile)[:2] == (0, "in thread\nx\n")
    code, stdout, stderr = outcome(tmp_path, rakefile, "-j", "2")
    assert (code, stdout) == (1, "in thread\n")
    assert "Rake::InvokeInsideInvoke: task 'x' invoked inside task 'a' while running with 2 threads" in stderr
    assert "Tasks: TOP => default => a\n" in stderr


def test_a_thread_that_outlives_its_parallel_task_still_prints(tmp_path: Path) -> None:
    rakefile = (
        "task :server do\n"
        "  $late = Thread.new { sleep 0.2; puts 'late from thread'; warn 'late warning' }\n"
        "  puts 'server started'\n"
        "end\n"
        "task :other do\n"
        "  sleep 0.5\n"
        "  puts 'other done'\n"
        "end\n"
        "task default: [:server, :other]\n"
    )
    code, stdout, stderr = outcome(tmp_path, rakefile, "-j", "2")
    assert (code, stdout, stderr) == (0, "server started\nlate from thread\nother done\n", "late warning\n")
