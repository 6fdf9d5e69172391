"""The media store: call recordings as files under ``<data dir>/media/<company>/<call>/<media id>``.

Deleting a recording overwrites the file's bytes before unlinking it, so an erased recording does not linger
in the store's files. An upload is first written to ``<data dir>/media/incoming/`` as it arrives, then moved
into place once it has been checked (:meth:`MediaStore.incoming`, :meth:`MediaStore.adopt`).
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

INCOMING = "incoming"


class MediaStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, storage_key: str) -> Path:
        path = (self.root / storage_key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("storage key escapes the media store")
        return path

    def put(self, company_id: int, call_id: int, media_id: int, data: bytes) -> str:
        """Store ``data``; return its storage key (durable once this returns)."""
        key = f"{company_id}/{call_id}/{media_id}"
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
        return key

    def incoming(self) -> Path:
        """A new, empty file for an upload being received (in the store, so :meth:`adopt` is a rename)."""
        folder = self.root / INCOMING
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{uuid.uuid4().hex}.part"
        path.touch(exist_ok=False)
        return path

    def adopt(self, incoming: Path, company_id: int, call_id: int, media_id: int) -> str:
        """Move a received (and already synced) upload into place; return its storage key."""
        key = f"{company_id}/{call_id}/{media_id}"
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        Path(incoming).replace(path)
        return key

    def sweep_incoming(self, older_than_seconds: float) -> int:
        """Overwrite and remove uploads left half-received (a process died while receiving them) that are older
        than ``older_than_seconds``; younger ones may still be arriving in another process. Returns how many."""
        folder = self.root / INCOMING
        if not folder.is_dir():
            return 0
        cutoff = time.time() - older_than_seconds
        swept = 0
        for path in folder.glob("*.part"):
            try:
                if path.stat().st_mtime < cutoff:
                    self._shred(path)
                    swept += 1
            except FileNotFoundError:  # taken or discarded meanwhile
                continue
        return swept

    def discard(self, incoming: Path) -> None:
        """Overwrite then remove an upload that was not kept (no error if it is already gone)."""
        self._shred(Path(incoming))

    def path(self, storage_key: str) -> Path:
        return self._path(storage_key)

    def read(self, storage_key: str) -> bytes:
        return self._path(storage_key).read_bytes()

    def exists(self, storage_key: str) -> bool:
        return self._path(storage_key).exists()

    def delete(self, storage_key: str) -> None:
        """Overwrite then remove one file (no error if it is already gone)."""
        self._shred(self._path(storage_key))

    @staticmethod
    def _shred(path: Path) -> None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return
        with open(path, "r+b") as fh:
            remaining = size
            chunk = b"\0" * min(size, 1 << 20) if size else b""
            while remaining > 0:
                n = min(remaining, len(chunk))
                fh.write(chunk[:n])
                remaining -= n
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink(missing_ok=True)

    def delete_call(self, company_id: int, call_id: int) -> None:
        """Erase every file of one call."""
        folder = self.root / str(company_id) / str(call_id)
        if not folder.exists():
            return
        for child in folder.iterdir():
            if child.is_file():
                self.delete(str(child.relative_to(self.root)))
        shutil.rmtree(folder, ignore_errors=True)
