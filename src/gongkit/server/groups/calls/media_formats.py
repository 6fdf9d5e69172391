"""What a recording is, read from its bytes: WAV, MP3, MP4, MKV or FLAC, its duration and channels, or a refusal.

The format is told by the file's signature, never by the name or the content type a client sends, and the file
is then read by that format's reader (mutagen; Matroska by :mod:`.matroska`). What it promises is checked
against what it holds, so a truncated file is refused. Per format:

- WAV: the ``data`` chunk's declared size must fit in the file.
- FLAC: the last frame must be whole (its CRC-16 matches) and end at the sample count the STREAMINFO declares.
- MP3: the audio the file holds must cover, to within a frame, the byte count its Xing/Info or VBRI header
  declares (a file without such a header declares nothing: its length is measured from the file itself).
- MP4: every top-level box (``moov``, ``mdat``, ...) must fit in the file.
- MKV: the Segment's declared size must fit in the file (:mod:`.matroska`).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from mutagen import MutagenError
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.mp4._atom import Atoms
from mutagen.wave import WAVE

from gongkit.server.groups.calls.matroska import MatroskaError, probe_matroska

SUPPORTED = "WAV, MP3, MP4, MKV or FLAC"


class MediaRejected(ValueError):
    """Not a recording this server accepts; the message says why (it goes back to the client)."""


@dataclass(frozen=True)
class MediaFacts:
    """A recognised recording."""

    format: str  # wav | mp3 | flac | mp4 | mkv
    has_video: bool
    duration_ms: int
    channels: int | None  # audio channels; None for a file without audio

    @property
    def kind(self) -> str:
        return "video" if self.has_video else "audio"

    @property
    def content_type(self) -> str:
        """The type the recording is served with, from its format (never from what the client said)."""
        if self.format == "mp4":
            return "video/mp4" if self.has_video else "audio/mp4"
        if self.format == "mkv":
            return "video/x-matroska" if self.has_video else "audio/x-matroska"
        return {"wav": "audio/wav", "mp3": "audio/mpeg", "flac": "audio/flac"}[self.format]


def recognise(path: Path) -> MediaFacts:
    """The facts of the recording at ``path``; :class:`MediaRejected` when it is not a whole WAV, MP3, MP4, MKV
    or FLAC file."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(12)
        reader = _reader_for(head)
        if reader is None:
            raise MediaRejected(f"mediaFile: not a recording this server accepts; send {SUPPORTED}")
        fh.seek(0)
        try:
            return reader(fh, size)
        except MatroskaError as exc:
            raise MediaRejected(f"mediaFile: {exc}") from None
        except (MutagenError, struct.error, ValueError, EOFError) as exc:
            if isinstance(exc, MediaRejected):
                raise
            name = reader.__name__.removeprefix("_probe_").upper()
            raise MediaRejected(
                f"mediaFile: the file could not be read as {name} (it is damaged or truncated)"
            ) from None


def _reader_for(head: bytes) -> Callable[[BinaryIO, int], MediaFacts] | None:
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return _probe_wav
    if head[:4] == b"fLaC":
        return _probe_flac
    if head[4:8] == b"ftyp":
        return _probe_mp4
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return _probe_mkv
    if head[:3] == b"ID3" or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return _probe_mp3
    return None


def _stream_info(reader: Callable[..., Any], fh: BinaryIO) -> Any:
    """mutagen's stream information on ``fh`` (mutagen is untyped: its fields are read by name)."""
    return reader(fh).info


def _truncated(what: str, promised: int, held: int) -> MediaRejected:
    return MediaRejected(f"mediaFile: the file is truncated: {what} declares {promised} bytes, the file holds {held}")


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


# --- WAV -----------------------------------------------------------------------------------------------------------


def _probe_wav(fh: BinaryIO, size: int) -> MediaFacts:
    pos = 12
    while True:
        fh.seek(pos)
        header = fh.read(8)
        if len(header) < 8:
            raise MediaRejected("mediaFile: the WAV file has no data chunk")
        chunk_id, chunk_size = header[:4], struct.unpack("<I", header[4:])[0]
        if chunk_id == b"data":
            if pos + 8 + chunk_size > size:
                raise _truncated("its data chunk", chunk_size, size - pos - 8)
            break
        pos += 8 + chunk_size + (chunk_size & 1)
    fh.seek(0)
    info = _stream_info(WAVE, fh)
    if not info.channels or not info.sample_rate:
        raise MediaRejected("mediaFile: the WAV file's format chunk is not valid")
    return MediaFacts("wav", False, _ms(info.length), int(info.channels))


# --- FLAC ----------------------------------------------------------------------------------------------------------


def _crc_table(poly: int, width: int) -> list[int]:
    top, mask = 1 << (width - 1), (1 << width) - 1
    table = []
    for byte in range(256):
        crc = byte << (width - 8)
        for _ in range(8):
            crc = ((crc << 1) ^ poly) & mask if crc & top else (crc << 1) & mask
        table.append(crc)
    return table


_CRC8, _CRC16 = _crc_table(0x07, 8), _crc_table(0x8005, 16)


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc = _CRC8[crc ^ byte]
    return crc


def _crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC16[(crc >> 8) ^ byte]
    return crc


