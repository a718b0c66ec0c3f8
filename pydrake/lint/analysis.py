"""The j-safety checks on a lint graph: unordered file flows, write conflicts, nested invokes, multitasks.

Two tasks are *ordered* when a chain of prerequisites leads from one to the
other; they *may meet* in one run when some task (or the command line) needs
both.  Only tasks that may meet and are not ordered can run at the same time
with ``-j N``, so only they give findings: a task that reads what another
writes (missing-dependency, or order-reliance when only the listed order of
some prerequisite list runs the writer first), a file two tasks write
(write-conflict), and a task that writes into a folder another task creates.
"""

from __future__ import annotations

import bisect
import fnmatch
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from pydrake.lint.findings import (
    MISSING_DEPENDENCY,
    MULTITASK,
    NESTED_INVOKE,
    ORDER_RELIANCE,
    WRITE_CONFLICT,
    Finding,
)
from pydrake.lint.footprint import DELETE, MKDIR, READ, WRITE, Access
from pydrake.lint.graph import DIRECTORY, FILE, RULE, LintGraph, LintNode
from pydrake.lint.shell import UNKNOWN_MARK
from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_task import FileTask
from pydrake.rake.multi_task import MultiTask

_MAX_FILES_SHOWN = 3
T = TypeVar("T")


