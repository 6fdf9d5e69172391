"""The schema of an integration's object types: uploading one (a full replacement) and listing it.

Gong's rules (the contract's prose on ``POST /v2/crm/entity-schema``):
- an upload names every field the object type keeps: leaving out a field of the stored schema is an error
  ("you must include all fields in the schema");
- a field sent with ``isDeleted: true`` leaves the schema, and its values leave every stored object;
- a field whose ``type`` changed is a new field: the values stored under the old type are dropped;
  any other change (label, picklist values, ...) keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from gongkit.db.schema import crm_objects, crm_schema_fields
from gongkit.kernel.errors import InvalidRequest
from gongkit.server.groups.crm import integrations
from gongkit.server.groups.crm.models import OBJECT_TYPES, STORED_TYPE, SchemaFieldIn

_BATCH = 500


def upload_schema(
    conn: Connection, *, company_id: int, integration_id: int, object_type: str, fields: Sequence[SchemaFieldIn]
) -> dict[str, Any]:
    """Replace the schema of ``object_type`` with ``fields`` (see the module for Gong's rules)."""
    integrations.active(conn, company_id, integration_id)
    seen: set[str] = set()
    for f in fields:
        if f.uniqueName in seen:
            raise InvalidRequest(f"uniqueName: '{f.uniqueName}' appears more than once")
        seen.add(f.uniqueName)
    stored = {r.unique_name: r for r in _stored(conn, integration_id, object_type)}
    missing = [name for name in stored if name not in seen]
    if missing:
        raise InvalidRequest(
            "you must include all fields in the schema (send a field with isDeleted=true to delete it); "
            f"missing: {', '.join(missing)}"
        )
    dropped = [
        f.uniqueName for f in fields if f.uniqueName in stored and (f.isDeleted or stored[f.uniqueName].type != f.type)
    ]
    conn.execute(
        delete(crm_schema_fields).where(
            crm_schema_fields.c.integration_id == integration_id, crm_schema_fields.c.object_type == object_type
        )
    )
    kept = [f for f in fields if not f.isDeleted]
    if kept:
        conn.execute(
            insert(crm_schema_fields),
            [
                {
                    "company_id": company_id,
                    "integration_id": integration_id,
                    "object_type": object_type,
                    "position": i,
                    "unique_name": f.uniqueName,
                    "label": f.label,
                    "type": f.type,
                    "last_modified": f.lastModified,
                    "reference_to": f.referenceTo,
                    "ordered_value_list": f.orderedValueList,
                }
                for i, f in enumerate(kept)
            ],
        )
    if dropped:
        drop_values(conn, integration_id, object_type, dropped)
    return {}


def drop_values(conn: Connection, integration_id: int, object_type: str, names: Iterable[str]) -> int:
    """Remove the fields ``names`` from every stored object of the type; returns how many objects changed."""
    gone = set(names)
    o = crm_objects.c
    changed = 0
    after = -1
    while True:
        rows = conn.execute(
            select(o.id, o.fields)
            .where(o.integration_id == integration_id, o.object_type == STORED_TYPE[object_type], o.id > after)
            .order_by(o.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return changed
        for row in rows:
            fields = list(row.fields or [])
            kept = [f for f in fields if f.get("name") not in gone]
            if len(kept) != len(fields):
                conn.execute(update(crm_objects).where(o.id == row.id).values(fields=kept))
                changed += 1
        after = rows[-1].id


def _stored(conn: Connection, integration_id: int, object_type: str) -> list[Any]:
    return list(
        conn.execute(
            select(crm_schema_fields)
            .where(
                crm_schema_fields.c.integration_id == integration_id,
                crm_schema_fields.c.object_type == object_type,
            )
            .order_by(crm_schema_fields.c.position)
        ).all()
    )


def schema_of(conn: Connection, integration_id: int, object_type: str) -> dict[str, Any]:
    """The stored schema of one object type: unique name -> row (for checking uploaded values)."""
    return {r.unique_name: r for r in _stored(conn, integration_id, object_type)}


def field_view(row: Any) -> dict[str, Any]:
    """One field as Gong lists it (``GenericSchemaFieldRequest``), every field present."""
    return {
        "uniqueName": row.unique_name,
        "label": row.label,
        "type": row.type,
        "lastModified": row.last_modified,
        "isDeleted": False,
        "referenceTo": row.reference_to,
        "orderedValueList": row.ordered_value_list,
    }


def list_schema(conn: Connection, *, company_id: int, integration_id: int, object_type: str | None) -> dict[str, Any]:
    """Gong's ``ListSelectedFieldsResponse``: the schema of ``object_type``, or of every type when it is None
    (the contract marks the parameter required yet says omitting it returns all types; both are served)."""
    integrations.active(conn, company_id, integration_id)
    types = [object_type] if object_type else list(OBJECT_TYPES)
    return {"objectTypeToSelectedFields": {t: [field_view(r) for r in _stored(conn, integration_id, t)] for t in types}}
