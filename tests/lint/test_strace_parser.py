"""strace output becomes the files a command read, wrote, removed and made, resolved against each process's folder."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pydrake.lint.strace_parser import (
    APPEND,
    ENSURE_DIR,
    MKDIR,
    READ,
    REMOVE,
    TRACED_SYSCALLS,
    WRITE,
    Access,
    TraceReader,
    read_trace,
    split_call,
    unescape,
)


def accesses(text: str, cwd: str = "/proj") -> list[tuple[str, str]]:
    return [(a.kind, a.path) for a in TraceReader(cwd).lines(text.strip().splitlines())]


def test_unescape_reads_c_escapes_as_a_path():
    assert unescape(r"a\"b\\c") == 'a"b\\c'
    assert unescape(r"caf\303\251.txt") == "café.txt"
    assert unescape(r"caf\xc3\xa9") == "café"
    assert unescape(r"tab\there") == "tab\there"
    assert unescape("plain") == "plain"


def test_split_call_keeps_strings_annotations_and_braces_whole():
    args, tail = split_call(r'AT_FDCWD</a, b>, "x,\")y", {st_mode=S_IFREG, ...}, 0) = 3</a, b/x>')
    assert args == ["AT_FDCWD</a, b>", r'"x,\")y"', "{st_mode=S_IFREG, ...}", "0"]
    assert tail == " = 3</a, b/x>"


def test_open_flags_decide_read_or_write():
    trace = """
