"""Alembic environment: runs the migrations against the URL gongkit hands over.

The target metadata (what ``alembic revision --autogenerate`` compares with) is the schema as it stands on the
engine at hand: ``gongkit.db.schema.metadata_for``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from gongkit.db.schema import metadata_for

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url is not None

if context.is_offline_mode():
    context.configure(url=url, target_metadata=metadata_for(make_url(url).get_backend_name()), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata_for(connection.dialect.name),
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
