"""What ``--lint-trace`` adds over a plain sequential build, on a generated C project.

    python3 bench/lint_trace.py [--modules 60] [--reps 5]

The project is the sample ``c_project`` Rakefile over N generated modules (each
with a header and a few includes of earlier modules) plus ``main.c``.  Plain and
traced runs are interleaved; each is timed as a clean build (after ``clobber``)
and as a null build.  Prints the median wall and CPU times and the difference.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def generate(root: Path, modules: int) -> None:
    """A C project of ``modules`` modules built by the sample c_project Rakefile."""
    (root / "src").mkdir(parents=True)
    shutil.copy(REPO / "sample_rakefiles" / "c_project" / "Rakefile", root / "Rakefile")
    for i in range(modules):
        deps = [j for j in (i - 1, i - 2, i // 2) if 0 <= j < i]
        (root / "src" / f"m{i}.h").write_text(f"#ifndef M{i}_H\n#define M{i}_H\nint m{i}(int x);\n#endif\n")
        body = " + ".join(f"m{j}(x - 1)" for j in deps) or "1"
        helpers = "".join(
            f"static double f{k}(double v) {{ double a = v; for (int i = 0; i < {k + 3}; i++) a = a * 1.0001 + a / 3; return a; }}\n"
            for k in range(20)
        )
        (root / "src" / f"m{i}.c").write_text(
            f'#include "m{i}.h"\n'
            + "".join(f'#include "m{j}.h"\n' for j in deps)
            + f"int m{i}(int x) {{ if (x <= 0) return 1; return ({body}) % 1000003; }}\n"
            + helpers
            + f"double m{i}_work(double v) {{ return " + " + ".join(f"f{k}(v)" for k in range(20)) + "; }\n"
        )
    (root / "src" / "main.c").write_text(
        "#include <stdio.h>\n"
        + "".join(f'#include "m{i}.h"\n' for i in range(modules))
        + "int main(void) { int t = 0;\n"
        + "".join(f"  t += m{i}(3);\n" for i in range(modules))
        + '  printf("%d\\n", t); return 0; }\n'
    )


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU (user + system of children) seconds of one run."""
    import time

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", type=int, default=60)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("strace") is None or shutil.which("cc") is None:
        print("needs strace (Debian package 'strace') and a C compiler", file=sys.stderr)
        return 2
    pydrake = [sys.executable, "-m", "pydrake", "-q"]
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="lint-trace-bench-") as tmp:
        root = Path(tmp) / "project"
        generate(root, args.modules)
        for _ in range(args.reps):
            for mode, extra in (("plain", []), ("lint-trace", ["--lint-trace"])):
                subprocess.run(pydrake + ["clobber"], cwd=root, capture_output=True, check=False)
                results.setdefault(f"{mode} clean", []).append(timed(pydrake + extra, root))
                results.setdefault(f"{mode} null", []).append(timed(pydrake + extra, root))
    print(f"C project of {args.modules} modules, {args.reps} runs each, load {os.getloadavg()[0]:.1f}")
    print("| build | plain wall | --lint-trace wall | added | plain CPU | --lint-trace CPU |")
    print("|---|---|---|---|---|---|")
    for kind in ("clean", "null"):
        plain, traced = results[f"plain {kind}"], results[f"lint-trace {kind}"]
        pw, tw = statistics.median(w for w, _ in plain), statistics.median(w for w, _ in traced)
        pc, tc = statistics.median(c for _, c in plain), statistics.median(c for _, c in traced)
        print(f"| {kind} | {pw:.2f} s | {tw:.2f} s | +{tw - pw:.2f} s ({100 * (tw - pw) / pw:+.0f}%) | {pc:.2f} s | {tc:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
