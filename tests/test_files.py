"""Files only their owner can read: a fresh data directory, made by the CLI and an export under a
permissive umask (022, a usual shell's), holds nothing with a group or other bit; the client's spool
likewise."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from tests.export.export_fixtures import add_suggestions, fake_deid, record
from typer.testing import CliRunner

from tilbake.cli import app
from tilbake.client_spool import Spool


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _loose(root: Path) -> list[str]:
    """`ls -lR`-style listing of every entry under root (root too) readable by group or others."""
    entries = [root, *root.rglob("*")]
    return [f"{stat.filemode(p.stat().st_mode)} {p}" for p in entries if p.stat().st_mode & 0o077]


def test_a_fresh_data_dir_has_no_file_others_can_read(tmp_path, monkeypatch, loose_umask):
    data = tmp_path / "data"
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(data))
    monkeypatch.delenv("TILBAKE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TILBAKE_SECRET", raising=False)
    made = CliRunner().invoke(app, ["org", "create", "Ryggklinikken"])
    assert made.exit_code == 0, made.output
    assert os.umask(0o022) == 0o077  # the CLI set it at start; the service below must not depend on it

    from tilbake.export.anonymize import CallableAnonymizer
    from tilbake.export.leakscan import LeakScanner
    from tilbake.export.request import Actor, Consent, Scope
    from tilbake.export.service import ExportService
    from tilbake.wiring import Services

    with Services.from_env() as built:
        built.secret  # noqa: B018 - made on first use, in the data dir
        org_id = built.local("Ryggklinikken").org_id
        add_suggestions(built.db, org_id, [record(0, "accepted_as_is"), record(1, "minor_edit", "A.", "B.")])
        exports = ExportService(built.db, built.exports_dir, lambda m: CallableAnonymizer(fake_deid, mode=m),
                                LeakScanner)
        exports.create(Actor(org_id, channel="cli"), Consent(given_by="Kari Lege", agree=True), Scope(),
                       unpacked=True)
    names = {p.name for p in data.rglob("*")}
    assert {"tilbake.db", "secret.key", "exports", "manifest.json"} <= names
    assert any(n.endswith(".zip") for n in names)
    assert _loose(data) == []
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_an_existing_database_file_is_tightened(tmp_path, loose_umask):
    from tilbake.store import open_database

    path = tmp_path / "old.db"
    path.touch(mode=0o644)
    open_database(f"sqlite:///{path}").dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_client_spool_is_private(tmp_path, loose_umask):
    from tilbake.errors import ValidationError

    spool = Spool(tmp_path / "cache" / "spool")
    spool.append([("/api/v1/feedback", {"original_suggestion": "Kari Nordmann"})])
    spool.reject(("/api/v1/feedback", {}), ValidationError("bad", field="x"))
    assert _loose(tmp_path / "cache") == []
