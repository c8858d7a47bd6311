"""Engine: registry, overlap resolution, name propagation, user rules, analyze."""

import pytest

from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.detect.overlap import propagate_names, resolve_overlaps
from tilbake.deid.detect.rules import Rules
from tilbake.deid.spans import Label, Span
from tilbake.errors import ValidationError

P, D, ORG, LOC, A = Label.PERSON, Label.DATE, Label.ORG, Label.LOCATION, Label.AGE


@pytest.mark.parametrize(("spans", "text", "expected"), [
    # same label overlapping: union, best score
    ([Span(0, 4, P, 0.6), Span(0, 13, P, 0.9)], None, [Span(0, 13, P, 0.9)]),
    ([Span(5, 13, P, 0.95, "model"), Span(0, 13, P, 0.85, "names")], None, [Span(0, 13, P, 0.95, "names")]),
    # adjacent pieces of one name merge when only a space separates them
    ([Span(0, 4, P, 0.8, "a"), Span(5, 13, P, 0.7, "a")], "Kari Nordmann", [Span(0, 13, P, 0.8, "a")]),
    # ... but not across other characters
    ([Span(0, 4, P, 0.8), Span(6, 14, P, 0.7)], "Kari, Nordmann", [Span(0, 4, P, 0.8), Span(6, 14, P, 0.7)]),
    # a name inside a longer name of another label is part of it ("Moss" in "Moss Fysioterapi")
    ([Span(0, 10, ORG, 0.7), Span(0, 4, P, 0.9)], None, [Span(0, 10, ORG, 0.7)]),
    ([Span(5, 16, ORG, 0.7), Span(5, 9, LOC, 0.95)], None, [Span(5, 16, ORG, 0.7)]),
    # across labels otherwise: higher score wins (a date inside a name-like span stays a date)
    ([Span(0, 10, ORG, 0.7), Span(3, 8, D, 0.9)], None, [Span(3, 8, D, 0.9)]),
    ([Span(0, 6, ORG, 0.7), Span(4, 10, P, 0.9)], None, [Span(4, 10, P, 0.9)]),
    ([Span(0, 6, ORG, 0.7), Span(0, 6, LOC, 0.9)], None, [Span(0, 6, LOC, 0.9)]),
    # equal scores: the longer wins
    ([Span(0, 10, ORG, 0.9), Span(0, 4, P, 0.9)], None, [Span(0, 10, ORG, 0.9)]),
    # disjoint spans all kept, sorted
    ([Span(20, 25, D), Span(0, 4, P)], None, [Span(0, 4, P), Span(20, 25, D)]),
    # a name that runs into an age after it ends where the age starts ("randi ekornes sekstito år")
    ([Span(0, 22, P, 0.85, "ner"), Span(14, 25, A, 0.8, "ages")], "randi ekornes sekstito år",
     [Span(0, 13, P, 0.85, "ner"), Span(14, 25, A, 0.8, "ages")]),
    # ... but an age inside a name, or a name reaching into a date, is left to the scores
    ([Span(0, 22, P, 0.85), Span(14, 20, A, 0.8)], None, [Span(0, 22, P, 0.85)]),
    ([Span(0, 8, P, 0.7), Span(5, 12, D, 0.9)], None, [Span(5, 12, D, 0.9)]),
])
def test_resolve_overlaps(spans, text, expected):
    assert resolve_overlaps(spans, text) == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    # a lower-case name before its age takes the name-like words between them
    ("pasient ragnhild bakken 82 år", "ragnhild", "ragnhild bakken"),
    ("daniel o connor 45 år irsk", "daniel", "daniel o connor"),
    # ... but no common word, no capitalised name, nor across more than two words
    ("kari har 53 år bak seg", "kari", "kari"),
    ("pas kari sa 53 år", "kari", "kari"),
    ("Kari Berg 53 år", "Kari", "Kari"),
    ("ola moe berg lie 53 år", "ola", "ola"),
])
def test_a_lower_case_name_reaches_its_age(text, name, expected):
    age = text.index(" år") - 2
    spans = [Span(text.index(name), text.index(name) + len(name), P, 0.85, "ner"), Span(age, age + 5, A, 0.9)]
    out = resolve_overlaps(spans, text)
    assert text[out[0].start:out[0].end] == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Sign. mette k", "mette", "mette k"),
    ("hilsen kari n.\nneste vakt", "kari", "kari n."),
    # not a one-letter word, not mid-line, not after a capitalised name
    ("vi ringte kari i", "kari", "kari"),
    ("hilsen kari k og ola", "kari", "kari"),
    ("Hilsen Kari K", "Kari", "Kari"),
])
def test_a_lower_case_name_takes_the_initial_closing_its_line(text, name, expected):
    start = text.index(name)
    out = resolve_overlaps([Span(start, start + len(name), P, 0.85, "ner")], text)
    assert text[out[0].start:out[0].end] == expected


