"""Daily metrics per day and suggestion type (the first client's `ai_daily_metrics`).

    acceptance_rate   = (accepted_as_is + minor_edit + major_edit) / decided
    modification_rate = (minor_edit + major_edit) / decided
    decided           = every row with a decision (ignored included); `pending` counts the rest
Averages (confidence, rating, time to decision in ms) are over the rows that carry the value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tilbake.capture.decisions import CORRECTION_TYPES, MAJOR_EDIT, MINOR_EDIT, USED

_SUMS = ("confidence", "rating", "ttd")


def _avg(total: float, n: int) -> float | None:
    return round(total / n, 4) if n else None


def fold_daily(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Fold (day, type, correction_type) groups into one entry per day and type."""
    folded: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["day"], row["suggestion_type"])
        acc = folded.setdefault(key, {"counts": dict.fromkeys((*CORRECTION_TYPES, "pending"), 0),
                                      **{f"{s}_sum": 0.0 for s in _SUMS}, **{f"{s}_n": 0 for s in _SUMS}})
        acc["counts"][row["correction_type"] or "pending"] += row["count"]
        for s in _SUMS:
            acc[f"{s}_sum"] += row[f"{s}_sum"] or 0
            acc[f"{s}_n"] += row[f"{s}_n"]
    out = []
    for (day, stype), acc in sorted(folded.items()):
        counts = acc["counts"]
        decided = sum(counts[c] for c in CORRECTION_TYPES)
        used = sum(counts[c] for c in USED)
        edited = counts[MINOR_EDIT] + counts[MAJOR_EDIT]
        out.append({
            "day": day,
            "suggestion_type": stype,
            "total": decided + counts["pending"],
            "decided": decided,
            "counts": counts,
            "acceptance_rate": round(used / decided, 4) if decided else None,
            "modification_rate": round(edited / decided, 4) if decided else None,
            "avg_confidence": _avg(acc["confidence_sum"], acc["confidence_n"]),
            "avg_rating": _avg(acc["rating_sum"], acc["rating_n"]),
            "avg_time_to_decision_ms": _avg(acc["ttd_sum"], acc["ttd_n"]),
        })
    return out
