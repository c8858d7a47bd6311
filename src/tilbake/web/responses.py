"""JSON responses rendered with orjson (fast, and datetimes come out as ISO 8601)."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    """The one error shape every 4xx and 5xx answers with."""
    error: dict[str, Any] = {"code": code, "message": message}
    if field:
        error["field"] = field
    return {"error": error}


def error(status: int, code: str, message: str, field: str | None = None) -> JSON:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSON(error_body(code, message, field), status_code=status, headers=headers)
