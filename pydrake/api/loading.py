"""Loading a project for the API: the command line's Application, loaded from a folder, its errors as RakefileError."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from contextlib import chdir
from pathlib import Path
from typing import Any

from pydrake.api.capture import TaskCapture
from pydrake.api.errors import RakefileError
from pydrake.application import DEFAULT_RAKEFILES, Application, Exit, LoadFailure
from pydrake.options import Options
from pydrake.rake.errors import RakeError
from pydrake.runtime.objects import RubyError
from pydrake.syntax.errors import RubySyntaxError

# The working directory and sys.stdout/sys.stderr belong to the whole process: one load or run at a time.
PROCESS_LOCK = threading.RLock()

_BACKTRACE_LINE = re.compile(r"^(.*?):(\d+)(?::in |$)")


def find_rakefiles(path: str | os.PathLike[str], rakefiles: Sequence[str | os.PathLike[str]] | None) -> tuple[Path, list[Path]]:
    """The project folder and the files to load: ``path`` itself when it is a file, else ``rakefiles``
    inside it, else the first of Rake's names (rakefile, Rakefile, rakefile.rb, Rakefile.rb) found there."""
    where = Path(path).resolve()
    if where.is_file():
        if rakefiles:
            raise RakefileError("give either a Rakefile as the path or rakefiles=[...], not both")
        return where.parent, [where]
    if not where.is_dir():
        raise RakefileError(f"No such file or directory: {os.fspath(path)}")
    if rakefiles:
        files = [where / name for name in rakefiles]
        for file in files:
            if not file.is_file():
                raise RakefileError(f"No such Rakefile: {file}", file=str(file))
        return where, files
    for name in DEFAULT_RAKEFILES:
        if (where / name).is_file():
            return where, [where / name]
    raise RakefileError(f"No Rakefile found in {where} (looking for: {', '.join(DEFAULT_RAKEFILES)})")


def api_options(rakefile: str) -> Options:
    """The options of an API project: this Rakefile in the project folder, no search upward, no system Rakefiles."""
    return Options(rakefiles=[rakefile], nosearch=True, ignore_system=True)


def load_application(directory: Path, files: list[Path], capture: TaskCapture) -> Application:
    """Load the files into a new Application (the first as the Rakefile, the others as its imports),
    with the load's output going to ``capture``; RakefileError when that fails."""
    with chdir(directory):
        application = Application(api_options(os.path.relpath(files[0], directory)))
        application.app.manager.record_task_metadata = True  # descriptions and locations, as -T/-W record them
        rt: Any = application.rt
        rt.push_output(capture.out, capture.err)
        try:
            application.init()
            for extra in files[1:]:
                application.app.add_import(str(extra))
            application.load_rakefile()
        except (KeyboardInterrupt, RakefileError):
            raise
        except BaseException as exc:  # noqa: BLE001 - every load failure becomes a RakefileError
            raise load_error(application, exc) from None
        finally:
            rt.pop_output()
    return application


def load_error(application: Application, exc: BaseException) -> RakefileError:
    """A RakefileError naming the file and line of a load failure."""
    syntax = exc if isinstance(exc, RubySyntaxError) else exc.__cause__  # the parser's error behind Ruby's SyntaxError
    if isinstance(syntax, RubySyntaxError):
        message = syntax.message
        if syntax.source_line and "end-of-input" not in syntax.message:
            message += "\n" + syntax.source_line.rstrip() + "\n" + " " * (max(syntax.col, 1) - 1) + "^"
        return RakefileError(message, file=syntax.file, line=syntax.line, kind="SyntaxError")
    if isinstance(exc, LoadFailure):
        return RakefileError(str(exc))
    if isinstance(exc, Exit):
        return RakefileError(f"the Rakefile exited (status {exc.status}) while loading", kind="SystemExit")
    details = application.details(exc)
    file, line = _first_location(details.backtrace or [])
    if isinstance(exc, RubyError | RakeError):
        return RakefileError(details.message, file=file, line=line, kind=details.class_name)
    return RakefileError(f"{exc} (an internal error in pydrake)", file=file, line=line, kind=type(exc).__name__)


def _first_location(backtrace: list[str]) -> tuple[str | None, int | None]:
    for entry in backtrace:
        match = _BACKTRACE_LINE.match(entry)
        if match and match.group(1):
            return match.group(1), int(match.group(2))
    return None, None


def close_application(application: Any) -> None:
    """Run the Rakefile's ``at_exit`` blocks."""
    application.rt.run_at_exit()
