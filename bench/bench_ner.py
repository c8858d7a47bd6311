"""NER model figures: size, load time, notes/s gated and ungated, and the full pipeline with/without it.

    PYTHONPATH=src python bench/bench_ner.py [--notes 2000] [--chars 400] [--repeat 3] [--model DIR]

Notes are the synthetic held-out notes (``tilbake.tooling.synth``) cut at a sentence end near ``--chars``;
without the generator, NorNE dev sentences joined to the same length. One process, one thread;
every figure is the best of ``--repeat`` runs after a warm-up, by CPU time and wall time. The model's
window memo is emptied before every run: repeated runs over the same notes would otherwise time the
memo, not the model (windows that repeat *within* one run still hit it, as in a real stream).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from tilbake.deid.detect.ner import DEFAULT_MODEL_DIR, NerDetector  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _cut(text: str, chars: int) -> str:
    if len(text) <= chars:
        return text
    end = max(text.rfind(". ", 0, chars + 40), text.rfind("\n", 0, chars + 40))
    return text[: end + 1] if end > chars // 2 else text[:chars]


def synthetic_notes(n: int, chars: int) -> tuple[str, list[str]]:
    try:
        from tilbake.tooling.synth import notes
    except ImportError:
        from tilbake.tooling.ner.norne import read_sentences

        texts, current = [], ""
        for sentence in read_sentences(REPO / "training/norne/no_bokmaal-ud-dev.conllu.gz"):
            current = f"{current} {sentence.text}".strip()
            if len(current) >= chars:
                texts.append(_cut(current, chars))
                current = ""
        return "NorNE dev sentences", (texts * (n // max(1, len(texts)) + 1))[:n]
    return "tilbake.tooling.synth heldout notes", [
        _cut(note["text"], chars) for note in notes(n, seed=4242, split="heldout")
    ]


def _forget_all() -> None:
    for detector in _DETECTORS:
        detector.forget()


_DETECTORS: list[NerDetector] = []


def rate(texts: list[str], run: Callable[[Iterable[str]], Iterator[list[object]]], repeat: int) -> str:
    """Best notes/s over ``repeat`` runs, by CPU time of this process and by wall-clock time.

    The machine is shared: CPU time is the per-process figure, wall time shows the contention.
    """
    for _ in run(texts[:50]):
        pass
    cpu = wall = 0.0
    for _ in range(repeat):
        _forget_all()
        started, started_cpu = time.perf_counter(), time.process_time()
        for _ in run(texts):
            pass
        cpu = max(cpu, len(texts) / (time.process_time() - started_cpu))
        wall = max(wall, len(texts) / (time.perf_counter() - started))
    return f"{cpu:.0f} notes/s (CPU time), {wall:.0f} notes/s (wall)"


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def _engines(model_dir: Path) -> tuple[object, object] | None:
    """The default engine without and with the model, if the engine is on this branch."""
    try:
        from tilbake.deid.detect.engine import Deidentifier
        from tilbake.deid.detect.ner import load_detector
    except ImportError:
        return None
    with_model = Deidentifier.default()
    with_model.add(load_detector(model_dir))  # what Deidentifier.default(model=True) adds, from model_dir
    return Deidentifier.default(), with_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR, help="model folder (for A/B)")
    args = parser.parse_args()

    source, texts = synthetic_notes(args.notes, args.chars)
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"corpus: {len(texts)} notes from {source}, mean {mean_chars:.0f} chars")
    print(f"model: {args.model}, {_size_mb(args.model):.1f} MB on disk")

    started = time.perf_counter()
    import spacy  # noqa: F401  (import cost reported apart from the model's load time)

    imported = time.perf_counter()
    gated = NerDetector(args.model).load()
    print(f"spaCy import: {imported - started:.2f} s; model load: {time.perf_counter() - imported:.2f} s")
    ungated = NerDetector(args.model, gated=False).load()
    _DETECTORS.extend((gated, ungated))

    print(f"model only, whole notes (ungated): {rate(texts, ungated.detect_many, args.repeat)}")
    print(f"model only, gated windows:         {rate(texts, gated.detect_many, args.repeat)}")
    print(f"  the gate alone: model read {100 * gated.chars_read / gated.chars_seen:.0f}% of the characters")

    engines = _engines(args.model)
    if engines is None:
        print("full pipeline: engine not available on this branch")
        return
    without, with_model = engines
    _DETECTORS.append(with_model.detectors[-1])  # type: ignore[attr-defined]
    print(f"full pipeline without model: {rate(texts, without.detect_many, args.repeat)}")  # type: ignore[attr-defined]
    print(f"full pipeline with model:    {rate(texts, with_model.detect_many, args.repeat)}")  # type: ignore[attr-defined]
    model = with_model.detectors[-1]  # type: ignore[attr-defined]
    print(f"  window memo hits within the runs: {model.memo_hits}")
    print(
        f"  gate + rule spans: model read {100 * model.chars_read / model.chars_seen:.0f}% of the characters"
    )


if __name__ == "__main__":
    main()
