"""FeedbackEvents (DESIGN §2) from a reviewer's corrections, holding no raw PII.

An event names the document by a keyed hash and the entity by a keyed hash, its shape, its length, the
words before it (``cue``) and a context of at most 200 characters in which every entity the engine
found or the reviewer marked is masked. Only text a reviewer marked as *not* PII is kept as written:
that is what teaches an allow list.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tilbake.review import privacy
from tilbake.review.corrections import Correction, Entity


@dataclass(frozen=True)
class Document:
    """What an event needs to know of the item it came from (the text never leaves this step)."""

    item_id: str
    source: str
    doc_hash: str
    document_type: str
    language: str


def _entity_columns(prefix: str, e: Entity | None) -> dict[str, Any]:
    return {f"{prefix}_label": e.label.value if e else None, f"{prefix}_start": e.start if e else None,
            f"{prefix}_end": e.end if e else None, f"{prefix}_confidence": e.confidence if e else None}


def build_events(secret: bytes, text: str, doc: Document, corrections: Sequence[Correction],
                 masks: Iterable[Entity], group_no: int, when: datetime) -> list[dict[str, Any]]:
    """One row per correction. ``masks``: every entity detected or corrected in the document."""
    mask_spans = [m.span() for m in masks]
    rows = []
    for c in corrections:
        entity = c.updated or c.original
        assert entity is not None
        piece = text[entity.start:entity.end]
        not_pii = c.action == "mark_as_not_pii"
        span = entity.span()
        rows.append({
            "id": uuid.uuid4().hex, "created_at": when, "source": doc.source, "item_id": doc.item_id,
            "group_no": group_no, "doc_hash": doc.doc_hash, "document_type": doc.document_type,
            "language": doc.language, "action": c.action,
            **_entity_columns("original", c.original), **_entity_columns("updated", c.updated),
            "entity_hash": privacy.keyed_hash(secret, piece),
            "entity_shape": privacy.shape(piece), "entity_pattern": privacy.pattern(piece),
            "entity_length": len(piece),
            "entity_text": " ".join(piece.split())[:200] if not_pii else None,
            "context": privacy.masked_context(text, span, mask_spans, keep=not_pii),
            "cue": privacy.cue(text, entity.start, mask_spans),
        })
    return rows
