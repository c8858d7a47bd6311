from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from conftest import assert_spans_valid
from tilbake.deid.spans import Label
from tilbake.synth import bank_heldout, bank_train, notes
from tilbake.synth.clinical import NEGATIVE_KINDS
from tilbake.synth.people import WORD_FIRST, WORD_SURNAMES, pools
from tilbake.synth.scene import compile_template

SHAPES = {"soap", "prose", "referral", "epicrisis", "comment", "message", "phone_note", "journal", "messy"}


@pytest.fixture(scope="module", params=["train", "heldout"])
def corpus(request) -> tuple[str, list[dict]]:
    return request.param, list(notes(1000, seed=11, split=request.param))


def test_deterministic_by_seed_and_prefix_stable():
    assert list(notes(40, 5)) == list(notes(40, 5))
    assert list(notes(40, 5)) != list(notes(40, 6))
    assert list(itertools.islice(notes(10**9, 5, split="heldout"), 15)) == list(notes(15, 5, split="heldout"))


@pytest.mark.parametrize("kwargs, message", [({"split": "test"}, "split must be"), ({"n": -1}, "n must be")])
def test_bad_arguments_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        list(notes(**{"n": 1, "seed": 1, **kwargs}))


def test_row_shape(corpus):
    split, rows = corpus
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "text", "spans", "negatives", "kind"}
        assert r["id"].startswith(split)
        assert r["text"].strip()


def test_spans_and_negatives_are_exact(corpus):
    _, rows = corpus
    for r in rows:
        assert_spans_valid(r["text"], r["spans"], r["id"])
        assert_spans_valid(r["text"], r["negatives"], r["id"])
        for neg in r["negatives"]:  # a hard negative never overlaps gold PHI
            assert all(neg["end"] <= s["start"] or s["end"] <= neg["start"] for s in r["spans"]), r["id"]


def test_every_label_negative_kind_and_shape_appears(corpus):
    _, rows = corpus
    labels = Counter(s["label"] for r in rows for s in r["spans"])
    kinds = Counter(n["kind"] for r in rows for n in r["negatives"])
    assert set(labels) == {lab.value for lab in Label}
    assert set(kinds) == set(NEGATIVE_KINDS)
    assert {r["kind"] for r in rows} == SHAPES
    assert min(labels.values()) >= 10, labels


def test_phi_looks_like_what_its_label_says(corpus):
    _, rows = corpus
    checks = {
        "FNR": r"\d{6}[ -]?\d{5}",
        "EMAIL": r"[\w.-]+@[\w-]+(\.[\w-]+)+",
        "PHONE": r"(\+47|0047)? ?[\d ]{8,11}",
        "LOCATION": r"(\d{4} )?[\wÆØÅæøå. -]+",
        "URL": r"(https?://)?(www\.)?[\w.-]+\.no",
    }
    for r in rows:
        for s in r["spans"]:
            if s["label"] in checks:
                assert re.fullmatch(checks[s["label"]], r["text"][s["start"] : s["end"]]), (r["id"], s)


def test_messy_notes_hold_lower_case_names():
    rows = [r for r in notes(600, 3) if r["kind"] == "messy"]
    people = [r["text"][s["start"] : s["end"]] for r in rows for s in r["spans"] if s["label"] == "PERSON"]
    assert sum(p == p.lower() for p in people) > 0.2 * len(people)


def _person_words(rows):
    return {
        w.strip("'").removesuffix("s")
        for r in rows
        for s in r["spans"]
        if s["label"] == "PERSON"
        for w in re.split(r"[ -]", r["text"][s["start"] : s["end"]])
        if len(w) > 2 and "." not in w
    }


def test_held_out_name_pools_are_disjoint_from_train():
    train, heldout = pools("train").all_names(), pools("heldout").all_names()
    assert not train & heldout
    assert not set(WORD_FIRST["heldout"] + WORD_SURNAMES["heldout"]) & train
    assert len(heldout) > 2000


def test_held_out_notes_use_names_train_notes_never_do():
    train_words = {w.lower() for w in pools("train").all_names()}
    rows = list(notes(300, 1, split="heldout"))
    words = {w.lower() for w in _person_words(rows)}
    unseen = {w for w in words if w not in train_words}
    # possessive stripping can create collisions (e.g. "Lars" -> "Lar"); nearly all must be unseen
    assert len(unseen) > 0.9 * len(words)


def _templates(bank) -> set[str]:
    out = set()
    for name in dir(bank):
        value = getattr(bank, name)
        if not name.isupper():
            continue
        if isinstance(value, dict):
            out.update(t for ts in value.values() for t in ts)
        elif isinstance(value, tuple):
            out.update(t if isinstance(t, str) else " ".join(t) for t in value)
    return out


def test_held_out_templates_are_distinct_and_all_compile():
    train, heldout = _templates(bank_train), _templates(bank_heldout)
    assert len(train) > 100 and len(heldout) > 100
    # a lone slot ("{wordname}") has no wording of its own: its fillers are split instead
    assert {t for t in train & heldout if not re.fullmatch(r"\{\w+\}", t)} == set()
    for t in train | heldout:
        compile_template(t)


def test_names_that_are_words_appear():
    rows = list(notes(1000, 2))
    words = {w for w in _person_words(rows)}
    assert words & set(WORD_SURNAMES["train"])
    assert words & set(WORD_FIRST["train"])


def _skeleton(template: str) -> str:
    return " ".join(re.sub(r"\{\w+\}|[^\w ]", " ", template.lower()).split())


def test_held_out_templates_differ_beyond_punctuation_and_slots():
    train = {_skeleton(t) for t in _templates(bank_train)}
    heldout = {_skeleton(t) for t in _templates(bank_heldout)}
    shared = {s for s in train & heldout if len(s.split()) > 1}
    assert not shared, shared


@pytest.mark.parametrize(
    "text, spans",
    [
        ("Kari Hansen", [{"start": 0, "end": 12}]),  # past the end
        ("Kari Hansen", [{"start": 0, "end": 6}, {"start": 5, "end": 11}]),  # overlap
        ("Kari Hansen", [{"start": 1, "end": 4}]),  # starts mid-word
        ("Kari Hansen", [{"start": 0, "end": 3}]),  # ends mid-word
        ("Kari Hansen", [{"start": 4, "end": 11}]),  # outer whitespace
    ],
)
def test_span_checker_catches_bad_spans(text, spans):
    with pytest.raises(AssertionError):
        assert_spans_valid(text, spans)
