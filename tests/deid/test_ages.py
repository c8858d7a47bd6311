"""Ages in digits, words and decades; durations are not ages."""

import pytest


@pytest.mark.parametrize(("text", "piece"), [
    ("47 år gammel kvinne", "47 år gammel"),
    ("Kvinne, 47 år, med ryggsmerter", "47 år"),
    ("47-årig mann", "47-årig"),
    ("En 47-åring med nakkesmerter", "47-åring"),
    ("Pasienten er 82 år.", "82 år"),
    ("sju år gammel gutt", "sju år gammel"),
    ("femtiåring med hodepine", "femtiåring"),
    ("mann i 60-årene", "60-årene"),
    ("jente i tenårene", "tenårene"),
    ("Alder: 47", "47"),
    ("Kari Nordmann (47) kom", "47"),
    ("Mann, 93 år", "93 år"),
    ("en førtisju år gammel lærer", "førtisju år gammel"),
])
def test_ages_found(found, text, piece):
    assert (piece, "AGE") in found(text)


@pytest.mark.parametrize("text", [
    "Hatt smerter i 3 år",
    "Operert for 3 år siden",
    "De siste 2 år har hun trent",
    "smerter i to år",
    "plager i over 10 år",
    "Tilbakefall etter 5 år",
    "hvert 2. år",
    "C5/C6 (2) og L4 (3)",
])
def test_durations_are_not_ages(found, text):
    assert not any(label == "AGE" for _, label in found(text)), found(text)
