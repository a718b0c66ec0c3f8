"""``pydrake --completion bash|zsh|fish``: the shell completion scripts, generated from the option tables.

Each script completes pydrake's options (every spelling in ``pydrake.options``' switch tables),
their values where they have a fixed set or name a file or folder, and the current project's task
names. Task names come from ``pydrake --completion-tasks``, which loads the Rakefile as ``--safe``
does (no command runs, no file changes) and prints one name a line, so pressing Tab in an unknown
checkout runs nothing from it. Names with colons (``db:migrate``) complete whole in every shell.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

from pydrake.options import (
    COMPLETION_SHELLS,
    GRAPH_FORMATS,
    HELP_SWITCH,
    OUTPUT_SYNC_MODES,
    PLACED_ARGUMENT,
    PYDRAKE_SWITCHES,
    RAKE_SWITCHES,
    REQUIRED_ARGUMENT,
    Switch,
)

PROGRAM = "pydrake"
TASKS_OPTION = "--completion-tasks"

# What the word after an option is, by the option's action. Options whose argument is missing here
# take free text (a required argument) or, for an optional one, may be followed by a task name.
FILE_VALUES = frozenset({"rakefile", "require"})
FOLDER_VALUES = frozenset({"directory", "libdir", "rakelib"})
PATTERN_VALUES = frozenset({"tasks", "describe", "where"})  # -T PATTERN: task names make good patterns
CHOICE_VALUES: dict[str, tuple[str, ...]] = {
    "completion": COMPLETION_SHELLS,
    "graph": GRAPH_FORMATS,
    "output_sync": OUTPUT_SYNC_MODES,
    "job_stats": ("history",),
    "shuffle": ("reverse",),
}
# `--trace=OUT`: values that are only ever attached with "=".
ATTACHED_CHOICES: dict[str, tuple[str, ...]] = {"trace": ("stdout", "stderr"), "backtrace": ("stdout", "stderr")}
# Options that decide which Rakefile the task names come from: passed on to --completion-tasks.
CONTEXT_ACTIONS = frozenset({"directory", "rakefile", "rakelib", "libdir", "nosearch", "system", "no_system"})

ZSH_NOGLOB_ADVICE = "alias pydrake='noglob pydrake'"


def switches() -> tuple[Switch, ...]:
    """Every option the help lists: Rake's, pydrake's own, and the help switch."""
    return (*RAKE_SWITCHES, *PYDRAKE_SWITCHES, HELP_SWITCH)


def spellings(sw: Switch) -> list[str]:
    """The switch's short and long spellings, dashes included, short ones first."""
    return [f"-{s}" for s in sw.short] + [f"--{name}" for name in sw.long]


def all_spellings() -> list[str]:
    """Every option spelling, in the help's order."""
    return [word for sw in switches() for word in spellings(sw)]


def _takes_next_word(sw: Switch) -> bool:
    return sw.style in (REQUIRED_ARGUMENT, PLACED_ARGUMENT)


def _words_for(actions: Iterable[str]) -> list[str]:
    wanted = set(actions)
    return [word for sw in switches() if sw.action in wanted and _takes_next_word(sw) for word in spellings(sw)]


def _free_text_words() -> list[str]:
    """Options whose next word is free text (code, a pattern to suppress, a number...): nothing to offer."""
    known = FILE_VALUES | FOLDER_VALUES | PATTERN_VALUES | set(CHOICE_VALUES)
    return [
        word for sw in switches() if sw.style == REQUIRED_ARGUMENT and sw.action not in known for word in spellings(sw)
    ]


def _context_words() -> tuple[list[str], list[str]]:
    """Patterns of the words passed on to --completion-tasks: (those taking the next word too, those alone).

    The second list holds the options without a value and the attached forms (``--rakefile=FILE``,
    ``-fFILE``) of those with one.
    """
    with_value, alone = [], []
    for sw in switches():
        if sw.action not in CONTEXT_ACTIONS:
            continue
        if _takes_next_word(sw):
            with_value.extend(spellings(sw))
            alone.extend([f"-{s}*" for s in sw.short] + [f"--{name}=*" for name in sw.long])
        else:
            alone.extend(spellings(sw))
    return with_value, alone


