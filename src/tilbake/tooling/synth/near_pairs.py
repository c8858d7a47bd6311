"""Constructed text pairs for measuring near-duplicate detection (the merge's MinHash LSH).

Built from the synthetic suggestion records, so the texts have the real notes' templates and
repeated phrases (the hard case for near-duplicate detection):

- ``near``: the same note sent twice with small changes: the generator's minor edits (one or two
  words typed differently or added), and the note with its whitespace and one punctuation mark
  changed, or one short phrase added;
- ``distinct``: a note and the clinician's major rewrite of it, and two different notes of the same
  suggestion type (sharing the type's template phrases).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from tilbake.tooling.synth.suggestions import suggestions


def pairs(n: int, seed: int = 7) -> Iterator[tuple[str, str, bool]]:
    """About ``n`` pairs ``(a, b, is_near)``, half of each kind."""
    rng = random.Random(seed)
    by_type: dict[str, list[str]] = {}
    made = 0
    for rec in suggestions(n * 2, seed):
        if made >= n:
            return
        original, correction = rec["original_suggestion"], rec.get("user_correction")
        notes = by_type.setdefault(rec["suggestion_type"], [])
        if rec["correction_type"] == "minor_edit" and correction:
            yield original, correction, True
        elif rec["correction_type"] == "major_edit" and correction:
            yield original, correction, False
        elif rng.random() < 0.5:
            yield original, "  ".join(original.split(" ")).replace(".", ";", 1), True
        else:
            yield original, original.rstrip(".") + ", ellers uendret.", True
        made += 1
        if notes:
            yield original, rng.choice(notes), False
            made += 1
        notes.append(original)
