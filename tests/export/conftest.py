"""Fixtures for the export service: a migrated database (SQLite, and PostgreSQL when marked), an
organization with decided suggestions, and an export service with a fake anonymizer.

PostgreSQL: a throwaway database on 127.0.0.1:5432 (trust auth), dropped afterwards. Without a server
the postgres cases skip, unless TILBAKE_REQUIRE_POSTGRES=1 (as in `make test`), where they fail.
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest

PG_ADMIN = os.environ.get("TILBAKE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
FNR = re.compile(r"\b\d{11}\b")


def fake_deid(text: str) -> str:
    """Knows one name and fødselsnummer; misses phone numbers (the leak gate must catch those)."""
    return FNR.sub("[FNUMMER]", text.replace("Ola Nordmann", "[NAVN]"))


def _pg_database():
    psycopg = pytest.importorskip("psycopg")
    name = f"tilbake_export_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        if os.environ.get("TILBAKE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required but unavailable: {type(exc).__name__}")
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432")
    return name, PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + name


def _drop_pg(name):
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tilbake.db'}"
        return
    name, url = _pg_database()
    yield url
    _drop_pg(name)


@pytest.fixture
def db(db_url):
    from tilbake.store import open_database

    database = open_database(db_url)
    yield database
    database.dispose()


def record(i, decision, original=None, correction=None, stype="soap_plan", **context):
    ctx = {"chief_complaint": "Vondt i korsryggen", "patient_age": 47, "diagnosis_codes": ["L03"], **context}
    return {
        "suggestion_type": stype,
        "original_suggestion": original or f"Forslag nummer {i}.",
        "user_correction": correction,
        "correction_type": decision,
        "accepted": decision == "accepted_as_is",
        "confidence_score": 0.75,
        "context_data": ctx,
        "encounter_id": f"enc-{i}",
        "session_id": "sess-1",
    }


def add_suggestions(db, org_id, records, *, decided=True, start=0):
    now = datetime.now(UTC) - timedelta(minutes=5)
    with db.unit_of_work() as uow:
        uow.suggestions.insert_many(
            org_id, [(f"p{start + i}", rec, now, now if decided else None) for i, rec in enumerate(records)]
        )


@pytest.fixture
def org(db):
    with db.unit_of_work() as uow:
        return uow.orgs.create(f"Klinikk {uuid.uuid4().hex[:6]}")["id"]


@pytest.fixture
def service(db, tmp_path):
    from tilbake.export.anonymize import CallableAnonymizer
    from tilbake.export.leakscan import LeakScanner
    from tilbake.export.service import ExportService

    return ExportService(
        db,
        tmp_path / "exports",
        lambda mode: CallableAnonymizer(fake_deid, mode=mode),
        LeakScanner,
        batch_size=7,
    )