def completion_script(shell: str) -> str:
    """The completion script for ``shell`` (one of COMPLETION_SHELLS)."""
    if shell == "bash":
        return bash_script()
    if shell == "zsh":
        return zsh_script()
    if shell == "fish":
        return fish_script()
    raise ValueError(f"no completion script for {shell!r}")


_PATTERN_WORD = re.compile(r"[-\w?*=]+")


def _case(words: Iterable[str]) -> str:
    """A shell ``case`` pattern matching these words (option spellings, ``?`` and ``*`` as wildcards)."""
    items = list(words)
    assert items and all(_PATTERN_WORD.fullmatch(w) for w in items), items
    return "|".join(items)


def _choice_arms(indent: str, offer: str) -> list[str]:
    """``case`` arms (bash and zsh syntax) for options with fixed values.

    A required value is all there is to offer (``offer`` then return); an optional one may be
    left out for a task name, so its values join the task names (in ``$extra``).
    """
    arms = []
    for sw in switches():
        values = CHOICE_VALUES.get(sw.action)
        if values is None or not _takes_next_word(sw):
            continue
        if sw.style == REQUIRED_ARGUMENT:
            arms.append(f"{indent}{_case(spellings(sw))}) {offer} {' '.join(values)}; return ;;")
        else:
            arms.append(f"{indent}{_case(spellings(sw))}) extra=({' '.join(values)}) ;;")
    return arms


def _attached_arms(indent: str, emit: str) -> list[str]:
    """``case`` arms for ``--option=VALUE`` words.

    ``emit`` is the arm's command, with ``{values}`` (the values alone) and ``{words}`` (each
    value with its ``--option=`` in front) filled in.
    """
    arms = []
    for sw in switches():
        values = ATTACHED_CHOICES.get(sw.action) or CHOICE_VALUES.get(sw.action) or ()
        for name in sw.long if values else ():
            words = " ".join(f"--{name}={v}" for v in values)
            arms.append(f"{indent}--{name}=*) {emit.format(values=' '.join(values), words=words)} ;;")
    return arms


# ------------------------------------------------------------------ bash

_BASH = r"""# bash completion for pydrake. Load it in ~/.bashrc with
#     eval "$(pydrake --completion bash)"
# Task names come from `pydrake --completion-tasks`, which runs no command and changes no file.

# _pydrake_words: COMP_WORDS with the pieces bash split at its word breaks (':' and '=' by
# default, see COMP_WORDBREAKS) glued back as typed, so that `db:migrate` is one word.
# Sets _pydrake_w (the words) and _pydrake_cw (the index of the word under the cursor).
_pydrake_words() {
    _pydrake_w=() _pydrake_cw=0
    local line=${COMP_LINE-} i j=-1 word glued
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        glued=0
        if ((i > 1)); then
            if [[ -n ${COMP_LINE+set} ]]; then
                [[ $line != [[:blank:]]* ]] && glued=1
            elif [[ $word == :* || ${COMP_WORDS[i-1]} == *: ]]; then
                glued=1
            fi
        fi
        if ((glued)); then
            _pydrake_w[j]+=$word
        else
            _pydrake_w[++j]=$word
        fi
        ((i == COMP_CWORD)) && _pydrake_cw=$j
        [[ -n ${COMP_LINE+set} ]] && line=${line#*"$word"}
    done
    ((COMP_CWORD >= ${#COMP_WORDS[@]})) && _pydrake_w[++j]="" && _pydrake_cw=$j
    return 0
}

# _pydrake_offer PREFIX WORD...: the words starting with PREFIX, into COMPREPLY.
_pydrake_offer() {
    local prefix=$1 word
    shift
    for word in "$@"; do
        [[ $word == "$prefix"* ]] && COMPREPLY+=("$word")
    done
    return 0
}

_pydrake() {
    COMPREPLY=()
    local _pydrake_w _pydrake_cw
    _pydrake_words
    local cur=${_pydrake_w[_pydrake_cw]} prev=""
    ((_pydrake_cw > 0)) && prev=${_pydrake_w[_pydrake_cw - 1]}
    local -a extra
    local i name
    case $prev in
@FILE_ARM@
@FOLDER_ARM@
@CHOICE_ARMS@
@FREE_ARM@
    esac
    case $cur in
@ATTACHED_ARMS@
        -*) _pydrake_offer "$cur" @OPTIONS@ ;;
        *)
            local -a context=()
            for ((i = 1; i < _pydrake_cw; i++)); do
                case ${_pydrake_w[i]} in
@CONTEXT_VALUE_ARM@
@CONTEXT_ALONE_ARM@
                esac
            done
            local -a names=()
            while IFS= read -r name; do
                names+=("$name")
            done < <(pydrake @TASKS_OPTION@ "${context[@]}" 2>/dev/null)
            _pydrake_offer "$cur" "${extra[@]}" "${names[@]}"
            ;;
    esac
    # bash replaces only its own last piece of the word (the text after the last ':' when ':' is
    # in COMP_WORDBREAKS): drop what comes before that piece from every candidate.
    local piece=${COMP_WORDS[COMP_CWORD]-}
    ((COMP_CWORD >= ${#COMP_WORDS[@]})) && piece=""
    case $piece in
        [:=]) piece="" ;;
    esac
    local lead=${cur%"$piece"}
    if [[ -n $lead ]]; then
        for i in "${!COMPREPLY[@]}"; do
            COMPREPLY[i]=${COMPREPLY[i]#"$lead"}
        done
    fi
    return 0
}

complete -F _pydrake pydrake
"""


