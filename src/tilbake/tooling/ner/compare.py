"""Compare a candidate model with the current one before it may replace it (`tilbake ner finetune`).

Both models read the same gold corpora through the detector the service uses (gated windows,
document context); per corpus and label the overlap precision and recall of each are printed. The
verdict is *better* when, on no corpus, the candidate's overall (``ALL``) overlap F1 or the overlap
recall of any label with at least ``MIN_GOLD`` gold spans (recall is what de-identification cares
most about) falls by more than ``tolerance``, and its overall F1 rises on at least one; else *worse*.
The reviewed documents the candidate learnt from are one of the corpora: there it is expected to
gain, so the other corpora (held-out synthetic notes, the handwritten notes) show what it forgot.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from tilbake.tooling.ner.evaluate import GoldDoc, as_rows, in_context, read_gold, readings, score

REPO_DIR = Path(__file__).resolve().parents[4]
HANDWRITTEN = REPO_DIR / "corpora" / "handwritten" / "plain.jsonl"
Rows = dict[str, dict[str, object]]
MIN_GOLD = 20  # fewer gold spans of a label: its recall is too noisy to veto a candidate


def heldout_notes(n: int, seed: int = 1337) -> list[GoldDoc]:
    """The generator's held-out notes (as ``tilbake synth notes --split heldout`` writes them)."""
    from tilbake.tooling.synth import notes

    return [GoldDoc(str(row["id"]), row["text"], [(s["start"], s["end"], s["label"]) for s in row["spans"]])
            for row in notes(n, seed=seed, split="heldout")]  # fmt: skip


def corpora(
    reviewed_files: Sequence[Path], heldout: int, handwritten: Path | None
) -> dict[str, list[GoldDoc]]:
    """The comparison corpora by name: the reviewed JSONL files, held-out notes, handwritten notes."""
    out = {path.name: read_gold(path) for path in reviewed_files if path.suffix == ".jsonl"}
    if heldout:
        out["synth-heldout"] = heldout_notes(heldout)
    if handwritten is not None:
        out[handwritten.name] = read_gold(handwritten)
    return out


def model_rows(model: Path | None, gold: Mapping[str, list[GoldDoc]]) -> dict[str, Rows]:
    """Per corpus, per label rows (``evaluate.as_rows``) of one model."""
    from tilbake.deid.detect.ner import NerDetector

    detector = NerDetector(model).load()
    out: dict[str, Rows] = {}
    for name, docs in gold.items():
        read = readings(docs)
        found = in_context(docs, read, detector.detect_many(r.text for r in read))
        out[name] = {str(row["label"]): row for row in as_rows(score(docs, found))}
    return out


def compare(current: Path | None, candidate: Path, gold: Mapping[str, list[GoldDoc]],
            tolerance: float = 0.01) -> dict[str, object]:
    """Both models' rows per corpus and the verdict (``better``/``worse``)."""
    before, after = model_rows(current, gold), model_rows(candidate, gold)
    return {"current": before, "candidate": after, "verdict": verdict(before, after, tolerance)}


def _change(before: Rows, after: Rows, key: str, label: str = "ALL") -> float:
    return float(after[label][key]) - float(before[label][key])  # type: ignore[arg-type]


def _recall_changes(before: Rows, after: Rows) -> list[float]:
    counted = [label for label, row in before.items() if int(str(row["n_gold"])) >= MIN_GOLD]
    return [_change(before, after, "overlap_r", label) for label in counted]


def verdict(before: Mapping[str, Rows], after: Mapping[str, Rows], tolerance: float = 0.01) -> str:
    """``better`` or ``worse`` (the rule of the module docstring) from both models' rows per corpus."""
    f1 = [_change(before[name], after[name], "overlap_f1") for name in before]
    recall = [change for name in before for change in _recall_changes(before[name], after[name])]
    better = bool(f1) and min(f1 + recall) >= -tolerance and max(f1) > 0
    return "better" if better else "worse"


def format_comparison(result: Mapping[str, object]) -> str:
    """A table per corpus: label, gold count, current and candidate overlap P and R; then the verdict."""
    current, candidate = result["current"], result["candidate"]
    lines: list[str] = []
    for name, rows in current.items():  # type: ignore[union-attr]
        lines.append(f"{name}\n{'label':<9}{'gold':>6}   {'P now':>6}{'P new':>6}   {'R now':>6}{'R new':>6}")
        for label, row in rows.items():
            new = candidate[name][label]  # type: ignore[index]
            lines.append(f"{label:<9}{row['n_gold']:>6}   {row['overlap_p']:6.3f}{new['overlap_p']:6.3f}"
                         f"   {row['overlap_r']:6.3f}{new['overlap_r']:6.3f}")
    lines.append(f"candidate is {result['verdict']} than the current model")
    return "\n".join(lines)
