"""Demo data: every suggestion type and decision class, through the same rules as the API."""

from __future__ import annotations

import uuid

from tilbake.accounts.repository import OrgRepository
from tilbake.capture.decisions import CORRECTION_TYPES
from tilbake.capture.repository import SuggestionFilter, SuggestionRepository
from tilbake.capture.types import DEFAULT_TYPES
from tilbake.tooling.demo import run_demo


def test_demo_fills_an_organization_with_every_type_and_class(db, services):
    name = f"demo-{uuid.uuid4().hex[:8]}"
    result = run_demo(services, org_name=name, n=150, seed=3)
    assert result.inserted == 150 and result.token and result.token.startswith("tlb_")
    with db.unit_of_work(write=False) as uow:
        org_id = uow.repo(OrgRepository).by_name(name)["id"]
        rows = uow.repo(SuggestionRepository).find(org_id, SuggestionFilter(), limit=1000)
    assert {r["suggestion_type"] for r in rows} == set(DEFAULT_TYPES)
    assert {r["correction_type"] for r in rows} == {*CORRECTION_TYPES, None}  # None: undecided
    decided = [r for r in rows if r["decided_at"]]
    assert all(r["decided_at"] >= r["created_at"] for r in decided)
    assert all(not key.startswith("_") for key in (rows[0]["context_data"] or {}))


def test_demo_if_empty_does_nothing_when_organizations_exist(services, org):
    result = run_demo(services, org_name=f"demo-{uuid.uuid4().hex[:8]}", n=5, if_empty=True)
    assert result.skipped and result.inserted == 0


def test_demo_again_adds_to_the_same_organization(services):
    name = f"demo-{uuid.uuid4().hex[:8]}"
    run_demo(services, org_name=name, n=5)
    again = run_demo(services, org_name=name, n=5, seed=8)
    assert again.token is None and again.inserted == 5


def test_the_demo_command_keeps_its_token_out_of_its_output(tmp_path, monkeypatch):
    import stat

    from typer.testing import CliRunner

    from tilbake.accounts.service import AccountService
    from tilbake.cli import app
    from tilbake.store import open_database

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", url)
    out = CliRunner().invoke(app, ["demo", "--count", "3"])
    assert out.exit_code == 0, out.output
    token_file = tmp_path / "demo-token"
    token = token_file.read_text().strip()
    assert token.startswith("tlb_") and token not in out.output and str(token_file) in out.output
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    db = open_database(url)
    assert AccountService(db).authenticate(token).org_name == "demo"
    db.dispose()