def bash_script() -> str:
    """The bash script: ``_pydrake``, registered with ``complete -F``."""
    indent = " " * 8
    with_value, alone = _context_words()
    files = _words_for(FILE_VALUES)
    folders = _words_for(FOLDER_VALUES)
    free = _free_text_words()
    replacements = {
        "@FILE_ARM@": f'{indent}{_case(files)}) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); '
        "compopt -o filenames 2>/dev/null; return 0 ;;",
        "@FOLDER_ARM@": f'{indent}{_case(folders)}) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); '
        "compopt -o filenames 2>/dev/null; return 0 ;;",
        "@CHOICE_ARMS@": "\n".join(_choice_arms(indent, '_pydrake_offer "$cur"')),
        "@FREE_ARM@": f"{indent}{_case(free)}) return 0 ;;",
        "@ATTACHED_ARMS@": "\n".join(_attached_arms(indent, '_pydrake_offer "$cur" {words}')),
        "@OPTIONS@": " ".join(shlex.quote(w) for w in all_spellings()),
        "@CONTEXT_VALUE_ARM@": f'{indent * 2}{_case(with_value)}) context+=("${{_pydrake_w[i]}}" '
        '"${_pydrake_w[i + 1]}"); ((i++)) ;;',
        "@CONTEXT_ALONE_ARM@": f'{indent * 2}{_case(alone)}) context+=("${{_pydrake_w[i]}}") ;;',
        "@TASKS_OPTION@": TASKS_OPTION,
    }
    text = _BASH
    for key, value in replacements.items():
        text = text.replace(key, value)
    return text


# ------------------------------------------------------------------ zsh

_ZSH = r"""#compdef pydrake
# zsh completion for pydrake. Load it in ~/.zshrc, after compinit, with
#     eval "$(pydrake --completion zsh)"
# or save it as a file named _pydrake in a folder of $fpath.
# Task names come from `pydrake --completion-tasks`, which runs no command and changes no file.
#
# Task arguments are written in brackets (pydrake release[1.2,beta]), which zsh reads as a glob
# pattern ("no matches found"). Quote them, or add to ~/.zshrc:
#     @NOGLOB@

_pydrake() {
    local cur=${words[CURRENT]} prev=${words[CURRENT-1]}
    local -a extra context names
    local i
    case $prev in
        @FILE_CASE@) _files; return ;;
        @FOLDER_CASE@) _files -/; return ;;
@CHOICE_ARMS@
        @FREE_CASE@) return 1 ;;
    esac
    case $cur in
@ATTACHED_ARMS@
        -*) compadd -- @OPTIONS@; return ;;
    esac
    for ((i = 2; i < CURRENT; i++)); do
        case ${words[i]} in
            @CONTEXT_VALUE_CASE@) context+=("${words[i]}" "${words[i+1]}"); ((i++)) ;;
            @CONTEXT_ALONE_CASE@) context+=("${words[i]}") ;;
        esac
    done
    names=(${(f)"$(_call_program tasks pydrake @TASKS_OPTION@ ${(q)context[@]} 2>/dev/null)"})
    compadd -- $extra $names
}

if [[ ${zsh_eval_context[-1]-} == loadautofunc ]]; then
    _pydrake "$@"
else
    compdef _pydrake pydrake
fi
"""


