"""Rule proposals from the feedback summary, each replayed on the reviewed documents before use.

    repeated false positive (same text, >= min_count)         -> allow  {"text"}
    repeated miss of one entity (same keyed hash, >= min_count) -> deny  {"text", "label"}
    repeated miss after the same words (>= min_count)           -> context {"words", "label"}

A deny entry needs the entity's text, which no FeedbackEvent holds: it is found again in the
organization's own review items, by the keyed hash. ``replay`` runs the engine over every reviewed
document with and without a proposal and scores both against the reviewers' entities, per label
(a found span counts when it overlaps a reviewed one of the same label). A proposal that lowers
any label's recall is marked and is not applied unless asked for by name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.detect.rules import Rules
from tilbake.deid.spans import Span
from tilbake.review.corrections import MIN_CONFIDENCE, Entity

KINDS = ("allow", "deny", "context")


@dataclass(frozen=True)
class Proposal:
    kind: str
    entry: tuple[tuple[str, str], ...]  # sorted (key, value) pairs: hashable, stable
    evidence: int

    @classmethod
    def of(cls, kind: str, evidence: int, **entry: str) -> Proposal:
        return cls(kind, tuple(sorted(entry.items())), evidence)

    @property
    def id(self) -> str:
        body = json.dumps([self.kind, list(self.entry)], ensure_ascii=False)
        return hashlib.sha256(body.encode()).hexdigest()[:12]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "entry": dict(self.entry), "evidence": self.evidence}

    def added_to(self, rules: Rules) -> Rules:
        return with_entries(rules, [self])


def with_entries(rules: Rules, proposals: Iterable[Proposal], version: str | None = None) -> Rules:
    data = rules.to_dict()
    for p in proposals:
        entry = dict(p.entry)
        if p.kind == "allow":
            data["allow"] = sorted({*data["allow"], entry["text"].lower()})
        elif entry not in data[p.kind]:
            data[p.kind].append(entry)
    data["version"] = version or rules.version
    return Rules.from_dict(data)


@dataclass(frozen=True)
class Reviewed:
    """A reviewed document: its text and the entities the reviewer left (the truth for replay)."""

    text: str = field(repr=False)  # patient text never reaches a repr
    entities: tuple[Entity, ...]

    def gold(self) -> list[Entity]:
        return [e for e in self.entities if e.confidence >= MIN_CONFIDENCE]


def candidates(summary: dict[str, Any], missed: Sequence[tuple[str, str, int]], rules: Rules,
               texts_of: Callable[[str], str | None], min_count: int = 2) -> list[Proposal]:
    """Proposals from the summary; ``missed``: (keyed hash, label, count) of missed entities;
    ``texts_of(hash)``: the entity's text from the review items (None if no item holds it any more)."""
    out: list[Proposal] = []
    for fp in summary["false_positives"]:
        if fp["count"] >= min_count and fp["text"] and fp["text"].lower() not in rules.allow:
            out.append(Proposal.of("allow", fp["count"], text=fp["text"]))
    known_deny = {(d.text.lower(), d.label.value) for d in rules.deny}
    for entity_hash, label, count in missed:
        text = texts_of(entity_hash) if count >= min_count else None
        if text and (text.lower(), label) not in known_deny:
            out.append(Proposal.of("deny", count, text=text, label=label))
    known_context = {(c.words, c.label.value) for c in rules.context}
    for miss in summary["missed_patterns"]:
        words = miss["context_words"]
        if miss["count"] >= min_count and words and (words, miss["type"]) not in known_context:
            out.append(Proposal.of("context", miss["count"], words=words, label=miss["type"]))
    return out


def _matched(found: Sequence[Span], gold: Sequence[Entity]) -> tuple[set[int], set[int]]:
    """Indices of found spans that hit a reviewed entity, and of reviewed entities hit."""
    hit_found, hit_gold = set(), set()
    for i, s in enumerate(found):
        for j, g in enumerate(gold):
            if s.label == g.label and s.start < g.end and g.start < s.end:
                hit_found.add(i)
                hit_gold.add(j)
    return hit_found, hit_gold


def score(engine: Deidentifier, docs: Sequence[Reviewed]) -> dict[str, dict[str, Any]]:
    """Per label: true positives, false positives, misses, precision and recall on the documents."""
    counts: dict[str, list[int]] = {}
    for doc, found in zip(docs, engine.detect_many([d.text for d in docs]), strict=True):
        gold = doc.gold()
        hit_found, hit_gold = _matched(found, gold)
        for i, s in enumerate(found):
            counts.setdefault(s.label.value, [0, 0, 0])[0 if i in hit_found else 1] += 1
        for j, g in enumerate(gold):
            if j not in hit_gold:
                counts.setdefault(g.label.value, [0, 0, 0])[2] += 1
    return {label: _rates(*c) for label, c in sorted(counts.items())}


def _rates(tp: int, fp: int, fn: int) -> dict[str, Any]:
    return {"tp": tp, "fp": fp, "fn": fn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None}


def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Per label: precision and recall before and after; whether any label's recall fell."""
    labels = sorted({*before, *after})
    empty = _rates(0, 0, 0)
    per = {lab: {"precision": [before.get(lab, empty)["precision"], after.get(lab, empty)["precision"]],
                 "recall": [before.get(lab, empty)["recall"], after.get(lab, empty)["recall"]]}
           for lab in labels}
    lowers = [lab for lab, v in per.items() if _fell(*v["recall"])]
    return {"per_label": per, "lowers_recall": lowers, "lowers_precision":
            [lab for lab, v in per.items() if _fell(*v["precision"])]}


def _fell(before: float | None, after: float | None) -> bool:
    return before is not None and (after is None or after < before - 1e-9)


def replay(proposals: Sequence[Proposal], rules: Rules, engine_for: Callable[[Rules], Deidentifier],
           docs: Sequence[Reviewed]) -> list[dict[str, Any]]:
    """Each proposal with its replay figures and whether it is applied by default."""
    base = score(engine_for(rules), docs)
    out = []
    for p in proposals:
        figures = compare(base, score(engine_for(p.added_to(rules)), docs))
        out.append(p.as_dict() | {"replay": figures, "applied_by_default": not figures["lowers_recall"]})
    return out