def test_resolved_spans_never_overlap():
    spans = [Span(i, i + w, lab, s) for i, w, lab, s in
             [(0, 5, P, .9), (3, 9, D, .95), (8, 12, ORG, .5), (11, 20, P, .6), (15, 16, D, .99)]]
    out = resolve_overlaps(spans)
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))


@pytest.mark.parametrize("later", ["Kari", "Nordmann", "Karis", "K. Nordmann", "NORDMANN", "Nordmanns"])
def test_name_propagation(engine, later):
    text = f"Pasient: Kari Nordmann.\nSenere i dag ringte {later} tilbake."
    pieces = {text[s.start:s.end] for s in engine.detect(text) if s.label == P}
    assert later in pieces


def test_propagation_does_not_match_inside_words():
    text = "Pasient: Ola Berg. Solaris og bergart."
    spans = propagate_names(text, [Span(9, 17, P)])
    assert {text[s.start:s.end] for s in spans} == {"Ola", "Berg"}


def test_propagation_from_another_detector(engine):
    class Model:
        name, version = "fake-model", "fake 1"

        def detect(self, text):
            return [Span(0, 5, P, 0.9, self.name)] if text.startswith("Yusuf") else []

        def detect_many(self, texts, explained=None):
            for t in texts:
                yield self.detect(t)

    eng = Deidentifier.default()
    eng.add(Model())
    text = "Yusuf kom i dag. Yusufs bror ringte."
    assert {text[s.start:s.end] for s in eng.detect(text)} == {"Yusuf", "Yusufs"}
    assert [d.name for d in eng.detectors][-1] == "fake-model"


def test_detect_many_keeps_order_and_matches_detect(engine):
    texts = ["Tlf 912 34 567", "ingenting her", "Dato 12.03.2026", ""] * 40
    assert list(engine.detect_many(texts, batch_size=7)) == [engine.detect(t) for t in texts]


def test_rules_allow_deny_context():
    rules = Rules.from_dict({"schema": 1, "version": "v2", "allow": ["Bærum"],
                             "deny": [{"text": "Solsiden", "label": "ORG"}],
                             "context": [{"words": "behandlet av", "label": "PERSON"},
                                         {"words": "løpenr", "label": "ID"}]})
    eng = Deidentifier.default(rules)
    text = "Bor i Bærum. Trener på Solsiden. Behandlet av Xyzzy Quux, løpenr AB12."
    found = {(text[s.start:s.end], s.label) for s in eng.detect(text)}
    assert found == {("Solsiden", ORG), ("Xyzzy Quux", P), ("AB12", Label.ID)}
    assert Rules.from_dict(rules.to_dict()) == rules


@pytest.mark.parametrize(("data", "field"), [
    ({"schema": 2, "version": "x"}, "schema"),
    ({"schema": 1}, "version"),
    ({"schema": 1, "version": "x", "allow": [""]}, "allow"),
    ({"schema": 1, "version": "x", "deny": [{"text": "a", "label": "NAME"}]}, "deny.label"),
    ({"schema": 1, "version": "x", "context": [{"label": "PERSON"}]}, "context.words"),
    ({"schema": 1, "version": "x", "deny": "Solsiden"}, "deny"),
])
def test_bad_rules_name_the_field(data, field):
    with pytest.raises(ValidationError) as err:
        Rules.from_dict(data)
    assert err.value.field == field


