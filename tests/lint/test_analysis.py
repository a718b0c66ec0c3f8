"""The j-safety checks: which Rakefiles get which findings, and which get none."""

from __future__ import annotations

from pydrake.lint.findings import MISSING_DEPENDENCY, MULTITASK, NESTED_INVOKE, ORDER_RELIANCE, WRITE_CONFLICT

from .rakefiles import kinds, lint_folder, write_project


def lint_text(tmp_path, text, files=None, names=None):
    return lint_folder(write_project(tmp_path, text, files), names)


def test_reader_of_a_file_task_output_without_the_prerequisite(tmp_path):
    result = lint_text(
        tmp_path,
        """task :default => [:report, :stats]

file "data.csv" do
  sh "echo a,1 > data.csv"
end

task :report => "data.csv" do
  sh "cp data.csv report.txt"
end

task :stats do
  sh "cat data.csv > stats.txt"
end
""",
    )
    assert kinds(result) == [(MISSING_DEPENDENCY, 11, "Rakefile")]
    (finding,) = result.findings
    assert finding.message == (
        "task 'stats' reads 'data.csv', produced by task 'data.csv' (Rakefile:3), with no prerequisite path between them"
    )
    assert finding.fix == "task :stats => 'data.csv'"
    assert finding.details[0] == 'read at Rakefile:12: sh "cat data.csv > stats.txt" (guessed from the command line)'


def test_sibling_order_reliance_names_both_siblings_and_offers_seq(tmp_path):
    result = lint_text(
        tmp_path,
        """task :all => [:gen, :use]

task :gen do
  sh "echo generated > gen.txt"
end

task :use do
  sh "cat gen.txt > use.txt"
end
""",
    )
    assert kinds(result) == [(ORDER_RELIANCE, 7, "Rakefile")]
    (finding,) = result.findings
    assert "'use' reads 'gen.txt', written by task 'gen' (Rakefile:3)" in finding.message
    assert "('gen' before 'use')" in finding.message
    assert finding.fix == "task :use => :gen   (or task :all => seq[:gen, :use])"


def test_reader_listed_before_the_writer_is_a_missing_dependency_even_sequentially(tmp_path):
    result = lint_text(
        tmp_path,
        """task :default => [:use, :gen]
task :gen do
  File.write("gen.txt", "hi")
end
task :use do
  puts File.read("gen.txt")
end
""",
    )
    assert kinds(result) == [(MISSING_DEPENDENCY, 5, "Rakefile")]
    assert "even a sequential run reads first" in result.findings[0].message


def test_two_unordered_writers_of_one_file(tmp_path):
    result = lint_text(
        tmp_path,
        """task :default => [:stamp_a, :stamp_b]

task :stamp_a do
  sh "echo a > version.txt"
end

task :stamp_b do
  sh "echo b > version.txt"
end
""",
    )
    assert kinds(result) == [(WRITE_CONFLICT, 7, "Rakefile")]
    finding = result.findings[0]
    assert "tasks 'stamp_a' (Rakefile:3) and 'stamp_b' both write 'version.txt'" in finding.message
    assert finding.fix == "task :stamp_b => :stamp_a   (or task :default => seq[:stamp_a, :stamp_b])"


def test_nested_invoke_and_multitask_note(tmp_path):
    result = lint_text(
        tmp_path,
        """multitask :docs => [:html, :pdf]
task :html
task :pdf
task :deploy do
  Rake::Task[:docs].invoke
end
""",
    )
    assert kinds(result) == [(MULTITASK, 1, "Rakefile"), (NESTED_INVOKE, 5, "Rakefile")]
    assert result.findings[1].fix.startswith("task :deploy => :docs")
    assert result.failed
    assert not lint_text(tmp_path / "only_note", "multitask :a => [:b]\ntask :b\n").failed


