"""Quarantined export rows are held until reviewed, then go out as reviewed; exports name the org's rules."""

from __future__ import annotations

import pytest
from tests.export.export_fixtures import add_suggestions, fake_deid, record

from tilbake.errors import ConflictError
from tilbake.export.anonymize import CallableAnonymizer
from tilbake.export.leakscan import LeakScanner
from tilbake.export.request import Actor, Consent, Scope
from tilbake.export.service import ExportService
from tilbake.review.release import ExportRelease


def _exports(db, tmp_path):
    return ExportService(db, tmp_path / "exports",
                         lambda mode, rules=None: CallableAnonymizer(fake_deid, mode=mode),
                         lambda rules=None: LeakScanner(), batch_size=7, hook=ExportRelease(db))


def _export(svc, org_id):
    return svc.create(Actor(org_id, channel="cli"), Consent(given_by="Kari Lege", agree=True), Scope())


def test_quarantined_row_is_held_until_reviewed_then_exported_as_reviewed(db, tmp_path, review, org_id):
    svc = _exports(db, tmp_path)
    add_suggestions(db, org_id, [record(0, "accepted_as_is", "Øvelser daglig."),
                                 record(1, "rejected", "Ring 91234567 i morgen.", "Ingen oppfølging.")])
    first = _export(svc, org_id)
    assert first["suggestions"] == 1
    assert first["quarantined_by_reason"] == {"PHONE": 1, "independent:DIGITS": 1}

    add_suggestions(db, org_id, [record(2, "accepted_as_is", "Tøying morgen og kveld.")], start=2)
    second = _export(svc, org_id)  # the quarantined row is not read again through the gate: held
    assert second["suggestions"] == 1 and second["quarantined_by_reason"] == {"awaiting_review": 1}
    assert second["quarantined"][0]["suggestion_id"] == "p1"

    ids = review.from_quarantine(org_id, first["id"])
    assert len(ids) == 3  # original, correction, chief complaint
    assert review.from_quarantine(org_id, first["id"]) == []  # made once
    for item_id in ids[:-1]:
        review.complete(org_id, item_id)
    with pytest.raises(ConflictError, match="kept out"):  # one field left: still held, nothing to export
        _export(svc, org_id)
    phone = review.get(org_id, ids[0])
    assert "[TELEFON]" in phone["anonymized"]
    review.complete(org_id, ids[-1])

    released = _export(svc, org_id)
    assert released["suggestions"] == 1 and released["quarantined_by_reason"] == {}
    import zipfile

    with zipfile.ZipFile(svc.download(org_id, released["id"])) as zf:
        body = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".jsonl"))
    assert "Ring [TELEFON] i morgen." in body and "91234567" not in body


def test_exports_name_the_organizations_rules(services, org, tmp_path):
    from tilbake.review.corrections import Request
    from tilbake.review.rulebook import version_name

    services.export_workers = 0
    org_id = org[0]["id"]
    add_suggestions(services.db, org_id, [record(0, "accepted_as_is", "Sjåfør i firmaet Fjordlaks.")])
    for word in ("Fjordlaks", "Bergfisk"):
        item = services.review.submit(org_id, f"Hun er sjåfør i firmaet {word}.")
        start = item["text"].index(word)
        services.review.correct(org_id, item["id"], Request("mark_as_pii", start, start + len(word), "ORG"))
        services.review.complete(org_id, item["id"])
    services.rules.apply(org_id)
    batch = services.exports.create(Actor(org_id, channel="cli"), Consent(given_by="Kari", agree=True),
                                    Scope())
    manifest = services.exports.list(org_id)[0]
    assert batch["suggestions"] == 1 and manifest["id"] == batch["id"]
    with services.db.unit_of_work(write=False) as uow:
        from tilbake.export.repository import ExportRepository

        stored = uow.repo(ExportRepository).get(org_id, batch["id"])
    assert stored["manifest"]["anonymization"]["rules"] == version_name(1)
    import zipfile

    with zipfile.ZipFile(services.exports.download(org_id, batch["id"])) as zf:
        body = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".jsonl"))
    assert "Sjåfør i firmaet" in body and "Fjordlaks" not in body
