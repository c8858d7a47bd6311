"""Retention periods in the database; reach it as ``uow.repo(RetentionRepository)``."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from tilbake.accounts.tables import organizations
from tilbake.lifecycle.tables import text_retention
from tilbake.store.clock import utcnow


class RetentionRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def days(self, org_id: int) -> int | None:
        query = select(text_retention.c.days).where(text_retention.c.organization_id == org_id)
        value = self.conn.execute(query).scalar()
        return int(value) if value is not None else None

    def set(self, org_id: int, days: int) -> None:
        """Set (replace) the organization's period: delete, then insert (the same SQL on both databases)."""
        self.conn.execute(delete(text_retention).where(text_retention.c.organization_id == org_id))
        values = {"organization_id": org_id, "days": days, "updated_at": utcnow()}
        self.conn.execute(insert(text_retention).values(**values))

    def all_orgs(self) -> list[tuple[int, int | None]]:
        """Every organization's id with its own period (None: the default)."""
        query = (
            select(organizations.c.id, text_retention.c.days)
            .outerjoin(text_retention, text_retention.c.organization_id == organizations.c.id)
            .order_by(organizations.c.id)
        )
        return [(int(r.id), r.days) for r in self.conn.execute(query)]
