"""Receiving one file field of a multipart body, streamed to a file as it arrives (recordings, CRM uploads).

The body is parsed as it comes (python-multipart's streaming parser); the file part's bytes go straight to the
file, so an upload never sits whole in memory, and the size limit is enforced on the file's bytes as they are
written (413 as soon as it is passed). A caller may look at every piece on its way (``inspect``: e.g. a line
length limit); anything it raises ends the upload like the limit does.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import anyio.to_thread
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from gongkit.kernel.errors import InvalidRequest, PayloadTooLarge

MAX_PARTS = 20


@dataclass
class ReceivedFile:
    path: Path
    size: int
    filename: str  # as the client named it ("" when it did not)


class _Parts:
    """The parser's callbacks: which part is being read, and the file part's pending bytes."""

    def __init__(self, field: str) -> None:
        self.field = field.encode()
        self.header_field = self.header_value = self.disposition = b""
        self.parts = 0
        self.in_file = self.file_seen = self.text_field_seen = False
        self.filename = ""
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
        if options.get(b"name") != self.field:
            return
        if b"filename" not in options:
            self.text_field_seen = True
        elif not self.file_seen:  # a second part of the same field is ignored
            self.in_file = self.file_seen = True
            self.filename = options[b"filename"].decode("utf-8", "replace")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.in_file:
            self.pending.append(data[start:end])

    def on_part_end(self) -> None:
        self.in_file = False


_CALLBACKS = (
    "on_part_begin",
    "on_header_field",
    "on_header_value",
    "on_header_end",
    "on_headers_finished",
    "on_part_data",
    "on_part_end",
)


async def receive_file_part(
    chunks: AsyncIterator[bytes],
    content_type: str | None,
    *,
    field: str,
    path: Path,
    discard: Callable[[Path], None],
    limit: int,
    inspect: Callable[[bytes], None] | None = None,
) -> ReceivedFile:
    """Write the body's file part ``field`` to ``path``.

    400 when the body has no such file part (or a text field of that name) or the file is empty; 413 past
    ``limit`` bytes. On any failure the file is given to ``discard``.
    """
    kind, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise InvalidRequest(f"{field}: is required (multipart/form-data file field)")
    parts = _Parts(field)
    parser = MultipartParser(boundary, {k: getattr(parts, k) for k in _CALLBACKS})  # type: ignore[arg-type]
    size = 0
    try:
        with open(path, "wb") as fh:
            async for chunk in chunks:
                try:
                    parser.write(chunk)
                except FormParserError:
                    raise InvalidRequest(f"{field}: the multipart body is malformed") from None
                if parts.parts > MAX_PARTS:
                    raise InvalidRequest(f"the multipart body has more than {MAX_PARTS} parts")
                if parts.pending:
                    for piece in parts.pending:
                        size += len(piece)
                        if size > limit:
                            raise PayloadTooLarge(f"{field}: the file is larger than the limit ({limit} bytes)")
                        if inspect is not None:
                            inspect(piece)
                    await anyio.to_thread.run_sync(_write, fh, parts.pending)
                    parts.pending = []
            await anyio.to_thread.run_sync(_sync, fh)
        if not parts.file_seen:
            if parts.text_field_seen:
                raise InvalidRequest(f"{field}: must be a file part, not a text field")
            raise InvalidRequest(f"{field}: is required (multipart/form-data file field)")
        if size == 0:
            raise InvalidRequest(f"{field}: the file is empty")
    except Exception:
        await anyio.to_thread.run_sync(discard, path)
        raise
    except BaseException:  # cancelled: no awaiting any more
        discard(path)
        raise
    return ReceivedFile(path, size, parts.filename)


def _write(fh: BinaryIO, pieces: list[bytes]) -> None:
    fh.writelines(pieces)


def _sync(fh: BinaryIO) -> None:
    fh.flush()
    os.fsync(fh.fileno())
