"""The access line's query: the fast path for queries with nothing to redact writes what the full redaction does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkit.kernel.redaction import redact_query, scrub
from gongkit.server.core import logs

_PIECES = st.sampled_from(
    [
        "a",
        "Z",
        "0",
        "_",
        ".",
        "-",
        "~",
        "+",
        "%3A",
        "%2B",
        "%40",
        "%20",
        "%2b",
        "%41",
        "%FF",
        "%C3%A9",
        "=",
        "&",
        "@",
        " ",
        "mail",
        "Phone",
        "x@y.example",
        "%2B49 30 1234567",
        "+4930123456",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_access_target_query_is_the_redacted_query(query: str) -> None:
    expected = redact_query(query)
    target = logs.access_target({"path": "/v2/calls", "query_string": query.encode()})
    assert target == (f"/v2/calls?{expected}" if expected else "/v2/calls")


def test_a_listing_query_takes_the_fast_path_unchanged() -> None:
    query = "fromDateTime=2024-01-01T00%3A00%3A00Z&toDateTime=2024-02-01T00%3A00%3A00%2B02%3A00&cursor=eyJj.Qx_-9"
    assert logs._CANONICAL_QUERY_RE.fullmatch(query)
    assert logs.access_target({"path": "/v2/calls", "query_string": query.encode()}) == f"/v2/calls?{query}"


def test_the_kept_escapes_are_the_printable_ascii_that_urlencode_escapes() -> None:
    printable = range(0x21, 0x7F)
    kept = {f"%{b:02X}" for b in printable if not (chr(b).isalnum() or chr(b) in "_.-~")}
    every = {f"%{b:02X}" for b in range(256)} | {f"%{b:02x}" for b in range(256)}
    assert {e for e in every if re.fullmatch(logs._KEPT_ESCAPES, e)} == kept


def test_a_long_query_that_is_not_canonical_is_refused_quickly() -> None:
    """The canonical form is matched without backtracking (a run of plain characters is taken at once)."""
    query = "a=" + "b" * 200_000 + "%"
    assert logs._CANONICAL_QUERY_RE.fullmatch(query) is None
    assert logs.access_target({"path": "/v2/calls", "query_string": query.encode()}).endswith("%25")


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join), st.lists(_PIECES, max_size=8).map("".join))
def test_path_and_query_are_masked_apart_as_the_whole_would_be(path: str, query: str) -> None:
    """``?`` joins no address or number across path and query, so masking each alone masks the whole."""
    assert scrub(f"/{path}") + "?" + scrub(query) == scrub(f"/{path}?{query}")
