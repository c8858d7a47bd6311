"""Near-duplicate detection: precision and recall of the merge's MinHash LSH on constructed pairs.

    python bench/bench_dedup.py [--pairs 3000] [--seed 7]

Pairs from ``tilbake.tooling.synth.near_pairs`` (near: minor edits, re-sent copies with whitespace,
punctuation or a short phrase changed; distinct: major rewrites, other notes of the same type). For
each threshold and permutation count: the first text indexed, the second looked up, as the merge does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tilbake.merge import dedup  # noqa: E402
from tilbake.tooling.synth.near_pairs import pairs  # noqa: E402


def measure(ps: list[tuple[str, str, bool]], threshold: float, num_perm: int) -> dict:
    tp = fp = fn = 0
    for a, b, near in ps:
        index = dedup.NearIndex(threshold, num_perm)
        index.add(dedup.signature(a, num_perm))
        hit = index.find(dedup.signature(b, num_perm)) is not None
        tp, fp, fn = tp + (hit and near), fp + (hit and not near), fn + (near and not hit)
    return {
        "threshold": threshold,
        "num_perm": num_perm,
        "bands x rows": f"{index.bands} x {index.rows_per_band}",
        "precision": round(tp / (tp + fp), 3),
        "recall": round(tp / (tp + fn), 3),
        "fp": fp,
        "fn": fn,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    ps = list(pairs(args.pairs, args.seed))
    print(f"{len(ps)} pairs, {sum(p[2] for p in ps)} near; shingles of {dedup.SHINGLE_WORDS} words")
    for num_perm in (64, 128):
        for threshold in (0.6, 0.7, 0.8):
            print(measure(ps, threshold, num_perm))


if __name__ == "__main__":
    main()
