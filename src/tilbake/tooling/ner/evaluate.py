"""Per-label precision/recall/F1 of the model on a gold corpus (`tilbake ner evaluate`).

A gold corpus is the team's JSONL shape (``{"id", "text", "spans": [...]}``) or a NorNE CoNLL(-U)
file. Only the model's labels are scored; gold spans of other labels (FNR, DATE, ...) are ignored.
Two matchings: *exact* (same start, end and label) and *overlap* (a gold span counts as found when a
prediction of the same label overlaps it; a prediction counts as correct when it overlaps a gold span
of its label). De-identification cares most about overlap recall: a name half-caught still leaks less.

Document context: the detector makes a document's entities consistent (``tilbake.deid.detect.ner_context``),
and notes are documents. NorNE's sentences are in article order but carry no document ids, so
``context`` says what the detector reads as one document around each gold sentence: the sentence
alone (``"none"``), its ``# newpar`` paragraph (``"paragraph"``), or the sentence with N neighbours
either side (an integer: a sliding window that may cross article boundaries). Sentences are joined the
way they stand in an article: a space after a sentence that ends in punctuation, a line break at a
paragraph start or after a headline. Spans are always scored per sentence against its gold; a span
that starts in the sentence is clipped to its end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tilbake.deid.spans import Span
from tilbake.errors import InputError
from tilbake.tooling.ner import MODEL_LABELS, norne

GoldSpan = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    spans: list[GoldSpan]
    #: a NorNE sentence that starts a ``# newpar`` paragraph
    newpar: bool = False


@dataclass(slots=True)
class Counts:
    n_gold: int = 0
    n_pred: int = 0
    exact_tp: int = 0
    overlap_gold: int = 0
    overlap_pred: int = 0


def _jsonl_docs(path: Path) -> Iterator[GoldDoc]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                spans = [(s["start"], s["end"], s["label"]) for s in row["spans"]]
                yield GoldDoc(str(row["id"]), row["text"], spans)
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path.name} line {number}: not a gold row with id, text, spans") from exc


def _norne_docs(path: Path) -> Iterator[GoldDoc]:
    for number, sentence in enumerate(norne.read_sentences(path)):
        starts, offset = [], 0
        for word, space in zip(sentence.words, sentence.spaces, strict=True):
            starts.append(offset)
            offset += len(word) + int(space)
        spans = [
            (starts[a], starts[b - 1] + len(sentence.words[b - 1]), label)
            for a, b, label in norne.bio_to_spans(sentence.tags)
        ]
        yield GoldDoc(str(number), sentence.text, spans, sentence.newpar)


def read_gold(path: Path) -> list[GoldDoc]:
    """Gold docs from ``.jsonl`` or NorNE ``.conll``/``.conllu`` (optionally ``.gz``)."""
    if not path.is_file():
        raise InputError(f"corpus file not found: {path}")
    suffixes = path.suffixes
    if ".jsonl" in suffixes:
        return list(_jsonl_docs(path))
    if ".conll" in suffixes or ".conllu" in suffixes:
        return list(_norne_docs(path))
    raise InputError(f"unknown corpus format {path.name!r}: expected .jsonl, .conll or .conllu")


@dataclass(frozen=True, slots=True)
class Reading:
    """One text the detector reads, and where the gold docs it is scored on lie in it."""

    text: str
    #: (index into the gold docs, offset of that doc in ``text``), only for the docs scored here
    targets: list[tuple[int, int]]


_STOPS = frozenset(".!?:;»\"")


def _joined(gold: Sequence[GoldDoc], first: int, end: int) -> tuple[str, list[int]]:
    parts: list[str] = []
    offsets: list[int] = []
    length = 0
    for i in range(first, end):
        if i > first:
            before = gold[i - 1].text.rstrip()
            sep = "\n" if gold[i].newpar or before[-1:] not in _STOPS else " "
            parts.append(sep)
            length += 1
        offsets.append(length)
        parts.append(gold[i].text)
        length += len(gold[i].text)
    return "".join(parts), offsets


def readings(gold: Sequence[GoldDoc], context: str | int = "none") -> list[Reading]:
    """What the detector reads to score ``gold``: each doc alone, its paragraph, or a window of
    ``context`` neighbouring docs either side (see the module docstring)."""
    if context == "none" or context == 0:
        return [Reading(doc.text, [(i, 0)]) for i, doc in enumerate(gold)]
    if context == "paragraph":
        starts = [i for i, doc in enumerate(gold) if i == 0 or doc.newpar]
        out = []
        for first, end in zip(starts, [*starts[1:], len(gold)], strict=True):
            text, offsets = _joined(gold, first, end)
            out.append(Reading(text, [(first + k, o) for k, o in enumerate(offsets)]))
        return out
    if isinstance(context, int) and context > 0:
        out = []
        for i in range(len(gold)):
            first = max(0, i - context)
            text, offsets = _joined(gold, first, min(len(gold), i + context + 1))
            out.append(Reading(text, [(i, offsets[i - first])]))
        return out
    raise InputError(f"unknown document context {context!r}: expected none, paragraph or a number")


def in_context(
    gold: Sequence[GoldDoc], readings: Sequence[Reading], found: Iterable[list[Span]]
) -> list[list[Span]]:
    """Spans per gold doc from spans found per reading: those starting inside the doc, moved to its
    offsets and clipped to its end."""
    out: list[list[Span]] = [[] for _ in gold]
    for reading, spans in zip(readings, found, strict=True):
        for index, offset in reading.targets:
            end = offset + len(gold[index].text)
            out[index].extend(
                Span(s.start - offset, min(s.end, end) - offset, s.label, s.score, s.source)
                for s in spans if offset <= s.start < end
            )  # fmt: skip
    return out


def parse_context(value: str) -> str | int:
    """``none``, ``paragraph`` or a number of neighbouring sentences (the CLI's ``--context``)."""
    if value in ("none", "paragraph"):
        return value
    if value.isdigit():
        return int(value)
    raise InputError(f"unknown document context {value!r}: expected none, paragraph or a number")


def score(gold: Sequence[GoldDoc], predicted: Iterable[list[Span]]) -> dict[str, Counts]:
    """Counts per model label (and ``ALL``) for predictions given in the same order as ``gold``."""
    counts = {label: Counts() for label in (*MODEL_LABELS, "ALL")}
    for doc, spans in zip(gold, predicted, strict=True):
        gold_spans = [s for s in doc.spans if s[2] in MODEL_LABELS]
        pred_spans = [(s.start, s.end, s.label.value) for s in spans if s.label.value in MODEL_LABELS]
        for key in ("ALL", *MODEL_LABELS):
            g = [s for s in gold_spans if key in ("ALL", s[2])]
            p = [s for s in pred_spans if key in ("ALL", s[2])]
            c = counts[key]
            c.n_gold += len(g)
            c.n_pred += len(p)
            c.exact_tp += len(set(g) & set(p))
            c.overlap_gold += sum(any(_hit(x, y) for y in p) for x in g)
            c.overlap_pred += sum(any(_hit(y, x) for x in g) for y in p)
    return counts


def _hit(a: GoldSpan, b: GoldSpan) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def as_rows(counts: dict[str, Counts]) -> list[dict[str, object]]:
    """One row per label: exact P/R/F1, overlap P/R/F1, gold and predicted counts."""
    rows: list[dict[str, object]] = []
    for label, c in counts.items():
        ep, er, ef = _prf(c.exact_tp, c.n_pred, c.exact_tp, c.n_gold)
        op, orr, of = _prf(c.overlap_pred, c.n_pred, c.overlap_gold, c.n_gold)
        rows.append(
            {"label": label, "n_gold": c.n_gold, "n_pred": c.n_pred, "exact_p": ep, "exact_r": er,
             "exact_f1": ef, "overlap_p": op, "overlap_r": orr, "overlap_f1": of}
        )  # fmt: skip
    return rows


def format_table(rows: list[dict[str, object]]) -> str:
    """A fixed-width table: label, gold, pred, exact P R F1, overlap P R F1."""
    header = f"{'label':<9}{'gold':>6}{'pred':>6}   {'P':>6}{'R':>6}{'F1':>6}   {'oP':>6}{'oR':>6}{'oF1':>6}"
    lines = [header]
    for r in rows:
        numbers = "".join(f"{r[k]:6.3f}" for k in ("exact_p", "exact_r", "exact_f1"))
        overlap = "".join(f"{r[k]:6.3f}" for k in ("overlap_p", "overlap_r", "overlap_f1"))
        lines.append(f"{r['label']:<9}{r['n_gold']:>6}{r['n_pred']:>6}   {numbers}   {overlap}")
    return "\n".join(lines)


def evaluate(corpus: Path, model: Path | None = None, *, gated: bool = True, context: str = "none",
             predictions: Path | None = None) -> list[dict[str, object]]:
    """Per-label rows of the model on a gold corpus (``tilbake ner evaluate``); with ``predictions``,
    the spans found are also written there as detection JSONL."""
    import json

    from tilbake.deid.detect.ner import NerDetector

    gold = read_gold(corpus)
    read = readings(gold, parse_context(context))
    detector = NerDetector(model, gated=gated).load()
    found = in_context(gold, read, detector.detect_many(r.text for r in read))
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as out:
            for doc, spans in zip(gold, found, strict=True):
                out.write(json.dumps({"id": doc.id, "spans": [s.as_dict() for s in spans]}) + "\n")
    return as_rows(score(gold, found))
