"""The never-a-name filter for model PERSON spans: drops, trims and keeps, with slips."""

from __future__ import annotations

import pytest

from tilbake.deid.detect.ner_filter import (
    counting,
    cue_words,
    lower_tail,
    never_compound,
    never_with_slips,
    never_words,
    person_span,
)

COMMON = frozenset({"fortsette", "dag", "søster", "hansen", "berg"})
NAMES = frozenset({"dag", "hansen", "berg", "stauts"})
NEVER = never_with_slips(NAMES)


def _kept(entity: str) -> str | None:
    kept = person_span(entity, COMMON, NAMES, NEVER)
    return None if kept is None else entity[kept[0] : kept[1]]


@pytest.mark.parametrize(
    ("entity", "kept"),
    [
        # headings, abbreviations and sentence-opening verbs are never names
        ("ROM", None),
        ("Ring", None),
        ("Bør fortsette", None),  # a never-word and a common word
        ("BEHANDLING Ring", None),
        ("Yrke", None),
        ("Blodtrykk", None),
        ("Mailadressen", None),
        ("us.", None),
        # dictation slips of never-words
        ("STTAUS", None),  # swapped
        ("Bsekjed", None),
        ("Postadrese", None),  # a letter lost
        ("Anamnesse", None),  # a letter doubled
        # compounds ending in a never-word of five letters or more, unless a known name
        ("Sluttnotat", None),
        ("Konsultasjonsrapport", None),
        ("Bergstatus", None),
        # never-words at the edges are cut off, the names stay
        ("ANAMNESE Vasuki Sikorska", "Vasuki Sikorska"),
        ("Kari Moe Ring", "Kari Moe"),
        ("Rekvirent: Pooja Hattestad", "Pooja Hattestad"),
        # names stay, also when they are common words too
        ("Kari Nordmann", "Kari Nordmann"),
        ("Dag", "Dag"),  # a known name: the model's call stands
        ("Hansen", "Hansen"),
        ("Dag Berg", "Dag Berg"),
        ("Solveig", "Solveig"),  # unknown word
        ("Søster Solveig", "Søster Solveig"),  # common words are cut only when all are common
        ("Pasienten Solveig", "Solveig"),  # a never-word is cut
        ("Hætta-Sara, Lars", "Hætta-Sara, Lars"),
        ("Stauts", "Stauts"),  # a slip that is a known name is no never-word
        ("Ekrom", "Ekrom"),  # the tail "rom" is too short to count
        ("Bergnotat Hansen", "Hansen"),
    ],
)
def test_person_spans(entity: str, kept: str | None):
    assert _kept(entity) == kept


@pytest.mark.parametrize("word", ["anamnese", "rom", "ring", "bt", "yrke", "tiltak"])
def test_listed_words_are_read_lower_case(word: str):
    assert word in never_words()


@pytest.mark.parametrize("word", ["kari", "per", "ta", "kan", "", "#"])
def test_names_and_comments_are_not_listed(word: str):
    assert word not in never_words()


@pytest.mark.parametrize(("word", "cue"), [("rekvirent", True), ("yrke", True), ("anamnese", False)])
def test_cue_words_are_never_words_marked_with_a_plus(word: str, cue: bool):
    assert word in never_words() and (word in cue_words()) is cue
    assert not any(w.startswith("+") for w in never_words())


@pytest.mark.parametrize(
    ("word", "never"),
    [("sluttnotat", True), ("hpr-nummer", True), ("ekrom", False), ("notat", False), ("hansen", False)],
)
def test_never_compounds(word: str, never: bool):
    assert never_compound(word, NEVER) is never


def test_short_words_get_no_slips():
    assert "mor" not in NEVER and "ro" not in NEVER  # "rom" is listed; its slips are too close to words


@pytest.mark.parametrize(
    ("entity", "after", "expected"),
    [
        ("Dag", " to etter skaden", True),  # a day counted, not the name Dag
        ("Dag", " øh to etetr skaden", True),  # a dictation filler in between
        ("Dag", " 3 postoperativt", True),
        ("Dag", " kom til kontroll", False),  # the name, then a verb
        ("Dag", " en gang", False),  # "en" is an article too
        ("Dag", "", False),
        ("Solveig", " to ganger", False),  # not a common word: a name that happens to precede a number
        ("Dag Berg", " to", False),  # two words: a name
    ],
)
def test_a_lone_common_word_before_a_number_is_counting(entity: str, after: str, expected: bool):
    assert counting(entity, after, COMMON) is expected


@pytest.mark.parametrize(
    ("entity", "kept"),
    [
        ("Signy Fardals hals", "Signy Fardals"),
        ("Espens respons", "Espens"),
        ("Kari Nordmann", "Kari Nordmann"),
        ("Karen al-Hassan", "Karen al-Hassan"),  # a hyphenated part is a name
        ("kari nordmann", "kari nordmann"),  # a messy note's name
        ("Hansen", "Hansen"),
    ],
)
def test_lower_case_words_after_a_capitalised_name_are_cut_off(entity: str, kept: str):
    assert entity[: lower_tail(entity)] == kept
