"""`tilbake deid score GOLD PRED`: figures worked out by hand on small files, and bad input named."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tilbake.batch.score import score_files, summary
from tilbake.cli import app
from tilbake.errors import InputError

TEXT_A = "Kari Nordmann bor i Tromsø. Lasègues test negativ."
TEXT_B = "Ring 912 34 567."
GOLD = [
    {"id": "a", "text": TEXT_A, "spans": [{"start": 0, "end": 13, "label": "PERSON"},
                                          {"start": 20, "end": 26, "label": "LOCATION"}],
     "negatives": [{"start": 28, "end": 36, "kind": "eponym"}]},
    {"id": "b", "text": TEXT_B, "spans": [{"start": 5, "end": 15, "label": "PHONE"}]},
]
PRED = [
    # "Kari" only (Nordmann left), Tromsø missed, the eponym flagged as a name
    {"id": "a", "spans": [{"start": 0, "end": 4, "label": "PERSON"},
                          {"start": 28, "end": 36, "label": "PERSON"}]},
    {"id": "b", "spans": [{"start": 5, "end": 15, "label": "ID"}]},  # right place, wrong label
]


def _write(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_figures_match_the_definitions(tmp_path):
    f = summary(score_files(_write(tmp_path, "gold.jsonl", GOLD), _write(tmp_path, "pred.jsonl", PRED)))
    assert (f["documents"], f["gold_spans"], f["predicted_spans"]) == (2, 3, 3)
    assert f["exact"]["precision"] == 0 and f["exact"]["recall"] == 0  # no start+end+label match
    assert f["bounds"]["precision"] == pytest.approx(1 / 3, abs=1e-4)  # the phone's bounds
    assert f["overlap"]["recall"] == pytest.approx(2 / 3, abs=1e-4)  # Kari Nordmann, the phone
    assert f["overlap"]["precision"] == pytest.approx(2 / 3, abs=1e-4)  # the eponym overlaps no gold
    # gold characters 13 + 6 + 10 = 29, covered 4 + 10; predicted 4 + 8 + 10 = 22, inside gold 14
    assert f["chars"] == {"recall": round(14 / 29, 4), "precision": round(14 / 22, 4)}
    # tokens Kari, Nordmann, Tromsø, 912, 34, 567: Nordmann and Tromsø left; only b is clean
    assert f["phi_tokens"] == 6 and f["phi_tokens_left"] == round(2 / 6, 4) and f["clean_documents"] == 0.5
    assert f["per_gold_label"]["PERSON"] == {"n": 1, "exact_recall": 0.0, "overlap_recall": 1.0}
    assert f["per_gold_label"]["LOCATION"]["overlap_recall"] == 0.0
    assert f["hard_negatives"] == {"n": 1, "flagged": 1, "flagged_by_kind": {"eponym": 1}}


def test_a_perfect_prediction_scores_one(tmp_path):
    gold = _write(tmp_path, "gold.jsonl", GOLD)
    f = summary(score_files(gold, gold))
    assert f["exact"]["f1"] == f["overlap"]["recall"] == f["clean_documents"] == 1.0
    assert f["phi_tokens_left"] == 0.0 and f["hard_negatives"]["flagged"] == 0


def test_bad_input_is_named(tmp_path):
    gold = _write(tmp_path, "gold.jsonl", GOLD)
    stray = _write(tmp_path, "stray.jsonl", [*PRED, {"id": "zz", "spans": []}])
    with pytest.raises(InputError, match="1 ids that gold.jsonl does not"):
        score_files(gold, stray)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "spans": []}\nnot json\n')
    with pytest.raises(InputError, match="broken.jsonl line 2: not valid JSON"):
        score_files(gold, broken)
    nospan = _write(tmp_path, "nospan.jsonl", [{"id": "a", "spans": [{"start": 1}]}])
    with pytest.raises(InputError, match="every span needs start, end and label"):
        score_files(gold, nospan)


def test_cli_prints_the_figures_and_exits_2_on_a_missing_file(tmp_path):
    gold, pred = _write(tmp_path, "gold.jsonl", GOLD), _write(tmp_path, "pred.jsonl", PRED[:1])
    out = CliRunner().invoke(app, ["deid", "score", str(gold), str(pred), "--json"])
    assert out.exit_code == 0, out.output
    figures = json.loads(out.output)
    assert figures["documents_without_prediction"] == 1
    assert figures["per_gold_label"]["PHONE"]["overlap_recall"] == 0
    table = CliRunner().invoke(app, ["deid", "score", str(gold), str(pred)])
    assert "overlap" in table.output and "PHI tokens left" in table.output
    missing = CliRunner().invoke(app, ["deid", "score", str(gold), str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "nope.jsonl" in missing.output
