"""Made-up names shaped like real ones, for teaching the model names it has never seen.

NorNE's dev and test articles, like real notes, are about people no list holds ("Knausgård",
"Diarra"); the model meets such a name as an unknown word and must read it from its shape and
context alone. In training, though, most names are listed or seen again and again. Copies of
training sentences whose names are swapped for invented ones (`corpus.with_name_swaps`) give the
model that unknown-name case to learn from.

The invented names come from a letter model (which letters follow which three) of the name lists
the model is trained with, so they look Norwegian or foreign as real names do. A name that is in
those lists, a common word, or a name of the held-out synthetic notes is never produced.
"""

from __future__ import annotations

import bisect
import random
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import accumulate

_ORDER = 3  # letters of context
_START, _END = "^", "$"


class NameShapes:
    """A letter-level Markov model of names; `invent` draws a new name that is none of `avoid`."""

    def __init__(self, names: Iterable[str], avoid: Iterable[str] = ()) -> None:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for name in names:
            if len(name) < 3 or not name.isalpha():
                continue
            padded = _START * _ORDER + name.lower() + _END
            for i in range(_ORDER, len(padded)):
                counts[padded[i - _ORDER : i]][padded[i]] += 1
        # sorted, so the same names come out for the same seed whatever the hash seed
        self._next: dict[str, tuple[list[str], list[int]]] = {
            context: (sorted(c), list(accumulate(c[k] for k in sorted(c)))) for context, c in counts.items()
        }
        self._avoid = {word.lower() for word in avoid}

    def invent(self, rng: random.Random, min_len: int = 3, max_len: int = 12) -> str:
        for _ in range(100):
            name = self._draw(rng, max_len)
            if min_len <= len(name) <= max_len and name not in self._avoid:
                return name.capitalize()
        raise RuntimeError("the name lists are too small to invent names from")

    def _draw(self, rng: random.Random, max_len: int) -> str:
        context, letters = _START * _ORDER, []
        while len(letters) <= max_len:
            choices, cumulative = self._next[context]
            letter = choices[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]
            if letter == _END:
                break
            letters.append(letter)
            context = context[1:] + letter
        return "".join(letters)
