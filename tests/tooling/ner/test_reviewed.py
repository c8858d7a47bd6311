"""Reviewed documents as NER training data: export, read back as --extra, train, and compare."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
import spacy

from tilbake.errors import InputError
from tilbake.tooling.ner import reviewed

RECORDS = [
    {"id": "a", "text": "Kari Nordmann er sjåfør i firmaet Fjordlaks, tlf 91234567 i dag.",
     "spans": [{"start": 0, "end": 13, "label": "PERSON"}, {"start": 34, "end": 43, "label": "ORG"},
               {"start": 49, "end": 57, "label": "PHONE"}]},
    {"id": "b", "text": "Ingen funn i dag.", "spans": []},
]


def test_export_writes_jsonl_and_docbin_with_the_model_labels(tmp_path: Path):
    written = reviewed.write(RECORDS, tmp_path)
    assert written["documents"] == 2
    lines = [json.loads(line) for line in (tmp_path / reviewed.JSONL).open()]
    assert lines == RECORDS
    docs = list(reviewed.docs(spacy.blank("nb"), tmp_path / reviewed.DOCBIN))
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Kari Nordmann", "PERSON"), ("Fjordlaks", "ORG")]
    phone = [t for t in docs[0] if t.text == "91234567"][0]
    assert phone.ent_iob_ == ""  # a label the model does not learn: unknown, not "outside"
    again = list(reviewed.docs(spacy.blank("nb"), tmp_path / reviewed.JSONL))
    assert [(e.text, e.label_) for e in again[0].ents] == [("Kari Nordmann", "PERSON"), ("Fjordlaks", "ORG")]


def test_bad_extra_files_are_refused(tmp_path: Path):
    with pytest.raises(InputError, match="not found"):
        list(reviewed.docs(spacy.blank("nb"), tmp_path / "none.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "spans": []}\nnot json\n')
    with pytest.raises(InputError, match="line 2"):
        list(reviewed.docs(spacy.blank("nb"), bad))


def test_service_records_and_the_current_model_is_compared_on_them(db, org, tmp_path, tiny_model):
    from tilbake.review.corrections import Request
    from tilbake.review.service import ReviewService
    from tilbake.tooling.ner.evaluate import evaluate
    from tilbake.wiring import rules_engine

    review = ReviewService(db, b"k" * 32, partial(rules_engine, model=False))
    org_id = org[0]["id"]
    text = "Kari Nordmann er sjåfør i firmaet Fjordlaks."
    item = review.submit(org_id, text)
    review.correct(org_id, item["id"], Request("mark_as_pii", 34, 43, "ORG"))
    review.submit(org_id, "Ikke gjennomgått: Ola Hansen.")  # open items are no training data
    review.complete(org_id, item["id"])
    [record] = review.training_records(org_id)
    assert record["text"] == text and {"start": 34, "end": 43, "label": "ORG"} in record["spans"]
    reviewed.write([record], tmp_path)
    rows = {r["label"]: r for r in evaluate(tmp_path / reviewed.JSONL, tiny_model)}
    assert (rows["PERSON"]["n_gold"], rows["PERSON"]["exact_r"]) == (1, 1.0)  # the tiny model knows Kari
    assert (rows["ORG"]["n_gold"], rows["ORG"]["exact_r"]) == (1, 0.0)  # ... and not the employer


@pytest.mark.slow
def test_train_takes_the_reviewed_documents_as_extra(tmp_path: Path):
    from tests.tooling.ner.test_train import _norne

    from tilbake.tooling.ner.train import TrainOptions, train

    reviewed.write(RECORDS, tmp_path / "reviewed")
    opts = TrainOptions(norne_dir=_norne(tmp_path / "norne"), work_dir=tmp_path / "work",
                        output=tmp_path / "model", synth_notes=0, max_steps=2,
                        extra=(tmp_path / "reviewed" / reviewed.DOCBIN,))
    summary = train(opts)
    assert summary["docs"]["extra"] == 2
    assert spacy.load(summary["output"]).pipe_names == ["tok2vec", "ner"]
