"""Recordings: storing an uploaded file for a call (``PUT /v2/calls/{id}/media``) and finding one to serve."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    delete,
    insert,
    select,
    update,
)

from gongkit.db.media import MediaStore
from gongkit.db.rows import refresh_basic_json
from gongkit.db.schema import (
    call_media,
    calls,
)
from gongkit.kernel.clock import Clock
from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.ids import new_id
from gongkit.server.groups.calls.media_formats import MediaFacts, MediaRejected, recognise
from gongkit.server.groups.calls.queries import CALL_NOT_FOUND

# --- recordings ----------------------------------------------------------------------------------------------


def recording_target(conn: Connection, company_id: int, call_id: int) -> None:
    """A 400 unless the company has the call and the call takes an upload (checked before the upload is read)."""
    row = conn.execute(
        select(calls.c.download_media_url).where(calls.c.company_id == company_id, calls.c.id == call_id)
    ).first()
    if row is None:
        raise InvalidRequest(f"id: {CALL_NOT_FOUND}")
    if row.download_media_url is not None:
        raise InvalidRequest(f"id: call {call_id} was added with a downloadMediaUrl, so its media is not uploaded")


def recognise_upload(path: Path) -> MediaFacts:
    """What the received file is (:func:`~.media_formats.recognise`), or a 400 saying why it is refused."""
    try:
        return recognise(path)
    except MediaRejected as exc:
        raise InvalidRequest(str(exc)) from None


@dataclass(frozen=True)
class RecordingAdded:
    """The answer, the file just stored, and the files of the recording it replaced (delete them after commit)."""

    body: dict[str, Any]
    stored_key: str
    replaced_keys: tuple[str, ...]


def add_recording(
    conn: Connection,
    clock: Clock,
    store: MediaStore,
    *,
    company_id: int,
    call_id: int,
    incoming: Path,
    size: int,
    facts: MediaFacts,
    fetched: bool = False,
) -> RecordingAdded:
    """``PUT /v2/calls/{id}/media``: store the recording of a call added through the API.

    ``incoming`` is the received file (in ``store``), ``facts`` what it was recognised as: the stored content
    type and kind come from them, never from what the client said. A second upload for the same call replaces
    the first (so a retry after a lost answer succeeds). A call added with a ``downloadMediaUrl`` takes no
    upload, as Gong documents; ``fetched``: the file was fetched from that URL (:mod:`.fetch_worker`), which is how
    such a call gets its recording. The caller deletes ``stored_key`` if its transaction does not commit, and
    ``replaced_keys`` once it has.
    """
    if not fetched:
        recording_target(conn, company_id, call_id)
    url = conn.execute(select(calls.c.url).where(calls.c.id == call_id)).scalar_one()
    old = conn.execute(
        select(call_media.c.id, call_media.c.storage_key).where(
            call_media.c.company_id == company_id, call_media.c.call_id == call_id
        )
    ).all()
    media_id = new_id()
    key = store.adopt(incoming, company_id, call_id, media_id)
    try:
        if old:
            conn.execute(delete(call_media).where(call_media.c.id.in_([o.id for o in old])))
        conn.execute(
            insert(call_media).values(
                id=media_id,
                call_id=call_id,
                company_id=company_id,
                kind=facts.kind,
                storage_key=key,
                content_type=facts.content_type,
                size=size,
                created_ms=clock.now_ms(),
                format=facts.format,
                duration_ms=facts.duration_ms,
                channels=facts.channels,
            )
        )
        media = "Video" if facts.kind == "video" else "Audio"
        conn.execute(update(calls).where(calls.c.id == call_id).values(media=media))
        refresh_basic_json(conn, call_id)
    except Exception:
        store.delete(key)
        raise
    return RecordingAdded(
        body={"callId": str(call_id), "url": url},
        stored_key=key,
        replaced_keys=tuple(o.storage_key for o in old),
    )


@dataclass(frozen=True)
class MediaFile:
    """A stored recording, as the media link serves it."""

    storage_key: str
    content_type: str
    size: int
    call_id: int
    kind: str
    format: str | None

    @property
    def download_name(self) -> str:
        """A safe file name for ``Content-Disposition``: digits, the kind and the format's extension only."""
        extension = self.format or ("mp4" if self.kind == "video" else "mp3")
        return f"call-{self.call_id}-{self.kind}.{extension}"


def find_media(conn: Connection, company_id: int, media_id: int) -> MediaFile | None:
    c = call_media.c
    row = conn.execute(
        select(c.storage_key, c.content_type, c.size, c.call_id, c.kind, c.format).where(
            c.company_id == company_id, c.id == media_id
        )
    ).first()
    if row is None:
        return None
    return MediaFile(row.storage_key, row.content_type, int(row.size), int(row.call_id), row.kind, row.format)
