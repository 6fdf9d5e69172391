"""Receiving a recording: the ``mediaFile`` part of a multipart body, streamed into the media store's incoming
folder as it arrives (:func:`gongkit.server.core.multipart.receive_file_part`), with the media limit enforced on
the file's bytes as they are written."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from gongkit.db.media import MediaStore
from gongkit.server.core.multipart import receive_file_part

FIELD = "mediaFile"


async def receive_media_file(
    chunks: AsyncIterator[bytes], content_type: str | None, store: MediaStore, limit: int
) -> tuple[Path, int]:
    """Write the body's ``mediaFile`` part to a new incoming file of ``store``: (its path, its size).

    400 when the body has no such file part; 413 past ``limit`` bytes. The file is discarded on any failure.
    """
    received = await receive_file_part(
        chunks, content_type, field=FIELD, path=store.incoming(), discard=store.discard, limit=limit
    )
    return received.path, received.size
