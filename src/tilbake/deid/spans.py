"""Spans: the only thing detection hands to anything else (DESIGN §2).

A span carries offsets, a label, a score and the id of whatever found it, never the matched text:
whoever holds the text joins it with the spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Label(StrEnum):
    """One vocabulary of PHI labels, used by every recognizer, model, export and review."""

    PERSON = "PERSON"
    FNR = "FNR"  # fødselsnummer, D-, H-, FH-nummer
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    URL = "URL"
    DATE = "DATE"
    AGE = "AGE"
    ADDRESS = "ADDRESS"
    LOCATION = "LOCATION"  # postcode + place, town, municipality
    ORG = "ORG"  # clinic, hospital, employer, school, club
    ID = "ID"  # HPR-nr, journal/case/referral numbers, account numbers


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of a text, with what it is and who said so."""

    start: int
    end: int
    label: Label
    score: float = 1.0
    source: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(
                f"span offsets must satisfy 0 <= start < end, got start={self.start} end={self.end}"
            )
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"span score must be within 0..1, got {self.score}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of DESIGN §2 (``source`` is left out: it is an implementation detail)."""
        return {
            "start": self.start, "end": self.end, "label": self.label.value, "score": round(self.score, 4),
        }


#: a character range ``[start, end)`` of a text
Range = tuple[int, int]


class Detector(Protocol):
    """Anything that finds spans: a rule recognizer family, the NER model, a user's deny list.

    The engine keeps a registry of detectors and merges what they find; a detector never sees
    another's spans and never returns or logs the text it read. ``version`` names exactly what
    finds the spans (for the model: its package version and a hash of its weights); manifests
    record it. ``explained`` (optional, one list of ranges per text) is text already accounted
    for (what other detectors found, or what a caller wrote itself): a detector may skip it, and
    one that reads everything anyway (the rules) ignores it.
    """

    name: str
    version: str

    def detect_many(self, texts: Iterable[str],
                    explained: Iterable[Sequence[Range]] | None = None) -> Iterator[list[Span]]: ...
