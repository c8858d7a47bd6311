"""The export service on a real database (SQLite and PostgreSQL): consent, atomic bookkeeping,
quarantine, list, download and revoke."""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from datetime import UTC, datetime

import pytest
from export_fixtures import add_suggestions, record  # noqa: E402
from sqlalchemy import select  # noqa: E402

from tilbake.accounts.repository import OrgRepository
from tilbake.capture.repository import SuggestionRepository
from tilbake.capture.tables import suggestions  # noqa: E402
from tilbake.errors import ConflictError, NotFoundError, ValidationError  # noqa: E402
from tilbake.export.request import Actor, Consent, Scope  # noqa: E402

OK = Consent(given_by="Kari Lege", agree=True)


def _batch_ids(db, org):
    with db.unit_of_work(write=False) as uow:
        rows = uow.conn.execute(
            select(suggestions.c.public_id, suggestions.c.export_batch_id)
            .where(suggestions.c.organization_id == org)
            .order_by(suggestions.c.id)
        )
        return {r.public_id: r.export_batch_id for r in rows}


def _files(service, org):
    folder = service.org_dir(org)
    return sorted(p.name for p in folder.iterdir() if p.name != ".lock") if folder.exists() else []


def _mixed():
    return [
        record(0, "accepted_as_is", "Ola Nordmann har vondt."),
        record(1, "minor_edit", "Øvelser.", "Øvelser, fnr 01018012345."),
        record(2, "rejected", "Ring 91234567.", "Ingen oppfølging."),  # phone survives: quarantined
        record(3, "ignored"),
        record(4, "major_edit", "Plan A.", "Plan B.", stype="red_flag"),
    ]


def test_create_ties_exactly_the_exported_rows(db, org, service):
    add_suggestions(db, org, _mixed())
    add_suggestions(db, org, [record(9, None)], decided=False, start=9)
    batch = service.create(Actor(org, token_id=3), OK, Scope())
    marks = _batch_ids(db, org)
    assert {k for k, v in marks.items() if v == batch["id"]} == {"p0", "p1", "p4"}
    assert (
        marks["p2"] is None and marks["p3"] is None and marks["p9"] is None
    )  # quarantined, ignored, undecided
    assert batch["suggestions"] == 3 and batch["status"] == "complete"
    assert batch["quarantined"] == [
        {"suggestion_id": "p2", "suggestion_type": "soap_plan", "reasons": ["PHONE", "independent:DIGITS"]}
    ]
    assert batch["quarantined_by_reason"] == {"PHONE": 1, "independent:DIGITS": 1}
    assert batch["consent"]["given_by"] == "Kari Lege" and batch["consent"]["channel"] == "api"
    path = service.download(org, batch["id"])
    assert _files(service, org) == [path.name]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == batch["sha256"]
    with zipfile.ZipFile(path) as zf:
        files = {n.split("/", 1)[1]: zf.read(n) for n in zf.namelist()}
    man = json.loads(files["manifest.json"])
    assert man["consent"]["id"] and man["consent"]["scope"]["mode"] == "tags"
    assert man["counts"]["skipped"] == {"ignored": 1}
    text = b"".join(files[f] for f in ("sft.jsonl", "dpo.jsonl", "kto.jsonl")).decode()
    for secret in ("Ola Nordmann", "01018012345", "91234567", "enc-", "sess-1", "Klinikk"):
        assert secret not in text
    assert [b["id"] for b in service.list(org)] == [batch["id"]]


@pytest.mark.parametrize(
    ("consent", "field"),
    [
        (Consent(given_by="Kari", agree=False), "consent.agree"),
        (Consent(given_by="  ", agree=True), "consent.given_by"),
        (Consent(given_by="Kari", agree=True, statement_version=0), "consent.statement_version"),
    ],
)
def test_no_export_without_explicit_consent(db, org, service, consent, field):
    add_suggestions(db, org, _mixed())
    with pytest.raises(ValidationError) as err:
        service.create(Actor(org), consent, Scope())
    assert err.value.field == field
    assert (
        set(_batch_ids(db, org).values()) == {None} and service.list(org) == [] and _files(service, org) == []
    )


def test_bad_mode_is_named(db, org, service):
    with pytest.raises(ValidationError, match="tags, surrogates"):
        service.create(Actor(org), OK, Scope(mode="redact"))


