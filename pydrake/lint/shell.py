"""What a shell command line reads and writes, guessed from its words as a shell would split them.

Redirections, ``-o FILE`` style outputs, the operands of ``cp``/``mv``/``ln``/``install``,
``touch``, ``rm``, ``mkdir``, ``tee``, ``sed -i``, ``ar``, ``tar`` and ``zip`` are understood;
any other word may be a file the command reads.  A word holding an unknown value (``UNKNOWN_MARK``),
a shell variable or a command substitution is never taken as a path.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

# Stands for an interpolated value the linter could not work out.
UNKNOWN_MARK = "\x00"

READ, WRITE, DELETE, MKDIR = "read", "write", "delete", "mkdir"

_SEPARATORS = {"&&", "||", ";", "|", "&", "|&", ";;", "(", ")", "{", "}", "!"}
_WRITE_REDIRECTS = {">", ">>", ">|", "&>", "&>>"}
_WRAPPERS = {"env", "sudo", "time", "nice", "nohup", "exec", "command", "builtin", "stdbuf", "ionice", "timeout"}
# Commands whose operands are never files this build makes or uses.
_NO_FILES = frozenset(
    "echo printf true false exit export set unset : sleep read wait shift return local kill pwd date "
    "whoami uname which type trap umask eval source . hash alias yes seq expr basename dirname".split()
)
# Commands whose effect on files cannot be told from their command line (other build tools, finders).
_OPAQUE = frozenset(
    "make gmake rake pydrake ninja cmake bundle npm yarn cargo go git docker find xargs ssh scp rsync mvn "
    "gradle ant pip gem for while if case until do done then fi else elif esac".split()
)
_COMPILERS = {"cc", "gcc", "g++", "c++", "clang", "clang++", "cpp", "ld", "as", "gfortran", "nvcc", "tcc", "icc"}
# Compiler options whose value is the next word.
_COMPILER_VALUE_OPTIONS = frozenset(
    "-I -L -D -U -l -x -isystem -iquote -idirafter -MT -MQ -Xlinker -arch -framework -target -B -isysroot "
    "--sysroot -Xpreprocessor -Xassembler".split()
)
_SCRIPT_CODE_OPTIONS = {"-e", "-c", "-E", "-r", "-I", "-m", "-W"}
_INTERPRETERS = {"ruby", "python", "python3", "python2", "perl", "node", "php", "lua", "Rscript"}
_SHELLS = {"sh", "bash", "zsh", "dash", "ksh"}
_HEADER_SUFFIXES = (".h", ".hh", ".hpp", ".hxx", ".inc")
_SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".m", ".mm", ".s", ".S", ".f", ".f90", ".cu")


@dataclass(frozen=True)
class ShellAccess:
    """One path a command touches: mode is read, write, delete or mkdir; recursive for whole trees."""

    path: str
    mode: str
    recursive: bool = False
    append: bool = False


IsDir = Callable[[str], bool]


def command_accesses(command: str, is_dir: IsDir, cwd: str = "") -> list[ShellAccess]:
    """The accesses of a command line run by ``sh -c``; paths joined to ``cwd`` (as given, not normalised)."""
    try:
        tokens = _tokens(command)
    except ValueError:
        return []
    out: list[ShellAccess] = []
    state = _CwdState(cwd)
    saved: list[str | None] = []
    words: list[str] = []
    for token in [*tokens, ";"]:
        if token not in _SEPARATORS:
            words.append(token)
            continue
        if words:
            _simple_command(words, is_dir, state, out)
            words = []
        if token == "(":
            saved.append(state.cwd)  # a subshell: its cd ends with it
        elif token == ")" and saved:
            state.cwd = saved.pop()
    return out


def argv_accesses(argv: list[str], is_dir: IsDir, cwd: str = "") -> list[ShellAccess]:
    """The accesses of a program run with these arguments and no shell (``sh "prog", "arg"``)."""
    out: list[ShellAccess] = []
    _program(list(argv), is_dir, _CwdState(cwd), out)
    return out


class _CwdState:
    """The folder a command line is in (None once a ``cd`` went somewhere unknown)."""

    def __init__(self, cwd: str) -> None:
        self.cwd: str | None = cwd

    def path(self, word: str) -> str | None:
        if self.cwd is None or not usable_word(word):
            return None
        if os.path.isabs(word) or not self.cwd:
            return word
        return os.path.join(self.cwd, word)


def usable_word(word: str) -> bool:
    """Can this word name a file (no unknown part, no variable, no substitution)?"""
    return bool(word) and not any(c in word for c in (UNKNOWN_MARK, "$", "`", "~")) and not word.startswith("-")


def _tokens(command: str) -> list[str]:
    text = _unquoted_newlines_to_semicolons(command.replace("\\\n", " "))
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    return list(lexer)


def _unquoted_newlines_to_semicolons(text: str) -> str:
    out = []
    quote = ""
    for ch in text:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "\n":
            out.append(" ; ")
            continue
        out.append(ch)
    return "".join(out)


def _simple_command(words: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    argv: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if word.isdigit() and nxt is not None and (nxt.startswith(">") or nxt.startswith("<")):
            i += 1  # a file descriptor number before a redirection
            continue
        if word in _WRITE_REDIRECTS or word == ">&":
            if nxt is not None and not (word == ">&" and (nxt.isdigit() or nxt == "-")):
                path = state.path(nxt)
                if path is not None and path != "/dev/null":
                    out.append(ShellAccess(path, WRITE, append=word in (">>", "&>>")))
            i += 2
            continue
        if word in ("<", "<>"):
            if nxt is not None:
                path = state.path(nxt)
                if path is not None:
                    out.append(ShellAccess(path, READ))
                    if word == "<>":
                        out.append(ShellAccess(path, WRITE))
            i += 2
            continue
        if word in ("<<", "<<-", "<<<", "<&"):
            i += 2
            continue
        if word.startswith((">", "<")):
            i += 1  # some other redirection shape: ignore its operand
            continue
        argv.append(word)
        i += 1
    _program(argv, is_dir, state, out)


def _program(argv: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    while argv and ("=" in argv[0] and not argv[0].startswith(("=", "-")) and argv[0].split("=", 1)[0].isidentifier()):
        argv = argv[1:]  # NAME=value before the program
    while argv and os.path.basename(argv[0]) in _WRAPPERS:
        argv = _strip_wrapper(argv)
    if not argv:
        return
    prog = os.path.basename(argv[0])
    args = argv[1:]
    handler = _HANDLERS.get(prog)
    if handler is not None:
        handler(args, is_dir, state, out)
    elif prog in _NO_FILES or prog in _OPAQUE:
        return
    elif prog in _COMPILERS or prog.endswith(("-gcc", "-g++", "-cc", "-clang", "-ld", "-as")):
        _compiler(args, state, out)
    elif prog in _SHELLS:
        _shell(args, is_dir, state, out)
    elif prog in _INTERPRETERS or prog.startswith(("python", "ruby")):
        _interpreter(argv[0], args, state, out)
    else:
        if "/" in argv[0]:
            _read(state, argv[0], out)  # ./script or tools/gen.sh
        _generic(args, state, out)


def _strip_wrapper(argv: list[str]) -> list[str]:
    prog = os.path.basename(argv[0])
    rest = argv[1:]
    while rest and (rest[0].startswith("-") or (prog == "env" and "=" in rest[0])):
        takes_value = prog in ("timeout", "nice", "sudo") and rest[0] in ("-n", "-u", "-s", "-k", "-g")
        rest = rest[2:] if takes_value else rest[1:]
    if prog == "timeout" and rest:
        rest = rest[1:]  # the duration
    return rest


def _read(state: _CwdState, word: str, out: list[ShellAccess], recursive: bool = False) -> None:
    path = state.path(word)
    if path is not None:
        out.append(ShellAccess(path, READ, recursive))


def _add(state: _CwdState, word: str, mode: str, out: list[ShellAccess], recursive: bool = False) -> None:
    path = state.path(word)
    if path is not None:
        out.append(ShellAccess(path, mode, recursive))


def _operands(args: list[str], value_options: set[str] = frozenset()) -> tuple[list[str], list[str]]:  # type: ignore[assignment]
    """(operands, flags): words after ``--`` are always operands; listed options take the next word."""
    operands: list[str] = []
    flags: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            operands.extend(args[i + 1 :])
            break
        if word.startswith("-") and word != "-":
            flags.append(word)
            if word in value_options and i + 1 < len(args):
                flags.append(args[i + 1])
                i += 1
        else:
            operands.append(word)
        i += 1
    return operands, flags


def _generic(args: list[str], state: _CwdState, out: list[ShellAccess]) -> None:
    """Any other command: ``-o FILE`` and ``--output=FILE`` are written, every other word may be read."""
    include_dirs = _include_dirs(args)
    i = 0
    while i < len(args):
        word = args[i]
        if word in ("-o", "--output", "--out") and i + 1 < len(args):
            _add(state, args[i + 1], WRITE, out)
            i += 2
            continue
        if word in ("-I", "-iquote", "-isystem", "-L"):
            i += 2
            continue
        if word.startswith(("--output=", "--out=")):
            _add(state, word.split("=", 1)[1], WRITE, out)
        elif word.startswith("-") and "=" in word:
            _read(state, word.split("=", 1)[1], out)
        elif word.startswith("if="):
            _read(state, word[3:], out)
        elif word.startswith("of="):
            _add(state, word[3:], WRITE, out)
        elif not word.startswith("-"):
            _read(state, word, out)
            if include_dirs or "-c" in args:  # a compiler behind a wrapper script
                _includes(word, include_dirs, state, out)
        i += 1


def _include_dirs(args: list[str]) -> list[str]:
    """The ``-I DIR`` / ``-IDIR`` / ``-iquote DIR`` folders of a compiler command line, in order."""
    dirs: list[str] = []
    for i, word in enumerate(args):
        if word in ("-I", "-iquote") and i + 1 < len(args):
            dirs.append(args[i + 1])
        elif word.startswith("-I") and len(word) > 2:
            dirs.append(word[2:])
    return dirs


_INCLUDE = re.compile(r'^\s*#\s*(?:include|import)\s*"([^"]+)"', re.M)
_MAX_INCLUDE_DEPTH = 4


def _includes(word: str, include_dirs: list[str], state: _CwdState, out: list[ShellAccess]) -> None:
    """A C-family source a command compiles reads the headers it includes with quotes (guessed from its text)."""
    path = state.path(word)
    if path is None or not path.endswith(_SOURCE_SUFFIXES + _HEADER_SUFFIXES):
        return
    dirs = [d for d in (state.path(d) for d in include_dirs) if d is not None]
    seen: set[str] = {os.path.normpath(path)}
    pending = [(path, 0)]
    while pending:
        current, depth = pending.pop()
        try:
            with open(current, encoding="utf-8", errors="replace") as f:
                text = f.read(1_000_000)
        except OSError:
            continue
        for name in _INCLUDE.findall(text):
            for folder in [os.path.dirname(current), *dirs]:
                candidate = os.path.normpath(os.path.join(folder, name))
                if candidate not in seen:
                    seen.add(candidate)
                    out.append(ShellAccess(candidate, READ))
                if os.path.isfile(candidate):
                    if depth + 1 < _MAX_INCLUDE_DEPTH:
                        pending.append((candidate, depth + 1))
                    break  # the compiler stops at the first folder that has it


def _compiler(args: list[str], state: _CwdState, out: list[ShellAccess]) -> None:
    """``cc``: ``-o FILE`` written, ``-MF FILE`` written, sources read, ``-c`` without ``-o`` writes ``name.o``."""
    output = None
    compile_only = False
    sources: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        nxt = args[i + 1] if i + 1 < len(args) else None
        if word == "-o" and nxt is not None:
            output = nxt
            i += 2
            continue
        if word.startswith("-o") and len(word) > 2:
            output = word[2:]
        elif word == "-MF" and nxt is not None:
            _add(state, nxt, WRITE, out)
            i += 2
            continue
        elif word in ("-include", "-imacros", "-T") and nxt is not None:
            _read(state, nxt, out)
            i += 2
            continue
        elif word in _COMPILER_VALUE_OPTIONS:
            i += 2
            continue
        elif word == "-c":
            compile_only = True
        elif not word.startswith("-"):
            sources.append(word)
            _read(state, word, out)
        i += 1
    include_dirs = _include_dirs(args)
    for src in sources:
        _includes(src, include_dirs, state, out)
    if output is not None:
        _add(state, output, WRITE, out)
    elif compile_only:
        for src in sources:
            base, ext = os.path.splitext(os.path.basename(src))
            if ext in _SOURCE_SUFFIXES:
                _add(state, base + ".o", WRITE, out)


def _shell(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    """``sh -c 'COMMAND'`` is read as a command line; ``sh script ARGS`` reads the script (and maybe its args)."""
    i = 0
    command_mode = False
    while i < len(args) and args[i].startswith("-") and args[i] != "-":
        if args[i] in ("-o", "+o", "-O"):
            i += 1  # an option name follows
        elif not args[i].startswith("--") and "c" in args[i]:
            command_mode = True
        i += 1
    rest = args[i:]
    if not rest:
        return
    if command_mode:
        if state.cwd is not None:
            out.extend(command_accesses(rest[0], is_dir, state.cwd))
        return
    _read(state, rest[0], out)
    _generic(rest[1:], state, out)


def _interpreter(prog: str, args: list[str], state: _CwdState, out: list[ShellAccess]) -> None:
    i = 0
    rest: list[str] = []
    while i < len(args):
        word = args[i]
        if word in _SCRIPT_CODE_OPTIONS:
            if word in ("-e", "-c", "-E", "-m"):
                return  # inline code: what it touches is not on the command line
            i += 2
            continue
        rest.append(word)
        i += 1
    _generic(rest, state, out)


def _cd(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    operands, _ = _operands(args)
    if len(operands) != 1 or state.cwd is None or not usable_word(operands[0]):
        state.cwd = None
        return
    state.cwd = os.path.join(state.cwd, operands[0]) if state.cwd else operands[0]


def _mkdir(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    operands, _ = _operands(args, {"-m", "--mode"})
    for word in operands:
        _add(state, word, MKDIR, out)


def _rm(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    operands, flags = _operands(args)
    recursive = any(f in ("--recursive",) or (not f.startswith("--") and ("r" in f or "R" in f)) for f in flags)
    for word in operands:
        _add(state, word, DELETE, out, recursive)


def _rmdir(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    operands, _ = _operands(args)
    for word in operands:
        _add(state, word, DELETE, out, True)


def _touch(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    operands, flags = _operands(args, {"-r", "-t", "-d", "--reference", "--date"})
    for word in operands:
        _add(state, word, WRITE, out)


def _copy_like(
    args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess], move: bool, link: bool
) -> None:
    operands, flags = _operands(args, {"-t", "--target-directory", "-m", "--mode", "-o", "-g", "-S", "--suffix"})
    target = None
    for i, f in enumerate(flags):
        if f in ("-t", "--target-directory") and i + 1 < len(flags):
            target = flags[i + 1]
        elif f.startswith("--target-directory="):
            target = f.split("=", 1)[1]
    if any(f == "-d" or f == "--directory" for f in flags) and not link and not move:
        for word in operands:  # install -d DIR...
            _add(state, word, MKDIR, out)
        return
    recursive = (
        any(
            f in ("-r", "-R", "-a", "--recursive", "--archive")
            or (not f.startswith("--") and ("r" in f or "R" in f or "a" in f))
            for f in flags
        )
        and not link
    )
    symbolic = link and any(f in ("-s", "--symbolic") or (not f.startswith("--") and "s" in f) for f in flags)
    if target is None:
        if len(operands) < 2:
            return
        *sources, dest = operands
    else:
        sources, dest = operands, target
    dest_path = state.path(dest)
    into_dir = (
        target is not None or len(sources) > 1 or dest.endswith("/") or (dest_path is not None and is_dir(dest_path))
    )
    for src in sources:
        if not symbolic:
            _read(state, src, out, recursive)
        if move:
            _add(state, src, DELETE, out, True)
        if dest_path is None:
            continue
        written = os.path.join(dest_path, os.path.basename(src.rstrip("/"))) if into_dir else dest_path
        if usable_word(src) or not into_dir:
            out.append(ShellAccess(written, WRITE, recursive or move))


def _cp(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    _copy_like(args, is_dir, state, out, move=False, link=False)


def _mv(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    _copy_like(args, is_dir, state, out, move=True, link=False)


def _ln(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    _copy_like(args, is_dir, state, out, move=False, link=True)


def _tee(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    operands, flags = _operands(args)
    append = any(f in ("-a", "--append") for f in flags)
    for word in operands:
        path = state.path(word)
        if path is not None and path != "/dev/null":
            out.append(ShellAccess(path, WRITE, append=append))


def _sed(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    in_place = False
    script_given = False
    files: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        if word in ("-e", "--expression"):
            script_given = True
            i += 2
            continue
        if word in ("-f", "--file"):
            script_given = True
            if i + 1 < len(args):
                _read(state, args[i + 1], out)
            i += 2
            continue
        if (
            word.startswith("-i")
            or word.startswith("--in-place")
            or (word.startswith("-") and not word.startswith("--") and "i" in word)
        ):
            in_place = True
        elif not word.startswith("-"):
            files.append(word)
        i += 1
    if not script_given and files:
        files = files[1:]
    for word in files:
        _read(state, word, out)
        if in_place:
            _add(state, word, WRITE, out)


def _ar(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    if len(args) < 2:
        return
    key = args[0].lstrip("-")
    archive, members = args[1], args[2:]
    if any(c in key for c in "rqsd"):
        _add(state, archive, WRITE, out)
    _read(state, archive, out)
    for word in members:
        _read(state, word, out)


def _tar(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    letters: list[str] = []
    values: dict[str, str] = {}
    operands: list[str] = []
    rest = list(args)
    if rest and not rest[0].startswith("-"):
        rest[0] = "-" + rest[0]  # old style: tar czf out.tgz ...
    i = 0
    while i < len(rest):
        word = rest[i]
        if word.startswith("--"):
            name, _, value = word[2:].partition("=")
            if name in ("file", "directory") and value:
                values["f" if name == "file" else "C"] = value
            elif name in ("create", "extract", "list", "append", "update"):
                letters.append({"create": "c", "extract": "x", "list": "t", "append": "r", "update": "u"}[name])
            i += 1
            continue
        if word.startswith("-") and len(word) > 1:
            for ch in word[1:]:
                letters.append(ch)
                if ch in "fCT" and i + 1 < len(rest):
                    values[ch] = rest[i + 1]
                    i += 1
            i += 1
            continue
        operands.append(word)
        i += 1
    archive = values.get("f")
    creating = any(c in letters for c in "cru")
    if archive is not None and archive != "-":
        _add(state, archive, WRITE if creating else READ, out)
    if creating:
        inner = _CwdState(state.cwd or "")
        if state.cwd is None:
            return
        if "C" in values:
            _cd([values["C"]], is_dir, inner, out)
        for word in operands:
            _read(inner, word, out, recursive=True)


def _zip(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    operands, flags = _operands(args, {"-x", "-i", "-b", "-n", "-t", "-tt"})
    recursive = any(f in ("-r", "--recurse-paths") or (not f.startswith("--") and "r" in f) for f in flags)
    if not operands:
        return
    _add(state, operands[0], WRITE, out)
    for word in operands[1:]:
        _read(state, word, out, recursive)


def _test(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    for word in args:
        if word not in ("]", "!", "=", "!=", "-a", "-o") and not word.startswith("-"):
            _read(state, word, out)


def _ls(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    """``ls``/``du``: what a folder holds."""
    operands, _ = _operands(args)
    for word in operands:
        _read(state, word, out, recursive=True)


def _grep(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    """``grep PATTERN FILE...``: the files are read (``-e``/``-f`` give the pattern instead)."""
    operands, flags = _operands(args, {"-e", "-f", "-m", "-A", "-B", "-C", "--include", "--exclude"})
    given = any(f in ("-e", "-f") or f.startswith(("--regexp", "--file")) for f in flags)
    for i, f in enumerate(flags):
        if f == "-f" and i + 1 < len(flags):
            _read(state, flags[i + 1], out)
    for word in operands if given else operands[1:]:
        _read(state, word, out)


def _fetcher(args: list[str], is_dir: IsDir, state: _CwdState, out: list[ShellAccess]) -> None:
    """``curl -o FILE`` / ``wget -O FILE``: only the output is a local file."""
    for i, word in enumerate(args):
        if word in ("-o", "-O", "--output", "--output-document") and i + 1 < len(args):
            _add(state, args[i + 1], WRITE, out)


_HANDLERS: dict[str, Callable[[list[str], IsDir, _CwdState, list[ShellAccess]], None]] = {
    "cd": _cd,
    "pushd": _cd,
    "mkdir": _mkdir,
    "rm": _rm,
    "unlink": _rm,
    "rmdir": _rmdir,
    "touch": _touch,
    "cp": _cp,
    "install": _cp,
    "mv": _mv,
    "ln": _ln,
    "tee": _tee,
    "sed": _sed,
    "ar": _ar,
    "tar": _tar,
    "zip": _zip,
    "test": _test,
    "[": _test,
    "ls": _ls,
    "grep": _grep,
    "egrep": _grep,
    "fgrep": _grep,
    "du": _ls,
    "curl": _fetcher,
    "wget": _fetcher,
}
