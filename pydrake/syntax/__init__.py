"""Syntax: the lexer, the LALR tables of the Lark grammar and their driver, the AST and its caches."""