def test_scope_filters_by_type(db, org, service):
    add_suggestions(db, org, _mixed())
    batch = service.create(Actor(org), OK, Scope(types=("red_flag",)))
    assert {k for k, v in _batch_ids(db, org).items() if v} == {"p4"}
    assert batch["rows"] == {"sft": 1, "dpo": 1, "kto": 2}


def test_rows_logged_or_decided_meanwhile_stay_pending(db, org, service):
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(20)])
    add_suggestions(db, org, [record(50, None)], decided=False, start=50)
    calls = []

    def meanwhile(_n):
        if not calls:
            add_suggestions(db, org, [record(99, "accepted_as_is")], start=99)
            with db.unit_of_work() as uow:
                decision = {"correction_type": "accepted_as_is"}
                uow.repo(SuggestionRepository).decide(org, "p50", decision, datetime.now(UTC))
        calls.append(_n)

    batch = service.create(Actor(org), OK, Scope(), progress=meanwhile)
    marks = _batch_ids(db, org)
    assert batch["suggestions"] == 20 and len(calls) == 3  # pages of 7
    assert marks["p99"] is None and marks["p50"] is None


def test_row_taken_by_another_export_meanwhile_aborts_everything(db, org, service):
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(10)])

    def steal(_n):
        with db.unit_of_work() as uow:
            uow.conn.execute(
                suggestions.update().where(suggestions.c.public_id == "p9").values(export_batch_id="other")
            )

    with pytest.raises(ConflictError, match="nothing was exported"):
        service.create(Actor(org), OK, Scope(), progress=steal)
    marks = _batch_ids(db, org)
    assert (
        [k for k, v in marks.items() if v] == ["p9"]
        and service.list(org) == []
        and _files(service, org) == []
    )


def test_failure_mid_export_marks_nothing_and_leaves_no_file(db, org, service):
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(20)])

    def boom(_n):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        service.create(Actor(org), OK, Scope(), progress=boom)
    assert set(_batch_ids(db, org).values()) == {None} and _files(service, org) == []


def test_other_organizations_see_nothing(db, org, service):
    add_suggestions(db, org, _mixed())
    with db.unit_of_work() as uow:
        other = uow.repo(OrgRepository).create(f"annen-{uuid.uuid4().hex[:8]}")["id"]
    batch = service.create(Actor(org), OK, Scope())
    for call in (service.get, service.download):
        with pytest.raises(NotFoundError):
            call(other, batch["id"])
    with pytest.raises(NotFoundError):
        service.revoke(other, batch["id"], "pending")
    assert service.list(other) == []
    with pytest.raises(ConflictError, match="nothing to export"):
        service.create(Actor(other), OK, Scope())


@pytest.mark.parametrize(("rows", "pending_after"), [("pending", True), ("excluded", False)])
def test_revoke_deletes_bundle_and_releases_or_excludes_rows(db, org, service, rows, pending_after):
    add_suggestions(db, org, _mixed())
    batch = service.create(Actor(org), OK, Scope())
    revoked = service.revoke(org, batch["id"], rows)
    assert revoked["status"] == "revoked" and revoked["revoked_rows"] == rows
    assert _files(service, org) == []
    with pytest.raises(NotFoundError, match="revoked"):
        service.download(org, batch["id"])
    with pytest.raises(ConflictError, match="already revoked"):
        service.revoke(org, batch["id"], rows)
    if pending_after:
        assert service.create(Actor(org), OK, Scope())["suggestions"] == 3
        assert [b["status"] for b in service.list(org)] == ["complete", "revoked"]  # newest first
    else:
        with pytest.raises(ConflictError, match="nothing to export"):
            service.create(Actor(org), OK, Scope())


def test_revoke_names_the_choices(db, org, service):
    with pytest.raises(ValidationError, match="pending, excluded"):
        service.revoke(org, "x", "delete")


def test_preview_matches_what_create_holds(db, org, service):
    recs = [
        record(i, d, f"Forslag {i}.", f"Rettet {i}." if d in ("minor_edit", "major_edit") or i % 2 else None)
        for i, d in enumerate(
            ["accepted_as_is", "minor_edit", "major_edit", "rejected", "rejected", "ignored"] * 3
        )
    ]
    add_suggestions(db, org, recs)
    preview = service.preview(org, Scope())
    assert preview["pending_total"] == 18 and preview["skipped"] == 3
    assert preview["consent"]["statement_version"] == 1 and "samtykker" in preview["consent"]["statement"]
    batch = service.create(Actor(org), OK, Scope())
    assert batch["rows"] == preview["rows_at_most"]


