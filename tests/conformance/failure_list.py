"""The known-failures list: case ids expected to fail, one per line, ``#`` starting a comment."""

from __future__ import annotations

from pathlib import Path

KNOWN_FAILURES = Path(__file__).parent / "known_failures.txt"
CASES = Path(__file__).parent / "cases"  # a copy of ../shared/conformance/cases, refreshed as it changes
# Cases of the project's own, recorded from Rake 13.0.6 the same way (ids start with "project/").
PROJECT_CASES = Path(__file__).parent / "project_cases"


def read_known_failures(path: Path = KNOWN_FAILURES) -> list[str]:
    """The ids listed in the file, in file order; an absent file lists none."""
    if not path.exists():
        return []
    ids = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.append(line)
    return ids


def format_known_failures(failing: list[str], total: int) -> str:
    """The file's text for these failing ids out of ``total`` cases, with the pass rate in its header."""
    passed = total - len(failing)
    header = (
        "# Conformance cases that pydrake is known to fail; each is an xfail(strict=True) test,\n"
        "# so a listed case that starts passing fails the suite until its line is removed.\n"
        "# This list only shrinks. Regenerate with: python -m tests.conformance.update_known_failures\n"
        f"# {passed}/{total} cases pass\n"
    )
    return header + "".join(f"{case_id}\n" for case_id in sorted(failing))
