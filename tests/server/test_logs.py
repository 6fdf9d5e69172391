"""No data subject in any log line of any gongkit process: a real server and ``gongkit mcp``, driven with
subjects in paths, parameter names and values (ASCII, non-ASCII, percent-encoded once or twice, phone numbers in
many forms), while the lines keep what they are for (status, duration, ids, timestamps)."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from gongkit.db import Database, migrate
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.redaction import Redacted, RedactingFormatter, redact_query, scrub
from gongkit.server.core import logs
from tests.conftest import Company, make_company
from tests.support.server_process import ServerProcess

REPO = Path(__file__).resolve().parents[2]

#: Every subject used below, as any of its decoded or encoded forms would show it.
SUBJECT_TRACES = re.compile(
    r"j(?:ö|%C3%B6|%25C3%25B6)se|ex(?:ä|%C3%A4|%25C3%25A4)mple|jane[._]doe|jane%2edoe|nobody|"
    r"пример|%D0%BF%D1%80|4255552671|425\D{0,9}555\D{0,9}2671|7946\D{0,6}0958|5550147",
    re.IGNORECASE,
)

#: Requests whose path carries a subject (as the client would send the target, before any decoding).
SUBJECT_PATHS = [
    "/v2/users/j%C3%B6se@ex%C3%A4mple.com",
    "/v2/users/j%C3%B6se%40ex%C3%A4mple.com",
    "/v2/users/jane.doe%2540example.com",
    "/v2/users/%D1%8F@%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84",
    "/v2/users/+1%20(425)%20555-2671",
    "/v2/users/%2B14255552671/settings-history",
    "/v2/nothing-here/+44%2020%207946%200958",
    "/v2/nothing-here/x%0Ajane.doe@example.com",
]

#: Query strings with a subject: in a misspelled or unrelated parameter, as a parameter name, encoded or not.
SUBJECT_QUERIES = [
    "emailAdress=j%C3%B6se@ex%C3%A4mple.com",
    "emial=jane.doe%40example.com",
    "q=jane.doe%2540example.com",
    "jane.doe@example.com=1",
    "phoneNumbr=+1+(425)+555-2671",
    "x=%2B1%20425%20555%202671",
    "x=%252B14255552671",
    "x=+1-425-555-2671&y=2",
    "x=%2B44.20.7946.0958",
    "x=+1%20555%200147",
]


def _access_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if " gongkit.access " in line]


@pytest.fixture
def store(tmp_path: Path) -> tuple[ServerSettings, Company]:
    settings = ServerSettings(data_dir=tmp_path / "data")
    migrate(settings.database_url)
    db = Database(settings.database_url)
    try:
        return settings, make_company(db)
    finally:
        db.dispose()


@pytest.mark.process
def test_the_server_logs_no_subject_in_any_line(store: tuple[ServerSettings, Company]) -> None:
    settings, company = store
    with (
        ServerProcess(settings.database_url, settings.data_dir) as server,
        httpx.Client(base_url=server.url, headers=company.basic, timeout=10) as client,
    ):
        for path in SUBJECT_PATHS:
            client.get(path)
        for query in SUBJECT_QUERIES:
            client.get(f"/v2/calls?{query}")
        client.get("/v2/users/j\u00f6se@ex\u00e4mple.com")  # sent as httpx encodes it
        client.get("/v2/calls", params={"emailAdress": "j\u00f6se@ex\u00e4mple.com", "phone_number": "+14255552671"})
        short = client.get("/v2/calls?workspaceId=+12")
        client.get("/v2/calls/1234567890123456789")
        client.get("/v2/calls", params={"fromDateTime": "2024-01-01T00:00:00+02:00"})
    log = server.log_file.read_text(encoding="utf-8")
    lines = _access_lines(log)
    assert len(lines) >= len(SUBJECT_PATHS) + len(SUBJECT_QUERIES) + 5
    # Every access line keeps its status and duration; nothing spills onto a line of its own.
    assert all(re.search(r" \d{3} \d+\.\dms$", line) for line in lines), lines
    assert re.search(rf"GET /v2/calls\?workspaceId=\+12 {short.status_code} \d+\.\dms$", log, re.MULTILINE)
    assert re.search(r"GET /v2/nothing-here/\[email\] \d{3} ", log)
    # Ids and timestamps are not mistaken for phone numbers.
    assert "GET /v2/calls/1234567890123456789 " in log
    assert "fromDateTime=2024-01-01T00%3A00%3A00%2B02%3A00 " in log
    # What was masked says what it was.
    assert re.search(r"GET /v2/users/\[email\] \d{3} ", log) and re.search(r"GET /v2/users/\[phone\] \d{3} ", log)
    assert "emailAdress=%5Bredacted%5D" in log and "phoneNumbr=%5Bredacted%5D" in log
    assert not SUBJECT_TRACES.search(log), SUBJECT_TRACES.search(log)
    assert not SUBJECT_TRACES.search(server.output()), SUBJECT_TRACES.search(server.output())


@pytest.mark.process
def test_gongkit_mcp_logs_no_subject(store: tuple[ServerSettings, Company], tmp_path: Path) -> None:
    """Even when the host configured the root logger in clear at INFO (as an embedding process might), and at
    ``GONGKIT_LOG_LEVEL=info``, the request lines of httpx and the SDK reach stderr masked."""
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    settings, company = store
    launcher = (
        "import logging, sys; logging.basicConfig(level=logging.INFO); "
        "from gongkit.cli.main import cli; cli(['mcp'], prog_name='gongkit')"
    )
    with ServerProcess(settings.database_url, settings.data_dir) as server:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GONG_", "GONGKIT_"))}
        env.update(
            GONG_BASE_URL=server.url,
            GONG_ACCESS_KEY=company.access_key,
            GONG_ACCESS_KEY_SECRET=company.secret,
            GONGKIT_LOG_LEVEL="info",
            PYTHONPATH=os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH", "")) if p),
        )
        params = StdioServerParameters(command=sys.executable, args=["-c", launcher], env=env)
        stderr_path = tmp_path / "mcp.err"

        async def session() -> list[str]:
            texts = []
            with open(stderr_path, "w", encoding="utf-8") as errlog:
                async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as client:
                    await client.initialize()
                    for tool, arguments in [
                        ("GONG_ERASE_DATA_FOR_EMAIL_ADDRESS", {"emailAddress": "nobody@example.com"}),
                        ("GONG_ERASE_DATA_FOR_EMAIL_ADDRESS", {"emailAddress": "j\u00f6se@ex\u00e4mple.com"}),
                        ("GONG_ERASE_DATA_FOR_PHONE_NUMBER", {"phoneNumber": "+1 (425) 555-2671"}),
                        ("GONG_RETRIEVE_USER_V2_USERS_ID", {"id": "jane.doe@example.com"}),
                    ]:
                        result = await client.call_tool(tool, arguments)
                        texts.append(getattr(result.content[0], "text", ""))
            return texts

        texts = asyncio.run(session())
    assert '"successful":true' in texts[0]
    err = stderr_path.read_text(encoding="utf-8")
    requests = [line for line in err.splitlines() if "HTTP Request: " in line]
    assert len(requests) == 4, err
    assert all(re.search(r'"HTTP/1\.1 \d{3} [A-Za-z ]+"$', line) for line in requests), requests
    assert "erase-data-for-email-address?emailAddress=[email]" in err
    assert not SUBJECT_TRACES.search(err), SUBJECT_TRACES.search(err)


# --- the masks themselves --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "jöse@exämple.com",
        "j%C3%B6se%40ex%C3%A4mple.com",
        "jane.doe%2540example.com",
        "я@пример.рф",
        "user@xn--e1afmkfd.xn--p1ai",
        "+1 (425) 555-2671",
        "+1+(425)+555-2671",
        "%2B1%20%28425%29%20555-2671",
        "%252B14255552671",
        "+٤٢٥٥٥٥٢٦٧١",
    ],
)
def test_scrub_masks_every_form(text: str) -> None:
    assert scrub(f"<{text}>") in ("<[email]>", "<[phone]>")


@pytest.mark.parametrize(
    "text",
    ["1234567890123456789", "2024-01-01T00:00:00+02:00", "?workspaceId=+12", "retry 1/3 in 0.50s", "+1 22 33"],
)
def test_scrub_leaves_ids_timestamps_and_short_numbers(text: str) -> None:
    assert scrub(text) == text


def test_redact_query_hides_subject_parameters_misspelled_or_not() -> None:
    query = "emailAddress=a&EMAIL=b&phoneNumbr=4255552671&workspaceId=12&z=x%40y.com"
    assert redact_query(query) == (
        "emailAddress=%5Bredacted%5D&EMAIL=%5Bredacted%5D&phoneNumbr=%5Bredacted%5D&workspaceId=12&z=[email]"
    )


def test_the_formatter_masks_arguments_one_by_one_and_tracebacks() -> None:
    fmt = RedactingFormatter("%(message)s")
    line = logging.LogRecord("x", logging.INFO, __file__, 1, "%s %s %d %.1fms", ("GET", "/a?b=+12", 200, 3.14), None)
    assert fmt.format(line) == "GET /a?b=+12 200 3.1ms"
    try:
        raise OSError("disk trouble near jane.doe@example.com / +1 425 555 2671")
    except OSError:
        failed = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed: %r", (ValueError("+14255552671"),), None)
        failed.exc_info = sys.exc_info()
    text = fmt.format(failed)
    assert text.startswith("failed: ValueError('[phone]')") and "near [email] / [phone]" in text
    assert not SUBJECT_TRACES.search(text)


def test_a_record_is_redacted_once_for_every_handler_of_its_formatter(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server logs to stderr and to a file through one formatter: the line is made once and written twice."""
    fmt = RedactingFormatter("%(name)s %(message)s")
    calls = []
    real = RedactingFormatter._format

    def counted(self: RedactingFormatter, record: logging.LogRecord) -> str:
        calls.append(record)
        return real(self, record)

    monkeypatch.setattr(RedactingFormatter, "_format", counted)
    first, second = io.StringIO(), io.StringIO()
    logger = logging.getLogger("gongkit.test.twice")
    logger.propagate = False
    logger.handlers = [logging.StreamHandler(first), logging.StreamHandler(second)]
    for handler in logger.handlers:
        handler.setFormatter(fmt)
    logger.warning("lookup of %s", "maya.levin@northwind.example")
    assert first.getvalue() == second.getvalue() != ""
    assert "maya.levin@northwind.example" not in first.getvalue()
    assert len(calls) == 1
    other = RedactingFormatter("%(message)s")  # another formatter makes its own line
    assert other.format(calls[0]) == first.getvalue().strip().removeprefix("gongkit.test.twice ")


