"""Opening the database: engine settings per dialect, migrations on start, units of work.

SQLite (default) is one file in the data directory, in WAL mode with foreign keys on; write
transactions start with BEGIN IMMEDIATE so concurrent writers queue on the busy timeout instead
of failing on a lock upgrade. PostgreSQL is used through psycopg 3, with the session in UTC.
SQL parameters never appear in error messages (`hide_parameters`), and database errors surface
as StorageError naming only the error class.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from tilbake.errors import ConfigError, StorageError
from tilbake.store.uow import UnitOfWork

_WRITE = "tilbake_write"
MEMORY = "sqlite://"  # the in-memory database (memory_database); a file database needs a path


class _QuietFilter(logging.Filter):
    """SQLAlchemy logs result rows (clinical text) at DEBUG: let only warnings and errors through."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


for _name in ("sqlalchemy.engine", "sqlalchemy.engine.Engine", "sqlalchemy.pool",
              "sqlalchemy.pool.impl.QueuePool"):
    logging.getLogger(_name).addFilter(_QuietFilter())


def normalize_url(url: str) -> str:
    """Pin PostgreSQL to psycopg 3 (plain postgresql:// would ask SQLAlchemy for psycopg2)."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain):]
    return url


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ConfigError("TILBAKE_DATABASE_URL: SQLite needs a file path, not :memory:")
    _private_sqlite(Path(database))
    engine = create_engine(
        url,
        hide_parameters=True,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=8,
        max_overflow=8,
    )
    return _sqlite_events(engine, wal=True)


def _private_sqlite(path: Path) -> None:
    """The database file (and its WAL and shared-memory files, which SQLite makes with the database
    file's mode) readable by its owner only, from creation; a missing folder is made 0700."""
    from tilbake.files import private_dir, private_file

    if not path.parent.exists():
        private_dir(path.parent)
    private_file(path)
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if extra.exists():
            private_file(extra)


def _memory_engine() -> Engine:
    # one connection shared by every checkout (StaticPool): each new one would be a new, empty database
    engine = create_engine("sqlite://", hide_parameters=True, poolclass=StaticPool,
                           connect_args={"check_same_thread": False})
    return _sqlite_events(engine, wal=False)


def _sqlite_events(engine: Engine, *, wal: bool) -> Engine:
    pragmas = ("journal_mode=WAL", "synchronous=NORMAL") if wal else ()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        for pragma in (*pragmas, "foreign_keys=ON", "busy_timeout=30000"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
            return  # each statement is its own transaction
        immediate = conn.get_execution_options().get(_WRITE, True)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _postgres_engine(url: str) -> Engine:
    return create_engine(
        url,
        hide_parameters=True,
        # Kept connections for a busy worker, so it does not open and close PostgreSQL connections
        # (a server process each) under load; 30 at most per process (PostgreSQL allows 100).
        pool_size=20,
        max_overflow=10,
        pool_timeout=30,
        connect_args={"options": "-c timezone=UTC", "connect_timeout": 10},
    )


class Database:
    """One engine and everything needed to work with it."""

    def __init__(self, url: str) -> None:
        url = normalize_url(url)
        self.dialect = make_url(url).get_backend_name()
        if url == MEMORY:
            self.engine = _memory_engine()
        elif self.dialect == "sqlite":
            self.engine = _sqlite_engine(url)
        elif self.dialect == "postgresql":
            self.engine = _postgres_engine(url)
        else:
            raise ConfigError(f"unsupported database {self.dialect!r}: use sqlite or postgresql")

    def __repr__(self) -> str:
        return f"Database({self.engine.url.render_as_string(hide_password=True)!r})"

    def migrate(self) -> None:
        """Bring the schema to the newest revision the package ships (safe to run concurrently)."""
        from tilbake.store.migrate import upgrade

        try:
            upgrade(self)
        except DBAPIError as exc:  # the first connection of a process: say where to look
            raise StorageError(f"cannot open the database ({type(exc.orig).__name__}): is it running, and is "
                               "TILBAKE_DATABASE_URL right?") from None

    @contextmanager
    def unit_of_work(self, *, write: bool = True, atomic: bool = True) -> Iterator[UnitOfWork]:
        """One transaction: committed when the block ends, rolled back entirely if it raises.

        `atomic=False` lets PostgreSQL run each statement as its own transaction (autocommit): two
        round trips fewer, for work whose only write is a single statement (reads, one insert, one
        guarded update), where there is nothing to roll back together. SQLite (no round trips to
        save) always uses a transaction.
        """
        try:
            with self.engine.connect() as conn:
                if not atomic and self.dialect == "postgresql":
                    conn.execution_options(isolation_level="AUTOCOMMIT")
                    yield UnitOfWork(conn)
                    return
                conn.execution_options(**{_WRITE: write})
                with conn.begin():
                    yield UnitOfWork(conn)
        except DBAPIError as exc:
            # The driver's message may quote values; name only the error class.
            raise StorageError(f"database error: {type(exc.orig).__name__}") from None

    def ping(self) -> None:
        """One round trip; StorageError when the database does not answer (health checks)."""
        with self.unit_of_work(write=False, atomic=False) as uow:
            uow.conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


def memory_database() -> Database:
    """A migrated SQLite database in memory, gone with the process: the store's fake, so services can
    be tested without files or a server."""
    return open_database(MEMORY)


def open_database(url: str, *, migrate: bool = True) -> Database:
    db = Database(url)
    if migrate:
        db.migrate()
    return db