class Analysis:
    """Reachability over a lint graph and the checks built on it."""

    def __init__(self, graph: LintGraph, root: str) -> None:
        self.graph = graph
        self.root = root
        nodes = graph.nodes
        self.down = [0] * len(nodes)  # bits of every node reachable through prerequisites
        for node in nodes:
            bits = 0
            for pre in node.prereqs:
                bits |= self.down[pre.index] | (1 << pre.index)
            self.down[node.index] = bits
        self.up = [0] * len(nodes)  # bits of the node and every node that needs it
        for node in reversed(nodes):
            bits = 1 << node.index
            for dep in node.dependents:
                bits |= self.up[dep.index]
            self.up[node.index] = bits

    # ------------------------------------------------------------ relations

    def needs(self, a: LintNode, b: LintNode) -> bool:
        """Does ``a`` (transitively) have ``b`` as a prerequisite?"""
        return bool((self.down[a.index] >> b.index) & 1)

    def ordered(self, a: LintNode, b: LintNode) -> bool:
        """Is there a prerequisite path between the two, either way?"""
        return a is b or self.needs(a, b) or self.needs(b, a)

    def may_meet(self, a: LintNode, b: LintNode) -> bool:
        """Does some task (or the command line) need both?"""
        return bool(self.up[a.index] & self.up[b.index])

    def concurrent(self, a: LintNode, b: LintNode) -> bool:
        """May the two run at the same time with -j N?"""
        return not self.ordered(a, b) and self.may_meet(a, b)

    def within(self, sibling: LintNode, node: LintNode) -> bool:
        """Is ``node`` the sibling itself or one of its prerequisites?"""
        return sibling is node or self.needs(sibling, node)

    def split(self, writer: LintNode, reader: LintNode) -> tuple[LintNode, int, int] | None:
        """The deepest task whose prerequisite list has the two in different entries: (task, writer's, reader's)."""
        common = self.up[writer.index] & self.up[reader.index]
        while common:
            low = common & -common
            common ^= low
            parent = self.graph.nodes[low.bit_length() - 1]
            i_w = next((i for i, s in enumerate(parent.prereqs) if self.within(s, writer)), None)
            i_r = next((i for i, s in enumerate(parent.prereqs) if self.within(s, reader)), None)
            if i_w is not None and i_r is not None and i_w != i_r:
                return parent, i_w, i_r
        return None

    # ------------------------------------------------------------ the checks

    def findings(self) -> list[Finding]:
        """Every finding and note, in report order."""
        flows = self.file_flows()
        flowing = {(f.a, f.b) for f in flows}
        races = [p for p in self.folder_races() if (p.a, p.b) not in flowing]
        reported = {frozenset((p.a, p.b)) for p in flows + races}
        conflicts = [p for p in self.write_conflicts() if frozenset((p.a, p.b)) not in reported]
        out: list[Finding] = []
        out += [self.flow_finding(g) for g in _groups(flows, lambda p: (p.a, _group_of(p.b)))]
        out += [self.race_finding(g) for g in _groups(races, lambda p: (p.a, _group_of(p.b)))]
        out += [self.conflict_finding(g) for g in _conflict_groups(conflicts)]
        out += self.invoke_findings()
        out += self.multitask_notes()
        unique = {(f.kind, f.file, f.line, f.message): f for f in out}
        return sorted(unique.values(), key=Finding.sort_key)

    def accesses(self, *modes: str) -> list[tuple[LintNode, Access]]:
        """Every (task, access) of the given modes, in graph order."""
        return [(n, a) for n in self.graph.nodes for a in n.footprint.accesses if a.mode in modes]

    def flow_count(self) -> int:
        """How many (writer, reader, file) flows between two different tasks the footprints show."""
        writers = _index(self.accesses(WRITE))
        written = sorted(writers)
        seen: set[tuple[int, int, str]] = set()
        for reader, acc in self.accesses(READ):
            for path in _matching(acc, writers, written):
                seen.update((w.index, reader.index, path) for w, _ in writers[path] if w is not reader)
        return len(seen)

    def file_flows(self) -> list[_Pair]:
        """(writer, reader) pairs that may run at once, one per file that flows between them."""
        writers = _index(self.accesses(WRITE))
        written = sorted(writers)
        pairs: list[_Pair] = []
        for reader, acc in self.accesses(READ):
            for path in _matching(acc, writers, written):
                if reader.footprint.writes_before(path, acc):
                    continue  # the task reads its own output
                for writer, wacc in writers[path]:
                    if writer is reader or writer.kind == DIRECTORY or not self.concurrent(reader, writer):
                        continue
                    pairs.append(_Pair(writer, reader, path, wacc, acc))
        return pairs

    def folder_races(self) -> list[_Pair]:
        """(creator, writer) pairs: a task writes into a folder another task creates, with no order between them."""
        creators: dict[str, list[tuple[LintNode, Access]]] = {}
        masks: dict[str, int] = {}
        for node, acc in self.accesses(MKDIR):
            path = acc.path
            while path and path not in (".", "/"):
                bucket = creators.setdefault(path, [])
                if not (masks.get(path, 0) >> node.index) & 1:
                    bucket.append((node, acc))
                    masks[path] = masks.get(path, 0) | (1 << node.index)
                path = os.path.dirname(path)
        made = self.made_paths()
        pairs: list[_Pair] = []
        sources: dict[str, bool] = {}
        for writer, acc in self.accesses(WRITE):
            if writer.footprint.unknown_mkdir or acc.glob:
                continue
            folder = os.path.dirname(acc.path)
            while folder and folder not in creators:
                folder = os.path.dirname(folder)
            if not folder:
                continue
            mask = masks[folder]
            i = writer.index
            if (mask >> i) & 1 or self.down[i] & mask or self.up[i] & mask:
                continue  # ordered (a folder made after the write is not a question of -j)
            if folder not in sources:
                sources[folder] = _source_folder(folder, made)
            if sources[folder]:
                continue  # the folder is part of the source tree: it exists before any task runs
            for maker, macc in sorted(creators[folder], key=lambda m: m[0].kind != DIRECTORY):
                if self.may_meet(writer, maker):
                    pairs.append(_Pair(maker, writer, folder, macc, acc))
                    break
        return pairs

    def made_paths(self) -> set[str]:
        """Every path some task writes or creates."""
        return {a.path for _, a in self.accesses(WRITE, MKDIR) if not a.glob}

    def write_conflicts(self) -> list[_Pair]:
        """Pairs of tasks that may run at once and both write (or delete) one path; ``a`` comes first in Rake order."""
        entries = self.accesses(WRITE, DELETE)
        by_path = _index(entries)
        paths = sorted(by_path)
        pairs: dict[tuple[int, int, str], _Pair] = {}
        for node, acc in entries:
            if acc.glob:
                continue
            covered = _under(acc.path, paths) if acc.mode == DELETE and acc.recursive else [acc.path]
            for path in covered:
                for other, oacc in by_path.get(path, []):
                    if other is node or (acc.mode == DELETE and oacc.mode == DELETE):
                        continue
                    if not self.concurrent(node, other):
                        continue
                    a, b, acc_a, acc_b = (
                        (node, other, acc, oacc) if node.index < other.index else (other, node, oacc, acc)
                    )
                    pairs.setdefault((a.index, b.index, path), _Pair(a, b, path, acc_a, acc_b))
        return list(pairs.values())

    # ------------------------------------------------------------ findings

    def where(self, node: LintNode, fallback: LintNode | None = None) -> tuple[str, int]:
        """FILE and LINE of a task's definition (of the fallback's when it has none)."""
        for candidate in (node, fallback):
            if candidate is not None and candidate.location is not None:
                file, line = candidate.location
                return self.show_file(file), line
        return ("Rakefile", 0)

    def show_file(self, file: str) -> str:
        """A file as the report names it: relative to the Rakefile's folder when inside it."""
        if os.path.isabs(file):
            rel = os.path.relpath(file, self.root)
            if not rel.startswith(".."):
                return rel
        return file

    def at(self, node: LintNode) -> str:
        """`` (Rakefile:7)`` for a task with a definition, else nothing."""
        if node.location is None:
            return ""
        file, line = self.where(node)
        return f" ({file}:{line})"

    def evidence(self, node: LintNode, acc: Access, verb: str) -> str:
        """A detail line: where a task's code touches the file, and whether that was guessed."""
        file = self.show_file(acc.file) if acc.file else self.where(node)[0]
        if acc.line is None:
            return f"{verb} by task '{node.name}' ({acc.how})"
        guessed = " (guessed from the command line)" if acc.guessed else ""
        return f"{verb} at {file}:{acc.line}: {acc.how}{guessed}"

    def flow_finding(self, group: list[_Pair]) -> Finding:
        first = group[0]
        writer, reader = first.a, first.b
        readers = _unique(p.b for p in group)
        who = self.subject(readers)
        what = _files(_unique(p.path for p in group))
        details = (self.evidence(reader, first.acc_b, "read"), self.evidence(writer, first.acc_a, "written"))
        declared = writer.kind in (FILE, RULE) and any(_same(p.path, writer.name) for p in group)
        split = self.split(writer, reader)
        reads = "reads" if len(readers) == 1 else "read"
        if split is not None and split[1] > split[2] and not declared and _old_contents(writer, group):
            return self.stale_read_finding(group, split)
        if declared or split is None or split[1] > split[2]:
            file, line = self.where(reader, split[0] if split else None)
            message = f"{who} {reads} {what}, produced by task '{writer.name}'{self.at(writer)}, with no prerequisite path between them"
            if split is not None and split[1] > split[2]:
                later = split[0].prereqs[split[1]].name
                message += f" (task '{split[0].name}' lists '{later}' later, so even a sequential run reads first)"
            fix = f"{_declare(reader)} => {_ref(writer)}{_likewise(readers)}"
            return Finding(MISSING_DEPENDENCY, file, line, message, fix, details)
        parent, i_w, i_r = split
        before, after = parent.prereqs[i_w], parent.prereqs[i_r]
        file, line = self.where(reader, parent)
        listing = f"task '{parent.name}''s prerequisites" if parent.task is not None else "the command line"
        message = (
            f"{who} {reads} {what}, written by task '{writer.name}'{self.at(writer)}: only the order of "
            f"{listing} ('{before.name}' before '{after.name}') runs the writer first"
        )
        fix = f"{_declare(reader)} => {_ref(writer)}{_likewise(readers)}"
        if parent.task is not None:
            fix += f"   (or {_declare(parent)} => seq[{_ref(before)}, {_ref(after)}])"
        return Finding(ORDER_RELIANCE, file, line, message, fix, details)

    def stale_read_finding(self, group: list[_Pair], split: tuple[LintNode, int, int]) -> Finding:
        """The reader runs first in the listed order and reads the contents the writer then replaces."""
        first = group[0]
        writer, reader = first.a, first.b
        parent, i_w, i_r = split
        before, after = parent.prereqs[i_r], parent.prereqs[i_w]
        listing = f"task '{parent.name}''s prerequisites" if parent.task is not None else "the command line"
        file, line = self.where(writer, parent)
        readers = _unique(p.b for p in group)
        who = self.subject(readers) + (self.at(reader) + " reads" if len(readers) == 1 else " read")
        message = (
            f"task '{writer.name}' rewrites {_files(_unique(p.path for p in group))}, which {who}: only the order of "
            f"{listing} ('{before.name}' before '{after.name}') lets the read see the old contents"
        )
        fix = f"{_declare(writer)} => {_ref(reader)}"
        if parent.task is not None:
            fix += f"   (or {_declare(parent)} => seq[{_ref(before)}, {_ref(after)}])"
        details = (self.evidence(reader, first.acc_b, "read"), self.evidence(writer, first.acc_a, "rewritten"))
        return Finding(ORDER_RELIANCE, file, line, message, fix, details)

    def subject(self, nodes: list[LintNode]) -> str:
        """``task 'x'``, or ``tasks 'x', 'y' and 3 more`` (with the rule that made them)."""
        if len(nodes) == 1:
            return f"task '{nodes[0].name}'"
        made = ""
        if nodes[0].location is not None and all(n.location == nodes[0].location for n in nodes):
            file, line = self.where(nodes[0])
            made = (
                f" (made by the rule at {file}:{line})" if nodes[0].kind == RULE else f" (all defined at {file}:{line})"
            )
        return f"tasks {_names(nodes)}{made}"

    def race_finding(self, group: list[_Pair]) -> Finding:
        first = group[0]
        maker, writer = first.a, first.b
        writers = _unique(p.b for p in group)
        file, line = self.where(writer)
        writes = "writes" if len(writers) == 1 else "write"
        message = (
            f"{self.subject(writers)} {writes} {_files(_unique(p.acc_b.path for p in group))} into folder "
            f"'{first.path}', created by task '{maker.name}'{self.at(maker)}, with no prerequisite path between them"
        )
        details = (self.evidence(writer, first.acc_b, "written"), self.evidence(maker, first.acc_a, "created"))
        fix = f"{_declare(writer)} => {_ref(maker)}{_likewise(writers)}"
        return Finding(MISSING_DEPENDENCY, file, line, message, fix, details)

    def conflict_finding(self, group: list[_Pair]) -> Finding:
        first = group[0]
        nodes = sorted(_unique([p.a for p in group] + [p.b for p in group]), key=lambda n: n.index)
        what = _files(_unique(p.path for p in group))
        deleter = next((acc for acc in (first.acc_a, first.acc_b) if acc.mode == DELETE and acc.recursive), None)
        details = (
            self.evidence(first.a, first.acc_a, _verb(first.acc_a)),
            self.evidence(first.b, first.acc_b, _verb(first.acc_b)),
        )
        split = self.split(first.a, first.b)
        seq = ""
        if split is not None and split[0].task is not None:
            parent, i_a, i_b = split
            seq = f"{_declare(parent)} => seq[{_ref(parent.prereqs[min(i_a, i_b)])}, {_ref(parent.prereqs[max(i_a, i_b)])}]"
        if deleter is not None:
            owner = first.a if deleter is first.acc_a else first.b
            others = [n for n in nodes if n is not owner]
            file, line = self.where(owner)
            message = (
                f"task '{owner.name}' deletes '{deleter.path}' while {self.subject(others)} "
                f"{'writes' if len(others) == 1 else 'write'} {what} in it, and they may run at the same time"
            )
            fix = seq or f"{_declare(others[0])} => {_ref(owner)}"
            return Finding(WRITE_CONFLICT, file, line, message, fix, details)
        last = nodes[-1]
        file, line = self.where(last, nodes[0])
        appends = all(p.acc_a.append and p.acc_b.append for p in group)
        if len(nodes) == 2:
            message = (
                f"tasks '{nodes[0].name}'{self.at(nodes[0])} and '{last.name}' both "
                f"{'append to' if appends else 'write'} {what} and may run at the same time (no prerequisite path between them)"
            )
        else:
            message = (
                f"{self.subject(nodes)} all {'append to' if appends else 'write'} {what} and may run at the same time"
            )
        if appends:
            message += ": the order of its lines depends on timing"
        if len(nodes) == 2 and nodes[0].kind != RULE:
            fix = f"{_declare(last)} => {_ref(nodes[0])}" + (f"   (or {seq})" if seq else "")
        else:
            fix = f"let each task write its own file (or only one task write {what})"
        return Finding(WRITE_CONFLICT, file, line, message, fix, details)

    def invoke_findings(self) -> list[Finding]:
        out = []
        for node in self.graph.nodes:
            for inv in node.footprint.invokes:
                file = self.show_file(inv.file) if inv.file else self.where(node)[0]
                if inv.target is not None and UNKNOWN_MARK not in inv.target:
                    message = (
                        f"task '{node.name}' invokes task '{inv.target}' inside its action: "
                        f"with -j N > 1 that is an error (Rake::InvokeInsideInvoke)"
                    )
                    fix = f"{_declare(node)} => {_name_literal(inv.target)}   (a prerequisite, or seq[...] to keep an order)"
                else:
                    shown = f" ('{inv.target.replace(UNKNOWN_MARK, '#{...}')}')" if inv.target else ""
                    message = (
                        f"task '{node.name}' calls invoke on a task{shown} inside its action: "
                        f"with -j N > 1 that is an error (Rake::InvokeInsideInvoke)"
                    )
                    fix = f"declare the invoked task as a prerequisite of '{node.name}' (or use seq[...])"
                out.append(Finding(NESTED_INVOKE, file, inv.line, message, fix))
        return out

    def multitask_notes(self) -> list[Finding]:
        out = []
        for node in self.graph.nodes:
            if isinstance(node.task, MultiTask) and node.location is not None:
                file, line = self.where(node)
                message = (
                    f"multitask '{node.name}' is a plain task in pydrake: with -j N every task's prerequisites may "
                    f"run at the same time, and with -j 1 (the default) they run on Rake's thread pool as before"
                )
                out.append(Finding(MULTITASK, file, line, message))
        return out


