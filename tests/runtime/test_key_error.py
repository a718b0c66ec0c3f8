"""KeyError#key and #receiver, for the KeyErrors Hash#fetch and ENV.fetch raise and for KeyError.new."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_fetch_failures_name_their_key_and_receiver() -> None:
    src = """
begin; {a: 1}.fetch(:b); rescue KeyError => e; p e.key, e.receiver; end
begin; ENV.fetch("PYDRAKE_SURELY_UNSET"); rescue KeyError => e; p e.key, e.receiver.equal?(ENV); end
begin; KeyError.new("m").key; rescue ArgumentError => e; p e.message; end
p KeyError.new("m", receiver: 1, key: 2).receiver
"""
    assert out(src) == ':b\n{:a=>1}\n"PYDRAKE_SURELY_UNSET"\ntrue\n"no key is available"\n1\n'
