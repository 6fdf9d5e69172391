"""Resources and pagination over httpx.MockTransport: what is sent (checked against Gong's request schemas),
where cursors go, how answers become models, 404-for-empty."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from gongkit import GongError, NotFoundError
from gongkit.sdk.pagination import Page
from gongkit.types import (
    CallBasicData,
    CallData,
    CallParticipant,
    CallTranscript,
    ContentSelector,
    ExposedContent,
    ExposedFields,
    ExposedInteraction,
    SpeakersTimeline,
    SpeechSegment,
    User,
    UserSettingsHistory,
    Workspace,
)
from tests.sdk.support import gong_error, mock_async_gong, mock_gong
from tests.support.contract import check_request


class Recorder:
    """A mock Gong: answers from a function, records (method, path, query, json) and checks each request body
    against the official request schema of its operation."""

    def __init__(self, answer: Callable[[httpx.Request, Any], httpx.Response]) -> None:
        self.answer = answer
        self.seen: list[tuple[str, str, dict[str, str], Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body: Any = None
        if request.headers.get("content-type", "").startswith("application/json"):
            body = json.loads(request.content)
            check_request(request.method, request.url.path, body)
        self.seen.append((request.method, request.url.path, dict(request.url.params), body))
        return self.answer(request, body)


def _records(total: int, size: int, number: int, cursor: str | None) -> dict[str, Any]:
    rec: dict[str, Any] = {"totalRecords": total, "currentPageSize": size, "currentPageNumber": number}
    if cursor:
        rec["cursor"] = cursor
    return rec


def _call(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(7782342274025937000 + n),
        "url": f"https://app.gong.io/call?id={n}",
        "title": f"Call {n}",
        "started": "2024-01-17T16:20:05Z",
        "scheduled": "2024-01-17T16:00:00-03:00",
        "duration": 1800,
        "primaryUserId": "234599484848423",
        "direction": "Outbound",
        "scope": "External",
        "media": "Video",
        "workspaceId": "623457276584334",
        "isPrivate": False,
        **extra,
    }


def _three_pages_by_query(request: httpx.Request, body: Any) -> httpx.Response:
    cursor = request.url.params.get("cursor")
    page = {None: 0, "c1": 1, "c2": 2}[cursor]
    nxt = {0: "c1", 1: "c2", 2: None}[page]
    calls = [_call(page * 2 + i) for i in range(2 if page < 2 else 1)]
    return httpx.Response(
        200, json={"requestId": f"r{page}", "records": _records(5, len(calls), page, nxt), "calls": calls}
    )


# --- calls.list ---------------------------------------------------------------------------------------


def test_calls_list_pages_through_the_query_cursor() -> None:
    rec = Recorder(_three_pages_by_query)
    g = mock_gong(rec)
    pager = g.calls.list(
        from_date_time=datetime(2024, 1, 1, tzinfo=UTC), to_date_time="2024-02-01T00:00:00-08:00", workspace_id=42
    )
    assert rec.seen == []  # lazy
    calls = list(pager)
    assert [c.title for c in calls] == [f"Call {i}" for i in range(5)]
    assert all(isinstance(c, CallBasicData) for c in calls)
    assert calls[0].id == "7782342274025937000"
    assert calls[0].started == datetime(2024, 1, 17, 16, 20, 5, tzinfo=UTC)
    assert [s[2].get("cursor") for s in rec.seen] == [None, "c1", "c2"]
    for _, path, query, body in rec.seen:
        assert path == "/v2/calls" and body is None
        assert query["fromDateTime"] == "2024-01-01T00:00:00Z"
        assert query["toDateTime"] == "2024-02-01T00:00:00-08:00"
        assert query["workspaceId"] == "42"


def test_pages_expose_records() -> None:
    g = mock_gong(Recorder(_three_pages_by_query))
    pages = list(g.calls.list().pages())
    assert [p.records.currentPageNumber for p in pages] == [0, 1, 2]
    assert [p.records.cursor for p in pages] == ["c1", "c2", None]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert pages[0].records.totalRecords == 5
    assert pages[0].request_id == "r0" and pages[0].has_next_page and not pages[2].has_next_page
    assert [c.title for c in pages[1]] == ["Call 2", "Call 3"]
    assert list(g.calls.list().iter_pages())[2].items[0].title == "Call 4"


def test_first_page_and_resuming_from_a_cursor() -> None:
    rec = Recorder(_three_pages_by_query)
    g = mock_gong(rec)
    first = g.calls.list().first_page()
    assert len(rec.seen) == 1 and first.next_cursor == "c1"
    rest = g.calls.list(cursor=first.next_cursor).to_list()
    assert [c.title for c in rest] == ["Call 2", "Call 3", "Call 4"]


def test_a_pager_can_be_iterated_again() -> None:
    rec = Recorder(_three_pages_by_query)
    pager = mock_gong(rec).calls.list()
    assert len(list(pager)) == 5 and len(list(pager)) == 5
    assert len(rec.seen) == 6


def test_404_on_a_list_is_an_empty_result() -> None:
    g = mock_gong(lambda r: gong_error(404, "No calls found for the specified period", request_id="r404"))
    assert list(g.calls.list(from_date_time="2030-01-01")) == []
    page = g.calls.list().first_page()
    assert page.items == [] and page.records.totalRecords == 0 and page.request_id == "r404"
    assert list(g.calls.extensive()) == []
    assert list(g.calls.transcripts(call_ids=["1"])) == []
    assert list(g.users.extensive(user_ids=["1"])) == []
    assert list(g.users.list()) == []


NOT_GONGS_EMPTY_LISTING = {
    "html page": lambda r: httpx.Response(404, text="<html><body><h1>404 Not Found</h1></body></html>"),
    "plain text": lambda r: httpx.Response(404, text="Not Found"),
    "empty body": lambda r: httpx.Response(404),
    "no route": lambda r: gong_error(404, f"No such API route: {r.method} {r.url.path}"),
    "an entity": lambda r: gong_error(404, "User not found"),
    "no requestId": lambda r: httpx.Response(404, json={"errors": ["No calls found for the specified period"]}),
    "no message": lambda r: gong_error(404),
    "one of two": lambda r: gong_error(404, "No calls found for the specified period", "Not Found"),
}


@pytest.mark.parametrize("answer", NOT_GONGS_EMPTY_LISTING.values(), ids=NOT_GONGS_EMPTY_LISTING.keys())
def test_only_gongs_empty_listing_answer_is_an_empty_result(answer: Callable[[httpx.Request], httpx.Response]) -> None:
    g = mock_gong(answer)
    listings: dict[str, Callable[[], object]] = {
        "/v2/calls": lambda: list(g.calls.list(from_date_time="2030-01-01")),
        "/v2/calls/extensive": lambda: list(g.calls.extensive()),
        "/v2/calls/transcript": lambda: list(g.calls.transcripts(call_ids=["1"])),
        "/v2/users": lambda: g.users.list().first_page(),
        "/v2/users/extensive": lambda: list(g.users.extensive(user_ids=["1"])),
    }
    for path, listing in listings.items():
        with pytest.raises(NotFoundError) as info:
            listing()
        assert info.value.status_code == 404
        assert f"https://gong.test{path}" in str(info.value)  # the URL that answered, without its query

    async def main() -> None:
        with pytest.raises(NotFoundError, match=r"https://gong\.test/v2/calls"):
            [c async for c in mock_async_gong(answer).calls.list()]

    asyncio.run(main())


@pytest.mark.parametrize(
    "message",
    [
        "No calls found corresponding to the provided filters",
        "No users found corresponding to the provided filters",
        "No folders found for the specified period",
        "No logs found for the specified period.",
    ],
)
def test_gongs_empty_listing_messages_are_empty_results(message: str) -> None:
    assert list(mock_gong(lambda r: gong_error(404, message)).users.list()) == []


def test_other_errors_on_a_list_still_raise() -> None:
    g = mock_gong(lambda r: gong_error(400, "fromDateTime is malformed"))
    with pytest.raises(GongError, match="malformed"):
        list(g.calls.list(from_date_time="2024-01-01"))


def test_a_cursor_answered_with_itself_stops_the_loop() -> None:
    def same(request: httpx.Request, body: Any) -> httpx.Response:
        return httpx.Response(200, json={"requestId": "r", "records": _records(9, 1, 0, "again"), "calls": [_call(1)]})

    with pytest.raises(GongError, match="same cursor"):
        list(mock_gong(Recorder(same)).calls.list())


def test_unknown_fields_are_kept() -> None:
    def answer(request: httpx.Request, body: Any) -> httpx.Response:
        call = _call(1, brandNewField={"x": 1})
        return httpx.Response(200, json={"requestId": "r", "records": _records(1, 1, 0, None), "calls": [call]})

    (call,) = list(mock_gong(Recorder(answer)).calls.list())
    assert call.model_extra == {"brandNewField": {"x": 1}}
    assert call.brandNewField == {"x": 1}
    assert call.model_dump(mode="json", exclude_none=True)["brandNewField"] == {"x": 1}


def test_numeric_ids_become_strings() -> None:
    assert CallBasicData.model_validate({"id": 7782342274025937895}).id == "7782342274025937895"


# --- calls.get / add / add_recording ------------------------------------------------------------------


def test_calls_get() -> None:
    rec = Recorder(lambda r, b: httpx.Response(200, json={"requestId": "r", "call": _call(3)}))
    call = mock_gong(rec).calls.get("7782342274025937003")
    assert call.title == "Call 3" and call.duration == 1800 and call.isPrivate is False
    assert rec.seen[0][:2] == ("GET", "/v2/calls/7782342274025937003")


def test_calls_get_missing_raises_not_found() -> None:
    g = mock_gong(lambda r: gong_error(404, "Call ID was not found", request_id="rX"))
    with pytest.raises(NotFoundError) as info:
        g.calls.get(123)
    assert info.value.request_id == "rX"
    with pytest.raises(NotFoundError):
        g.users.get("1")
    with pytest.raises(NotFoundError):
        g.users.settings_history("1")


def test_calls_add_sends_gongs_body() -> None:
    rec = Recorder(lambda r, b: httpx.Response(200, json={"requestId": "r", "callId": "7782342274025937895"}))
    g = mock_gong(rec)
    created = g.calls.add(
        client_unique_id="pbx-1",
        actual_start=datetime(2024, 1, 17, 16, 20, 5, tzinfo=UTC),
        direction="Outbound",
        primary_user=234599484848423,
        parties=[
            CallParticipant(userId="234599484848423", partyId="1", name="Rep"),
            CallParticipant(emailAddress="buyer@example.com", partyId="2", phoneNumber="+14255552671"),
        ],
        title="Discovery",
        duration=312.5,
        speakers_timeline=SpeakersTimeline(
            precise=True, speechSegments=[SpeechSegment(fromTime=0, toTime=1500, partyIds=["1"])]
        ),
        workspace_id="623457276584334",
    )
    assert created.callId == "7782342274025937895"
    method, path, _, body = rec.seen[0]
    assert (method, path) == ("POST", "/v2/calls")
    assert body == {
        "clientUniqueId": "pbx-1",
        "actualStart": "2024-01-17T16:20:05Z",
        "direction": "Outbound",
        "primaryUser": "234599484848423",
        "parties": [
            {"userId": "234599484848423", "partyId": "1", "name": "Rep"},
            {"emailAddress": "buyer@example.com", "partyId": "2", "phoneNumber": "+14255552671"},
        ],
        "title": "Discovery",
        "duration": 312.5,
        "speakersTimeline": {"precise": True, "speechSegments": [{"fromTime": 0, "toTime": 1500, "partyIds": ["1"]}]},
        "workspaceId": "623457276584334",
    }
    assert g.calls.create == g.calls.add


def test_calls_add_needs_a_party() -> None:
    g = mock_gong(lambda r: httpx.Response(200, json={}))
    with pytest.raises(ValueError, match="parties"):
        g.calls.add(client_unique_id="x", actual_start="2024-01-01", direction="Inbound", parties=[], primary_user="1")


def test_calls_add_recording_uploads_multipart(tmp_path: Path) -> None:
    uploads: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        uploads.append(request.read())
        assert request.method == "PUT" and request.url.path == "/v2/calls/77/media"
        assert request.headers["content-type"].startswith("multipart/form-data")
        return httpx.Response(201, json={"requestId": "r", "callId": "77", "url": "https://app.gong.io/call?id=77"})

    g = mock_gong(handler)
    media = tmp_path / "talk.mp3"
    media.write_bytes(b"ID3-mp3-bytes")
    assert g.calls.add_recording("77", media).url == "https://app.gong.io/call?id=77"
    g.calls.add_recording(77, b"raw-bytes", filename="x.wav", content_type="audio/wav")
    g.calls.add_recording(77, io.BytesIO(b"stream-bytes"))
    assert b'name="mediaFile"; filename="talk.mp3"' in uploads[0] and b"ID3-mp3-bytes" in uploads[0]
    assert b'filename="x.wav"' in uploads[1] and b"audio/wav" in uploads[1]
    assert b"stream-bytes" in uploads[2]


# --- calls.extensive / transcripts: cursor in the body --------------------------------------------------


EXTENSIVE_CALL = {
    "metaData": _call(1),
    "context": [
        {
            "system": "Salesforce",
            "objects": [
                {
                    "objectType": "Opportunity",
                    "objectId": "0013601230sV7grAAC",
                    "timing": "Now",
                    "fields": [{"name": "Amount", "value": 12000.5}],
                }
            ],
        }
    ],
    "parties": [
        {
            "id": "56825452554556",
            "emailAddress": "test@test.com",
            "name": "Test User",
            "userId": "234599484848423",
            "speakerId": "6432345678555530067",
            "affiliation": "Internal",
            "methods": ["Invitee", "Attendee"],
            "context": [{"system": "Salesforce", "objects": [{"objectType": "Contact", "objectId": "003x"}]}],
        }
    ],
    "content": {
        "structure": [{"name": "Intro", "duration": 120}],
        "topics": [{"name": "Pricing", "duration": 86}],
        "trackers": [
            {
                "id": "56",
                "name": "Competitors",
                "count": 2,
                "type": "KEYWORD",
                "occurrences": [{"startTime": 32.56, "speakerId": "6432345678555530067"}],
                "phrases": [{"count": 1, "phrase": "Acme", "occurrences": [{"startTime": 32.56}]}],
            }
        ],
        "brief": "They talked.",
        "outline": [
            {"section": "Intro", "startTime": 0.5, "duration": 60.0, "items": [{"text": "hi", "startTime": 1}]}
        ],
        "highlights": [{"title": "Next steps", "items": [{"text": "send deck", "startTimes": [120.5]}]}],
        "callOutcome": {"id": "1", "category": "Answered", "name": "Meeting booked"},
        "keyPoints": [{"text": "Budget approved"}],
        "pointsOfInterest": {"actionItems": [{"snippet": "I'll send it", "speakerID": "1", "snippetStartTime": 3}]},
    },
    "interaction": {
        "speakers": [{"id": "56825452554556", "userId": "234599484848423", "talkTime": 40.5}],
        "interactionStats": [{"name": "Interactivity", "value": 5.6}],
        "video": [{"name": "Browser", "duration": 218}],
        "questions": {"companyCount": 5, "nonCompanyCount": 2},
    },
    "collaboration": {
        "publicComments": [
            {
                "id": "6843152929075440037",
                "audioStartTime": 26,
                "audioEndTime": 26,
                "commenterUserId": "234599484848423",
                "comment": "new comment",
                "posted": "2018-02-19T05:23:00Z",
                "duringCall": False,
            }
        ]
    },
    "media": {"audioUrl": "https://media/a.mp3", "videoUrl": "https://media/v.mp4"},
}


def _two_pages_by_body(item_key: str, item: dict[str, Any]) -> Callable[[httpx.Request, Any], httpx.Response]:
    def answer(request: httpx.Request, body: Any) -> httpx.Response:
        first = "cursor" not in (body or {}) and "cursor" not in request.url.params
        return httpx.Response(
            200,
            json={
                "requestId": "r",
                "records": _records(2, 1, 0 if first else 1, "next-page" if first else None),
                item_key: [item],
            },
        )

    return answer


def test_calls_extensive_sends_filter_selector_and_body_cursor() -> None:
    rec = Recorder(_two_pages_by_body("calls", EXTENSIVE_CALL))
    g = mock_gong(rec)
    selector = ContentSelector(
        context="Extended",
        contextTiming=["Now", "TimeOfCall"],
        exposedFields=ExposedFields(
            parties=True,
            content=ExposedContent(trackers=True, brief=True, keyPoints=True),
            interaction=ExposedInteraction(speakers=True),
            media=True,
        ),
    )
    calls = list(
        g.calls.extensive(
            from_date_time="2024-01-01T00:00:00Z",
            call_ids=["1", 2, "1"],
            primary_user_ids="234599484848423",
            content_selector=selector,
        )
    )
    assert len(calls) == 2 and all(isinstance(c, CallData) for c in calls)
    first_body, second_body = rec.seen[0][3], rec.seen[1][3]
    assert first_body == {
        "filter": {
            "fromDateTime": "2024-01-01T00:00:00Z",
            "callIds": ["1", "2"],
            "primaryUserIds": ["234599484848423"],
        },
        "contentSelector": {
            "context": "Extended",
            "contextTiming": ["Now", "TimeOfCall"],
            "exposedFields": {
                "parties": True,
                "content": {"trackers": True, "brief": True, "keyPoints": True},
                "interaction": {"speakers": True},
                "media": True,
            },
        },
    }
    assert second_body == {**first_body, "cursor": "next-page"}
    assert rec.seen[1][2] == {}  # not in the query

    c = calls[0]
    assert c.metaData.id == "7782342274025937001"
    assert c.context and c.context[0].objects and c.context[0].objects[0].fields
    assert c.context[0].objects[0].fields[0].value == 12000.5
    assert (
        c.parties
        and c.parties[0].speakerId == "6432345678555530067"
        and c.parties[0].methods == ["Invitee", "Attendee"]
    )
    assert c.content and c.content.trackers and c.content.trackers[0].occurrences
    assert c.content.trackers[0].occurrences[0].startTime == 32.56
    assert c.content.callOutcome and c.content.callOutcome.name == "Meeting booked"
    assert c.content.pointsOfInterest and c.content.pointsOfInterest.actionItems
    assert c.interaction and c.interaction.questions and c.interaction.questions.companyCount == 5
    assert c.collaboration and c.collaboration.publicComments
    assert c.collaboration.publicComments[0].posted == datetime(2018, 2, 19, 5, 23, tzinfo=UTC)
    assert c.media and c.media.videoUrl == "https://media/v.mp4"


def test_calls_extensive_without_filters_sends_an_empty_filter() -> None:
    rec = Recorder(_two_pages_by_body("calls", EXTENSIVE_CALL))
    mock_gong(rec).calls.extensive().first_page()
    assert rec.seen[0][3] == {"filter": {}}


def test_calls_transcripts() -> None:
    transcript = {
        "callId": "7782342274025937895",
        "transcript": [
            {
                "speakerId": "6432345678555530067",
                "topic": "Objections",
                "sentences": [
                    {"start": 460230, "end": 462343, "text": "No wait, I think we should check that out first."}
                ],
            }
        ],
    }
    rec = Recorder(_two_pages_by_body("callTranscripts", transcript))
    items = list(mock_gong(rec).calls.transcripts(call_ids=[7782342274025937895], to_date_time="2024-02-01"))
    assert all(isinstance(t, CallTranscript) for t in items) and len(items) == 2
    assert items[0].transcript and items[0].transcript[0].sentences
    assert items[0].transcript[0].sentences[0].start == 460230
    assert rec.seen[0][1] == "/v2/calls/transcript"
    assert rec.seen[0][3] == {"filter": {"toDateTime": "2024-02-01T00:00:00Z", "callIds": ["7782342274025937895"]}}
    assert rec.seen[1][3]["cursor"] == "next-page"


# --- users / settings ---------------------------------------------------------------------------------

USER = {
    "id": "234599484848423",
    "emailAddress": "test@test.com",
    "created": "2018-02-17T02:30:00-08:00",
    "active": True,
    "emailAliases": ["testAlias@test.com"],
    "firstName": "Jon",
    "lastName": "Snow",
    "settings": {"webConferencesRecorded": True, "emailsImported": False},
    "managerId": "563515258458745",
    "spokenLanguages": [{"language": "es-ES", "primary": True}],
}


def test_users_list_and_extensive() -> None:
    rec = Recorder(
        lambda r, b: httpx.Response(200, json={"requestId": "r", "records": _records(1, 1, 0, None), "users": [USER]})
    )
    g = mock_gong(rec)
    (user,) = list(g.users.list(include_avatars=True))
    assert isinstance(user, User) and user.firstName == "Jon"
    assert user.settings and user.settings.webConferencesRecorded is True
    assert user.spokenLanguages and user.spokenLanguages[0].primary
    assert rec.seen[0][:3] == ("GET", "/v2/users", {"includeAvatars": "true"})
    list(g.users.list())
    assert rec.seen[1][2] == {}
    list(
        g.users.extensive(
            user_ids=["234599484848423"], created_from_date_time="2018-01-01", created_to_date_time="2019-01-01"
        )
    )
    assert rec.seen[2][:2] == ("POST", "/v2/users/extensive")
    assert rec.seen[2][3] == {
        "filter": {
            "createdFromDateTime": "2018-01-01T00:00:00Z",
            "createdToDateTime": "2019-01-01T00:00:00Z",
            "userIds": ["234599484848423"],
        }
    }


def test_users_extensive_body_cursor() -> None:
    rec = Recorder(_two_pages_by_body("users", USER))
    assert len(list(mock_gong(rec).users.extensive())) == 2
    assert rec.seen[1][3] == {"filter": {}, "cursor": "next-page"}


def test_users_get_and_settings_history() -> None:
    def answer(request: httpx.Request, body: Any) -> httpx.Response:
        if request.url.path.endswith("/settings-history"):
            history = [{"setting": "webConferencesRecorded", "value": True, "time": "2020-01-01T00:00:00Z"}]
            return httpx.Response(200, json={"requestId": "r", "userSettingsHistory": history})
        return httpx.Response(200, json={"requestId": "r", "user": USER})

    g = mock_gong(Recorder(answer))
    assert g.users.get(234599484848423).managerId == "563515258458745"
    (change,) = g.users.settings_history("234599484848423")
    assert isinstance(change, UserSettingsHistory) and change.value is True
    assert change.time == datetime(2020, 1, 1, tzinfo=UTC)


def test_settings_workspaces() -> None:
    answer = {"requestId": "r", "workspaces": [{"id": "623457276584334", "name": "Sales", "description": "x"}]}
    (ws,) = mock_gong(lambda r: httpx.Response(200, json=answer)).settings.workspaces()
    assert isinstance(ws, Workspace) and ws.name == "Sales" and ws.model_extra == {"description": "x"}


def test_page_parse_without_records() -> None:
    page = Page.parse({"requestId": "r", "users": [USER]}, "users", User)
    assert page.records.cursor is None and len(page) == 1


# --- async surface ------------------------------------------------------------------------------------


def test_async_resources() -> None:
    async def main() -> None:
        rec = Recorder(_three_pages_by_query)
        g = mock_async_gong(rec)
        titles = [c.title async for c in g.calls.list(from_date_time="2024-01-01")]
        assert titles == [f"Call {i}" for i in range(5)]
        assert [p.records.currentPageNumber async for p in g.calls.list().pages()] == [0, 1, 2]
        assert (await g.calls.list().first_page()).next_cursor == "c1"
        assert len(await g.calls.list(cursor="c2").to_list()) == 1

        ext = mock_async_gong(Recorder(_two_pages_by_body("calls", EXTENSIVE_CALL)))
        items = [c async for c in ext.calls.extensive(content_selector=ContentSelector(context="Basic"))]
        assert len(items) == 2 and isinstance(items[0], CallData)

        tr = mock_async_gong(Recorder(_two_pages_by_body("callTranscripts", {"callId": "1", "transcript": []})))
        assert [t.callId async for t in tr.calls.transcripts(call_ids="1")] == ["1", "1"]

        users = mock_async_gong(Recorder(_two_pages_by_body("users", USER)))
        assert len([u async for u in users.users.extensive(user_ids=["1"])]) == 2
        assert len([u async for u in users.users.list()]) == 2

        one = mock_async_gong(
            lambda r: httpx.Response(
                200,
                json={
                    "requestId": "r",
                    "call": _call(9),
                    "user": USER,
                    "callId": "5",
                    "workspaces": [{"id": "1", "name": "W"}],
                    "userSettingsHistory": [],
                },
            )
        )
        assert (await one.calls.get("9")).title == "Call 9"
        assert (await one.users.get("1")).lastName == "Snow"
        assert await one.users.settings_history("1") == []
        assert (await one.settings.workspaces())[0].name == "W"
        created = await one.calls.create(
            client_unique_id="u",
            actual_start="2024-01-01T10:00:00+02:00",
            direction="Inbound",
            parties=[CallParticipant(userId="1")],
            primary_user="1",
        )
        assert created.callId == "5"
        rec_media = await one.calls.add_recording("5", b"bytes")
        assert rec_media.callId == "5"

        empty = mock_async_gong(lambda r: gong_error(404, "No calls found for the specified period"))
        assert [c async for c in empty.calls.list()] == []
        with pytest.raises(NotFoundError):
            await empty.calls.get("1")

    asyncio.run(main())
