"""The pages for people: the API reference (``/reference``) and a call's page (``/call?id=``), rendered from
packaged templates; checked in-process, then in a real headless Chromium against a real server."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from gongkit.cli.demo import background_server
from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from gongkit.server.core import routing
from gongkit.spec import operations
from tests.cli.conftest import free_port
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import bearer
from tests.support.contract import ContractClient

OPERATION = re.compile(r'data-operation-id="([^"]+)"')
T0 = 1_704_067_200_000


@pytest.fixture
def call(seed: Seed, company: Company) -> Any:
    return seed(
        f.make_call,
        company.id,
        title="Discovery <script>alert(1)</script> with Initech",
        started_ms=T0,
        duration=600,
        parties=[
            {"name": "Dana Reyes", "email_address": "dana@acme.example", "affiliation": "Internal", "speaker_id": "s1"},
            {"name": "Sam Ortiz", "phone_number": "+1 415 555 0100", "affiliation": "External", "speaker_id": "s2"},
        ],
        transcript=[
            {
                "party": 0,
                "topic": "Intro",
                "sentences": [{"start": 2_000, "end": 4_000, "text": "Thanks for joining."}],
            },
            {"party": 1, "sentences": [{"start": 65_000, "end": 70_000, "text": "Glad to be here."}]},
        ],
    )


def test_the_reference_lists_every_operation_with_its_state(client: ContractClient) -> None:
    r = client.get("/reference")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    listed = OPERATION.findall(r.text)
    assert sorted(listed) == sorted(op.operation_id for op in operations())
    served = set(routing.load_all())
    assert f"{len(served)} of {len(listed)}</strong>" in r.text
    for op_id in listed:
        article = r.text.split(f'data-operation-id="{op_id}"', 1)[1].split("</article>", 1)[0]
        assert ("badge ok" in article) == (op_id in served), op_id
    assert 'href="/assets/pages.css"' in r.text and "<script" not in r.text


def test_the_stylesheet_is_a_packaged_asset(client: ContractClient) -> None:
    r = client.get("/assets/pages.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert ".operation" in r.text


def test_the_call_page_asks_for_credentials(client: ContractClient, call: Any) -> None:
    r = client.get(f"/call?id={call.id}")
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == 'Basic realm="gongkit", charset="UTF-8"'
    assert "missing Authorization header" in r.text


def test_the_call_page_shows_metadata_parties_and_transcript(
    client: ContractClient, company: Company, call: Any
) -> None:
    r = client.get(f"/call?id={call.id}", headers=company.basic)
    assert r.status_code == 200, r.text
    page = r.text
    assert "Discovery &lt;script&gt;alert(1)&lt;/script&gt; with Initech" in page and "<script>" not in page
    assert f"<code>{call.id}</code>" in page and "600 s" in page
    assert "Dana Reyes" in page and "dana@acme.example" in page and "+1 415 555 0100" in page
    assert re.search(r"0:02</span> <strong>Dana Reyes</strong> <span class=\"muted\">· Intro", page)
    assert re.search(r"1:05</span> <strong>Sam Ortiz</strong>", page)
    assert "Thanks for joining." in page and "Glad to be here." in page


@pytest.mark.parametrize("raw", ["12345", "abc", ""])
def test_an_unknown_call_is_not_found(client: ContractClient, company: Company, raw: str) -> None:
    r = client.get(f"/call?id={raw}", headers=company.basic)
    assert r.status_code == 404 and "Call not found" in r.text


def test_another_companys_call_is_not_found(client: ContractClient, db: Database, call: Any) -> None:
    other = make_company(db, "Globex")
    assert client.get(f"/call?id={call.id}", headers=other.basic).status_code == 404


def test_scopes_decide_what_a_token_sees(client: ContractClient, db: Database, company: Company, call: Any) -> None:
    none = bearer(db, company, "api:users:read")
    assert client.get(f"/call?id={call.id}", headers=none).status_code == 403
    basic_only = bearer(db, company, "api:calls:read:basic")
    r = client.get(f"/call?id={call.id}", headers=basic_only)
    assert r.status_code == 200 and "Dana Reyes" in r.text
    assert "lacks <code>api:calls:read:transcript</code>" in r.text and "Thanks for joining." not in r.text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _rendered(url: str, profile: Path) -> str:
    """The DOM after Chromium loaded ``url`` (headless; credentials may ride in the URL)."""
    assert CHROMIUM
    out = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )
    return out.stdout


@pytest.mark.process
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (make test installs Debian's chromium)")
def test_in_a_browser(settings: ServerSettings, db: Database, company: Company, call: Any, tmp_path: Path) -> None:
    with background_server(settings, db, "127.0.0.1", free_port()) as base_url:
        reference = _rendered(f"{base_url}/reference", tmp_path / "profile")
        assert sorted(OPERATION.findall(reference)) == sorted(op.operation_id for op in operations())
        host = base_url.removeprefix("http://")
        page = _rendered(f"http://{company.access_key}:{company.secret}@{host}/call?id={call.id}", tmp_path / "p2")
    assert '<h1 id="call-title">Discovery &lt;script&gt;alert(1)&lt;/script&gt; with Initech</h1>' in page
    assert page.count("<li>") == 2 and "Glad to be here." in page and "Sam Ortiz" in page
