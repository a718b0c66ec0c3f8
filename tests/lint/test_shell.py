"""Reading a command line like a shell: which words are files it reads, writes, deletes or creates."""

from __future__ import annotations

from pydrake.lint.shell import DELETE, MKDIR, READ, UNKNOWN_MARK, WRITE, ShellAccess, argv_accesses, command_accesses


def no_dirs(path: str) -> bool:
    return False


def modes(command: str, is_dir=no_dirs, cwd: str = "") -> set[tuple[str, str]]:
    return {(a.mode, a.path) for a in command_accesses(command, is_dir, cwd)}


def test_redirections_write_and_read():
    assert modes("cat data.csv > stats.txt") == {(READ, "data.csv"), (WRITE, "stats.txt")}
    assert modes("sort < in.txt >> out.txt 2>&1") == {(READ, "in.txt"), (WRITE, "out.txt")}
    assert modes("make 2> err.log") == {(WRITE, "err.log")}
    assert modes("echo hi > /dev/null") == set()


def test_append_redirection_is_marked():
    (acc,) = command_accesses("echo done >> build.log", no_dirs)
    assert acc == ShellAccess("build.log", WRITE, append=True)


def test_echo_and_printf_operands_are_not_files():
    assert modes("echo building app.o now") == set()
    assert modes("printf '%s\\n' gen.txt > list.txt") == {(WRITE, "list.txt")}


def test_compiler_output_and_sources():
    assert modes("cc -O2 -Wall -c src/a.c -o obj/a.o") == {(READ, "src/a.c"), (WRITE, "obj/a.o")}
    assert modes("gcc -c foo.c") == {(READ, "foo.c"), (WRITE, "foo.o")}
    assert modes("cc -Iinclude -o app main.o util.o -lm") == {(READ, "main.o"), (READ, "util.o"), (WRITE, "app")}
    assert modes("cc -c x.c -o x.o -MMD -MF x.d") == {(READ, "x.c"), (WRITE, "x.o"), (WRITE, "x.d")}
    assert modes("arm-none-eabi-gcc -include cfg.h -c m.c -om.o") == {(READ, "cfg.h"), (READ, "m.c"), (WRITE, "m.o")}


def test_copy_move_and_link_operands():
    assert modes("cp a.txt b.txt") == {(READ, "a.txt"), (WRITE, "b.txt")}
    assert modes("cp a b dist") == {(READ, "a"), (READ, "b"), (WRITE, "dist/a"), (WRITE, "dist/b")}
    assert modes("cp src/x.css dist/", no_dirs) == {(READ, "src/x.css"), (WRITE, "dist/x.css")}
    assert modes("cp x.css out", lambda p: p == "out") == {(READ, "x.css"), (WRITE, "out/x.css")}
    assert modes("mv tmp.txt a.txt") == {(READ, "tmp.txt"), (DELETE, "tmp.txt"), (WRITE, "a.txt")}
    assert modes("ln -sf ../lib/libx.so build/libx.so") == {(WRITE, "build/libx.so")}
    assert modes("install -m 755 app bin/app") == {(READ, "app"), (WRITE, "bin/app")}


def test_touch_rm_mkdir_tee_sed():
    assert modes("touch stamp && rm -f old.txt") == {(WRITE, "stamp"), (DELETE, "old.txt")}
    (rm,) = command_accesses("rm -rf build", no_dirs)
    assert rm == ShellAccess("build", DELETE, recursive=True)
    assert modes("mkdir -p out/a out/b") == {(MKDIR, "out/a"), (MKDIR, "out/b")}
    assert modes("gen | tee -a log.txt") == {(WRITE, "log.txt")}
    assert modes("sed -i s/a/b/ f.txt") == {(READ, "f.txt"), (WRITE, "f.txt")}
    assert modes("sed -e s/a/b/ in.txt > out.txt") == {(READ, "in.txt"), (WRITE, "out.txt")}


