"""Organizations and their API tokens in the database; reach them as ``uow.repo(OrgRepository)``.

The organization overview counts each one's suggestions (capture's table), read here in one query."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from tilbake.accounts.tables import api_tokens, organizations
from tilbake.capture.tables import suggestions
from tilbake.store.clock import aware, utcnow

_FIND_TOKEN = (  # built once: this runs on every API call
    select(api_tokens.c.id, api_tokens.c.organization_id, organizations.c.name.label("organization"))
    .join(organizations, organizations.c.id == api_tokens.c.organization_id)
    .where(api_tokens.c.token_hash == bindparam("h"), api_tokens.c.revoked_at.is_(None))
)


class OrgRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def create(self, name: str) -> dict[str, Any]:
        now = utcnow()
        key = self.conn.execute(insert(organizations).values(name=name, created_at=now)).inserted_primary_key
        assert key is not None
        return {"id": key[0], "name": name, "created_at": now}

    def by_name(self, name: str) -> dict[str, Any] | None:
        row = self.conn.execute(select(organizations).where(organizations.c.name == name)).mappings().first()
        return _with_aware(row)

    def by_id(self, org_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(select(organizations).where(organizations.c.id == org_id)).mappings().first()
        return _with_aware(row)

    def delete(self, org_id: int) -> bool:
        """Delete an organization; its tokens, types, suggestions, consents and exports go with it
        (every table refers to it ON DELETE CASCADE)."""
        return int(self.conn.execute(delete(organizations).where(organizations.c.id == org_id)).rowcount) == 1

    def list(self) -> list[dict[str, Any]]:
        counts = (
            select(suggestions.c.organization_id, func.count().label("n"))
            .group_by(suggestions.c.organization_id)
            .subquery()
        )
        query = (
            select(organizations, func.coalesce(counts.c.n, 0).label("suggestions"))
            .outerjoin(counts, counts.c.organization_id == organizations.c.id)
            .order_by(organizations.c.id)
        )
        return [_with_aware(row) or {} for row in self.conn.execute(query).mappings()]


class TokenRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, org_id: int, name: str, token_hash: str, prefix: str) -> dict[str, Any]:
        now = utcnow()
        values = dict(organization_id=org_id, name=name, token_hash=token_hash, prefix=prefix, created_at=now)
        key = self.conn.execute(insert(api_tokens).values(**values)).inserted_primary_key
        assert key is not None
        return {"id": key[0], "organization_id": org_id, "name": name, "prefix": prefix, "created_at": now,
                "revoked_at": None}

    def count(self, org_id: int) -> int:
        query = select(func.count()).where(api_tokens.c.organization_id == org_id)
        return int(self.conn.execute(query).scalar_one())

    def find_active(self, token_hash: str) -> dict[str, Any] | None:
        """The live token with this hash and its organization, or None."""
        row = self.conn.execute(_FIND_TOKEN, {"h": token_hash}).mappings().first()
        return dict(row) if row else None

    def list(self, org_id: int) -> list[dict[str, Any]]:
        cols = [c for c in api_tokens.c if c.name != "token_hash"]
        query = select(*cols).where(api_tokens.c.organization_id == org_id).order_by(api_tokens.c.id)
        return [_with_aware(row) or {} for row in self.conn.execute(query).mappings()]

    def revoke(self, org_id: int, token_id: int) -> bool:
        """Revoke a live token of this organization; False if there is none."""
        result = self.conn.execute(
            update(api_tokens)
            .where(api_tokens.c.id == token_id, api_tokens.c.organization_id == org_id,
                   api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        return result.rowcount == 1


def _with_aware(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    out = dict(row)
    for key in ("created_at", "revoked_at"):
        if key in out:
            out[key] = aware(out[key])
    return out
