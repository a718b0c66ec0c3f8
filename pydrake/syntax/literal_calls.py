"""Literal calls: a loaded file's statements that call a method of ``self`` with literal arguments only.

Most statements of a Rakefile are definitions such as ``file "a.o" => ["a.c"] do ... end`` or
``desc "Build"``: a call without receiver whose arguments are strings, symbols, numbers and
arrays or hashes of them. ``fold`` turns each such top-level statement of a file into a
``LiteralCall`` node holding its arguments as plain data, which the AST cache writes and reads
back as it is, instead of one node per literal; the evaluator makes the very values the
literal nodes would have made (``literal_value``).

The data: a ``str`` is a string literal; an ``int``, ``float``, ``None``, ``True`` or ``False``
is that literal; a ``list`` is an array literal of data; a tuple is a symbol ``(":", name)`` or
a braced hash ``("{", key, value, key, value, ...)``. A hash key is any of these but a hash.
"""

from __future__ import annotations

from typing import Any

from pydrake.syntax import ast

_NOT_LITERAL = object()

# The literal nodes that are their own value, by class: the field holding it.
_VALUE_FIELDS = {ast.IntLit: "value", ast.FloatLit: "value"}
_CONSTANTS = {ast.Nil: None, ast.TrueLit: True, ast.FalseLit: False}


def fold(body: ast.Body) -> ast.Body:
    """``body`` with each literal call statement as a ``LiteralCall`` (the same tuple when none is)."""
    out = [_literal_call(st) or st for st in body]
    return body if all(a is b for a, b in zip(out, body, strict=True)) else tuple(out)


def fold_program(program: ast.Program) -> ast.Program:
    """``program`` with its top-level literal call statements folded."""
    body = fold(program.body)
    return program if body is program.body else ast.replace(program, body=body)


def _literal_call(node: Any) -> ast.LiteralCall | None:
    """The LiteralCall for a call statement of literal arguments only, else None."""
    if node.__class__ is not ast.Call or node.recv is not None or node.vcall or node.safe:
        return None
    block = node.block
    if block is not None and block.__class__ is not ast.Block:
        return None
    args = node.args
    kw = None
    if args and args[-1].__class__ is ast.HashLit and not args[-1].braces:
        kw = _pairs(args[-1])
        if kw is _NOT_LITERAL:
            return None
        args = args[:-1]
    data = tuple(_data(a) for a in args)
    if any(d is _NOT_LITERAL for d in data):
        return None
    return ast.LiteralCall(node.line, node.col, node.name, data, kw, block)


def _data(node: Any) -> Any:
    """The literal data of ``node``, or ``_NOT_LITERAL``."""
    cls = node.__class__
    if cls is ast.StrLit:
        return node.value
    if cls is ast.SymLit:
        return (":", node.name)
    if cls in _CONSTANTS:
        return _CONSTANTS[cls]
    field = _VALUE_FIELDS.get(cls)
    if field is not None:
        value = getattr(node, field)
        return value if type(value) in (int, float) else _NOT_LITERAL
    if cls is ast.ArrayLit:
        items = [_data(e) for e in node.elements]
        return _NOT_LITERAL if any(d is _NOT_LITERAL for d in items) else items
    if cls is ast.HashLit and node.braces:
        pairs = _pairs(node)
        return _NOT_LITERAL if pairs is _NOT_LITERAL else ("{", *pairs)
    return _NOT_LITERAL


def _pairs(node: ast.HashLit) -> Any:
    """A hash literal's keys and values in turn as data, or ``_NOT_LITERAL``."""
    out: list[Any] = []
    for pair in node.pairs:
        if pair.__class__ is not tuple:  # a ``**splat``
            return _NOT_LITERAL
        key, value = _data(pair[0]), _data(pair[1])
        if key is _NOT_LITERAL or value is _NOT_LITERAL or _is_hash(key):
            return _NOT_LITERAL
        out += (key, value)
    return tuple(out)


def _is_hash(data: Any) -> bool:
    return data.__class__ is tuple and data[0] == "{"
