"""The leak gate's own patterns, the engine opinion with its threshold, and the replaced ranges (the
independent check is off here: tests/export/test_export_leakcheck.py has it, and the last tests below
show it on by default)."""

from __future__ import annotations

import pytest

from tilbake.export.leakscan import LeakScanner, pattern_leaks


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Pasient fnr 01018012345 møtte", ["FNR"]),
        ("fnr: 010180 12345", ["FNR"]),
        ("D-nr 41018012345.", ["FNR"]),
        ("konto 1234.56.78903", ["ID"]),
        ("konto 1234 56 78903", ["ID"]),
        ("ring 91234567 i dag", ["PHONE"]),
        ("tlf +47 912 34 567", ["PHONE"]),
        ("tlf 0047 91234567", ["PHONE"]),
        ("tlf 22 33 44 55", ["PHONE"]),
        ("tlf 2233 4455", ["PHONE"]),
        ("skriv til ola.nordmann@example.no", ["EMAIL"]),
        ("se https://klinikk.no/pasient/1", ["URL"]),
        ("se www.klinikk.no", ["URL"]),
        # not PHI shapes: dates with dots, codes, doses, times, scores, short numbers
        ("kontroll 23.03.2024 kl 14.30", []),
        ("L03 og M54.5, VAS 7/10, Ibux 400 mg x 3", []),
        ("BT 130/80, puls 72, 3x10 repetisjoner", []),
        ("journalnr 1234567", []),
        ("[FNUMMER] og [TELEFON] og [EPOST]", []),
        ("123456789012", []),  # 12 digits: not an 11-digit run
    ],
)
def test_patterns(text, labels):
    assert sorted(x.label for x in pattern_leaks(text)) == sorted(labels)


def test_offsets_point_at_the_match():
    text = "ring 91234567 i dag"
    (leak,) = pattern_leaks(text)
    assert text[leak.start : leak.end] == "91234567"


class _Span:
    def __init__(self, start, end, label, score):
        self.start, self.end, self.label, self.score = start, end, label, score


class _Engine:
    name, version = "fake", "fake 1"

    def __init__(self, spans):
        self.spans = spans

    def detect_many(self, texts, explained=None):
        for _ in texts:
            yield self.spans


def test_engine_spans_count_only_at_or_above_threshold():
    scanner = LeakScanner(_Engine([_Span(0, 3, "PERSON", 0.95), _Span(4, 8, "LOCATION", 0.5)]), threshold=0.9,
                          independent=None)
    assert [(x.label, x.source) for x in scanner.scan("Ola i Oslo")] == [("PERSON", "engine")]


def test_ranges_the_anonymizer_wrote_are_ignored():
    text = "Kari Hansen, tlf 91234567"
    scanner = LeakScanner(_Engine([_Span(0, 11, "PERSON", 0.99)]), independent=None)
    assert {x.label for x in scanner.scan(text)} == {"PERSON", "PHONE"}
    assert {x.label for x in scanner.scan(text, replaced=[(0, 11)])} == {"PHONE"}
    assert scanner.scan(text, replaced=[(0, 11), (17, 25)]) == []


def test_scan_many_keeps_order_and_never_holds_text():
    scanner = LeakScanner(independent=None)
    found = scanner.scan_many(["ingen", "91234567", ""])
    assert [len(f) for f in found] == [0, 1, 0]
    assert "91234567" not in repr(found)


def test_skip_engine_spares_the_engine_but_not_the_patterns():
    class Counting(_Engine):
        seen: list[str] = []

        def detect_many(self, texts, explained=None):
            self.seen.extend(texts)
            yield from super().detect_many(texts)

    engine = Counting([_Span(0, 3, "PERSON", 0.99)])
    found = LeakScanner(engine, independent=None).scan_many(["Ola 91234567", "Ola her"],
                                                           skip_engine=[True, False])
    assert engine.seen == ["Ola her"]
    assert [[x.label for x in f] for f in found] == [["PHONE"], ["PERSON"]]


def test_the_anonymizer_ranges_reach_the_engine_as_explained():
    class Knowing(_Engine):
        known: list = []

        def detect_many(self, texts, explained=None):
            self.known.append(explained)
            yield from super().detect_many(texts)

    engine = Knowing([_Span(0, 6, "PERSON", 0.99)])
    found = LeakScanner(engine, independent=None).scan_many(["[NAVN] og Ola", "Ola"], [[(0, 6)], []])
    assert engine.known == [[[(0, 6)], []]]
    assert found == [[], [found[1][0]]] and found[1][0].label == "PERSON"


def test_ranges_are_skipped_the_same_sorted_or_not():
    import random

    from tilbake.export.leakscan import Leak, _keep_outside, _outside

    rng = random.Random(5)
    for _ in range(2000):
        cuts = sorted(rng.sample(range(60), 6))
        ranges = [(cuts[i], cuts[i + 1]) for i in range(0, 6, 2)]
        if rng.random() < 0.3:
            rng.shuffle(ranges)
        leaks = [Leak(a, a + rng.randint(1, 8), "PERSON", "engine") for a in rng.sample(range(60), 5)]
        assert _keep_outside(leaks, ranges) == [x for x in leaks if _outside(x, ranges)]


def test_the_independent_check_is_on_by_default_and_runs_where_the_engine_is_spared():
    engine = _Engine([])
    text = "Kom med broren Eirik, tlf 912 34 567"
    (found,) = LeakScanner(engine).scan_many([text], [[]], skip_engine=[True])
    assert {(x.reason, x.source) for x in found} == {
        ("PHONE", "pattern"), ("independent:NAME_LIST", "independent"), ("independent:DIGITS", "independent")}
    assert LeakScanner(engine).scan(text, replaced=[(15, 20), (26, 36)]) == []


def test_engine_leaks_keep_their_label_as_reason():
    (leak,) = LeakScanner(_Engine([_Span(0, 3, "PERSON", 0.99)]), independent=None).scan("Ola her")
    assert leak.reason == "PERSON"
