"""Drive the Rakefile beside this script from Python: add a task, run it with two jobs, print the result."""

import sys
from pathlib import Path

import pydrake

project = pydrake.load(Path(__file__).resolve().parent)


def count_words(path: Path) -> tuple[str, int]:
    """One chapter's word count (run on the job budget's free slots)."""
    return path.name, len(path.read_text().split())


@project.task("build", i="build/book.txt", o="build/stats.txt")
def stats(ctx: pydrake.TaskContext) -> None:
    """Count the words of each chapter and of the book."""
    chapters = sorted(Path("chapters").glob("*.txt"))
    counts = ctx.map(count_words, chapters)  # the chapters are counted in parallel within -j 2
    book = Path(ctx.inputs[0]).read_text()
    lines = [f"{name}: {words}" for name, words in counts] + [f"book: {len(book.split())}"]
    Path(ctx.outputs[0]).write_text("\n".join(lines) + "\n")
    print(f"counted {len(chapters)} chapters")


result = project.run(["stats"], jobs=2)
for task in result.tasks:
    print(f"{task.status:<9} {task.name}")
    for line in task.output.splitlines():
        print(f"          | {line}")
for error in result.errors:
    print(error.report, end="", file=sys.stderr)
print(result.summary())
sys.exit(0 if result.ok else 1)
