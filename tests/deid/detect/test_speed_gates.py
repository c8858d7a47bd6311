"""The cheap tests that let the engine skip work (issue 17, item 4) never skip what the full check
would have found: each is compared with the work it guards on generated, hand-written and made-up
texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tilbake.deid.detect import engine as engine_module
from tilbake.deid.detect.recognizers import Scan, orgs
from tilbake.deid.spans import Label, Span
from tilbake.tooling.synth.notes import notes

CORPORA = Path(__file__).resolve().parents[3] / "corpora" / "handwritten"

MADE_UP = [
    "Spiller fotball i Strindheim IL/fotball to ganger i uka.",
    "Trener med gjøvik hk og Byåsen IL, før med Rosenborg BK.",
    "Er medlem av Ski IL.Trener 3 dager i uka",
    "Kjørte bil til jobben. Har ny bil.",
    "i Strindheim IL", "IL Jutul", "Tromsø IL", "x IL", " IL", "IL", "Bodø/Glimt FK-", "Lyn FK_2",
    "Oslo SK/ski og Oslo sk.", "Brann TIL", "3Strindheim IL", "Ål IL\n", "Hamar IK", "hamar ik",
    "Statens vegvesen", "statens helsetilsyn", "Helse Sør-Øst RHF", "HELSE VEST", "Helse Nord",
    "Mental Helse", "Norsk pasientskadeerstatning", "İstanbul", "Helsedirektoratets", "Stat",
    "ΣΟΦΙΑ Hansen", "Sta", "Helse", "Hels", "Ment",
]


def _texts() -> list[str]:
    texts = [d["text"] for d in notes(400, 4_171, split="heldout")]
    texts += [d["text"] for d in notes(200, 4_172, split="train")]
    for name in ("plain.jsonl", "tokenized.jsonl"):
        texts += [json.loads(line)["text"] for line in (CORPORA / name).read_text("utf-8").splitlines()]
    return texts + MADE_UP


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_club_form_holds_wherever_the_club_regex_matches(texts):
    for text in texts:
        if orgs._CLUB.search(text) is not None:
            assert orgs._CLUB_FORM.search(text) is not None


def test_clubs_gated_equal_clubs_ungated(texts, monkeypatch):
    gated = [orgs._clubs(Scan(t)) for t in texts]
    monkeypatch.setattr(orgs, "_CLUB_FORM", re.compile(""))  # matches every text: the regex always runs
    assert gated == [orgs._clubs(Scan(t)) for t in texts]
    assert any(gated), "the texts hold clubs"


def _never_phi_before(text: str, span: Span) -> bool:
    """_never_phi as it was before the four-letter test."""
    low = text[span.start:span.end].strip().lower()
    if low in engine_module.NEVER_PHI or (low.endswith("s") and low[:-1] in engine_module.NEVER_PHI):
        return True
    head = text[span.start:span.start + 40].lower()
    return any(head.startswith(a) and span.end - span.start <= len(a) + 1
               for a in engine_module._AGENCY_PHRASES)


def test_never_phi_as_before(texts, engine):
    checked = hits = 0
    for text in texts:
        spans = [f.span for f in engine._rule_findings(text)]
        # and every capitalised word and two-word run, which reach the check from the model too
        for m in re.finditer(r"[A-ZÆØÅİΣ][^\W\d_]*(?: [^\W\d_]+)?", text):
            spans.append(Span(m.start(), m.end(), Label.ORG, 0.9, "test"))
            spans.append(Span(m.start(), m.start() + len(m.group().split(" ")[0]), Label.PERSON, 0.9, "test"))
        for span in spans:
            before = _never_phi_before(text, span)
            assert engine_module._never_phi(text, span) == before
            checked += 1
            hits += before
    assert hits and checked > 10_000


MORE_MADE_UP = [
    "Journal ved Ola Nordmann (fastlege)", "serhii stang (turnuslege)\n", "x(LEGE)", "( lege)", "(lege",
    "Behandlet. Tjøstolv Yri", "Behandlet.\tTjøstolv Yri  ", "Mvh\nKari Nordmann", "Kari Nordmann",
    "Slutt! Per Olsen.", "Ok? Anne-Lise O'Neil", "Ferdig.\nDag Hansen\n", "Hilsen. Per", "a.b. Ola Nordmann",
    "DPS Nedre Romerike", "xDPS Nedre Romerike", "Ditt apotek 1 Lom", "xDitt apotek 1 Lom", "_IL Jutul",
    "-Stiftelsen Bergensklinikkene", "Blå Kors Eina og blå kors eina", "ÅDPS Lom", "1DPS Lom", "DPSx",
    "Kvåles Bil og Dekk", "Hansen og Sønn", "Kari og Ola", "hansen og sønn", "Bil og Dekk og Service",
]


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


def test_signatures_and_shapes_as_the_full_regexes_find(texts, monkeypatch):
    from tilbake.deid.detect.recognizers import names

    every = texts + MORE_MADE_UP
    for text in every:
        assert _span(names._closing(text)) == _span(names._CLOSING.search(text))
        assert [m.span() for m in orgs._type_first(text)] == \
            [m.span() for m in orgs._TYPE_FIRST.finditer(text)]
        if names._ROLE_PAREN.search(text):
            assert names._ROLE_PAREN_GATE.search(text)
        if orgs._COORDINATED.search(text):
            assert orgs._OG_CAPWORD.search(text)
    recognizer = names.NameRecognizer()
    gated = [(recognizer._signatures(Scan(t)), orgs._named_after(Scan(t)), orgs._coordinated(Scan(t)))
             for t in every]
    monkeypatch.setattr(names, "_ROLE_PAREN_GATE", re.compile(""))
    monkeypatch.setattr(names, "_closing", names._CLOSING.search)
    monkeypatch.setattr(orgs, "_type_first", orgs._TYPE_FIRST.finditer)
    monkeypatch.setattr(orgs, "_OG_CAPWORD", re.compile(""))
    assert gated == [(recognizer._signatures(Scan(t)), orgs._named_after(Scan(t)), orgs._coordinated(Scan(t)))
                     for t in every]
    assert all(any(g[i] for g in gated) for i in range(3)), "the texts hold each kind"
