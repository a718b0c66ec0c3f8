"""Under -j N a file task whose actions come from a rule still runs on a worker, beside the others."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Each action waits (up to 5 s) for the other to have started: run one after the other, the
# first one gives up and fails; run side by side, both see each other and succeed.
RAKEFILE = """\
rule ".out" => ".src" do |t|
  touch "#{t.name}.started", verbose: false
  other = t.name == "a.out" ? "b.out.started" : "a.out.started"
  500.times { break if File.exist?(other); sleep 0.01 }
  raise "#{t.name} ran alone" unless File.exist?(other)
  touch t.name, verbose: false
end
file "a.out" => "a.src"
file "b.out" => "b.src"
task :default => ["a.out", "b.out"]
"""


def test_rule_actions_of_explicit_file_tasks_run_in_parallel(tmp_path: Path) -> None:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    (tmp_path / "a.src").write_text("a")
    (tmp_path / "b.src").write_text("b")
    done = subprocess.run(
        [sys.executable, "-m", "pydrake", "-j", "2"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.out").exists() and (tmp_path / "b.out").exists()
