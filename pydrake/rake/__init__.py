"""Rake's model: tasks, file tasks, rules, namespaces, the DSL."""
