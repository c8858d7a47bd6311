"""Scoring predicted spans against gold spans: ``tilbake deid score GOLD PRED``.

Both files are JSONL in the shapes of the detection contract (docs/architecture.md, "Contracts"): gold
lines ``{"id", "text", "spans": [{"start", "end", "label"}], "negatives"?: [{"start", "end", "kind"}]}``,
prediction lines ``{"id", "spans": [...]}`` (what ``tilbake deid detect`` writes). The figures:

exact      a predicted span with the gold span's start, end and label
bounds     a predicted span with the gold span's start and end, whatever its label
overlap    a gold span counts as found when any predicted span overlaps it, whatever its label (what
           de-identification needs: the text is rewritten); a prediction counts as right when it
           overlaps any gold span
chars      gold characters covered by a prediction (recall), predicted characters inside gold (precision)
tokens     word tokens (runs of letters and digits) inside gold spans; a token is *left* when any of its
           characters is covered by no prediction: PHI still readable after anonymizing
clean docs documents with no PHI token left
negatives  hard negatives (e.g. eponyms, codes, doses) overlapped by a prediction, per kind
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tilbake.errors import InputError

_TOKEN = re.compile(r"\w+")
Triple = tuple[int, int, str]


@dataclass
class Tally:
    """Counts summed over documents; the rates are derived from them."""

    docs: int = 0
    clean_docs: int = 0
    missing_predictions: int = 0
    n_gold: Counter[str] = field(default_factory=Counter)
    n_pred: Counter[str] = field(default_factory=Counter)
    exact_gold: Counter[str] = field(default_factory=Counter)  # gold spans matched exactly, by label
    exact_pred: Counter[str] = field(default_factory=Counter)
    bounds_gold: int = 0  # gold spans whose start and end a prediction has, whatever its label
    bounds_pred: int = 0
    found_gold: Counter[str] = field(default_factory=Counter)  # gold spans overlapped, by label
    right_pred: int = 0
    gold_chars: int = 0
    gold_chars_covered: int = 0
    pred_chars: int = 0
    pred_chars_in_gold: int = 0
    tokens: int = 0
    tokens_left: int = 0
    negatives: Counter[str] = field(default_factory=Counter)
    negatives_flagged: Counter[str] = field(default_factory=Counter)


def _spans(record: dict[str, Any], lineno: int, what: str) -> list[Triple]:
    try:
        return [(int(s["start"]), int(s["end"]), str(s["label"])) for s in record.get("spans") or []]
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{what} line {lineno}: every span needs start, end and label") from None


def _covered(spans: Iterable[Triple], length: int) -> bytearray:
    mask = bytearray(length)
    for start, end, _ in spans:
        mask[max(start, 0):max(min(end, length), 0)] = b"\x01" * max(min(end, length) - max(start, 0), 0)
    return mask


def _overlaps(a: Triple, spans: list[Triple]) -> bool:
    return any(s < a[1] and a[0] < e for s, e, _ in spans)


def score_document(tally: Tally, text: str, gold: list[Triple], pred: list[Triple],
                   negatives: list[tuple[int, int, str]]) -> None:
    """Add one document's counts to ``tally``."""
    tally.docs += 1
    exact = set(gold) & set(pred)
    bounds = {(a, b) for a, b, _ in gold} & {(a, b) for a, b, _ in pred}
    tally.bounds_gold += sum((a, b) in bounds for a, b, _ in gold)
    tally.bounds_pred += sum((a, b) in bounds for a, b, _ in pred)
    for span in gold:
        tally.n_gold[span[2]] += 1
        tally.exact_gold[span[2]] += span in exact
        tally.found_gold[span[2]] += _overlaps(span, pred)
    for span in pred:
        tally.n_pred[span[2]] += 1
        tally.exact_pred[span[2]] += span in exact
        tally.right_pred += _overlaps(span, gold)
    covered, in_gold = _covered(pred, len(text)), _covered(gold, len(text))
    tally.gold_chars += sum(in_gold)
    tally.gold_chars_covered += sum(1 for c, g in zip(covered, in_gold, strict=True) if c and g)
    tally.pred_chars += sum(covered)
    tally.pred_chars_in_gold += sum(1 for c, g in zip(covered, in_gold, strict=True) if c and g)
    left = 0
    for start, end, _ in gold:
        for tok in _TOKEN.finditer(text, start, min(end, len(text))):
            tally.tokens += 1
            left += not all(covered[tok.start():tok.end()])
    tally.tokens_left += left
    tally.clean_docs += left == 0
    for start, end, kind in negatives:
        tally.negatives[kind] += 1
        tally.negatives_flagged[kind] += _overlaps((start, end, kind), pred)


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                record = orjson.loads(raw)
            except orjson.JSONDecodeError:
                raise InputError(f"{path.name} line {lineno}: not valid JSON") from None
            if not isinstance(record, dict) or "id" not in record:
                raise InputError(f"{path.name} line {lineno}: expected a JSON object with an 'id'")
            yield lineno, record


