"""Recordings: storing an uploaded file for a call (``PUT /v2/calls/{id}/media``) and finding one to serve."""

from __future__ import annotations

from dataclasses import dataclass
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
from gongkit.server.groups.calls.queries import CALL_NOT_FOUND

# --- recordings ----------------------------------------------------------------------------------------------

MEDIA_EXTENSIONS = {"wav": "audio", "mp3": "audio", "flac": "audio", "mp4": "video", "mkv": "video"}
_CONTENT_TYPES = {
    "wav": "audio/wav",
    "mp3": "audio/mpeg",
    "flac": "audio/flac",
    "mp4": "video/mp4",
    "mkv": "video/x-matroska",
}


def media_kind(content_type: str | None, filename: str | None) -> str:
    """``audio`` or ``video`` for an upload, or a 400 when it is not a supported recording format."""
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    ext = (filename or "").rpartition(".")[2].lower() if filename and "." in filename else ""
    if ctype.startswith("audio/"):
        return "audio"
    if ctype.startswith("video/"):
        return "video"
    if ctype in ("application/octet-stream", "binary/octet-stream", "") and ext in MEDIA_EXTENSIONS:
        return MEDIA_EXTENSIONS[ext]
    raise InvalidRequest(
        "mediaFile: unsupported media type; send audio/* or video/* (WAV, MP3, MP4, MKV or FLAC), "
        "or application/octet-stream with a file name ending in one of those"
    )


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
    call_id: int | None,
    data: bytes,
    content_type: str | None,
    filename: str | None,
) -> RecordingAdded:
    """``PUT /v2/calls/{id}/media``: store the recording of a call added through the API.

    A second upload for the same call replaces the first (so a retry after a lost answer succeeds). A call
    added with a ``downloadMediaUrl`` takes no upload, as Gong documents. The caller deletes
    ``stored_key`` if its transaction does not commit, and ``replaced_keys`` once it has.
    """
    row = None
    if call_id is not None:
        row = conn.execute(
            select(calls.c.id, calls.c.url, calls.c.download_media_url).where(
                calls.c.company_id == company_id, calls.c.id == call_id
            )
        ).first()
    if row is None or call_id is None:
        raise InvalidRequest(f"id: {CALL_NOT_FOUND}")
    if row.download_media_url is not None:
        raise InvalidRequest(f"id: call {call_id} was added with a downloadMediaUrl, so its media is not uploaded")
    if not data:
        raise InvalidRequest("mediaFile: the file is empty")
    kind = media_kind(content_type, filename)
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if not ctype.startswith(("audio/", "video/")):
        ctype = _CONTENT_TYPES[(filename or "").rpartition(".")[2].lower()]
    old = conn.execute(
        select(call_media.c.id, call_media.c.storage_key).where(
            call_media.c.company_id == company_id, call_media.c.call_id == call_id
        )
    ).all()
    media_id = new_id()
    key = store.put(company_id, call_id, media_id, data)
    try:
        if old:
            conn.execute(delete(call_media).where(call_media.c.id.in_([o.id for o in old])))
        conn.execute(
            insert(call_media).values(
                id=media_id,
                call_id=call_id,
                company_id=company_id,
                kind=kind,
                storage_key=key,
                content_type=ctype,
                size=len(data),
                created_ms=clock.now_ms(),
            )
        )
        conn.execute(update(calls).where(calls.c.id == call_id).values(media="Video" if kind == "video" else "Audio"))
        refresh_basic_json(conn, call_id)
    except Exception:
        store.delete(key)
        raise
    return RecordingAdded(
        body={"callId": str(call_id), "url": row.url},
        stored_key=key,
        replaced_keys=tuple(o.storage_key for o in old),
    )


@dataclass(frozen=True)
class MediaFile:
    storage_key: str
    content_type: str
    size: int


def find_media(conn: Connection, company_id: int, media_id: int) -> MediaFile | None:
    row = conn.execute(
        select(call_media.c.storage_key, call_media.c.content_type, call_media.c.size).where(
            call_media.c.company_id == company_id, call_media.c.id == media_id
        )
    ).first()
    return None if row is None else MediaFile(row.storage_key, row.content_type, int(row.size))
