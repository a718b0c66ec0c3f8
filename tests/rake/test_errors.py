"""Rake's error messages, the chain they carry, and did_you_mean's suggestions."""

from __future__ import annotations

import pytest

from pydrake.rake.errors import (
    CircularDependencyError,
    EmptyScopeTrimError,
    RuleRecursionOverflowError,
    TaskArgumentError,
    UndefinedTaskError,
    attach_chain,
    chain_of,
    format_suggestions,
    jaro_winkler,
    levenshtein,
    spell_check,
)


def test_undefined_task_message_names_the_application() -> None:
    error = UndefinedTaskError("leaves", "rake")
    assert str(error) == ("Don't know how to build task 'leaves' (See the list of available tasks with `rake --tasks`)")
    assert error.message == str(error)
    assert error.ruby_class == "RuntimeError"
    assert "`myrake --tasks`" in str(UndefinedTaskError("x", "myrake"))


def test_undefined_task_message_suggests_close_names() -> None:
    error = UndefinedTaskError("biuld", "rake", ["build", "test", "deploy"])
    assert str(error) == (
        "Don't know how to build task 'biuld' (See the list of available tasks with `rake --tasks`)\n"
        "Did you mean?  build"
    )
    assert str(UndefinedTaskError("zzz", "rake", ["test", "run_named", "check"])).count("\n") == 0


def test_spell_check_matches_did_you_mean() -> None:
    assert spell_check("tset", ["test", "run_named", "check"]) == ["test"]
    assert spell_check("tesst", ["tests", "test"]) == ["test", "tests"]
    assert spell_check("tesst", ["test", "tests"]) == ["tests", "test"]
    assert spell_check("compil", ["compile", "comp", "compiler", "compile_all"]) == ["compile", "compiler", "comp"]
    assert spell_check("testt", ["test"]) == ["test"]
    assert spell_check("test", ["test"]) == []
    assert spell_check("xyzzy", ["compile", "package"]) == []
    assert format_suggestions(["tests", "test"]) == "\nDid you mean?  tests\n               test"
    assert format_suggestions([]) == ""


def test_distances() -> None:
    assert levenshtein("kitten", "sitting") == 3
    assert levenshtein("", "abc") == 3
    assert jaro_winkler("martha", "marhta") == pytest.approx(0.9611, abs=1e-4)
    assert jaro_winkler("abc", "xyz") == 0


def test_rule_recursion_message_lists_targets_outermost_first() -> None:
    error = RuleRecursionOverflowError()
    for name in ["a.j", "a.k", "a.z"]:
        error.add_target(name)
    assert str(error) == "Rule Recursion Too Deep: [a.z => a.k => a.j]"
    assert error.ruby_class == "Rake::RuleRecursionOverflowError"


def test_other_messages() -> None:
    assert str(TaskArgumentError()) == "Task Argument Error"
    assert str(EmptyScopeTrimError()) == "undefined method `trim' for LL():Rake::Scope::EmptyScope"
    assert EmptyScopeTrimError.ruby_class == "NoMethodError"
    assert CircularDependencyError.ruby_class == "RuntimeError"


def test_the_innermost_chain_wins() -> None:
    error = RuntimeError("boom")
    assert chain_of(error) is None
    attach_chain(error, "inner")
    attach_chain(error, "outer")
    assert chain_of(error) == "inner"
