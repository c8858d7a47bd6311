"""The decision-class rule and its borders (see tilbake.capture.decisions)."""

from __future__ import annotations

import pytest

from tilbake.capture.decisions import (
    MINOR_EDIT_MAX_RATIO,
    classify_edit,
    derive_accepted,
    derive_correction_type,
    edit_ratio,
    tokens,
)
from tilbake.errors import ValidationError

TEN = "en to tre fire fem seks sju åtte ni ti"


def _change(n: int) -> str:
    words = TEN.split()
    return " ".join([f"X{i}" for i in range(n)] + words[n:])


def test_threshold_is_the_documented_one():
    assert MINOR_EDIT_MAX_RATIO == 0.30


@pytest.mark.parametrize(
    ("original", "correction", "expected"),
    [
        (TEN, TEN, "accepted_as_is"),
        (TEN, "  en to  tre\nfire fem seks sju åtte ni ti ", "accepted_as_is"),  # whitespace only
        (TEN, _change(1), "minor_edit"),
        (TEN, _change(3), "minor_edit"),  # ratio 0.30: the border is minor
        (TEN, _change(4), "major_edit"),  # ratio 0.40
        (TEN, TEN + " elleve tolv tre", "minor_edit"),  # 3 inserted of 13: 0.23
        (TEN, TEN + " elleve tolv tre fire fem", "major_edit"),  # 5 of 15: 0.33
        (TEN, "En to tre fire fem seks sju åtte ni ti", "minor_edit"),  # case matters: 1 of 10
        (TEN, TEN + ".", "minor_edit"),  # punctuation is a token: 1 of 11
        ("Rygg.", "Nakke.", "major_edit"),  # 1 of 2 changed
        (TEN, "helt annen tekst", "major_edit"),
    ],
)
def test_classify_edit_borders(original, correction, expected):
    assert classify_edit(original, correction) == expected


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [
        ("", "", 0.0),
        ("a b c d", "a c d", 0.25),  # one deletion
        ("a b c d", "a x c d", 0.25),  # one substitution
        ("a b c d", "b a c d", 0.5),  # a swap is two edits
        ("a b", "", 1.0),
    ],
)
def test_edit_ratio_is_word_level_levenshtein(a, b, ratio):
    assert edit_ratio(a, b) == pytest.approx(ratio)


def test_tokens_split_words_and_punctuation_keep_norwegian_letters():
    assert tokens("Smerte i høyre skulder, VAS 7/10.") == [
        "Smerte", "i", "høyre", "skulder", ",", "VAS", "7", "/", "10", "."]


def test_long_texts_stay_fast_and_bounded():
    words = [f"ord{i}" for i in range(3000)]
    rewritten = " ".join(reversed(words))
    assert classify_edit(" ".join(words), rewritten) == "major_edit"
    assert classify_edit(" ".join(words), " ".join(words[:2990] + ["ny"] * 10)) == "minor_edit"


@pytest.mark.parametrize(
    ("correction", "accepted", "sent", "expected"),
    [
        # derived when not sent
        (None, True, None, "accepted_as_is"),
        (None, None, None, "ignored"),
        ("   ", None, None, "ignored"),
        (None, False, None, "rejected"),
        (_change(5), False, None, "rejected"),  # a rejection with the clinician's own text
        (_change(1), True, None, "minor_edit"),
        (_change(1), None, None, "minor_edit"),
        (_change(6), True, None, "major_edit"),
        (TEN, True, None, "accepted_as_is"),
        # sent: checked, case-insensitive
        (None, True, "accepted_as_is", "accepted_as_is"),
        (None, None, "IGNORED", "ignored"),
        (_change(6), True, "minor_edit", "minor_edit"),  # the app's own class wins
        # legacy values
        (_change(1), True, "modified", "minor_edit"),
        (_change(6), True, "modified", "major_edit"),
        (TEN, True, "modified", "minor_edit"),  # said modified: at least minor
        (None, True, "modified", "minor_edit"),
        (None, True, "minor", "minor_edit"),
        (None, True, "major", "major_edit"),
        (None, True, "none", "accepted_as_is"),
        (None, None, "none", "accepted_as_is"),
        (None, False, "none", "rejected"),
        (None, None, "dismissed", "ignored"),
    ],
)
def test_derive_correction_type(correction, accepted, sent, expected):
    assert derive_correction_type(TEN, correction, accepted, sent) == expected


def test_unknown_correction_type_names_the_allowed_ones():
    allowed = "accepted_as_is, minor_edit, major_edit, rejected, ignored"
    with pytest.raises(ValidationError, match=allowed) as info:
        derive_correction_type(TEN, None, True, "sideways")
    assert info.value.field == "correction_type"


@pytest.mark.parametrize(
    ("accepted", "ct", "expected"),
    [(None, "minor_edit", True), (None, "rejected", False), (None, "ignored", None),
     (False, "minor_edit", False)],
)
def test_derive_accepted(accepted, ct, expected):
    assert derive_accepted(accepted, ct) is expected
