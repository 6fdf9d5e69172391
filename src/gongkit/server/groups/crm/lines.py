"""One line of a CRM upload: parsed and checked against Gong's entity fields and the integration's schema.

Each line is a JSON object of one entity (the contract's prose on ``POST /v2/crm/entities``): ``objectId`` and
``modifiedDate`` are mandatory, ``isDeleted`` deletes the object, the entity's own fields follow (an account's
``name`` and ``domains``, a contact's ``emailAddress``, ``phoneNumber`` and ``accountId``, a deal's ``amount``,
``status`` and ``closeDate``, ...), and any field of the object type's uploaded schema may be added. Fields that are
neither are ignored, as Gong ignores fields uploaded without updating the schema.

A bad line raises :class:`LineError`, whose description names the field, never its value (the descriptions are kept
in the request's status, which is not personal data).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from gongkit.kernel.clock import DateTimeError, parse_datetime_ms
from gongkit.kernel.wire import MAX_TEXT

_OBJECT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_EMAIL_ID = re.compile(r"[^\s@]{1,64}@[^\s@]+\.[^\s@]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DEAL_STATUSES = ("WON", "LOST", "OPEN")


class LineError(ValueError):
    """Why one line of an upload was not applied (Gong's ``LineErrorResponse.description``)."""


def _string(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        raise LineError(f"Field [{name}] must be a string")
    if len(value) > MAX_TEXT:
        raise LineError(f"Field [{name}] is longer than {MAX_TEXT} characters")
    return value


def _strings(name: str, value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in value):
        raise LineError(f"Field [{name}] must be an array of strings")
    return value


def _number(name: str, value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise LineError(f"Field [{name}] must be a number")
    return value


def _percent(name: str, value: Any) -> Any:
    if not 0 <= _number(name, value) <= 100:
        raise LineError(f"Field [{name}] must be a number between 0 and 100")
    return value


def _boolean(name: str, value: Any) -> Any:
    if not isinstance(value, bool):
        raise LineError(f"Field [{name}] must be true or false")
    return value


def _datetime(name: str, value: Any) -> Any:
    try:
        parse_datetime_ms(_string(name, value))
    except DateTimeError:
        raise LineError(f"Field [{name}] must be an ISO-8601 date-time, e.g. 2020-12-17T05:37:21Z") from None
    return value


def _date(name: str, value: Any) -> Any:
    if not _DATE.fullmatch(_string(name, value)):
        raise LineError(f"Field [{name}] must be an ISO-8601 date without time, e.g. 2020-05-31")
    return value


def _deal_status(name: str, value: Any) -> Any:
    if _string(name, value) not in DEAL_STATUSES:
        raise LineError(f"Field [{name}] must be one of {', '.join(DEAL_STATUSES)}")
    return value


Check = Callable[[str, Any], Any]

#: Each entity's own fields (beyond objectId, modifiedDate and isDeleted) and how their values are checked.
ENTITY_FIELDS: dict[str, dict[str, Check]] = {
    "ACCOUNT": {"url": _string, "name": _string, "domains": _strings},
    "CONTACT": {
        "url": _string,
        "accountId": _string,
        "emailAddress": _string,
        "firstName": _string,
        "lastName": _string,
        "title": _string,
        "phoneNumber": _string,
    },
    "DEAL": {
        "url": _string,
        "accountId": _string,
        "ownerId": _string,
        "name": _string,
        "createdDate": _datetime,
        "closeDate": _date,
        "status": _deal_status,
        "stage": _string,
        "amount": _number,
    },
    "LEAD": {
        "url": _string,
        "emailAddress": _string,
        "firstName": _string,
        "lastName": _string,
        "title": _string,
        "phoneNumber": _string,
        "convertedToDealId": _string,
        "convertedToContactId": _string,
        "convertedToAccountId": _string,
    },
}

#: How a value of each schema field type is checked.
SCHEMA_CHECKS: dict[str, Check] = {
    "BOOLEAN": _boolean,
    "DATE": _date,
    "DATETIME": _datetime,
    "NUMBER": _number,
    "CURRENCY": _number,
    "PERCENT": _percent,
    "STRINGARRAY": _strings,
}


@dataclass(frozen=True)
class Line:
    """A checked line: the object's id, its modification time, whether it is deleted, and the fields to keep
    (``objectId`` and ``modifiedDate`` first, then the line's fields in its order)."""

    object_id: str
    modified_ms: int
    deleted: bool
    fields: list[dict[str, Any]]

    def value(self, name: str) -> Any:
        return next((f["value"] for f in self.fields if f["name"] == name), None)


def parse_line(raw: bytes, object_type: str, schema: Mapping[str, Any]) -> Line:
    """Check one line of an upload of ``object_type`` against Gong's entity fields and ``schema`` (the stored
    schema fields by unique name)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise LineError("Line is not valid JSON") from None
    if not isinstance(data, dict):
        raise LineError("Line must be a JSON object")
    object_id = data.get("objectId")
    if object_id is None or object_id == "":
        raise LineError("Mandatory field [objectId] is missing or empty")
    if not isinstance(object_id, str) or not (_OBJECT_ID.fullmatch(object_id) or _EMAIL_ID.fullmatch(object_id)):
        raise LineError(
            "Field [objectId] must be at most 64 letters, digits, dashes and underscores, or an e-mail address"
        )
    modified = data.get("modifiedDate")
    if modified is None or modified == "":
        raise LineError("Mandatory field [modifiedDate] is missing or empty")
    try:
        modified_ms = parse_datetime_ms(_string("modifiedDate", modified))
    except DateTimeError:
        raise LineError("Field [modifiedDate] must be an ISO-8601 date-time, e.g. 2020-12-17T05:37:21Z") from None
    deleted = data.get("isDeleted", False)
    if deleted is None:
        deleted = False
    _boolean("isDeleted", deleted)
    own = ENTITY_FIELDS[object_type]
    fields: list[dict[str, Any]] = [
        {"name": "objectId", "value": object_id},
        {"name": "modifiedDate", "value": modified},
    ]
    for name, value in data.items():
        if name in ("objectId", "modifiedDate", "isDeleted"):
            continue
        if name in own:
            check = own[name]
        elif name in schema:
            field = schema[name]
            check = SCHEMA_CHECKS.get(field.type, _string)
            if field.type == "PICKLIST" and value is not None and value not in (field.ordered_value_list or []):
                raise LineError(f"Field [{name}] must be one of the values of its orderedValueList")
        else:
            continue  # not in the schema: ignored, as Gong does
        fields.append({"name": name, "value": None if value is None else check(name, value)})
    return Line(object_id, modified_ms, bool(deleted), fields)
