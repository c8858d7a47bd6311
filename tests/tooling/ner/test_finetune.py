"""`tilbake ner finetune` end to end: a blind spot of the shipped model (an employer after "i firmaet"),
reviewers correct half of the notes, export-training writes them, the fine-tuned candidate finds the
employers of the unseen half and keeps its precision there."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from tests.review.loop_notes import note

from tilbake.deid.detect.ner import LEXICON_FILE
from tilbake.errors import InputError
from tilbake.review.corrections import Request
from tilbake.review.service import ReviewService
from tilbake.tooling.ner import reviewed
from tilbake.tooling.ner.compare import compare, verdict
from tilbake.tooling.ner.evaluate import GoldDoc
from tilbake.tooling.ner.finetune import FinetuneOptions, finetune
from tilbake.wiring import rules_engine


def _reviewed_like_a_reviewer(review, org_id, text, gold):
    item = review.submit(org_id, text)
    for e in item["entities"]:
        if not any(e["start"] < end and start < e["end"] for start, end, _ in gold):
            review.correct(org_id, item["id"], Request("mark_as_not_pii", e["start"], e["end"]))
    for start, end, label in gold:
        found = review.get(org_id, item["id"])["entities"]
        if not any(e["label"] == label and e["start"] < end and start < e["end"] for e in found):
            review.correct(org_id, item["id"], Request("mark_as_pii", start, end, label))
    review.complete(org_id, item["id"])


@pytest.mark.slow
def test_finetuned_candidate_learns_the_blind_spot_without_losing_precision(db, org, tmp_path: Path):
    review = ReviewService(db, b"k" * 32, partial(rules_engine, model=False))
    org_id = org[0]["id"]
    for i in range(12):
        _reviewed_like_a_reviewer(review, org_id, *note(i))
    written = reviewed.write(review.training_records(org_id), tmp_path / "export")
    assert written["documents"] == 12
    options = FinetuneOptions(extra=(tmp_path / "export" / reviewed.JSONL,), output=tmp_path / "candidate",
                              synth_notes=40, max_steps=24)
    summary = finetune(options)
    assert (summary["reviewed_docs"], summary["rehearsal_docs"], summary["steps"]) == (12, 40, 24)
    assert summary["version"] != summary["base"]  # model_version tells the candidate from its base
    lexicon = json.loads((options.output / LEXICON_FILE).read_text("utf-8"))
    assert "fjordlaks" in lexicon["names"]  # reviewed entity words wake the candidate

    unseen = {"unseen": [GoldDoc(str(i), *note(i)) for i in range(12, 24)]}
    result = compare(None, options.output, unseen)
    before, after = result["current"]["unseen"], result["candidate"]["unseen"]
    assert before["ORG"]["overlap_r"] < 0.5  # the blind spot is real in the shipped model
    assert after["ORG"]["overlap_r"] > before["ORG"]["overlap_r"] + 0.3
    assert after["ALL"]["overlap_r"] > before["ALL"]["overlap_r"]
    assert after["ALL"]["overlap_p"] >= before["ALL"]["overlap_p"]
    assert result["verdict"] == "better"


def test_bad_inputs_are_refused_before_training(tmp_path: Path, tiny_model: Path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    with pytest.raises(InputError, match="no reviewed documents"):
        finetune(FinetuneOptions(extra=(empty,), output=tmp_path / "out", model=tiny_model, synth_notes=0))
    with pytest.raises(InputError, match="not found"):
        finetune(FinetuneOptions(extra=(tmp_path / "none.jsonl",), output=tmp_path / "out", model=tiny_model))
    with pytest.raises(InputError, match="not a tilbake NER model"):
        finetune(FinetuneOptions(extra=(empty,), output=tmp_path / "out", model=tmp_path))
    with pytest.raises(InputError, match="must differ"):
        finetune(FinetuneOptions(extra=(empty,), output=tiny_model, model=tiny_model))


def _rows(p: float, r: float, person_r: float | None = None, n_person: int = 50) -> dict[str, dict]:
    person_r = r if person_r is None else person_r
    return {"ALL": {"n_gold": 100, "overlap_p": p, "overlap_r": r, "overlap_f1": 2 * p * r / (p + r)},
            "PERSON": {"n_gold": n_person, "overlap_p": p, "overlap_r": person_r,
                       "overlap_f1": 2 * p * person_r / (p + person_r)}}


def test_verdict_needs_a_gain_and_no_loss_beyond_the_tolerance():
    now = {"reviewed": _rows(0.8, 0.5), "heldout": _rows(0.9, 0.8)}
    gain = {"reviewed": _rows(0.9, 0.9), "heldout": _rows(0.9, 0.8)}
    assert verdict(now, gain) == "better"
    assert verdict(now, now) == "worse"  # nothing gained
    forgot = {"reviewed": _rows(0.9, 0.9), "heldout": _rows(0.8, 0.8)}
    assert verdict(now, forgot) == "worse"  # F1 lost elsewhere
    missed = {"reviewed": _rows(0.9, 0.9), "heldout": _rows(0.99, 0.78)}
    assert verdict(now, missed) == "worse"  # recall lost elsewhere, even with F1 up
    slight = {"reviewed": _rows(0.9, 0.9), "heldout": _rows(0.9, 0.795)}
    assert verdict(now, slight) == "better"  # within the tolerance
    person = {"reviewed": _rows(0.9, 0.9), "heldout": _rows(0.9, 0.8, person_r=0.7)}
    assert verdict(now, person) == "worse"  # one label's recall lost, even with the total kept
    few = {"reviewed": _rows(0.9, 0.9), "heldout": _rows(0.9, 0.8, person_r=0.7, n_person=5)}
    assert verdict({"reviewed": _rows(0.8, 0.5), "heldout": _rows(0.9, 0.8, n_person=5)}, few) == "better"