@dataclass(frozen=True)
class _Pair:
    """Two tasks that may run at once and touch ``path``: ``a`` writes (or creates), ``b`` reads or writes."""

    a: LintNode
    b: LintNode
    path: str
    acc_a: Access
    acc_b: Access


def _old_contents(writer: LintNode, group: list[_Pair]) -> bool:
    """Is there something to read before the writer runs: a file that exists, or one the writer edits in place?"""
    for p in group:
        if os.path.exists(p.path):
            return True
        fp = writer.footprint
        if any(a.mode == READ and a.path == p.path for a in fp.accesses) and not fp.writes_before(p.path, p.acc_a):
            return True
    return False


def _group_of(node: LintNode) -> object:
    """Tasks one rule makes, or one definition makes in a loop, are reported together."""
    if node.location is not None:
        return ("defined at", node.location)
    return node


def _groups(pairs: list[_Pair], key: Callable[[_Pair], object]) -> list[list[_Pair]]:
    grouped: dict[object, list[_Pair]] = {}
    for p in pairs:
        grouped.setdefault(key(p), []).append(p)
    return list(grouped.values())


def _conflict_groups(pairs: list[_Pair]) -> list[list[_Pair]]:
    """Write conflicts: one group per recursive delete, else per set of tasks writing the same files."""
    by_cause: dict[object, list[_Pair]] = {}
    for p in pairs:
        deleter = next(
            ((n, acc) for n, acc in ((p.a, p.acc_a), (p.b, p.acc_b)) if acc.mode == DELETE and acc.recursive), None
        )
        key: object = ("delete", deleter[0], deleter[1].path) if deleter else ("path", p.path)
        by_cause.setdefault(key, []).append(p)
    merged: dict[object, list[_Pair]] = {}
    for key, group in by_cause.items():
        if key[0] == "delete":  # type: ignore[index]
            merged[key] = group
        else:
            nodes = frozenset(n for p in group for n in (p.a, p.b))
            merged.setdefault(nodes, []).extend(group)
    return list(merged.values())


