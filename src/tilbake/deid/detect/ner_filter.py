"""Which model PERSON spans to keep: a clinical never-a-name list, and dictation slips of it.

The model was trained on a few note templates; notes from other templates put words it never saw at
the head of a line ("ROM:", "Ring oss på ...", "BEHANDLING Ring", "STTAUS"), and it reads some of them
as names. Such words are listed in ``ner_never.txt`` (headings, field labels, clinical abbreviations,
sentence-opening verbs), and so are compounds ending in one ("Sluttnotat"). A PERSON span is
dropped when every word in it is a never-word or a common word that is no known name; never-words
at its edges are cut off ("ANAMNESE Kari Moe" -> "Kari Moe").
Slips of never-words (two neighbouring letters swapped, one letter lost or doubled) count as never-words
unless the slip is itself a known name. A lone common word followed by a number is counting, not
naming ("Dag to etter skaden", "Dag øh 3"), also when it is a name. Place and organisation spans are
left alone ("Høyre").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from tilbake.deid.lang_nb.words import NUMBER_WORDS

NEVER_FILE = Path(__file__).with_name("ner_never.txt")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_MIN_SLIP_LENGTH = 5  # shorter words have too many neighbours among real names
_MIN_HEAD, _MIN_TAIL = 3, 5  # compounds: "Konsultasjonsdato" = "konsultasjons" + "dato"
_FILLERS = frozenset({"øh", "eh", "ehm", "hm", "mm"})  # dictation fillers between a word and its number


@lru_cache(maxsize=1)
def _listed() -> tuple[str, ...]:
    words: list[str] = []
    for line in NEVER_FILE.read_text("utf-8").splitlines():
        words.extend(line.split("#", 1)[0].lower().split())
    return tuple(words)


def never_words() -> frozenset[str]:
    """The listed words, lower case."""
    return frozenset(word.lstrip("+") for word in _listed())


def cue_words() -> frozenset[str]:
    """Listed words marked as cues: never names, but a name often follows, so they wake the model."""
    return frozenset(word[1:] for word in _listed() if word.startswith("+"))


def _slips(word: str) -> Iterator[str]:
    for i in range(len(word) - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swapped neighbours
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]  # a letter lost
        yield word[:i] + word[i] + word[i:]  # a letter doubled


@lru_cache(maxsize=4)
def never_with_slips(names: frozenset[str]) -> frozenset[str]:
    """Never-words and their slips, minus slips that are known names (``names``: lower case)."""
    words = set(never_words())
    for word in never_words():
        if len(word) >= _MIN_SLIP_LENGTH:
            words.update(slip for slip in _slips(word) if slip not in names)
    return frozenset(words)


def never_compound(lower: str, never: frozenset[str]) -> bool:
    """Whether ``lower`` ends in a never-word of five letters or more ("sluttnotat", "hpr-nummer").

    Norwegian compounds take the meaning of their last part; no surname ends in "notat" or
    "rapport". Callers check known names first ("Ekrom" is a surname whatever its tail).
    """
    return any(lower[i:] in never for i in range(_MIN_HEAD, len(lower) - _MIN_TAIL + 1))


def person_span(
    entity: str, common: frozenset[str], names: frozenset[str], never: frozenset[str]
) -> tuple[int, int] | None:
    """The part of a model PERSON ``entity`` worth keeping, as offsets into it, or None to drop it.

    ``never``: from ``never_with_slips``; ``common``/``names``: the gate lexicon's lower-case sets.
    """
    tokens = [(m.start(), m.end(), m.group().lower().rstrip(".")) for m in _TOKEN.finditer(entity)]
    if not tokens:
        return None
    nevers = [w in never or (w not in names and never_compound(w, never)) for _, _, w in tokens]
    if all(n or (w in common and w not in names) for n, (_, _, w) in zip(nevers, tokens, strict=True)):
        return None
    lo, hi = 0, len(tokens)
    while nevers[lo]:
        lo += 1
    while nevers[hi - 1]:
        hi -= 1
    if lo == 0 and hi == len(tokens):
        return 0, len(entity)
    return tokens[lo][0], tokens[hi - 1][1]


_PLAIN_LOWER = re.compile(r"[^\W\d_]+")


def lower_tail(entity: str) -> int:
    """Where a capitalised name ends when the model ran on into plain lower-case words ("Signy
    Fardals hals", "Espens respons"): the end of its last word that is not one. Whole entities in
    lower case (messy notes), and parts with a hyphen or apostrophe ("al-Hassan"), are left alone.
    """
    words = entity.split(" ")
    if len(words) < 2 or not words[0][:1].isupper():
        return len(entity)
    end = len(words)
    while end > 1 and _PLAIN_LOWER.fullmatch(words[end - 1]) and words[end - 1].islower():
        end -= 1
    return len(" ".join(words[:end]))


def counting(entity: str, after: str, common: frozenset[str]) -> bool:
    """Whether ``entity`` is one common word followed by a number (``after``: the text after it).

    "Dag to etter skaden", "Dag øh 3": a day, not the name Dag. Names are rarely followed by a
    number word; "en"/"ett" (also articles) do not count.
    """
    if entity.lower() not in common or not entity.isalpha():
        return False
    for word in after.split(maxsplit=3):
        word = word.lower().strip(",.")
        if word not in _FILLERS:
            return word.isdigit() or word in NUMBER_WORDS
    return False
