"""Surrogate mode honours the age rule of every operator: ages become ranges unless asked otherwise."""

from __future__ import annotations

import pytest

from tilbake.deid.rewrite.operators import OperatorContext, anonymize
from tilbake.deid.spans import Label, Span

CTX = OperatorContext(secret=b"test-secret", scope="s1")


def _age(text: str, piece: str) -> list[Span]:
    start = text.index(piece)
    return [Span(start, start + len(piece), Label.AGE, 0.95, "test")]


@pytest.mark.parametrize(
    ("text", "piece", "expected"),
    [
        ("Mann, 47 år, kommer til kontroll.", "47 år", "Mann, 40-49 år, kommer til kontroll."),
        ("En 63-årig kvinne med hoftesmerter.", "63-årig", "En 60-69-årig kvinne med hoftesmerter."),
        ("Gutten er sju år gammel.", "sju år", "Gutten er 0-9 år gammel."),
        ("Far (58) var med.", "58", "Far (50-59) var med."),
        ("Hun er i 70-årene.", "70-årene", "Hun er i 70-79-årene."),
        ("Hun er 93 år.", "93 år", "Hun er 90+ år."),
        ("Alder: 9", "9", "Alder: 0-9"),
    ],
)
def test_surrogate_ages_become_ranges(text, piece, expected):
    assert anonymize(text, _age(text, piece), "surrogate", CTX) == expected


@pytest.mark.parametrize(
    ("text", "piece", "expected"),
    [
        ("Mann, 47 år, kommer.", "47 år", "Mann, 47 år, kommer."),
        ("En 63-årig kvinne.", "63-årig", "En 63-årig kvinne."),
        ("Hun er 93 år.", "93 år", "Hun er 90+ år."),  # 90 and over are never exact
    ],
)
def test_exact_ages_only_when_asked(text, piece, expected):
    ctx = OperatorContext(secret=b"test-secret", scope="s1", exact_ages=True)
    assert anonymize(text, _age(text, piece), "surrogate", ctx) == expected


def test_every_operator_hides_the_exact_age():
    text = "Pasient, 47 år, kommer."
    spans = _age(text, "47 år")
    for operator in ("tag", "role", "age", "redact", "surrogate"):
        assert "47" not in anonymize(text, spans, operator, CTX), operator


def test_other_labels_still_get_surrogates_next_to_an_age():
    text = "Kari Nordmann, 47 år"
    spans = [Span(0, 13, Label.PERSON, 0.95, "test"), *_age(text, "47 år")]
    out = anonymize(text, spans, "surrogate", CTX)
    assert out.endswith(", 40-49 år") and "Kari" not in out and "Nordmann" not in out
