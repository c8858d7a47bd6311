"""De-identification figures on the hand-written development corpus, per genre and per label.

    python bench/bench_handwritten.py [--variant plain|tokenized|both] [--heldout N] [--no-model]
                                      [--corpus handwritten|handwritten_check] [--totals] [--batch NAME]

Runs the default engine (rules + the shipped model) over corpora/handwritten/{plain,tokenized}.jsonl
and, with ``--heldout N``, over N of the generator's held-out notes, then prints per genre and per
label: overlap recall (a gold span counts as found when a detected span overlaps it), the share of
PHI tokens left (a \\w+ run inside a gold span with any character not covered), clean documents (PHI
in it and no token left) and hard negatives flagged by kind. The team's scorer
(shared/tools/score_spans.py) measures the same way; this script exists so the figures per genre
can be reproduced from a clone. ``--corpus handwritten_check`` scores the check set instead; read it
with ``--totals`` (the ALL row and the hard negatives only), so that its single failures stay unread.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from tilbake.wiring import deid_engine

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
TOKEN = re.compile(r"\w+")


def _covered(start: int, end: int, found: list[tuple[int, int]]) -> bool:
    mask = set()
    for a, b in found:
        if a < end and start < b:
            mask.update(range(max(a, start), min(b, end)))
    return len(mask) == end - start


def score(docs: list[dict], predicted: Iterable[list[tuple[int, int]]], key: str) -> dict[str, Counter]:
    """Counts per group (``key`` of the doc, and "ALL") and per label ("label:X")."""
    out: dict[str, Counter] = defaultdict(Counter)
    for doc, found in zip(docs, predicted, strict=True):
        groups = ("ALL", str(doc.get(key, "?")))
        left_in_doc = tokens_in_doc = 0
        for span in doc["spans"]:
            hit = any(a < span["end"] and span["start"] < b for a, b in found)
            for m in TOKEN.finditer(doc["text"], span["start"], span["end"]):
                left = not _covered(m.start(), min(m.end(), span["end"]), found)
                tokens_in_doc += 1
                left_in_doc += left
                for g in (*groups, f"label:{span['label']}"):
                    out[g]["tokens"] += 1
                    out[g]["left"] += left
            for g in (*groups, f"label:{span['label']}"):
                out[g]["gold"] += 1
                out[g]["found"] += hit
        for neg in doc.get("negatives", []):
            flagged = any(a < neg["end"] and neg["start"] < b for a, b in found)
            out["negatives"][neg["kind"]] += 1
            out["negatives_flagged"][neg["kind"]] += flagged
        for g in groups:
            out[g]["docs"] += 1
            out[g]["with_phi"] += tokens_in_doc > 0
            out[g]["clean"] += tokens_in_doc > 0 and left_in_doc == 0
    return out


def report(title: str, counts: dict[str, Counter], totals: bool = False) -> None:
    print(f"\n== {title}")
    print(f"{'group':<22}{'docs':>6}{'gold':>7}{'recall':>9}{'tokens left':>13}{'clean docs':>12}")
    rows = sorted((k for k in counts if k not in ("negatives", "negatives_flagged")),
                  key=lambda k: (k != "ALL", k.startswith("label:"), k))
    rows = [k for k in rows if k == "ALL"] if totals else rows
    for k in rows:
        c = counts[k]
        recall = c["found"] / c["gold"] if c["gold"] else float("nan")
        left = c["left"] / c["tokens"] if c["tokens"] else float("nan")
        clean = f"{c['clean']}/{c['with_phi']}" if not k.startswith("label:") else ""
        print(f"{k:<22}{c['docs'] or '':>6}{c['gold']:>7}{recall:>9.3f}{left:>13.3f}{clean:>12}")
    neg, flagged = counts["negatives"], counts["negatives_flagged"]
    if neg:
        print("hard negatives flagged: " + ", ".join(
            f"{k} {flagged[k]}/{n} ({flagged[k] / n:.2f})" for k, n in sorted(neg.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=("plain", "tokenized", "both"), default="both")
    parser.add_argument("--heldout", type=int, default=0, help="also N generator held-out notes (seed 4242)")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--corpus", choices=("handwritten", "handwritten_check"), default="handwritten")
    parser.add_argument("--totals", action="store_true", help="the ALL row and hard negatives only")
    parser.add_argument("--batch", help="only the documents of this batch (source/<batch>/); "
                        "'original' for those of no batch")
    args = parser.parse_args()
    engine = deid_engine(not args.no_model)
    variants = ("plain", "tokenized") if args.variant == "both" else (args.variant,)
    for variant in variants:
        path = CORPORA / args.corpus / f"{variant}.jsonl"
        docs = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        if args.batch:
            docs = [d for d in docs if d.get("batch", "original") == args.batch]
        found = [[(s.start, s.end) for s in spans] for spans in engine.detect_many(d["text"] for d in docs)]
        name = f"{args.corpus}{f' batch {args.batch}' if args.batch else ''}, {variant}"
        report(f"{name} ({len(docs)} texts)", score(docs, found, "genre"), args.totals)
    if args.heldout:
        from tilbake.tooling.synth import notes

        docs = list(notes(args.heldout, 4242, split="heldout"))
        found = [[(s.start, s.end) for s in spans] for spans in engine.detect_many(d["text"] for d in docs)]
        report(f"generator held-out notes ({len(docs)}, seed 4242)", score(docs, found, "kind"))


if __name__ == "__main__":
    main()
