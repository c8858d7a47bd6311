"""Build the gate lexicon shipped beside the model (see ``tilbake.deid.detect.ner`` for how it is used).

``common``: words seen written in lower case often in training and almost never inside an entity;
a capitalised sentence-initial word in this set ("Pasienten", "Smerter") does not wake the model.
``common_exact``: capitalised forms seen often and almost never inside an entity ("MR", "NSAID").
``names``: lower-cased words that are mostly inside entities in training, plus the name lists; they
wake the model when capitalised anywhere, and in lower case unless they are common words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from tilbake.deid.detect.ner import LEXICON_FILE

__all__ = ["LEXICON_FILE", "build_lexicon"]

MIN_COUNT = 3
COMMON_MAX_ENTITY_SHARE = 0.02
NAME_MIN_ENTITY_SHARE = 0.5


def _share_below(seen: Counter[str], in_entity: Counter[str], share: float) -> list[str]:
    return [w for w, n in seen.items() if n >= MIN_COUNT and in_entity[w] / n <= share]


def build_lexicon(docs: Iterable[Doc], extra_names: Iterable[str] = ()) -> dict[str, list[str]]:
    """Count word forms in gold docs and pick the three word sets, sorted for stable output."""
    lower_seen: Counter[str] = Counter()
    lower_in_entity: Counter[str] = Counter()
    capital_seen: Counter[str] = Counter()
    capital_in_entity: Counter[str] = Counter()
    any_seen: Counter[str] = Counter()
    any_in_entity: Counter[str] = Counter()
    for doc in docs:
        for token in doc:
            if not token.is_alpha:
                continue
            text, lower, inside = token.text, token.text.lower(), bool(token.ent_type)
            seen, in_entity = (
                (lower_seen, lower_in_entity) if text == lower else (capital_seen, capital_in_entity)
            )
            seen[text] += 1
            in_entity[text] += inside
            any_seen[lower] += 1
            any_in_entity[lower] += inside
    common = _share_below(lower_seen, lower_in_entity, COMMON_MAX_ENTITY_SHARE)
    common_exact = _share_below(capital_seen, capital_in_entity, COMMON_MAX_ENTITY_SHARE)
    names = {w for w, n in any_seen.items() if len(w) > 1 and any_in_entity[w] / n >= NAME_MIN_ENTITY_SHARE}
    names.update(name.lower() for name in extra_names)
    return {"common": sorted(common), "common_exact": sorted(common_exact), "names": sorted(names)}
