"""The preview's sample: rows of the next export, anonymized and gated as create would, nothing stored."""

from __future__ import annotations

import json

from export_fixtures import add_suggestions, record

from tilbake.export.request import Scope


def test_the_sample_shows_each_format_anonymized_and_stores_nothing(db, org, service):
    add_suggestions(db, org, [
        record(0, "accepted_as_is", "Ola Nordmann har vondt."),
        record(1, "rejected", "Ring 91234567.", "Nei."),  # the leak gate holds this one back
        record(2, "minor_edit", "Øvelser.", "Øvelser daglig."),
    ])
    before = service.preview(org, Scope())["pending_total"]
    rows = service.sample(org, Scope(), n=3)
    assert [r["format"] for r in rows] == ["sft", "kto", "dpo"]  # one of each, in the order first met
    text = json.dumps([r["row"] for r in rows], ensure_ascii=False)
    assert "[NAVN]" in text and "Ola Nordmann" not in text and "91234567" not in text
    assert service.preview(org, Scope())["pending_total"] == before and service.list(org) == []


def test_the_sample_is_short_and_empty_without_pending_rows(db, org, service):
    assert service.sample(org, Scope()) == []
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(6)])
    assert len(service.sample(org, Scope(), n=2)) == 2
