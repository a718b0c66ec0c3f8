"""Rake's errors as Python exceptions, the invocation chain they carry, and did_you_mean suggestions."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

CHAIN_ATTRIBUTE = "rake_chain"


class RakeError(Exception):
    """An error Rake raises itself; ``ruby_class`` names the Ruby class a Rakefile sees."""

    ruby_class = "RuntimeError"

    @property
    def message(self) -> str:
        """The error message, as Ruby's ``Exception#message`` returns it."""
        return str(self)


class UndefinedTaskError(RakeError):
    """``Don't know how to build task 'x'``, with did_you_mean suggestions built on first use."""

    def __init__(self, name: str, app_name: str, known_names: Iterable[str] = ()) -> None:
        super().__init__(name)
        self.name = name
        self.app_name = app_name
        self._known_names = known_names
        self._text: str | None = None

    def __str__(self) -> str:
        if self._text is None:
            base = (
                f"Don't know how to build task '{self.name}' "
                f"(See the list of available tasks with `{self.app_name} --tasks`)"
            )
            self._text = base + format_suggestions(spell_check(self.name, list(self._known_names)))
        return self._text


class CircularDependencyError(RakeError):
    """``Circular dependency detected: TOP => a => b => a``."""


class TaskArgumentError(RakeError):
    """A task or rule definition whose hash argument has the wrong shape (a RuntimeError in Rake)."""

    def __init__(self, message: str = "Task Argument Error") -> None:
        super().__init__(message)


class RuleDependentError(RakeError):
    """A rule source that is neither a String, a Symbol nor a Proc."""


class RuleRecursionOverflowError(RakeError):
    """Rule resolution nested more than 16 levels; the message lists the targets outermost first."""

    ruby_class = "Rake::RuleRecursionOverflowError"

    def __init__(self, message: str = "Rule Recursion Too Deep") -> None:
        super().__init__(message)
        self.base_message = message
        self.targets: list[str] = []

    def add_target(self, target: str) -> None:
        """Record one more (outer) target while the error travels up the rule recursion."""
        self.targets.append(target)

    def __str__(self) -> str:
        return self.base_message + ": [" + " => ".join(reversed(self.targets)) + "]"


class EmptyScopeTrimError(RakeError):
    """Rake 13.0.6 crashes on ``^name`` looked up from the top level; this is that crash."""

    ruby_class = "NoMethodError"

    def __init__(self) -> None:
        super().__init__("undefined method `trim' for LL():Rake::Scope::EmptyScope")


def attach_chain(exc: BaseException, chain: Any) -> None:
    """Record the invocation chain on an exception unless an inner task already did."""
    if getattr(exc, CHAIN_ATTRIBUTE, None) is None:
        try:
            setattr(exc, CHAIN_ATTRIBUTE, chain)
        except AttributeError:  # an exception type with __slots__ cannot carry it
            pass


def chain_of(exc: BaseException) -> Any:
    """The invocation chain of the innermost task that was running when ``exc`` was raised, or None."""
    return getattr(exc, CHAIN_ATTRIBUTE, None)


# --- did_you_mean 1.6 (Ruby 3.1): SpellChecker, Jaro-Winkler, Levenshtein, Formatter ---


def format_suggestions(corrections: list[str]) -> str:
    """``DidYouMean::Formatter.message_for``: nothing, or a ``Did you mean?`` block on new lines."""
    if not corrections:
        return ""
    return "\nDid you mean?  " + "\n               ".join(corrections)


def spell_check(word: str, dictionary: list[str]) -> list[str]:
    """``DidYouMean::SpellChecker#correct``: the dictionary words that look like a misspelling of ``word``."""
    wanted = _normalize(word)
    threshold = 0.834 if len(wanted) > 3 else 0.77
    words = [w for w in dictionary if jaro_winkler(_normalize(w), wanted) >= threshold]
    words = [w for w in words if w != word]
    words.sort(key=lambda w: jaro_winkler(w, wanted))
    words.reverse()
    limit = math.ceil(len(wanted) * 0.25)
    corrections = [w for w in words if levenshtein(_normalize(w), wanted) <= limit]
    if not corrections:
        for w in words:
            norm = _normalize(w)
            if levenshtein(norm, wanted) < min(len(wanted), len(norm)):
                corrections = [w]
                break
    return corrections


def _normalize(text: str) -> str:
    return text.lower().replace("@", "")


def jaro(a: str, b: str) -> float:
    """The Jaro similarity, exactly as did_you_mean computes it."""
    if len(a) > len(b):
        a, b = b, a
    len1, len2 = len(a), len(b)
    matches = 0.0
    transpositions = 0.0
    window = max(len2 // 2 - 1, 0)
    flags1 = [False] * len1
    flags2 = [False] * len2
    for i in range(len1):
        j = i - window if i >= window else 0
        while j <= i + window:
            if j < len2 and not flags2[j] and a[i] == b[j]:
                flags2[j] = True
                flags1[i] = True
                matches += 1
                break
            j += 1
    k = 0
    for i in range(len1):
        if flags1[i]:
            j = index = k
            while j < len2:
                index = j
                if flags2[j]:
                    k = j + 1
                    break
                j += 1
            if a[i] != b[index]:
                transpositions += 1
    transpositions = math.floor(transpositions / 2)
    if matches == 0:
        return 0.0
    return (matches / len1 + matches / len2 + (matches - transpositions) / matches) / 3


def jaro_winkler(a: str, b: str) -> float:
    """Jaro similarity plus did_you_mean's common-prefix bonus (weight 0.1, up to 4 characters)."""
    distance = jaro(a, b)
    if distance > 0.7:
        bonus = 0
        for i, ch in enumerate(a):
            if i < len(b) and ch == b[i] and i < 4:
                bonus += 1
            else:
                break
        distance += bonus * 0.1 * (1 - distance)
    return distance


def levenshtein(a: str, b: str) -> int:
    """Edit distance, with did_you_mean's own row update."""
    n, m = len(a), len(b)
    if n == 0:
        return m
    if m == 0:
        return n
    d = list(range(m + 1))
    x = 0
    for i0, ch in enumerate(a):
        i = i0 + 1
        for j in range(m):
            cost = 0 if ch == b[j] else 1
            ins, dele, sub = d[j + 1] + 1, i + 1, d[j] + cost
            if ins < dele and ins < sub:
                x = ins
            elif dele < sub:
                x = dele
            else:
                x = sub
            d[j] = i
            i = x
        d[m] = x
    return x
