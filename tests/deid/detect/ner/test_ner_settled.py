"""Pieces settled outside the memory zone (``NerDetector._settle``) change nothing the model finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tilbake.deid.detect.ner import NerDetector
from tilbake.tooling.synth.notes import notes

CORPORA = Path(__file__).resolve().parents[4] / "corpora" / "handwritten"


def _texts() -> list[str]:
    texts = [d["text"] for d in notes(120, 27_182, split="heldout")]
    texts += [d["text"] for d in notes(60, 27_183, split="train")]
    for name in ("plain.jsonl", "tokenized.jsonl"):
        texts += [json.loads(line)["text"] for line in (CORPORA / name).read_text("utf-8").splitlines()]
    texts += [
        "pasienten ble sett av kari nordmann i dag, ringer hansen i morgen",  # lower case: read whole
        "Time hos\tOla  Hansen,\n\nSt. Olavs hospital (Trondheim) - «Per» Dahl;",
        "Broken escape \ud800 near Kari Nordmann at Haukeland",  # a lone surrogate
    ]
    return texts


@pytest.fixture(scope="module")
def pair() -> tuple[NerDetector, NerDetector]:
    never = NerDetector(batch_size=16).load()
    never.SETTLED_SIZE = 0
    return never, NerDetector(batch_size=16).load()


def test_settling_reads_the_same_entities(pair):
    """Twice over the same texts in small chunks: the second pass reads settled pieces, and the
    windows' raw entities and the final spans are those of a detector that never settles."""
    never, settling = pair
    texts = _texts()
    for _ in range(2):
        never.forget()
        settling.forget()
        assert list(settling.detect_many(texts)) == list(never.detect_many(texts))
    assert len(settling._settled) > 100 and not never._settled
    windows = [text[:80] for text in texts] + [text[-60:] for text in texts]
    never.forget()
    settling.forget()
    assert settling._entities(windows) == never._entities(windows)
    never.gated = settling.gated = False
    try:
        never.forget()
        settling.forget()
        assert list(settling.detect_many(texts[:40])) == list(never.detect_many(texts[:40]))
    finally:
        never.gated = settling.gated = True


def test_settled_and_met_pieces_stay_bounded():
    detector = NerDetector(batch_size=8).load()
    detector.SETTLED_SIZE, detector.MET_SIZE = 5, 50
    texts = [d["text"] for d in notes(80, 4_711, split="heldout")]
    for _ in range(2):
        detector.forget()
        list(detector.detect_many(texts))
    assert len(detector._settled) == 5
    assert len(detector._met) <= 50  # cleared whenever a reading takes it over the bound