101 openat(AT_FDCWD</proj>, "in.txt", O_RDONLY) = 3</proj/in.txt>
101 openat(AT_FDCWD</proj>, "out.txt", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3</proj/out.txt>
101 openat(AT_FDCWD</proj>, "log.txt", O_WRONLY|O_CREAT|O_APPEND, 0666) = 4</proj/log.txt>
101 openat(AT_FDCWD</proj>, "lib.a", O_RDWR|O_CREAT, 0666) = 5</proj/lib.a>
101 openat(AT_FDCWD</proj>, "obj", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 6</proj/obj>
101 openat(AT_FDCWD</proj>, "missing.h", O_RDONLY) = -1 ENOENT (No such file or directory)
"""
    assert accesses(trace) == [
        (READ, "/proj/in.txt"),
        (WRITE, "/proj/out.txt"),
        (APPEND, "/proj/log.txt"),
        (READ, "/proj/lib.a"),
        (WRITE, "/proj/lib.a"),
    ]


def test_at_calls_use_the_folder_strace_shows_for_the_descriptor():
    trace = """
7 openat(3</proj/obj>, "a.o", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4</proj/obj/a.o>
7 unlinkat(AT_FDCWD</proj>, "obj/../old.o", 0) = 0
7 renameat2(AT_FDCWD</proj>, "tmp.txt", AT_FDCWD</proj>, "d/x.txt", RENAME_NOREPLACE) = 0
7 symlinkat("x.txt", AT_FDCWD</proj/d>, "link") = 0
7 linkat(AT_FDCWD</proj>, "a", AT_FDCWD</proj>, "b", 0) = 0
"""
    assert accesses(trace) == [
        (WRITE, "/proj/obj/a.o"),
        (REMOVE, "/proj/old.o"),
        (READ, "/proj/tmp.txt"),
        (REMOVE, "/proj/tmp.txt"),
        (WRITE, "/proj/d/x.txt"),
        (WRITE, "/proj/d/link"),
        (READ, "/proj/a"),
        (WRITE, "/proj/b"),
    ]


def test_mkdir_made_or_already_there_and_relative_calls_follow_chdir():
    trace = """
9 mkdir("out", 0777) = 0
9 openat(AT_FDCWD</proj>, "out", O_RDONLY|O_NOCTTY|O_NONBLOCK|O_NOFOLLOW|O_DIRECTORY) = 3</proj/out>
9 fchdir(3</proj/out>) = 0
9 mkdir("sub", 0777) = 0
9 mkdir("sub", 0777) = -1 EEXIST (File exists)
9 chdir("sub") = 0
9 creat("x", 0644) = 4
9 mkdir("/elsewhere/no", 0777) = -1 EACCES (Permission denied)
"""
    assert accesses(trace) == [
        (MKDIR, "/proj/out"),
        (MKDIR, "/proj/out/sub"),
        (ENSURE_DIR, "/proj/out/sub"),
        (WRITE, "/proj/out/sub/x"),
    ]


def test_unfinished_calls_are_joined_and_children_inherit_the_folder():
    trace = """
20 chdir("/proj/src") = 0
20 vfork( <unfinished ...>
21 execve("./gen", ["./gen"], 0x7ffd /* 3 vars */ <unfinished ...>
20 <... vfork resumed>) = 21
21 <... execve resumed>) = 0
21 open("gen.h", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3</proj/src/gen.h>
20 execve("/usr/bin/cc", ["cc"], 0x7ffd /* 3 vars */) = 0
21 +++ exited with 0 +++
20 --- SIGCHLD {si_signo=SIGCHLD} ---
"""
    assert accesses(trace) == [
        (READ, "/proj/src/gen"),
        (WRITE, "/proj/src/gen.h"),
        (READ, "/usr/bin/cc"),
    ]


def test_a_forked_child_seen_after_the_parent_returns_gets_its_folder():
    trace = """
30 chdir("build") = 0
30 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=0x7f) = 31
31 mkdir("obj", 0777) = 0
"""
    assert accesses(trace) == [(MKDIR, "/proj/build/obj")]


def test_failed_commands_and_odd_lines_record_nothing():
    trace = """
40 execve("/root/bin/cc", ["cc"], 0x7ffd /* 3 vars */) = -1 ENOENT (No such file or directory)
40 unlinkat(AT_FDCWD</proj>, "gone", 0) = -1 ENOENT (No such file or directory)
strace: Process 41 attached
40 exit_group(0) = ?
"""
    assert accesses(trace) == []


def test_read_trace_of_a_missing_file_is_empty(tmp_path):
    assert read_trace(str(tmp_path / "none.trace"), str(tmp_path)) == []


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (Debian package 'strace')")
def test_a_real_strace_of_a_shell_command(tmp_path):
    out = tmp_path / "cmd.trace"
    script = "echo hi > gen.txt; cat gen.txt > use.txt; mkdir -p d/e; mkdir -p d; mv use.txt d/x; rm gen.txt"
    argv = ["strace", "-f", "-qq", "-y", "-e", "signal=none", "-e", f"trace={TRACED_SYSCALLS}", "-o", str(out)]
    done = subprocess.run([*argv, "--", "/bin/sh", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()}")
    root = str(tmp_path)
    mine = [a for a in read_trace(str(out), root) if a.path.startswith(root + "/")]
    p = lambda name: f"{root}/{name}"  # noqa: E731
    assert mine == [
        Access(WRITE, p("gen.txt")),
        Access(WRITE, p("use.txt")),
        Access(READ, p("gen.txt")),
        Access(MKDIR, p("d")),
        Access(MKDIR, p("d/e")),
        Access(ENSURE_DIR, p("d")),
        Access(READ, p("use.txt")),
        Access(REMOVE, p("use.txt")),
        Access(WRITE, p("d/x")),
        Access(REMOVE, p("gen.txt")),
    ]


def test_calls_on_ignored_system_folders_are_skipped_but_folders_still_followed():
    trace = """
50 openat(AT_FDCWD</proj>, "/usr/include/stdio.h", O_RDONLY) = 3</usr/include/stdio.h>
50 chdir("/usr/src") = 0
50 openat(AT_FDCWD</usr/src>, "../../proj/x.c", O_RDONLY) = 3</proj/x.c>
50 renameat2(AT_FDCWD</proj>, "/usr/tmp/a", AT_FDCWD</proj>, "b", 0) = 0
"""
    reader = TraceReader("/proj", ignore=("/usr",))
    found = [(a.kind, a.path) for a in reader.lines(trace.strip().splitlines())]
    assert found == [(READ, "/proj/x.c"), (READ, "/usr/tmp/a"), (REMOVE, "/usr/tmp/a"), (WRITE, "/proj/b")]
