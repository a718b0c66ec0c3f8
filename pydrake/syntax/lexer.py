"""The Ruby lexer: turns source text into the tokens the Lark grammar (grammar/ruby.lark) expects.

Ruby's tokens depend on state, as in MRI's own lexer:

* ``BEG``   an expression may start (after an operator, ``(``, ``,``, a keyword);
* ``END``   an operand just ended (a literal, a variable, ``)``);
* ``ARG``   after a method name that may take arguments without parentheses;
* ``MID``   after ``return``/``break``/``next``: a value may follow, a newline ends;
* ``DOT``   after ``.``: the next word is a method name, keywords included;
* ``FNAME`` after ``def``: a method name, operators and setters included.

Newlines end statements only after an operand; after an operator, a comma or
an open bracket they continue the line.  The lexer also tracks which names are
local variables (so ``x -1`` and ``foo -1`` differ as in Ruby), which ``do``
belongs to a command call (``task :a do``) rather than to the last call
(``list.each do``), and where heredoc bodies lie.  In a pattern (after a
``case`` clause's ``in``, or an ``in``/``=>`` after an operand) a lower-case
name is a binding, a local variable from there on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydrake.lazy_pattern import LazyPattern
from pydrake.syntax.errors import RubySyntaxError, UnsupportedSyntax
from pydrake.syntax.tokens import Tok as Token

BEG, END, ARG, MID, DOT, FNAME = range(6)

KEYWORDS = {
    "alias": "KW_ALIAS",
    "and": "KW_AND",
    "begin": "KW_BEGIN",
    "break": "KW_BREAK",
    "case": "KW_CASE",
    "class": "KW_CLASS",
    "def": "KW_DEF",
    "defined?": "KW_DEFINED",
    "do": "KW_DO",
    "else": "KW_ELSE",
    "elsif": "KW_ELSIF",
    "end": "KW_END",
    "ensure": "KW_ENSURE",
    "false": "KW_FALSE",
    "for": "KW_FOR",
    "if": "KW_IF",
    "in": "KW_IN",
    "module": "KW_MODULE",
    "next": "KW_NEXT",
    "nil": "KW_NIL",
    "not": "KW_NOT",
    "or": "KW_OR",
    "redo": "KW_REDO",
    "rescue": "KW_RESCUE",
    "retry": "KW_RETRY",
    "return": "KW_RETURN",
    "self": "KW_SELF",
    "super": "KW_SUPER",
    "then": "KW_THEN",
    "true": "KW_TRUE",
    "undef": "KW_UNDEF",
    "unless": "KW_UNLESS",
    "until": "KW_UNTIL",
    "when": "KW_WHEN",
    "while": "KW_WHILE",
    "yield": "KW_YIELD",
    "__FILE__": "KW_FILE",
    "__LINE__": "KW_LINE",
    "BEGIN": "KW_BEGIN_UP",
    "END": "KW_END_UP",
}
# Keywords after which the lexer is in each state.
_KW_STATE = {
    "KW_END": END,
    "KW_SELF": END,
    "KW_NIL": END,
    "KW_TRUE": END,
    "KW_FALSE": END,
    "KW_FILE": END,
    "KW_LINE": END,
    "KW_REDO": END,
    "KW_RETRY": END,
    "KW_RETURN": MID,
    "KW_BREAK": MID,
    "KW_NEXT": MID,
    "KW_RESCUE": MID,
    "KW_DEF": FNAME,
    "KW_ALIAS": FNAME,
    "KW_UNDEF": FNAME,
}
# Keywords that open a block closed by `end` (for local-variable scopes and cond tracking).
_MODIFIABLE = {
    "KW_IF": "IF_MOD",
    "KW_UNLESS": "UNLESS_MOD",
    "KW_WHILE": "WHILE_MOD",
    "KW_UNTIL": "UNTIL_MOD",
    "KW_RESCUE": "RESCUE_MOD",
}
# Keyword words that may begin an argument of a command call (`puts nil`, `private def x`).
_ARG_KEYWORDS = {
    "nil",
    "true",
    "false",
    "self",
    "not",
    "defined?",
    "__FILE__",
    "__LINE__",
    "def",
    "lambda",
    "proc",
    "case",
    "begin",
    "yield",
    "super",
}
# Tokens after which a command call (method arguments without parentheses) may start.
_COMMAND_START = {
    "",
    "TERM",
    "KW_DO",
    "DO_BLOCK",
    "LBRACE_BLOCK",
    "BLOCK_PIPE",
    "KW_THEN",
    "KW_ELSE",
    "KW_BEGIN",
    "KW_ENSURE",
    "LPAREN",
    "ASSIGN",
    "OP_ASGN",
    "KW_AND",
    "KW_OR",
    "KW_NOT",
    "INTERP_BEG",
    "KW_IF",
    "KW_UNLESS",
    "KW_WHILE",
    "KW_UNTIL",
    "KW_ELSIF",
    "IF_MOD",
    "UNLESS_MOD",
    "WHILE_MOD",
    "UNTIL_MOD",
    "RESCUE_MOD",
    "CMD_IDENT",
    "DOT",
    "ANDDOT",
    "COLON2",
    "KW_RETURN",
    "KW_BREAK",
    "KW_NEXT",
    "KW_WHEN",
    "KW_CASE",
    "KW_IN",
    "DO_COND",
    "LPAREN_CALL",
    "RPAREN",  # only a def's parameter list leaves the state BEG after `)`
}
# What directly after a local variable's name makes it a method call: `f(2)`, `a"x"`.
_CALL_AFTER_LOCAL = frozenset(("(", '"', "'", "`"))

# A name: an ASCII letter, `_` or any non-ASCII character, then digits too. Written as the
# complement of the ASCII characters that cannot appear: the same set as
# [A-Za-z_\x80-\U0010ffff], but compiled in 0.2 ms instead of 9 (on every parse that misses the cache).
IDENT_RE = re.compile(r"[^\x00-\x40\x5b-\x5e\x60\x7b-\x7f][^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]*")
SPACE_RE = re.compile(r"[ \t\f\r]+|\\\r?\n")
NUMBER_RE = re.compile(
    r"0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-9_]+(?![.eE]\d)|"
    r"(?:\d[\d_]*)(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?"
)
GVAR_RE = LazyPattern(r"\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[!@&`'+~=/\\,;.<>_*$?:\"]|-[A-Za-z0-9_])")
# The rest of a multiple-assignment target list: names, commas, groups, splats, up to a lone `=`.
MLHS_RE = LazyPattern(r"((?:[ \t]*+(?:[,()*]|(?:@@?|\$)?[A-Za-z_][A-Za-z0-9_]*+))*+)[ \t]*+=(?![=~>])")
UNICODE_BRACES_RE = LazyPattern(r"[ \t]*((?:[0-9a-fA-F]{1,6}[ \t]*)+)\}")
UNICODE4_RE = LazyPattern(r"[0-9a-fA-F]{4}")
SIMPLE_DQ = re.compile(r'[^"\\#\n]*')

# Operators, longest first; each maps to the terminal name used in the grammar.
PUNCT = [
    ("**=", "OP_ASGN"),
    ("<=>", "CMP"),
    ("===", "EQQ"),
    ("...", "DOT3"),
    ("<<=", "OP_ASGN"),
    (">>=", "OP_ASGN"),
    ("&&=", "OP_ASGN"),
    ("||=", "OP_ASGN"),
    ("**", "POW"),
    ("==", "EQ"),
    ("!=", "NEQ"),
    (">=", "GEQ"),
    ("<=", "LEQ"),
    ("&&", "ANDOP"),
    ("||", "OROP"),
    ("<<", "LSHIFT"),
    (">>", "RSHIFT"),
    ("=~", "MATCH"),
    ("!~", "NMATCH"),
    ("..", "DOT2"),
    ("::", "COLON2"),
    ("->", "LAMBDA"),
    ("=>", "ASSOC"),
    ("+=", "OP_ASGN"),
    ("-=", "OP_ASGN"),
    ("*=", "OP_ASGN"),
    ("/=", "OP_ASGN"),
    ("%=", "OP_ASGN"),
    ("|=", "OP_ASGN"),
    ("&=", "OP_ASGN"),
    ("^=", "OP_ASGN"),
    ("&.", "ANDDOT"),
    ("+", "PLUS"),
    ("-", "MINUS"),
    ("*", "STAR2"),
    ("/", "DIVIDE"),
    ("%", "PERCENT"),
    ("=", "ASSIGN"),
    ("<", "LT"),
    (">", "GT"),
    ("!", "BANG"),
    ("&", "AMPER2"),
    ("|", "PIPE"),
    ("^", "CARET"),
    ("~", "TILDE"),
    ("?", "QMARK"),
    (":", "COLON"),
    (",", "COMMA"),
    (".", "DOT"),
    (";", "SEMI"),
    ("(", "LPAREN"),
    (")", "RPAREN"),
    ("[", "LBRACK"),
    ("]", "RBRACK"),
    ("{", "LBRACE"),
    ("}", "RBRACE"),
]
PUNCT_RE = re.compile("|".join(re.escape(p) for p, _ in PUNCT))
PUNCT_TYPE = dict(PUNCT)
# Binary-operator tokens that, followed by a newline, continue the expression.
OPERATOR_TYPES = {
    "CMP",
    "EQQ",
    "POW",
    "EQ",
    "NEQ",
    "GEQ",
    "LEQ",
    "ANDOP",
    "OROP",
    "LSHIFT",
    "RSHIFT",
    "MATCH",
    "NMATCH",
    "PLUS",
    "MINUS",
    "STAR2",
    "DIVIDE",
    "PERCENT",
    "LT",
    "GT",
    "AMPER2",
    "PIPE",
    "CARET",
}

ESCAPES = {
    "n": "\n",
    "t": "\t",
    "s": " ",
    "r": "\r",
    "e": "\x1b",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">"}

OPERATOR_METHOD_RE = LazyPattern(r"\[\]=?|<=>|===?|=~|!=|!~|\*\*|[-+]@|<<|>>|<=|>=|[-+*/%<>!~^&|]")
# After a single space, these need the general white-space rule (more blanks, a line continuation).
_BLANK_AFTER_SPACE = frozenset(" \t\r\f\\")
# Patterns the lexer's methods match with: the frequent ones compiled at import, those of rare
# constructs (LazyPattern) when first met.
REGEX_OPTIONS_RE = LazyPattern(r"[a-z]*")
INTERP_VAR_RE = LazyPattern(r"@@?[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*")
INTERP_VAR_START_RE = LazyPattern(r"[@$]@?[A-Za-z_]")
OCTAL_ESCAPE_RE = LazyPattern(r"[0-7]{1,3}")
HEX_ESCAPE_RE = LazyPattern(r"[0-9a-fA-F]{1,2}")
BLOCK_VARS_AHEAD_RE = LazyPattern(r"[ \t]*([a-z_][A-Za-z0-9_]*(?:[ \t]*,[ \t]*[a-z_][A-Za-z0-9_]*)*)[ \t]*(?=[{]|do\b)")
POW_AHEAD_RE = LazyPattern(r"[ \t]*\*\*")
SYMBOL_RE = re.compile( r":(?:([A-Za-z_][A-Za-z0-9_]*[?!=]?)|(\[\]=?|<=>|===?|=~|!=|!~|\*\*|[-+]@|[-+*/%<>!~^&|]|<<|>>|<=|>=)|(@@?[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*))" )
HEREDOC_RE = LazyPattern(r"<<([~-]?)(?:([A-Za-z_][A-Za-z0-9_]*)|([\"'`])(.*?)\3)")
PERCENT_LITERAL_RE = LazyPattern(r"%([wWiIqQrxs]?)([^A-Za-z0-9\s])")
BLANKS_RE = LazyPattern(r"[ \t]*")
BLOCK_PIPE_RE = re.compile(r"[ \t]*(\|\|?)")
FOR_VARS_RE = LazyPattern(r"[ \t]*([a-z_][A-Za-z0-9_]*(?:[ \t]*,[ \t]*[a-z_][A-Za-z0-9_]*)*)[ \t]+in\b")
HEREDOC_AHEAD_RE = LazyPattern(r"[ \t]*<<")
HEREDOC_START_RE = LazyPattern(r"<<[~-]?(?:[A-Za-z_]|[\"'`])")
PERCENT_START_RE = LazyPattern(r"%[wWiIqQrxs]?[(\[{<|!/^]")
SPACES_RE = re.compile(r"[ \t]+")
ASSIGN_AHEAD_RE = re.compile(r"[ \t]*(=(?![=~>])|(?:\*\*|<<|>>|&&|\|\||[-+*/%|&^])=)")
LEADING_DOT_RE = re.compile(r"(?:[ \t\r]*(?:#[^\n]*)?\n)*[ \t\r]*(&\.|\.(?!\.))")
EMBEDDED_DOC_END_RE = LazyPattern(r"^=end\b.*$", re.M)
IVAR_RE = LazyPattern(r"@@?[A-Za-z_][A-Za-z0-9_]*")
# After `...`: the closing parenthesis of a parameter or argument list (argument forwarding).
FORWARD_AHEAD_RE = LazyPattern(r"[ \t]*\)")
# After a label: a comma or a closing bracket, or a newline then one (the label has no value).
LABEL_WITHOUT_VALUE_RE = LazyPattern(r"[ \t]*(?:[,)}]|\n\s*[)}])")
# What follows a label in a pattern when no pattern does (the label binds its name): on the line,
# and inside brackets, where newlines and comments go by.
LABEL_VALUE_RE = LazyPattern(r"[ \t]*(?:[,)}\n;#]|then\b|$)")
LABEL_VALUE_IN_LIST_RE = LazyPattern(r"(?:\s|#[^\n]*)*(?:[,)}]|$)")
QUOTED_LABEL_VALUE_RE = LazyPattern(r"[ \t]*(?:[,)};]|then\b|\Z)")

# Bracket kinds on the nesting stack.  Newlines are ignored inside the "list" kinds.
PAREN_CALL, PAREN_GROUP, BRACKET, HASH, BLOCK, INTERP, LAMBDA_PARAMS = range(7)
_LIST_KINDS = {PAREN_CALL, BRACKET, HASH, LAMBDA_PARAMS}


class _Scope:
    """Names known as local variables, chained for blocks (a def starts afresh)."""

    __slots__ = ("names", "parent")

    def __init__(self, parent: _Scope | None) -> None:
        self.names: set[str] = set()
        self.parent = parent

    def has(self, name: str) -> bool:
        s: _Scope | None = self
        while s is not None:
            if name in s.names:
                return True
            s = s.parent
        return False


class Lexer:
    """Lex one source text; ``tokens()`` returns the whole token list."""

    def __init__(self, text: str, file: str, line_offset: int = 0, scope: _Scope | None = None) -> None:
        self.src = text
        self.file = file
        self.pos = 0
        self.line = 1 + line_offset
        self.line_start = 0
        self.state = BEG
        self.out: list[Token] = []
        self.scope = scope or _Scope(None)
        self.stack: list[int] = []  # bracket kinds
        # Keyword blocks open: ("def"|"block"|"other", scope-to-restore or None).
        self.kw_stack: list[tuple[str, _Scope | None]] = []
        # Depth (len(self.stack)) of each open command call still taking arguments.
        self.cmdargs: list[int] = []
        self.cond_depth: int | None = None  # while/until/for condition: `do` there is DO_COND
        self.param_mode: int | None = None  # inside |block params| at this stack depth
        self.def_params: int | None = None  # inside def params (no parens) until the newline
        self.heredocs: list[tuple[str, bool, bool, bool, int]] = []  # pending bodies on this line
        self.paren_def_params: list[int] = []  # stack depths of `def f(` parameter lists
        self.space_before = False
        self.last_type = ""
        self.in_rescue = False  # between `rescue` and its `then`/newline: `=> name` declares a local
        self.rescue_at = 0  # index in ``out`` of the last `rescue` keyword
        # A bracket error left for the parser to report (it names what it expected there instead);
        # raised as it is should the parser accept the tokens after all.
        self.bracket_error: RubySyntaxError | None = None
        # ``len(self.out)`` just after a def's name or parenthesised parameters: a `=` there starts
        # an endless method body (``def f(x) = x * 2``), which the end of its statement closes.
        self.def_header_end = -1
        self.endless_depths: list[int] = []  # bracket depth of each open endless def
        self.ternaries: list[int] = []  # bracket depth of each `?` still waiting for its `:`
        # Bracket depth at which the pattern being lexed began (after a clause's `in`, an `in` or
        # `=>` after an operand), else None: there a lower-case name is a binding, a local from then on.
        self.pattern_at: int | None = None
        # Patterns paused inside ``^(expr)`` or a lambda: ("paren", bracket depth) or ("lambda",
        # keyword depth) where the pattern resumes, and the pattern's own depth.
        self.pattern_pauses: list[tuple[str, int, int]] = []
        self.for_in = False  # between `for` and its `in`

    # ------------------------------------------------------------ helpers

    def error(self, msg: str, pos: int | None = None, cls: type[RubySyntaxError] = RubySyntaxError) -> RubySyntaxError:
        """A syntax error at ``pos`` (default: the current position)."""
        p = self.pos if pos is None else pos
        line = self.line
        line_start = self.line_start
        if p < line_start:  # error inside a string spanning lines: recount
            line = self.src.count("\n", 0, p) + 1 + (self.line - 1 - self.src.count("\n", 0, self.line_start))
            line_start = self.src.rfind("\n", 0, p) + 1
        else:
            extra = self.src.count("\n", line_start, p)
            if extra:
                line += extra
                line_start = self.src.rfind("\n", 0, p) + 1
        end = self.src.find("\n", line_start)
        text = self.src[line_start : end if end >= 0 else len(self.src)]
        return cls(msg, self.file, line, p - line_start + 1, text)

    def emit(self, type_: str, value: object, pos: int, state: int) -> None:
        if type_ == "KW_RESCUE":
            self.in_rescue = True
            self.rescue_at = len(self.out)
        elif self.in_rescue and type_ in ("TERM", "KW_THEN"):
            self.in_rescue = False
        self.out.append(Token(type_, value, pos, self.line, pos - self.line_start + 1))
        self.last_type = type_
        self.state = state

    def peek(self, k: int = 0) -> str:
        p = self.pos + k
        return self.src[p] if p < len(self.src) else ""

    def newline_at(self, p: int) -> None:
        """Account for a newline character at ``p``."""
        self.line += 1
        self.line_start = p + 1

    def in_list(self) -> bool:
        return bool(self.stack) and self.stack[-1] in _LIST_KINDS

    # ------------------------------------------------------------ main loop

    def tokens(self, defer_bracket_errors: bool = False) -> list[Token]:
        """Lex everything and return the tokens (with a final TERM).

        An unmatched closing bracket ends the tokens there, and an unclosed one is found at the
        end; either raises at once, or with ``defer_bracket_errors`` is left in ``bracket_error``
        for the parser, whose error at that token says what it expected instead."""
        src = self.src
        n = len(src)
        lex_one = self.lex_one
        pos = self.pos
        while pos < n:
            # One space between tokens, the commonest thing in a file, is skipped here.
            if src[pos] == " " and src[pos + 1 : pos + 2] not in _BLANK_AFTER_SPACE:
                self.pos = pos + 1
                self.space_before = True
            else:
                lex_one()
            pos = self.pos
        self.close_endless_defs(0)
        unclosed = bool(self.stack)
        if unclosed and self.bracket_error is None:
            self.bracket_error = self.error("syntax error, unexpected end-of-input", n)
        if self.bracket_error is not None and not defer_bracket_errors:
            raise self.bracket_error
        # The end of the input ends the last statement where a newline would (not inside brackets,
        # not after an operator, a comma or a dot: there the statement is unfinished).
        if self.out and self.out[-1].type != "TERM" and not unclosed and self.state not in (BEG, DOT, FNAME):
            self.out.append(Token("TERM", "\n", n, self.line, n - self.line_start + 1))
        return self.out

    def unmatched(self, op: str, ttype: str, start: int, message: str) -> None:
        """A closing bracket that closes nothing open: the last token, its error kept for the parser."""
        self.bracket_error = self.error(message, start)
        self.emit(ttype, op, start, END)
        self.pos = len(self.src)
        self.stack.clear()

    def lex_one(self) -> None:
        """Lex one token (or skip white space, a comment or a newline)."""
        src = self.src
        pos = self.pos
        c = src[pos]
        # The most frequent cases first: blanks, names, newlines.
        if c == " " and src[pos + 1 : pos + 2] not in _BLANK_AFTER_SPACE:  # one space between tokens
            self.pos = pos + 1
            self.space_before = True
            return
        if c in " \t\r\f" or (c == "\\" and (src.startswith("\n", pos + 1) or src.startswith("\r\n", pos + 1))):
            m = SPACE_RE.match(src, pos)
            assert m is not None
            if "\n" in m.group():
                self.newline_at(m.end() - 1)
            self.pos = m.end()
            self.space_before = True
            return
        if c.isalpha() or c == "_" or ord(c) >= 0x80:
            if c == "_" and pos == self.line_start and src.startswith("__END__", pos) and src[pos + 7 : pos + 8] in ("\n", ""):
                self.pos = len(src)
                return
            space_before = self.space_before
            self.space_before = False
            self.lex_word(space_before)
            return
        if c == "\n":
            self.lex_newline()
            return
        if c == "#":
            end = src.find("\n", pos)
            self.pos = end if end >= 0 else len(src)
            return
        if c == "=" and pos == self.line_start and src.startswith("=begin", pos):
            self.skip_embedded_doc()
            return
        space_before = self.space_before
        self.space_before = False
        if c.isdigit():
            self.lex_number(pos, negative=False)
        elif c == '"':
            # A plain string on one line, not a label (`"key": v`), the commonest string: one token.
            end = SIMPLE_DQ.match(src, pos + 1).end()  # type: ignore[union-attr]  # matches the empty string
            if src[end : end + 1] == '"' and src[end + 1 : end + 2] != ":":
                self.pos = end + 1
                self.emit("STRING", src[pos + 1 : end], pos, END)
            else:
                self.lex_string(pos + 1, '"', "", interp=True, kind="DSTR")
        elif c == "'":
            self.lex_string(self.pos + 1, "'", "", interp=False, kind="DSTR")
        elif c == "`":
            if self.state in (DOT, FNAME):
                self.pos += 1
                self.emit("IDENT", "`", self.pos - 1, ARG)
            else:
                self.lex_string(self.pos + 1, "`", "", interp=True, kind="XSTR")
        elif c == "@":
            m = IVAR_RE.match(src, self.pos)
            if not m:
                raise self.error("`@' without identifiers is not allowed as an instance variable name")
            self.pos = m.end()
            self.emit("CVAR" if m.group().startswith("@@") else "IVAR", m.group(), m.start(), END)
        elif c == "$":
            m = GVAR_RE.match(src, self.pos)
            if not m:
                raise self.error("`$' without identifiers is not allowed as a global variable name")
            self.pos = m.end()
            name = m.group()
            if name[1:].isdigit() and name != "$0":  # $0 is the program name, not a match
                self.emit("NTH_REF", int(name[1:]), m.start(), END)
            else:
                self.emit("GVAR", name, m.start(), END)
        else:
            self.lex_punct(space_before)

    def skip_embedded_doc(self) -> None:
        m = EMBEDDED_DOC_END_RE.search(self.src, self.pos)
        if not m:
            raise self.error("embedded document meets end of file")
        self.line += self.src.count("\n", self.pos, m.end())
        self.pos = m.end()
        self.line_start = self.src.rfind("\n", 0, self.pos) + 1

    def lex_newline(self) -> None:
        p = self.pos
        line, col = self.line, p - self.line_start + 1
        self.line += 1
        self.line_start = self.pos = p + 1
        if self.heredocs:
            self.read_heredoc_bodies()
        self.space_before = True
        stack = self.stack
        if self.def_params is not None and self.def_params == len(stack):
            self.def_params = None
            self.state = END
        if self.state in (BEG, DOT, FNAME) or (stack and stack[-1] in _LIST_KINDS):
            return
        if self.ternaries and self.ternaries[-1] == len(self.stack):
            return  # `c ? a` newline `: b`: the ternary goes on
        # A following line that starts with `.meth` or `&.` continues this expression.
        nxt = self.src[self.pos : self.pos + 1]
        m = None if nxt.isalnum() or nxt == "_" else LEADING_DOT_RE.match(self.src, self.pos)
        if m:
            for k in range(self.pos, m.start(1)):
                if self.src[k] == "\n":
                    self.newline_at(k)
            self.pos = m.start(1)
            return
        self.end_statement()
        self.out.append(Token("TERM", "\n", p, line, col))
        self.last_type = "TERM"
        self.state = BEG

    def end_statement(self) -> None:
        """A statement ends at this depth: commands here stop taking arguments, endless defs end."""
        depth = len(self.stack)
        cmdargs = self.cmdargs
        while cmdargs and cmdargs[-1] >= depth:
            cmdargs.pop()
        if self.cond_depth is not None and self.cond_depth >= depth:
            self.cond_depth = None
        while self.ternaries and self.ternaries[-1] >= depth:
            self.ternaries.pop()
        if self.pattern_at is not None and self.pattern_at >= depth:
            self.pattern_at = None
        if self.endless_depths:
            self.close_endless_defs(depth)

    def in_endless_body(self) -> bool:
        """Is the innermost open construct an endless def's body (not a command call's arguments),
        at its own bracket depth?"""
        depth = len(self.stack)
        return (
            bool(self.endless_depths)
            and self.endless_depths[-1] == depth
            and bool(self.kw_stack)
            and self.kw_stack[-1][0] == "endless"
            and not (self.cmdargs and self.cmdargs[-1] == depth)
        )

    def close_endless_defs(self, depth: int) -> None:
        """End the endless defs opened at ``depth`` or deeper whose body is the innermost construct."""
        while self.endless_depths and self.endless_depths[-1] >= depth and self.kw_stack and self.kw_stack[-1][0] == "endless":
            self.endless_depths.pop()
            _, saved = self.kw_stack.pop()
            if saved is not None:
                self.scope = saved

    # ------------------------------------------------------------ numbers

    def lex_number(self, start: int, negative: bool) -> None:
        m = NUMBER_RE.match(self.src, self.pos)
        assert m is not None
        text = m.group().replace("_", "")
        self.pos = m.end()
        if self.src[self.pos : self.pos + 1] in ("r", "i") and not self.src[self.pos + 1 : self.pos + 2].isalnum():
            raise self.error("rational and imaginary literals (`3r`, `2i`) are Ruby that pydrake does not provide", start, UnsupportedSyntax)
        if text[:2] in ("0x", "0X"):
            value: int | float = int(text[2:], 16)
        elif text[:2] in ("0b", "0B"):
            value = int(text[2:], 2)
        elif text[:2] in ("0o", "0O"):
            if "8" in text or "9" in text:
                raise self.error("Invalid octal digit", start)
            value = int(text[2:], 8)
        elif len(text) > 1 and text[0] == "0" and text.isdigit():
            if "8" in text or "9" in text:
                raise self.error("Invalid octal digit", start)
            value = int(text, 8)
        elif any(ch in text for ch in ".eE"):
            value = float(text)
        else:
            value = int(text)
        if negative:
            value = -value
        self.emit("FLOAT" if isinstance(value, float) else "INTEGER", value, start, END)

    # ------------------------------------------------------------ words

    def lex_word(self, space_before: bool) -> None:
        src = self.src
        start = self.pos
        m = IDENT_RE.match(src, start)
        assert m is not None
        word = m.group()
        end = m.end()
        state = self.state
        nxt = src[end : end + 1]
        # `name?` and `name!` method names (but not `a!=b`, `x ? y : z`).
        if nxt in ("?", "!") and src[end + 1 : end + 2] != "=" and not (state != DOT and self.scope.has(word)):
            # `name?:` is the ternary's `?` and `:` unless a blank follows where a label may stand
            # (`{enabled?: true}`, `f(ok?: 1)`).
            if (
                nxt == "!"
                or not (src[end + 1 : end + 2] == ":" and src[end + 2 : end + 3] != ":")
                or (state in (BEG, ARG, MID) and src[end + 2 : end + 3] in (" ", "\t", "\n"))
            ):
                word += nxt
                end += 1
                nxt = src[end : end + 1]
        # Labels `key:` in hashes and argument lists.
        if (
            nxt == ":"
            and src[end + 1 : end + 2] != ":"
            and state in (BEG, ARG, MID)
            and not (self.last_type == "QMARK")
            and self.last_type != "KW_DEF"
        ) or (nxt == ":" and state == BEG and self.def_params is not None and src[end + 1 : end + 2] != ":"):
            self.pos = end + 1
            if self.def_params is not None or self.paren_def_params:
                self.scope.names.add(word)
            if self.pattern_at is not None and self.pattern_label(word, start):
                return
            self.emit("LABEL", word, start, BEG)
            if self.omits_value():
                # `{x:, y:}`, `f(x:)`: the value is the local or method of the same name (Ruby 3.1).
                self.emit("LVAR" if self.scope.has(word) else "IDENT", word, start, END)
            return
        self.pos = end
        if state == FNAME:
            self.lex_method_name(word, start)
            return
        if state == DOT:
            if self.last_type == "COLON2" and word[0].isupper() and (nxt != "(" or self.pattern_at is not None):
                self.emit("CONST", word, start, END)  # `A::B` is a constant path (`A::B(` in a pattern too)
                return
            self.lex_call_name(word, start, space_before=True)
            return
        kw = KEYWORDS.get(word)
        if kw is not None:
            self.lex_keyword(word, kw, start)
            return
        if word[0].isupper():
            # `Integer("3")`, `Foo ::Bar`: a constant directly followed by `(` is a method call
            # (in a pattern, `Point(x:)` is the constant's pattern).
            if nxt == "(" and self.pattern_at is None:
                self.emit("IDENT", word, start, ARG)
                return
            if self.starts_command(word, end):
                self.emit("CMD_IDENT", word, start, BEG)
                self.cmdargs.append(len(self.stack))
                return
            self.emit("CONST", word, start, END)
            return
        if (
            self.param_mode is not None
            or self.def_params is not None
            or (self.paren_def_params and self.paren_def_params[-1] == len(self.stack))
        ):
            self.scope.names.add(word)
            self.emit("IDENT", word, start, END)
            return
        if self.pattern_at is not None and self.last_type != "CARET" and word[-1] not in "?!":
            self.scope.names.add(word)  # a name in a pattern binds it (`^name` pins a local instead)
            self.emit("LVAR", word, start, END)
            return
        if self.last_type == "ASSOC" and self.in_rescue and self.rescue_clause_open():
            self.scope.names.add(word)
        if self.scope.has(word):  # never a `name?`/`name!`: a local's name does not absorb the mark
            if nxt not in _CALL_AFTER_LOCAL:
                self.emit("LVAR", word, start, END)
                return
            self.lex_call_name(word, start, space_before=True)
            return
        if self.is_assignment_target(end):
            self.scope.names.add(word)
            self.emit("LVAR", word, start, END)
            return
        self.lex_call_name(word, start, space_before=True)

    def omits_value(self) -> bool:
        """Does the label just emitted stand without a value (``{x:, y:}``)? Not among parameters,
        where ``x:`` is a required keyword, nor at a line's end outside brackets (the value may follow)."""
        if self.def_params is not None or self.param_mode is not None:
            return False
        if self.paren_def_params and self.paren_def_params[-1] == len(self.stack):
            return False
        return LABEL_WITHOUT_VALUE_RE.match(self.src, self.pos) is not None

    def rescue_clause_open(self) -> bool:
        """Whether the last ``rescue`` keyword's clause is still open (no newline ended it since)."""
        # A newline's TERM bypasses ``emit``; look for one once, then forget the clause.
        for tok in self.out[self.rescue_at :]:
            if tok.type == "TERM":
                self.in_rescue = False
                return False
        return True

    def is_assignment_target(self, end: int) -> bool:
        """``name = ...``, ``name += ...`` or ``name, other = ...`` declares a local variable."""
        if self.src[end : end + 1] == " " and self.src[end + 1 : end + 2] in ('"', "'", ":"):
            return False  # `name "x"`, `name :x`: a command's first argument, the commonest case
        m = ASSIGN_AHEAD_RE.match(self.src, end)
        if m:
            return True
        if self.state != BEG:
            return False
        # Multiple assignment `a, (b, c), *d = ...` at statement start.
        if self.last_type not in (
            "TERM",
            "",
            "KW_DO",
            "DO_BLOCK",
            "LBRACE_BLOCK",
            "BLOCK_PIPE",
            "KW_THEN",
            "KW_ELSE",
            "KW_BEGIN",
            "LPAREN",
        ):
            return False
        # `a, b = ...`: a comma follows the first target (`a b, c = 1` is the call `a(b, c = 1)`).
        blanks = SPACES_RE.match(self.src, end)
        after = blanks.end() if blanks else end
        if self.src[after : after + 1] != ",":
            return False
        m = MLHS_RE.match(self.src, end)
        if m and "," in m.group(1):
            for name in re.findall(r"(?<![@$\w])[a-z_][A-Za-z0-9_]*", m.group(1)):
                self.scope.names.add(name)
            return True
        return False

    def lex_call_name(self, word: str, start: int, space_before: bool) -> None:
        """An identifier that names a method: a command call, a call with parentheses, or a bare call."""
        end = self.pos
        nxt = self.src[end : end + 1]
        if nxt == "=" and self.state == DOT and self.src[end + 1 : end + 2] not in ("=", "~", ">"):
            # `obj.attr = value` (the setter); handled by the grammar as an assignment.
            self.emit("IDENT", word, start, ARG)
            return
        if self.state in (BEG, MID, DOT, ARG) and self.starts_command(word, end):
            self.emit("CMD_IDENT", word, start, BEG)
            self.cmdargs.append(len(self.stack))
            return
        self.emit("FID" if word.endswith(("?", "!")) else "IDENT", word, start, ARG)

    def starts_command(self, word: str, end: int) -> bool:
        """Whether ``word`` followed by what comes next is a call with arguments but no parentheses."""
        src = self.src
        if end >= len(src):
            return False
        quoted = False
        if src[end] not in " \t":
            if src[end] not in "\"'`":
                return False
            quoted = True  # `require'x'`, `puts"x"`: a string right after the name is its argument
        if self.state not in (BEG, MID, DOT, ARG) or self.last_type not in _COMMAND_START:
            return False
        if (
            self.cmdargs
            and self.cmdargs[-1] == len(self.stack)
            and self.last_type not in ("CMD_IDENT", "DOT", "ANDDOT")
        ):
            return False  # a later argument of a command: `task :a, foo :b` is not Ruby either
        if quoted:
            return True
        m = SPACES_RE.match(src, end)
        assert m is not None
        p = m.end()
        if p >= len(src):
            return False
        c = src[p]
        c2 = src[p + 1 : p + 2]
        if c in "\"'`@$[(" or c.isdigit():
            return True
        if c.isalpha() or c == "_" or ord(c) >= 0x80:
            w = IDENT_RE.match(src, p)
            assert w is not None
            word2 = w.group()
            if word2 in KEYWORDS:
                return word2 in _ARG_KEYWORDS
            return True
        if c == ":":
            if c2 == ":":
                return src[p + 2 : p + 3].isupper()
            return c2 != " " and c2 != ""
        if c in "-+":
            return c2 not in (" ", "=", "\n", "") and not (c == "-" and c2 == ">" and False)
        if c in "*&":
            return c2 not in (" ", "=", "\n", "") and not (c2 == c and src[p + 2 : p + 3] in (" ", "="))
        if c == "!":
            return c2 not in ("=", "~", " ")
        if c == "/":
            return c2 not in (" ", "=")
        if c == "%":
            return bool(PERCENT_START_RE.match(src, p)) and c2 != " " and c2 != "="
        if c == "<":
            return bool(HEREDOC_START_RE.match(src, p))
        if c == "~":
            return True
        if c == "-" and c2 == ">":
            return True
        if c == "?":
            return char_literal_at(src, p)
        return False

    def lex_keyword(self, word: str, kw: str, start: int) -> None:
        state = self.state
        if kw in _MODIFIABLE and state in (END, ARG, MID):
            if kw == "KW_RESCUE" and self.last_type == "TERM":
                pass
            elif kw == "KW_RESCUE" and self.in_endless_body():
                # `def f = risky rescue fallback`: the modifier belongs to the endless body.
                self.emit("ENDLESS_RESCUE", word, start, BEG)
                return
            else:
                self.end_statement()
                self.emit(_MODIFIABLE[kw], word, start, BEG)
                return
        if kw == "KW_DO":
            depth = len(self.stack)
            if self.pattern_at is not None and self.pattern_at >= depth:
                self.pattern_at = None  # `while v in [x] do`: the pattern ends at the loop's `do`
            if self.cond_depth is not None and self.cond_depth == depth:
                self.cond_depth = None
                self.emit("DO_COND", word, start, BEG)
                return
            if self.cmdargs and self.cmdargs[-1] == depth:
                self.cmdargs.pop()
                self.emit("DO_BLOCK", word, start, BEG)
                self.push_block_scope()
                return
            if self.after_lambda_params():
                self.emit("KW_DO", word, start, BEG)
                return
            self.emit("KW_DO", word, start, BEG)
            self.push_block_scope()
            return
        if kw in ("KW_WHILE", "KW_UNTIL", "KW_FOR"):
            self.cond_depth = len(self.stack)
            self.kw_stack.append(("other", None))
        elif kw in ("KW_IF", "KW_UNLESS", "KW_CASE", "KW_BEGIN"):
            self.kw_stack.append(("other", None))
        elif kw in ("KW_DEF", "KW_CLASS", "KW_MODULE"):
            self.kw_stack.append(("def", self.scope))
            self.scope = _Scope(None)
            if kw == "KW_DEF":
                self.emit(kw, word, start, FNAME)
                return
            if (
                kw == "KW_CLASS"
                and self.src.startswith("<<", self.pos)
                or HEREDOC_AHEAD_RE.match(self.src, self.pos)
            ):
                self.emit(kw, word, start, END)  # `class << self`: `<<` is the operator
                return
        elif kw == "KW_END":
            self.end_statement()  # `def f(a) puts a end`: the command's arguments end here
            if self.kw_stack:
                kind, saved = self.kw_stack.pop()
                if saved is not None:
                    self.scope = saved
                if self.pattern_pauses:
                    self.resume_pattern("lambda", len(self.kw_stack) + 1)
            self.emit(kw, word, start, END)
            return
        elif kw in ("KW_YIELD", "KW_SUPER"):
            if self.starts_command(word, self.pos):
                self.emit(kw[3:] + "_CMD", word, start, BEG)
                self.cmdargs.append(len(self.stack))
                return
            self.emit(kw, word, start, ARG)
            return
        elif kw == "KW_DEFINED":
            self.emit(kw, word, start, ARG if self.src[self.pos : self.pos + 1] == "(" else BEG)
            return
        elif kw in ("KW_THEN", "KW_ELSE", "KW_ELSIF", "KW_ENSURE", "KW_WHEN"):
            self.end_statement()  # `if x.include? "b" then`: a clause keyword ends a command as a newline does
        elif kw == "KW_IN":
            if self.for_in:  # `for x in list`
                self.for_in = False
            else:
                # After an operand, `value in pattern`; at a statement's start, a `case` clause.
                if state in (END, ARG):
                    kw = "IN_MATCH"
                self.emit(kw, word, start, BEG)
                self.pattern_at = len(self.stack)
                return
        elif kw in ("KW_AND", "KW_OR"):
            self.pattern_at = None  # `value in pattern and ...`
        elif kw in ("KW_BEGIN_UP", "KW_END_UP"):
            raise self.error(f"`{word}` blocks are Ruby that pydrake does not provide", start, UnsupportedSyntax)
        if kw == "KW_FOR":
            self.for_in = True
            # `for a, b in list`: the loop variables are locals.
            m = FOR_VARS_RE.match(
                self.src, self.pos
            )
            if m:
                for name in re.findall(r"[a-z_][A-Za-z0-9_]*", m.group(1)):
                    self.scope.names.add(name)
        self.emit(kw, word, start, _KW_STATE.get(kw, BEG))

    def push_block_scope(self) -> None:
        self.kw_stack.append(("block", self.scope))
        self.scope = _Scope(self.scope)
        self.start_block_params()

    def start_block_params(self) -> None:
        """After ``do`` or a block's ``{``: ``|params|`` may follow."""
        m = BLOCK_PIPE_RE.match(self.src, self.pos)
        if not m:
            return
        self.pos = m.end()
        p = m.start(1)
        if m.group(1) == "||":
            self.out.append(Token("BLOCK_PIPE", "|", p, self.line, p - self.line_start + 1))
            self.out.append(Token("BLOCK_PIPE", "|", p + 1, self.line, p - self.line_start + 2))
            self.last_type = "BLOCK_PIPE"
            self.state = BEG
            return
        self.emit("BLOCK_PIPE", "|", p, BEG)
        self.param_mode = len(self.stack)

    def lex_method_name(self, word: str, start: int) -> None:
        """The name after ``def`` (``foo``, ``foo=``, ``self.foo``, ``empty?``) or ``alias``."""
        src = self.src
        if src[self.pos : self.pos + 1] == "." and self.last_type == "KW_DEF":
            self.emit("KW_SELF" if word == "self" else ("CONST" if word[0].isupper() else "IDENT"), word, start, FNAME)
            self.pos += 1
            self.emit("DOT", ".", self.pos - 1, FNAME)
            return
        if (
            src[self.pos : self.pos + 1] == "="
            and src[self.pos + 1 : self.pos + 2] not in ("=", "~", ">")
            and self.last_type in ("KW_DEF", "DOT")
        ):
            word += "="
            self.pos += 1
        self.emit_method_name(word, start)

    def emit_method_name(self, name: str, start: int) -> None:
        if (
            self.last_type in ("KW_ALIAS", "METHOD_NAME")
            and self.out
            and self.out[-1].type == "METHOD_NAME"
            and len(self.out) >= 2
            and self.out[-2].type == "KW_ALIAS"
        ):
            self.emit("METHOD_NAME", name, start, END)
            return
        is_alias = self.last_type == "KW_ALIAS"
        self.emit("METHOD_NAME", name, start, FNAME if is_alias else END)
        if (
            is_alias
            or self.last_type != "METHOD_NAME"
            or len(self.out) < 2
            or self.out[-2].type not in ("KW_DEF", "DOT")
        ):
            if not is_alias and self.out[-2].type == "KW_UNDEF":
                self.state = END
            return
        self.def_header_end = len(self.out)
        # def parameters: with parentheses, or bare up to the end of the line.
        m = BLANKS_RE.match(self.src, self.pos)
        assert m is not None
        after = self.src[m.end() : m.end() + 1]
        if after == "(":
            self.pos = m.end() + 1
            self.stack.append(PAREN_CALL)
            self.paren_def_params.append(len(self.stack))
            self.emit("LPAREN_CALL", "(", m.end(), BEG)
        elif after not in ("\n", ";", "#", "", "=") and m.end() > self.pos:
            self.def_params = len(self.stack)
            self.state = BEG

    # ------------------------------------------------------------ punctuation

    def lex_punct(self, space_before: bool) -> None:
        src = self.src
        start = self.pos
        state = self.state
        if state == FNAME:
            m = OPERATOR_METHOD_RE.match(src, start)
            if m:
                self.pos = m.end()
                self.emit_method_name(m.group(), start)
                return
        c = src[start]
        c2 = src[start + 1 : start + 2]
        beg_like = state in (BEG, MID) or (state == ARG and space_before and c2 not in (" ", "\t", "\n", "="))
        # Literals that an operator character can start.
        if c == "/" and (state in (BEG, MID) or (state == ARG and space_before and c2 not in (" ", "="))):
            self.lex_string(start + 1, "/", "", interp=True, kind="REGEX")
            return
        if c == "%" and beg_like:
            m = PERCENT_LITERAL_RE.match(src, start)
            if m:
                self.lex_percent(m.group(1), m.group(2), m.end())
                return
        if c == "<" and c2 == "<" and (state in (BEG, MID) or (state == ARG and space_before)):
            m = HEREDOC_RE.match(src, start)
            if m and (state != ARG or src[start + 2 : start + 3] != " "):
                self.lex_heredoc_start(m)
                return
        if c == "?" and state in (BEG, MID, ARG) and char_literal_at(src, start):
            # Character literal `?a`, `?\n`: after an operand `?` is the ternary operator instead.
            if c2 == "\\":
                value, self.pos = self.read_escape(start + 1)
            else:
                value, self.pos = c2, start + 2
            self.emit("STRING", value, start, END)
            return
        if c == ":" and c2 != ":" and state != DOT:
            if (c2 == '"' or c2 == "'") and state != END:  # after an operand: `c ?"a":"b"`
                self.lex_string(start + 2, c2, "", interp=c2 == '"', kind="DSYM")
                return
            m = SYMBOL_RE.match(src, start)
            if (
                m
                and (state != END or not space_before or True)
                and not (state == END and not space_before and self.last_type not in ("QMARK",))
            ):
                name = m.group()[1:]
                if name.endswith("=") and src[m.end() : m.end() + 1] in ("=", ">", "~") and m.group(1):
                    name = name[:-1]
                self.pos = start + 1 + len(name)
                self.emit("SYMBOL", name, start, END)
                return
        if c == "-" and c2.isdigit() and (state in (BEG, MID) or (state == ARG and space_before)):
            m = NUMBER_RE.match(src, start + 1)
            if m and POW_AHEAD_RE.match(src, m.end()):
                # `-2 ** 2` is -(2 ** 2): the minus binds looser than `**`.
                self.pos = start + 1
                self.emit("UMINUS", "-pow", start, BEG)
                return
            self.pos = start + 1
            self.lex_number(start, negative=True)
            return
        m = PUNCT_RE.match(src, start)
        if not m:
            raise self.error(f"Invalid char `\\x{ord(c):02X}' in expression")
        op = m.group()
        ttype = PUNCT_TYPE[op]
        self.pos = m.end()
        self.lex_operator(op, ttype, start, beg_like, space_before)

    def lex_operator(self, op: str, ttype: str, start: int, beg_like: bool, space_before: bool) -> None:
        state = self.state
        depth = len(self.stack)
        if ttype == "ASSIGN" and self.def_header_end == len(self.out) and self.kw_stack and self.kw_stack[-1][0] == "def":
            # `def f = 42`: an endless def; its body is the rest of the statement, in the def's scope.
            self.kw_stack[-1] = ("endless", self.kw_stack[-1][1])
            self.endless_depths.append(depth)
            self.emit("ASSIGN", op, start, BEG)
            return
        if ttype == "OP_ASGN":
            self.emit("OP_ASGN", op[:-1], start, BEG)
        elif ttype in ("STAR2", "POW", "AMPER2") and beg_like:
            self.emit({"STAR2": "STAR", "POW": "DSTAR", "AMPER2": "AMPER"}[ttype], op, start, BEG)
        elif ttype == "DOT3" and state in (BEG, MID) and FORWARD_AHEAD_RE.match(self.src, self.pos):
            self.emit("DOT3_FWD", op, start, END)  # `def f(...)`, `g(...)`: argument forwarding
        elif ttype in ("DOT2", "DOT3") and state in (BEG, MID):
            self.emit("B" + ttype, op, start, BEG)
        elif ttype in ("MINUS", "PLUS") and beg_like:
            self.emit("UMINUS" if op == "-" else "UPLUS", op, start, BEG)
        elif ttype == "COLON2":
            self.emit(
                "COLON3" if (state in (BEG, MID) or (state == ARG and space_before)) else "COLON2",
                op,
                start,
                DOT if state not in (BEG, MID) else BEG,
            )
            if self.last_type == "COLON2":
                self.state = DOT
        elif ttype == "LPAREN":
            self.stack.append(
                PAREN_CALL
                if (
                    state in (ARG, END, DOT)
                    and not space_before
                    and self.last_type
                    in ("IDENT", "FID", "KW_YIELD", "KW_SUPER", "KW_DEFINED", "RPAREN", "DOT", "CONST", "LAMBDA")
                )
                else PAREN_GROUP
            )
            if self.last_type == "LAMBDA":
                self.stack[-1] = LAMBDA_PARAMS
                self.emit("LPAREN_CALL", op, start, BEG)
                self.paren_def_params.append(len(self.stack))
            elif self.stack[-1] == PAREN_CALL:
                self.emit("LPAREN_CALL", op, start, BEG)
            else:
                if self.pattern_at is not None and self.last_type == "CARET":
                    self.pause_pattern("paren", len(self.stack))  # `^(expr)`: an expression
                self.emit("LPAREN", op, start, BEG)
        elif ttype == "LBRACK":
            if (
                state in (END, ARG)
                and not (state == ARG and space_before)
                and not (
                    state == END
                    and space_before
                    and self.last_type not in ("LVAR", "CONST", "RPAREN", "RBRACK", "IVAR", "GVAR", "CVAR")
                )
            ):
                self.stack.append(BRACKET)
                self.emit("LBRACK_INDEX", op, start, BEG)
            elif state == DOT:
                self.stack.append(BRACKET)
                self.emit("LBRACK_INDEX", op, start, BEG)
            else:
                self.stack.append(BRACKET)
                self.emit("LBRACK", op, start, BEG)
        elif ttype == "LBRACE":
            if self.after_lambda_params():
                self.stack.append(BLOCK)
                self.emit("LBRACE_BLOCK", op, start, BEG)
            elif (
                state in (END, ARG, DOT)
                and self.last_type not in ("ASSOC",)
                and not (state == END and self.last_type in ("INTEGER", "FLOAT", "STRING", "DSTR_END", "SYMBOL"))
            ):
                self.stack.append(BLOCK)
                if self.cmdargs and self.cmdargs[-1] == depth and self.last_type == "CMD_IDENT":
                    self.cmdargs.pop()
                self.kw_stack.append(("block", self.scope))
                self.scope = _Scope(self.scope)
                self.emit("LBRACE_BLOCK", op, start, BEG)
                self.start_block_params()
            else:
                self.stack.append(HASH)
                self.emit("LBRACE", op, start, BEG)
        elif ttype in ("RPAREN", "RBRACK", "RBRACE"):
            if not self.stack:
                self.unmatched(op, ttype, start, f"syntax error, unexpected '{op}', expecting end-of-input")
                return
            kind = self.stack[-1]
            if ttype == "RBRACE" and kind == INTERP:
                self.stack.pop()
                self.emit("INTERP_END", op, start, END)
                return
            want = {
                PAREN_CALL: ")",
                PAREN_GROUP: ")",
                LAMBDA_PARAMS: ")",
                BRACKET: "]",
                HASH: "}",
                BLOCK: "}",
                INTERP: "}",
            }[kind]
            if op != want:
                self.unmatched(op, ttype, start, f"syntax error, unexpected '{op}', expecting '{want}'")
                return
            self.stack.pop()
            new_depth = len(self.stack)
            self.close_endless_defs(new_depth + 1)
            while self.ternaries and self.ternaries[-1] > new_depth:
                self.ternaries.pop()
            while self.cmdargs and self.cmdargs[-1] > new_depth:
                self.cmdargs.pop()
            if self.pattern_at is not None and self.pattern_at > new_depth:
                self.pattern_at = None  # `(x in Integer)`: the pattern ends with its bracket
            if self.pattern_pauses:
                self.resume_pattern("paren", new_depth + 1)
            if kind == BLOCK and self.kw_stack and self.kw_stack[-1][0] == "block":
                _, saved = self.kw_stack.pop()
                if saved is not None:
                    self.scope = saved
                if self.pattern_pauses:
                    self.resume_pattern("lambda", len(self.kw_stack) + 1)
            if (
                kind in (PAREN_CALL, LAMBDA_PARAMS)
                and self.paren_def_params
                and self.paren_def_params[-1] == new_depth + 1
            ):
                self.paren_def_params.pop()
                if kind == PAREN_CALL:
                    # `def f(a) a * 2 end`: the body may start on the same line, as after a newline.
                    self.emit(ttype, op, start, BEG)
                    self.def_header_end = len(self.out)
                    return
            self.emit(ttype, op, start, END)
        elif ttype == "PIPE" and self.param_mode is not None and self.param_mode == depth:
            self.param_mode = None
            self.emit("BLOCK_PIPE", op, start, BEG)
        elif ttype == "SEMI":
            in_pattern = self.pattern_at is not None  # `in *;` `in 0,;`: the `;` ends the pattern
            self.end_statement()
            if self.state == BEG and not in_pattern:
                return  # where an expression is expected, `;` separates nothing, as a newline there
            self.emit("TERM", ";", start, BEG)
        elif ttype == "QMARK":
            self.ternaries.append(depth)
            self.emit("QMARK", op, start, BEG)
        elif ttype == "COLON":
            if self.ternaries and self.ternaries[-1] == depth:
                self.ternaries.pop()
            self.emit("COLON", op, start, BEG)
        elif ttype == "DOT" or ttype == "ANDDOT":
            self.emit(ttype, op, start, DOT)
        elif ttype == "LAMBDA":
            self.emit("LAMBDA", op, start, ARG)
            self.scope_for_lambda()
            if self.pattern_at is not None:
                self.pause_pattern("lambda", len(self.kw_stack))  # `in ->(x) { x > 1 }`
            m = BLOCK_VARS_AHEAD_RE.match(
                self.src, self.pos
            )
            if m:  # `->x { }`: bare lambda parameters
                for name in re.findall(r"[a-z_][A-Za-z0-9_]*", m.group(1)):
                    self.scope.names.add(name)
        elif ttype == "BANG":
            self.emit("BANG", op, start, BEG)
        elif ttype == "ASSIGN":
            self.emit("ASSIGN", op, start, BEG)
        elif ttype == "COMMA":
            self.emit("COMMA", op, start, BEG)
        elif ttype == "ASSOC":
            self.emit("ASSOC", op, start, BEG)
            if self.pattern_at is None and state in (END, ARG) and self.rightward_assignment(depth):
                self.pattern_at = depth
        else:
            self.emit(ttype, op, start, BEG)

    def rightward_assignment(self, depth: int) -> bool:
        """Whether the `=>` just emitted after an operand is ``value => pattern``: not a hash pair
        (of an argument list, a hash, a command's arguments, ``return``) nor ``rescue => e``."""
        if self.in_list() or (self.cmdargs and self.cmdargs[-1] == depth):
            return False
        if self.in_rescue and self.rescue_clause_open():
            return False
        for i in range(len(self.out) - 2, -1, -1):
            t = self.out[i].type
            if t == "TERM":
                break
            if t in ("KW_RETURN", "KW_BREAK", "KW_NEXT"):
                return False
        return True

    def pattern_label(self, name: str, start: int, quoted: bool = False) -> bool:
        """A label in a pattern, the position after it: with no pattern after it (``in {a:}``,
        ``in a:`` ending the line) it binds its name and ends an operand, so a newline outside
        brackets ends the pattern (not after a quoted label: Ruby 3.1 reads the pattern on the
        next line then).  Returns whether the label was emitted here."""
        if self.in_list():
            blank = LABEL_VALUE_IN_LIST_RE
        else:
            blank = QUOTED_LABEL_VALUE_RE if quoted else LABEL_VALUE_RE
        if not blank.match(self.src, self.pos):
            return False
        if IDENT_RE.fullmatch(name) and not name[0].isupper():
            self.scope.names.add(name)
        self.emit("LABEL", name, start, END)
        return True

    def pause_pattern(self, kind: str, level: int) -> None:
        """An expression inside a pattern (``^(expr)``, a lambda): no bindings until it ends."""
        assert self.pattern_at is not None
        self.pattern_pauses.append((kind, level, self.pattern_at))
        self.pattern_at = None

    def resume_pattern(self, kind: str, level: int) -> None:
        """The expression paused at ``level`` ended: back in its pattern."""
        pause = self.pattern_pauses[-1]
        if pause[0] == kind and pause[1] == level:
            self.pattern_pauses.pop()
            self.pattern_at = pause[2]

    def scope_for_lambda(self) -> None:
        """A lambda's parameters and body share a child scope, closed at its ``}`` or ``end``."""
        self.kw_stack.append(("block", self.scope))
        self.scope = _Scope(self.scope)

    def after_lambda_params(self) -> bool:
        """Whether the last token ends a lambda's head (``->`` or ``->(...)``)."""
        return (
            self.last_type == "LAMBDA"
            or (self.last_type == "RPAREN" and self.is_lambda_params_close())
            or (self.last_type in ("IDENT", "LVAR") and len(self.out) >= 2 and self.out[-2].type == "LAMBDA")
        )

    def is_lambda_params_close(self) -> bool:
        """Whether the ``)`` just emitted closed ``->(...)`` parameters."""
        depth = 0
        for i in range(len(self.out) - 1, -1, -1):
            t = self.out[i].type
            if t == "RPAREN":
                depth += 1
            elif t in ("LPAREN_CALL", "LPAREN"):
                depth -= 1
                if depth == 0:
                    return i > 0 and self.out[i - 1].type == "LAMBDA"
        return False

    # ------------------------------------------------------------ strings

    def lex_percent(self, kind: str, opener: str, body_start: int) -> None:
        closer = CLOSERS.get(opener, opener)
        nest = opener if opener in CLOSERS else ""
        start = self.pos
        if kind in ("w", "W", "i", "I"):
            self.lex_words(kind, body_start, closer, nest, start)
        elif kind == "q":
            self.lex_string(body_start, closer, nest, interp=False, kind="DSTR", start=start)
        elif kind in ("Q", ""):
            self.lex_string(body_start, closer, nest, interp=True, kind="DSTR", start=start)
        elif kind == "r":
            self.lex_string(body_start, closer, nest, interp=True, kind="REGEX", start=start)
        elif kind == "x":
            self.lex_string(body_start, closer, nest, interp=True, kind="XSTR", start=start)
        elif kind == "s":
            self.lex_string(body_start, closer, nest, interp=False, kind="DSYM", start=start)

    def lex_words(self, kind: str, body_start: int, closer: str, nest: str, start: int) -> None:
        """``%w[a b]`` and friends: WORDS_BEG, one word at a time (each a string body), WORDS_END."""
        src = self.src
        self.emit("WORDS_BEG", kind, start, BEG)
        p = body_start
        depth = 0
        interp = kind in ("W", "I")
        while True:
            while p < len(src) and src[p] in " \t\r\n":
                if src[p] == "\n":
                    self.newline_at(p)
                p += 1
            if p >= len(src):
                raise self.error("unterminated list meets end of file", start)
            if src[p] == closer and depth == 0:
                self.pos = p + 1
                self.emit("WORDS_END", closer, p, END)
                return
            # One word: up to white space or the closer.
            self.emit("WORD_BEG", "", p, BEG)
            buf: list[str] = []
            while p < len(src):
                ch = src[p]
                if ch in " \t\r\n" or (ch == closer and depth == 0):
                    break
                if nest and ch == nest:
                    depth += 1
                elif nest and ch == closer:
                    depth -= 1
                if ch == "\\" and p + 1 < len(src):
                    nxt = src[p + 1]
                    if nxt in " \t\n" or nxt == closer or nxt == nest or nxt == "\\":
                        buf.append(nxt)
                        if nxt == "\n":
                            self.newline_at(p + 1)
                        p += 2
                        continue
                    if interp:
                        val, p = self.read_escape(p)
                        buf.append(val)
                        continue
                    buf.append(ch)
                    p += 1
                    continue
                if interp and ch == "#" and src[p + 1 : p + 2] == "{":
                    if buf:
                        self.emit("STR_CONTENT", "".join(buf), p, BEG)
                        buf = []
                    p = self.lex_interpolation(p)
                    continue
                buf.append(ch)
                p += 1
            if buf:
                self.emit("STR_CONTENT", "".join(buf), p, BEG)
            self.emit("WORD_END", "", p, BEG)

    def read_escape(self, p: int) -> tuple[str, int]:
        """A backslash escape in a double-quoted string at ``p``: its text and the position after it."""
        src = self.src
        c = src[p + 1 : p + 2]
        if c in ESCAPES:
            return ESCAPES[c], p + 2
        if c == "u":
            if src[p + 2 : p + 3] == "{":
                m = UNICODE_BRACES_RE.match(src, p + 3)
                if not m:
                    raise self.error("invalid Unicode escape", p)
                return "".join(chr(int(h, 16)) for h in m.group(1).split()), m.end()
            m = UNICODE4_RE.match(src, p + 2)
            if not m:
                raise self.error("invalid Unicode escape", p)
            return chr(int(m.group(), 16)), m.end()
        if c == "x":
            m = HEX_ESCAPE_RE.match(src, p + 2)
            if m:
                return chr(int(m.group(), 16)), m.end()
        if c in "01234567":
            m = OCTAL_ESCAPE_RE.match(src, p + 1)
            assert m is not None
            return chr(int(m.group(), 8)), m.end()
        if c == "\n":
            self.newline_at(p + 1)
            return "", p + 2
        if c == "c" or c == "C" or c == "M":
            raise self.error(
                "control and meta escapes (`\\C-x`, `\\M-x`, `\\cx`) are Ruby that pydrake does not provide", p, UnsupportedSyntax
            )
        return c, p + 2

    def lex_string(
        self, body_start: int, closer: str, nest: str, interp: bool, kind: str, start: int | None = None
    ) -> None:
        """A string-like literal from ``body_start`` to ``closer``.

        Emits one STRING/SYMBOL token when there is no interpolation (the common case),
        else ``<KIND>_BEG``, STR_CONTENT and INTERP_BEG..INTERP_END parts, ``<KIND>_END``.
        """
        src = self.src
        if start is None:
            start = body_start - (2 if kind == "DSYM" else 1)
        # Fast path: a plain double-quoted string on one line.
        if kind == "DSTR" and closer == '"' and interp:
            m = SIMPLE_DQ.match(src, body_start)
            assert m is not None
            if src[m.end() : m.end() + 1] == '"':
                self.pos = m.end() + 1
                if not self.string_label(m.group(), start, self.last_type):
                    self.emit("STRING", m.group(), start, END)
                return
        first = len(self.out)
        self.emit(f"{kind}_BEG", src[start:body_start], start, BEG)
        p = body_start
        depth = 0
        buf: list[str] = []
        regex = kind == "REGEX"
        n = len(src)
        while True:
            if p >= n:
                raise self.error("unterminated string meets end of file", start)
            ch = src[p]
            if ch == closer and depth == 0:
                p += 1
                break
            if nest:
                if ch == nest:
                    depth += 1
                elif ch == closer:
                    depth -= 1
            if ch == "\n":
                self.newline_at(p)
                buf.append(ch)
                p += 1
                continue
            if ch == "\\" and p + 1 < n:
                nxt = src[p + 1]
                if not interp:
                    if nxt == closer or nxt == "\\" or (nest and nxt == nest):
                        buf.append(nxt)
                    else:
                        buf.append("\\" + nxt)
                    p += 2
                    continue
                if regex:
                    if nxt == closer and closer == "/":
                        buf.append("/")
                    else:
                        buf.append("\\" + nxt)
                        if nxt == "\n":
                            self.newline_at(p + 1)
                    p += 2
                    continue
                if nxt == closer or (nest and nxt == nest):
                    buf.append(nxt)
                    p += 2
                    continue
                val, p = self.read_escape(p)
                buf.append(val)
                continue
            if interp and ch == "#":
                nxt = src[p + 1 : p + 2]
                if nxt == "{":
                    if buf:
                        self.emit("STR_CONTENT", "".join(buf), p, BEG)
                        buf = []
                    p = self.lex_interpolation(p)
                    continue
                if nxt in ("@", "$") and INTERP_VAR_START_RE.match(src, p + 1):
                    if buf:
                        self.emit("STR_CONTENT", "".join(buf), p, BEG)
                        buf = []
                    m = INTERP_VAR_RE.match(src, p + 1)
                    assert m is not None
                    self.emit("INTERP_BEG", "#", p, BEG)
                    name = m.group()
                    self.emit(
                        "CVAR" if name.startswith("@@") else "IVAR" if name.startswith("@") else "GVAR",
                        name,
                        p + 1,
                        END,
                    )
                    self.emit("INTERP_END", "", m.end(), END)
                    p = m.end()
                    continue
            buf.append(ch)
            p += 1
        flags = ""
        if regex:
            m = REGEX_OPTIONS_RE.match(src, p)
            assert m is not None
            flags = m.group()
            p = m.end()
        if buf:
            self.emit("STR_CONTENT", "".join(buf), p, BEG)
        self.pos = p
        parts = self.out[first + 1 :]
        if kind in ("DSTR", "DSYM") and all(t.type == "STR_CONTENT" for t in parts):
            # No interpolation after all: collapse to one token.
            text = "".join(t.value for t in parts)
            del self.out[first:]
            prev = self.out[-1].type if self.out else ""
            if kind == "DSTR" and self.string_label(text, start, prev):
                return
            self.emit("STRING" if kind == "DSTR" else "SYMBOL", text, start, END)
            return
        if kind == "DSTR" and src[p : p + 1] == ":" and src[p + 1 : p + 2] != ":" and first > 0:
            before = self.out[first - 1].type
            if before in ("LBRACE", "COMMA", "LPAREN_CALL", "CMD_IDENT", "KW_IN", "IN_MATCH"):
                if self.pattern_at is not None:
                    raise self.error("symbol literal with interpolation is not allowed", start)
                # `"#{x}": 1` is the interpolated symbol label `:"#{x}" => 1`.
                self.out[first].type = "DSYM_BEG"
                self.emit("DSYM_END", "", p, END)
                self.pos = p + 1
                self.emit("ASSOC", ":", p, BEG)
                return
        self.emit(f"{kind}_END", flags, p, END)

    def string_label(self, text: str, start: int, prev: str) -> bool:
        """``"key": value`` in a hash or argument list: a label written as a string."""
        src = self.src
        if (
            src[self.pos : self.pos + 1] == ":"
            and src[self.pos + 1 : self.pos + 2] != ":"
            and prev in ("LBRACE", "COMMA", "LPAREN_CALL", "CMD_IDENT", "KW_IN", "IN_MATCH")
        ):
            self.pos += 1
            if self.pattern_at is not None and self.pattern_label(text, start, quoted=True):
                return True
            self.emit("LABEL", text, start, BEG)
            return True
        return False

    def lex_interpolation(self, p: int) -> int:
        """Lex the code of ``#{...}`` starting at ``p`` (the ``#``); return the position after ``}``."""
        saved_state = (self.state, self.cmdargs, self.cond_depth, self.param_mode, self.def_params, self.pattern_at)
        self.pattern_at = None
        self.cmdargs = []
        self.cond_depth = None
        self.param_mode = None
        self.def_params = None
        self.emit("INTERP_BEG", "#{", p, BEG)
        self.stack.append(INTERP)
        depth = len(self.stack)
        self.pos = p + 2
        n = len(self.src)
        while len(self.stack) >= depth:
            if self.pos >= n:
                raise self.error("unterminated string interpolation meets end of file", p)
            self.lex_one()
        self.state, self.cmdargs, self.cond_depth, self.param_mode, self.def_params, self.pattern_at = saved_state
        return self.pos

    # ------------------------------------------------------------ heredocs

    def lex_heredoc_start(self, m: re.Match[str]) -> None:
        """``<<~ID``: the body lies after this line; lex it now and emit its tokens here."""
        mode = m.group(1)
        ident = m.group(2) or m.group(4)
        quote = m.group(3) or '"'
        start = m.start()
        self.pos = m.end()
        # Where does the body start?  After this line, or after an earlier heredoc's body on this line.
        if self.heredocs:
            body_start = self.heredocs[-1][4]
        else:
            nl = self.src.find("\n", self.pos)
            if nl < 0:
                raise self.error(f'can\'t find string "{ident}" anywhere before EOF', start)
            body_start = nl + 1
        lines_start = body_start
        p = body_start
        src = self.src
        body_lines: list[str] = []
        indent_term = mode in ("~", "-")
        while True:
            if p >= len(src):
                raise self.error(f'can\'t find string "{ident}" anywhere before EOF', start)
            nl = src.find("\n", p)
            line_end = nl if nl >= 0 else len(src)
            text = src[p:line_end]
            check = text.strip() if indent_term else text.rstrip("\r")
            if check == ident:
                after = line_end + 1 if nl >= 0 else line_end
                break
            body_lines.append(text + "\n")
            p = line_end + 1
        if mode == "~":
            body_lines = _dedent(body_lines)
        body = "".join(body_lines)
        # The body's line number, relative to this file.
        body_line = self.src.count("\n", 0, lines_start) + 1
        sub = Lexer(body + "\x00", self.file, body_line - 1, self.scope)
        sub.line_start = 0
        interp = quote != "'"
        kind = "XSTR" if quote == "`" else "DSTR"
        sub.lex_string(0, "\x00", "", interp=interp, kind=kind, start=0)
        for tok in sub.out:
            tok.start_pos = start
            tok.line = self.line
            tok.column = start - self.line_start + 1
        self.out.extend(sub.out)
        self.last_type = sub.out[-1].type
        self.state = END
        self.heredocs.append((ident, mode == "~", interp, quote == "`", after))

    def read_heredoc_bodies(self) -> None:
        """At the newline that ends a line with heredocs: skip over their bodies."""
        end = self.heredocs[-1][4]
        for k in range(self.pos, min(end, len(self.src))):
            if self.src[k] == "\n":
                self.newline_at(k)
        self.pos = end
        self.heredocs = []


