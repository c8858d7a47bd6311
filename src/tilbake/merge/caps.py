"""Optional caps, so that one practice (or one kind of suggestion) cannot dominate the dataset.

A cap is a number of rows per format: ``per_practice`` for each contributing practice, ``per_type``
for each suggestion type, counted over what the dataset holds already plus this merge. A row over a
cap is left out and counted in the merge log (``capped``): first come, first kept, so a later
merge of the same practice adds nothing once it is full.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Caps:
    per_practice: int | None = None
    per_type: int | None = None
    _practice: Counter[tuple[str, str]] = field(default_factory=Counter)
    _type: Counter[tuple[str, str]] = field(default_factory=Counter)

    def count(self, fmt: str, practice: str, stype: str) -> None:
        self._practice[fmt, practice] += 1
        self._type[fmt, stype] += 1

    def over(self, fmt: str, practice: str, stype: str) -> str | None:
        """Which cap a further row would exceed ("practice" or "type"), or None."""
        if self.per_practice is not None and self._practice[fmt, practice] >= self.per_practice:
            return "practice"
        if self.per_type is not None and self._type[fmt, stype] >= self.per_type:
            return "type"
        return None
