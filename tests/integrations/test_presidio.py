"""The Presidio adapter inside a real AnalyzerEngine, on Norwegian notes, with no network."""

from __future__ import annotations

import socket

import pytest
from presidio_analyzer import PatternRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from tilbake.deid.spans import Label
from tilbake.integrations.presidio import ENTITIES, TilbakeRecognizer, norwegian_analyzer
from tilbake.tooling.synth.notes import notes
from tilbake.wiring import deid_engine

NOTE = "Pasient: Kari Nordmann, tlf 912 34 567, fnr 15108695088. Bor i Storgata 3, 0155 Oslo."


@pytest.fixture(scope="module")
def analyzer():
    real_connect = socket.socket.connect

    def refuse(*args, **kwargs):
        raise AssertionError("the Presidio adapter tried the network")

    socket.socket.connect = refuse  # building the analyzer and analysing download nothing
    try:
        engine = norwegian_analyzer()
        engine.analyze(NOTE, language="nb")
        yield engine
    finally:
        socket.socket.connect = real_connect


def _overlap_recall(gold: list[dict], found: set[tuple[int, int]]) -> tuple[int, int]:
    hit = sum(any(s < g["end"] and g["start"] < e for s, e in found) for g in gold)
    return hit, len(gold)


def test_analyzer_finds_norwegian_phi_under_presidios_names(analyzer):
    found = {(NOTE[r.start:r.end], r.entity_type) for r in analyzer.analyze(NOTE, language="nb")}
    assert found == {("Kari Nordmann", "PERSON"), ("912 34 567", "PHONE_NUMBER"),
                     ("15108695088", "NO_FODSELSNUMMER"), ("Storgata 3", "LOCATION"),
                     ("0155 Oslo", "LOCATION")}


def test_the_analyzer_finds_what_tilbake_finds_on_notes_with_the_same_recall(analyzer):
    engine = deid_engine(True)
    hits = [0, 0]
    total = 0
    for note in notes(60, 3, split="heldout"):
        text = note["text"]
        presidio = analyzer.analyze(text, language="nb")
        ours = engine.detect(text)
        assert sorted((r.start, r.end, r.entity_type, r.score) for r in presidio) == sorted(
            (s.start, s.end, ENTITIES[s.label], s.score) for s in ours)
        for i, spans in enumerate(({(r.start, r.end) for r in presidio}, {(s.start, s.end) for s in ours})):
            hit, n = _overlap_recall(note["spans"], spans)
            hits[i] += hit
        total += n
    assert hits[0] == hits[1] and total > 300


def test_entities_filter_and_presidios_own_recognizers_alongside(analyzer):
    only_phones = analyzer.analyze(NOTE, language="nb", entities=["PHONE_NUMBER"])
    assert [NOTE[r.start:r.end] for r in only_phones] == ["912 34 567"]
    both = norwegian_analyzer(TilbakeRecognizer())
    both.registry.add_recognizer(EmailRecognizer(supported_language="nb"))
    both.registry.add_recognizer(PatternRecognizer("ROOM", supported_language="nb", deny_list=["rom 12"]))
    text = "Send til kari@example.no, hun ligger på rom 12."
    names = {(text[r.start:r.end], r.entity_type) for r in both.analyze(text, language="nb")}
    assert {("kari@example.no", "EMAIL_ADDRESS"), ("rom 12", "ROOM")} <= names


def test_every_label_has_a_presidio_name():
    assert set(ENTITIES) == set(Label)
    assert set(TilbakeRecognizer().supported_entities) == set(ENTITIES.values())
