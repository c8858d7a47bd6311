"""The leak gate again, with today's engine: a bundle made months ago by an older engine may hold
what the current one (or the independent check) now sees as PHI; such rows are quarantined.

The scanner is the export's own (``wiring.export_scanner``: strict patterns, the engine, the
independent check). What the anonymizer writes, bracketed tags (``[NAVN]``, ``[DATO]``) and decade
ranges for ages (``40-49``), is passed as its own ranges, as the export does. Reasons are labels, never text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tilbake.deid.spans import Range
from tilbake.export.leakscan import LeakScanner

# what the anonymizer writes: bracketed tags, and the decade ranges that replace ages ("40-49 år")
_TAG = re.compile(r"\[[A-ZÆØÅ_]{2,30}\]|(?<!\d)(?:\d?[1-9]0-\d?[1-9]9|0-9|90\+)(?= år|\b)")


def contents(fmt: str, row: dict[str, Any]) -> list[str]:
    keys = {"sft": ("messages",), "dpo": ("prompt", "chosen", "rejected"), "kto": ("prompt", "completion")}
    return [m["content"] for key in keys[fmt] for m in row[key]]


def tag_ranges(text: str) -> tuple[Range, ...]:
    return tuple((m.start(), m.end()) for m in _TAG.finditer(text))


def unsafe(scanner: LeakScanner, fmt: str, rows: Sequence[dict[str, Any]]) -> list[str | None]:
    """Per row: the first leak's reason (the row is quarantined), or None when the row is clean."""
    texts, owner = [], []
    for i, row in enumerate(rows):
        for text in contents(fmt, row):
            texts.append(text)
            owner.append(i)
    if not texts:
        return []
    found = scanner.scan_many(texts, [tag_ranges(t) for t in texts])
    reasons: list[str | None] = [None] * len(rows)
    for i, leaks in zip(owner, found, strict=True):
        if leaks and reasons[i] is None:
            reasons[i] = leaks[0].reason
    return reasons
