"""The on-disk cache of parsed files: exact round trip, private folder, safe misses."""

from __future__ import annotations

import marshal
import os
import stat
from pathlib import Path

import pytest

from pydrake.syntax import ast_cache
from pydrake.syntax.parser import parse, parse_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A fresh XDG_CACHE_HOME, and the module's folder lookup forgotten before and after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PYDRAKE_NO_CACHE", raising=False)
    monkeypatch.setattr(ast_cache, "_folder", False)
    yield tmp_path / "cache" / "pydrake" / "ast"
    monkeypatch.setattr(ast_cache, "_folder", False)


def ruby_files() -> list[Path]:
    found = []
    for pattern in ("tests/conformance/cases/**/*", "sample_rakefiles/**/*", "pydrake/rake/lib/**/*.rb"):
        for p in sorted(ROOT.glob(pattern)):
            if p.is_file() and (p.name.lower().startswith("rakefile") or p.suffix in (".rb", ".rake")):
                found.append(p)
    return found


def test_every_ruby_file_of_the_project_survives_the_round_trip():
    checked = 0
    for path in ruby_files():
        try:
            program = parse(path.read_text(errors="surrogateescape"), str(path))
        except Exception:  # noqa: BLE001 - files that do not parse are the parser's tests
            continue
        assert ast_cache.decode(marshal.loads(marshal.dumps(ast_cache.encode(program)))) == program, path
        checked += 1
    assert checked > 150


def test_a_parsed_file_is_stored_privately_and_reused(cache_home):
    source = 'task :a do\n  sh "echo a"\nend\n'
    first = parse_file(source, "/p/Rakefile")
    entries = list(cache_home.iterdir())
    assert len(entries) == 1
    assert stat.S_IMODE(cache_home.stat().st_mode) == 0o700
    assert stat.S_IMODE(entries[0].stat().st_mode) == 0o600
    assert parse_file(source, "/p/Rakefile") == first
    assert len(list(cache_home.iterdir())) == 1


def test_the_key_changes_with_the_text_and_the_file_name():
    key = ast_cache.key("task :a\n", "/p/Rakefile")
    assert key == ast_cache.key("task :a\n", "/p/Rakefile")
    assert key != ast_cache.key("task :b\n", "/p/Rakefile")
    assert key != ast_cache.key("task :a\n", "/q/Rakefile")


def test_a_damaged_entry_is_a_miss_and_is_replaced(cache_home):
    source = "task :a\n"
    expected = parse_file(source, "/p/Rakefile")
    (entry,) = cache_home.iterdir()
    entry.write_bytes(b"\x00 not marshal data")
    assert parse_file(source, "/p/Rakefile") == expected
    assert ast_cache.load(entry.name) == expected


def test_an_entry_others_can_write_is_never_loaded(cache_home):
    source = "task :a\n"
    parse_file(source, "/p/Rakefile")
    (entry,) = cache_home.iterdir()
    os.chmod(entry, 0o666)
    assert ast_cache.load(entry.name) is None


def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    (shared / "pydrake" / "ast").mkdir(parents=True)
    os.chmod(shared / "pydrake", 0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    monkeypatch.setattr(ast_cache, "_folder", False)
    try:
        assert ast_cache.folder() is None
        parse_file("task :a\n", "/p/Rakefile")  # still parses, just without the cache
    finally:
        monkeypatch.setattr(ast_cache, "_folder", False)


def test_pydrake_no_cache_turns_it_off(cache_home, monkeypatch):
    monkeypatch.setenv("PYDRAKE_NO_CACHE", "1")
    parse_file("task :a\n", "/p/Rakefile")
    assert not cache_home.exists()


def test_a_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch):
    from pydrake.syntax.private_cache import cache_folder

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.delenv("PYDRAKE_NO_CACHE", raising=False)
    assert cache_folder("ast") == str(tmp_path / "home" / ".cache" / "pydrake" / "ast")
    assert not (tmp_path / "relative-cache").exists()


def test_the_folders_are_private_whatever_the_umask(tmp_path, monkeypatch):
    from pydrake.syntax.private_cache import cache_folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PYDRAKE_NO_CACHE", raising=False)
    old = os.umask(0o002)
    try:
        folder = cache_folder("ast")
    finally:
        os.umask(old)
    assert folder is not None
    assert stat.S_IMODE((tmp_path / "cache" / "pydrake").stat().st_mode) == 0o700
    assert stat.S_IMODE(Path(folder).stat().st_mode) == 0o700


def test_block_bodies_from_an_entry_are_rebuilt_only_when_read(cache_home):
    from pydrake.syntax import ast

    source = 'task :a do\n  sh "echo a"\n  [1].each { |x| puts x }\nend\n'
    parsed = parse_file(source, "/p/Rakefile")
    loaded = parse_file(source, "/p/Rakefile")
    block = loaded.body[0].block
    assert isinstance(block, ast.Block)
    assert ast.still_deferred(block, "body")
    body = block.body
    assert not ast.still_deferred(block, "body")
    assert block.body is body  # rebuilt once, then kept
    inner = body[1].block
    assert ast.still_deferred(inner, "body")  # a block inside a block waits for its own first read
    assert loaded == parsed
    assert not ast.still_deferred(parsed.body[0].block, "body")  # a fresh parse has nothing deferred


def test_defining_tasks_from_an_entry_leaves_their_block_bodies_unread(cache_home, tmp_path, capsys):
    from pydrake.application import Application
    from pydrake.options import parse_args
    from pydrake.syntax import ast

    rakefile = tmp_path / "Rakefile"
    rakefile.write_text('task :a do\n  puts "ran a"\nend\nfile "f" => [] do |t|\n  puts t.name\nend\n')
    parse_file(rakefile.read_text(), str(rakefile))  # the entry
    app = Application(parse_args(["-f", str(rakefile), "a"], {}))
    program = parse_file(rakefile.read_text(), str(rakefile))
    app.rt.run_program(program, str(rakefile), "<top (required)>")
    assert all(ast.still_deferred(statement.block, "body") for statement in program.body)
    app.runner.invoke(app.app.manager.lookup("a"), [])
    assert capsys.readouterr().out == "ran a\n"
    assert not ast.still_deferred(program.body[0].block, "body")
    assert ast.still_deferred(program.body[1].block, "body")


def test_an_entry_whose_block_body_is_not_bytes_is_a_miss(cache_home):
    from pydrake.syntax import ast

    source = "task :a do\n  puts 1\nend\n"
    expected = parse_file(source, "/p/Rakefile")
    (entry,) = cache_home.iterdir()
    form = marshal.loads(entry.read_bytes())

    def damage(value):
        if isinstance(value, list):
            if ast_cache._classes()[value[0]] is ast.Block:
                return [*value[:4], ["not bytes"], *value[5:]]
            return [value[0], *(damage(v) for v in value[1:])]
        if isinstance(value, tuple):
            return tuple(damage(v) for v in value)
        return value

    damaged = damage(form)
    assert damaged != form
    entry.write_bytes(marshal.dumps(damaged))
    assert ast_cache.load(entry.name) is None
    assert parse_file(source, "/p/Rakefile") == expected