def _unique(items: Iterable[T]) -> list[T]:
    out: list[T] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _names(nodes: list[LintNode]) -> str:
    shown = [f"'{n.name}'" for n in nodes[:_MAX_FILES_SHOWN]]
    more = len(nodes) - len(shown)
    if more > 0:
        return ", ".join(shown) + f" and {more} more"
    return ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]


def _likewise(nodes: list[LintNode]) -> str:
    """After a fix shown for the first of several tasks: say it applies to the others too."""
    others = len(nodes) - 1
    if others <= 0:
        return ""
    return f"   (and likewise for the {others} other task{'s' if others > 1 else ''})"


def _verb(acc: Access) -> str:
    return "deleted" if acc.mode == DELETE else "written"


def _index(entries: list[tuple[LintNode, Access]]) -> dict[str, list[tuple[LintNode, Access]]]:
    by_path: dict[str, list[tuple[LintNode, Access]]] = {}
    for node, acc in entries:
        if acc.glob:
            continue
        bucket = by_path.setdefault(acc.path, [])
        if all(n is not node for n, _ in bucket):
            bucket.append((node, acc))
    return by_path


def _under(folder: str, paths: list[str]) -> list[str]:
    """The path and every path below it, from a sorted list."""
    prefix = folder.rstrip("/") + "/"
    i = bisect.bisect_left(paths, folder)
    out = [folder] if i < len(paths) and paths[i] == folder else []
    start = bisect.bisect_left(paths, prefix)
    for p in paths[start:]:
        if not p.startswith(prefix):
            break
        out.append(p)
    return out


