"""Receiving a CRM upload: the ``dataFile`` part of a multipart body, streamed to a file as it arrives.

The body is parsed as it comes (python-multipart's streaming parser) and the file part's bytes go straight to a
file, so an upload never sits whole in memory. Two limits are enforced on those bytes as they are written, each a
413 the moment it is passed: the file's size (``max_crm_upload_bytes``, Gong's 200 MB) and the length of one line
(``MAX_LINE_BYTES``), so the job that reads the file later never holds more than a line.

Files wait in ``<data dir>/crm-uploads`` (:class:`UploadStore`) until their job has read them, and are removed
then: the personal data they carry lives on only in the objects stored from them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import anyio.to_thread
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from gongkit.kernel.errors import InvalidRequest, PayloadTooLarge

FIELD = "dataFile"
MAX_PARTS = 20
MAX_LINE_BYTES = 1024 * 1024  # one object of an upload


class UploadStore:
    """Upload files by key, under one folder: received into ``incoming/``, kept as ``<key>.ldjson``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def incoming(self) -> Path:
        folder = self.root / "incoming"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{uuid.uuid4().hex}.part"

    def adopt(self, incoming: Path) -> str:
        """Keep a received file; returns its key."""
        key = f"{uuid.uuid4().hex}.ldjson"
        os.replace(incoming, self.root / key)
        return key

    def lines(self, key: str) -> Iterator[bytes]:
        """The file's lines (without their line ends)."""
        with open(self.root / key, "rb") as fh:
            for raw in fh:
                yield raw.rstrip(b"\r\n")

    def exists(self, key: str) -> bool:
        return (self.root / key).is_file()

    def remove(self, key: str) -> None:
        (self.root / key).unlink(missing_ok=True)

    @staticmethod
    def discard(path: Path) -> None:
        path.unlink(missing_ok=True)


@dataclass
class Received:
    path: Path
    size: int
    lines: int
    filename: str


class _Parts:
    """The parser's callbacks: which part is being read, and the file part's pending bytes."""

    def __init__(self) -> None:
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
        if options.get(b"name") != FIELD.encode():
            return
        if b"filename" not in options:
            self.text_field_seen = True
        elif not self.file_seen:  # a second dataFile part is ignored
            self.in_file = self.file_seen = True
            self.filename = options[b"filename"].decode("utf-8", "replace")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.in_file:
            self.pending.append(data[start:end])

    def on_part_end(self) -> None:
        self.in_file = False


class _LineCounter:
    """Counts lines as bytes pass, refusing one longer than the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.current = 0
        self.lines = 0

    def feed(self, chunk: bytes) -> None:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            length = (len(chunk) if end < 0 else end) - start
            self.current += length
            if self.current > self.limit:
                raise PayloadTooLarge(f"{FIELD}: line {self.lines + 1} is longer than the limit ({self.limit} bytes)")
            if end < 0:
                return
            self.lines += 1
            self.current = 0
            start = end + 1

    def finish(self) -> int:
        return self.lines + (1 if self.current else 0)


async def receive_data_file(
    chunks: AsyncIterator[bytes], content_type: str | None, store: UploadStore, limit: int, line_limit: int
) -> Received:
    """Write the body's ``dataFile`` part to a new incoming file of ``store``.

    400 when the body has no such file part or it is empty; 413 past ``limit`` bytes or past ``line_limit`` bytes
    on one line. The file is discarded on any failure.
    """
    kind, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise InvalidRequest(f"{FIELD}: is required (multipart/form-data file field)")
    parts = _Parts()
    parser = MultipartParser(boundary, {k: getattr(parts, k) for k in _CALLBACKS})  # type: ignore[arg-type]
    counter = _LineCounter(line_limit)
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
                    for piece in parts.pending:
                        size += len(piece)
                        if size > limit:
                            raise PayloadTooLarge(f"{FIELD}: the file is larger than the limit ({limit} bytes)")
                        counter.feed(piece)
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
    return Received(path, size, counter.finish(), parts.filename)


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
