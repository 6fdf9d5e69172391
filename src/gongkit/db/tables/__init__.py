"""The tables, one module per domain; :mod:`gongkit.db.schema` gathers them (import them from there)."""
