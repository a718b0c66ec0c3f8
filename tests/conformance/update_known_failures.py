"""Run every conformance case and rewrite known_failures.txt with the ones that fail now.

python -m tests.conformance.update_known_failures          # all cases, one worker per CPU
python -m tests.conformance.update_known_failures -j 1
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .case import case_id, find_cases
from .failure_list import CASES, KNOWN_FAILURES, format_known_failures, read_known_failures
from .runner import command_under_test, run_case


def _fails(case_dir: Path, cmd: list[str]) -> bool:
    """Does the case fail (a crash of the harness counts as a failure)?"""
    try:
        return bool(run_case(case_dir, cmd))
    except Exception as e:  # any error is a failing case here
        print(f"error in {case_id(case_dir, CASES)}: {e!r}", file=sys.stderr)
        return True


def main(argv: list[str] | None = None) -> int:
    """Rewrite the list; report cases that left it and cases that joined it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="cases run at once")
    args = parser.parse_args(argv)
    cmd = command_under_test()
    cases = find_cases(CASES)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        verdicts = list(pool.map(lambda c: _fails(c, cmd), cases))
    failing = [case_id(c, CASES) for c, fails in zip(cases, verdicts, strict=True) if fails]
    before = set(read_known_failures())
    for cid in sorted(before - set(failing)):
        print(f"now passes: {cid}")
    for cid in sorted(set(failing) - before):
        print(f"now fails:  {cid}")
    KNOWN_FAILURES.write_text(format_known_failures(failing, len(cases)))
    print(f"{len(cases) - len(failing)}/{len(cases)} cases pass (command: {' '.join(cmd)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
