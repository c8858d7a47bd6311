"""The leak gate again, with today's engine: a bundle made months ago by an older engine may hold
what the current one (or the independent check) now sees as PHI; such rows are quarantined.

The scanner is the export's own (``wiring.export_scanner``: strict patterns, the engine, the
independent check). What the anonymizer writes, bracketed tags (``[NAVN]``, ``[DATO]``) and decade
ranges for ages (``40-49``), is passed as its own ranges, as the export does. Reasons are labels, never text.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
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


class Verdicts:
    """The gate's verdict on texts seen lately, by digest (never the text): the same prompt or
    completion comes back in the SFT, DPO and KTO files of a bundle. Bounded, least recent out."""

    def __init__(self, size: int = 200_000) -> None:
        self.size = size
        self._seen: OrderedDict[bytes, str | None] = OrderedDict()

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode(), digest_size=16).digest()

    def get(self, key: bytes) -> tuple[bool, str | None]:
        if key not in self._seen:
            return False, None
        self._seen.move_to_end(key)
        return True, self._seen[key]

    def put(self, key: bytes, reason: str | None) -> None:
        self._seen[key] = reason
        if len(self._seen) > self.size:
            self._seen.popitem(last=False)


def unsafe(
    scanner: LeakScanner, fmt: str, rows: Sequence[dict[str, Any]], verdicts: Verdicts | None = None
) -> list[str | None]:
    """Per row: the first leak's reason (the row is quarantined), or None when the row is clean.
    Each distinct text is scanned once (rows of one suggestion share their prompt and texts, and every
    row of a type its system message)."""
    verdicts = verdicts or Verdicts(0)
    owners: dict[bytes, list[int]] = {}
    todo: dict[bytes, str] = {}
    reasons: list[str | None] = [None] * len(rows)
    for i, row in enumerate(rows):
        for text in contents(fmt, row):
            key = verdicts.key(text)
            known, reason = verdicts.get(key)
            if known:
                reasons[i] = reasons[i] or reason
                continue
            owners.setdefault(key, []).append(i)
            todo[key] = text
    keys = list(todo)
    texts = [todo[k] for k in keys]
    found = scanner.scan_many(texts, [tag_ranges(t) for t in texts]) if texts else []
    for key, leaks in zip(keys, found, strict=True):
        reason = leaks[0].reason if leaks else None
        verdicts.put(key, reason)
        for i in owners[key] if reason else ():
            reasons[i] = reasons[i] or reason
    return reasons
