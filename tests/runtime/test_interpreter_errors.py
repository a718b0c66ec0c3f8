"""Exceptions: raise forms, rescue matching, retry, ensure ordering, causes, backtraces, Python errors mapped."""

from __future__ import annotations

import pytest

from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RubyError
from tests.runtime.test_interpreter_support import out, ruby_error, run_ruby


def test_raise_forms() -> None:
    src = """
    class BuildError < StandardError; end
    class ConfigError < BuildError
      def initialize(msg = "bad config")
        super
      end
    end
    def risky(kind)
      case kind
      when :runtime then raise "plain failure"
      when :arg then raise ArgumentError, "bad argument"
      when :custom then raise BuildError, "custom failure"
      when :config then raise ConfigError
      when :bare then raise BuildError
      when :obj then raise BuildError.new("from object")
      when :fail then fail "failed with fail"
      when :zero then 1 / 0
      end
      "ok"
    end
    %i[none runtime arg custom config bare obj fail zero].each do |k|
      begin
        risky(k)
        puts "#{k}: ok"
      rescue ArgumentError, ZeroDivisionError => e
        puts "#{k}: #{e.class}: #{e.message}"
      rescue BuildError => e
        puts "#{k}: build #{e.class} #{e.message.inspect}"
      rescue => e
        puts "#{k}: other #{e.class}: #{e.message}"
      end
    end
    """
    assert out(src) == (
        "none: ok\n"
        "runtime: other RuntimeError: plain failure\n"
        "arg: ArgumentError: bad argument\n"
        'custom: build BuildError "custom failure"\n'
        'config: build ConfigError "bad config"\n'
        'bare: build BuildError "BuildError"\n'
        'obj: build BuildError "from object"\n'
        "fail: other RuntimeError: failed with fail\n"
        "zero: ZeroDivisionError: divided by 0\n"
    )


def test_rescue_else_ensure_and_retry_ordering() -> None:
    src = """
    log = []
    tries = 0
    begin
      log << :body
      tries += 1
      raise ArgumentError, "bad" if tries < 3
      log << :ok
    rescue TypeError
      log << :type
    rescue ArgumentError => e
      log << e.message
      retry
    else
      log << :else
    ensure
      log << :ensure
    end
    p log
    """
    assert out(src) == '[:body, "bad", :body, "bad", :body, :ok, :else, :ensure]\n'


def test_ensure_runs_on_break_return_and_raise() -> None:
    src = """
    def m
      yield
    ensure
      puts "ens"
    end
    p(m { 5 })
    x = [1, 2, 3].each do |v|
      begin
        break v if v == 2
      ensure
        puts "ensure #{v}"
      end
    end
    p x
    def r
      return :ret
    ensure
      puts "after return"
    end
    p r
    begin
      m { raise "inside" }
    rescue => e
      puts "propagated: #{e.message}"
    end
    """
    assert out(src) == "ens\n5\nensure 1\nensure 2\n2\nafter return\n:ret\nens\npropagated: inside\n"


def test_value_of_begin_rescue_and_modifier() -> None:
    src = """
    x = begin
      Integer("nope")
    rescue ArgumentError
      -1
    end
    y = (raise "x" rescue "rescued")
    z = Integer("zz") rescue $!.class
    p x, y, z, $!
    """
    assert out(src) == '-1\n"rescued"\nArgumentError\nnil\n'


def test_rescue_without_class_catches_only_standard_error() -> None:
    src = """
    begin
      begin
        raise Exception, "top"
      rescue
        puts "no"
      end
    rescue Exception => e
      puts "outer #{e.message}"
    end
    """
    assert out(src) == "outer top\n"


def test_rescue_by_ancestry_and_class_list() -> None:
    src = """
    begin
      [1].fetch(9)
    rescue KeyError, IndexError => e
      p e.class
    end
    begin
      raise NotImplementedError, "x"
    rescue ScriptError => e
      p e.class
    end
    """
    assert out(src) == "IndexError\nNotImplementedError\n"


def test_cause_is_set_when_raising_inside_rescue() -> None:
    src = """
    begin
      begin
        raise IOError, "inner"
      rescue IOError => inner
        raise ArgumentError, "outer from #{inner.message}"
      end
    rescue => outer
      p outer.message, outer.cause.class, outer.cause.message
    end
    p RuntimeError.new("x").cause
    """
    assert out(src) == '"outer from inner"\nIOError\n"inner"\nnil\n'


def test_bare_raise_reraises_current_exception() -> None:
    src = """
    begin
      begin
        raise "first"
      rescue => e
        raise
      end
    rescue => again
      p again.equal?(e), again.message
    end
    """
    assert out(src) == 'true\n"first"\n'


def test_exception_object_methods() -> None:
    src = """
    e = RuntimeError.new("made")
    p e.message, e.class, e, e.backtrace, RuntimeError.new, StandardError.new(nil), RuntimeError.new("")
    p e.full_message rescue p $!
    class MyErr < StandardError
      def message = "custom message"
    end
    p MyErr.new.message, MyErr.exception("m").class, e.exception.equal?(e), e.exception("other").message
    """
    src = src.replace('def message = "custom message"', 'def message; "custom message"; end')
    text = out(src)
    assert text.startswith(
        '"made"\nRuntimeError\n#<RuntimeError: made>\nnil\n#<RuntimeError: RuntimeError>\n'
        "#<StandardError: StandardError>\nRuntimeError\n"
    )
    assert text.endswith('"custom message"\nMyErr\ntrue\n"other"\n')


