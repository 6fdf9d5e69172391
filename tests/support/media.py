"""Recordings for the upload tests: the samples in ``tests/fixtures/media`` (see its ``make_samples.py``)."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "media"

#: name -> (format, kind, served content type, duration in ms, audio channels), as recognised from the bytes.
FACTS = {
    "tone.wav": ("wav", "audio", "audio/wav", 1000, 1),
    "tone.flac": ("flac", "audio", "audio/flac", 1000, 2),
    "tone.mp3": ("mp3", "audio", "audio/mpeg", 1080, 1),
    "tone.m4a": ("mp4", "audio", "audio/mp4", 1064, 1),
    "clip.mp4": ("mp4", "video", "video/mp4", 1064, 1),
    "clip.mkv": ("mkv", "video", "video/x-matroska", 1008, 2),
}


def sample(name: str) -> bytes:
    """The bytes of one sample recording."""
    return (SAMPLES / name).read_bytes()
