"""The audit trail on SQLite and PostgreSQL: exports created, downloaded and revoked, tokens, erasure
and pruning are recorded with their actor and counts, listed by API and CLI, and hold no text."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from tests.export.export_fixtures import add_suggestions, record
from typer.testing import CliRunner

from tilbake.audit.service import actor
from tilbake.audit.tables import audit_events
from tilbake.capture.repository import SuggestionRepository
from tilbake.cli import app
from tilbake.export.request import Actor, Consent, Scope

TEXT = "Pasient Ola Nordmann har vondt i korsryggen"
BASE = "/api/v1/training/exports"


def _events(client, auth, **params):
    resp = client.get("/api/v1/audit", headers=auth, params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


def _all_rows(db):
    with db.unit_of_work(write=False) as uow:
        return [dict(r) for r in uow.conn.execute(select(audit_events)).mappings()]


def test_a_privacy_officer_sees_who_did_what_without_any_text(client, auth, db, org, services):
    org_row, _ = org
    org_id = org_row["id"]
    token_id = services.accounts.list_tokens(org_row["name"])[0]["id"]
    add_suggestions(db, org_id, [record(i, "accepted_as_is", TEXT) for i in range(3)])
    batch = services.exports.create(Actor(org_id, token_id=token_id), Consent("Kari Lege", True), Scope())
    assert client.get(f"{BASE}/{batch['id']}/download", headers=auth).status_code == 200
    erased = client.delete("/api/v1/suggestions", params={"encounter_id": "enc-1"}, headers=auth)
    assert erased.json()["deleted"] == 1
    revoked = client.post(f"{BASE}/{batch['id']}/revoke", headers=auth, json={"rows": "excluded"})
    assert revoked.status_code == 200

    events = _events(client, auth)["events"]
    seen = [(e["actor"], e["action"], e["object_type"], e["object_id"], e["count"]) for e in events]
    me = f"token:{token_id}"
    assert seen[:4] == [
        (me, "revoked", "export", batch["id"], 0),
        (me, "deleted", "encounter", "enc-1", 1),
        (me, "downloaded", "export", batch["id"], 3),
        (me, "created", "export", batch["id"], 3),
    ]
    assert (actor(None), "created", "organization", org_row["name"], None) in seen  # made by a local operator
    assert all(datetime.now(UTC) - datetime.fromisoformat(e["at"]) < timedelta(minutes=5) for e in events)
    stored = json.dumps(_all_rows(db), default=str)
    assert "Nordmann" not in stored and "korsryggen" not in stored


def test_another_organization_sees_none_of_it_and_pages_work(client, auth, db, org, services):
    other, token = services.accounts.create_org(f"annen-{org[0]['id']}")
    theirs = _events(client, {"Authorization": f"Bearer {token}"})["events"]
    assert {e["organization_id"] for e in theirs} == {other["id"]}
    for i in range(3):
        services.accounts.create_token(org[0]["name"], f"t{i}")
    first = _events(client, auth, limit=2)
    assert len(first["events"]) == 2 and first["next_cursor"]
    rest = _events(client, auth, limit=500, cursor=first["next_cursor"])["events"]
    assert {e["id"] for e in first["events"]}.isdisjoint(e["id"] for e in rest) and len(rest) >= 3
    bad = client.get("/api/v1/audit", headers=auth, params={"cursor": "x"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "cursor"
    assert client.get("/api/v1/audit").status_code == 401


def test_pruning_and_organization_deletion_stay_in_the_trail(db, org, services):
    org_row, _ = org
    old = datetime.now(UTC) - timedelta(days=400)
    with db.unit_of_work() as uow:
        uow.repo(SuggestionRepository).insert_new(org_row["id"], [("old", record(0, "rejected", TEXT), old,
                                                                   old)])
    services.retention.prune(org_row["name"], scheduled=True)
    services.erasure.delete_org(org_row["name"], confirm=org_row["name"])
    events = services.audit.list(None, limit=500)["events"]
    mine = [(e["actor"], e["action"], e["object_type"], e["count"]) for e in events
            if e["organization_id"] == org_row["id"]]
    assert mine[:2] == [(actor(None), "deleted", "organization", 1), ("system:scheduled", "pruned",
                                                                      "suggestion_text", 1)]


def test_cli_lists_the_trail_of_a_local_erasure(tmp_path, monkeypatch):
    from tilbake.store import open_database

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", url)
    runner = CliRunner()
    assert runner.invoke(app, ["org", "create", "Ryggklinikken"]).exit_code == 0
    db = open_database(url)
    with db.unit_of_work(write=False) as uow:
        org_id = uow.conn.execute(select(audit_events.c.organization_id)).scalar()
    add_suggestions(db, org_id, [record(i, "accepted_as_is", TEXT) for i in range(2)])
    db.dispose()
    assert runner.invoke(app, ["erase", "encounter", "enc-1", "--org", "Ryggklinikken"]).exit_code == 0
    out = runner.invoke(app, ["audit", "list", "--org", "Ryggklinikken"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert f"{actor(None)}" in lines[0] and "deleted" in lines[0] and "encounter enc-1  count 1" in lines[0]
    assert any("created" in line and "organization Ryggklinikken" in line for line in lines)
    as_json = json.loads(runner.invoke(app, ["audit", "list", "--json"]).output)
    assert len(as_json["events"]) == 3 and "Nordmann" not in json.dumps(as_json)