def test_analyze_explains_pattern_check_and_cues(engine):
    text = "fnr 15108695089, tlf 912 34 567"
    kept = {e.pattern: e for e in engine.analyze(text) if e.decision == "kept"}
    assert kept["fnr"].check == "checksum failed, cue" and kept["fnr"].cues == ("fnr",)
    assert kept["phone (NO)"].cues == ("tlf",)
    assert [e.span for e in engine.analyze(text) if e.decision == "kept"] == engine.detect(text)


def test_analyze_reports_dropped_candidates():
    eng = Deidentifier.default(Rules.from_dict({"schema": 1, "version": "1", "allow": ["Tromsø"]}))
    decisions = {e.decision for e in eng.analyze("Bor i Tromsø")}
    assert decisions == {"allow list"}


def test_min_score_drops_weak_spans():
    text = "Hun traff Kari i gangen"  # a known first name without a cue: a weak (0.6) span
    assert Deidentifier.default().detect(text)
    strict = Deidentifier.default()
    strict.min_score = 0.7
    assert strict.detect(text) == []


def test_model_hook_needs_a_shipped_model(monkeypatch):
    import sys
    import types

    fake = types.ModuleType("tilbake.deid.detect.ner")
    fake.load_detector = lambda: type("M", (), {"name": "m", "version": "m 1",
                                                "detect_many": lambda s, ts, e=None: ([] for _ in ts)})()
    monkeypatch.setitem(sys.modules, "tilbake.deid.detect.ner", fake)
    import tilbake.deid.detect  # the real module may already be an attribute of the package (tests/ner)

    monkeypatch.setattr(tilbake.deid.detect, "ner", fake, raising=False)
    eng = Deidentifier.default(model=True)
    assert [d.name for d in eng.detectors][-1] == "m"


def test_known_ranges_wake_no_model_but_rules_still_run():
    class Model:  # records what the engine told it was already explained
        name, version = "fake-model", "fake 1"
        seen: list = []

        def detect_many(self, texts, explained=None):
            for _text, known in zip(texts, explained or [[] for _ in texts], strict=True):
                self.seen.append(sorted(known))
                yield []

    eng = Deidentifier.default()
    model = Model()
    eng.add(model)
    text = "[NAVN] ringte fra 912 34 567"
    (plain,) = eng.detect_many([text])
    (hinted,) = eng.detect_many([text], explained=[[(0, 6)]])
    assert plain == hinted and {s.label for s in hinted} == {Label.PHONE}
    assert (0, 6) not in model.seen[0] and (0, 6) in model.seen[1]


def test_red_flag_is_no_organisation():
    class Model:  # a model that reads "Rødt" as the party
        name, version = "fake-model", "fake 1"

        def detect_many(self, texts, explained=None):
            for t in texts:
                yield [Span(0, 4, Label.ORG, 0.85, self.name)] if t.startswith("Rødt") else []

    eng = Deidentifier.default()
    eng.add(Model())
    assert eng.detect("Rødt flagg: progredierende nevrologiske utfall.") == []


def test_a_lone_surrogate_does_not_stop_the_engine(engine):
    """Lone surrogates (broken JSON escapes) reach the engine through the Python API: every span is
    still found at its own offsets, and the rewrite keeps them."""
    from tilbake.deid.rewrite.operators import anonymize

    text = "Pasient: Kari Nordmann \ud800 fnr 15108695088, journalnr 2024-00123 \udfff Jabłoński"
    found = {(text[s.start:s.end], s.label.value) for s in engine.detect(text)}
    assert {("Kari Nordmann", "PERSON"), ("15108695088", "FNR"), ("2024-00123", "ID")} <= found
    assert "15108695088" not in anonymize(text, engine.detect(text), "tag")
