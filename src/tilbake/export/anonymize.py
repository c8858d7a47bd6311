"""The anonymization step of an export, behind a small interface so any engine plugs in.

An ``Anonymizer`` rewrites a batch of texts and tells, for each output, which character ranges it
wrote itself (tags such as ``[NAVN]`` or keyed surrogates): the leak gate skips those, since a
surrogate is meant to look real. ``versions`` lands in the manifest (detector, rules, model).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

Range = tuple[int, int]
MODES = ("tags", "surrogates")


@dataclass(frozen=True, slots=True)
class Anonymized:
    text: str
    replaced: tuple[Range, ...] = ()

    def __repr__(self) -> str:  # patient text never reaches a repr
        return f"Anonymized(<{len(self.text)} chars>, replaced={len(self.replaced)})"


class Anonymizer(Protocol):
    mode: str
    versions: dict[str, str]

    def anonymize_many(self, texts: Sequence[str]) -> list[Anonymized]: ...


@dataclass
class CallableAnonymizer:
    """Wraps a plain ``text -> anonymized text`` function (tests, or an engine without ranges)."""

    func: Callable[[str], str]
    mode: str = "tags"
    versions: dict[str, str] = field(default_factory=lambda: {"detector": "callable"})

    def anonymize_many(self, texts: Sequence[str]) -> list[Anonymized]:
        return [Anonymized(self.func(t)) for t in texts]
