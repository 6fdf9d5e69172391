"""PUT /v2/calls/{id}/media (addCallRecording) and the media links that serve what it stored.

An upload is recognised from its bytes: only whole WAV, MP3, MP4, MKV and FLAC files are kept, with their
format, duration and channels; what is served back is typed from the recognised format, never from what the
client said.
"""

from __future__ import annotations

import dataclasses
import os
import struct
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gongkit.db import Database
from gongkit.db.media import INCOMING, MediaStore
from gongkit.db.schema import call_media
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core.ratelimit import RateLimiter
from tests.calls.test_add import new_call
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient
from tests.support.media import FACTS, sample


@pytest.fixture
def rep(seed: Seed, company: Company) -> int:
    return int(seed(f.make_user, company.id, email_address="rep@acme.example"))


def media_link(client: ContractClient, company: Company, kind: str) -> str:
    sel = {"exposedFields": {"media": True}}
    item = client.post("/v2/calls/extensive", json={"filter": {}, "contentSelector": sel}, headers=company.basic).json()
    return str(item["calls"][0]["media"][f"{kind}Url"]).removeprefix("http://localhost:8080")


def stored_rows(db: Database) -> list[dict[str, object]]:
    with db.read() as conn:
        return [dict(r) for r in conn.execute(select(call_media)).mappings().all()]


def incoming_files(settings: ServerSettings) -> list[Path]:
    folder = settings.media_dir / INCOMING
    return sorted(folder.iterdir()) if folder.exists() else []


def test_add_recording_stores_the_file(
    client: ContractClient, company: Company, rep: int, db: Database, settings: ServerSettings
) -> None:
    call_id = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
    mp3 = sample("tone.mp3")
    r = client.put(
        f"/v2/calls/{call_id}/media", files={"mediaFile": ("rec.mp3", mp3, "audio/mpeg")}, headers=company.basic
    )
    assert r.status_code == 201, r.text
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "callId": call_id,
        "url": f"http://localhost:8080/call?id={call_id}",
    }
    (media,) = stored_rows(db)
    assert (media["kind"], media["content_type"], media["size"]) == ("audio", "audio/mpeg", len(mp3))
    assert (media["format"], media["duration_ms"], media["channels"]) == ("mp3", 1080, 1)
    store = MediaStore(settings.media_dir)
    assert store.read(str(media["storage_key"])) == mp3
    assert client.get(f"/v2/calls/{call_id}", headers=company.basic).json()["call"]["media"] == "Audio"
    assert incoming_files(settings) == []

    # a second upload replaces the first, whose file is erased; the name and the type sent do not matter
    mkv = sample("clip.mkv")
    files = {"mediaFile": ("rec.bin", mkv, "application/octet-stream")}
    assert client.put(f"/v2/calls/{call_id}/media", files=files, headers=company.basic).status_code == 201
    (again,) = stored_rows(db)
    assert (again["kind"], again["content_type"], again["format"]) == ("video", "video/x-matroska", "mkv")
    assert not store.exists(str(media["storage_key"]))
    served = client.get(media_link(client, company, "video"))
    assert served.content == mkv
    assert served.headers["content-type"] == "video/x-matroska"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-disposition"] == f'attachment; filename="call-{call_id}-video.mkv"'


@pytest.mark.parametrize("name", sorted(FACTS))
def test_every_supported_format_is_recognised(
    name: str, client: ContractClient, company: Company, rep: int, db: Database
) -> None:
    call_id = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
    files = {"mediaFile": ("upload", sample(name), "application/octet-stream")}
    r = client.put(f"/v2/calls/{call_id}/media", files=files, headers=company.basic)
    assert r.status_code == 201, r.text
    (media,) = stored_rows(db)
    fmt, kind, content_type, duration_ms, channels = FACTS[name]
    assert (media["format"], media["kind"], media["content_type"]) == (fmt, kind, content_type)
    assert (media["duration_ms"], media["channels"]) == (duration_ms, channels)


def test_the_served_type_cannot_be_steered(client: ContractClient, company: Company, rep: int) -> None:
    """A part typed ``audio/x,text/html`` used to be served back as HTML from the server's origin."""
    call_id = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
    files = {"mediaFile": ("page.html", sample("tone.wav"), "audio/x,text/html")}
    assert client.put(f"/v2/calls/{call_id}/media", files=files, headers=company.basic).status_code == 201
    served = client.get(media_link(client, company, "audio"))
    assert served.headers["content-type"] == "audio/wav"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-disposition"] == f'attachment; filename="call-{call_id}-audio.wav"'


def wav_promising(data_bytes: int, holding: int) -> bytes:
    """A WAV header whose data chunk declares ``data_bytes`` bytes, followed by ``holding`` bytes of audio."""
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVEfmt "
        + struct.pack("<I", 16)
        + fmt
        + b"data"
        + struct.pack("<I", data_bytes)
        + bytes(holding)
    )


NOT_A_RECORDING = "mediaFile: not a recording this server accepts; send WAV, MP3, MP4, MKV or FLAC"


