"""The generated record initialisers (``record_code.py``): current, used for the package's
records, and compiled when a class is made instead where a record's source is not there."""

from __future__ import annotations

from pydrake import record, record_code, record_codegen
from pydrake.options import Options
from pydrake.record import record as make_record


def test_the_module_is_current_with_the_record_classes():
    assert record_codegen.code_path().read_text() == record_codegen.render(), "run python -m pydrake.record_codegen"
    assert record_codegen.main(["--check"]) == 0


def test_every_record_of_the_package_takes_its_initialiser_from_the_module():
    record_codegen.render()  # imports every module, so every record class has been made
    assert "pydrake.options.Options" in record.MADE and "pydrake.engine.events.Event" in record.MADE
    assert set(record.MADE.values()) == set(record_code.INITS)
    assert Options.__init__.__code__.co_filename == record_code.__file__
    assert Options().jobs is None and Options(jobs=3).jobs == 3


def test_a_record_outside_the_package_is_compiled_when_made():
    @make_record
    class Pair:
        left: int
        right: list[int] = record.field(default_factory=list)

    assert Pair.__init__.__code__.co_filename.startswith("<pydrake generated: ")
    assert "tests" not in " ".join(record.MADE)
    first, second = Pair(1), Pair(2)
    assert (first.left, first.right, second.right) == (1, [], []) and first.right is not second.right
