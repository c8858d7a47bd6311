"""The export's adapter over the real de-identification engine: tags, surrogates, ranges, the gate."""

from __future__ import annotations

import hashlib
import json

import pytest

from tilbake.deid.detect.ner import DEFAULT_MODEL_DIR
from tilbake.errors import ValidationError
from tilbake.export.anonymize import EngineAnonymizer
from tilbake.export.leakscan import LEAK_THRESHOLD, LeakScanner
from tilbake.wiring import deid_engine as load
from tilbake.wiring import export_cleaner as make_cleaner

NOTE = "Pasient Ola Nordmann (47 år), fnr 01018012345, tlf 912 34 567, e-post ola@example.no, kom 12.03.2026."
SECRET = b"k" * 40


def test_tags_mode_rewrites_and_reports_what_it_wrote():
    (out,) = EngineAnonymizer(load(), "tags").anonymize_many([NOTE])
    for secret in ("Ola", "Nordmann", "01018012345", "912 34 567", "ola@example.no", "12.03.2026", "47 år"):
        assert secret not in out.text
    assert "[FNUMMER]" in out.text and "[TELEFON]" in out.text and "[EPOST]" in out.text
    assert "[DATO]" in out.text and "40-49" in out.text
    written = [out.text[a:b] for a, b in out.replaced]
    assert "[FNUMMER]" in written and all(w.strip() for w in written)
    assert "Ola" not in repr(out)


def test_surrogates_are_consistent_and_the_gate_ignores_them():
    anon = EngineAnonymizer(load(), "surrogates", secret=SECRET)
    first, again = anon.anonymize_many([NOTE, NOTE])
    assert first.text == again.text and "01018012345" not in first.text and "Nordmann" not in first.text
    scanner = LeakScanner(load(), threshold=LEAK_THRESHOLD)
    assert scanner.scan(first.text, first.replaced) == []
    assert scanner.scan(first.text)  # without the ranges the fakes look like real PHI


def test_surrogates_need_the_secret_and_modes_are_named():
    with pytest.raises(ValidationError, match="secret"):
        EngineAnonymizer(load(), "surrogates")
    with pytest.raises(ValidationError, match="tags, surrogates"):
        EngineAnonymizer(load(), "redact")


def test_versions_name_detector_rules_and_model():
    versions = EngineAnonymizer(load(), "tags").versions
    assert set(versions) == {"detector", "rules", "model"} and versions["rules"] == "builtin"
    assert versions["detector"].startswith("tilbake-deid ") and "ner" in versions["detector"]


def test_the_model_version_is_the_shipped_package_and_its_weights():
    """The manifest's model entry names the shipped model exactly: its meta.json version and a hash of
    its weight files, computed here independently of the detector."""
    meta = json.loads((DEFAULT_MODEL_DIR / "meta.json").read_text("utf-8"))
    digest = hashlib.sha256()
    for name in ("tok2vec/model", "ner/model"):
        digest.update(name.encode() + b"\0" + (DEFAULT_MODEL_DIR / name).read_bytes())
    expected = f"{meta['lang']}_{meta['name']} {meta['version']}+sha256:{digest.hexdigest()[:12]}"
    assert EngineAnonymizer(load(), "tags").versions["model"] == expected
    assert EngineAnonymizer(load(model=False), "tags").versions["model"] == "none"


def test_gate_flags_phi_left_in_text():
    clean = make_cleaner("tags", SECRET)
    (anon, leaks), (_, none) = clean(["Ring meg på 91234567.", "Ingen personopplysninger her."])
    assert "91234567" not in anon.text and none == []
    scanner = LeakScanner(load(), threshold=LEAK_THRESHOLD)
    assert {x.label for x in scanner.scan("Ring 91234567 eller skriv til kari@example.no")} >= {
        "PHONE",
        "EMAIL",
    }