def _source_folder(folder: str, made: set[str]) -> bool:
    """Does the folder exist already holding something no task makes (so it is part of the sources)?"""
    try:
        entries = os.listdir(folder)
    except OSError:
        return False
    return any(os.path.join(folder, e) not in made for e in entries)


def _matching(acc: Access, writers: dict[str, list[tuple[LintNode, Access]]], written: list[str]) -> list[str]:
    """The written paths a read touches: the path, everything below it for a whole-tree read, glob matches."""
    if acc.glob:
        pattern = _glob_regex(acc.path)
        return [p for p in written if pattern.fullmatch(p)]
    if acc.recursive:
        return _under(acc.path, written)
    return [acc.path] if acc.path in writers else []


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A shell glob as a regex: ``*`` and ``?`` stay within one folder, ``**`` crosses folders."""
    parts = pattern.split("**")
    translated = [fnmatch.translate(p).replace("(?s:", "(?:", 1)[:-2].replace(".*", "[^/]*") for p in parts]
    return re.compile(".*".join(translated))


def _same(path: str, name: str) -> bool:
    return os.path.normpath(name) == path


def _files(paths: list[str]) -> str:
    shown = ", ".join(f"'{p}'" for p in paths[:_MAX_FILES_SHOWN])
    more = len(paths) - _MAX_FILES_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def _name_literal(name: str) -> str:
    """A task name as Ruby code: a symbol when it can be one, else a quoted string."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*[?!]?", name):
        return f":{name}"
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _string_literal(name: str) -> str:
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _ref(node: LintNode) -> str:
    """How a prerequisite list names the node."""
    if isinstance(node.task, FileTask) or node.task is None:
        return _string_literal(node.name)
    return _name_literal(node.name)


def _declare(node: LintNode) -> str:
    """The start of a definition that adds prerequisites to the node: ``file 'x'``, ``task :y``."""
    task = node.task
    if isinstance(task, FileCreationTask):
        return f"directory {_string_literal(node.name)}"
    if isinstance(task, FileTask) or task is None:
        return f"file {_string_literal(node.name)}"
    if isinstance(task, MultiTask):
        return f"multitask {_name_literal(node.name)}"
    return f"task {_name_literal(node.name)}"