def score_files(gold_path: Path, pred_path: Path) -> Tally:
    """Score every gold document against the prediction with its id (none: nothing predicted)."""
    predictions = {rec["id"]: _spans(rec, n, pred_path.name) for n, rec in _lines(pred_path)}
    tally = Tally()
    for lineno, rec in _lines(gold_path):
        if not isinstance(rec.get("text"), str):
            raise InputError(f"{gold_path.name} line {lineno}: 'text' must be a string")
        pred = predictions.pop(rec["id"], None)
        tally.missing_predictions += pred is None
        negatives = [(int(n["start"]), int(n["end"]), str(n.get("kind", "?")))
                     for n in rec.get("negatives") or []]
        score_document(tally, rec["text"], _spans(rec, lineno, gold_path.name), pred or [], negatives)
    if predictions:
        raise InputError(f"{pred_path.name} holds {len(predictions)} ids that {gold_path.name} does not "
                         f"(first: {next(iter(predictions))!r}): are these predictions for this gold file?")
    return tally


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _f(p: float | None, r: float | None, beta: float) -> float | None:
    if not p or not r:
        return None if p is None or r is None else 0.0
    return round((1 + beta**2) * p * r / (beta**2 * p + r), 4)


def _pr(right_pred: int, n_pred: int, found_gold: int, n_gold: int) -> dict[str, float | None]:
    p, r = _rate(right_pred, n_pred), _rate(found_gold, n_gold)
    return {"precision": p, "recall": r, "f1": _f(p, r, 1), "f2": _f(p, r, 2)}


def summary(t: Tally) -> dict[str, Any]:
    """The figures as JSON: rates from 0 to 1 (None where nothing was there to count)."""
    n_gold, n_pred = sum(t.n_gold.values()), sum(t.n_pred.values())
    labels = sorted(t.n_gold, key=lambda label: -t.n_gold[label])
    return {
        "documents": t.docs,
        "documents_without_prediction": t.missing_predictions,
        "gold_spans": n_gold,
        "predicted_spans": n_pred,
        "exact": _pr(sum(t.exact_pred.values()), n_pred, sum(t.exact_gold.values()), n_gold),
        "bounds": _pr(t.bounds_pred, n_pred, t.bounds_gold, n_gold),
        "overlap": _pr(t.right_pred, n_pred, sum(t.found_gold.values()), n_gold),
        "chars": {"precision": _rate(t.pred_chars_in_gold, t.pred_chars),
                  "recall": _rate(t.gold_chars_covered, t.gold_chars)},
        "phi_tokens": t.tokens,
        "phi_tokens_left": _rate(t.tokens_left, t.tokens),
        "clean_documents": _rate(t.clean_docs, t.docs),
        "per_gold_label": {label: {"n": t.n_gold[label],
                                   "exact_recall": _rate(t.exact_gold[label], t.n_gold[label]),
                                   "overlap_recall": _rate(t.found_gold[label], t.n_gold[label])}
                           for label in labels},
        "exact_precision_per_predicted_label": {label: _rate(t.exact_pred[label], t.n_pred[label])
                                                for label in sorted(t.n_pred)},
        "hard_negatives": {"n": sum(t.negatives.values()), "flagged": sum(t.negatives_flagged.values()),
                           "flagged_by_kind": {k: t.negatives_flagged[k] for k in sorted(t.negatives)
                                               if t.negatives_flagged[k]}},
    }
