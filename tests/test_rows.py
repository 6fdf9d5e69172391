"""The stored form every writer shares (``gongkit.db.rows``): each twin column is derived in one place."""

from __future__ import annotations

from gongkit.db import rows
from gongkit.db.schema import metadata


def test_every_twin_column_of_the_schema_is_derived_by_prepare() -> None:
    in_schema = {
        (table.name, column.name)
        for table in metadata.sorted_tables
        for column in table.columns
        if column.name.endswith(("_lower", "_norm"))
    }
    declared = {(table, twin) for table, twins in rows.TWINS.items() for twin, _source, _kind in twins}
    assert declared == in_schema
    for table, twins in rows.TWINS.items():
        for _twin, source, _kind in twins:
            assert source in metadata.tables[table].c, f"{table}.{source}"


def test_prepare_fills_what_the_writer_did_not_set() -> None:
    row = rows.prepare("crm_objects", {"email_address": " Jane.Doe@Example.COM ", "phone_number": "+1 (425) 555-2671"})
    assert row == {
        "email_address": " Jane.Doe@Example.COM ",
        "phone_number": "+1 (425) 555-2671",
        "email_lower": "jane.doe@example.com",
        "phone_norm": "+14255552671",
        "mobile_norm": None,
    }
    kept = rows.prepare("users", {"email_address": "A@B.example", "email_lower": "given"})
    assert kept["email_lower"] == "given"
