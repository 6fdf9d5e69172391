"""The JSON columns read back what was stored, on both engines, whichever reader reads it."""

from __future__ import annotations

import math

from sqlalchemy import select, update

from gongkit.db import Database
from gongkit.db.engine import load_json
from gongkit.db.schema import call_parties
from tests.conftest import make_company
from tests.support import factories as f


def test_a_document_is_read_back_as_stored(db: Database) -> None:
    company = make_company(db)
    with db.write() as conn:
        call_id = f.make_call(conn, company.id).id
    methods = [{"kind": "Email", "value": "x", "nested": {"ids": [2**63 - 1, -(2**63)], "ratio": 0.25}}, None, "é"]
    with db.write() as conn:
        conn.execute(update(call_parties).where(call_parties.c.call_id == call_id).values(methods=methods))
    with db.read() as conn:
        stored = conn.execute(select(call_parties.c.methods).where(call_parties.c.call_id == call_id)).scalars()
        assert list(stored) == [methods, methods]  # the host and the external contact


def test_what_only_the_standard_reader_reads_is_read_by_it() -> None:
    """The standard writer writes NaN and Infinity, which orjson refuses to read."""
    read = load_json('{"a": NaN, "b": [Infinity, -Infinity], "c": 1}')
    assert math.isnan(read["a"]) and read["b"] == [math.inf, -math.inf] and read["c"] == 1
    assert load_json(b'{"a": [1, "two", null, true]}') == {"a": [1, "two", None, True]}
