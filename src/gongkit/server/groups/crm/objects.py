"""Uploaded CRM objects: applying a checked line (insert, update or delete by ``objectId``), and reading objects
back (``GET /v2/crm/entities``).

Objects are stored in ``crm_objects`` as every CRM object is, with ``system = 'Generic'`` and their integration:
a contact's or lead's ``emailAddress`` and ``phoneNumber`` fill the columns the data-privacy lookup and erasure
search, so an uploaded person is found and erased like any other. An update whose ``modifiedDate`` is older than
the stored object's is stale and changes nothing (a re-sent old file cannot undo a newer one).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from gongkit.db.rows import prepare
from gongkit.db.schema import crm_objects
from gongkit.kernel.ids import new_id
from gongkit.server.groups.crm import integrations
from gongkit.server.groups.crm.lines import Line
from gongkit.server.groups.crm.models import MAX_REQUESTED_OBJECTS, STORED_TYPE

GENERIC = "Generic"
_o = crm_objects.c


def find(conn: Connection, integration_id: int, object_type: str, object_id: str) -> Any:
    return conn.execute(
        select(_o.id, _o.modified_ms).where(
            _o.integration_id == integration_id,
            _o.object_type == STORED_TYPE[object_type],
            _o.external_id == object_id,
        )
    ).first()


def _display_name(object_type: str, line: Line) -> str | None:
    if object_type in ("ACCOUNT", "DEAL"):
        default = ("Account_#" if object_type == "ACCOUNT" else "Deal_#") + line.object_id
        return str(line.value("name") or default)[:300]
    full = " ".join(str(p) for p in (line.value("firstName"), line.value("lastName")) if p)
    return full[:300] or None


def apply_line(conn: Connection, *, company_id: int, integration_id: int, object_type: str, line: Line) -> None:
    """Insert, update or delete the object of one checked line."""
    existing = find(conn, integration_id, object_type, line.object_id)
    if line.deleted:
        if existing is not None:
            conn.execute(delete(crm_objects).where(_o.id == existing.id))
        return
    if existing is not None and existing.modified_ms > line.modified_ms:
        return  # stale: the stored object is newer
    account_id = None
    account_ref = line.value("accountId") if object_type in ("CONTACT", "DEAL") else None
    if account_ref:
        account = find(conn, integration_id, "ACCOUNT", str(account_ref))
        account_id = None if account is None else account.id
    person = object_type in ("CONTACT", "LEAD")
    values = prepare(
        "crm_objects",
        {
            "company_id": company_id,
            "system": GENERIC,
            "object_type": STORED_TYPE[object_type],
            "external_id": line.object_id,
            "mirror_id": json.dumps(
                {"integrationId": str(integration_id), "crmObjectType": object_type, "crmId": line.object_id},
                separators=(",", ":"),
            ),
            "name": _display_name(object_type, line),
            "account_id": account_id,
            "email_address": _text(line.value("emailAddress"), 320) if person else None,
            "phone_number": _text(line.value("phoneNumber"), 64) if person else None,
            "mobile_phone_number": None,
            "fields": line.fields,
            "modified_ms": line.modified_ms,
            "integration_id": integration_id,
        },
    )
    if existing is None:
        conn.execute(insert(crm_objects).values(id=new_id(), **values))
    else:
        conn.execute(update(crm_objects).where(_o.id == existing.id).values(**values))


def _text(value: Any, limit: int) -> str | None:
    return None if value is None else str(value)[:limit]


def get_objects(
    conn: Connection, *, company_id: int, integration_id: int, object_type: str, ids: Sequence[str]
) -> dict[str, Any]:
    """Gong's ``GetGenericCrmObjectsResponse``: for each of the first 100 ids, the object's fields as
    ``{name: value}``, or null when there is no such object."""
    integrations.active(conn, company_id, integration_id)
    wanted = list(dict.fromkeys(ids))[:MAX_REQUESTED_OBJECTS]
    found: dict[str, Any] = {}
    if wanted:
        rows = conn.execute(
            select(_o.external_id, _o.fields).where(
                _o.integration_id == integration_id,
                _o.object_type == STORED_TYPE[object_type],
                _o.external_id.in_(wanted),
            )
        ).all()
        found = {r.external_id: {f["name"]: f.get("value") for f in (r.fields or [])} for r in rows}
    return {"crmObjectsMap": {i: found.get(i) for i in wanted}}
