"""Audit events in the database; reach it as ``uow.repo(AuditRepository)``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select

from tilbake.audit.tables import audit_events
from tilbake.store.clock import aware


class AuditRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, values: Mapping[str, Any]) -> None:
        self.conn.execute(insert(audit_events).values(**values))

    def list(self, org_id: int | None, *, limit: int, before: int | None = None) -> list[dict[str, Any]]:
        """Newest first; every organization's when ``org_id`` is None; ``before``: an event id."""
        e = audit_events
        query = select(e)
        if org_id is not None:
            query = query.where(e.c.organization_id == org_id)
        if before is not None:
            query = query.where(e.c.id < before)
        rows = self.conn.execute(query.order_by(e.c.id.desc()).limit(limit)).mappings()
        return [{**row, "at": aware(row["at"])} for row in rows]
