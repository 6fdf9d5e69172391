"""Unit tests of the small shared pieces: the operation catalogue, date-times, ids, cursors."""

from __future__ import annotations

import base64

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkit.db.paging import INVALID_CURSOR, CursorCodec, CursorState, query_fingerprint
from gongkit.kernel.clock import DateTimeError, ms_to_iso, parse_datetime_ms
from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.ids import new_id, new_message_id, new_request_id, parse_id
from gongkit.spec import GROUPS, operation, operations, response_schema


def test_the_surface_is_the_union_of_both_contracts() -> None:
    ops = operations()
    assert len(ops) == 62
    assert len({op.operation_id for op in ops}) == 62
    only_2024 = sorted(op.operation_id for op in ops if op.specs == ("2024",))
    only_2026 = sorted(op.operation_id for op in ops if op.specs == ("2026",))
    assert only_2024 == ["listCRMCallsManualAssociation"]
    assert only_2026 == [
        "addCallRecording",
        "assignProspectsCoolOffOverrides",
        "listCallOutcomes",
        "listFlowsFolders",
        "listTasks",
        "unassignFlows",
        "unassignProspectFlows",
        "updateReminder",
        "uploadCrmData",
    ]
    assert {op.group for op in ops} == set(GROUPS)


def test_every_operation_has_a_scope_and_a_success_schema() -> None:
    for op in operations():
        assert op.scope.startswith("api:"), op
        assert response_schema(op, op.success_status) is not None, op


@pytest.mark.parametrize(
    ("operation_id", "scope", "extra", "auth_status"),
    [
        ("listCalls", "api:calls:read:basic", (), 401),
        ("listCallsExtensive", "api:calls:read:extensive", ("api:calls:read:media-url",), 401),
        ("listUsers", "api:users:read", (), 403),
        ("listWorkspaces", "api:workspaces:read", (), 403),
        ("purgeEmailAddress", "api:data-privacy:delete", (), 401),
        ("getPermissionProfile", "api:permission-profile:read", (), 401),
        ("getRequestStatus", "api:crm:upload", (), 401),
    ],
)
def test_scopes_come_from_the_contracts(
    operation_id: str, scope: str, extra: tuple[str, ...], auth_status: int
) -> None:
    op = operation(operation_id)
    assert (op.scope, op.extra_scopes, op.auth_failure_status) == (scope, extra, auth_status)


def test_paged_operations() -> None:
    paged = {op.operation_id for op in operations() if op.paged}
    assert {"listCalls", "listCallsExtensive", "getCallTranscripts", "listUsers", "listMultipleUsers"} <= paged
    assert "getCall" not in paged and "listWorkspaces" not in paged


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("2024-01-17T16:20:05Z", 1705508405000),
        ("2024-01-17T16:20:05+00:00", 1705508405000),
        ("2024-01-17T13:20:05-03:00", 1705508405000),
        ("2024-01-17T21:50:05.834+05:30", 1705508405834),
        ("2024-01-17T16:20:05.233692Z", 1705508405233),
        ("2024-01-17T16:20:05", 1705508405000),
        (" 2024-01-17T16:20:05z ", 1705508405000),
    ],
)
def test_date_times_as_gong_clients_send_them(text: str, ms: int) -> None:
    assert parse_datetime_ms(text) == ms


@pytest.mark.parametrize("text", ["", "yesterday", "2019-01-21T000:00:00-08:00", "1518863400.0"])
def test_bad_date_times_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(DateTimeError):
        parse_datetime_ms(text)


@given(st.integers(min_value=0, max_value=4_102_444_800_000))
def test_iso_round_trip(ms: int) -> None:
    assert parse_datetime_ms(ms_to_iso(ms)) == ms


def test_ids_have_gongs_forms() -> None:
    assert all(len(str(new_id())) == 19 and new_id() < 2**63 for _ in range(100))
    assert len(new_request_id()) == 19 and new_request_id().isalnum()
    assert len(new_message_id()) == 32
    assert parse_id("7782342274025937895") == 7782342274025937895
    assert parse_id("abc") is None and parse_id("99999999999999999999") is None and parse_id("") is None


CODEC = CursorCodec(b"k" * 32)
STATE = CursorState(after=[1_700_000_000_000, 123], page=1, total=250)


def test_a_cursor_round_trips_for_its_own_query() -> None:
    fp = query_fingerprint("listCalls", {"fromDateTime": "x"})
    assert CODEC.decode(CODEC.encode(7, fp, STATE), 7, fp) == STATE


def test_a_cursor_is_bound_to_its_query_and_company() -> None:
    fp = query_fingerprint("listCalls", {"fromDateTime": "x"})
    token = CODEC.encode(7, fp, STATE)
    with pytest.raises(InvalidRequest) as exc:
        CODEC.decode(token, 8, fp)
    assert exc.value.messages == [INVALID_CURSOR]
    with pytest.raises(InvalidRequest) as exc:
        CODEC.decode(token, 7, query_fingerprint("listCalls", {"fromDateTime": "y"}))
    assert exc.value.messages == [INVALID_CURSOR]


def test_a_forged_or_altered_cursor_is_refused() -> None:
    fp = query_fingerprint("listCalls", {})
    token = CODEC.encode(7, fp, STATE)
    body, sig = token.split(".")
    forged = base64.urlsafe_b64encode(orjson.dumps({"c": 7, "q": fp, "a": [0, 0], "p": 1, "t": 9})).rstrip(b"=")
    for bad in [
        "",
        "garbage",
        body,
        f"{forged.decode()}.{sig}",
        token + "x",
        CursorCodec(b"o" * 32).encode(7, fp, STATE),
    ]:
        with pytest.raises(InvalidRequest) as exc:
            CODEC.decode(bad, 7, fp)
        assert exc.value.messages == ["Invalid cursor"]
