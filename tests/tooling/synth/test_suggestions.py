from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest
from span_checks import assert_spans_valid

from client_types import CLIENT_TYPES
from tilbake.deid.spans import Label
from tilbake.tooling.synth import SUGGESTION_TYPES, gold_rows, suggestions
from tilbake.tooling.synth.edits import differs_by_at_least, word_edit_ratio

DECISIONS = {"accepted_as_is", "minor_edit", "major_edit", "rejected", "ignored"}
FIELDS = {
    "suggestion_type",
    "original_suggestion",
    "user_correction",
    "accepted",
    "correction_type",
    "confidence_score",
    "user_rating",
    "feedback_notes",
    "context_data",
    "time_to_decision",
    "model_name",
    "model_version",
}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return list(suggestions(600, seed=7))


def test_deterministic_by_seed_and_streaming():
    assert list(suggestions(50, 3)) == list(suggestions(50, 3))
    assert list(suggestions(50, 3)) != list(suggestions(50, 4))
    # a prefix of a longer run is the shorter run: records do not depend on n
    assert list(itertools.islice(suggestions(10**9, 3), 20)) == list(suggestions(20, 3))


def test_negative_n_is_refused():
    with pytest.raises(ValueError, match="n must be"):
        list(suggestions(-1, 1))


def test_every_type_and_decision_appears(records):
    assert set(SUGGESTION_TYPES) == CLIENT_TYPES
    assert {r["suggestion_type"] for r in records[:19]} == CLIENT_TYPES
    assert {r["correction_type"] for r in records} == DECISIONS
    pairs = Counter((r["suggestion_type"], r["correction_type"]) for r in records)
    assert len(pairs) > 60


def test_fields_and_ranges(records):
    for r in records:
        assert r.keys() >= FIELDS
        assert 0 <= r["confidence_score"] <= 1
        assert r["user_rating"] is None or 1 <= r["user_rating"] <= 5
        assert r["time_to_decision"] > 0
        ctx = r["context_data"]
        assert ctx["chief_complaint"] and 0 < ctx["patient_age"] < 100 and ctx["diagnosis_codes"]
        assert r["original_suggestion"].strip()


@pytest.mark.parametrize(
    "decision, accepted, has_correction",
    [
        ("accepted_as_is", True, False),
        ("minor_edit", True, True),
        ("major_edit", True, True),
        ("ignored", False, False),
    ],
)
def test_decision_shape(records, decision, accepted, has_correction):
    chosen = [r for r in records if r["correction_type"] == decision]
    assert chosen
    for r in chosen:
        assert r["accepted"] is accepted
        assert (r["user_correction"] is not None) is has_correction


def test_rejected_sometimes_with_a_correction(records):
    rejected = [r for r in records if r["correction_type"] == "rejected"]
    assert all(r["accepted"] is False for r in rejected)
    assert {r["user_correction"] is None for r in rejected} == {True, False}


def test_minor_edits_are_small_and_major_edits_large():
    records = list(suggestions(2500, seed=99))
    minor = [
        word_edit_ratio(r["original_suggestion"], r["user_correction"])
        for r in records
        if r["correction_type"] == "minor_edit"
    ]
    major = [
        word_edit_ratio(r["original_suggestion"], r["user_correction"])
        for r in records
        if r["correction_type"] == "major_edit"
    ]
    assert all(0 < x <= 0.15 for x in minor), max(minor)
    assert all(x >= 0.5 for x in major), min(major)


@pytest.mark.parametrize(
    "a, b, ratio",
    [
        ("a b c d", "a b c d", 0.0),
        ("a b c d", "a x c d", 0.25),
        ("a b", "", 1.0),
        ("", "", 0.0),
        ("a b c d", "a b c d e", 0.2),
    ],
)
def test_word_edit_ratio(a, b, ratio):
    assert word_edit_ratio(a, b) == pytest.approx(ratio)


def _texts(r):
    yield "original_suggestion", r["original_suggestion"]
    yield "user_correction", r["user_correction"]
    yield "feedback_notes", r["feedback_notes"]
    yield "chief_complaint", r["context_data"]["chief_complaint"]


def test_gold_spans_are_valid_and_cover_many_labels(records):
    labels = Counter()
    for r in records:
        for key, text in _texts(r):
            if text is None:
                assert key not in r["_gold"]
                continue
            assert_spans_valid(text, r["_gold"][key], key)
            assert_spans_valid(text, r["_negatives"][key], key)
            labels.update(s["label"] for s in r["_gold"][key])
    assert set(labels) == {lab.value for lab in Label}
    kinds = {n["kind"] for r in records for ns in r["_negatives"].values() for n in ns}
    assert len(kinds) >= 12
    assert sum(bool(r["_gold"]["original_suggestion"]) for r in records) > 0.6 * len(records)


def test_feedback_notes_sometimes_present_and_sometimes_hold_phi(records):
    notes = [r for r in records if r["feedback_notes"]]
    assert 0.15 * len(records) < len(notes) < 0.5 * len(records)
    assert any(r["_gold"]["feedback_notes"] for r in notes)
    assert any(not r["_gold"]["feedback_notes"] for r in notes)


@pytest.mark.parametrize(
    "a, b",
    [
        ("a b c d", "a x c d"),
        ("a b c d e f", "f e d c b a"),
        ("x y", "x y"),
        ("a a b", "b a a"),
        ("", "a"),
        ("p q r s t", "p q"),
    ],
)
@pytest.mark.parametrize("ratio", [0.0, 0.3, 0.5, 0.8, 1.0])
def test_fast_ratio_check_agrees_with_the_exact_one(a, b, ratio):
    assert differs_by_at_least(a, b, ratio) == (word_edit_ratio(a, b) >= ratio)


def test_capture_derives_the_same_decision_class_from_the_edit():
    # The capture API derives the class from the texts when an app sends none: it must agree.
    from tilbake.capture.decisions import classify_edit

    for r in suggestions(1500, seed=5):
        if r["correction_type"] in ("minor_edit", "major_edit"):
            assert classify_edit(r["original_suggestion"], r["user_correction"]) == r["correction_type"]


@pytest.mark.parametrize("split", ["train", "heldout"])
def test_split_chooses_the_name_pools(split):
    from tilbake.tooling.synth.people import pools

    names = {part for name in pools(split).all_names() for part in re.split(r"[ -]", name)}
    for r in suggestions(60, 1, split=split):
        for g in gold_rows(r, "x"):
            for s in g["spans"]:
                if s["label"] != "PERSON":
                    continue
                for word in re.split(r"[ -]", g["text"][s["start"]:s["end"]]):
                    if not word.endswith("."):  # an initial
                        assert word in names or word[:-1] in names, word  # possessive: "Karis", "Lars'"


def test_gold_rows_cover_every_free_text():
    r = next(r for r in suggestions(50, 2) if r["user_correction"] and r["feedback_notes"])
    rows = list(gold_rows(r, "r1"))
    assert [x["id"] for x in rows] == ["r1:original_suggestion", "r1:user_correction", "r1:feedback_notes",
                                       "r1:chief_complaint"]
    assert rows[1]["text"] == r["user_correction"] and rows[1]["spans"] == r["_gold"]["user_correction"]
    with pytest.raises(ValueError, match="split must be"):
        next(suggestions(1, 1, split="dev"))
