"""``gongkit data-privacy`` against a real server process: lookup, erase (confirmation, dry run, --wait, the
integrity protection), batch (report, state file, resume after an interruption), status and audit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from gongkit import control as admin
from gongkit.cli import data_privacy as privacy_cli
from gongkit.cli.main import cli
from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from tests.conftest import Company
from tests.data_privacy.builder import Builder
from tests.data_privacy.scenario import jane
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.process


@pytest.fixture
def server(
    settings: ServerSettings, db: Database, company: Company, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ServerProcess]:
    for name in ("GONG_BASE_URL", "GONG_ACCESS_KEY", "GONG_ACCESS_KEY_SECRET", "GONG_BEARER_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with ServerProcess(settings.database_url, settings.data_dir, env={"GONGKIT_ERASURE_POLL_SECONDS": "0.1"}) as s:
        yield s


def gk(server: ServerProcess, company: Company, *args: str, input: str | None = None, catch: bool = False) -> Result:
    options = ["--base-url", server.url, "--access-key", company.access_key, "--access-key-secret", company.secret]
    return CliRunner().invoke(cli, ["data-privacy", *options, *args], input=input, catch_exceptions=catch)


def out(result: Result) -> Any:
    return json.loads(result.stdout)


def test_lookup_as_json_and_as_a_report(server: ServerProcess, company: Company, build: Builder) -> None:
    w = jane(build)
    r = gk(server, company, "lookup", "--email", "Jane.Doe@Example.com")
    assert r.exit_code == 0, r.output
    body = out(r)
    assert [c["id"] for c in body["calls"]] == [str(c) for c in (w.call_attendee, w.call_lead_link, w.call_speaker)]
    assert len(body["customerEngagement"]) == 1

    r = gk(server, company, "lookup", "--phone", "+1 (425) 555-2671", "--report")
    assert r.exit_code == 0, r.output
    assert "References to +1 (425) 555-2671: 13" in r.stdout  # 4 calls, 5 e-mails, 2 meetings, 2 CRM objects
    assert "jdoe@other.example" in r.stdout and str(w.call_phone_party) in r.stdout

    r = gk(server, company, "lookup", "--phone", "425 555 2671")
    assert r.exit_code == 1
    assert "must start with '+'" in r.stderr
    r = gk(server, company, "lookup", "--email", "a@b.example", "--phone", "+14255552671")
    assert r.exit_code == 2 and "exactly one of --email or --phone" in r.output


def test_erase_shows_asks_and_waits(server: ServerProcess, company: Company, build: Builder) -> None:
    jane(build)
    r = gk(server, company, "erase", "--email", "jane.doe@example.com", "--dry-run")
    assert r.exit_code == 0, r.output
    assert out(r)["dryRun"] is True and out(r)["references"]["calls"] == 3
    assert "is referenced by 12 objects" in r.stderr

    r = gk(server, company, "erase", "--email", "jane.doe@example.com", input="n\n")
    assert r.exit_code == 1 and "nothing erased" in r.stderr
    assert out(gk(server, company, "status")) == []

    r = gk(server, company, "erase", "--email", "jane.doe@example.com", "--wait", "--interval", "0.1", input="y\n")
    assert r.exit_code == 0, r.output
    result = out(r)
    assert result["gone"] is True and result["seconds"] >= 0 and result["references"]["emails"] == 4
    assert "Nothing references jane.doe@example.com any more" in r.stderr
    status = out(gk(server, company, "status", result["requestId"]))
    assert status["status"] == "DONE" and status["deleted"]["total"] == 12
    assert out(gk(server, company, "lookup", "--email", "jane.doe@example.com"))["calls"] == []


def test_erase_wait_reports_the_integrity_protection(
    server: ServerProcess, db: Database, company: Company, build: Builder
) -> None:
    jane(build)
    with db.write() as conn:
        admin.update_company(conn, company.id, erasure_max_crm_objects=1)
    r = gk(server, company, "erase", "--phone", "+14255552671", "--yes", "--wait", "--interval", "0.1")
    assert r.exit_code == 1
    assert out(r)["gone"] is False
    assert "Integrity protection" in r.stderr and "2 CRM leads/contacts (limit 1)" in r.stderr
    (failed,) = out(gk(server, company, "status", "--status", "FAILED"))
    assert failed["planned"]["crmObjects"] == 2 and failed["deleted"]["total"] == 0


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "dsar.csv"
    path.write_text(
        "email,phone\n"
        "jane.doe@example.com,\n"
        ",+1 206 555 0100\n"
        "carol@bystander.example,\n"
        "JANE.DOE@example.com,\n"  # the same subject again: asked once
    )
    return path


def test_batch_erases_reports_and_resumes(
    server: ServerProcess, company: Company, build: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane(build)
    path = _csv(tmp_path)
    r = gk(server, company, "batch", str(path), "--dry-run")
    assert r.exit_code == 0, r.output
    assert [(row["subject"], row["status"], row["references"]) for row in out(r)] == [
        ("jane.doe@example.com", "dry-run", 12),
        ("+1 206 555 0100", "dry-run", 8),  # Bob's contact, and his call, e-mails and meetings by his address
        ("carol@bystander.example", "dry-run", 2),
    ]
    assert not (tmp_path / "dsar.csv.privacy-state.json").exists()

    # The first run is interrupted after the first request.
    real_erase = privacy_cli.Subject.erase
    asked: list[str] = []

    def erase_then_stop(self: privacy_cli.Subject, gong: Any) -> str:
        if asked:
            raise KeyboardInterrupt
        asked.append(self.value)
        return real_erase(self, gong)

    monkeypatch.setattr(privacy_cli.Subject, "erase", erase_then_stop)
    r = gk(server, company, "batch", str(path), "--yes", catch=True)
    assert r.exit_code != 0
    state = json.loads((tmp_path / "dsar.csv.privacy-state.json").read_text())["subjects"]
    assert state["email:jane.doe@example.com"]["status"] == "requested"
    assert state["phone:+12065550100"]["status"] == "new"
    monkeypatch.setattr(privacy_cli.Subject, "erase", real_erase)

    r = gk(server, company, "batch", str(path), "--yes", "--wait", "--interval", "0.1")
    assert r.exit_code == 0, r.output
    report = out(r)
    assert [(row["subject"], row["status"]) for row in report] == [
        ("jane.doe@example.com", "erased"),
        ("+1 206 555 0100", "erased"),
        ("carol@bystander.example", "erased"),
    ]
    assert all(row["requestId"] and row["seconds"] is not None for row in report)
    jobs = out(gk(server, company, "status"))
    assert len(jobs) == 3  # Jane was not asked for twice
    assert {j["status"] for j in jobs} == {"DONE"}

    r = gk(server, company, "batch", str(path), "--yes", "--report")
    assert r.exit_code == 0 and "erased" in r.stdout
    assert len(out(gk(server, company, "status"))) == 3


def test_batch_reports_invalid_subjects(
    server: ServerProcess, company: Company, build: Builder, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("+1 425 555 2671\njane@nowhere\n")
    r = gk(server, company, "batch", str(path), "--yes")
    assert r.exit_code == 1
    rows = {row["subject"]: row for row in out(r)}
    assert rows["+1 425 555 2671"]["status"] == "requested"
    assert rows["jane@nowhere"]["status"] == "invalid"
    assert "not a valid e-mail address" in rows["jane@nowhere"]["error"]


def test_status_and_audit(server: ServerProcess, settings: ServerSettings, company: Company, build: Builder) -> None:
    jane(build)
    request_id = out(
        gk(server, company, "erase", "--email", "jane.doe@example.com", "--yes", "--wait", "--interval", "0.1")
    )["requestId"]
    r = gk(server, company, "status", "--table")
    assert r.exit_code == 0 and request_id in r.stdout
    r = gk(server, company, "status", "nope")
    assert r.exit_code == 1 and "No erasure request nope for this company" in r.stderr

    r = CliRunner().invoke(
        cli, ["data-privacy", "audit", "--email", " JANE.DOE@example.com", "--database", settings.database_url]
    )
    assert r.exit_code == 0, r.output
    (record,) = json.loads(r.stdout)
    assert record["id"] == request_id and record["companyId"] == str(company.id)
    assert record["credential"] == company.access_key and record["status"] == "DONE"
    r = CliRunner().invoke(
        cli, ["data-privacy", "audit", "--email", "other@example.com", "--database", settings.database_url]
    )
    assert json.loads(r.stdout) == []