def test_a_rule_source_made_by_an_unordered_task(tmp_path):
    result = lint_text(
        tmp_path,
        """task :default => [:gen, :build]
task :gen do
  sh "echo 'int main(){}' > main.c"
end
rule ".o" => ".c" do |t|
  sh "cc -c #{t.source} -o #{t.name}"
end
task :build => "main.o"
""",
    )
    assert kinds(result) == [(ORDER_RELIANCE, 5, "Rakefile")]
    assert "task 'main.o' reads 'main.c', written by task 'gen'" in result.findings[0].message


def test_writing_into_a_folder_another_task_creates(tmp_path):
    result = lint_text(
        tmp_path,
        'directory "out"\ntask :a do\n  sh "echo a > out/a.txt"\nend\ntask :default => ["out", :a]\n',
    )
    assert kinds(result) == [(MISSING_DEPENDENCY, 2, "Rakefile")]
    assert "writes 'out/a.txt' into folder 'out', created by task 'out' (Rakefile:1)" in result.findings[0].message
    assert result.findings[0].fix == "task :a => 'out'"


def test_no_folder_race_when_the_task_makes_the_folder_or_it_is_a_source_folder(tmp_path):
    safe = """directory "out"
directory "src/gen"
task :a do
  mkdir_p "out"
  sh "echo a > out/a.txt"
end
task :b do
  sh "echo b > src/b.txt"
end
task :c do
  mkdir_p File.dirname(ENV.fetch("TARGET_NOT_SET_#{rand}", "x/y"))
  sh "echo c > out/c.txt"
end
task :default => ["out", "src/gen", :a, :b, :c]
"""
    assert lint_text(tmp_path, safe, {"src/main.c": ""}).findings == []


def test_clean_next_to_build_is_one_grouped_write_conflict(tmp_path):
    result = lint_text(
        tmp_path,
        """directory "build"
%w[a b c].each do |n|
  file "build/#{n}.o" => "build" do |t|
    sh "echo #{n} > #{t.name}"
  end
end
task :compile => %w[build/a.o build/b.o build/c.o]
task :clean do
  rm_rf "build"
end
task :rebuild => [:clean, :compile]
""",
    )
    assert kinds(result) == [(WRITE_CONFLICT, 8, "Rakefile")]
    finding = result.findings[0]
    assert finding.message.startswith(
        "task 'clean' deletes 'build' while tasks 'build/a.o', 'build/b.o' and 'build/c.o'"
    )
    assert finding.fix == "task :rebuild => seq[:clean, :compile]"


def test_tasks_made_by_one_rule_appending_to_one_log_give_one_finding(tmp_path):
    result = lint_text(
        tmp_path,
        """SRC = FileList["src/*.txt"]
rule ".out" => ->(t) { t.pathmap("src/%n.txt") } do |t|
  File.write(t.name, File.read(t.source))
  File.open("build.log", "a") { |f| f.puts t.name }
end
task :default => SRC.pathmap("%n.out")
""",
        {"src/a.txt": "a", "src/b.txt": "b", "src/c.txt": "c"},
    )
    assert kinds(result) == [(WRITE_CONFLICT, 2, "Rakefile")]
    message = result.findings[0].message
    assert "tasks 'a.out', 'b.out' and 'c.out' (made by the rule at Rakefile:2) all append to 'build.log'" in message


def test_j_safe_c_project_has_no_finding(tmp_path):
    result = lint_text(
        tmp_path,
        """require "rake/clean"
CC = ENV.fetch("CC", "cc")
SOURCES = FileList["src/*.c"]
OBJECTS = SOURCES.pathmap("obj/%n.o")
CLEAN.include("obj")
directory "obj"
directory "bin"
rule %r{^obj/.*\\.o$} => [->(t) { t.pathmap("src/%n.c") }, "obj"] do |t|
  sh "#{CC} -c #{t.source} -o #{t.name}"
end
file "bin/app" => [*OBJECTS, "bin"] do |t|
  sh "#{CC} -o #{t.name} #{OBJECTS.join(' ')}"
end
task :test => "bin/app" do
  sh "./bin/app --selftest > test.log"
end
task :package => ["bin/app", :test] do
  sh "tar czf app.tgz bin test.log"
end
task :default => [:package]
""",
        {"src/a.c": "", "src/b.c": ""},
    )
    assert result.findings == []
    assert result.flows > 0


