"""Training docs from gold notes: model labels become entities, other PHI is left unknown."""

from __future__ import annotations

import spacy

from tilbake.ner.corpus import lowercased, note_doc, with_lowercase_copies

TEXT = "Pas. Kari Nordmann bor i Storgata 5, 0155 Oslo. Jobber på Rema 1000 i Bergen."


def _span(text: str, part: str, label: str) -> dict[str, object]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "label": label}


def _doc():
    nlp = spacy.blank("nb")
    spans = [
        _span(TEXT, "Kari Nordmann", "PERSON"),
        _span(TEXT, "Storgata 5, 0155 Oslo", "ADDRESS"),
        _span(TEXT, "Rema 1000", "ORG"),
        _span(TEXT, "Bergen", "LOCATION"),
    ]
    return nlp, note_doc(nlp, TEXT, spans)


def test_model_labels_become_entities_and_other_phi_is_missing():
    _, doc = _doc()
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kari Nordmann", "PERSON"),
        ("Rema 1000", "ORG"),
        ("Bergen", "LOCATION"),
    ]
    address = [t for t in doc if t.ent_iob_ == ""]
    assert " ".join(t.text for t in address) == "Storgata 5 , 0155 Oslo"
    assert all(t.ent_iob_ == "O" for t in doc if t.text in ("bor", "Jobber"))


def test_lowercased_copy_keeps_annotation():
    nlp, doc = _doc()
    copy = lowercased(nlp, doc)
    assert copy is not None
    assert copy.text == TEXT.lower()
    assert [(e.start_char, e.end_char, e.label_) for e in copy.ents] == [
        (e.start_char, e.end_char, e.label_) for e in doc.ents
    ]
    assert [t.ent_iob_ for t in copy] == [t.ent_iob_ for t in doc]


def test_lowercase_copies_follow_the_share_and_seed():
    nlp, doc = _doc()
    none = list(with_lowercase_copies(nlp, [doc] * 20, 0.0, seed=1))
    every = list(with_lowercase_copies(nlp, [doc] * 20, 1.0, seed=1))
    again = [d.text for d in with_lowercase_copies(nlp, [doc] * 20, 0.5, seed=7)]
    assert len(none) == 20
    assert len(every) == 40
    assert again == [d.text for d in with_lowercase_copies(nlp, [doc] * 20, 0.5, seed=7)]
