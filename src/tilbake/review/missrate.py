"""Estimating what nobody flagged: an upper bound on the miss rate from reviewed "quiet" sentences.

Reviewers also see a random sample of sentences in which the engine found nothing (``source="quiet"``).
If k of the n reviewed ones turn out to hold PHI, the share of quiet sentences that do is at most the
exact (Clopper-Pearson) one-sided upper bound at the chosen confidence; for k = 0 that is
1 - (1 - confidence) ** (1 / n), close to 3 / n at 95 % (the rule of three).
"""

from __future__ import annotations

import math
import re

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def sentences(text: str, min_words: int = 3) -> list[str]:
    """The sentences of a text with at least ``min_words`` words, stripped."""
    found = (m.group(0).strip() for m in _SENTENCE.finditer(text))
    return [s for s in found if len(s.split()) >= min_words]


def _cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p), summed in log space (n may be large)."""
    if p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 0.0 if k < n else 1.0
    logs = [math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
            + i * math.log(p) + (n - i) * math.log1p(-p) for i in range(k + 1)]
    top = max(logs)
    return min(1.0, math.exp(top) * sum(math.exp(v - top) for v in logs))


def upper_bound(k: int, n: int, confidence: float = 0.95) -> float:
    """The exact one-sided upper confidence bound on a binomial proportion (k events in n trials)."""
    if not 0 <= k <= n or n <= 0:
        raise ValueError(f"need 0 <= k <= n and n > 0, got k={k} n={n}")
    alpha = 1.0 - confidence
    if k == n:
        return 1.0
    if k == 0:
        return 1.0 - alpha ** (1.0 / n)
    low, high = k / n, 1.0
    for _ in range(100):  # bisection: the CDF falls as p rises
        mid = (low + high) / 2
        low, high = (mid, high) if _cdf(k, n, mid) > alpha else (low, mid)
    return high


def report(k: int, n: int, confidence: float = 0.95) -> dict[str, object]:
    if n == 0:
        return {"sampled": 0, "with_phi": 0, "miss_rate": None, "upper_bound": None,
                "confidence": confidence, "note": "no quiet sentence reviewed yet"}
    return {"sampled": n, "with_phi": k, "miss_rate": round(k / n, 6),
            "upper_bound": round(upper_bound(k, n, confidence), 6), "confidence": confidence,
            "rule_of_three": round(3 / n, 6) if k == 0 else None}
