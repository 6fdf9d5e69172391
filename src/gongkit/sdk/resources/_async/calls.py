"""The calls group: ``client.calls``.

============================  =================================  ==========================================
method                        Gong operation                     returns
============================  =================================  ==========================================
``list(...)``                 ``GET /v2/calls`` (listCalls)      pager of :class:`CallBasicData`
``get(id)``                   ``GET /v2/calls/{id}``             :class:`CallBasicData` (404: NotFoundError)
``add(...)`` / ``create``     ``POST /v2/calls`` (addCall)       :class:`NewCallAddingResponse`
``add_recording(id, file)``   ``PUT /v2/calls/{id}/media``       :class:`NewCallRecordingResponse`
``extensive(...)``            ``POST /v2/calls/extensive``       pager of :class:`CallData`
``transcripts(...)``          ``POST /v2/calls/transcript``      pager of :class:`CallTranscript`
``outcomes()``                ``GET /v2/call-outcomes``          ``list`` of :class:`CallOutcomeOption`
============================  =================================  ==========================================

Date-time bounds: ``from_date_time`` is inclusive, ``to_date_time`` exclusive; both take an aware ``datetime``
(naive = UTC), a ``date`` or an ISO-8601 string.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import (
    DateTimeInput,
    drop_none,
    dump_model,
    dump_models,
    format_datetime,
    id_list,
    optional_datetime,
    path_segment,
)
from gongkit.types.calls import (
    CallBasicData,
    CallData,
    CallParticipant,
    CallTranscript,
    CallUploadContext,
    ContentSelector,
    Direction,
    FlowContext,
    NewCallAddingResponse,
    NewCallRecordingResponse,
    SpeakersTimeline,
)
from gongkit.types.tasks import CallOutcomeOption

__all__ = ["AsyncCalls", "MediaInput"]

MediaInput = str | os.PathLike[str] | bytes | IO[bytes]
"""A recording: a file path, the bytes, or a binary file object (WAV, MP3, MP4, MKV, FLAC; up to 1.5 GB)."""

Ids = str | int | Iterable[str | int]


def _list_params(
    from_date_time: DateTimeInput | None, to_date_time: DateTimeInput | None, workspace_id: str | int | None
) -> dict[str, Any]:
    return drop_none(
        {
            "fromDateTime": optional_datetime(from_date_time),
            "toDateTime": optional_datetime(to_date_time),
            "workspaceId": None if workspace_id is None else str(workspace_id),
        }
    )


def _add_body(
    *,
    client_unique_id: str,
    actual_start: DateTimeInput,
    direction: Direction,
    parties: Sequence[CallParticipant],
    primary_user: str | int,
    title: str | None,
    purpose: str | None,
    scheduled_start: DateTimeInput | None,
    scheduled_end: DateTimeInput | None,
    duration: float | None,
    disposition: str | None,
    context: Sequence[CallUploadContext] | None,
    custom_data: str | None,
    speakers_timeline: SpeakersTimeline | None,
    meeting_url: str | None,
    call_provider_code: str | None,
    download_media_url: str | None,
    workspace_id: str | int | None,
    language_code: str | None,
    flow_context: FlowContext | None,
) -> dict[str, Any]:
    if not parties:
        raise ValueError("parties must hold at least one party (one of them for the primary user)")
    return drop_none(
        {
            "clientUniqueId": client_unique_id,
            "actualStart": format_datetime(actual_start),
            "direction": direction,
            "parties": dump_models(parties),
            "primaryUser": str(primary_user),
            "title": title,
            "purpose": purpose,
            "scheduledStart": optional_datetime(scheduled_start),
            "scheduledEnd": optional_datetime(scheduled_end),
            "duration": duration,
            "disposition": disposition,
            "context": dump_models(context),
            "customData": custom_data,
            "speakersTimeline": None if speakers_timeline is None else dump_model(speakers_timeline),
            "meetingUrl": meeting_url,
            "callProviderCode": call_provider_code,
            "downloadMediaUrl": download_media_url,
            "workspaceId": None if workspace_id is None else str(workspace_id),
            "languageCode": language_code,
            "flowContext": None if flow_context is None else dump_model(flow_context),
        }
    )


def _calls_filter(
    from_date_time: DateTimeInput | None,
    to_date_time: DateTimeInput | None,
    workspace_id: str | int | None,
    call_ids: Ids | None,
) -> dict[str, Any]:
    return drop_none(
        {
            "fromDateTime": optional_datetime(from_date_time),
            "toDateTime": optional_datetime(to_date_time),
            "workspaceId": None if workspace_id is None else str(workspace_id),
            "callIds": id_list(call_ids),
        }
    )


def _extensive_body(
    from_date_time: DateTimeInput | None,
    to_date_time: DateTimeInput | None,
    workspace_id: str | int | None,
    call_ids: Ids | None,
    primary_user_ids: Ids | None,
    content_selector: ContentSelector | None,
) -> dict[str, Any]:
    filt = _calls_filter(from_date_time, to_date_time, workspace_id, call_ids)
    owners = id_list(primary_user_ids)
    if owners is not None:
        filt["primaryUserIds"] = owners
    body: dict[str, Any] = {"filter": filt}
    if content_selector is not None:
        body["contentSelector"] = dump_model(content_selector)
    return body


@contextmanager
def _media_files(media_file: MediaInput, filename: str | None, content_type: str | None) -> Iterator[dict[str, Any]]:
    """The multipart ``mediaFile`` part; a path is opened here and closed after the upload."""
    if isinstance(media_file, str | os.PathLike):
        path = Path(media_file)
        with path.open("rb") as fh:
            yield {"mediaFile": _part(filename or path.name, fh, content_type)}
        return
    if isinstance(media_file, bytes):
        yield {"mediaFile": _part(filename or "recording", media_file, content_type)}
        return
    name = filename or Path(str(getattr(media_file, "name", "") or "recording")).name
    yield {"mediaFile": _part(name, media_file, content_type)}


def _part(name: str, data: bytes | IO[bytes], content_type: str | None) -> tuple[Any, ...]:
    return (name, data) if content_type is None else (name, data, content_type)


class AsyncCalls(AsyncAPIResource):
    """Calls: list, get, add (with a recording), the extensive view, transcripts."""

    def list(
        self,
        *,
        from_date_time: DateTimeInput | None = None,
        to_date_time: DateTimeInput | None = None,
        workspace_id: str | int | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[CallBasicData]:
        """Calls in ``[from_date_time, to_date_time)``, optionally of one workspace; ``cursor`` resumes a listing.

        For web conferences Gong recorded, the date compared is the scheduled time, else the start time.
        """
        return self._client._paginate(
            "GET",
            "/v2/calls",
            item_key="calls",
            model=CallBasicData,
            params=_list_params(from_date_time, to_date_time, workspace_id),
            cursor=cursor,
        )

    async def get(self, id: str | int) -> CallBasicData:
        """One call's metadata; :class:`~gongkit.sdk.errors.NotFoundError` if there is no such call."""
        body = await self._client.request("GET", f"/v2/calls/{path_segment(id)}")
        return CallBasicData.model_validate(body.get("call") or {})

    async def outcomes(self) -> builtins.list[CallOutcomeOption]:
        """The call outcomes a rep can pick at the end of a call, in their display order."""
        body = await self._client.request("GET", "/v2/call-outcomes")
        return [CallOutcomeOption.model_validate(x) for x in body.get("outcomes") or []]

    async def add(
        self,
        *,
        client_unique_id: str,
        actual_start: DateTimeInput,
        direction: Direction,
        parties: Sequence[CallParticipant],
        primary_user: str | int,
        title: str | None = None,
        purpose: str | None = None,
        scheduled_start: DateTimeInput | None = None,
        scheduled_end: DateTimeInput | None = None,
        duration: float | None = None,
        disposition: str | None = None,
        context: Sequence[CallUploadContext] | None = None,
        custom_data: str | None = None,
        speakers_timeline: SpeakersTimeline | None = None,
        meeting_url: str | None = None,
        call_provider_code: str | None = None,
        download_media_url: str | None = None,
        workspace_id: str | int | None = None,
        language_code: str | None = None,
        flow_context: FlowContext | None = None,
    ) -> NewCallAddingResponse:
        """Add a call (``addCall``). ``parties`` must include the primary user. Give ``download_media_url``, or
        upload the recording afterwards with :meth:`add_recording`. Gong refuses a second call with the same
        ``client_unique_id`` (409, :class:`~gongkit.sdk.errors.ConflictError`)."""
        body = _add_body(
            client_unique_id=client_unique_id,
            actual_start=actual_start,
            direction=direction,
            parties=parties,
            primary_user=primary_user,
            title=title,
            purpose=purpose,
            scheduled_start=scheduled_start,
            scheduled_end=scheduled_end,
            duration=duration,
            disposition=disposition,
            context=context,
            custom_data=custom_data,
            speakers_timeline=speakers_timeline,
            meeting_url=meeting_url,
            call_provider_code=call_provider_code,
            download_media_url=download_media_url,
            workspace_id=workspace_id,
            language_code=language_code,
            flow_context=flow_context,
        )
        return NewCallAddingResponse.model_validate(await self._client.request("POST", "/v2/calls", json=body))

    create = add

    async def add_recording(
        self,
        id: str | int,
        media_file: MediaInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> NewCallRecordingResponse:
        """Upload the recording of a call added without ``download_media_url`` (``addCallRecording``)."""
        with _media_files(media_file, filename, content_type) as files:
            body = await self._client.request("PUT", f"/v2/calls/{path_segment(id)}/media", files=files)
        return NewCallRecordingResponse.model_validate(body)

    def extensive(
        self,
        *,
        from_date_time: DateTimeInput | None = None,
        to_date_time: DateTimeInput | None = None,
        workspace_id: str | int | None = None,
        call_ids: Ids | None = None,
        primary_user_ids: Ids | None = None,
        content_selector: ContentSelector | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[CallData]:
        """Calls with the blocks ``content_selector`` asks for (parties, content, interaction, collaboration,
        media, context), filtered by start time, workspace, call ids and hosts (``primary_user_ids``)."""
        return self._client._paginate(
            "POST",
            "/v2/calls/extensive",
            item_key="calls",
            model=CallData,
            json=_extensive_body(
                from_date_time, to_date_time, workspace_id, call_ids, primary_user_ids, content_selector
            ),
            cursor=cursor,
        )

    def transcripts(
        self,
        *,
        call_ids: Ids | None = None,
        from_date_time: DateTimeInput | None = None,
        to_date_time: DateTimeInput | None = None,
        workspace_id: str | int | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[CallTranscript]:
        """Transcripts of the calls that match every filter given (ids *and* period *and* workspace)."""
        return self._client._paginate(
            "POST",
            "/v2/calls/transcript",
            item_key="callTranscripts",
            model=CallTranscript,
            json={"filter": _calls_filter(from_date_time, to_date_time, workspace_id, call_ids)},
            cursor=cursor,
        )
