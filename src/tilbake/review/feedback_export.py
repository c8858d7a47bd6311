"""The maintainer's feedback export, an explicit action: feedback-summary.json and feedback-events.jsonl.

    anonymised (default)  entity text replaced by keyed ids, only the pattern structure (shape, length,
                          type, action, offsets) kept: no contexts, no cue words, no text marked not PII
    raw                   every stored column, contexts and not-PII text included (internal training)

Neither mode ever holds more than the events do: no raw PII is stored in the first place (events.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tilbake.errors import ValidationError
from tilbake.review import privacy

MODES = ("anonymised", "raw")
SUMMARY_FILE, EVENTS_FILE = "feedback-summary.json", "feedback-events.jsonl"
_ANONYMISED_EVENT = ("id", "action", "document_type", "language", "doc_hash", "entity_hash", "entity_shape",
                     "entity_pattern", "entity_length", "original_label", "original_start", "original_end",
                     "original_confidence", "updated_label", "updated_start", "updated_end",
                     "updated_confidence")


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValidationError(f"mode must be one of {', '.join(MODES)}, got {mode!r}", field="mode")


def anonymised_summary(summary: dict[str, Any], secret: bytes) -> dict[str, Any]:
    return summary | {
        "false_positives": [{k: v for k, v in fp.items() if k != "text"}
                            | {"entity": privacy.keyed_hash(secret, fp["text"] or "")[:16]}
                            for fp in summary["false_positives"]],
        "missed_patterns": [{k: v for k, v in m.items() if k != "context_words"}
                            for m in summary["missed_patterns"]],
    }


def event_line(event: dict[str, Any], mode: str) -> dict[str, Any]:
    out = {k: event[k] for k in _ANONYMISED_EVENT} if mode == "anonymised" else {
        k: v for k, v in event.items() if k not in ("organization_id", "item_id", "group_no")}
    out["date" if mode == "anonymised" else "created_at"] = (
        event["created_at"].strftime("%Y-%m-%d") if mode == "anonymised" else event["created_at"].isoformat())
    return out


def write(folder: Path, summary: dict[str, Any], events: list[dict[str, Any]], mode: str,
          secret: bytes) -> dict[str, Any]:
    """Write both files into ``folder`` (made if missing); returns what was written."""
    check_mode(mode)
    folder.mkdir(parents=True, exist_ok=True)
    body = anonymised_summary(summary, secret) if mode == "anonymised" else summary
    (folder / SUMMARY_FILE).write_text(json.dumps({"mode": mode, **body}, ensure_ascii=False, indent=2),
                                       "utf-8")
    with open(folder / EVENTS_FILE, "w", encoding="utf-8") as fh:
        for event in events:
            fh.write(json.dumps(event_line(event, mode), ensure_ascii=False) + "\n")
    files = [str(folder / SUMMARY_FILE), str(folder / EVENTS_FILE)]
    return {"mode": mode, "events": len(events), "files": files}
