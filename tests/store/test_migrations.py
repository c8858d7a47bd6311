"""Migrations from an empty database, on SQLite and PostgreSQL; the schema matches the tables."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

import tilbake.export.tables  # noqa: F401 - the export area's tables live on the same metadata
from tilbake.errors import StorageError
from tilbake.store import open_database
from tilbake.store.metadata import metadata
from tilbake.store.migrate import alembic_config, current_heads, is_current, known_heads
from tilbake.store.testing import throwaway_postgres


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'sub' / 'fresh.db'}"
        return
    with throwaway_postgres(request.getfixturevalue("pg_server_url"), prefix="tilbake_mig") as url:
        yield url


def test_from_empty_to_head_and_schema_matches_tables(empty_url):
    db = open_database(empty_url, migrate=False)
    try:
        assert not is_current(db)
        db.migrate()
        assert is_current(db)
        tables = set(inspect(db.engine).get_table_names())
        assert {"organizations", "api_tokens", "suggestion_types", "suggestions"} <= tables
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diffs == []
        db.migrate()  # a second start changes nothing
        assert is_current(db)
    finally:
        db.dispose()


def test_downgrade_to_empty_and_up_again(empty_url):
    db = open_database(empty_url)
    try:
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.migrate()
        assert is_current(db)
    finally:
        db.dispose()


def test_unknown_revision_fails_loudly(empty_url):
    db = open_database(empty_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'zz_future'"))
            assert current_heads(conn) == {"zz_future"}
        with pytest.raises(StorageError, match="zz_future"):
            db.migrate()
        assert known_heads()
    finally:
        db.dispose()


def test_concurrent_starts_migrate_once(empty_url):
    """Several workers starting together: each migrate() succeeds and the schema ends up current."""
    import threading

    dbs = [open_database(empty_url, migrate=False) for _ in range(3)]
    errors = []

    def start(db):
        try:
            db.migrate()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(db,)) for db in dbs]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == [] and all(is_current(db) for db in dbs)
    finally:
        for db in dbs:
            db.dispose()
