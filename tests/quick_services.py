"""Fixtures shared by the lifecycle and audit tests: the wiring root over the shared test database
(SQLite and PostgreSQL), with an export service on the fake de-identifier so exports are quick and
real. A test folder's conftest imports them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.export.export_fixtures import fake_deid

from tilbake.config import Settings
from tilbake.export.anonymize import CallableAnonymizer
from tilbake.export.leakscan import LeakScanner
from tilbake.export.service import ExportService
from tilbake.web import create_app
from tilbake.wiring import Services


@pytest.fixture
def services(db, tmp_path):
    built = Services(Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)}), db)
    built.exports = ExportService(db, built.exports_dir, lambda m: CallableAnonymizer(fake_deid, mode=m),
                                  LeakScanner, batch_size=4)
    return built


@pytest.fixture
def client(services):
    with TestClient(create_app(services)) as c:
        yield c


@pytest.fixture
def auth(org):
    return {"Authorization": f"Bearer {org[1]}"}
