"""A client's PostgreSQL database as a read-only source: one snapshot, its tables' columns, row streams.

The connection is opened with ``default_transaction_read_only=on`` and the one transaction is
``REPEATABLE READ, READ ONLY`` (so the counts behind a progress bar and the rows read agree), and it is
rolled back at the end: nothing is ever written to the source. Messages name the host and the
database, never the password, and never quote a value.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    DateTime,
    String,
    bindparam,
    cast,
    column,
    create_engine,
    func,
    select,
    table,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from tilbake.errors import InputError, StorageError, ValidationError
from tilbake.store.database import normalize_url


def _where_named(url: str) -> str:
    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


@contextmanager
def read_only_snapshot(database_url: str) -> Iterator[Connection]:
    """A connection inside one read-only, repeatable-read transaction, rolled back on exit."""
    try:
        url = normalize_url(database_url)
        if make_url(url).get_backend_name() != "postgresql":
            raise ArgumentError("not postgresql")
        engine = create_engine(url, hide_parameters=True, poolclass=NullPool, connect_args={
            "options": "-c default_transaction_read_only=on", "connect_timeout": 10})
    except (ArgumentError, ImportError):  # not a URL, another database, or a driver not installed
        raise ValidationError("--database-url must be a PostgreSQL URL "
                              "(postgresql://user@host:5432/database)", field="database_url") from None
    try:
        conn = engine.connect()
    except DBAPIError as exc:
        raise InputError(f"cannot connect to the source database {_where_named(url)} "
                         f"({type(exc.orig).__name__})") from None
    try:
        with conn:
            trans = conn.begin()
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
            try:
                yield conn
            finally:
                trans.rollback()
    except DBAPIError as exc:
        raise StorageError(f"the source database failed ({type(exc.orig).__name__})") from None
    finally:
        engine.dispose()


def columns_of(conn: Connection, name: str) -> set[str] | None:
    """The columns of a table on the search path, or None when there is no such table."""
    rows = conn.execute(text(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t) AND attnum > 0 "
        "AND NOT attisdropped"), {"t": name}).scalars().all()
    return set(rows) or None


@dataclass(frozen=True)
class TableRead:
    """What to read of one table: these columns, rows of one organization (when it has the column)."""

    name: str
    columns: Sequence[str]
    organization: str | None = None  # compared as text, so UUID and integer keys both work
    until: datetime | None = None  # only rows created before

    def _from(self, *what: Any) -> Any:
        query = select(*what).select_from(table(self.name))
        if self.organization is not None:
            query = query.where(cast(column("organization_id"), String) == self.organization)
        if self.until is not None:
            until = self.until if self.until.tzinfo else self.until.replace(tzinfo=UTC)
            before = bindparam("until", until, type_=DateTime(timezone=True))
            query = query.where(column("created_at") < before)
        return query

    def count(self, conn: Connection) -> int:
        return int(conn.execute(self._from(func.count())).scalar_one())

    def organizations(self, conn: Connection, limit: int) -> list[str]:
        """Distinct organization ids of the table (at most ``limit``)."""
        org = cast(column("organization_id"), String)
        query = select(org).select_from(table(self.name)).where(org.is_not(None)).distinct().limit(limit)
        return sorted(conn.execute(query).scalars().all())

    def batches(self, conn: Connection, size: int) -> Iterator[list[dict[str, Any]]]:
        """The rows in batches, oldest first, through a server-side cursor."""
        query = self._from(*(column(c) for c in self.columns)).order_by(column("created_at"), column("id"))
        result = conn.execution_options(stream_results=True, yield_per=size).execute(query).mappings()
        for part in result.partitions(size):
            yield [dict(row) for row in part]
