"""Recording and listing the audit trail.

Services record an event inside the unit of work of the action itself (``record``), so an action and
its event are committed together or not at all. The actor is an API token's id or, for the CLI, the
local user who ran it (``actor``).
"""

from __future__ import annotations

import getpass
from typing import Any

from tilbake.audit.repository import AuditRepository
from tilbake.errors import ValidationError
from tilbake.store import Database, UnitOfWork
from tilbake.store.clock import utcnow

MAX_LIMIT = 500


def actor(token_id: int | None) -> str:
    """Who acts: ``token:<id>`` through the API, ``cli:<user>`` for the local operator."""
    if token_id is not None:
        return f"token:{token_id}"
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment (e.g. a bare container uid)
        user = "unknown"
    return f"cli:{user}"


SCHEDULED = "system:scheduled"  # the actor of what the service does on its own (retention)


def record(uow: UnitOfWork, org_id: int | None, token_id: int | None, action: str, object_type: str,
           object_id: str | None = None, count: int | None = None, *, by: str | None = None) -> None:
    """Add one event to the trail in this unit of work (``by`` names an actor that is no caller)."""
    uow.repo(AuditRepository).add({
        "at": utcnow(), "organization_id": org_id, "actor": by or actor(token_id), "action": action,
        "object_type": object_type, "object_id": object_id, "count": count,
    })


class AuditService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, org_id: int | None, *, limit: int = 100, cursor: str | None = None) -> dict[str, Any]:
        """One page of events, newest first (every organization's for ``org_id`` None)."""
        if not 1 <= limit <= MAX_LIMIT:
            raise ValidationError(f"limit must be 1-{MAX_LIMIT}, got {limit}", field="limit")
        if cursor and not cursor.isdigit():
            raise ValidationError("cursor must be a next_cursor value from a previous page", field="cursor")
        with self.db.unit_of_work(write=False) as uow:
            rows = uow.repo(AuditRepository).list(org_id, limit=limit + 1,
                                                  before=int(cursor) if cursor else None)
        more = len(rows) > limit
        rows = rows[:limit]
        return {"events": rows, "next_cursor": str(rows[-1]["id"]) if more and rows else None}
