"""Project.tasks and Project.info: every task with its description, prerequisites, kind and location."""

from __future__ import annotations

import pytest

import pydrake

RAKEFILE = """\
desc "Build everything. Slowly."
task :default => [:compile, "out.txt"]

task :compile, [:mode] do |t, args|
end

file "out.txt" => "in.txt" do
end

namespace :db do
  desc "Migrate"
  task :migrate
end
"""


@pytest.fixture
def project(make_project):
    return pydrake.load(make_project({"Rakefile": RAKEFILE, "in.txt": "x\n"}))


def test_tasks_lists_every_task_sorted_by_name(project):
    assert [t.name for t in project.tasks] == ["compile", "db:migrate", "default", "out.txt"]


def test_task_info_has_comment_prerequisites_kind_and_location(project):
    info = project.info("default")
    assert info.comment == "Build everything"
    assert info.description == "Build everything. Slowly."
    assert info.prerequisites == ("compile", "out.txt")
    assert info.kind == "plain"
    assert info.location is not None
    assert (info.location.file.endswith("Rakefile"), info.location.line) == (True, 2)
    assert str(info.location).endswith("Rakefile:2")
    assert project.info("out.txt").kind == "file"
    assert project.info("compile").arg_names == ("mode",)
    assert project.info("db:migrate").comment == "Migrate"


def test_unknown_task_raises_with_rakes_suggestion(project):
    with pytest.raises(pydrake.TaskNotFoundError) as info:
        project.info("compil")
    assert info.value.name == "compil"
    assert str(info.value) == "Don't know how to build task 'compil'\nDid you mean?  compile"
    assert "compile" in project and "compil" not in project


def test_python_tasks_are_listed_beside_rakefile_tasks(project):
    @project.task("compile", i="in.txt", o="made.txt")
    def make():
        """Make it. From Python."""

    info = project.info("make")
    assert (info.python, info.kind, info.comment) == (True, "file", "Make it")
    assert info.prerequisites == ("compile", "in.txt")
    assert (info.inputs, info.outputs) == (("in.txt",), ("made.txt",))
    assert info.location is not None and info.location.file == __file__
    assert project.info("made.txt").prerequisites == ("make",)
    assert "make" in [t.name for t in project.tasks]
