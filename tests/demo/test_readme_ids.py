"""The README's examples use ids that exist in the demo company (``make demo``, ``gongkit serve --demo``), so a
newcomer can paste them against the demo server and get answers, not 404s."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Table, select

from gongkit.db import Database, migrate
from gongkit.db import schema as s
from gongkit.demo import ensure_demo_company

README = Path(__file__).resolve().parents[2] / "README.md"
#: Gong ids: numeric strings of 16 to 20 digits. (Byte sizes in the README's tables are shorter.)
ID = re.compile(r"(?<![\d.])\d{16,20}(?![\d.])")
TABLES: tuple[Table, ...] = (s.companies, s.calls, s.users, s.workspaces, s.library_folders)


def test_every_id_in_the_readme_is_in_the_demo_company(tmp_path: Path) -> None:
    ids = {int(found) for found in ID.findall(README.read_text(encoding="utf-8"))}
    assert ids, "the README shows no id at all"
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    migrate(url)
    db = Database(url)
    try:
        access = ensure_demo_company(db, media_dir=tmp_path / "media")
        with db.read() as conn:
            known = {row[0] for table in TABLES for row in conn.execute(select(table.c.id).where(table.c.id.in_(ids)))}
        assert access.company_id in known
    finally:
        db.dispose()
    assert ids <= known, f"ids in README.md that the demo company does not have: {sorted(ids - known)}"
