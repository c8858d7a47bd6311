"""Norwegian forms of an entity, for "all like this": every occurrence of the same word in a document.

For "Hansen" these all match (as ranges of the document):

    Hansen  hansen  HANSEN      case
    Hansens  Hansen's           genitive (the s is part of the entity, as the detector reads it)
    Hansen-familien             first part of a hyphenated compound (only "Hansen" is the entity)
    Oslo-Hansen                 last part of one

A word inside a longer word ("Hansenfamilien") is not matched: closed compounds of common words
("Dag" in "Dagsenteret") would mark far too much.
"""

from __future__ import annotations

import re

from tilbake.deid.spans import Range


def base_form(text: str) -> str:
    """The entity without a genitive ending, in lower case: "Hansens" -> "hansen"."""
    low = " ".join(text.split()).lower()
    for ending in ("'s", "'", "s"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return low[: -len(ending)]
    return low


def _pattern(base: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in base.split()]
    return re.compile(r"(?<![^\W_])" + r"\s+".join(words) + r"(?:'s|'|s)?(?![^\W_])", re.IGNORECASE)


def occurrences(text: str, entity: str) -> list[Range]:
    """Ranges of every form of ``entity`` in ``text`` (its genitive included), in order."""
    base = base_form(entity)
    if not base:
        return []
    found = [(m.start(), m.end()) for m in _pattern(base).finditer(text)]
    if base != entity.lower():  # the entity itself may end in s ("Mons"): match it as written too
        found += [(m.start(), m.end()) for m in _pattern(" ".join(entity.lower().split())).finditer(text)]
    return _longest(sorted(set(found), key=lambda r: (r[0], -r[1])))


def _longest(ranges: list[Range]) -> list[Range]:
    """Overlapping matches (both patterns found "Mons'") give way to the longest, first."""
    out: list[Range] = []
    for r in ranges:
        if not out or r[0] >= out[-1][1]:
            out.append(r)
    return out


def same_entity(a: str, b: str) -> bool:
    """Forms of one word: "Hansens" and "HANSEN", "Fjordlaks'" and "Fjordlaks" (which ends in s)."""
    def forms(x: str) -> set[str]:
        return {" ".join(x.split()).lower(), base_form(x)}

    return bool(forms(a) & forms(b))