@pytest.mark.parametrize(
    ("content", "content_type", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "audio/wav", NOT_A_RECORDING),
        (b"hello", "text/plain", NOT_A_RECORDING),
        (b"ID3\x03fake-mp3", "audio/mpeg", "mediaFile: the file could not be read as MP3 (it is damaged or truncated)"),
        (
            wav_promising(1_000_000, 100),
            "audio/wav",
            "mediaFile: the file is truncated: its data chunk declares 1000000 bytes, the file holds 100",
        ),
        (
            sample("tone.wav")[:8000],
            "audio/wav",
            "mediaFile: the file is truncated: its data chunk declares 16000 bytes, the file holds 7956",
        ),
        (
            sample("tone.flac")[:-300],
            "audio/flac",
            "mediaFile: the file is truncated: the FLAC file's last frame is incomplete",
        ),
        (
            sample("tone.mp3")[:1700],
            "audio/mpeg",
            "mediaFile: the file is truncated: its MP3 header declares 3240 bytes, the file holds 1655",
        ),
        (
            sample("clip.mp4")[:-10],
            "video/mp4",
            "mediaFile: the file is truncated: its 'moov' box declares 1554 bytes, the file holds 1544",
        ),
        (
            sample("clip.mkv")[:-10],
            "video/x-matroska",
            "mediaFile: the file is truncated: its Matroska Segment declares 16547 bytes, the file holds 16537",
        ),
    ],
    ids=["html", "text", "fake-mp3", "wav-1MB-promised", "wav-half", "flac", "mp3", "mp4", "mkv"],
)
def test_what_is_not_a_whole_recording_is_refused(
    content: bytes,
    content_type: str,
    message: str,
    client: ContractClient,
    company: Company,
    rep: int,
    db: Database,
    settings: ServerSettings,
) -> None:
    call_id = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
    files = {"mediaFile": ("a.wav", content, content_type)}
    assert_error(client.put(f"/v2/calls/{call_id}/media", files=files, headers=company.basic), 400, message)
    assert stored_rows(db) == []
    assert incoming_files(settings) == []  # the refused bytes are not kept
    assert client.get(f"/v2/calls/{call_id}", headers=company.basic).json()["call"].get("media") is None


def test_add_recording_errors(client: ContractClient, company: Company, rep: int, db: Database) -> None:
    call_id = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
    h = company.basic
    good = {"mediaFile": ("a.wav", sample("tone.wav"), "audio/wav")}
    assert_error(client.put("/v2/calls/42/media", files=good, headers=h), 400, "id: Call ID was not found")
    assert_error(
        client.put("/v2/calls/x1/media", files=good, headers=h),
        400,
        "id: 'x1' is not a valid id (a numeric string of up to 20 digits)",
    )
    r = client.put(f"/v2/calls/{call_id}/media", files={"other": ("a.wav", b"RIFF", "audio/wav")}, headers=h)
    assert_error(r, 400, "mediaFile: is required (multipart/form-data file field)")
    r = client.put(f"/v2/calls/{call_id}/media", json={"mediaFile": "x"}, headers=h)
    assert_error(r, 400, "mediaFile: is required (multipart/form-data file field)")
    r = client.put(f"/v2/calls/{call_id}/media", files={"mediaFile": (None, "text")}, headers=h)
    assert_error(r, 400, "mediaFile: must be a file part, not a text field")
    r = client.put(f"/v2/calls/{call_id}/media", data={"mediaFile": "text"}, headers=h)  # not multipart at all
    assert_error(r, 400, "mediaFile: is required (multipart/form-data file field)")
    r = client.put(f"/v2/calls/{call_id}/media", files={"mediaFile": ("a.wav", b"", "audio/wav")}, headers=h)
    assert_error(r, 400, "mediaFile: the file is empty")
    with_url = client.post(
        "/v2/calls", json=new_call(rep, clientUniqueId="u", downloadMediaUrl="https://x.example/1.wav"), headers=h
    ).json()["callId"]
    r = client.put(f"/v2/calls/{with_url}/media", files=good, headers=h)
    assert_error(r, 400, f"id: call {with_url} was added with a downloadMediaUrl, so its media is not uploaded")
    other = make_company(db, "Other")
    assert_error(
        client.put(f"/v2/calls/{call_id}/media", files=good, headers=other.basic), 400, "id: Call ID was not found"
    )
    assert stored_rows(db) == []


def test_the_media_limit_is_enforced_while_the_file_streams(
    company: Company, rep: int, db: Database, settings: ServerSettings
) -> None:
    small = dataclasses.replace(settings, max_media_bytes=10_000)
    with ContractClient(create_app(small, db=db, limiter=RateLimiter("memory://"))) as client:
        call_id = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
        files = {"mediaFile": ("a.wav", sample("tone.wav"), "audio/wav")}  # 16,044 bytes
        r = client.put(f"/v2/calls/{call_id}/media", files=files, headers=company.basic)
        assert_error(r, 413, "mediaFile: the file is larger than the limit (10000 bytes)")
        assert stored_rows(db) == []
        assert incoming_files(settings) == []
        files = {"mediaFile": ("a.mp3", sample("tone.mp3"), "audio/mpeg")}  # 3,465 bytes: within the limit
        assert client.put(f"/v2/calls/{call_id}/media", files=files, headers=company.basic).status_code == 201
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(call_media)).scalar_one() == 1


def test_half_received_uploads_are_swept_when_old(tmp_path: Path) -> None:
    store = MediaStore(tmp_path / "media")
    old, fresh = store.incoming(), store.incoming()
    old.write_bytes(b"RIFF" + b"\0" * 100)
    os.utime(old, (0, 0))
    assert store.sweep_incoming(3600) == 1
    assert not old.exists() and fresh.exists()
