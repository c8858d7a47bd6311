"""The model shipped in the package loads offline and finds names in sentences it never saw.

The sentences are written for this test (not from NorNE or the synthetic generator); the test asserts
behaviour (a PERSON/ORG span covers the name), not exact offsets, so a retrained model may differ in
detail without breaking it.
"""

from __future__ import annotations

import socket

import pytest

from tilbake.deid.detect.ner import DEFAULT_MODEL_DIR, NerDetector
from tilbake.deid.spans import Label

CASES = [
    ("I dag ringte Ingrid Solheim og spurte om resultatet av blodprøvene.", "Ingrid Solheim", Label.PERSON),
    (
        "Pasienten er henvist fra fastlege Henrik Aasen for vurdering av nakkesmerter.",
        "Henrik Aasen",
        Label.PERSON,
    ),
    (
        "Samtale med datteren, Marte Kristiansen, som følger ham til timene.",
        "Marte Kristiansen",
        Label.PERSON,
    ),
    ("Han arbeider som snekker hos Veidekke og har vært sykmeldt i to uker.", "Veidekke", Label.ORG),
]


@pytest.fixture(scope="module")
def detector() -> NerDetector:
    real_socket = socket.socket

    def no_network(*args: object, **kwargs: object) -> socket.socket:
        raise AssertionError("the model tried to use the network")

    socket.socket = no_network  # type: ignore[misc,assignment]
    try:
        return NerDetector().load()
    finally:
        socket.socket = real_socket  # type: ignore[misc]


def test_the_model_ships_inside_the_package_and_is_small():
    assert (DEFAULT_MODEL_DIR / "config.cfg").is_file()
    size = sum(f.stat().st_size for f in DEFAULT_MODEL_DIR.rglob("*") if f.is_file())
    assert size < 50_000_000


@pytest.mark.parametrize(("text", "name", "label"), CASES)
def test_finds_names_in_unseen_sentences(detector: NerDetector, text: str, name: str, label: Label):
    start = text.index(name)
    end = start + len(name)
    spans = detector.detect(text)
    assert any(s.label == label and s.start < end and start < s.end for s in spans), name


def test_common_clinical_words_are_not_names(detector: NerDetector):
    text = "Smerter i korsryggen med utstråling til venstre legg. Lasègue negativ. Ibux 400 mg ved behov."
    assert [s for s in detector.detect(text) if s.label == Label.PERSON] == []


def test_gated_and_whole_text_reading_agree_on_the_names(detector: NerDetector):
    whole = NerDetector(gated=False).load()
    texts = [text for text, _, _ in CASES]
    gated = [
        {(s.start, s.end) for s in spans if s.label == Label.PERSON} for spans in detector.detect_many(texts)
    ]
    full = [
        {(s.start, s.end) for s in spans if s.label == Label.PERSON} for spans in whole.detect_many(texts)
    ]
    assert gated == full
