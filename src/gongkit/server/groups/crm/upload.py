"""Receiving a CRM upload: the ``dataFile`` part of a multipart body, streamed to a file as it arrives.

The file part streams to disk as it arrives (:func:`gongkit.server.core.multipart.receive_file_part`), so an
upload never sits whole in memory. Two limits are enforced on those bytes as they are written, each a
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

from gongkit.kernel.errors import PayloadTooLarge
from gongkit.server.core.multipart import receive_file_part

FIELD = "dataFile"
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
    counter = _LineCounter(line_limit)
    received = await receive_file_part(
        chunks,
        content_type,
        field=FIELD,
        path=store.incoming(),
        discard=store.discard,
        limit=limit,
        inspect=counter.feed,
    )
    return Received(received.path, received.size, counter.finish(), received.filename)