def test_a_record_of_redacted_parts_is_written_as_the_full_redaction_writes_it() -> None:
    """An access line's parts are already redacted (:class:`Redacted`): the formatter writes them as they are,
    and the line is the one the full redaction makes of the same values."""
    fmt = RedactingFormatter("%(levelname)s %(message)s")
    values = ("4al018gzaztcr8nbukw", "GET", "/v2/calls?cursor=a%2Bb&x=%5Bredacted%5D", 200, 3.14)
    fast = logging.LogRecord("x", logging.INFO, __file__, 1, "%s %s %s %d %.1fms", values, None)
    fast.args = tuple(Redacted(v) if isinstance(v, str) else v for v in values)
    slow = logging.LogRecord("x", logging.INFO, __file__, 1, "%s %s %s %d %.1fms", values, None)
    assert fmt.format(fast) == fmt.format(slow) == f"INFO {' '.join(map(str, values[:4]))} 3.1ms"
    # A plain argument, or a message that holds a subject, still takes the full redaction.
    mixed = logging.LogRecord("x", logging.INFO, __file__, 1, "%s %s", (Redacted("a"), "jane.doe@example.com"), None)
    assert fmt.format(mixed) == "INFO a [email]"
    inline = logging.LogRecord("x", logging.INFO, __file__, 1, "to jane.doe@example.com: %s", (Redacted("a"),), None)
    assert fmt.format(inline) == "INFO to [email]: a"


