"""Recall of tilbake's engine and of a Presidio AnalyzerEngine running it through the adapter, on
the same generated held-out notes (docs/batch.md, "Presidio adapter").

    python bench/bench_presidio.py [--notes 500]
"""

from __future__ import annotations

import argparse

from tilbake.integrations.presidio import norwegian_analyzer
from tilbake.tooling.synth.notes import notes
from tilbake.wiring import deid_engine


def _recall(gold: list[dict], found: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(gold spans overlapped, gold characters covered, gold characters)."""
    covered = set()
    for s, e in found:
        covered.update(range(s, e))
    hit = sum(any(s < g["end"] and g["start"] < e for s, e in found) for g in gold)
    chars = sum(len(covered.intersection(range(g["start"], g["end"]))) for g in gold)
    return hit, chars, sum(g["end"] - g["start"] for g in gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=500)
    args = parser.parse_args()
    engine, analyzer = deid_engine(True), norwegian_analyzer()
    docs = list(notes(args.notes, 7, split="heldout"))
    gold_spans = sum(len(d["spans"]) for d in docs)
    finders = (("tilbake engine", lambda t: [(s.start, s.end) for s in engine.detect(t)]),
               ("Presidio + adapter", lambda t: [(r.start, r.end) for r in analyzer.analyze(t, "nb")]))
    for name, find in finders:  # recall only: speed is bench_batch.py's (caches warm up across passes)
        hit, chars, total = 0, 0, 0
        for d in docs:
            h, c, n = _recall(d["spans"], find(d["text"]))
            hit, chars, total = hit + h, chars + c, total + n
        print(f"{name:20s} span recall {hit / gold_spans:.4f}  char recall {chars / total:.4f}  "
              f"({len(docs)} notes, {gold_spans} gold spans)")


if __name__ == "__main__":
    main()
