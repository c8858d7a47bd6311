"""The feedback summary: what reviewers corrected most, grouped so that a repeated correction counts up.

Groups are made on stable keys, never on the masked context (which differs around every occurrence):

    false positives   the text marked not PII (case-blind), its type, language and document type
    missed patterns   the entity's folded shape ("Xx Xx"), its type and the words before it
    missed entities   the entity's keyed hash and type (one name missed again and again)
    retyped           from type -> to type

Ordering is stable: count (highest first), then the keys. ``acceptance`` is what the dashboard charts:
per week and type, how many of the detector's entities reviewers left as they were.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from tilbake.review.repository import FeedbackRepository
from tilbake.store import UnitOfWork

TOP = 10


def summarize(uow: UnitOfWork, org_id: int, top: int | None = TOP) -> dict[str, Any]:
    repo = uow.repo(FeedbackRepository)
    fps = repo.grouped(org_id, "mark_as_not_pii", ("entity_text", "original_label", "language",
                                                    "document_type"), lower="entity_text", limit=top)
    patterns = repo.grouped(org_id, "mark_as_pii", ("entity_pattern", "updated_label", "cue"), limit=top)
    entities = repo.grouped(org_id, "mark_as_pii", ("entity_hash", "updated_label"), limit=top)
    retyped = repo.grouped(org_id, "change_entity_type", ("original_label", "updated_label"), limit=top)
    return {
        "events": repo.count(org_id),
        "false_positives": [{"text": g["shown"], "type": g["original_label"], "language": g["language"],
                             "document_type": g["document_type"], "count": g["count"]} for g in fps],
        "missed_patterns": [{"shape": g["entity_pattern"], "type": g["updated_label"],
                             "context_words": g["cue"], "count": g["count"]} for g in patterns],
        "missed_entities": [{"entity": g["entity_hash"][:16], "type": g["updated_label"],
                             "count": g["count"]} for g in entities],
        "retyped": [{"from": g["original_label"], "to": g["updated_label"], "count": g["count"]}
                    for g in retyped],
    }


def _week(when: datetime) -> str:
    year, week, _ = when.isocalendar()
    return f"{year}-W{week:02d}"


def acceptance(uow: UnitOfWork, org_id: int) -> list[dict[str, Any]]:
    """Per ISO week of review and per type: detected, accepted and the share accepted."""
    weeks: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in uow.repo(FeedbackRepository).acceptance(org_id):
        for label, (accepted, detected) in (row["acceptance"] or {}).items():
            counts = weeks[_week(row["reviewed_at"])][label]
            counts[0] += accepted
            counts[1] += detected
    return [{"week": week, "type": label, "detected": d, "accepted": a,
             "rate": round(a / d, 4) if d else None}
            for week in sorted(weeks) for label, (a, d) in sorted(weeks[week].items())]
