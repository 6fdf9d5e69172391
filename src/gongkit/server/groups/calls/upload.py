"""Receiving a recording: the ``mediaFile`` part of a multipart body, streamed to a file as it arrives.

The body is parsed as it comes (python-multipart's streaming parser); the file part's bytes go straight to a
file in the media store's incoming folder, so an upload never sits whole in memory, and the media limit is
enforced on the file's bytes as they are written (413 as soon as it is passed).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

import anyio.to_thread
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from gongkit.db.media import MediaStore
from gongkit.kernel.errors import InvalidRequest, PayloadTooLarge

FIELD = "mediaFile"
MAX_PARTS = 20


class _Parts:
    """The parser's callbacks: which part is being read, and the file part's pending bytes."""

    def __init__(self) -> None:
        self.header_field = b""
        self.header_value = b""
        self.disposition = b""
        self.parts = 0
        self.in_file = False
        self.file_seen = False
        self.text_field_seen = False
        self.pending: list[bytes] = []

    def on_part_begin(self) -> None:
        self.parts += 1
        self.disposition = b""
        self.in_file = False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        if self.header_field.lower() == b"content-disposition":
            self.disposition = self.header_value
        self.header_field = self.header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.disposition)
        if options.get(b"name") != FIELD.encode():
            return
        if b"filename" not in options:
            self.text_field_seen = True
        elif not self.file_seen:  # a second mediaFile part is ignored
            self.in_file = self.file_seen = True

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.in_file:
            self.pending.append(data[start:end])

    def on_part_end(self) -> None:
        self.in_file = False


async def receive_media_file(
    chunks: AsyncIterator[bytes], content_type: str | None, store: MediaStore, limit: int
) -> tuple[Path, int]:
    """Write the body's ``mediaFile`` part to a new incoming file of ``store``: (its path, its size).

    400 when the body has no such file part; 413 past ``limit`` bytes. The file is discarded on any failure.
    """
    kind, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise InvalidRequest(f"{FIELD}: is required (multipart/form-data file field)")
    parts = _Parts()
    parser = MultipartParser(boundary, {k: getattr(parts, k) for k in _CALLBACKS})  # type: ignore[arg-type]
    path = store.incoming()
    size = 0
    try:
        with open(path, "wb") as fh:
            async for chunk in chunks:
                try:
                    parser.write(chunk)
                except FormParserError:
                    raise InvalidRequest(f"{FIELD}: the multipart body is malformed") from None
                if parts.parts > MAX_PARTS:
                    raise InvalidRequest(f"the multipart body has more than {MAX_PARTS} parts")
                if parts.pending:
                    size += sum(len(p) for p in parts.pending)
                    if size > limit:
                        raise PayloadTooLarge(f"{FIELD}: the file is larger than the limit ({limit} bytes)")
                    await anyio.to_thread.run_sync(_write, fh, parts.pending)
                    parts.pending = []
            await anyio.to_thread.run_sync(_sync, fh)
        if not parts.file_seen:
            if parts.text_field_seen:
                raise InvalidRequest(f"{FIELD}: must be a file part, not a text field")
            raise InvalidRequest(f"{FIELD}: is required (multipart/form-data file field)")
        if size == 0:
            raise InvalidRequest(f"{FIELD}: the file is empty")
    except Exception:
        await anyio.to_thread.run_sync(store.discard, path)
        raise
    except BaseException:  # cancelled: no awaiting any more
        store.discard(path)
        raise
    return path, size


_CALLBACKS = (
    "on_part_begin",
    "on_header_field",
    "on_header_value",
    "on_header_end",
    "on_headers_finished",
    "on_part_data",
    "on_part_end",
)


def _write(fh: BinaryIO, pieces: list[bytes]) -> None:
    fh.writelines(pieces)


def _sync(fh: BinaryIO) -> None:
    fh.flush()
    os.fsync(fh.fileno())
