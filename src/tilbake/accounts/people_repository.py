"""People and their sessions in the database; reach them as ``uow.repo(UserRepository)`` and
``uow.repo(SessionRepository)``. Password hashes never leave this module's callers' service."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from tilbake.accounts.tables import organizations, users, web_sessions
from tilbake.store.clock import aware, utcnow

_PUBLIC = [c for c in users.c if c.name != "password_hash"]
_TIMES = ("created_at", "disabled_at", "expires_at")


def _row(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    out = dict(row)
    for key in _TIMES:
        if key in out:
            out[key] = aware(out[key])
    return out


class UserRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, org_id: int, username: str, display_name: str, role: str, password_hash: str
            ) -> dict[str, Any]:
        values = dict(organization_id=org_id, username=username, display_name=display_name, role=role,
                      password_hash=password_hash, created_at=utcnow())
        key = self.conn.execute(insert(users).values(**values)).inserted_primary_key
        assert key is not None
        found = self.by_id(key[0])
        assert found is not None
        return found

    def by_id(self, user_id: int) -> dict[str, Any] | None:
        query = select(*_PUBLIC).where(users.c.id == user_id)
        return _row(self.conn.execute(query).mappings().first())

    def exists(self, username: str) -> bool:
        return self.conn.execute(select(users.c.id).where(users.c.username == username)).first() is not None

    def credentials(self, username: str) -> dict[str, Any] | None:
        """The live user with this name, hash included (for sign-in only), and the organization's name."""
        query = (
            select(users, organizations.c.name.label("organization"))
            .join(organizations, organizations.c.id == users.c.organization_id)
            .where(users.c.username == username, users.c.disabled_at.is_(None))
        )
        return _row(self.conn.execute(query).mappings().first())

    def set_hash(self, user_id: int, password_hash: str) -> None:
        self.conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))

    def list(self, org_id: int) -> list[dict[str, Any]]:
        query = select(*_PUBLIC).where(users.c.organization_id == org_id).order_by(users.c.id)
        return [_row(r) or {} for r in self.conn.execute(query).mappings()]

    def disable(self, org_id: int, username: str) -> int | None:
        """Disable a live user of this organization; their id, or None if there is none."""
        found = self.conn.execute(
            select(users.c.id).where(users.c.organization_id == org_id, users.c.username == username,
                                     users.c.disabled_at.is_(None))
        ).first()
        if found is None:
            return None
        self.conn.execute(update(users).where(users.c.id == found[0]).values(disabled_at=utcnow()))
        return int(found[0])


class SessionRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, session_hash: str, user_id: int, csrf_token: str, expires_at: datetime) -> None:
        self.conn.execute(insert(web_sessions).values(id=session_hash, user_id=user_id, csrf_token=csrf_token,
                                                      created_at=utcnow(), expires_at=expires_at))

    def live(self, session_hash: str, now: datetime) -> dict[str, Any] | None:
        """The unexpired session with this hash and its live user (and organization), or None."""
        query = (
            select(web_sessions.c.csrf_token, web_sessions.c.expires_at, users.c.id.label("user_id"),
                   users.c.organization_id, users.c.username, users.c.display_name, users.c.role,
                   organizations.c.name.label("organization"))
            .join(users, users.c.id == web_sessions.c.user_id)
            .join(organizations, organizations.c.id == users.c.organization_id)
            .where(web_sessions.c.id == session_hash, web_sessions.c.expires_at > now,
                   users.c.disabled_at.is_(None))
        )
        return _row(self.conn.execute(query).mappings().first())

    def remove(self, session_hash: str) -> None:
        self.conn.execute(delete(web_sessions).where(web_sessions.c.id == session_hash))

    def remove_user(self, user_id: int) -> None:
        self.conn.execute(delete(web_sessions).where(web_sessions.c.user_id == user_id))

    def remove_expired(self, now: datetime) -> int:
        return self.conn.execute(delete(web_sessions).where(web_sessions.c.expires_at <= now)).rowcount
