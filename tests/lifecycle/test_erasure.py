"""Erasure on SQLite and PostgreSQL: one suggestion, an encounter, a session, before a date, a whole
organization; the rows are gone from the database and from later exports, and the earlier exports
that held them are listed."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from tests.export.export_fixtures import add_suggestions, record

from tilbake.accounts.repository import OrgRepository
from tilbake.capture.repository import Selection
from tilbake.capture.tables import suggestions
from tilbake.errors import NotFoundError, ValidationError
from tilbake.export.request import Actor, Consent, Scope
from tilbake.export.tables import export_batches, export_quarantine

OK = Consent(given_by="Kari Lege", agree=True)


def _ids(db, org_id):
    with db.unit_of_work(write=False) as uow:
        query = select(suggestions.c.public_id).where(suggestions.c.organization_id == org_id)
        return sorted(uow.conn.execute(query).scalars())


def _export(services, org_id):
    batch = services.exports.create(Actor(org_id, channel="cli"), OK, Scope())
    with zipfile.ZipFile(services.exports.download(org_id, batch["id"])) as zf:
        sft = zf.read(next(n for n in zf.namelist() if n.endswith("sft.jsonl"))).decode()
    return batch, [json.loads(line) for line in sft.splitlines()]


def _five(db, org_id):
    recs = [record(i, "accepted_as_is", f"Forslag {i} om korsrygg.") for i in range(5)]
    recs[3]["session_id"] = recs[4]["session_id"] = "sess-2"
    add_suggestions(db, org_id, recs)


def test_erased_encounter_is_gone_from_db_and_later_exports_and_earlier_exports_are_named(db, org, services):
    org_id = org[0]["id"]
    _five(db, org_id)
    first, _ = _export(services, org_id)
    add_suggestions(db, org_id, [record(0, "accepted_as_is", "Ny rad for enc-0.")], start=5)  # p5, enc-0

    result = services.erasure.erase(org_id, Selection(encounter_id="enc-0"))
    assert result["deleted"] == 2
    assert [b["id"] for b in result["exports_holding"]] == [first["id"]]
    held = result["exports_holding"][0]
    assert held["sha256"] == first["sha256"] and held["status"] == "complete" and held["period"]["from"]
    assert _ids(db, org_id) == ["p1", "p2", "p3", "p4"]

    services.exports.revoke(org_id, first["id"], "pending")
    _, rows = _export(services, org_id)
    texts = " ".join(m["content"] for row in rows for m in row["messages"])
    assert "Forslag 1" in texts and "Forslag 0" not in texts and "Ny rad" not in texts


def test_erase_one_suggestion_a_session_and_before_a_date(db, org, services):
    org_id = org[0]["id"]
    _five(db, org_id)
    assert services.erasure.erase(org_id, Selection(public_id="p2")) == {"deleted": 1, "exports_holding": []}
    with pytest.raises(NotFoundError):
        services.erasure.erase(org_id, Selection(public_id="p2"))
    assert services.erasure.erase(org_id, Selection(session_id="sess-2"))["deleted"] == 2
    assert _ids(db, org_id) == ["p0", "p1"]
    later = datetime.now(UTC) + timedelta(days=1)
    assert services.erasure.erase(org_id, Selection(before=later - timedelta(days=30)))["deleted"] == 0
    assert services.erasure.erase(org_id, Selection(before=later))["deleted"] == 2
    assert _ids(db, org_id) == []


def test_erasure_needs_a_criterion_and_stays_in_its_organization(db, org, services):
    org_id = org[0]["id"]
    _five(db, org_id)
    with pytest.raises(ValidationError, match="say what to erase"):
        services.erasure.erase(org_id, Selection())
    other, _ = services.accounts.create_org(f"annen-{org_id}")
    assert services.erasure.erase(other["id"], Selection(encounter_id="enc-1"))["deleted"] == 0
    assert len(_ids(db, org_id)) == 5


def test_erasing_a_quarantined_row_removes_its_quarantine_entry(db, org, services):
    org_id = org[0]["id"]
    add_suggestions(db, org_id, [record(0, "accepted_as_is", "Ring 91234567."), record(1, "accepted_as_is")])
    batch, _ = _export(services, org_id)
    assert [q["suggestion_id"] for q in batch["quarantined"]] == ["p0"]
    assert services.erasure.erase(org_id, Selection(public_id="p0"))["exports_holding"] == []
    with db.unit_of_work(write=False) as uow:
        left = uow.conn.execute(select(func.count()).select_from(export_quarantine).where(
            export_quarantine.c.export_batch_id == batch["id"])).scalar_one()
    assert left == 0


def test_delete_organization_needs_its_name_and_counts_what_went(db, org, services):
    row, _token = org
    _five(db, row["id"])
    _export(services, row["id"])
    folder = services.exports.org_dir(row["id"])
    assert any(folder.glob("*.zip"))
    with pytest.raises(ValidationError, match=r"5 suggestions, 1 exports and 1 tokens.*--confirm"):
        services.erasure.delete_org(row["name"], confirm="wrong")
    assert len(_ids(db, row["id"])) == 5

    result = services.erasure.delete_org(row["name"], confirm=row["name"])
    assert result["deleted"] == {"suggestions": 5, "exports": 1, "tokens": 1}
    with db.unit_of_work(write=False) as uow:
        assert uow.repo(OrgRepository).by_id(row["id"]) is None
        batches = uow.conn.execute(select(func.count()).select_from(export_batches).where(
            export_batches.c.organization_id == row["id"])).scalar_one()
    assert batches == 0 and _ids(db, row["id"]) == [] and not folder.exists()
    with pytest.raises(NotFoundError):
        services.erasure.delete_org(row["name"], confirm=row["name"])


def test_api_deletes_one_and_by_encounter(client, auth, db, org):
    org_id = org[0]["id"]
    _five(db, org_id)
    gone = client.delete("/api/v1/suggestions/p1", headers=auth)
    assert gone.status_code == 200 and gone.json() == {"deleted": 1, "exports_holding": []}
    assert client.get("/api/v1/suggestions/p1", headers=auth).status_code == 404
    again = client.delete("/api/v1/suggestions/p1", headers=auth)
    assert again.status_code == 404 and again.json()["error"]["code"] == "not_found"
    many = client.delete("/api/v1/suggestions", params={"session_id": "sess-2"}, headers=auth)
    assert many.status_code == 200 and many.json()["deleted"] == 2
    nothing = client.delete("/api/v1/suggestions", headers=auth)
    assert nothing.status_code == 422 and "encounter_id" in nothing.json()["error"]["message"]
    assert client.delete("/api/v1/suggestions/p0").status_code == 401
    assert _ids(db, org_id) == ["p0", "p2"]