def _flac_frame_start(tail: bytes, pos: int, max_blocksize: int) -> tuple[int, int] | None:
    """(first sample, block size) of a valid FLAC frame header at ``tail[pos]``, or None."""
    if tail[pos] != 0xFF or tail[pos + 1] not in (0xF8, 0xF9) or pos + 6 > len(tail):
        return None
    size_code, rate_code, reserved = tail[pos + 2] >> 4, tail[pos + 2] & 0xF, tail[pos + 3] & 1
    if size_code == 0 or rate_code == 15 or reserved:
        return None
    i = pos + 4
    lead = tail[i]
    ones = 8 - (~lead & 0xFF).bit_length()  # leading one bits: the UTF-8-style length of the frame number
    if ones == 1 or ones > 7:
        return None
    extra = max(ones - 1, 0)
    number = lead & (0x7F >> ones) if ones else lead
    for byte in tail[i + 1 : i + 1 + extra]:
        number = (number << 6) | (byte & 0x3F)
    i += 1 + extra
    if size_code in (6, 7):
        width = 1 if size_code == 6 else 2
        block = int.from_bytes(tail[i : i + width], "big") + 1
        i += width
    else:
        block = 192 if size_code == 1 else (576 << (size_code - 2) if size_code <= 5 else 256 << (size_code - 8))
    i += {12: 1, 13: 2, 14: 2}.get(rate_code, 0)
    if i >= len(tail) or _crc8(tail[pos:i]) != tail[i]:
        return None
    first = number if tail[pos + 1] == 0xF9 else number * max_blocksize
    return first, block


def _probe_flac(fh: BinaryIO, size: int) -> MediaFacts:
    info = _stream_info(FLAC, fh)
    if not info.total_samples or not info.sample_rate:
        raise MediaRejected("mediaFile: the FLAC file does not declare its length")
    window = min(size, max(info.max_framesize or 0, 1 << 16) + 64)
    fh.seek(size - window)
    tail = fh.read(window)
    for pos in range(len(tail) - 8, -1, -1):
        frame = _flac_frame_start(tail, pos, info.max_blocksize)
        if frame is not None and _crc16(tail[pos:-2]) == int.from_bytes(tail[-2:], "big"):
            first, block = frame
            if first + block < info.total_samples:
                raise MediaRejected(
                    f"mediaFile: the file is truncated: its STREAMINFO declares {info.total_samples} samples, "
                    f"the file holds {first + block}"
                )
            return MediaFacts("flac", False, _ms(info.length), int(info.channels))
    raise MediaRejected("mediaFile: the file is truncated: the FLAC file's last frame is incomplete")


# --- MP3 -----------------------------------------------------------------------------------------------------------


def _probe_mp3(fh: BinaryIO, size: int) -> MediaFacts:
    info = _stream_info(MP3, fh)
    if not info.length or not info.bitrate:
        raise MediaRejected("mediaFile: the MP3 file holds no audio frames")
    fh.seek(0)
    head = fh.read(10)
    tag = 10 + _syncsafe(head[6:10]) if head[:3] == b"ID3" else 0
    promised = int(info.length * info.bitrate / 8)
    held = size - tag
    frame = 144 * info.bitrate // info.sample_rate  # the longest frame at this rate (MPEG-1 layer III)
    if held + frame < promised:  # the header's count is of whole frames: allow the rounding of one
        raise _truncated("its MP3 header", promised, held)
    return MediaFacts("mp3", False, _ms(info.length), int(info.channels))


def _syncsafe(data: bytes) -> int:
    return (data[0] << 21) | (data[1] << 14) | (data[2] << 7) | data[3]


# --- MP4 -----------------------------------------------------------------------------------------------------------


def _probe_mp4(fh: BinaryIO, size: int) -> MediaFacts:
    pos, boxes = 0, set()
    while pos < size:
        fh.seek(pos)
        header = fh.read(16)
        if len(header) < 8:
            raise MediaRejected("mediaFile: the file is truncated: the MP4 file ends inside a box header")
        box_size, box_type = struct.unpack(">I4s", header[:8])
        if box_size == 1:
            box_size = struct.unpack(">Q", header[8:16])[0]
        elif box_size == 0:
            box_size = size - pos
        if box_size < 8:
            raise MediaRejected("mediaFile: the MP4 file has an invalid box")
        if pos + box_size > size:
            raise _truncated(f"its '{box_type.decode('latin-1')}' box", box_size, size - pos)
        boxes.add(box_type)
        pos += box_size
    if b"moov" not in boxes or b"mdat" not in boxes:
        raise MediaRejected("mediaFile: the MP4 file has no movie header (moov) or no media data (mdat)")
    fh.seek(0)
    info = _stream_info(MP4, fh)
    fh.seek(0)
    handlers = set()
    for trak in Atoms(fh)[b"moov"].findall(b"trak"):
        ok, data = trak[b"mdia", b"hdlr"].read(fh)
        if ok:
            handlers.add(data[8:12])
    return MediaFacts("mp4", b"vide" in handlers, _ms(info.length), int(info.channels) if b"soun" in handlers else None)


# --- MKV -----------------------------------------------------------------------------------------------------------


def _probe_mkv(fh: BinaryIO, size: int) -> MediaFacts:
    facts = probe_matroska(fh, size)
    return MediaFacts("mkv", facts.has_video, _ms(facts.duration_seconds), facts.channels)
