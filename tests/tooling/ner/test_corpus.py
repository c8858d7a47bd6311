"""Training docs from gold notes: model labels become entities, other PHI is left unknown."""

from __future__ import annotations

import random

import spacy

from tilbake.tooling.ner.corpus import (
    lowercased,
    name_swapped,
    note_doc,
    with_lowercase_copies,
    with_name_swaps,
)
from tilbake.tooling.ner.pseudonames import NameShapes

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


def _norne_like(nlp):
    words = ["Borten", "sa", "at", "Per", "Bortens", "parti", "vant", "i", "Oslo", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, spaces=[True] * 8 + [False, False])
    doc.ents = [
        spacy.tokens.Span(doc, 0, 1, "PERSON"),
        spacy.tokens.Span(doc, 3, 5, "PERSON"),
        spacy.tokens.Span(doc, 8, 9, "LOCATION"),
    ]
    return doc


def test_name_swapped_copy_replaces_person_words_consistently():
    nlp = spacy.blank("nb")
    invented = iter(["Kvalbe", "Sandor", "Unused"])
    copy = name_swapped(nlp, _norne_like(nlp), {"PERSON": lambda: next(invented)})
    assert copy is not None
    assert copy.text == "Kvalbe sa at Sandor Kvalbes parti vant i Oslo."
    assert [(e.text, e.label_) for e in copy.ents] == [
        ("Kvalbe", "PERSON"),
        ("Sandor Kvalbes", "PERSON"),
        ("Oslo", "LOCATION"),
    ]


def test_name_swapped_leaves_docs_without_persons_alone():
    nlp = spacy.blank("nb")
    doc = spacy.tokens.Doc(nlp.vocab, words=["Han", "bor", "i", "Oslo"], spaces=[True, True, True, False])
    doc.ents = [spacy.tokens.Span(doc, 3, 4, "LOCATION")]
    assert name_swapped(nlp, doc, {"PERSON": lambda: "Never"}) is None
    assert len(list(with_name_swaps(nlp, [doc] * 5, 1.0, 1, {"PERSON": lambda rng: "Never"}))) == 5
    copy = name_swapped(nlp, doc, {"PERSON": lambda: "Never", "LOCATION": lambda: "Kvalvik"})
    assert copy is not None and copy.text == "Han bor i Kvalvik" and copy.ents[0].label_ == "LOCATION"


def test_name_swaps_follow_the_share_and_seed():
    nlp = spacy.blank("nb")
    shapes = NameShapes(["Hansen", "Hansrud", "Olsen", "Olstad", "Berntsen", "Berg", "Nilsen"])
    docs = [_norne_like(nlp)] * 20
    invent = {"PERSON": shapes.invent}
    every = list(with_name_swaps(nlp, docs, 1.0, 3, invent))
    half = [d.text for d in with_name_swaps(nlp, docs, 0.5, 3, invent)]
    assert len(every) == 40 and 20 < len(half) < 40
    assert half == [d.text for d in with_name_swaps(nlp, docs, 0.5, 3, invent)]


def test_invented_names_are_new_and_look_like_names():
    prefixes, endings = ("Strand", "Brand", "Sand", "Land"), ("sen", "rud", "stad", "vik")  # all after "and"
    combos = [p + e for i, p in enumerate(prefixes) for j, e in enumerate(endings) if (i + j) % 2]
    listed = [p + e for i, p in enumerate(prefixes) for j, e in enumerate(endings) if not (i + j) % 2]
    shapes = NameShapes(listed, avoid=[*listed, "Sandvik"])
    names = [shapes.invent(random.Random(5)) for _ in range(3)] + [
        shapes.invent(rng) for rng in [random.Random(9)] for _ in range(100)
    ]
    assert len(set(names[:3])) == 1  # the same seed, the same name
    assert not {n.lower() for n in names} & {n.lower() for n in [*listed, "Sandvik"]}
    assert all(n[0].isupper() and n[1:].islower() and 3 <= len(n) <= 12 for n in names)
    assert set(names) & set(combos)  # recombined, not copied