def test_backtrace_lines_name_file_line_and_label() -> None:
    src = """
    def inner
      raise "boom"
    end
    def outer
      [1].each { inner }
    end
    begin
      outer
    rescue => e
      puts e.backtrace
      puts e.full_message
    end
    """
    assert out(src) == (
        "test.rb:3:in `inner'\n"
        "test.rb:6:in `block in outer'\n"
        "test.rb:6:in `outer'\n"
        "test.rb:9:in `<main>'\n"
        "test.rb:3:in `inner': boom (RuntimeError)\n"
        "\tfrom test.rb:6:in `block in outer'\n"
        "\tfrom test.rb:6:in `outer'\n"
        "\tfrom test.rb:9:in `<main>'\n"
    )


def test_uncaught_error_reaches_python_with_backtrace() -> None:
    rt = Interpreter()
    with pytest.raises(RubyError) as info:
        run_ruby("def f\n  nil.upcase\nend\nf\n", rt=rt)
    exc = info.value.exc
    assert rt.real_class(exc).name == "NoMethodError"
    assert rt.backtrace(exc) == ["test.rb:2:in `f'", "test.rb:4:in `<main>'"]
    assert str(info.value) == "undefined method `upcase' for nil:NilClass"


def test_exit_is_system_exit_not_standard_error() -> None:
    src = """
    begin
      exit 4
    rescue => e
      puts "wrong"
    rescue SystemExit => e
      puts "status #{e.status} #{e.success?}"
    end
    begin
      exit
    rescue SystemExit => e
      p e.status, e.message
    end
    """
    assert out(src) == 'status 4 false\n0\n"exit"\n'


def test_system_stack_error_for_deep_recursion() -> None:
    src = """
    def down(n) = down(n + 1)
    begin
      down(0)
    rescue SystemStackError => e
      p e.class, e.message, e.is_a?(StandardError)
    end
    """
    src = src.replace("def down(n) = down(n + 1)", "def down(n); down(n + 1); end")
    assert out(src) == 'SystemStackError\n"stack level too deep"\nfalse\n'


def test_python_errors_in_builtins_become_ruby_errors() -> None:
    rt = Interpreter()

    def broken(rt_: object, recv: object, *args: object, block: object = None) -> object:
        raise TypeError("unsupported operand")

    def missing(rt_: object, recv: object, *args: object, block: object = None) -> object:
        raise FileNotFoundError(2, "No such file or directory", "nope.txt")

    rt.define_global_function("broken", broken)
    rt.define_global_function("missing", missing)
    o, _ = run_ruby(
        """
        begin; broken; rescue TypeError => e; p e.class; end
        begin; missing; rescue SystemCallError => e; p e.class, e.message, e.errno; end
        """,
        rt=rt,
    )
    assert o == 'TypeError\nErrno::ENOENT\n"No such file or directory @ rb_sysopen - nope.txt"\n2\n'


def test_keyboard_interrupt_propagates_untouched() -> None:
    rt = Interpreter()

    def interrupt(rt_: object, recv: object, *args: object, block: object = None) -> object:
        raise KeyboardInterrupt

    rt.define_global_function("interrupt", interrupt)
    with pytest.raises(KeyboardInterrupt):
        run_ruby("begin; interrupt; rescue Exception; end", rt=rt)


def test_errno_classes() -> None:
    src = """
    begin
      raise Errno::ENOENT, "foo"
    rescue SystemCallError => e
      p e.class, e.message, e.errno, Errno::EACCES.new("bar").message
    end
    """
    assert out(src) == 'Errno::ENOENT\n"No such file or directory - foo"\n2\n"Permission denied - bar"\n'


def test_raise_type_errors() -> None:
    assert ruby_error("raise 42") == ("TypeError", "exception class/object expected")
    assert ruby_error("raise") == ("RuntimeError", "")
    assert ruby_error("def m(a); end\nm(*[1, 2])") == (
        "ArgumentError",
        "wrong number of arguments (given 2, expected 1)",
    )


def test_rescue_with_non_class_is_type_error() -> None:
    assert ruby_error("begin; raise 'x'; rescue 3; end") == ("TypeError", "class or module required for rescue clause")


def test_regexp_error_names_the_feature() -> None:
    pytest.importorskip("pydrake.runtime.rubyregex")
    cls, _ = ruby_error("/a(?<=b+)c/")
    assert cls == "RegexpError"


def test_wrong_argument_count_for_a_builtin_is_argument_error() -> None:
    rt = Interpreter()
    rt.define_global_function("two", lambda rt_, recv, a, b, block=None: a)
    o, _ = run_ruby("begin; two(1); rescue ArgumentError => e; p e.message; end", rt=rt)
    assert o == '"wrong number of arguments (given 1, expected 2)"\n'
