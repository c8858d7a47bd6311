"""Retention of raw suggestion text on SQLite and PostgreSQL: past its period the text is removed (the
decision stays), the row is never exported, counts are logged without text; the web service prunes on
start and `tilbake prune` on demand."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from tests.export.export_fixtures import record
from typer.testing import CliRunner

from tilbake.capture.repository import SuggestionFilter, SuggestionRepository
from tilbake.cli import app
from tilbake.errors import ValidationError
from tilbake.lifecycle.retention import DEFAULT_TEXT_RETENTION_DAYS

SECRET_TEXT = "Kari Nordmann 01018012345 ryggsmerter"


def _add(db, org_id, *, days_ago, decided=True, pid):
    when = datetime.now(UTC) - timedelta(days=days_ago)
    rec = record(0, "minor_edit", SECRET_TEXT, SECRET_TEXT + " korrigert")
    rec["feedback_notes"] = SECRET_TEXT
    with db.unit_of_work() as uow:
        uow.repo(SuggestionRepository).insert_new(org_id, [(pid, rec, when, when if decided else None)])


def _row(db, org_id, pid):
    with db.unit_of_work(write=False) as uow:
        return uow.repo(SuggestionRepository).get(org_id, pid)


def test_default_period_prunes_old_text_keeps_the_decision_and_logs_counts_only(db, org, services, caplog):
    org_id = org[0]["id"]
    _add(db, org_id, days_ago=DEFAULT_TEXT_RETENTION_DAYS + 5, pid="old")
    _add(db, org_id, days_ago=DEFAULT_TEXT_RETENTION_DAYS + 5, decided=False, pid="old-undecided")
    _add(db, org_id, days_ago=10, pid="recent")
    with caplog.at_level(logging.INFO, logger="tilbake"):
        pruned = services.retention.prune(org[0]["name"])
    assert pruned == {org_id: 2}
    old = _row(db, org_id, "old")
    assert old["original_suggestion"] == "" and old["user_correction"] is None
    assert old["feedback_notes"] is None and old["context_data"] is None and old["text_pruned_at"]
    assert old["correction_type"] == "minor_edit" and old["confidence_score"] == 0.75  # the decision stays
    assert _row(db, org_id, "recent")["original_suggestion"] == SECRET_TEXT
    assert "removed the raw text of 2 suggestions" in caplog.text and "Kari" not in caplog.text
    with db.unit_of_work(write=False) as uow:
        repo = uow.repo(SuggestionRepository)
        assert repo.count(org_id, SuggestionFilter()) == 3  # reports still count it
        assert [g[3] for g in repo.pending_groups(org_id, SuggestionFilter())] == [1]  # never exported
    assert services.retention.prune(org[0]["name"]) == {org_id: 0}  # nothing twice


def test_each_organization_has_its_own_period(db, org, services):
    org_id, name = org[0]["id"], org[0]["name"]
    other, _ = services.accounts.create_org(f"annen-{org_id}")
    for org_ in (org_id, other["id"]):
        _add(db, org_, days_ago=10, pid="ten-days")
    assert services.retention.get(name) == {"organization": name, "days": 365, "default": True}
    assert services.retention.set(name, 7)["days"] == 7
    pruned = services.retention.prune()
    assert pruned[org_id] == 1 and pruned[other["id"]] == 0
    assert _row(db, other["id"], "ten-days")["original_suggestion"] == SECRET_TEXT
    with pytest.raises(ValidationError, match="1-3660 days"):
        services.retention.set(name, 0)


def test_the_web_service_prunes_when_it_starts(db, org, services):
    from fastapi.testclient import TestClient

    from tilbake.web import create_app

    _add(db, org[0]["id"], days_ago=DEFAULT_TEXT_RETENTION_DAYS + 1, pid="old")
    with TestClient(create_app(services)):
        assert _row(db, org[0]["id"], "old")["original_suggestion"] == ""


def test_cli_retention_and_prune(tmp_path, monkeypatch):
    from tilbake.accounts.service import AccountService
    from tilbake.store import open_database

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", url)
    db = open_database(url)
    org, _ = AccountService(db).create_org("Ryggklinikken")
    _add(db, org["id"], days_ago=40, pid="a")
    db.dispose()
    runner = CliRunner()
    shown = runner.invoke(app, ["retention", "show", "--org", "Ryggklinikken"])
    assert "kept 365 days after the decision (the default)" in shown.output
    assert runner.invoke(app, ["retention", "set", "--org", "Ryggklinikken", "--days", "30"]).exit_code == 0
    bad = runner.invoke(app, ["retention", "set", "--org", "Ryggklinikken", "--days", "0"])
    assert bad.exit_code == 2 and "1-3660 days" in bad.output
    out = runner.invoke(app, ["prune"])
    assert out.exit_code == 0 and "pruned the raw text of 1 suggestions in 1 organizations" in out.output
