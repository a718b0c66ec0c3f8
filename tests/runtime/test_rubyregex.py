"""Ruby regex translation against matches recorded from Ruby 3.1.2 (Onigmo)."""

from __future__ import annotations

import re

import pytest

from pydrake.runtime.rubyregex import (
    EXTENDED,
    IGNORECASE,
    MULTILINE,
    RegexpError,
    UnsupportedRegex,
    expand_replacement,
    translate,
)

# (source, Ruby options, subject, Ruby's match: (begin, [$0, $1, ...]) or None)
RUBY_MATCHES = [
    ('[]a]', 0, ']', (0, [']'])),
    ('\\A[a-]+\\z', 0, 'a-', (0, ['a-'])),
    ('[a-z&&[^aeiou]]', 0, 'eb', (1, ['b'])),
    ('[[:alpha:][:digit:]]+', 0, '-x5-', (1, ['x5'])),
    ('[[:^alpha:]]', 0, 'ab5', (2, ['5'])),
    ('[[:x]]', 0, ':', (0, [':'])),
    ('[\\w-]+', 0, '?a-b', (1, ['a-b'])),
    ('\\x1', 0, '\x01', (0, ['\x01'])),
    ('\\u{3042}', 0, 'あ', (0, ['あ'])),
    ('\\u{61 62}', 0, 'xab', (1, ['ab'])),
    ('\\e', 0, '\x1b', (0, ['\x1b'])),
    ('\\cc', 0, '\x03', (0, ['\x03'])),
    ('\\C-c', 0, '\x03', (0, ['\x03'])),
    ('(?i-m:A)', 0, 'a', (0, ['a'])),
    ('(a)\\k<1>', 0, 'aa', (0, ['aa', 'a'])),
    ('(a)\\k<-1>', 0, 'aa', (0, ['aa', 'a'])),
    ('(?<x>a)\\k<x>', 0, 'aa', (0, ['aa', 'a'])),
    ('a**', 0, 'aaa', (0, ['aaa'])),
    ('a{2}{3}', 0, 'aaaaaaa', (0, ['aaaaaa'])),
    ('a+?', 0, 'aaa', (0, ['a'])),
    ('a++', 0, 'aaa', (0, ['aaa'])),
    ('a?+', 0, 'aaa', (0, ['a'])),
    ('\\Aa{,2}', 0, 'aaa', (0, ['aa'])),
    ('a{', 0, 'a{', (0, ['a{'])),
    ('a{1', 0, 'a{1', (0, ['a{1'])),
    ('a{1,2', 0, 'a{1,2', (0, ['a{1,2'])),
    ('x{}', 0, 'x{}', (0, ['x{}'])),
    ('(?<=a|bc)d', 0, 'bcd', (2, ['d'])),
    ('(?<!a|bc)d', 0, 'bcd ad xd', (8, ['d'])),
    ('\\0', 0, '\x00', (0, ['\x00'])),
    ('\\012', 0, '\n', (0, ['\n'])),
    ('\\18', 0, '\x018', (0, ['\x018'])),
    ('(a)\\18', 0, 'a\x018', (0, ['a\x018', 'a'])),
    ('a(?#comm)b', 0, 'ab', (0, ['ab'])),
    ('(?x) a b # c\n c', 0, 'abc', (0, ['abc'])),
    ('(?x)[ ]', 0, ' ', (0, [' '])),
    ('\\p{Alpha}\\p{^Digit}\\P{Upper}', 0, 'a-b', (0, ['a-b'])),
    ('\\p{Lu}', 0, 'aA', (1, ['A'])),
    ('\\p{L}', 0, '1A', (1, ['A'])),
    ('\\p{Any}', 0, 'A', (0, ['A'])),
    ('[[:word:]]+', 0, 'a_1é', (0, ['a_1é'])),
    ('\\R', 0, '\r\n', (0, ['\r\n'])),
    ('\\y\\i\\q', 0, 'yiq', (0, ['yiq'])),
    ('\\/', 0, '/', (0, ['/'])),
    ('\\h+', 0, 'fF0g', (0, ['fF0'])),
    ('[\\h]+', 0, 'fF0g', (0, ['fF0'])),
    ('[^\\H]+', 0, 'fF0g', (0, ['fF0'])),
    ('[\\H]+', 0, 'fF0g', (3, ['g'])),
    ('(?<n>a)(b)\\k<n>', 0, 'aba', (0, ['aba', 'a'])),
    ('a|(?i)b|c', 0, 'C', (0, ['C'])),
    ('(?i)a|b', 0, 'B', (0, ['B'])),
    ('(a(?i)b|c)d', 0, 'Cd', None),
    ('(a(?i)b|c)d', 0, 'aCd', (0, ['aCd', 'aC'])),
    ('abc', 1, 'xABC', (1, ['ABC'])),
    ('a.c', 0, 'a\nc', None),
    ('a.c', 4, 'a\nc', (0, ['a\nc'])),
    ('a b c', 2, 'abc', (0, ['abc'])),
    ('^b$', 0, 'a\nb\nc', (2, ['b'])),
    ('a\\Z', 0, 'a\n', (0, ['a'])),
    ('a\\z', 0, 'a\n', None),
    ('\\Aa', 0, 'b\na', None),
    ('\\d+', 0, 'x٣ 12', (3, ['12'])),
    ('[[:digit:]]+', 0, 'x٣ 12', (1, ['٣'])),
    ('\\w+', 0, 'é ab', (2, ['ab'])),
    ('\\s', 0, '\xa0 ', (1, [' '])),
    ('[[:space:]]', 0, '\xa0 ', (0, ['\xa0'])),
    ('[[:upper:]]+', 0, 'abÉC', (2, ['ÉC'])),
    ('[[:lower:]]+', 0, 'ABéc', (2, ['éc'])),
    ('[[:punct:]]+', 0, 'ab$+<§,c', (2, ['$+<§,'])),
    ('[[:xdigit:]]+', 0, 'xyzAf09g', (3, ['Af09'])),
    ('[[:alnum:]]+', 0, '-ab1é-', (1, ['ab1é'])),
    ('[^[:alnum:]]+', 0, 'ab-+ c', (2, ['-+ '])),
    ('(?<y>\\d+)-(?<m>\\d+)', 0, 'on 2023-10 ok', (3, ['2023-10', '2023', '10'])),
    ('(\\d)(\\w)', 0, 'x1a', (1, ['1a', '1', 'a'])),
    ('(?<a>.)(.)', 0, 'xy', (0, ['xy', 'x'])),
    ('[a\\-z]+', 0, 'b-az', (1, ['-az'])),
    ('[\\]]', 0, 'x]', (1, [']'])),
    ('[\\\\]', 0, 'x\\', (1, ['\\'])),
    ('[a-c&&b-d]+', 0, 'abcd', (1, ['bc'])),
    ('[^a-c&&b-d]+', 0, 'bcda', (2, ['da'])),
    ('[[a-c][x-z]]+', 0, 'qaxzbr', (1, ['axzb'])),
    ('(?>a+)b', 0, 'aab', (0, ['aab'])),
    ('a*+a', 0, 'aaa', None),
    ('(?m:a.b)', 0, 'a\nb', (0, ['a\nb'])),
    ('(?i:a)b', 0, 'AB Ab', (3, ['Ab'])),
    ('\\bfoo\\b', 0, 'a foo b', (2, ['foo'])),
    ('[.*+?]+', 0, 'a.*+?b', (1, ['.*+?'])),
    ('\\.', 0, 'a.b', (1, ['.'])),
    ('\\t\\n', 0, 'a\t\nb', (1, ['\t\n'])),
    ('x{,2}y', 0, 'xxxy', (1, ['xxy'])),
    ('x{2,}y', 0, 'xxxy', (0, ['xxxy'])),
    ('x{1,2}?', 0, 'xxx', (0, ['x'])),
    ('a{2}+', 0, 'aaaaa', (0, ['aaaa'])),
    ('[^]a]', 0, ']ab', (2, ['b'])),
    ('#', 0, 'a#b', (1, ['#'])),
    ('a #c\nb', 2, 'ab', (0, ['ab'])),
    ('(?x: a b )c', 0, 'abc', (0, ['abc'])),
    ('(?-x: a)', 2, ' a', (0, [' a'])),
    ('\\x41\\x4a', 0, 'AJ', (0, ['AJ'])),
    ('\\101', 0, 'A', (0, ['A'])),
    ('[\\101-\\103]+', 0, 'zABCD', (1, ['ABC'])),
    ('\\u0041', 0, 'A', (0, ['A'])),
    ('[\\u{41}-\\u{43}]+', 0, 'ABCD', (0, ['ABC'])),
    ('(a)|(b)', 0, 'b', (0, ['b', None, 'b'])),
    ('\\p{Punct}', 0, 'a$', None),
    ('[[:blank:]]', 0, 'a\tb', (1, ['\t'])),
    ('[[:cntrl:]]', 0, 'a\x01', (1, ['\x01'])),
    ('\\p{^Alpha}', 0, 'ab1', (2, ['1'])),
    ('\\P{^Alpha}', 0, '1ab', (1, ['a'])),
    ('[\\p{Digit}a]+', 0, 'xa1a2y', (1, ['a1a2'])),
    ('[^\\d\\s]+', 0, '1 ab 2', (2, ['ab'])),
    ('\\S+', 0, '  ab ', (2, ['ab'])),
    ('\\W+', 0, 'ab-+c', (2, ['-+'])),
    ('\\D+', 0, '12ab3', (2, ['ab'])),
    ('[\\W]+', 0, 'ab-+c', (2, ['-+'])),
    ('\\H+', 0, 'afgz', (2, ['gz'])),
    ('(a)(?:b)(c)', 0, 'abc', (0, ['abc', 'a', 'c'])),
    ('(?<=\\d{2})x', 0, '12x', (2, ['x'])),
    ('(a|b)*c', 0, 'ababc', (0, ['ababc', 'b'])),
    ('.\\b.', 0, 'ab cd', (1, ['b '])),
    ('[a-z]+', 1, 'ABC', (0, ['ABC'])),
    ('[[:upper:]]', 1, 'a', (0, ['a'])),
    ('é', 1, 'É', (0, ['É'])),
    ('$', 0, 'ab\n', (2, [''])),
    ('a$', 0, 'a\nb', (0, ['a'])),
]


