"""The model on numpy's OpenBLAS (one thread) finds exactly what it finds on thinc's BLIS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tilbake.deid.detect import ner_blas
from tilbake.deid.detect.ner import NerDetector
from tilbake.tooling.synth.notes import notes

HANDWRITTEN = Path(__file__).resolve().parents[4] / "corpora" / "handwritten" / "plain.jsonl"


@pytest.fixture(scope="module")
def detectors() -> tuple[NerDetector, NerDetector]:
    return NerDetector(numpy_blas=False).load(), NerDetector().load()


def test_numpy_blas_is_used(detectors):
    """numpy's wheels bundle OpenBLAS: without it every comparison below would be BLIS against BLIS."""
    assert ner_blas._openblas() is not None, "numpy's OpenBLAS was not found: the numpy path is untested"
    blis, numpy_blas = detectors
    assert not blis.numpy_blas and numpy_blas.numpy_blas


def test_same_spans_as_blis(detectors):
    """Generated notes, hand-written notes, and every text read whole (no gate: long windows)."""
    texts = [d["text"] for d in notes(150, 31_337, split="heldout")]
    texts += [json.loads(line)["text"] for line in HANDWRITTEN.read_text("utf-8").splitlines()]
    blis, numpy_blas = detectors
    assert list(blis.detect_many(texts)) == list(numpy_blas.detect_many(texts))
    blis.gated = numpy_blas.gated = False
    try:
        blis.forget()
        numpy_blas.forget()
        assert list(blis.detect_many(texts[:60])) == list(numpy_blas.detect_many(texts[:60]))
    finally:
        blis.gated = numpy_blas.gated = True


def test_one_thread_restores_the_former_setting():
    found = ner_blas._openblas()
    assert found is not None, "numpy's OpenBLAS was not found"
    set_threads, get_threads = found
    before = get_threads()
    set_threads(2)
    try:
        with ner_blas.one_thread():
            assert get_threads() == 1
        assert get_threads() == 2
    finally:
        set_threads(before)


def test_without_openblas_the_model_keeps_blis(monkeypatch, detectors):
    monkeypatch.setattr(ner_blas, "_FOUND", [None])
    nlp = detectors[0]._nlp
    assert ner_blas.use_numpy_blas(nlp) is False
    assert all(getattr(node.ops, "use_blis", True) for _, pipe in nlp.pipeline for node in pipe.model.walk())
    with ner_blas.one_thread():  # a no-op without OpenBLAS
        pass