def test_recover_removes_debris_and_unregistered_bundles(db, org, service):
    folder = service.org_dir(org)
    folder.mkdir(parents=True)
    (folder / ".tilbake-export-x.partial").mkdir()
    (folder / "tilbake-export-orphan.zip").write_bytes(b"PK")
    add_suggestions(db, org, _mixed())
    batch = service.create(Actor(org), OK, Scope())
    assert _files(service, org) == [batch["file_name"]]
    (folder / "tilbake-export-orphan2.zip").write_bytes(b"PK")
    assert service.recover(org) == 1
    assert _files(service, org) == [batch["file_name"]]


def test_assign_ties_unsorted_ids_across_chunks_and_only_pending_ones(db, org, monkeypatch):
    from tilbake.export import repository

    monkeypatch.setattr(repository, "_CHUNK", 3)  # several chunks from a handful of rows
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(8)])
    with db.unit_of_work() as uow:
        ids = [r.id for r in uow.conn.execute(
            select(suggestions.c.id).where(suggestions.c.organization_id == org).order_by(suggestions.c.id))]
        repo = uow.repo(repository.ExportRepository)
        assert repo.assign(org, [ids[1]], "first") == 1
        shuffled = [ids[6], ids[0], ids[3], ids[1], ids[7], ids[2]]  # ids[1] is taken already
        assert repo.assign(org, shuffled, "second") == 5
    marks = _batch_ids(db, org)
    assert [marks[f"p{i}"] for i in range(8)] == [
        "second", "first", "second", "second", None, None, "second", "second"]


@pytest.mark.postgres
def test_postgres_assigns_through_the_pending_index(postgres_database, monkeypatch):
    """Stale statistics after a bulk load made PostgreSQL scan the whole organization per chunk."""
    from sqlalchemy import text

    from tilbake.accounts.service import AccountService
    from tilbake.export import repository

    org_id = AccountService(postgres_database).create_org(f"assign-plan-{uuid.uuid4().hex[:8]}")[0]["id"]
    captured = []
    with postgres_database.unit_of_work() as uow:
        uow.conn.execute(text("SET LOCAL enable_seqscan = off"))
        execute = uow.conn.execute

        def explain(stmt, *args, **kwargs):
            sql = stmt.compile(dialect=uow.conn.dialect, compile_kwargs={"literal_binds": True})
            captured.append("\n".join(r[0] for r in execute(text(f"EXPLAIN {sql}"))))
            return execute(stmt, *args, **kwargs)

        monkeypatch.setattr(uow.conn, "execute", explain)
        uow.repo(repository.ExportRepository).assign(org_id, [5, 3, 9], "b")
    assert captured and all(
        "ix_suggestions_pending_id" in plan and "id >=" in plan for plan in captured)


def _consents(db, org):
    from tilbake.export.tables import export_consents

    with db.unit_of_work(write=False) as uow:
        query = select(export_consents.c.id).where(export_consents.c.organization_id == org)
        return list(uow.conn.execute(query).scalars())


def test_an_unknown_type_in_the_filter_names_the_known_ones(db, org, service):
    add_suggestions(db, org, _mixed())
    for call in (lambda s: service.preview(org, s), lambda s: service.create(Actor(org), OK, s)):
        with pytest.raises(ValidationError, match=r"unknown suggestion type 'soap_plann'.*soap_plan") as err:
            call(Scope(types=("soap_plan", "soap_plann")))
        assert err.value.field == "suggestion_types"
    assert _consents(db, org) == [] and _files(service, org) == []


def test_an_export_that_would_hold_nothing_is_refused_and_stores_no_consent(db, org, service):
    with pytest.raises(ConflictError, match="nothing to export: no decided suggestion"):
        service.create(Actor(org), OK, Scope())
    add_suggestions(db, org, [record(0, "ignored"), record(1, "accepted_as_is", "Ring 91234567.")])
    with pytest.raises(ConflictError, match=r"1 skipped \(ignored\), 1 kept out by the leak gate"):
        service.create(Actor(org), OK, Scope())
    assert _consents(db, org) == [] and _files(service, org) == [] and service.list(org) == []
    assert set(_batch_ids(db, org).values()) == {None}
