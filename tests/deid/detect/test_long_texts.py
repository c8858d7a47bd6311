"""Long texts are read in overlapping windows: the spans are those of the text read whole."""

from __future__ import annotations

import pytest

from tilbake.deid.detect import engine as engine_module
from tilbake.deid.detect.engine import WINDOW_CHARS, WINDOW_OVERLAP, windows_of
from tilbake.tooling.synth.notes import notes


def _long_text(chars: int, seed: int) -> str:
    parts, size = [], 0
    for row in notes(10_000, seed):
        parts.append(row["text"])
        size += len(row["text"]) + 2
        if size > chars:
            break
    return "\n\n".join(parts)


@pytest.mark.parametrize("seed", [1, 2])
def test_windowed_spans_equal_the_whole_texts_spans(engine, monkeypatch, seed):
    text = _long_text(3 * WINDOW_CHARS, seed)
    windowed = engine.detect(text)
    monkeypatch.setattr(engine_module, "WINDOW_CHARS", 10 * len(text))
    whole = engine.detect(text)
    assert len(whole) > 100
    assert windowed == whole


def test_windows_cover_the_text_and_own_each_position_once():
    text = ("ord " * 30_000)[:-1]
    wins = list(windows_of(text))
    assert len(wins) > 5 and wins[0][0] == 0 and wins[-1][1] == len(text)
    for (s, e, own_from, own_to), nxt in zip(wins, wins[1:] + [None], strict=True):
        assert e - s <= WINDOW_CHARS and s <= own_from < own_to <= e
        assert own_from - s >= WINDOW_OVERLAP // 2 - WINDOW_OVERLAP // 4 or s == 0
        if nxt is not None:
            assert nxt[2] == own_to and e - own_to >= WINDOW_OVERLAP // 4
    assert wins[-1][3] == len(text)


def test_a_text_over_spacys_limit_is_read_with_a_model(tiny_model):
    """Over spaCy's 1,000,000-character limit, ungated (the model reads every character)."""
    from tilbake.deid.detect.engine import Deidentifier
    from tilbake.deid.detect.ner import NerDetector
    from tilbake.deid.detect.recognizers import rule_recognizers

    model = NerDetector(tiny_model, gated=False).load()
    with_model = Deidentifier([*rule_recognizers(), model])
    text = "Pasienten Ola Hansen ringte om ryggen. " * 30_000
    assert len(text) > 1_000_000
    spans = with_model.detect(text)
    assert sum(1 for s in spans if s.label == "PERSON") >= 30_000