@pytest.mark.parametrize(("source", "options", "subject", "expected"), RUBY_MATCHES)
def test_search_matches_ruby(source: str, options: int, subject: str, expected: tuple[int, list[str]] | None) -> None:
    m = translate(source, options).search(subject)
    got = None if m is None else (m.start(), [m.group(0), *m.groups()])
    assert got == expected


def test_option_bits() -> None:
    assert translate("abc", IGNORECASE).search("ABC")
    assert translate("a b", EXTENDED).fullmatch("ab")
    assert translate("a.b", MULTILINE).fullmatch("a\nb")
    assert not translate("a.b", 0).fullmatch("a\nb")
    assert translate("^b", 0).flags & re.MULTILINE


# (source, subject, replacement, Ruby's String#sub result or "Class: message")
RUBY_SUBS = [
    ('b', 'abc', "[\\`|\\&|\\0|\\'|\\\\|\\q|\\]", 'a[a|b|b|c|\\|\\q|\\]c'),
    ('(b)(x)?', 'abc', '[\\2|\\+|\\9]', 'a[|b|]c'),
    ('b', 'abc', '[\\+]', 'a[]c'),
    ('b', 'abc', '[\\k]', 'a[\\k]c'),
    ('b', 'abc', '[\\1]', 'a[]c'),
    ('(?<n>b)', 'abc', '[\\0\\+]', 'a[bb]c'),
    ('b', 'abc', '\\', 'a\\c'),
    ('(?<x>a)', 'ab', '[\\1]', '[]b'),
    ('(?<x>a)', 'ab', '[\\k<x>]', '[a]b'),
    ('(a)', 'ab', '[\\k<x>]', 'IndexError: undefined group name reference: x'),
    ('(?<x>a)', 'ab', '[\\k<y>]', 'IndexError: undefined group name reference: y'),
    ('(?<x>a)', 'ab', '[\\k<x]', 'RuntimeError: invalid group name reference format'),
    ('(a)(b)', 'ab', '\\2\\1', 'ba'),
    ('t(hi)s', 'this', '\\1', 'hi'),
    ('x', 'abc', '\\0', 'abc'),
    ('(a)|(b)', 'b', '<\\1|\\2|\\+>', '<|b|b>'),
    ('', 'abc', 'X', 'Xabc'),
    ('$', 'abc', 'X', 'abcX'),
]


