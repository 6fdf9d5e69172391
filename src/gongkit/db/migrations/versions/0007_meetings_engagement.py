"""Meetings get Gong's numeric ids; engagement events can be deduplicated and found by each of their people;
a company's integration settings are stored.

- ``meetings.id`` (and ``meeting_invitees.meeting_id``) become BIGINT: the id of ``PUT/DELETE
  /v2/meetings/{meetingId}``, an int64. A stored calendar id of the form ``<digits>.<calendar id>_<start>`` keeps
  its leading number as the id and its calendar id as ``external_id``; any other id gets a new number. Invitees
  gain ``first_name`` and ``last_name``; ``(company_id, external_id)`` becomes unique.
- ``engagement_events`` gains ``dedupe_key``/``person_seq`` (unique per company: a repeated eventId is refused),
  ``person_role`` and ``workspace_id``.
- ``integration_settings`` holds the allowed origins per integration type.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import re
import secrets
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_MAX_ID = 2**63 - 1
_COMPOSITE = re.compile(r"([0-9]{1,19})(?:\.(.*)_[^_]*)?")


def _companies_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["company_id"], ["companies.id"], name=op.f(f"fk_{table}_company_id_companies"), ondelete="CASCADE"
    )


def _create_meetings(id_type: Any, with_names: bool) -> None:
    op.create_table(
        "meetings",
        sa.Column("id", id_type, autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("organizer_email", sa.String(length=320), nullable=False),
        sa.Column("organizer_lower", sa.String(length=320), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("end_ms", sa.BigInteger(), nullable=False),
        sa.Column("external_id", sa.String(length=300), nullable=True),
        sa.Column("call_id", sa.BigInteger(), nullable=True),
        _companies_fk("meetings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        *(
            [sa.UniqueConstraint("company_id", "external_id", name=op.f("uq_meetings_company_id_external_id"))]
            if with_names
            else []
        ),
    )
    op.create_index(op.f("ix_meetings_company_id_organizer_lower"), "meetings", ["company_id", "organizer_lower"])
    auto_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    names = (
        [
            sa.Column("first_name", sa.String(length=200), nullable=True),
            sa.Column("last_name", sa.String(length=200), nullable=True),
        ]
        if with_names
        else []
    )
    op.create_table(
        "meeting_invitees",
        sa.Column("id", auto_id, autoincrement=True, nullable=False),
        sa.Column("meeting_id", id_type, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("email_address", sa.String(length=320), nullable=False),
        sa.Column("email_lower", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=300), nullable=True),
        *names,
        _companies_fk("meeting_invitees"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_invitees_meeting_id_meetings"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_invitees")),
    )
    op.create_index(op.f("ix_meeting_invitees_meeting_id"), "meeting_invitees", ["meeting_id"])
    op.create_index(
        op.f("ix_meeting_invitees_company_id_email_lower"), "meeting_invitees", ["company_id", "email_lower"]
    )


def _drop_meetings() -> None:
    op.drop_index(op.f("ix_meeting_invitees_company_id_email_lower"), table_name="meeting_invitees")
    op.drop_index(op.f("ix_meeting_invitees_meeting_id"), table_name="meeting_invitees")
    op.drop_table("meeting_invitees")
    op.drop_index(op.f("ix_meetings_company_id_organizer_lower"), table_name="meetings")
    op.drop_table("meetings")


def _read(table: str) -> list[dict[str, Any]]:
    rows = op.get_bind().execute(sa.text(f"SELECT * FROM {table}")).mappings().all()
    return [dict(r) for r in rows]


def _numeric_id(old: str, taken: set[int]) -> tuple[int, str | None]:
    """The new id of a stored meeting id, and the calendar id it held (if it was a composite)."""
    match = _COMPOSITE.fullmatch(old)
    if match is not None and int(match.group(1)) <= _MAX_ID and int(match.group(1)) not in taken:
        return int(match.group(1)), match.group(2)
    while True:
        new = 10**18 + secrets.randbelow(_MAX_ID - 10**18)
        if new not in taken:
            return new, None


def upgrade() -> None:
    meetings, invitees = _read("meetings"), _read("meeting_invitees")
    _drop_meetings()
    _create_meetings(sa.BigInteger(), with_names=True)
    taken: set[int] = set()
    new_ids: dict[str, int] = {}
    externals: set[tuple[int, str]] = set()
    for m in meetings:
        new, calendar_id = _numeric_id(str(m["id"]), taken)
        taken.add(new)
        new_ids[str(m["id"])] = new
        external = m["external_id"] or calendar_id
        if external is not None and (m["company_id"], external) in externals:
            external = None  # (company_id, external_id) is unique from now on
        if external is not None:
            externals.add((m["company_id"], external))
        m.update(id=new, external_id=external)
    for i in invitees:
        i["meeting_id"] = new_ids[str(i["meeting_id"])]
        i.pop("id", None)
    meta = sa.MetaData()
    meta.reflect(op.get_bind(), only=["meetings", "meeting_invitees"])
    if meetings:
        op.bulk_insert(meta.tables["meetings"], meetings)
    if invitees:
        op.bulk_insert(meta.tables["meeting_invitees"], invitees)

    with op.batch_alter_table("engagement_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dedupe_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("person_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("person_role", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("workspace_id", sa.BigInteger(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_engagement_events_company_id_dedupe_key_person_seq"),
            ["company_id", "dedupe_key", "person_seq"],
        )

    auto_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "integration_settings",
        sa.Column("id", auto_id, autoincrement=True, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("integration_type", sa.String(length=32), nullable=False),
        sa.Column("origin", sa.String(length=500), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        _companies_fk("integration_settings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integration_settings")),
        sa.UniqueConstraint(
            "company_id",
            "integration_type",
            "origin",
            name=op.f("uq_integration_settings_company_id_integration_type_origin"),
        ),
    )


def downgrade() -> None:
    op.drop_table("integration_settings")
    with op.batch_alter_table("engagement_events", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_engagement_events_company_id_dedupe_key_person_seq"), type_="unique")
        batch_op.drop_column("workspace_id")
        batch_op.drop_column("person_role")
        batch_op.drop_column("person_seq")
        batch_op.drop_column("dedupe_key")

    meetings, invitees = _read("meetings"), _read("meeting_invitees")
    _drop_meetings()
    _create_meetings(sa.String(length=300), with_names=False)
    for m in meetings:
        m["id"] = str(m["id"])
    for i in invitees:
        i["meeting_id"] = str(i["meeting_id"])
        for gone in ("id", "first_name", "last_name"):
            i.pop(gone, None)
    meta = sa.MetaData()
    meta.reflect(op.get_bind(), only=["meetings", "meeting_invitees"])
    if meetings:
        op.bulk_insert(meta.tables["meetings"], meetings)
    if invitees:
        op.bulk_insert(meta.tables["meeting_invitees"], invitees)