def test_the_time_stamp_is_the_standard_one() -> None:
    ours, standard = RedactingFormatter("%(asctime)s"), logging.Formatter("%(asctime)s")
    for created in (1_700_000_000.0, 1_700_000_000.999, 1_700_000_001.001, 1_700_000_001.5, 1_699_999_999.25):
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", (), None)
        record.created, record.msecs = created, (created - int(created)) * 1000
        assert ours.format(record) == standard.format(record)
    dated = RedactingFormatter("%(asctime)s", datefmt="%H:%M")
    assert dated.formatTime(record, "%H:%M") == standard.formatTime(record, "%H:%M")


def test_access_lines_are_logged_in_order_once_the_loop_has_run_what_was_ready(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    scope = {"method": "GET", "path": "/v2/calls", "query_string": b"x=1"}

    async def requests() -> list[list[str]]:
        seen = []
        for i in range(3):
            logs.log_access(scope, f"r{i}", 200, 1.0)
        seen.append([r.getMessage() for r in caplog.records])  # nothing yet: the requests' turn is not over
        await asyncio.sleep(0)
        seen.append([r.getMessage() for r in caplog.records])
        return seen

    # The handler sits on the access logger itself, alone: wherever the process's logging sends lines.
    monkeypatch.setattr(logs.access_logger, "propagate", False)
    logs.access_logger.addHandler(caplog.handler)
    try:
        _check_access_lines(caplog, requests, scope)
    finally:
        logs.access_logger.removeHandler(caplog.handler)


def _check_access_lines(caplog: pytest.LogCaptureFixture, requests: Any, scope: dict[str, Any]) -> None:
    with caplog.at_level(logging.INFO, logger="gongkit.access"):
        before, after = asyncio.run(requests())
        assert before == []
        assert after == [f"r{i} GET /v2/calls?x=1 200 1.0ms" for i in range(3)]
        caplog.clear()
        logs.log_access(scope, "r9", 404, 2.0)  # no event loop: at once
        assert [r.getMessage() for r in caplog.records] == ["r9 GET /v2/calls?x=1 404 2.0ms"]
