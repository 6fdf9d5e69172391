"""What every table module shares: the one ``MetaData`` (with its naming convention), the auto-numbered id type,
and the two references nearly every table has (its company; for what hangs off a call, its call)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, MetaData

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only auto-numbers an INTEGER PRIMARY KEY; PostgreSQL gets BIGSERIAL.
AutoId = BigInteger().with_variant(Integer(), "sqlite")


def company_ref() -> Column[int]:
    """``company_id``: the company the row belongs to (deleted with it)."""
    return Column("company_id", BigInteger, ForeignKey("companies.id", ondelete="CASCADE"), nullable=False)


def call_ref() -> Column[int]:
    """``call_id``: the call the row hangs off (deleted with it)."""
    return Column("call_id", BigInteger, ForeignKey("calls.id", ondelete="CASCADE"), nullable=False)
