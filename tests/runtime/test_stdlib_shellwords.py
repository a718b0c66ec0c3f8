"""require "shellwords": Shellwords.split/escape/join and the String and Array helpers, as Ruby 3.1 answers."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_escape() -> None:
    src = r"""
    require 'shellwords'

    puts Shellwords.escape("file name's.txt"), "a b".shellescape, Shellwords.escape(""), Shellwords.shellescape(12)
    p "a+b=c~d%e^f".shellescape, "é x".shellescape, "a\nb".shellescape
    """
    assert out(src) == (
        'file\\ name\\\'s.txt\na\\ b\n\'\'\n12\n"a+b\\\\=c\\\\~d\\\\%e\\\\^f"\n"\\\\é\\\\ x"\n"a\'\\n\'b"\n'
    )


def test_split() -> None:
    src = r"""
    require 'shellwords'

    p Shellwords.split("cc -o 'my prog' \"x y\" z\\ w"), "one 'two three'".shellsplit, Shellwords.shellwords("x y")
    p Shellwords.split('a "x$y" "\\q" b\\'), Shellwords.split("a'b'\"c\"d e"), Shellwords.split("a\tb\n c"), "  a   b  ".shellsplit, "".shellsplit
    p Shellwords.split("a\\\nb c"), (Shellwords.split("a \"b") rescue $!)
    """
    assert out(src) == (
        '["cc", "-o", "my prog", "x y", "z w"]\n'
        '["one", "two three"]\n'
        '["x", "y"]\n'
        '["a", "x$y", "\\\\q", "b\\\\"]\n'
        '["abcd", "e"]\n'
        '["a", "b", "c"]\n'
        '["a", "b"]\n'
        "[]\n"
        '["a\\\\\\nb", "c"]\n'
        '#<ArgumentError: Unmatched quote: "a \\"b">\n'
    )


def test_join_and_include() -> None:
    src = r"""
    require 'shellwords'

    p Shellwords.join(["a", "b c"]), %w[cp my\ file dest].shelljoin, Shellwords.join([1, :a, "b c"]), [1, "a b"].shelljoin
    include Shellwords
    p shellwords("q r"), shellescape("x y"), shelljoin(["a b"]), Shellwords.class
    """
    assert out(src) == (
        '"a b\\\\ c"\n"cp my\\\\ file dest"\n"1 a b\\\\ c"\n"1 a\\\\ b"\n["q", "r"]\n"x\\\\ y"\n"a\\\\ b"\nModule\n'
    )