def test_archives():
    assert modes("tar czf pkg.tgz build docs") == {(WRITE, "pkg.tgz"), (READ, "build"), (READ, "docs")}
    assert all(a.recursive for a in command_accesses("tar -cf x.tar dir", no_dirs) if a.mode == READ)
    assert modes("tar xzf pkg.tgz") == {(READ, "pkg.tgz")}
    assert modes("ar rcs libm.a a.o b.o") == {(WRITE, "libm.a"), (READ, "libm.a"), (READ, "a.o"), (READ, "b.o")}
    assert modes("zip -r site.zip _site") == {(WRITE, "site.zip"), (READ, "_site")}


def test_cd_makes_later_paths_relative_to_it_until_the_subshell_ends():
    assert modes("cd build && cc -c ../x.c -o x.o") == {(READ, "build/../x.c"), (WRITE, "build/x.o")}
    assert modes("(cd docs && make html) && cat out.txt") == {(READ, "out.txt")}
    assert modes("cd $DIR && cat x") == set()


def test_nested_shell_and_interpreters():
    assert modes("sh -c 'echo hi > y.txt'") == {(WRITE, "y.txt")}
    assert modes("ruby tools/gen.rb config.txt > out.h") == {
        (READ, "tools/gen.rb"),
        (READ, "config.txt"),
        (WRITE, "out.h"),
    }
    assert modes("ruby -e 'File.write(\"x\", 1)'") == set()
    assert modes("./configure --prefix=/usr > cfg.log") == {(READ, "./configure"), (READ, "/usr"), (WRITE, "cfg.log")}


def test_words_that_cannot_be_known_are_never_paths():
    assert modes(f"cat {UNKNOWN_MARK}.txt > out/{UNKNOWN_MARK}") == set()
    assert modes("cat $HOME/x `pwd`/y ~/z") == set()
    assert modes("make -C sub all && rsync -a out/ host:/srv") == set()


def test_environment_assignments_and_wrappers_are_skipped():
    assert modes("CC=clang env FOO=1 time cc -o app main.c") == {(READ, "main.c"), (WRITE, "app")}


def test_newlines_separate_commands():
    assert modes("echo a > a.txt\ncat a.txt > b.txt") == {(WRITE, "a.txt"), (READ, "a.txt"), (WRITE, "b.txt")}


def test_unbalanced_quotes_give_nothing():
    assert command_accesses("cat 'x > y", no_dirs) == []


def test_argv_without_a_shell_has_no_redirections():
    assert {(a.mode, a.path) for a in argv_accesses(["cc", "-o", "app", "main.o"], no_dirs)} == {
        (WRITE, "app"),
        (READ, "main.o"),
    }
    assert {(a.mode, a.path) for a in argv_accesses(["echo", ">", "x"], no_dirs)} == set()


def test_cwd_prefixes_paths():
    assert modes("cat a > b", cwd="sub") == {(READ, "sub/a"), (WRITE, "sub/b")}


def test_a_script_run_by_sh_keeps_its_own_options():
    assert modes("sh tools/fakecc.sh -c src/a.c -o obj/a.o") == {
        (READ, "tools/fakecc.sh"),
        (READ, "src/a.c"),
        (WRITE, "obj/a.o"),
    }


def test_compiled_sources_read_the_headers_they_include_with_quotes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.c").write_text('#include <stdio.h>\n#include "local.h"\n#include "gen.h"\n')
    (tmp_path / "src" / "local.h").write_text('#include "deep.h"\n')
    (tmp_path / "src" / "deep.h").write_text("")
    found = modes("cc -Ibuild -c src/main.c -o main.o")
    assert (READ, "src/local.h") in found and (READ, "src/deep.h") in found
    assert (READ, "build/gen.h") in found  # not there yet: a task may make it
    assert (READ, "build/local.h") not in found  # the compiler stops at src/local.h
    assert not any(path.endswith("stdio.h") for _, path in found)
