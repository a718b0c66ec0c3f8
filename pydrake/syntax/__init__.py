"""Syntax: the lexer, the Lark grammar and the AST builder."""
