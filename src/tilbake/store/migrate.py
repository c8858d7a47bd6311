"""Alembic, driven from code: the migrations ship inside the package and run on start.

Concurrent starters (several uvicorn workers) are serialized: on PostgreSQL by a transaction-level
advisory lock, on SQLite by the BEGIN IMMEDIATE write lock that wraps the whole upgrade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, text

from tilbake.errors import StorageError

if TYPE_CHECKING:
    from tilbake.store.database import Database

_LOCK_KEY = 0x7469_6C62  # "tilb"


def alembic_config(conn: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "tilbake.store:migrations")
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def known_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_heads(conn: Connection) -> set[str]:
    return set(MigrationContext.configure(conn).get_current_heads())


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(db: Database, target: str = "heads") -> None:
    script = ScriptDirectory.from_config(alembic_config())
    with db.engine.connect() as conn, conn.begin():
        if db.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
        unknown = [rev for rev in current_heads(conn) if not _known(script, rev)]
        if unknown:
            raise StorageError(
                f"the database is at schema revision {', '.join(sorted(unknown))}, which this version "
                f"of tilbake does not know (newest known: {', '.join(sorted(known_heads()))})"
            )
        command.upgrade(alembic_config(conn), target)


def is_current(db: Database) -> bool:
    with db.engine.connect() as conn:
        return current_heads(conn) == known_heads()
