"""Fixtures for the export service tests. The database comes from tests/conftest.py (shared per run,
once on SQLite and once on PostgreSQL); each test gets a fresh organization and exports folder."""

from __future__ import annotations

import uuid

import pytest
from export_fixtures import fake_deid

from tilbake.accounts.repository import OrgRepository


@pytest.fixture
def db_url(db):
    """The URL of the shared test database (the kill test's child process opens it too)."""
    return db.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def org(db):
    """A fresh organization's id (tests/conftest.py's `org` gives a row and a token)."""
    with db.unit_of_work() as uow:
        return uow.repo(OrgRepository).create(f"klinikk-{uuid.uuid4().hex[:10]}")["id"]


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
