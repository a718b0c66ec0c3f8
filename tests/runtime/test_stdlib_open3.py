"""require "open3": capture2/capture2e/capture3 and popen2/popen3 with stdin data, environments and statuses."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_captures() -> None:
    src = r"""
    require 'open3'

    out, status = Open3.capture2("echo captured")
    p out, status.success?, status.exitstatus, status.class
    o, e, st = Open3.capture3("sh -c 'echo out; echo err >&2; exit 4'")
    p o, e, st.exitstatus, st.success?
    both, st2 = Open3.capture2e("sh -c 'echo one; echo two >&2'")
    p both.lines.sort, st2.to_i
    p Open3.capture2("tr a-z A-Z", stdin_data: "shout\n")[0], Open3.capture3("cat", stdin_data: "in")[0, 2]
    p Open3.capture2("echo", "a b")[0], Open3.capture2({"FOO" => "bar"}, "echo $FOO")[0], Open3.capture2("pwd", chdir: "/")[0]
    p((Open3.capture2("nonexistent_cmd_x") rescue $!), (Open3.capture2("nonexistent_cmd_x arg") rescue $!))
    """
    assert out(src) == (
        '"captured\\n"\n'
        "true\n"
        "0\n"
        "Process::Status\n"
        '"out\\n"\n'
        '"err\\n"\n'
        "4\n"
        "false\n"
        '["one\\n", "two\\n"]\n'
        "0\n"
        '"SHOUT\\n"\n'
        '["in", ""]\n'
        '"a b\\n"\n'
        '"bar\\n"\n'
        '"/\\n"\n'
        "#<Errno::ENOENT: No such file or directory - nonexistent_cmd_x>\n"
        "#<Errno::ENOENT: No such file or directory - nonexistent_cmd_x>\n"
    )


def test_popen() -> None:
    src = r"""
    require 'open3'

    r = Open3.popen3("cat; echo err >&2") { |i, o, e, t| i.puts "hi"; i.close; [o.read, e.read, t.value.class, t.pid.class, t.value.success?] }
    p r
    i, o, e, t = Open3.popen3("echo hey")
    p o.read, t.value.exitstatus, i.class, o.class
    [i, o, e].each(&:close)
    Open3.popen2("tr a-z A-Z") { |i, o, t| i.write "abc"; i.close; p o.read, t.value.to_i }
    Open3.popen2e("echo a; echo b >&2") { |i, o, t| p o.read.lines.sort }
    Open3.popen3("printf 'l1\nl2\n'") { |i, o, e, t| o.each_line { |l| p l } }
    p Open3.popen3("exit 2") { |i, o, e, t| t.value }.exitstatus
    """
    assert out(src) == (
        '["hi\\n", "err\\n", Process::Status, Integer, true]\n'
        '"hey\\n"\n'
        "0\n"
        "IO\n"
        "IO\n"
        '"ABC"\n'
        "0\n"
        '["a\\n", "b\\n"]\n'
        '"l1\\n"\n'
        '"l2\\n"\n'
        "2\n"
    )
