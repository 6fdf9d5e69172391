"""Data-privacy erasure jobs and their audit records."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, String, Table, Text

from gongkit.db.personal import identifier, not_personal
from gongkit.db.tables.base import company_ref, metadata

# One row per accepted erasure request: the job's state machine and, once finished, its audit record.
# ``subject`` holds the address/number only while the job still has to run; it is cleared when the job ends,
# and ``subject_hash`` (a keyed hash) is what remains for an auditor.
erasure_jobs = Table(
    "erasure_jobs",
    metadata,
    Column("id", String(40), primary_key=True, info=not_personal()),  # the requestId answered to the caller
    company_ref(),
    Column("kind", String(8), nullable=False, info=not_personal()),  # email | phone
    Column("subject", Text, nullable=True, info=identifier()),
    Column("subject_hash", String(64), nullable=False, info=not_personal()),
    Column("status", String(16), nullable=False, info=not_personal()),  # PENDING | IN_PROGRESS | DONE | FAILED
    Column("credential", String(200), nullable=False, info=not_personal()),  # which key or token asked for it
    Column("requested_ms", BigInteger, nullable=False),
    Column("started_ms", BigInteger, nullable=True),
    Column("finished_ms", BigInteger, nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("counts", JSON, nullable=True, info=not_personal()),  # objects deleted (or that would have been), per kind
    Column("error", Text, nullable=True, info=not_personal()),  # masked before it is stored (SubjectText.clean)
    Index(None, "company_id", "subject_hash"),
    Index(None, "status"),
)
