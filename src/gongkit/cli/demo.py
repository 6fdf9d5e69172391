"""``gongkit demo`` (what ``make demo`` runs): a server on the embedded store with a demo company, toured with
the SDK, serving until Ctrl-C. Also the demo-company helpers of ``serve --demo`` and ``admin demo``.

The demo company's data is derived from a seed (:mod:`gongkit.demo`); its key is random, made the first time a
store (the data directory's, unless ``--database`` names another) gets the company, and kept there, so every run
on that store prints the same credentials and no two installs share them. Making the company and its key is
library code (:func:`gongkit.demo.ensure_demo_company`); this module only chooses the size, passes the settings
and prints.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from rich.panel import Panel
from rich.table import Table

from gongkit.cli._context import F, open_store, settings_for, store_options
from gongkit.cli._output import console, fail
from gongkit.cli._server_options import apply_app_url, local_url, uvicorn_options
from gongkit.db import Database
from gongkit.demo import MIN_CALLS, DemoAccess, DemoSize, Progress, create_demo_company, ensure_demo_company
from gongkit.kernel.config import ServerSettings


def _check_calls(_ctx: click.Context, _param: click.Parameter, calls: int | None) -> int | None:
    if calls is not None and calls < MIN_CALLS:
        raise click.BadParameter(
            f"{calls} is too few: a demo company has at least {MIN_CALLS} calls (its data-privacy scenarios put "
            f"their subjects on {MIN_CALLS} calls). For a company with exactly the calls you want, create one with "
            "`gongkit admin company create` and add calls through POST /v2/calls."
        )
    return calls


def calls_option(help_text: str) -> Callable[[F], F]:
    """``--calls N``: how many calls the demo company gets (at least MIN_CALLS, or a usage error saying why)."""
    return click.option(
        "--calls", type=int, default=None, callback=_check_calls, help=f"{help_text} At least {MIN_CALLS}."
    )


def _size(calls: int | None) -> DemoSize:
    return DemoSize(calls=calls) if calls is not None else DemoSize()


def create_demo(
    db: Database, settings: ServerSettings, *, calls: int | None = None, seed: int | None = None
) -> dict[str, Any]:
    """Generate the demo company of ``seed``; its credentials, row counts and data-privacy subjects."""
    summary = create_demo_company(
        db,
        seed=1 if seed is None else seed,
        size=_size(calls),
        media_dir=settings.media_dir,
        app_url=settings.app_url,
    )
    return {
        "companyId": str(summary.company_id),
        "accessKey": summary.access_key,
        "accessKeySecret": summary.secret,
        "created": True,
        "counts": summary.counts,
        "privacySubjects": [
            {"email": p.email, "phone": p.phone, "description": p.description} for p in summary.subjects
        ],
    }


def ensure_demo(
    db: Database, settings: ServerSettings, *, calls: int | None = None, progress: Progress | None = None
) -> DemoAccess:
    """The demo company's credentials, generating the company first (with ``calls`` calls) if the database does
    not have it."""
    return ensure_demo_company(
        db, size=_size(calls), media_dir=settings.media_dir, app_url=settings.app_url, progress=progress
    )


def print_credentials(base_url: str, access: DemoAccess) -> None:
    out = console(stderr=True)
    lines = [
        f"Base URL          [bold]{base_url}[/bold]",
        f"Company id        {access.company_id}",
        f"Access key        [bold]{access.access_key}[/bold]",
        f"Access key secret [bold]{access.secret}[/bold]",
        "",
        "Use it from a shell:",
        f"  export GONG_BASE_URL={base_url}",
        f"  export GONG_ACCESS_KEY={access.access_key}",
        f"  export GONG_ACCESS_KEY_SECRET={access.secret}",
        "  gongkit users list --table",
    ]
    out.print(Panel("\n".join(lines), title="gongkit demo company", expand=False))


# --- a server in this process ---------------------------------------------------------------------------


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


@contextlib.contextmanager
def background_server(settings: ServerSettings, db: Database, host: str, port: int) -> Iterator[str]:
    """Run the server in a thread while the block runs; yields its base URL."""
    import uvicorn

    from gongkit.server.app import create_app

    app = create_app(settings, db=db)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, **uvicorn_options()))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, name="gongkit-server", daemon=True)
    thread.start()
    try:  # a stop signal may come while the server starts: it is stopped then too
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise click.ClickException(f"the server did not start on {host}:{port}")
            time.sleep(0.05)
        yield local_url(host, port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class Stopped(BaseException):
    """Raised in the main thread by SIGINT or SIGTERM while :func:`stop_signals` is in force. A BaseException, as
    KeyboardInterrupt is, so that no ``except Exception`` on the way swallows it."""


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """SIGINT (Ctrl-C) and SIGTERM raise :class:`Stopped` while the block runs, as ``gongkit serve`` stops on
    either. The handlers are set here, not inherited: a process started in the background of a shell begins with
    SIGINT ignored. Enter this before the server can answer, so that no signal sent once it answers is lost."""

    def stop(signum: int, _frame: object) -> None:
        raise Stopped(signal.Signals(signum).name)

    signals = (signal.SIGINT, signal.SIGTERM)
    previous = {s: signal.signal(s, stop) for s in signals}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def serve_forever() -> None:
    """Block the main thread until a signal ends it."""
    while True:
        time.sleep(3600)


# --- the tour -------------------------------------------------------------------------------------------


def _clock(ms: int | None) -> str:
    seconds = (ms or 0) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def tour(base_url: str, access_key: str, secret: str, *, sentences: int = 12) -> None:
    """A short walk through the SDK against the server: users, paging through calls, one call in full."""
    from gongkit.sdk import Gong
    from gongkit.types.calls import ContentSelector

    out = console()
    with Gong(access_key, secret, base_url=base_url, pace=None) as gong:
        out.rule("[bold]1. gong.users.list()")
        users = list(gong.users.list())
        table = Table("id", "name", "email", "title")
        for user in users[:10]:
            name = " ".join(x for x in (user.firstName, user.lastName) if x)
            table.add_row(user.id, name, user.emailAddress or "", user.title or "")
        out.print(table)
        out.print(f"{len(users)} users" + (" (first 10 shown)" if len(users) > 10 else ""))
        names = {u.id: " ".join(x for x in (u.firstName, u.lastName) if x) for u in users}

        out.rule("[bold]2. gong.calls.list(...).pages()")
        pager = gong.calls.list(
            from_date_time=datetime(2000, 1, 1, tzinfo=UTC), to_date_time=datetime(2100, 1, 1, tzinfo=UTC)
        )
        total, first_id = 0, None
        for number, page in enumerate(pager.pages(), start=1):
            total += len(page.items)
            if first_id is None and page.items:
                first_id = page.items[0].id
            more = "more follow" if page.has_next_page else "last page"
            out.print(f"page {number}: {len(page.items)} calls (of {page.records.totalRecords}; {more})")
        out.print(f"{total} calls in all")
        if first_id is None:
            return

        out.rule(f"[bold]3. gong.calls.get({first_id!r})")
        call = gong.calls.get(first_id)
        started = call.started.isoformat() if call.started else "?"
        out.print(f"[bold]{call.title}[/bold]  started {started}, {call.duration or 0} s, {call.direction}")
        out.print(f"host: {names.get(call.primaryUserId or '', call.primaryUserId)}   {call.url or ''}")

        out.rule("[bold]4. gong.calls.extensive(call_ids=[...], content_selector=...)")
        selector = ContentSelector.model_validate(
            {
                "exposedFields": {
                    "parties": True,
                    "content": {"topics": True, "trackers": True, "brief": True},
                    "interaction": {"speakers": True},
                }
            }
        )
        speakers: dict[str, str] = {}
        for data in gong.calls.extensive(call_ids=[first_id], content_selector=selector):
            for party in data.parties or []:
                label = party.name or party.emailAddress or party.id or "?"
                if party.speakerId:
                    speakers[party.speakerId] = label
                out.print(f"  party: {label} ({party.affiliation or 'Unknown'})")
            content = data.content
            if content is not None:
                brief = getattr(content, "brief", None)
                if brief:
                    out.print(f"  brief: {brief}")
                for topic in getattr(content, "topics", None) or []:
                    out.print(f"  topic: {topic.name} ({topic.duration} s)")
                for tracker in getattr(content, "trackers", None) or []:
                    out.print(f"  tracker: {tracker.name} x{tracker.count}")

        out.rule(f"[bold]5. gong.calls.transcripts(call_ids=[{first_id!r}])")
        shown = 0
        for transcript in gong.calls.transcripts(call_ids=[first_id]):
            for mono in transcript.transcript or []:
                who = speakers.get(mono.speakerId or "", mono.speakerId or "?")
                for sentence in mono.sentences or []:
                    if shown >= sentences:
                        break
                    out.print(f"[dim]{_clock(sentence.start)}[/dim] [bold]{who}[/bold]: {sentence.text}")
                    shown += 1
        if shown == 0:
            out.print("(no transcript)")
        out.rule()


# --- the command ----------------------------------------------------------------------------------------


@click.command()
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="Port to serve on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@calls_option("Calls to generate (new demo company only).")
@click.option("--no-tour", is_flag=True, help="Skip the SDK tour; just serve.")
@store_options
def demo(
    port: int, host: str, calls: int | None, no_tour: bool, data_dir: Path | None, database_url: str | None
) -> None:
    """Start the server with a demo company, tour it with the SDK, then keep serving until Ctrl-C.

    Uses the embedded SQLite store in .gongkit/ (or --data-dir / --database); the demo company is created on
    the first run and its credentials are printed every time.
    """
    from gongkit.server.core import logs

    settings = settings_for(data_dir, database_url)
    apply_app_url(settings, host, port)
    quiet = "warning" if not os.environ.get("GONGKIT_LOG_LEVEL") else settings.log_level
    logs.configure(quiet, settings.log_file)
    if not port_is_free(host, port):
        fail(f"port {port} on {host} is in use; choose another with --port")
    out = console(stderr=True)
    with out.status("Preparing the store...") as status:

        def progress(stage: str, done: int, total: int) -> None:
            status.update(f"Generating the demo company: {stage} {done}/{total}")

        db = open_store(settings)
        access = ensure_demo(db, settings, calls=calls, progress=progress)
    try:
        with stop_signals(), background_server(settings, db, host, port) as base_url:
            print_credentials(base_url, access)
            if not no_tour:
                tour(base_url, access.access_key, access.secret)
            out.print(f"Serving on [bold]{base_url}[/bold] — press Ctrl-C to stop.")
            serve_forever()
    except Stopped:
        out.print("Stopped.")
    finally:
        db.dispose()