def char_literal_at(src: str, p: int) -> bool:
    """Whether the ``?`` at ``p`` starts a character literal where an operand may begin (MRI's rule).

    Not before white space, nor before a letter that an identifier continues (``?ab`` is ``? ab``).
    """
    c2 = src[p + 1 : p + 2]
    if not c2 or c2 in " \t\n\r\f\v":
        return False
    if c2.isascii() and (c2.isalnum() or c2 == "_"):
        c3 = src[p + 2 : p + 3]
        return not (c3 and (c3.isalnum() or c3 == "_" or ord(c3) >= 0x80))
    return True


def _dedent(lines: list[str]) -> list[str]:
    """``<<~`` removes the smallest indentation of the non-blank lines (a tab counts to the next multiple of 8)."""
    widths = []
    for line in lines:
        if line.strip():
            w = 0
            for ch in line:
                if ch == " ":
                    w += 1
                elif ch == "\t":
                    w = (w // 8 + 1) * 8
                else:
                    break
            widths.append(w)
    if not widths:
        return [line if line.strip() else "\n" for line in lines]
    cut = min(widths)
    out = []
    for line in lines:
        w = 0
        i = 0
        while i < len(line) and w < cut and line[i] in " \t":
            w = w + 1 if line[i] == " " else (w // 8 + 1) * 8
            i += 1
        out.append(line[i:])
    return out


def tokenize(text: str, file: str) -> Iterator[Token]:
    """All tokens of ``text``."""
    return iter(Lexer(text, file).tokens())
