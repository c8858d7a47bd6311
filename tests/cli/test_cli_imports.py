"""`tilbake import chiroclick` end to end: a PostgreSQL source, the CLI's own SQLite database."""

from __future__ import annotations

import json

import pytest
from tests.capture.chiroclick_source import PRACTICE, chiroclick_database
from typer.testing import CliRunner

from tilbake.accounts.service import AccountService
from tilbake.cli import app
from tilbake.store import open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", url)
    monkeypatch.delenv("TILBAKE_IMPORT_DATABASE_URL", raising=False)
    db = open_database(url)
    AccountService(db).create_org("Ryggklinikken")
    db.dispose()


@pytest.fixture
def source(pg_server_url):
    with chiroclick_database(pg_server_url) as url:
        yield url


def _import(*args):
    return CliRunner().invoke(app, ["import", "chiroclick", "--org", "Ryggklinikken", *args])


def test_import_reports_and_a_rerun_imports_nothing(env, source):
    out = _import("--database-url", source, "--source-org", PRACTICE)
    assert out.exit_code == 0, out.output
    assert "skipped 1 of ai_suggestions: MODIFIED without modified_text" in out.output
    assert "skipped 1 of ai_feedback: training_status rejected" in out.output
    for text in ("INNDATA", "Kari", "røde flagg", "Hjemmeøvelser"):  # counts and reasons, never text
        assert text not in out.output
    again = _import("--database-url", source, "--source-org", PRACTICE, "--json")
    assert again.exit_code == 0, again.output
    tables = json.loads(again.output)["tables"]
    assert {name: (t["imported"], t["already_imported"]) for name, t in tables.items()} == {
        "ai_feedback": (0, 4), "ai_suggestions": (0, 4)}


def test_the_url_may_come_from_the_environment(env, source, monkeypatch):
    monkeypatch.setenv("TILBAKE_IMPORT_DATABASE_URL", source)
    out = _import("--source-org", PRACTICE, "--until", "2025-05-12", "--json")
    assert out.exit_code == 0, out.output
    tables = json.loads(out.output)["tables"]
    assert tables["ai_feedback"]["imported"] == 4 and tables["ai_suggestions"]["read"] == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--database-url", "sqlite:///x.db"], "must be a PostgreSQL URL"),
    (["--database-url", "postgresql://reader:pw-secret@127.0.0.1:1/ehr"], "cannot connect"),
])
def test_bad_input_exits_2_with_a_message(env, args, message):
    out = _import(*args)
    assert out.exit_code == 2 and message in out.output and "Traceback" not in out.output
    assert "pw-secret" not in out.output


def test_several_practices_and_an_unknown_org_exit_2(env, source):
    out = _import("--database-url", source)
    assert out.exit_code == 2 and "--source-org" in out.output
    out = CliRunner().invoke(app, ["import", "chiroclick", "--org", "Ingen", "--database-url", source])
    assert out.exit_code == 2 and "Ingen" in out.output