def test_ordered_by_seq_or_order_only_prerequisites_is_safe(tmp_path):
    result = lint_text(
        tmp_path,
        """task :release => seq[:build, :test, :upload]
task :build do
  sh "touch built"
end
task :test do
  sh "test -f built && touch tested"
end
task :upload do
  sh "test -f tested && touch uploaded"
end
task :gen do
  sh "echo x > gen.txt"
end
task :use => [] | [:gen] do
  sh "cat gen.txt"
end
task :default => [:gen, :use, :release]
""",
    )
    assert result.findings == []


def test_a_task_reading_its_own_temporary_file_is_not_a_flow(tmp_path):
    result = lint_text(
        tmp_path,
        'file "a.txt" do\n  sh "echo a > a.tmp && mv a.tmp a.txt"\nend\ntask :default => ["a.txt"]\n',
    )
    assert result.findings == []


def test_tasks_no_task_needs_together_are_not_compared(tmp_path):
    text = """task :gen do
  sh "echo x > gen.txt"
end
task :use do
  sh "cat gen.txt"
end
"""
    assert lint_text(tmp_path, text).findings == []


def test_named_tasks_limit_the_lint_to_what_they_need(tmp_path):
    text = """task :gen do
  sh "echo x > gen.txt"
end
task :use do
  sh "cat gen.txt"
end
task :other
"""
    write_project(tmp_path, text)
    assert lint_folder(tmp_path, ["use"]).findings == []
    result = lint_folder(tmp_path, ["gen", "use"])
    assert kinds(result) == [(ORDER_RELIANCE, 4, "Rakefile")]
    assert "only the order of the command line ('gen' before 'use')" in result.findings[0].message
    assert result.findings[0].fix == "task :use => :gen"


def test_a_read_listed_before_an_in_place_rewrite_asks_the_writer_to_wait(tmp_path):
    result = lint_text(
        tmp_path,
        """task :release => [:check, :bump]
task :check do
  abort "bad" unless File.read("VERSION").start_with?("1.")
end
task :bump do
  File.write("VERSION", File.read("VERSION").succ)
end
""",
        {"VERSION": "1.0\n"},
    )
    assert kinds(result) == [(ORDER_RELIANCE, 5, "Rakefile")]
    finding = result.findings[0]
    assert "task 'bump' rewrites 'VERSION', which task 'check' (Rakefile:2) reads" in finding.message
    assert finding.fix == "task :bump => :check   (or task :release => seq[:check, :bump])"


def test_an_invoked_task_is_reported_once_as_a_nested_invoke(tmp_path):
    result = lint_text(
        tmp_path,
        """task :build do
  sh "echo x > app"
end
task :ci do
  Rake::Task[:build].invoke
  sh "./app > ci.log"
end
task :default => [:build, :ci]
""",
    )
    assert kinds(result) == [(NESTED_INVOKE, 5, "Rakefile")]


def test_a_generated_header_missing_from_compile_prerequisites(tmp_path):
    result = lint_text(
        tmp_path,
        """directory "gen"
file "gen/config.h" => "gen" do |t|
  sh "echo '#define X 1' > #{t.name}"
end
%w[a b].each do |n|
  file "#{n}.o" => "#{n}.c" do |t|
    sh "cc -Igen -c #{t.source} -o #{t.name}"
  end
end
file "app" => ["gen/config.h", "a.o", "b.o"] do
  sh "cc -o app a.o b.o"
end
""",
        {"a.c": '#include "config.h"\n', "b.c": '#include "config.h"\n'},
    )
    assert kinds(result) == [(MISSING_DEPENDENCY, 6, "Rakefile")]
    finding = result.findings[0]
    assert finding.message.startswith("tasks 'a.o' and 'b.o' (all defined at Rakefile:6) read 'gen/config.h'")
    assert finding.fix == "file 'a.o' => 'gen/config.h'   (and likewise for the 1 other task)"
