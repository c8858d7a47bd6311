"""`tilbake ner finetune` through the CLI: the candidate is written and compared, the shipped model kept."""

from __future__ import annotations

import json

import pytest
from tests.review.loop_notes import note
from typer.testing import CliRunner

from tilbake.cli import app
from tilbake.deid.detect.ner import DEFAULT_MODEL_DIR, model_version


def _records(path, notes):
    with path.open("w", encoding="utf-8") as fh:
        for i in notes:
            text, gold = note(i)
            spans = [{"start": a, "end": b, "label": lab} for a, b, lab in gold]
            fh.write(json.dumps({"id": str(i), "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    return path


@pytest.mark.slow
def test_finetune_writes_and_compares_the_candidate(tmp_path):
    shipped = model_version(DEFAULT_MODEL_DIR)
    extra = _records(tmp_path / "reviewed.jsonl", range(12))
    args = ["ner", "finetune", "--extra", str(extra), "--output", str(tmp_path / "cand"),
            "--max-steps", "12", "--synth-notes", "20", "--heldout", "30"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads(r.output.splitlines()[0])
    assert summary["steps"] == 12 and summary["reviewed_docs"] == 12
    assert "reviewed.jsonl" in r.output and "synth-heldout" in r.output and "plain.jsonl" in r.output
    assert r.output.splitlines()[-1] in ("candidate is better than the current model",
                                         "candidate is worse than the current model")
    assert (tmp_path / "cand" / "tilbake_gate.json").is_file()
    assert model_version(DEFAULT_MODEL_DIR) == shipped  # replacing the shipped model is a separate step


def test_finetune_bad_input_exits_2(tmp_path):
    r = CliRunner().invoke(app, ["ner", "finetune", "--extra", str(tmp_path / "nope.jsonl"),
                                 "--output", str(tmp_path / "cand")])
    assert r.exit_code == 2 and "not found" in r.output and "Traceback" not in r.output
