"""Messy writing at fragment level: lower-case names, clinical abbreviations, missing punctuation,
dictation slips, typos and missing spaces. Changes stay inside a fragment, so gold offsets stay exact
and a span never becomes part of a longer word."""

from __future__ import annotations

import random
import re

from tilbake.tooling.synth.rand import chance, pick
from tilbake.tooling.synth.text import Frag, Frags

ABBREVIATIONS = {
    "pasienten": "pas.",
    "Pasienten": "Pas.",
    "undersøkelse": "us.",
    "behandling": "beh.",
    "kontroll": "ko",
    "konsultasjon": "kons.",
    "høyre": "hø.",
    "venstre": "ve.",
    "med": "m/",
    "uten": "u/",
    "ikke": "ikkje",
    "tilsvarende": "tilsv.",
    "bilateralt": "bilat.",
    "eventuelt": "evt.",
    "henvisning": "henv.",
    "sykmeldt": "sm.",
    "blodtrykk": "BT",
    "behandlet": "beh.",
    "smerter": "sm.",
    "ingen": "ingen",
}
_ABBR = re.compile(r"\b(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b")
_INNER_SPACE = re.compile(r"(?<=[^\W\d]) (?=[^\W\d])")
_NAMED = ("PERSON", "ORG", "LOCATION", "ADDRESS")


def _typo(rng: random.Random, text: str) -> str:
    longs = [m for m in re.finditer(r"[^\W\d]{5,}", text)]
    if not longs:
        return text
    m = pick(rng, longs)
    i = rng.randrange(m.start() + 1, m.end() - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def _plain(rng: random.Random, text: str, level: float) -> str:
    if chance(rng, level):
        text = _ABBR.sub(lambda m: ABBREVIATIONS[m.group(1)] if chance(rng, 0.7) else m.group(1), text)
    if chance(rng, level * 0.5):
        text = text.replace(". ", " punktum ", 1) if chance(rng, 0.5) else text.replace(", ", " komma ", 1)
    if chance(rng, level * 0.6):
        text = text.replace(",", "").replace(".", "" if chance(rng, 0.5) else ".")
    if chance(rng, level * 0.4):
        text = _typo(rng, text)
    if chance(rng, level * 0.3):
        spaces = list(_INNER_SPACE.finditer(text))
        if spaces:
            i = pick(rng, spaces).start()
            text = text[:i] + text[i + 1 :]
    if chance(rng, level * 0.15) and text.startswith(" ") and len(text) > 3:
        text = pick(rng, (" eh", " øh", " altså")) + text
    return text


def messy(rng: random.Random, frags: Frags, level: float) -> Frags:
    """Roughen a text; ``level`` (0–1) is how often each kind of slip happens per fragment."""
    lower_names = chance(rng, min(1.0, level * 1.2))
    out: Frags = []
    for f in frags:
        if f.label in _NAMED and lower_names and chance(rng, 0.8):
            out.append(Frag(f.text.lower(), f.label))
        elif f.label is None and f.kind is None:
            out.append(Frag(_plain(rng, f.text, level)))
        else:
            out.append(f)
    return out
