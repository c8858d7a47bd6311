"""A review item's entities and the reviewer's corrections of them: pure, offsets only.

    entities = replay(detected, corrections)          # what the item holds now
    corrections = plan(text, entities, request)       # one request -> one or more corrections
    render(text, entities)                            # the item anonymized with the corrections applied

Actions (DESIGN §2): ``mark_as_pii`` adds a missed span (replacing any it overlaps), ``mark_as_not_pii``
removes one, ``change_entity_type`` relabels one, ``adjust_confidence`` sets the reviewer's confidence
(an entity below the engine's threshold, 0.5, is not rewritten). With ``all_like_this`` the correction
applies to every Norwegian form of the same word in the document (``forms.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tilbake.deid.rewrite.operators import anonymize
from tilbake.deid.spans import Label, Span
from tilbake.errors import NotFoundError, ValidationError
from tilbake.review.forms import occurrences, same_entity

ACTIONS = ("mark_as_pii", "mark_as_not_pii", "change_entity_type", "adjust_confidence")
MIN_CONFIDENCE = 0.5  # the engine's threshold: below it an entity is not rewritten
_LABELS = ", ".join(label.value for label in Label)


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: Label
    confidence: float = 1.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        return cls(int(data["start"]), int(data["end"]), Label(data["label"]), float(data["confidence"]))

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label.value, "start": self.start, "end": self.end,
                "confidence": round(self.confidence, 4)}

    def span(self) -> Span:
        return Span(self.start, self.end, self.label, self.confidence, "review")

    @property
    def range(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(frozen=True, slots=True)
class Correction:
    action: str
    original: Entity | None
    updated: Entity | None


@dataclass(frozen=True)
class Request:
    """One reviewer request, as the API and CLI take it."""

    action: str
    start: int
    end: int
    label: str | None = None
    confidence: float | None = None
    all_like_this: bool = False


def apply_one(entities: list[Entity], c: Correction) -> list[Entity]:
    if c.action == "mark_as_pii":
        assert c.updated is not None
        new = c.updated
        return sorted([e for e in entities if not (e.start < new.end and new.start < e.end)] + [new],
                      key=lambda e: e.range)
    assert c.original is not None
    kept = [e for e in entities if e.range != c.original.range]
    if c.action == "mark_as_not_pii":
        return kept
    assert c.updated is not None
    return sorted([*kept, c.updated], key=lambda e: e.range)


def replay(detected: Iterable[Entity], corrections: Iterable[Correction]) -> list[Entity]:
    entities = sorted(detected, key=lambda e: e.range)
    for c in corrections:
        entities = apply_one(entities, c)
    return entities


def plan(text: str, entities: Sequence[Entity], req: Request) -> list[Correction]:
    """The corrections one request makes (several with ``all_like_this``); bad requests raise."""
    if req.action not in ACTIONS:
        raise ValidationError(f"action must be one of {', '.join(ACTIONS)}, got {req.action!r}",
                              field="action")
    if not 0 <= req.start < req.end <= len(text):
        raise ValidationError(f"start and end must satisfy 0 <= start < end <= {len(text)} (the text's "
                              f"length), got {req.start}..{req.end}", field="start")
    if req.action == "mark_as_pii":
        return _mark_pii(text, entities, req, _label(req.label))
    target = next((e for e in entities if e.range == (req.start, req.end)), None)
    if target is None:
        raise NotFoundError(f"no entity at {req.start}..{req.end} in this item (see its entities)")
    targets = _alike(text, entities, target) if req.all_like_this else [target]
    if req.action == "mark_as_not_pii":
        return [Correction(req.action, e, None) for e in targets]
    if req.action == "change_entity_type":
        label = _label(req.label)
        return [Correction(req.action, e, Entity(e.start, e.end, label, e.confidence))
                for e in targets if e.label != label]
    confidence = _confidence(req.confidence)
    return [Correction(req.action, e, Entity(e.start, e.end, e.label, confidence)) for e in targets]


def _mark_pii(text: str, entities: Sequence[Entity], req: Request, label: Label) -> list[Correction]:
    ranges = occurrences(text, text[req.start:req.end]) if req.all_like_this else []
    if (req.start, req.end) not in ranges:
        ranges.append((req.start, req.end))
    confidence = 1.0 if req.confidence is None else _confidence(req.confidence)
    out = []
    for start, end in sorted(ranges):
        if any(e.range == (start, end) and e.label == label for e in entities):
            continue  # found already, as this type
        before = next((e for e in entities if e.start < end and start < e.end), None)
        out.append(Correction("mark_as_pii", before, Entity(start, end, label, confidence)))
    return out


def _alike(text: str, entities: Sequence[Entity], target: Entity) -> list[Entity]:
    word = text[target.start:target.end]
    return [e for e in entities if same_entity(text[e.start:e.end], word)]


def _label(value: str | None) -> Label:
    try:
        return Label(str(value))
    except ValueError:
        raise ValidationError(f"label must be one of {_LABELS}, got {value!r}", field="label") from None


def _confidence(value: float | None) -> float:
    if value is None or not 0.0 <= value <= 1.0:
        raise ValidationError("confidence must be a number within 0..1", field="confidence")
    return float(value)


def render(text: str, entities: Iterable[Entity]) -> str:
    """The text with every entity at or above the threshold replaced by its tag ("[NAVN]")."""
    spans = [e.span() for e in entities if e.confidence >= MIN_CONFIDENCE]
    return anonymize(text, spans, "tag")