def zsh_script() -> str:
    """The zsh script: ``_pydrake`` for ``compdef``, with the ``noglob`` advice for ``task[args]``."""
    indent = " " * 8
    with_value, alone = _context_words()
    replacements = {
        "@NOGLOB@": ZSH_NOGLOB_ADVICE,
        "@FILE_CASE@": _case(_words_for(FILE_VALUES)),
        "@FOLDER_CASE@": _case(_words_for(FOLDER_VALUES)),
        "@CHOICE_ARMS@": "\n".join(_choice_arms(indent, "compadd --")),
        "@FREE_CASE@": _case(_free_text_words()),
        "@ATTACHED_ARMS@": "\n".join(_attached_arms(indent, "compset -P '*='; compadd -- {values}; return")),
        "@OPTIONS@": " ".join(shlex.quote(w) for w in all_spellings()),
        "@CONTEXT_VALUE_CASE@": _case(with_value),
        "@CONTEXT_ALONE_CASE@": _case(alone),
        "@TASKS_OPTION@": TASKS_OPTION,
    }
    text = _ZSH
    for key, value in replacements.items():
        text = text.replace(key, value)
    return text


# ------------------------------------------------------------------ fish

_FISH_HEAD = r"""# fish completion for pydrake. Install it with
#     pydrake --completion fish > ~/.config/fish/completions/pydrake.fish
# Task names come from `pydrake --completion-tasks`, which runs no command and changes no file.

function __pydrake_tasks
    set -l words (commandline -opc)
    set -l context
    set -l i 2
    while test $i -le (count $words)
        switch $words[$i]
            case @CONTEXT_VALUE_CASE@
                set -a context $words[$i]
                set i (math $i + 1)
                test $i -le (count $words); and set -a context $words[$i]
            case @CONTEXT_ALONE_CASE@
                set -a context $words[$i]
        end
        set i (math $i + 1)
    end
    pydrake @TASKS_OPTION@ $context 2>/dev/null
end

complete -c pydrake -f
complete -c pydrake -n 'not string match -q -- "-*" (commandline -ct)' -a '(__pydrake_tasks)'
"""


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_line(sw: Switch) -> str:
    """One ``complete`` line for a switch: its spellings, description and what its value is."""
    parts = ["complete -c pydrake"]
    parts += [f"-s {s}" if len(s) == 1 else f"-o {s}" for s in sw.short]
    parts += [f"-l {name}" for name in sw.long]
    if sw.action in FILE_VALUES:
        parts.append("-r -F")
    elif sw.action in FOLDER_VALUES:
        parts.append("-x -a '(__fish_complete_directories)'")
    elif sw.action in CHOICE_VALUES and sw.style == REQUIRED_ARGUMENT:
        parts.append(f"-x -a {_fish_quote(' '.join(CHOICE_VALUES[sw.action]))}")
    elif sw.style == REQUIRED_ARGUMENT:
        parts.append("-x")
    if sw.desc:
        parts.append(f"-d {_fish_quote(sw.desc)}")
    return " ".join(parts)


def fish_script() -> str:
    """The fish script: a task-name function and one ``complete`` line per option."""
    with_value, alone = _context_words()
    head = (
        _FISH_HEAD.replace("@CONTEXT_VALUE_CASE@", " ".join(shlex.quote(w) for w in with_value))
        .replace("@CONTEXT_ALONE_CASE@", " ".join(shlex.quote(w) for w in alone))
        .replace("@TASKS_OPTION@", TASKS_OPTION)
    )
    lines = [_fish_line(sw) for sw in switches()]
    for sw in switches():
        values = CHOICE_VALUES.get(sw.action)
        if values and sw.style == PLACED_ARGUMENT:
            after = " or ".join(f"test (commandline -opc)[-1] = {w}" for w in spellings(sw))
            lines.append(f"complete -c pydrake -n {_fish_quote(after)} -a {_fish_quote(' '.join(values))}")
    for sw in switches():
        attached = ATTACHED_CHOICES.get(sw.action, ())
        for name in sw.long if attached else ():
            lines.append(
                f"complete -c pydrake -n 'string match -q -- \"--{name}=*\" (commandline -ct)' "
                f"-a {_fish_quote(' '.join(f'--{name}={v}' for v in attached))}"
            )
    return head + "\n".join(lines) + "\n"
