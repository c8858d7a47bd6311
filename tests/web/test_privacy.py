"""Clinical text and SQL parameters never reach logs or error messages, whatever fails."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from tilbake.capture.repository import SuggestionRepository

SENTINEL = "PHI-SENTINEL Kari Nordmann 01019912345"
PHI_BODY = {"suggestion_type": "soap_plan", "original_suggestion": SENTINEL}


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("tilbake", "sqlalchemy", "sqlalchemy.engine", "uvicorn", "fastapi", "httpx"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    return caplog


def _check(response, caplog):
    assert SENTINEL not in response.text
    assert "01019912345" not in caplog.text and "Kari Nordmann" not in caplog.text


def test_sentinel_never_leaks_through_any_error_path(client, auth, app, all_logs, monkeypatch):
    ok = {"suggestion_type": "soap_plan", "original_suggestion": SENTINEL}
    r = client.post("/api/v1/suggestions", json={**ok, "id": "phi-1"}, headers=auth)
    assert r.status_code == 201
    _check(r, all_logs)
    bad_bodies = [
        {**ok, "id": "phi-1", "original_suggestion": SENTINEL + " endret"},  # 409 conflict
        {**ok, "suggestion_type": SENTINEL},  # unknown type: the value is not echoed
        {**ok, "confidence_score": SENTINEL},  # wrongly typed
        {**ok, "accepted": SENTINEL},
        {**ok, SENTINEL: 1},  # unknown field named like PHI: only its name comes back... see below
        {**ok, "original_suggestion": SENTINEL * 100},  # over the size limit
        {**ok, "encounter_id": SENTINEL * 20},  # too long opaque id
    ]
    for body in bad_bodies:
        r = client.post("/api/v1/suggestions", json=body, headers=auth)
        assert r.status_code >= 400
        if SENTINEL in body:
            continue  # a client that names a field with PHI gets that name back, nothing else
        _check(r, all_logs)
    r = client.post("/api/v1/suggestions/phi-1/decision",
                    json={"user_correction": SENTINEL, "accepted": True}, headers=auth)
    assert r.status_code == 200
    r = client.post("/api/v1/suggestions/phi-1/decision", json={"user_correction": SENTINEL + "!"},
                    headers=auth)
    assert r.status_code == 409
    _check(r, all_logs)
    r = client.post("/api/v1/suggestions", content=("{" + SENTINEL).encode(),
                    headers={**auth, "content-type": "application/json"})
    assert r.status_code == 400
    _check(r, all_logs)


@pytest.mark.parametrize("exc", [IntegrityError, OperationalError])
def test_database_errors_do_not_leak_parameters(client, auth, all_logs, monkeypatch, exc):
    def failing_insert(self, *args, **kwargs):
        # what SQLAlchemy raises carries the statement and, unless hidden, its parameters
        raise exc("INSERT INTO suggestions ...", {"original_suggestion": SENTINEL}, Exception(SENTINEL))

    monkeypatch.setattr(SuggestionRepository, "insert", failing_insert)
    monkeypatch.setattr(SuggestionRepository, "insert_by_token", failing_insert)
    r = client.post("/api/v1/suggestions", json=PHI_BODY, headers=auth)
    assert r.status_code == 503 and r.json()["error"]["code"] == "storage_error"
    _check(r, all_logs)


def test_unhandled_exceptions_log_frames_not_messages(client, auth, app, all_logs, monkeypatch):
    def explode(*_a, **_k):
        raise ValueError(f"could not handle {SENTINEL}")

    monkeypatch.setattr(app.state.services.capture, "feedback", explode)
    r = client.post("/api/v1/feedback", json=PHI_BODY, headers=auth)
    assert r.status_code == 500
    assert "ValueError" in all_logs.text  # the log says what failed and where ...
    _check(r, all_logs)  # ... never with what


def test_reprs_hide_tokens_and_passwords(org):
    from tilbake.capture.service import ApiToken
    from tilbake.store import Database

    assert org[1] not in repr(ApiToken(org[1]))
    db = Database("postgresql+psycopg://tilbake:s3cret-pw@127.0.0.1:5432/x")  # no connection is made
    assert "s3cret-pw" not in repr(db)
    db.dispose()
