"""When Python's cycle collector runs during a pydrake command.

Loading a Rakefile creates hundreds of thousands of objects that live until exit (the AST, the
interpreter's tables, the tasks), and the collector would scan them again and again while they
are made: on a 10,000-task Rakefile that doubled the time to load it.  So the command line
pauses the collector until the Rakefile is loaded, then freezes what exists (moved out of the
collector's sight for good) and turns it back on for the build, where tasks run arbitrary code.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting cycles until ``settle`` (nothing when the collector is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> None:
    """Freeze every object made so far and collect again from here on, if ``pause`` stopped it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
