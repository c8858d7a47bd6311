"""Small helpers over ``random.Random``: weighted pools and chance."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Pool(Generic[T]):
    """Items drawn by weight in O(log n) (cumulative weights computed once)."""

    __slots__ = ("items", "_cum", "_total")

    def __init__(self, items: Sequence[T], weights: Sequence[float] | None = None) -> None:
        if not items:
            raise ValueError("a pool needs at least one item")
        self.items = list(items)
        self._cum = list(accumulate(weights if weights is not None else [1.0] * len(self.items)))
        self._total = self._cum[-1]

    def draw(self, rng: random.Random) -> T:
        return self.items[bisect(self._cum, rng.random() * self._total)]

    def __contains__(self, item: object) -> bool:
        return item in self.items

    def __len__(self) -> int:
        return len(self.items)


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]
