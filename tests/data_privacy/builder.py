"""Test data for the data-privacy tests: rows inserted straight into the schema's tables.

Every row passes :func:`gongkit.db.rows.prepare`, as the server's own writes do, so the lookups see the data
exactly as they would see an upload. ``Builder.snapshot()`` lists every row id of every table, which
lets a test say precisely what an erasure removed (and that nothing else went).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select, text

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.db.rows import prepare
from gongkit.db.schema import (
    call_access,
    call_comments,
    call_context_objects,
    call_external_objects,
    call_media,
    call_parties,
    call_user_stats,
    calls,
    crm_objects,
    email_recipients,
    emails,
    engagement_events,
    library_entries,
    library_folders,
    meeting_invitees,
    meetings,
    metadata,
    transcript_monologues,
    users,
)

BASE_MS = 1_709_305_200_000  # 2024-03-01T15:00:00Z
_ids = itertools.count(1_000_000_000_000_000_001)
_msg = itertools.count(1)


def next_id() -> int:
    return next(_ids)


@dataclass
class Builder:
    db: Database
    company_id: int
    media: MediaStore
    folder_id: int = 0
    user_id: int = 0
    made: dict[str, list[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        with self.db.write() as conn:
            self.user_id = self._user(conn, "rep@acme.example")
            self.folder_id = next_id()
            conn.execute(
                insert(library_folders).values(
                    id=self.folder_id, company_id=self.company_id, name="Best calls", updated_ms=BASE_MS
                )
            )

    def _user(self, conn: Connection, address: str) -> int:
        uid = next_id()
        conn.execute(
            insert(users).values(
                **prepare(
                    "users",
                    dict(
                        id=uid,
                        company_id=self.company_id,
                        email_address=address,
                        created_ms=BASE_MS,
                        first_name="Rep",
                        last_name="One",
                        email_aliases=[],
                        personal_meeting_urls=[],
                        settings={},
                        spoken_languages=[],
                    ),
                )
            )
        )
        return uid

    # -- CRM ---------------------------------------------------------------------------------------------

    def crm(
        self,
        object_type: str = "Contact",
        *,
        email: str | None = None,
        phone: str | None = None,
        mobile: str | None = None,
        system: str = "Salesforce",
        name: str = "Someone",
        fields: list[dict[str, Any]] | None = None,
        mirror_id: str | None = None,
    ) -> int:
        oid = next_id()
        with self.db.write() as conn:
            conn.execute(
                insert(crm_objects).values(
                    **prepare(
                        "crm_objects",
                        dict(
                            id=oid,
                            company_id=self.company_id,
                            system=system,
                            object_type=object_type,
                            external_id=f"ext{oid % 10**8:08d}",
                            mirror_id=mirror_id,
                            name=name,
                            email_address=email,
                            phone_number=phone,
                            mobile_phone_number=mobile,
                            fields=fields if fields is not None else [{"name": "Name", "value": name}],
                            modified_ms=BASE_MS,
                        ),
                    )
                )
            )
        return oid

    # -- calls -------------------------------------------------------------------------------------------

    def call(
        self,
        parties: list[dict[str, Any]],
        *,
        sentences: list[str] | None = None,
        comment: str = "Good call",
        recording: bytes | None = None,
        external: list[tuple[str, str, str]] | None = None,
        context_fields: list[dict[str, Any]] | None = None,
        title: str = "Discovery call",
        status: str = "COMPLETED",
        started_ms: int = BASE_MS,
    ) -> int:
        """A call with everything that can hang off it: parties, transcript, comment, stats, access grant,
        library entry, CRM context, external objects and (optionally) a recording in the media store."""
        cid = next_id()
        with self.db.write() as conn:
            values: dict[str, Any] = {
                "id": cid,
                "company_id": self.company_id,
                "url": f"https://app.example/call?id={cid}",
                "title": title,
                "started_ms": started_ms,
                "listed_ms": started_ms,
                "duration": 600,
                "primary_user_id": self.user_id,
                "status": status,
                "content": {"brief": "A short call about pricing."},
                "created_ms": started_ms,
            }
            conn.execute(insert(calls).values(**prepare("calls", values)))
            speakers = []
            for p in [
                {"user_id": self.user_id, "email_address": "rep@acme.example", "affiliation": "Internal"},
                *parties,
            ]:
                pid = next_id()
                speaker = str(pid % 10**6)
                speakers.append(speaker)
                conn.execute(
                    insert(call_parties).values(
                        **prepare(
                            "call_parties",
                            dict(
                                id=pid,
                                call_id=cid,
                                company_id=self.company_id,
                                speaker_id=speaker,
                                user_id=p.get("user_id"),
                                name=p.get("name", "Party"),
                                email_address=p.get("email_address"),
                                phone_number=p.get("phone_number"),
                                affiliation=p.get("affiliation", "External"),
                                methods=p.get("methods", ["Invitee", "Attendee"]),
                                crm_object_id=p.get("crm_object_id"),
                            ),
                        )
                    )
                )
            lines = sentences or ["Hello and welcome.", "Thanks, happy to be here."]
            for seq, line in enumerate(lines):
                conn.execute(
                    insert(transcript_monologues).values(
                        call_id=cid,
                        company_id=self.company_id,
                        seq=seq,
                        speaker_id=speakers[seq % len(speakers)],
                        topic="Intro",
                        sentences=[{"start": seq * 1000, "end": seq * 1000 + 900, "text": line}],
                    )
                )
            conn.execute(
                insert(call_comments).values(
                    id=next_id(),
                    call_id=cid,
                    company_id=self.company_id,
                    commenter_user_id=self.user_id,
                    comment=comment,
                    posted_ms=started_ms,
                )
            )
            conn.execute(
                insert(call_user_stats).values(
                    call_id=cid, company_id=self.company_id, user_id=self.user_id, talk_time_sec=300, stats=[]
                )
            )
            conn.execute(
                insert(call_access).values(
                    call_id=cid, company_id=self.company_id, user_id=self.user_id, granted_ms=started_ms
                )
            )
            conn.execute(
                insert(library_entries).values(
                    id=next_id(),
                    folder_id=self.folder_id,
                    call_id=cid,
                    company_id=self.company_id,
                    title="Great discovery",
                    created_ms=started_ms,
                )
            )
            conn.execute(
                insert(call_context_objects).values(
                    call_id=cid,
                    company_id=self.company_id,
                    system="Salesforce",
                    object_type="Account",
                    object_id=f"001{cid % 10**6}",
                    fields=context_fields if context_fields is not None else [{"name": "Name", "value": "Northwind"}],
                )
            )
            for system, object_type, external_id in external or []:
                conn.execute(
                    insert(call_external_objects).values(
                        call_id=cid,
                        company_id=self.company_id,
                        system=system,
                        object_type=object_type,
                        external_id=external_id,
                    )
                )
            if recording is not None:
                mid = next_id()
                key = self.media.put(self.company_id, cid, mid, recording)
                conn.execute(
                    insert(call_media).values(
                        id=mid,
                        call_id=cid,
                        company_id=self.company_id,
                        kind="audio",
                        storage_key=key,
                        content_type="audio/mpeg",
                        size=len(recording),
                        created_ms=started_ms,
                    )
                )
        return cid

    # -- e-mail, meetings, engagement --------------------------------------------------------------------

    def email(
        self,
        sender: str,
        to: Sequence[str] = (),
        cc: Sequence[str] = (),
        bcc: Sequence[str] = (),
        *,
        subject: str = "Follow-up",
        body: str = "Thanks for your time.",
        sent_ms: int = BASE_MS,
    ) -> str:
        eid = f"m{next(_msg):031d}"
        with self.db.write() as conn:
            conn.execute(
                insert(emails).values(
                    **prepare(
                        "emails",
                        dict(
                            id=eid,
                            company_id=self.company_id,
                            from_address=sender,
                            sent_ms=sent_ms,
                            mailbox="rep@acme.example",
                            message_hash=("h" + eid)[:32],
                            subject=subject,
                            body=body,
                        ),
                    )
                )
            )
            for kind, addresses in (("to", to), ("cc", cc), ("bcc", bcc)):
                for a in addresses:
                    conn.execute(
                        insert(email_recipients).values(
                            **prepare(
                                "email_recipients",
                                dict(
                                    email_id=eid,
                                    company_id=self.company_id,
                                    kind=kind,
                                    address=a,
                                ),
                            )
                        )
                    )
        return eid

    def meeting(self, organizer: str, invitees: list[str], *, title: str = "Sync", call_id: int | None = None) -> int:
        mid = next_id()
        self.made.setdefault("meetings", []).append(mid)
        with self.db.write() as conn:
            conn.execute(
                insert(meetings).values(
                    **prepare(
                        "meetings",
                        dict(
                            id=mid,
                            company_id=self.company_id,
                            external_id=f"{mid}@calendar.example",
                            organizer_email=organizer,
                            title=title,
                            start_ms=BASE_MS,
                            end_ms=BASE_MS + 3_600_000,
                            call_id=call_id,
                        ),
                    )
                )
            )
            for a in invitees:
                conn.execute(
                    insert(meeting_invitees).values(
                        **prepare(
                            "meeting_invitees",
                            dict(
                                meeting_id=mid,
                                company_id=self.company_id,
                                email_address=a,
                                display_name="Guest",
                            ),
                        )
                    )
                )
        return mid

    def event(
        self,
        *,
        email: str | None = None,
        phone: str | None = None,
        event_type: str = "contentViewed",
        payload: dict[str, Any] | None = None,
        timestamp_ms: int = BASE_MS,
    ) -> int:
        eid = next_id()
        with self.db.write() as conn:
            conn.execute(
                insert(engagement_events).values(
                    **prepare(
                        "engagement_events",
                        dict(
                            id=eid,
                            company_id=self.company_id,
                            event_type=event_type,
                            timestamp_ms=timestamp_ms,
                            content_id="7782342274025937895",
                            content_url="https://app.gong.io/e/c-share/tkn=abc",
                            reporting_system="Highspot",
                            event_name="Proposal viewed",
                            source_event_id=f"src-{eid}",
                            person_email=email,
                            person_phone=phone,
                            payload=payload if payload is not None else {"eventType": event_type},
                        ),
                    )
                )
            )
        return eid


def snapshot(db: Database) -> dict[str, set[Any]]:
    """Every row of every table, by primary key (or the whole row when a table has none)."""
    out: dict[str, set[Any]] = {}
    with db.read() as conn:
        for name, table in metadata.tables.items():
            pk = list(table.primary_key.columns)
            if pk:
                out[name] = set(conn.execute(select(*pk)).all())
            else:
                out[name] = {tuple(r) for r in conn.execute(select(table)).all()}
    return out


def rows_as_text(db: Database) -> str:
    """Every row of every table rendered as text (what a plain scan of the stored data returns)."""
    parts: list[str] = []
    with db.read() as conn:
        for name in metadata.tables:
            if db.is_sqlite:
                cols = [c.name for c in metadata.tables[name].columns]
                concat = " || '|' || ".join(f"coalesce(CAST(\"{c}\" AS TEXT), '')" for c in cols)
                parts.extend(str(r[0]) for r in conn.execute(text(f'SELECT {concat} FROM "{name}"')))
            else:
                parts.extend(str(r[0]) for r in conn.execute(text(f'SELECT t::text FROM "{name}" AS t')))
    return "\n".join(parts)


def rows_by_call(db: Database) -> dict[str, dict[int, int]]:
    """For each table hanging off ``calls``: how many rows each call has."""
    out: dict[str, dict[int, int]] = {}
    with db.read() as conn:
        for name, table in metadata.tables.items():
            if "call_id" in table.c and any(fk.column.table is calls for fk in table.foreign_keys):
                out[name] = {
                    int(r[0]): int(r[1])
                    for r in conn.execute(text(f'SELECT call_id, count(*) FROM "{name}" GROUP BY call_id'))
                }
    return out
