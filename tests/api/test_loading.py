"""pydrake.load: Rakefiles found and loaded as the command line loads them, failures as RakefileError."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import pydrake


def test_import_pydrake_does_not_load_the_api():
    code = "import sys, pydrake; print('pydrake.api' in sys.modules); pydrake.load; print('pydrake.api' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_every_exported_name_resolves_to_the_api():
    from pydrake import api

    assert set(pydrake.__all__) == {"__version__", "RAKE_VERSION", *api.__all__}
    for name in api.__all__:
        assert getattr(pydrake, name) is getattr(api, name)
    with pytest.raises(AttributeError):
        pydrake.no_such_name  # noqa: B018


def test_load_a_folder_finds_rakes_names_and_keeps_what_loading_printed(make_project):
    folder = make_project({"Rakefile": 'puts "loading"\ntask :a\n'})
    project = pydrake.load(folder)
    assert project.directory == folder.resolve()
    assert project.rakefiles == (folder.resolve() / "Rakefile",)
    assert project.load_output == "loading\n"
    assert [t.name for t in project.tasks] == ["a"]


def test_load_leaves_the_working_directory_and_stdout_alone(make_project, capsys):
    folder = make_project({"Rakefile": 'puts "loading"\nwarn "careful"\ntask :a\n'})
    before = os.getcwd()
    project = pydrake.load(folder)
    assert os.getcwd() == before
    assert capsys.readouterr() == ("", "")
    assert project.load_output == "loading\ncareful\n"


def test_echo_copies_what_loading_prints(make_project, capsys):
    folder = make_project({"Rakefile": 'puts "loading"\ntask :a\n'})
    pydrake.load(folder, echo=True)
    assert capsys.readouterr().out == "loading\n"


def test_load_a_rakefile_by_path(make_project):
    folder = make_project({"build.rake": "task :from_file\n"})
    project = pydrake.load(folder / "build.rake")
    assert [t.name for t in project.tasks] == ["from_file"]


def test_several_rakefiles_load_in_order_with_rakelib(make_project):
    folder = make_project(
        {
            "main.rake": 'task :a do puts "a1" end\n',
            "extra.rake": 'task :a do puts "a2" end\ntask :b\n',
            "rakelib/lib.rake": "task :c\n",
        }
    )
    project = pydrake.load(folder, rakefiles=["main.rake", "extra.rake"])
    assert [t.name for t in project.tasks] == ["a", "b", "c"]
    assert project.run("a").output == "a1\na2\n"


def test_a_syntax_error_names_file_and_line(make_project):
    folder = make_project({"Rakefile": 'task :a do\n  puts "x"\n\ntask :b\n'})
    with pytest.raises(pydrake.RakefileError) as info:
        pydrake.load(folder)
    err = info.value
    assert (err.file, err.line, err.kind) == (str(folder.resolve() / "Rakefile"), 4, "SyntaxError")
    assert str(err).startswith(f"{folder.resolve() / 'Rakefile'}:4: syntax error")


def test_a_ruby_error_while_loading_names_file_line_and_class(make_project):
    folder = make_project({"Rakefile": "task :a\n", "rakelib/bad.rake": "task :b\nno_such_method 1\n"})
    with pytest.raises(pydrake.RakefileError) as info:
        pydrake.load(folder)
    err = info.value
    assert (err.file, err.line, err.kind) == (str(folder.resolve() / "rakelib" / "bad.rake"), 2, "NoMethodError")
    assert "undefined method `no_such_method'" in err.message


def test_a_missing_rakefile_is_a_rakefile_error(make_project, tmp_path):
    folder = make_project({"README": "no Rakefile here\n"})
    with pytest.raises(pydrake.RakefileError, match="No Rakefile found"):
        pydrake.load(folder)
    with pytest.raises(pydrake.RakefileError, match="No such Rakefile"):
        pydrake.load(folder, rakefiles=["missing.rake"])
    with pytest.raises(pydrake.RakefileError, match="No such file or directory"):
        pydrake.load(tmp_path / "nowhere")


def test_rakefile_error_is_a_pydrake_error():
    assert issubclass(pydrake.RakefileError, pydrake.PydrakeError)
    assert issubclass(pydrake.TaskNotFoundError, LookupError)
