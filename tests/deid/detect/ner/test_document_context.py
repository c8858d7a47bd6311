"""Document context (``tilbake.deid.detect.ner_context``): one name, one reading per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from tilbake.deid.detect.ner import NerDetector
from tilbake.deid.detect.ner_context import consistent
from tilbake.deid.spans import Label, Span

COMMON = frozenset({"per", "dag", "senere"})
NEVER = frozenset({"anamnese"})
NAMES = frozenset({"kari", "per", "dag"})


def _span(text: str, part: str, label: Label, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), label, 0.85, "ner")


def _read(text: str, spans: list[Span]) -> list[tuple[str, Label]]:
    return [(text[s.start : s.end], s.label) for s in consistent(text, spans, COMMON, NEVER, names=NAMES)]


def test_a_name_found_in_one_sentence_is_found_in_the_next():
    text = "Per Borten ble valgt i 1965. Senere sa Borten nei, og Bortens regjering falt."
    assert _read(text, [_span(text, "Per Borten", Label.PERSON)]) == [
        ("Per Borten", Label.PERSON), ("Borten", Label.PERSON), ("Bortens", Label.PERSON),
    ]  # fmt: skip


def test_earlier_mentions_are_found_too_and_neighbours_join():
    text = "Borten talte. Per Borten ble valgt."
    spans = [_span(text, "Borten", Label.PERSON), _span(text, "Per", Label.PERSON)]
    # "Borten" of the second sentence is new, and it joins the "Per" the model found before it
    assert _read(text, spans) == [("Borten", Label.PERSON), ("Per Borten", Label.PERSON)]


@pytest.mark.parametrize(("text", "word", "readings", "expected"), [
    # a minority person reading takes the majority label
    ("Han bor på Nordås. Nordås ligger sør i byen. Hun flyttet til Nordås.", "Nordås",
     [Label.LOCATION, Label.PERSON, Label.LOCATION], [Label.LOCATION] * 3),
    # a majority person reading wins over a lone organisation
    ("Knausgård skriver. Knausgård leser. Forlaget ga ut Knausgård.", "Knausgård",
     [Label.PERSON, Label.PERSON, Label.ORG], [Label.PERSON] * 3),
    # places and organisations are not relabelled among themselves: "Norge vant" (an organisation)
    # and "i Norge" (a place) are both right in one document
    ("Norge vant. Han bor i Norge. Norge er kaldt.", "Norge",
     [Label.ORG, Label.LOCATION, Label.LOCATION], [Label.ORG, Label.LOCATION, Label.LOCATION]),
])
def test_one_word_entities_take_the_documents_reading(text, word, readings, expected):
    spans = [_span(text, word, label, i) for i, label in enumerate(readings)]
    assert [label for _, label in _read(text, spans)] == expected


def test_sentence_initial_common_words_and_never_words_are_not_propagated():
    # a name before a hyphen is still a mention of it ("Hansen-saken": the Hansen case), by the same
    # rule as the engine's propagation (overlap.mention_end); a name glued into a word is not
    text = "Per Hansen kom. Per dag tar han to. Hansen-saken er ny. Hansenvei 2. Se ANAMNESE. Les ANAMNESE."
    spans = [_span(text, "Per Hansen", Label.PERSON), _span(text, "ANAMNESE", Label.PERSON)]
    assert _read(text, spans) == [("Per Hansen", Label.PERSON), ("Hansen", Label.PERSON),
                                  ("ANAMNESE", Label.PERSON)]


def test_words_inside_longer_organisations_vote_for_nothing():
    text = "Borten-regjeringen falt. Borten gikk av. Fritt Ord ga pris til Ord."
    spans = [_span(text, "Borten-regjeringen", Label.ORG), _span(text, "Fritt Ord", Label.ORG)]
    assert _read(text, spans) == [("Borten-regjeringen", Label.ORG), ("Fritt Ord", Label.ORG)]


@pytest.mark.parametrize(
    ("text", "part", "kept"),
    [
        ("Han har lest «Mein Kampf» i sommer.", "Kampf", False),  # part of a title
        ("Hun sa «Kari Nordmann» to ganger.", "Kari Nordmann", True),  # the whole quote
        ("Han sa «jeg heter Kari» da.", "Kari", True),  # a quoted sentence, not a title
        ("Hitlers Kampf var lang.", "Kampf", True),  # no quote marks
    ],
)
def test_a_person_inside_a_quoted_title_is_dropped(text: str, part: str, kept: bool):
    assert bool(_read(text, [_span(text, part, Label.PERSON)])) == kept


def test_no_spans_no_work():
    assert consistent("Borten talte.", [], COMMON, NEVER) == []


def test_the_detector_reads_each_text_as_one_document(tiny_model: Path):
    text = "Vi møtte Kari Nordmann i går. Nordmann hadde vondt i ryggen."
    alone = NerDetector(tiny_model, document=False).load()
    assert [text[s.start : s.end] for s in alone.detect(text)] == ["Kari Nordmann"]
    detector = NerDetector(tiny_model).load()
    spans = detector.detect(text)
    assert [(text[s.start : s.end], s.label) for s in spans] == [
        ("Kari Nordmann", Label.PERSON), ("Nordmann", Label.PERSON),
    ]  # fmt: skip
    assert spans[1].source == "ner:context"


def test_new_mentions_pass_the_callers_filter():
    text = "Dag Mo kom. Etterpå gikk Dag to runder."
    spans = [_span(text, "Dag Mo", Label.PERSON)]
    counting = text.index("Dag to")
    assert _read(text, spans)[1:] == [("Dag", Label.PERSON)]  # without a filter

    def keep(start: int, end: int) -> bool:
        return start != counting

    assert consistent(text, spans, COMMON, NEVER, keep=keep) == spans


def test_a_full_name_outvotes_a_lone_other_reading():
    text = "Karl Ove Knausgård skriver. Knausgårds bok er ute. Knausgård leser."
    spans = [
        _span(text, "Karl Ove Knausgård", Label.PERSON),
        _span(text, "Knausgårds", Label.ORG),
        _span(text, "Knausgård", Label.ORG, 2),
    ]
    # two ORG votes against a full name's two: the lone words keep their label ...
    assert [label for _, label in _read(text, spans)] == [Label.PERSON, Label.ORG, Label.ORG]
    # ... and one ORG vote loses
    assert [label for _, label in _read(text, spans[:2])][1] == Label.PERSON


@pytest.mark.parametrize(
    ("text", "part", "kept"),
    [
        ("Han jobbet der lenge. Stasjonssjefen er sjef.", "Stasjonssjefen", False),
        ("Kari kom. Hun er frisk.", "Kari", True),  # a known name
        ("Rognbråten kom. Vi ringte Rognbråten.", "Rognbråten", True),  # written mid-sentence too
        ("Pasient: Jadwiga kom i dag.", "Jadwiga", True),  # after a colon
        ("Ull er stikkordet. Fine klær.", "Ull er", True),  # more than one word
    ],
)
def test_a_lone_reading_of_an_unknown_sentence_opener_is_dropped(text: str, part: str, kept: bool):
    spans = [_span(text, part, Label.PERSON)]
    found = consistent(text, spans, COMMON, NEVER, names=NAMES)
    assert (spans[0] in found) == kept


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Vi snakket lenge. Zieliński kommer i morgen.", "Zieliński"),  # letters foreign to bokmål
        ("Hun bor hjemme. Karis bestemor er syk.", "Karis"),  # a known name's genitive
    ],
)
def test_lone_sentence_openers_that_look_like_names_stay(text: str, part: str):
    spans = [_span(text, part, Label.PERSON)]
    assert consistent(text, spans, COMMON, NEVER, names=NAMES) == spans
