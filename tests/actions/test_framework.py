"""The framework: validation, the wire request each action builds, reshaping, the output envelope."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkit.actions import (
    ActionInputError,
    Param,
    Reshape,
    action,
    arun,
    expand_enum,
    flatten,
    get,
    run,
    split_ids,
    tool,
    unflatten,
)
from gongkit.sdk import AsyncGong, Gong

# --- flatten / unflatten --------------------------------------------------------------------------------

_keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=8)
_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=3),
    st.lists(st.dictionaries(_keys, st.integers(), max_size=2), max_size=2),
)
_nested = st.recursive(
    st.dictionaries(_keys, _leaves, min_size=1, max_size=4),
    lambda children: st.dictionaries(_keys, st.one_of(_leaves, children), min_size=1, max_size=4),
    max_leaves=12,
)


@given(_nested)
def test_flatten_unflatten_round_trip(obj: dict[str, Any]) -> None:
    flat = flatten(obj)
    assert all(not isinstance(v, dict) or not v for v in flat.values())
    assert unflatten(flat) == obj


def test_flatten_examples() -> None:
    nested = {"cursor": "c", "filter": {"fromDate": "2024-01-01", "userIds": ["1"]}, "parties": [{"a": 1}]}
    assert flatten(nested) == {
        "cursor": "c",
        "filter__fromDate": "2024-01-01",
        "filter__userIds": ["1"],
        "parties": [{"a": 1}],
    }
    assert unflatten(flatten(nested)) == nested
    assert unflatten({"contentSelector__exposedFields__content__trackers": True}) == {
        "contentSelector": {"exposedFields": {"content": {"trackers": True}}}
    }


def test_split_ids_and_enum_expansion() -> None:
    assert split_ids(" 1, 2,,3 ") == ["1", "2", "3"]
    assert split_ids("") == []
    assert expand_enum(["all", "all / own / none", "own"]) == ["all", "own", "none"]
    assert expand_enum(["Windows, Linux"]) == ["Windows", "Linux"]


# --- validation -----------------------------------------------------------------------------------------


def test_validation_reports_every_problem() -> None:
    act = get("GONG_RETRIEVE_LOGS_DATA_BY_TYPE_AND_TIME_RANGE_V2_LOGS")
    with pytest.raises(ActionInputError) as info:
        act.validate({"logType": "Nope", "cursor": 3, "bogus": 1})
    problems = info.value.problems
    assert any(p.startswith("logType: 'Nope' is not one of") for p in problems)
    assert "cursor: expected string, got int" in problems
    assert "bogus: unknown input" in problems
    assert "fromDateTime: required" in problems


def test_validation_names_nested_places() -> None:
    act = get("GONG_RETRIEVE_FILTERED_CALL_DETAILS")
    with pytest.raises(ActionInputError) as info:
        act.validate({"filter__callIds": ["1", 2], "contentSelector__context": "Nope"})
    assert info.value.problems == [
        "filter__callIds[1]: expected string, got int",
        "contentSelector__context: 'Nope' is not one of 'Basic', 'Extended', 'None'",
    ]
    media = get("GONG_ADD_CALL_MEDIA_V2_CALLS_ID_MEDIA")
    with pytest.raises(ActionInputError) as info:
        media.validate({"id": "1", "mediaFile": {"path": 3}})
    assert info.value.problems == ["mediaFile.path: expected string, got int"]
    with pytest.raises(ActionInputError) as info:
        media.validate({"id": "1", "mediaFile": 3})
    assert info.value.problems == ["mediaFile: expected object or string, got int"]
    assert media.validate({"id": "1", "mediaFile": "/tmp/a.mp3"}) == {"id": "1", "mediaFile": "/tmp/a.mp3"}


def test_validation_types() -> None:
    act = get("GONG_GET_CRM_OBJECTS_V2_CRM_ENTITIES")
    ok = {"integrationId": 7, "objectType": "DEAL", "objectsCrmIds": ["a"]}
    assert act.validate(ok) == ok
    for bad in ({"integrationId": True}, {"integrationId": 1.5}, {"objectsCrmIds": ["a", 2]}, {"objectsCrmIds": "a"}):
        with pytest.raises(ActionInputError):
            act.validate({**ok, **bad})
    assert act.validate({**ok, "integrationId": 7.0})["integrationId"] == 7.0
    assert act.validate({**ok, "objectsCrmIds": ("a", "b")})["objectsCrmIds"] == ("a", "b")
    with pytest.raises(ActionInputError, match="JSON object"):
        act.validate(["x"])  # type: ignore[arg-type]


def test_none_values_are_absent() -> None:
    act = get("GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS")
    clean = act.validate({"fromDateTime": "a", "toDateTime": "b", "cursor": None})
    assert clean == {"fromDateTime": "a", "toDateTime": "b"}


# --- wire requests --------------------------------------------------------------------------------------


def test_query_and_path() -> None:
    req = get("GONG_LIST_ALL_COACHING_METRICS_V2_COACHING").build_request(
        {"workspace__id": 1, "manager__id": 2, "from": "a", "to": "b"}
    )
    assert (req.method, req.path, req.json) == ("GET", "/v2/coaching", None)
    assert req.params == {"workspace-id": "1", "manager-id": "2", "from": "a", "to": "b"}
    req = get("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID").build_request({"id": "12/3"})
    assert req.path == "/v2/calls/12%2F3"
    req = get("GONG_LIST_ALL_USERS_V2_USERS").build_request({"includeAvatars": True})
    assert req.params == {"includeAvatars": "true"}


def test_nested_body_and_top_level_cursor() -> None:
    req = get("GONG_RETRIEVE_FILTERED_CALL_DETAILS").build_request(
        {
            "cursor": "abc",
            "filter__fromDateTime": "2024-01-01T00:00:00Z",
            "filter__callIds": ["1", "2"],
            "contentSelector__context": "Extended",
            "contentSelector__exposedFields__parties": True,
            "contentSelector__exposedFields__content__trackers": True,
        }
    )
    assert (req.method, req.path, req.params) == ("POST", "/v2/calls/extensive", None)
    assert req.json == {
        "cursor": "abc",
        "filter": {"fromDateTime": "2024-01-01T00:00:00Z", "callIds": ["1", "2"]},
        "contentSelector": {"context": "Extended", "exposedFields": {"parties": True, "content": {"trackers": True}}},
    }


def test_body_quirks() -> None:
    # a JSON body on DELETE
    req = get("GONG_DELETE_A_GONG_MEETING_V2_MEETINGS").build_request({"meetingId": 5, "organizerEmail": "a@b.c"})
    assert (req.method, req.path, req.json) == ("DELETE", "/v2/meetings/5", {"organizerEmail": "a@b.c"})
    # a POST with only a query parameter
    req = get("GONG_ERASE_DATA_FOR_EMAIL_ADDRESS").build_request({"emailAddress": "a@b.c"})
    assert (req.method, req.params, req.json) == ("POST", {"emailAddress": "a@b.c"}, None)
    # a GET whose body is a JSON array
    req = get("GONG_GET_CRM_OBJECTS_V2_CRM_ENTITIES").build_request(
        {"integrationId": 1, "objectType": "DEAL", "objectsCrmIds": ["x", "y"]}
    )
    assert (req.method, req.params, req.json) == ("GET", {"integrationId": "1", "objectType": "DEAL"}, ["x", "y"])
    # a query parameter beside a flattened body
    req = get("GONG_CREATE_PERMISSION_PROFILE_V2_PERMISSION_PROFILE").build_request(
        {"workspaceId": "9", "name": "P", "forecastPermissions__forecastAccess__teamLeadIds": ["1"]}
    )
    assert req.params == {"workspaceId": "9"}
    assert req.json == {"name": "P", "forecastPermissions": {"forecastAccess": {"teamLeadIds": ["1"]}}}
    # an empty JSON body where the operation takes one
    assert get("GONG_LIST_USERS_BY_FILTER_V2_USERS_EXTENSIVE").build_request({}).json == {}


def test_file_inputs(tmp_path: Path) -> None:
    media = tmp_path / "call.mp3"
    media.write_bytes(b"ID3audio")
    act = get("GONG_ADD_CALL_MEDIA_V2_CALLS_ID_MEDIA")
    req = act.build_request(act.validate({"id": "42", "mediaFile": {"path": str(media)}}))
    assert (req.method, req.path, req.json) == ("PUT", "/v2/calls/42/media", None)
    assert req.files == {"mediaFile": ("call.mp3", b"ID3audio", "audio/mpeg")}
    req = act.build_request({"id": "42", "mediaFile": {"content": base64.b64encode(b"xyz").decode(), "name": "a.wav"}})
    assert req.files is not None and req.files["mediaFile"][:2] == ("a.wav", b"xyz")
    req = act.build_request({"id": "42", "mediaFile": str(media)})
    assert req.files is not None and req.files["mediaFile"][1] == b"ID3audio"
    with pytest.raises(ActionInputError, match="no such file"):
        act.build_request({"id": "42", "mediaFile": {"path": str(tmp_path / "missing")}})
    with pytest.raises(ActionInputError, match="base64"):
        act.build_request({"id": "42", "mediaFile": {"content": "***"}})


def test_tool_requests() -> None:
    t = get("gong_retrieve_detailed_call_data")
    req = t.build_request(
        {"accessKey": "K", "accessKeySecret": "S", "callIds": "1, 2", "primaryUserIds": "7", "cursor": "c"}
    )
    assert (req.access_key, req.access_key_secret) == ("K", "S")
    assert req.json["filter"] == {"callIds": ["1", "2"], "primaryUserIds": ["7"]}
    assert req.json["cursor"] == "c"
    assert req.json["contentSelector"]["exposedFields"]["content"]["trackers"] is True
    assert "accessKey" not in json.dumps(req.json)
    req = get("gong_retrieve_coaching_metrics_for_a_manager").build_request(
        {"accessKey": "K", "accessKeySecret": "S", "managerId": "1", "workspaceId": "2", "fromDate": "a", "toDate": "b"}
    )
    assert req.params == {"manager-id": "1", "workspace-id": "2", "from": "a", "to": "b"}


def test_declaration_errors() -> None:
    with pytest.raises(KeyError):
        action("GONG_X", "noSuchOperation", "d")
    with pytest.raises(ValueError, match="path parameter"):
        action("GONG_X", "getCall", "d", [Param("callId")])
    with pytest.raises(ValueError, match="duplicate"):
        action("GONG_X", "getCall", "d", [Param("id"), Param("id")])
    with pytest.raises(ValueError, match="bad target"):
        action("GONG_X", "getCall", "d", [Param("id", to="header:x")])
    # a new action is one declaration: nothing else to write
    new = tool("gong_x", "getCall", "Get a call.", [Param("callId", required=True, to="path:id")])
    assert new.build_request({"accessKey": "k", "accessKeySecret": "s", "callId": "1"}).path == "/v2/calls/1"


# --- reshaping ------------------------------------------------------------------------------------------


def test_reshape() -> None:
    r = Reshape(
        lift=("records",),
        rename={"usersAggregateActivityStats": "usersActivity"},
        merge={"usersActivity": "userAggregateActivityStats"},
        keep=("usersActivity", "cursor", "timeZone"),
    )
    answer = {
        "requestId": "r",
        "records": {"cursor": "c", "totalRecords": 1},
        "timeZone": "UTC",
        "usersAggregateActivityStats": [{"userId": "1", "userAggregateActivityStats": {"callsAsHost": 3}}],
    }
    assert r.apply(answer) == {"usersActivity": [{"userId": "1", "callsAsHost": 3}], "cursor": "c", "timeZone": "UTC"}
    assert Reshape(lift=("call",)).apply({"requestId": "r", "call": {"id": "1"}}) == {"requestId": "r", "id": "1"}
    assert r.apply([1]) == [1]


# --- running through the SDK ----------------------------------------------------------------------------


def _transport(seen: list[httpx.Request], status: int = 200, body: Any = None) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        payload = body if body is not None else {"requestId": "r1", "records": {"cursor": "n"}, "calls": []}
        return httpx.Response(status, json=payload, headers={"x-request-id": "r1"})

    return httpx.MockTransport(handler)


def test_run_success_and_envelope() -> None:
    seen: list[httpx.Request] = []
    with httpx.Client(transport=_transport(seen)) as http:
        gong = Gong("key", "secret", base_url="http://gong.test", http_client=http, pace=None, max_retries=0)
        out = run(
            "GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS", {"fromDateTime": "a", "toDateTime": "b"}, client=gong
        )
    assert out == {
        "data": {"requestId": "r1", "records": {"cursor": "n"}, "calls": []},
        "error": None,
        "successful": True,
    }
    assert seen[0].url.path == "/v2/calls" and seen[0].url.params["fromDateTime"] == "a"


def test_run_tool_uses_its_credentials() -> None:
    seen: list[httpx.Request] = []
    with httpx.Client(transport=_transport(seen)) as http:
        gong = Gong("key", "secret", base_url="http://gong.test", http_client=http, pace=None, max_retries=0)
        out = run(
            "gong_retrieve_call_data_by_date_range",
            {"accessKey": "TK", "accessKeySecret": "TS", "fromDateTime": "a"},
            client=gong,
        )
    assert out == {"data": {"calls": [], "cursor": "n"}, "error": None, "successful": True}
    expected = "Basic " + base64.b64encode(b"TK:TS").decode()
    assert seen[0].headers["authorization"] == expected
    assert "accessKey" not in str(seen[0].url)


def test_run_failures() -> None:
    seen: list[httpx.Request] = []
    with httpx.Client(transport=_transport(seen, 404, {"requestId": "r9", "errors": ["Call 1 not found"]})) as http:
        gong = Gong("key", "secret", base_url="http://gong.test", http_client=http, pace=None, max_retries=0)
        out = run("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {"id": "1"}, client=gong)
        assert out["successful"] is False
        assert out["data"] == {"status": 404, "requestId": "r9", "errors": ["Call 1 not found"]}
        assert "Call 1 not found" in out["error"]
        bad = run("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {}, client=gong)
    assert bad == {"data": {}, "error": "Invalid input: id: required", "successful": False}
    assert len(seen) == 1  # invalid input never reaches the wire


def test_run_without_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GONG_ACCESS_KEY", "GONG_ACCESS_KEY_SECRET", "GONG_BEARER_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    out = run("GONG_LIST_ALL_COMPANY_WORKSPACES_V2_WORKSPACES", {})
    assert out["successful"] is False and "No Gong credentials" in out["error"]


async def _arun_case() -> dict[str, Any]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"requestId": "r", "workspaces": [{"id": "1", "name": "W"}]})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        gong = AsyncGong("k", "s", base_url="http://gong.test", http_client=http, pace=None)
        return await arun("gong_list_all_company_workspaces", {"accessKey": "a", "accessKeySecret": "b"}, client=gong)


def test_arun() -> None:
    import asyncio

    out = asyncio.run(_arun_case())
    assert out == {"data": {"workspaces": [{"id": "1", "name": "W"}]}, "error": None, "successful": True}
