"""The shared scan machinery: cue words in a window, the shared literal pass, and overlap resolution
(its bisection checked against a plain scan of every chosen span)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tilbake.deid.detect.recognizers  # noqa: F401  (registers the families' literals and fragments)
from tilbake.deid.detect.overlap import _merge_same_label, resolve_overlaps
from tilbake.deid.detect.recognizers.base import Scan, _master, any_cue, ascii_digits, has_cue
from tilbake.deid.lang_nb import words
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


@pytest.mark.parametrize("text", [
    "Jabłoński, fnr 15108695088, kontonr 1234", "Ødegård fnr 1 ł journalnr 2", "ł" * 3 + "fnr",
    "Grünerløkka legesenter, Hpr 123, www.x.no", "", "fnr \ud800 journalnr",  # a lone surrogate
])
def test_literal_hits_the_same_beyond_latin1(text: str) -> None:
    """A note with letters beyond latin-1 goes through the str automaton: same hits, same offsets as
    the same note with those letters replaced by latin-1 ones."""
    from tilbake.deid.detect.recognizers.base import _literal_hits

    assert _literal_hits(text) == _literal_hits(text.replace("ł", "l").replace("\ud800", "?"))
    for last, needle in _literal_hits(text):
        assert text[last - len(needle) + 1:last + 1] == needle


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


# --- the speed rewrites must say exactly what the plain forms say ---

@settings(max_examples=300, deadline=None)
@given(st.integers(-2, 40), st.integers(-2, 40), st.sampled_from(list(Label)), st.floats(-0.5, 1.5))
def test_new_span_is_a_span(start: int, end: int, label: Label, score: float) -> None:
    from tilbake.deid.detect.recognizers.base import new_span

    try:
        expected = Span(start, end, label, score, "src")
    except ValueError as error:
        with pytest.raises(ValueError, match="span"):
            new_span(start, end, label, score, "src")
        assert "span" in str(error)
        return
    made = new_span(start, end, label, score, "src")
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)


_WORDS = st.lists(st.sampled_from(["den", "(Kari", "mandag,", "  ", "\n", "fra", "ÅR", "12.03", "x"]),
                  max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.integers(0, 200), st.booleans())
def test_words_before_matches_word_before(text: str, pos: int, one_first: bool) -> None:
    pos = min(pos, len(text))
    plain = Scan(text)
    expected = (plain.word_before(pos), plain.word_before(pos, 2))
    scan = Scan(text)
    if one_first:  # either entry may be in the cache already
        scan.word_before(pos)
    assert scan.words_before(pos) == expected
    assert (scan.word_before(pos), scan.word_before(pos, 2)) == expected


_BEFORE_DATE = st.lists(st.sampled_from(["mandag", "Søndag", "tors.", "TIRSDAG", "man", ",", " ", "\t",
                                         "\n", "x", "dag", "."]), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(_BEFORE_DATE)
def test_weekday_before_date_matches_regex(before: str) -> None:
    from tilbake.deid.detect.recognizers.base import finding
    from tilbake.deid.detect.recognizers.dates import _WEEKDAY_BEFORE, _with_weekday

    text = before + "12.03.2026"
    start = len(before)
    date = finding(start, len(text), Label.DATE, 1.0, "dates", "dd.mm.yy(yy)")
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
    # a short form without its dot becomes a span of its own before the date's
    assert min(f.span.start for f in _with_weekday(text, date)) == (m.start() if m else start)


def test_weekday_before_a_final_newline() -> None:
    """"$" also matches before a newline that ends the searched part: the cheap test lets it through."""
    from tilbake.deid.detect.recognizers.base import finding
    from tilbake.deid.detect.recognizers.dates import _with_weekday

    text = "mandag \n12.03.2026"
    date = finding(8, len(text), Label.DATE, 1.0, "dates", "dd.mm.yy(yy)")
    assert _with_weekday(text, date)[0].span.start == 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sykmeldt", "hatt ", "hatt", "jobbet", "gått", " ", ".", "\n", "i",
                                 "HOLDT PÅ", "holdt"]), max_size=12).map("".join))
def test_duration_verb_search_matches_plain(clause: str) -> None:
    from tilbake.deid.detect.recognizers.ages import _DURATION_VERBS, _clause_has_duration_verb

    text = clause + "6"
    plain = text[max(0, len(clause) - 60):len(clause)]
    for stop in ".;\n":
        plain = plain.rsplit(stop, 1)[-1]
    expected = any(v in plain.lower() for v in _DURATION_VERBS)
    assert _clause_has_duration_verb(Scan(text), len(clause)) == expected


def test_cue_lookup_by_identity_and_by_value() -> None:
    copy = tuple(list(words.PHONE_CUES))
    assert copy is not words.PHONE_CUES
    assert has_cue("ring meg på tlf ", copy) == has_cue("ring meg på tlf ", words.PHONE_CUES) == "tlf"


def _fallback_plain(scan: Scan, group: str, start: int) -> tuple[str, object, int]:
    """Each later fragment of the same lead tried on its own, in order (what the one alternation does)."""
    import re

    from tilbake.deid.detect.recognizers import base

    i = int(group[1:])
    for f in base._FRAGMENTS[i + 1:]:
        if f.lead != base._FRAGMENTS[i].lead:
            continue
        m = re.compile(f.rest).match(scan.text, start + 1)
        if m is not None and (found := f.handler(scan, start, m.end())) is not None:
            return f.family, found, m.end()
    return "", None, start


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["12", "3", "0", "2022", "150", " ", ".", "/", "-", "mai ", "mars ",
                                 "år", " Oslo", "gata ", "veien ", "Bergen", "har", "\n"]),
                min_size=1, max_size=14).map("".join))
def test_fallback_alternation_matches_plain_loop(text: str) -> None:
    from tilbake.deid.detect.recognizers import base

    base._master()
    for group in base._NEXT:
        for start in range(len(text)):
            if text[start] not in "0123456789+(":
                continue
            assert base._fallback(Scan(text), group, start) == _fallback_plain(Scan(text), group, start)


@pytest.mark.parametrize("text", [
    "gata veien 45år 2022veien 12år",  # after "2022": a later shape refused, a still later one taken
    "1harveien 52mai ",
])
def test_fallback_goes_on_after_a_refused_later_shape(text: str) -> None:
    from tilbake.deid.detect.recognizers import base

    base._master()
    for group in base._NEXT:
        for start in (i for i, c in enumerate(text) if c.isdigit()):
            assert base._fallback(Scan(text), group, start) == _fallback_plain(Scan(text), group, start)


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\d{5}", "[0-9]{5}"),
    (r"(?<=\d)\.", r"(?<=[0-9])\."),
    (r"[^\W\d_]x", r"[^\W0-9_]x"),  # inside a class: a range, the class stays one class
    (r"[]\d]", "[]0-9]"),  # "]" first in a class is a literal, not its end
    (r"\\d", r"\\d"),  # an escaped backslash followed by "d" is no digit class
    (r"[\d.]\d", "[0-9.][0-9]"),
])
def test_ascii_digits(pattern: str, expected: str) -> None:
    assert ascii_digits(pattern) == expected


@given(st.text(alphabet="0123456789 .-/+()åmarsjuli\nABCx", max_size=40))
@settings(max_examples=300, deadline=None)
def test_number_scan_with_ascii_digits_matches_unicode_digits(text: str) -> None:
    """On ASCII digits the rewritten number scan finds exactly what the \\d form found."""
    import re

    fast = _master()
    plain = re.compile(fast.pattern.replace("[0-9]", r"\d").replace("0-9", r"\d"))
    assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_scan_repr_never_shows_the_text() -> None:
    scan = Scan("Pasient Kari Nordmann, fnr 15108695088")
    assert "Kari" not in repr(scan) and "15108695088" not in repr(scan)
    assert repr(scan) == "Scan(<38 characters>)"


def test_needles_find_every_occurrence_with_its_value() -> None:
    from tilbake.deid.detect.recognizers.base import Needles

    needles = Needles({"journal": 1, "journalnr": 2, "nr": 3})
    # overlapping hits too, by last character, the longest first where several end together
    assert needles.find("journalnr 5, nr 6") == [(6, 1), (8, 2), (8, 3), (14, 3)]
    assert needles.find("ingen treff") == []
    # beyond latin-1 and with a lone surrogate: the str automaton, the same character offsets
    assert needles.find("ł journalnr \ud800 nr") == [(8, 1), (10, 2), (10, 3), (15, 3)]
    beyond = Needles({"łódź": "city", "nr": "cue"})  # a key beyond latin-1: str automaton only
    assert beyond.find("nr łódź") == [(1, "cue"), (6, "city")]
