"""The leak gate: scan anonymized text again and say what PHI is still there with high confidence.

Three opinions are combined. Strict patterns of our own catch what must never leave in any export:
fødselsnummer-shaped numbers (any 11-digit run), bank account numbers, Norwegian phone numbers,
e-mail addresses and URLs. Optionally, the de-identification engine runs again and any span it scores
at or above a threshold counts too. And an independent check built differently from the engine
(``leakcheck``: listed names and places no tag explains, identifier-shaped digits, dates, ages), so
the gate is not the same detector twice; its leaks have the source ``"independent"`` and a reason of
its own as label (``NAME_LIST``, ``PLACE_LIST``, ``CAPWORD``, ``DIGITS``, ``DATE``, ``AGE``). Ranges
the anonymizer itself wrote (tags, surrogates) are ignored: a surrogate name is meant to look like a
name. A leak carries offsets and a label, never the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tilbake.deid.spans import Detector, Range, Span
from tilbake.export.leakcheck import LeakCheck


@dataclass(frozen=True, slots=True)
class Leak:
    start: int
    end: int
    label: str  # one of tilbake.deid.spans.Label's values, or the independent check's reason
    source: str  # "pattern", the detector's name or "independent"

    @property
    def reason(self) -> str:
        """What the manifest counts: the label, prefixed by the source for the independent check
        ("independent:NAME_LIST"), so a privacy officer sees which gate stopped a row."""
        return f"{INDEPENDENT}:{self.label}" if self.source == INDEPENDENT else self.label


INDEPENDENT = LeakCheck.name

#: engine spans at or above this score left in anonymized text quarantine the row
LEAK_THRESHOLD = 0.85

_D = r"(?<!\w)"  # no letter or digit right before ...
_E = r"(?!\w)"  # ... or right after
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("FNR", re.compile(_D + r"\d{6}[ .-]?\d{5}" + _E)),
    # 12345678, 12 34 56 78, 123 45 678, 1234 5678, optionally +47 / 0047 first; dotted groups are dates.
    (
        "PHONE",
        re.compile(
            _D + r"(?:(?:\+|00)47 ?)?(?:[2-9]\d(?: ?\d{2}){3}|[2-9]\d{2} \d{2} \d{3}|[2-9]\d{3} \d{4})" + _E
        ),
    ),
    ("ID", re.compile(_D + r"\d{4}[ .]\d{2}[ .]\d{5}" + _E)),  # bank account, grouped 4.2.5
    ("EMAIL", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")),
    ("URL", re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)),
)


def pattern_leaks(text: str) -> list[Leak]:
    found: list[Leak] = []
    for label, pattern in PATTERNS:
        found.extend(Leak(m.start(), m.end(), label, "pattern") for m in pattern.finditer(text))
    return found


def _outside(leak: Leak, replaced: Sequence[Range]) -> bool:
    return not any(leak.start < end and start < leak.end for start, end in replaced)


def _keep_outside(found: list[Leak], replaced: Sequence[Range]) -> list[Leak]:
    """The leaks overlapping none of ``replaced``. The anonymizer's ranges are sorted and disjoint
    (then their ends are sorted too): one bisection per leak instead of a scan of every range."""
    if not found or not replaced:
        return found
    starts = [start for start, _ in replaced]
    ends = [end for _, end in replaced]
    if any(a > b for a, b in zip(ends, starts[1:], strict=False)):  # not sorted and disjoint
        return [x for x in found if _outside(x, replaced)]
    kept = []
    for x in found:
        k = bisect_right(ends, x.start)  # the first range ending after the leak starts
        if k == len(ends) or starts[k] >= x.end:
            kept.append(x)
    return kept


class LeakScanner:
    """``scan_many(texts, replaced)`` -> per text, the high-confidence PHI still in it.

    ``independent``: the second opinion (on by default in every scanner; ``None`` turns it off, for
    measuring the engine's gate alone)."""

    def __init__(
        self,
        engine: Detector | None = None,
        *,
        threshold: float = 0.9,
        name: str = "engine",
        independent: LeakCheck | None = LeakCheck(),  # noqa: B008 (immutable, its data load lazily)
    ) -> None:
        self.engine = engine
        self.threshold = threshold
        self.name = name
        self.independent = independent

    def scan_many(
        self,
        texts: Sequence[str],
        replaced: Sequence[Sequence[Range]] | None = None,
        skip_engine: Sequence[bool] | None = None,
    ) -> list[list[Leak]]:
        """Leaks per text; ``skip_engine[i]`` spares the engine pass (the patterns and the independent
        check always run: a text the engine left unchanged is just where it may have missed)."""
        per_text = [pattern_leaks(t) for t in texts]
        if self.independent is not None:
            for found, hits in zip(per_text, self.independent.check_many(texts, replaced), strict=True):
                found.extend(Leak(h.start, h.end, h.reason, INDEPENDENT) for h in hits)
        if self.engine is not None:
            todo = [i for i in range(len(texts)) if not (skip_engine and skip_engine[i])]
            # what the anonymizer wrote is ignored below: its tags need not wake the model
            # (they made it read three times as much text)
            spans_of: Iterator[Sequence[Span]] = self.engine.detect_many(
                [texts[i] for i in todo], None if replaced is None else [replaced[i] for i in todo])
            for i, spans in zip(todo, spans_of, strict=True):
                per_text[i].extend(
                    Leak(sp.start, sp.end, str(sp.label), self.name)
                    for sp in spans
                    if sp.score >= self.threshold
                )
        if replaced is not None:
            per_text = [_keep_outside(found, r) for found, r in zip(per_text, replaced, strict=True)]
        return per_text

    def scan(self, text: str, replaced: Sequence[Range] = ()) -> list[Leak]:
        return self.scan_many([text], [replaced])[0]
