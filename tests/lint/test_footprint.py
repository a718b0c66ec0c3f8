"""Footprints: what each task reads and writes, from its definition and from its action code (never run)."""

from __future__ import annotations

from pydrake.lint.footprint import DELETE, MKDIR, READ, WRITE

from .rakefiles import accesses, graph_of, write_project


def node(graph, name):
    return next(n for n in graph.nodes if n.name == name)


def test_file_and_directory_tasks_declare_their_outputs(tmp_path):
    write_project(tmp_path, 'directory "out/sub"\nfile "out/a.txt" => "out/sub" do\n  puts 1\nend\nfile "src.txt"\n')
    graph = graph_of(tmp_path)
    assert accesses(graph, "out/a.txt") == {(WRITE, "out/a.txt")}
    assert accesses(graph, "out/sub") == {(MKDIR, "out/sub")}
    assert accesses(graph, "out") == {(MKDIR, "out")}
    assert accesses(graph, "src.txt") == set()  # no action: it makes nothing


def test_sh_command_lines_are_guessed_with_interpolated_constants_locals_and_the_task(tmp_path):
    write_project(
        tmp_path,
        """CC = "cc"
OBJS = %w[a.o b.o]
%w[a b].each do |name|
  file "#{name}.o" => "#{name}.c" do |t|
    flags = "-O2"
    sh "#{CC} #{flags} -c #{t.source} -o #{t.name}"
  end
end
file "app" => OBJS do |t|
  sh "#{CC} -o #{t.name} #{t.prerequisites.join(' ')}"
end
""",
        {"a.c": "", "b.c": ""},
    )
    graph = graph_of(tmp_path)
    assert accesses(graph, "a.o") == {(WRITE, "a.o"), (READ, "a.c")}
    assert accesses(graph, "b.o") == {(WRITE, "b.o"), (READ, "b.c")}
    assert accesses(graph, "app") == {(WRITE, "app"), (READ, "a.o"), (READ, "b.o")}
    guessed = [a for a in node(graph, "a.o").footprint.accesses if a.line is not None]
    assert guessed and all(a.guessed for a in guessed)
    assert guessed[0].how == 'sh "cc -O2 -c a.c -o a.o"'


def test_ruby_file_calls_are_certain(tmp_path):
    write_project(
        tmp_path,
        """task :t do
  File.write("out.txt", File.read("in.txt").upcase)
  File.open("log.txt", "a") { |f| f.puts "x" }
  cp "a.css", "b.css"
  mv "tmp.txt", "final.txt"
  rm_rf "old"
  mkdir_p "made/here"
  touch "stamp"
end
""",
    )
    graph = graph_of(tmp_path)
    fp = node(graph, "t").footprint
    assert {(a.mode, a.path) for a in fp.accesses} == {
        (WRITE, "out.txt"),
        (READ, "in.txt"),
        (WRITE, "log.txt"),
        (READ, "a.css"),
        (WRITE, "b.css"),
        (READ, "tmp.txt"),
        (DELETE, "tmp.txt"),
        (WRITE, "final.txt"),
        (DELETE, "old"),
        (MKDIR, "made/here"),
        (WRITE, "stamp"),
    }
    assert not any(a.guessed for a in fp.accesses)
    assert next(a for a in fp.accesses if a.path == "log.txt").append
    assert next(a for a in fp.accesses if a.path == "old").recursive


def test_unknown_values_give_no_paths_and_unknown_mkdir_is_noted(tmp_path):
    write_project(
        tmp_path,
        """task :t, [:dir] do |t, args|
  mkdir_p args[:dir]
  sh "cat #{args[:dir]}/x.txt > out.txt"
  sh `ls`
end
""",
    )
    fp = node(graph_of(tmp_path), "t").footprint
    assert {(a.mode, a.path) for a in fp.accesses} == {(WRITE, "out.txt")}
    assert fp.unknown_mkdir


def test_a_variable_set_differently_in_branches_is_unknown_after_them(tmp_path):
    write_project(
        tmp_path,
        """task :t do
  out = "a.txt"
  out = "b.txt" if ENV["X"]
  sh "echo > #{out}"
  same = "c.txt"
  same = "c.txt" if ENV["X"]
  sh "echo > #{same}"
end
""",
    )
    assert accesses(graph_of(tmp_path), "t") == {(WRITE, "c.txt")}


def test_each_over_a_known_list_reads_the_block_once_per_item(tmp_path):
    write_project(
        tmp_path,
        """PAGES = %w[intro usage]
task :docs do
  PAGES.each do |page|
    sh "pandoc #{page}.md -o html/#{page}.html"
  end
end
""",
    )
    assert accesses(graph_of(tmp_path), "docs") == {
        (READ, "intro.md"),
        (WRITE, "html/intro.html"),
        (READ, "usage.md"),
        (WRITE, "html/usage.html"),
    }


def test_chdir_block_makes_paths_relative_to_the_folder(tmp_path):
    write_project(
        tmp_path, 'task :t do\n  Dir.chdir("doc") do\n    sh "cat a.txt > b.txt"\n  end\n  sh "cat c.txt"\nend\n'
    )
    assert accesses(graph_of(tmp_path), "t") == {(READ, "doc/a.txt"), (WRITE, "doc/b.txt"), (READ, "c.txt")}


def test_methods_defined_in_the_rakefile_are_followed(tmp_path):
    write_project(
        tmp_path,
        """def run(cmd)
  system(cmd) or raise "failed: #{cmd}"
end
task :t do
  run "gen > gen.txt"
end
""",
    )
    assert accesses(graph_of(tmp_path), "t") == {(WRITE, "gen.txt")}


def test_nowrite_true_blocks_touch_nothing(tmp_path):
    write_project(tmp_path, 'task :t do\n  nowrite(true) do\n    rm_rf "build"\n  end\nend\n')
    assert accesses(graph_of(tmp_path), "t") == set()


def test_invoke_calls_are_recorded_with_the_task_name(tmp_path):
    write_project(
        tmp_path,
        """task :a
task :b do
  Rake::Task[:a].invoke
  Rake.application["a"].invoke
  Rake::Task["x:#{ENV['NOPE_NOT_SET']}"].invoke
end
""",
    )
    invokes = node(graph_of(tmp_path), "b").footprint.invokes
    assert [(i.line, i.target) for i in invokes[:2]] == [(3, "a"), (4, "a")]
    assert invokes[2].target is not None and invokes[2].target.startswith("x:")


def test_prerequisite_files_are_reads_and_rule_sources_resolve(tmp_path):
    write_project(
        tmp_path,
        """rule ".o" => ".c" do |t|
  sh "cc -c #{t.source} -o #{t.name}"
end
file "app" => ["main.o"] do
  sh "cc -o app main.o"
end
""",
        {"main.c": ""},
    )
    graph = graph_of(tmp_path)
    main_o = node(graph, "main.o")
    assert main_o.kind == "rule"
    assert accesses(graph, "main.o") == {(WRITE, "main.o"), (READ, "main.c")}
    assert main_o.location is not None and main_o.location[1] == 1


def test_reading_the_rakefile_runs_no_action(tmp_path):
    write_project(
        tmp_path, 'File.write("loaded.txt", "top level runs")\ntask :default do\n  File.write("ran.txt", "x")\nend\n'
    )
    graph_of(tmp_path)
    assert (tmp_path / "loaded.txt").exists()
    assert not (tmp_path / "ran.txt").exists()
