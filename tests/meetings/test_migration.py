"""Revision 0007 gives stored meetings Gong's numeric ids, keeping their invitees, and goes back again."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import MetaData, Table, create_engine, insert, select
from sqlalchemy.pool import NullPool

from gongkit.db import migrate
from gongkit.db.schema import meeting_invitees, meetings
from gongkit.kernel.config import ServerSettings
from tests.db.test_schema import _COMPANY, _alembic

_OLD = [
    ("8059707022269524529.sb5gr1tgpt5dd799eh035rb3dk@google.com_2022-06-30T13:00:00Z", None),
    ("1234", "given-external"),
    ("not-a-number", None),
]


def test_stored_meetings_get_numeric_ids(settings: ServerSettings) -> None:
    url = settings.database_url
    command.downgrade(_alembic(url), "0004")
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            old = MetaData()
            companies = Table("companies", old, autoload_with=conn)
            old_meetings = Table("meetings", old, autoload_with=conn)
            old_invitees = Table("meeting_invitees", old, autoload_with=conn)
            conn.execute(insert(companies).values(**_COMPANY))
            for mid, external in _OLD:
                row: dict[str, Any] = {
                    "id": mid,
                    "company_id": 1,
                    "organizer_email": "rep@acme.example",
                    "organizer_lower": "rep@acme.example",
                    "start_ms": 1,
                    "end_ms": 2,
                    "external_id": external,
                }
                conn.execute(insert(old_meetings).values(**row))
                conn.execute(
                    insert(old_invitees).values(
                        meeting_id=mid, company_id=1, email_address="Guest@X.example", email_lower="guest@x.example"
                    )
                )
        migrate(url)
        with engine.connect() as conn:
            found = {r.id: r.external_id for r in conn.execute(select(meetings.c.id, meetings.c.external_id))}
            invited = sorted(conn.execute(select(meeting_invitees.c.meeting_id)).scalars())
        assert found.pop(8059707022269524529) == "sb5gr1tgpt5dd799eh035rb3dk@google.com"
        assert found.pop(1234) == "given-external"
        (new_id, external), *rest = found.items()
        assert rest == [] and external is None and 10**18 <= new_id < 2**63
        assert invited == sorted([8059707022269524529, 1234, new_id])

        command.downgrade(_alembic(url), "0004")
        with engine.connect() as conn:
            back = Table("meetings", MetaData(), autoload_with=conn)
            ids = sorted(conn.execute(select(back.c.id)).scalars())
        assert ids == sorted(["8059707022269524529", "1234", str(new_id)])
        migrate(url)
    finally:
        engine.dispose()