@pytest.mark.parametrize(("source", "subject", "replacement", "expected"), RUBY_SUBS)
def test_replacement_matches_ruby(source: str, subject: str, replacement: str, expected: str) -> None:
    m = translate(source).search(subject)
    try:
        got = subject if m is None else subject[: m.start()] + expand_replacement(replacement, m) + subject[m.end() :]
    except (IndexError, RuntimeError) as exc:
        got = f"{type(exc).__name__}: {exc}"
    assert got == expected


RUBY_ERRORS = [
    ("[[:foo:]]", "invalid POSIX bracket type: /[[:foo:]]/"),
    (")", "unmatched close parenthesis: /)/"),
    ("(", "end pattern with unmatched parenthesis: /(/"),
    ("*a", "target of repeat operator is not specified: /*a/"),
    ("{1}", "target of repeat operator is not specified: /{1}/"),
    ("(?<n>a)\\1", "numbered backref/call is not allowed. (use name): /(?<n>a)\\1/"),
    ("[[:x]", "premature end of char-class: /[[:x]/"),
    ("[\\w-z]", "unmatched range specifier in char-class: /[\\w-z]/"),
    ("[a-\\w]", "char-class value at end of range: /[a-\\w]/"),
    ("(?P<a>x)", "undefined group option: /(?P<a>x)/"),
    ("[z-a]", "empty range in char class: /[z-a]/"),
]


