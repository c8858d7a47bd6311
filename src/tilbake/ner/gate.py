"""Build the gate lexicon shipped beside the model (see ``tilbake.deid.ner`` for how it is used).

``common``: lower-cased words seen often in training and almost never inside an entity; a capitalised
sentence-initial word in this set ("Pasienten", "Smerter") does not wake the model.
``common_exact``: the same for exact forms anywhere in a sentence ("MR", "NSAID", "Lasègue").
``names``: lower-cased words that are mostly inside entities; they wake the model even when written
in lower case ("kari", "nordmann") because messy notes drop capitals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from tilbake.deid.ner import LEXICON_FILE

__all__ = ["LEXICON_FILE", "build_lexicon"]

MIN_COUNT = 3
COMMON_MAX_ENTITY_SHARE = 0.02
NAME_MIN_ENTITY_SHARE = 0.5


def build_lexicon(docs: Iterable[Doc]) -> dict[str, list[str]]:
    """Count word forms in gold docs and pick the three word sets, sorted for stable output."""
    seen: Counter[str] = Counter()
    in_entity: Counter[str] = Counter()
    seen_exact: Counter[str] = Counter()
    in_entity_exact: Counter[str] = Counter()
    for doc in docs:
        for token in doc:
            if not token.is_alpha:
                continue
            lower = token.text.lower()
            seen[lower] += 1
            seen_exact[token.text] += 1
            if token.ent_type:
                in_entity[lower] += 1
                in_entity_exact[token.text] += 1
    common = [w for w, n in seen.items() if n >= MIN_COUNT and in_entity[w] / n <= COMMON_MAX_ENTITY_SHARE]
    common_exact = [
        w
        for w, n in seen_exact.items()
        if n >= MIN_COUNT and w != w.lower() and in_entity_exact[w] / n <= COMMON_MAX_ENTITY_SHARE
    ]
    names = [w for w, n in seen.items() if len(w) > 1 and in_entity[w] / n >= NAME_MIN_ENTITY_SHARE]
    return {"common": sorted(common), "common_exact": sorted(common_exact), "names": sorted(names)}
