"""``loop`` ends on StopIteration and answers its result: what the exhausted iteration returned."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_loop_answers_the_result_of_the_exhausted_each() -> None:
    src = """
e = [1, 2].each
p loop { e.next }
begin
  e.next
rescue StopIteration => x
  p x.result
end
h = {a: 1}.each
p loop { h.next }
"""
    assert out(src) == "[1, 2]\n[1, 2]\n{:a=>1}\n"
