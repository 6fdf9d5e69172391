"""Just enough of Matroska (MKV, WebM) to recognise a recording: its duration, its tracks, and whether it is whole.

A Matroska file is a tree of EBML elements (an id, a size, a payload). This reads the EBML header (the doc
type must be ``matroska`` or ``webm``), then the Segment's top-level elements: ``Info`` (timestamp scale and
duration) and ``Tracks`` (is there a video track; how many channels the first audio track has). Clusters are
skipped by their size, never read.

The file is whole when the Segment's declared size fits in it; a Segment of unknown size (a live recording)
must end on an element boundary at the end of the file.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import BinaryIO

EBML = 0x1A45DFA3
DOC_TYPE = 0x4282
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMESTAMP_SCALE = 0x2AD7B1
DURATION = 0x4489
TRACKS = 0x1654AE6B
TRACK_ENTRY = 0xAE
TRACK_TYPE = 0x83
AUDIO = 0xE1
CHANNELS = 0x9F
VIDEO_TRACK, AUDIO_TRACK = 1, 2
_MAX_HEADER_ELEMENT = 1 << 20  # Info, Tracks and the EBML header are small; a larger one is not read whole


class MatroskaError(ValueError):
    """Not a Matroska file, or not a whole one (the message says what is wrong)."""


@dataclass(frozen=True)
class MatroskaFacts:
    duration_seconds: float
    has_video: bool
    channels: int | None  # of the first audio track; None when there is none


def _vint(fh: BinaryIO, *, keep_marker: bool) -> tuple[int | None, int]:
    """One EBML variable-length integer: (value, bytes read); value None for an all-ones size ("unknown")."""
    first = fh.read(1)
    if not first:
        raise EOFError
    lead = first[0]
    length = 9 - lead.bit_length()
    if lead == 0 or length > 8:
        raise MatroskaError("the Matroska file has an invalid element header")
    rest = fh.read(length - 1)
    if len(rest) < length - 1:
        raise EOFError
    value = lead if keep_marker else lead & ((1 << (8 - length)) - 1)
    for byte in rest:
        value = (value << 8) | byte
    if not keep_marker and value == (1 << (7 * length)) - 1:
        return None, length
    return value, length


def _element(fh: BinaryIO) -> tuple[int, int | None, int]:
    """(id, payload size or None if unknown, header length) of the element at the current position."""
    element_id, id_len = _vint(fh, keep_marker=True)
    size, size_len = _vint(fh, keep_marker=False)
    assert element_id is not None
    return element_id, size, id_len + size_len


def _children(data: bytes) -> dict[int, list[bytes]]:
    """The child elements of a master element's payload, by id."""
    out: dict[int, list[bytes]] = {}
    fh = io.BytesIO(data)
    while fh.tell() < len(data):
        try:
            element_id, size, _ = _element(fh)
        except EOFError:
            raise MatroskaError("the file is truncated: it ends inside a Matroska element") from None
        if size is None or fh.tell() + size > len(data):
            raise MatroskaError("the file is truncated: it ends inside a Matroska element")
        out.setdefault(element_id, []).append(fh.read(size))
    return out


def _uint(data: bytes) -> int:
    return int.from_bytes(data, "big")


def _read_payload(fh: BinaryIO, size: int | None, file_size: int) -> bytes:
    if size is None or size > _MAX_HEADER_ELEMENT:
        raise MatroskaError("the Matroska file has an oversized header element")
    if fh.tell() + size > file_size:
        raise MatroskaError("the file is truncated: it ends inside a Matroska element")
    return fh.read(size)


def probe_matroska(fh: BinaryIO, file_size: int) -> MatroskaFacts:
    """The facts of the Matroska file ``fh`` (``file_size`` bytes long); :class:`MatroskaError` otherwise."""
    fh.seek(0)
    try:
        element_id, size, _ = _element(fh)
        if element_id != EBML:
            raise MatroskaError("not a Matroska file")
        doc_type = _children(_read_payload(fh, size, file_size)).get(DOC_TYPE, [b""])[0].rstrip(b"\0")
        if doc_type not in (b"matroska", b"webm"):
            raise MatroskaError(f"the EBML document type {doc_type.decode('latin-1')!r} is not Matroska")
        element_id, segment_size, _ = _element(fh)
        if element_id != SEGMENT:
            raise MatroskaError("the Matroska file has no Segment")
        segment_end = file_size if segment_size is None else fh.tell() + segment_size
        if segment_end > file_size:
            raise MatroskaError(
                f"the file is truncated: its Matroska Segment declares {segment_size} bytes, "
                f"the file holds {file_size - fh.tell()}"
            )
        info: dict[int, list[bytes]] | None = None
        tracks: dict[int, list[bytes]] | None = None
        while fh.tell() < segment_end:
            element_id, size, _ = _element(fh)
            if element_id == INFO:
                info = _children(_read_payload(fh, size, file_size))
            elif element_id == TRACKS:
                tracks = _children(_read_payload(fh, size, file_size))
            elif size is None:
                break  # a live Cluster of unknown size runs to the end of the file
            else:
                fh.seek(size, 1)
        if fh.tell() > segment_end:
            raise MatroskaError("the file is truncated: its last Matroska element runs past the end of the file")
    except EOFError:
        raise MatroskaError("the file is truncated: it ends inside a Matroska element") from None
    if info is None or tracks is None:
        raise MatroskaError("the Matroska file has no Info or no Tracks")
    return _facts(info, tracks)


def _facts(info: dict[int, list[bytes]], tracks: dict[int, list[bytes]]) -> MatroskaFacts:
    scale = _uint(info[TIMESTAMP_SCALE][0]) if TIMESTAMP_SCALE in info else 1_000_000
    raw = info.get(DURATION, [b""])[0]
    if len(raw) not in (4, 8):
        raise MatroskaError("the Matroska file declares no duration")
    duration = struct.unpack(">f" if len(raw) == 4 else ">d", raw)[0] * scale / 1e9
    has_video, channels = False, None
    for entry in (_children(e) for e in tracks.get(TRACK_ENTRY, [])):
        kind = _uint(entry[TRACK_TYPE][0]) if TRACK_TYPE in entry else 0
        if kind == VIDEO_TRACK:
            has_video = True
        elif kind == AUDIO_TRACK and channels is None:
            audio = _children(entry[AUDIO][0]) if AUDIO in entry else {}
            channels = _uint(audio[CHANNELS][0]) if CHANNELS in audio else 1
    return MatroskaFacts(duration_seconds=duration, has_video=has_video, channels=channels)