@pytest.mark.parametrize(("source", "message"), RUBY_ERRORS)
def test_invalid_regexes_raise_regexp_error(source: str, message: str) -> None:
    with pytest.raises(RegexpError) as info:
        translate(source)
    assert str(info.value) == message


def test_unknown_backreference_is_a_regexp_error() -> None:
    with pytest.raises(RegexpError, match=r"/\\k<n>/$"):
        translate("\\k<n>")


UNSUPPORTED = [
    ("\\G", "\\G"),
    ("\\K", "\\K"),
    ("\\X", "\\X"),
    ("(?~a)", "absence operator (?~...)"),
    ("(?(1)a|b)", "conditional group (?(...)...)"),
    ("\\p{Greek}", "\\p{Greek}"),
    ("(?u)\\w", "(?u) character-set option"),
    ("(?<a>x)(?<a>y)", "duplicate group name"),
    ("\\g<1>", "\\g subexpression call"),
    ("\\M-a", "\\M- meta escape"),
    ("(?<=a+)b", "variable-width look-behind"),
]


@pytest.mark.parametrize(("source", "feature"), UNSUPPORTED)
def test_untranslatable_features_raise_unsupported(source: str, feature: str) -> None:
    with pytest.raises(UnsupportedRegex) as info:
        translate(source)
    assert info.value.feature == feature
    assert isinstance(info.value, ValueError)


def test_translation_is_cached() -> None:
    assert translate("a+b", 1) is translate("a+b", 1)
