"""`tilbake erase ...` end to end on SQLite: counts printed, confirmation for an organization."""

from __future__ import annotations

import json

import pytest
from tests.export.export_fixtures import add_suggestions, record
from typer.testing import CliRunner

from tilbake.accounts.service import AccountService
from tilbake.cli import app
from tilbake.store import open_database


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", url)
    db = open_database(url)
    org, _ = AccountService(db).create_org("Ryggklinikken")
    add_suggestions(db, org["id"], [record(i, "accepted_as_is") for i in range(4)])
    db.dispose()
    return tmp_path


def _run(*args):
    return CliRunner().invoke(app, ["erase", *args])


def test_erase_suggestion_encounter_session_before(env):
    one = _run("suggestion", "p0", "--org", "Ryggklinikken")
    assert one.exit_code == 0 and "erased 1 suggestions" in one.output
    missing = _run("suggestion", "p0", "--org", "Ryggklinikken")
    assert missing.exit_code == 2 and "no suggestion with this id" in missing.output
    enc = _run("encounter", "enc-1", "--org", "Ryggklinikken", "--json")
    assert enc.exit_code == 0 and json.loads(enc.output) == {"deleted": 1, "exports_holding": []}
    assert "erased 0 suggestions" in _run("before", "2000-01-01", "--org", "Ryggklinikken").output
    assert "erased 2 suggestions" in _run("session", "sess-1", "--org", "Ryggklinikken").output


def test_erase_org_asks_for_its_name_then_deletes_and_counts(env):
    asked = _run("org", "Ryggklinikken")
    assert asked.exit_code == 2
    assert "4 suggestions, 0 exports and 1 tokens" in asked.output and "--confirm" in asked.output
    done = _run("org", "Ryggklinikken", "--confirm", "Ryggklinikken")
    assert done.exit_code == 0, done.output
    assert "4 suggestions, 0 exports, 1 tokens" in done.output
    listed = CliRunner().invoke(app, ["org", "list"])
    assert "Ryggklinikken" not in listed.output
    assert _run("org", "Ryggklinikken").exit_code == 2
