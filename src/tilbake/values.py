"""Values every database can store: the checks behind a 422 where a value would otherwise fail in SQL.

PostgreSQL refuses NUL characters in text and JSON ``Infinity``; orjson and SQLite's UTF-8 refuse lone
surrogates (a broken ``\\ud800`` escape); JSON integers beyond 64 bits fit no column and no encoder.
``StorableModel`` runs the check on every field of a request model, so a bad value is a validation
error naming the field, never a 500 or 503. Messages say what is wrong, never the value.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

INT64 = (-(2**63), 2**63 - 1)
MAX_DEPTH = 32


def text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character (\\u0000)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (invalid Unicode)"
    return None


def problem(value: Any, depth: int = 0) -> str | None:
    """Why ``value`` (a parsed JSON value) cannot be stored, or None."""
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return None if INT64[0] <= value <= INT64[1] else "holds an integer outside the 64-bit range"
    if isinstance(value, float):
        return None if math.isfinite(value) else "holds a number that is not finite (Infinity, NaN, 1e400)"
    if depth > MAX_DEPTH and isinstance(value, dict | list | tuple):
        return f"is nested deeper than {MAX_DEPTH} levels"
    if isinstance(value, dict):
        for key, item in value.items():
            found = problem(key, depth + 1) if isinstance(key, str) else "has a key that is not a string"
            found = found or problem(item, depth + 1)
            if found:
                return found
    elif isinstance(value, list | tuple):
        for item in value:
            if found := problem(item, depth + 1):
                return found
    return None


def _numeric(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _iso_only(value: Any) -> Any:
    """A time is ISO 8601 text or a datetime; a number, or a string of digits, is refused: read as a
    Unix timestamp it would be a guess ("15108637274" became the year 2448)."""
    if isinstance(value, bool | int | float) or isinstance(value, str) and _numeric(value):
        raise PydanticCustomError(
            "datetime_iso", "must be an ISO 8601 date or time (2026-03-01, 2026-03-01T10:00:00+01:00), "
            "not a number")
    return value


#: a datetime given as ISO 8601 text (or a datetime object), never as a number
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only)]


class StorableModel(BaseModel):
    """A request model whose every field holds only values both databases can store."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        if isinstance(value, BaseModel):
            return value  # it checked its own fields
        found = problem(value)
        if found:
            raise PydanticCustomError("unstorable", found)
        return value
