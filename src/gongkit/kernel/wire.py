"""Wire types and validators shared by every group's request models.

Models accept unknown fields (Gong clients send forward-compatible bodies) and refuse wrong types (strict
mode: a number is not a string, ``"true"`` is not a boolean). Date-times and ids are checked and converted
here, so a bad value is a 400 that names its field.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from gongkit.kernel.clock import DateTimeError, parse_datetime_ms
from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.ids import id_value


def wire_id(value: str, what: str = "id") -> int:
    """A numeric id (ASCII digits, up to 20) as an int; a 400 naming ``what`` otherwise."""
    n = id_value(value)
    if n is None:
        raise InvalidRequest(f"{what}: '{value}' is not a valid id (a numeric string of up to 20 digits)")
    return n


def _id(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError("id_type", "must be a string holding a numeric id")
    n = id_value(value)
    if n is None:
        raise PydanticCustomError(
            "id", "'{value}' is not a valid id (a numeric string of up to 20 digits)", {"value": value}
        )
    return n


def _datetime(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError("datetime_type", "must be an ISO-8601 date-time string")
    try:
        return parse_datetime_ms(value)
    except DateTimeError as exc:
        raise PydanticCustomError("datetime", "{reason}", {"reason": str(exc)}) from None


# --- bounds: what one request may carry (Gong states few limits; these are generous for real use and keep one
# request from holding the store: they are listed in the README's "Limits") ------------------------------------

MAX_IDS = 10_000  # ids in one filter (callIds, userIds, primaryUserIds)
MAX_PARTIES = 1_000  # parties of one call
MAX_CONTEXT_OBJECTS = 100  # CRM objects in the context of one call or one party
MAX_CONTEXT_FIELDS = 200  # fields of one context object
MAX_SEGMENTS = 100_000  # speech segments of one call's speakers timeline
MAX_TEXT = 10_000  # characters of a free-text field (titles, names, custom data)
MAX_SECONDS = 31 * 24 * 3600  # a duration or an offset into a call, in seconds (31 days)


#: A wire id (numeric string) read as an int.
WireId = Annotated[int, BeforeValidator(_id)]
#: An ISO-8601 date-time read as epoch milliseconds.
DateTimeMs = Annotated[int, BeforeValidator(_datetime)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
#: Free text of bounded length.
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _object(cls, data: Any) -> Any:
        if not isinstance(data, dict | BaseModel):
            raise PydanticCustomError("object_type", "must be a JSON object")
        return data


def check_range(from_ms: int | None, to_ms: int | None, from_name: str, to_name: str) -> None:
    if from_ms is not None and to_ms is not None and to_ms < from_ms:
        raise PydanticCustomError("date_range", f"{to_name} must not be earlier than {from_name}")
