"""A context field that is only a name: anonymized with its label as cue, and suspect to the leak gate."""

from __future__ import annotations

import zipfile

import pytest

from tilbake.export import manifest
from tilbake.export.anonymize import EngineAnonymizer
from tilbake.export.bundle import BundleWriter
from tilbake.export.leakscan import LeakScanner
from tilbake.export.pipeline import ExportPipeline
from tilbake.wiring import deid_engine

RARE_NAMES = ("Zyxwvu Canarysen", "Canarysen", "Qorvath Mbeki", "Ingrid Brekkestø")


def _record(i, complaint):
    return {"id": i, "suggestion_type": "soap_plan", "correction_type": "accepted_as_is",
            "original_suggestion": "Hjemmeøvelser for ryggen.", "created_at": "2026-02-03T10:00:00",
            "context_data": {"chief_complaint": complaint, "patient_age": 47}}


def _bundle_text(records, tmp_path):
    engine = deid_engine()
    pipe = ExportPipeline(EngineAnonymizer(engine), LeakScanner(engine), batch_size=4)
    with BundleWriter(tmp_path, "c") as w:
        out = pipe.run(records, w)
        body = manifest.build(out.tally, rows=w.rows, duplicates=w.duplicates, versions={}, mode="tags",
                              consent={}, export_id="c")
        path = w.finish(body, manifest.readme(body))
    with zipfile.ZipFile(path) as zf:
        return out, "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".jsonl"))


def test_a_complaint_that_is_only_a_name_never_reaches_the_bundle(tmp_path):
    out, text = _bundle_text([_record(i, name) for i, name in enumerate(RARE_NAMES)], tmp_path)
    for name in RARE_NAMES:
        for part in name.split():
            assert part not in text
    assert len(out.exported_ids) + len(out.quarantined) == len(RARE_NAMES)


def test_an_ordinary_complaint_keeps_its_words_and_one_label(tmp_path):
    out, text = _bundle_text([_record(1, "Vondt i ryggen etter fall"), _record(2, "Bechterew")], tmp_path)
    assert out.exported_ids == [1, 2]
    assert "Hovedplage: Vondt i ryggen etter fall\\n" in text and "Hovedplage: Hovedplage" not in text
    assert "Hovedplage: Bechterew" in text


@pytest.mark.parametrize(("field", "suspect"), [
    ("Hovedplage: Zyxwvu Canarysen", True),
    ("Hovedplage: Canarysen", True),
    ("Hovedplage: Hætta-Zyxwvu", True),
    ("Hovedplage: Bechterew", False),       # an eponym
    ("Hovedplage: Ryggsmerter", False),     # a compound of words
    ("Hovedplage: Migrene", False),
    ("Hovedplage: Vondt i ryggen", False),  # not every word capitalised
    ("Hovedplage: [NAVN]", False),          # written by the anonymizer
    ("Canarysen", False),                   # not a labelled field: sentence start, no cue
])
def test_the_gate_suspects_a_labelled_field_that_is_name_shaped(field, suspect):
    leaks = LeakScanner().scan(field)
    assert any(leak.label == "NAME_SHAPE" for leak in leaks) == suspect
