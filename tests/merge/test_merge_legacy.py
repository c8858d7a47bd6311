"""The seed's legacy single file: read, converted, anonymized and leak-scanned like any bundle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_merge_service import all_rows

from tilbake.errors import InputError
from tilbake.merge.legacy import read_legacy
from tilbake.merge.service import Input
from tilbake.merge.verify import BundleError

LEGACY = (Path(__file__).parent / "data" / "legacy_seed.txt").read_text(encoding="utf-8")


@pytest.fixture
def legacy(tmp_path):
    path = tmp_path / "training_data.jsonl"
    path.write_text(LEGACY, encoding="utf-8")
    return path


def test_the_legacy_file_is_parsed_by_section(legacy):
    parsed = read_legacy(legacy)
    assert [kind for kind, _ in parsed.examples] == ["sft"] * 4 + ["dpo"] * 2
    assert parsed.examples[2][1]["prompt"] == "Skriv subjektiv del.\n\nHovedplage: hodepine"
    assert parsed.bundle_id.startswith("legacy-")


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ('{"prompt": "x"\n', "line 1: not valid JSON"),
        ('{"prompt": "x", "completion": 3}\n', "line 1: a sft row needs string prompt, completion"),
        ('// === DPO PAIRS ===\n{"prompt": "p", "chosen": "c"}\n', "line 2: a dpo row needs string"),
        ("// === DPO PAIRS ===\n// === DPO PAIRS ===\n", "line 2: a second DPO marker"),
        ("[1, 2]\n", "line 1: not a JSON object"),
    ],
)
def test_a_bad_line_rejects_the_file_naming_the_line(tmp_path, text, check):
    path = tmp_path / "old.txt"
    path.write_text(text)
    with pytest.raises(BundleError, match=check):
        read_legacy(path)


def test_legacy_rows_are_converted_anonymized_and_scanned(service, legacy, tmp_path):
    ds = tmp_path / "ds"
    out = service.merge([Input(legacy, "Seed clinic")], ds, legacy_consent="signed paper form 2024-05")
    entry = out["entries"][0]
    assert entry["event"] == "merged"
    assert entry["skipped"] == {"template_tokens": 1, "chosen_equals_rejected": 1}
    assert entry["added"] == {"sft": 3, "dpo": 1, "kto": 5}
    sft = all_rows(ds, "sft")
    text = json.dumps([r["messages"] for r in sft], ensure_ascii=False)
    assert "Kari Nordmann" not in text and "01017012345" not in text
    assert "hjemmeøvelser" in text  # the clinical content is kept
    for fmt in ("sft", "dpo", "kto"):
        for row in all_rows(ds, fmt):
            assert row["metadata"]["suggestion_type"] == "legacy"
            assert row["metadata"]["consent_id"] == "legacy:signed paper form 2024-05"
    dpo = all_rows(ds, "dpo")[0]
    assert dpo["prompt"] == [{"role": "user", "content": "Skriv plan for skuldersmerter."}]
    assert dpo["chosen"][0]["content"].startswith("Tøyning")
    again = service.merge([Input(legacy, "Seed clinic")], ds, legacy_consent="x")
    assert again["entries"][0]["reason"] == "already merged"


def test_a_legacy_file_needs_a_consent_reference(service, legacy, tmp_path):
    with pytest.raises(InputError, match="legacy file: name its consent"):
        service.merge([Input(legacy, "Seed")], tmp_path / "ds")
    assert not (tmp_path / "ds").exists()
