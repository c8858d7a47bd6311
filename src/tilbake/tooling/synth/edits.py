"""Clinician edits of an AI draft at fragment level (so gold spans stay exact), and the word-level
edit ratio that tells a minor edit from a major one.

Minor: one or two words changed in a draft of at least a dozen words (ratio well under 0.15).
Major: most sentences replaced (ratio above 0.5, checked in the tests).
"""

from __future__ import annotations

import random
import re
from collections import Counter

from tilbake.capture.decisions import word_distance
from tilbake.tooling.synth.rand import pick
from tilbake.tooling.synth.text import Frags, plain

MINOR_MAX = 0.15  # word-level edit ratio of a minor edit is at most this...
MAJOR_MIN = 0.5  # ...and of a major edit at least this
_SWAPS = {
    "smerter": "plager",
    "plager": "smerter",
    "lett": "moderat",
    "moderat": "lett",
    "noe": "litt",
    "anbefaler": "foreslår",
    "foreslår": "anbefaler",
    "kontroll": "oppfølging",
    "sannsynlig": "mulig",
    "god": "bra",
    "nedsatt": "redusert",
    "redusert": "nedsatt",
    "venstre": "høyre",
    "høyre": "venstre",
    "ingen": "ikke",
    "ny": "neste",
    "daglig": "annenhver dag",
    "pasienten": "pas.",
    "Pasienten": "Pas.",
    "vurder": "vurderer",
    "med": "og",
    "og": "samt",
    "siden": "etter",
}
_INSERTS = ("fortsatt", "ca.", "tydelig", "kun", "også", "lett")
_WORD = re.compile(r"(\s+)")


def _tweak(rng: random.Random, text: str) -> str:
    tokens = _WORD.split(text)
    idx = [i for i, t in enumerate(tokens) if len(t) >= 2 and t.isalpha()]
    if not idx:
        return text
    i = pick(rng, idx)
    r = rng.random()
    if tokens[i] in _SWAPS and r < 0.6:
        tokens[i] = _SWAPS[tokens[i]]
    elif r < 0.85 and tokens[i][0].islower():
        tokens[i] = f"{pick(rng, _INSERTS)} {tokens[i]}"
    else:
        tokens[i] = tokens[i] + pick(rng, ("e", "t"))  # a tiny spelling slip
    return "".join(tokens)


def minor_edit(rng: random.Random, sentences: list[Frags]) -> list[Frags]:
    """Change one or two words in plain fragments; PHI and negatives stay as they were."""
    out = [list(s) for s in sentences]
    for _ in range(1 if sum(len(f.text.split()) for s in out for f in s) < 25 else 2):
        choices = [
            (si, fi)
            for si, s in enumerate(out)
            for fi, f in enumerate(s)
            if f.label is None and f.kind is None and any(c.isalpha() for c in f.text)
        ]
        if not choices:
            break
        si, fi = pick(rng, choices)
        out[si][fi] = plain(_tweak(rng, out[si][fi].text))
    if out == sentences:  # nothing to tweak: the clinician adds a short remark instead
        out.append([plain(pick(rng, ("OK.", "Avtalt.", "Godkjent.")))])
    return out


def word_edit_ratio(a: str, b: str) -> float:
    """Levenshtein distance over words, divided by the longer text's word count."""
    x, y = a.split(), b.split()
    if not x and not y:
        return 0.0
    return word_distance(x, y) / max(len(x), len(y))


def surely_differs(a: str, b: str, ratio: float) -> bool:
    """True only if ``word_edit_ratio(a, b) >= ratio``, found cheaply: words the texts do not share (as
    multisets) cost an edit each, which bounds the distance from below. False means "not proven"."""
    x, y = a.split(), b.split()
    longest = max(len(x), len(y))
    if not longest:
        return ratio <= 0
    shared = sum((Counter(x) & Counter(y)).values())
    return (longest - shared) / longest >= ratio


def differs_by_at_least(a: str, b: str, ratio: float) -> bool:
    """``word_edit_ratio(a, b) >= ratio``, mostly without the quadratic computation."""
    return surely_differs(a, b, ratio) or word_edit_ratio(a, b) >= ratio
