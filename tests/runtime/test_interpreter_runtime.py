"""The interpreter as a service: loading files and features, global functions, isolation, threads, output."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

import pytest

from pydrake.runtime.classes import STRING
from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RProc, RString, RubyError, pystr
from tests.runtime.test_interpreter_support import run_ruby


def test_define_global_function_is_callable_everywhere() -> None:
    rt = Interpreter()
    seen: list[Any] = []

    def task(rt_: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
        seen.append((args, block))
        return None

    rt.define_global_function("task", task)
    run_ruby(
        """
        task :a => [:b] do |t| end
        class Foo; task :inside; end
        [1].each { task "in block" }
        """,
        rt=rt,
    )
    assert [
        pystr(list(a[0][0].keys())[0])
        if not isinstance(a[0][0], RString) and hasattr(a[0][0], "keys")
        else pystr(a[0][0])
        for a in seen
    ] == ["a", "inside", "in block"]
    assert isinstance(seen[0][1], RProc)


def test_blocks_run_later_from_python_see_latest_locals() -> None:
    rt = Interpreter()
    blocks: list[RProc] = []
    rt.define_global_function("later", lambda rt_, recv, block=None: blocks.append(block))
    out, _ = run_ruby('mode = "initial"\nlater { puts "mode=#{mode}" }\nmode = "changed"\n', rt=rt)
    buf = io.StringIO()
    rt.push_output(buf, None)
    try:
        rt.call_block(blocks[0])
    finally:
        rt.pop_output()
    assert buf.getvalue() == "mode=changed\n"


def test_break_in_a_block_called_from_python_is_local_jump_error() -> None:
    rt = Interpreter()
    blocks: list[RProc] = []
    rt.define_global_function("later", lambda rt_, recv, block=None: blocks.append(block))
    run_ruby("later { break }", rt=rt)
    with pytest.raises(RubyError) as info:
        rt.call_block(blocks[0])
    assert rt.real_class(info.value.exc).name == "LocalJumpError"


def test_register_feature_and_require() -> None:
    rt = Interpreter()
    calls: list[int] = []
    rt.register_feature("fancy", lambda rt_: calls.append(1))
    out, _ = run_ruby('p require("fancy"), require("fancy"), require("English")', rt=rt)
    assert out == "true\nfalse\ntrue\n"
    assert calls == [1]
    with pytest.raises(RubyError) as info:
        run_ruby('require "no_such_lib"', rt=rt)
    assert str(info.value) == "cannot load such file -- no_such_lib"


def test_require_relative_load_and_load_path(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "helper.rb").write_text(
        'puts "helper loaded"\ndef helper = "help"\n'.replace('def helper = "help"', 'def helper; "help"; end')
    )
    (tmp_path / "tasks.rake").write_text('puts "rake file #{__FILE__.end_with?("tasks.rake")}"\n')
    (tmp_path / "other.rb").write_text("puts 'on load path'\n")
    main = tmp_path / "main.rb"
    main.write_text(
        "p require_relative('lib/helper'), require_relative('lib/helper.rb')\n"
        "p helper\n"
        f"load '{tmp_path / 'tasks.rake'}'\n"
        f"load '{tmp_path / 'tasks.rake'}'\n"
        f"$LOAD_PATH.unshift '{tmp_path}'\n"
        "p require('other'), require('other')\n"
        "p __dir__ == File.dirname(__FILE__)\n"
    )
    rt = Interpreter()
    buf = io.StringIO()
    rt.push_output(buf, None)
    try:
        rt.load_file(str(main))
    finally:
        rt.pop_output()
    assert buf.getvalue() == (
        'helper loaded\ntrue\nfalse\n"help"\nrake file true\nrake file true\non load path\ntrue\nfalse\ntrue\n'
    )


def test_require_relative_missing_names_the_absolute_path(tmp_path: Path) -> None:
    main = tmp_path / "main.rb"
    main.write_text("require_relative 'nope'\n")
    rt = Interpreter()
    with pytest.raises(RubyError) as info:
        rt.load_file(str(main))
    assert str(info.value) == f"cannot load such file -- {tmp_path / 'nope'}"


def test_syntax_errors_become_ruby_syntax_error() -> None:
    rt = Interpreter()
    with pytest.raises(RubyError) as info:
        rt.eval_source("def (", "bad.rb")
    assert rt.real_class(info.value.exc).name == "SyntaxError"


def test_interpreters_do_not_share_definitions_on_core_classes() -> None:
    a, b = Interpreter(), Interpreter()
    run_ruby("class String; def shout; upcase; end; end\nVALUE = 1\ndef top; end\n$g = 1", rt=a)
    assert "shout" not in STRING.methods
    out, _ = run_ruby("p defined?(VALUE), ''.respond_to?(:shout), defined?(top), $g", rt=b)
    assert out == "nil\nfalse\nnil\nnil\n"
    out, _ = run_ruby("p defined?(VALUE), ''.respond_to?(:shout)", rt=a)
    assert out == '"constant"\ntrue\n'


def test_method_cache_sees_redefinitions() -> None:
    src = """
    class A; def v; 1; end; end
    a = A.new
    p a.v
    class A; def v; 2; end; end
    p a.v
    module M; def v; 3; end; end
    class A; prepend M; end
    p a.v
    """
    assert run_ruby(src)[0] == "1\n2\n3\n"


def test_parallel_threads_run_blocks_with_separate_output() -> None:
    rt = Interpreter()
    blocks: dict[str, RProc] = {}
    rt.define_global_function("task", lambda rt_, recv, name, block=None: blocks.__setitem__(pystr(name), block))
    run_ruby(
        """
        def work(n) = (1..n).reduce(0) { |a, b| a + b }
        %w[a b c d].each_with_index do |name, i|
          task name do
            200.times do |k|
              raise "bad $~" unless "#{name}#{k}" =~ /\\A(\\w)(\\d+)\\z/ && $1 == name && $2 == k.to_s
            end
            puts "#{name}: #{work(100 * (i + 1))}"
          end
        end
        """.replace(
            "def work(n) = (1..n).reduce(0) { |a, b| a + b }", "def work(n); (1..n).reduce(0) { |a, b| a + b }; end"
        ),
        rt=rt,
    )
    outputs: dict[str, str] = {}
    failures: list[BaseException] = []

    def run(name: str) -> None:
        buf = io.StringIO()
        rt.push_output(buf, buf)
        try:
            rt.call_block(blocks[name])
        except BaseException as e:  # noqa: BLE001 - collected for the assertion below
            failures.append(e)
        finally:
            rt.pop_output()
        outputs[name] = buf.getvalue()

    threads = [threading.Thread(target=run, args=(n,)) for n in blocks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert outputs == {"a": "a: 5050\n", "b": "b: 20100\n", "c": "c: 45150\n", "d": "d: 80200\n"}


def test_thread_state_is_per_thread() -> None:
    rt = Interpreter()
    rt.set_global("$?", "main status")
    seen: list[Any] = []
    t = threading.Thread(target=lambda: seen.append(rt.get_global("$?")))
    t.start()
    t.join()
    assert seen == [None]
    assert rt.get_global("$?") == "main status"


def test_at_exit_runs_in_reverse_order() -> None:
    rt = Interpreter()
    out, _ = run_ruby('at_exit { puts "first registered" }\nat_exit { puts "second registered" }\nputs "body"', rt=rt)
    buf = io.StringIO()
    rt.push_output(buf, None)
    try:
        rt.run_at_exit()
    finally:
        rt.pop_output()
    assert out == "body\n"
    assert buf.getvalue() == "second registered\nfirst registered\n"


def test_stdout_defaults_to_sys_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    Interpreter().eval_source('puts "to real stdout"; warn "to real stderr"; $stdout.puts "via $stdout"')
    captured = capsys.readouterr()
    assert captured.out == "to real stdout\nvia $stdout\n"
    assert captured.err == "to real stderr\n"


def test_main_object_and_constants_table() -> None:
    rt = Interpreter()
    assert rt.inspect(rt.main) == "main"
    assert rt.constants["String"] is STRING
    rt.constants["INJECTED"] = RString("x")
    out, _ = run_ruby("p INJECTED", rt=rt)
    assert out == '"x"\n'
