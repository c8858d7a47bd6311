from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tilbake.config import Settings
from tilbake.web import create_app
from tilbake.wiring import Services

MAX_TEXT = 500


@pytest.fixture
def app(db, tmp_path):
    settings = Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path), "TILBAKE_MAX_TEXT_CHARS": str(MAX_TEXT)})
    return create_app(Services(settings, db))


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture
def auth(org):
    return {"Authorization": f"Bearer {org[1]}"}
