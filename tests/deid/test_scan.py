"""The shared scan machinery: cue words in a window, the shared literal pass, and overlap resolution
(its bisection checked against a plain scan of every chosen span)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tilbake.deid.recognizers  # noqa: F401  (registers the families' literals and fragments)
from tilbake.deid.lang_nb import words
from tilbake.deid.overlap import _merge_same_label, resolve_overlaps
from tilbake.deid.recognizers.base import Scan, any_cue, has_cue
from tilbake.deid.spans import Label, Span


@pytest.mark.parametrize(("window", "cues", "expected"), [
    ("adresse: storgata 1, tlf ", words.PHONE_CUES, "tlf"),
    ("kontakt: ", words.PHONE_CUES, "kontakt:"),  # the longest cue at a position wins
    ("ring meg på ", words.PHONE_CUES, "på"),  # the last cue in the window
    ("pasienttelefon ", words.PHONE_CUES, "telefon"),  # a long cue inside a compound
    ("stlf ", words.PHONE_CUES, ""),  # a short cue must start a word
    ("tlf.nr ", words.PHONE_CUES, "tlf.nr"),
    ("fødselsnummeret ", words.FNR_CUES, "fødselsn"),
    ("varenr ", words.NOT_PHONE_CUES, "varenr"),
    ("pilot ", words.NOT_PHONE_CUES, ""),
    ("", words.PHONE_CUES, ""),
])
def test_cue_in_window(window: str, cues: tuple[str, ...], expected: str) -> None:
    assert has_cue(window, cues) == expected
    assert any_cue(window, cues) == bool(expected)


@pytest.mark.parametrize(("text", "needle", "starts"), [
    ("se klinikken.no og nav.no", ".no", [12, 22]),
    ("Journalnr. 2024-00123", "Journal", [0]),
    ("JOURNALNR 123", "JOURNALNR", [0]),
    ("ingen treff her", ".no", []),
])
def test_shared_literal_pass(text: str, needle: str, starts: list[int]) -> None:
    scan = Scan(text)
    found = [last - len(n) + 1 for last, n in scan.literals if n == needle]
    assert found == starts
    assert scan.has_literal(frozenset({needle})) == bool(starts)


def test_literals_in_order_longest_first() -> None:
    ends = [(last, -len(n)) for last, n in Scan("ref.nr 12, journalnr 3, Fnr 4").literals]
    assert ends == sorted(ends)


def _reference(spans: list[Span], text: str) -> list[Span]:
    """Overlap resolution with the plain scan of every chosen span."""
    merged = _merge_same_label(sorted(spans, key=lambda s: (s.label.value, s.start, -s.end)), text)
    names = {Label.PERSON, Label.ORG, Label.LOCATION}
    merged = [s for s in merged if not any(
        o.label in names and s.label in names and o.label != s.label and o.start <= s.start
        and s.end <= o.end and (o.start, o.end) != (s.start, s.end) for o in merged)]
    chosen: list[Span] = []
    for span in sorted(merged, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        if not any(span.start < c.end and c.start < span.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: (s.start, s.end))


_SPANS = st.lists(
    st.builds(lambda start, width, label, score: Span(start, start + width, label, score, "t"),
              st.integers(0, 60), st.integers(1, 12),
              st.sampled_from([Label.PERSON, Label.DATE, Label.ORG]),
              st.sampled_from([0.5, 0.8, 0.9, 1.0])),
    max_size=14)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_overlap_resolution_matches_plain_scan(spans: list[Span]) -> None:
    text = "Kari Nordmann-Hansen og Ola - Per, sett 12.03 på Ahus i Oslo i dag. " * 2
    assert resolve_overlaps(spans, text) == _reference(spans, text)
