"""What dictation reads aloud that the digit patterns cannot see.

- Addresses: a street and its number in words ("granittvegen sju", "kleppevegen tjuetre b") and a
  postcode spoken digit by digit before its place ("to åtte tre null raufoss"). The postcode must be
  in the register and its poststed must follow it, so a run of spoken digits that is a phone number
  or a score is left alone.
- Infants' ages in words right after a child noun, a name between allowed ("gutt sju måneder",
  "datteren ella fire uker"); "i sju måneder", "sju måneder siden" are durations.

Both run only on text written like dictation, almost without capitals: written notes put numbers
in digits, and the patterns would cost every other text their time for nothing.
"""

from __future__ import annotations

import re
from typing import Final

from tilbake.deid import lang_nb
from tilbake.deid.detect.recognizers.base import Finding, Scan, finding
from tilbake.deid.lang_nb import time_words
from tilbake.deid.spans import Label

_DIGITS: Final = {"null": 0, "en": 1, "én": 1, "ett": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
                  "sju": 7, "syv": 7, "åtte": 8, "ni": 9}
_DIGIT: Final = "|".join(sorted(_DIGITS, key=len, reverse=True))
# four or more digit words, then the one or two words of a place
_SPOKEN_CODE: Final = re.compile(rf"(?<![\wæøå])((?:(?:{_DIGIT}) ){{4,}})([a-zæøå\-]+)(?: ([a-zæøå\-]+))?")
_STREET_ENDINGS: Final = ("gata", "gate", "gaten", "veien", "vegen", "vei", "veg", "allé", "alle", "plass",
                          "stien")
# a street word, an optional "nummer", the number in words, an optional house letter
_SPOKEN_STREET: Final = re.compile(
    rf"(?<![\wæøå\-])([a-zæøå][a-zæøå\-]*(?:{'|'.join(_STREET_ENDINGS)}))(?: nummer| nr)? ([a-zæøå]+)"
    r"(?: ([a-h]))?(?![\wæøå])")
_ADDRESS_CUE: Final = re.compile(r"(?:adresse|adr|bor i|bor på|bosatt i|bosatt på|flyttet til)\W*"
                                 r"(?:[a-zæøå]+ )?$")  # one word may come between ("bor i nedre …")


_CAPITAL: Final = re.compile(r"[A-ZÆØÅ]")
_CHARS_PER_CAPITAL: Final = 80  # written notes have a capital every 10-30 characters


_SAMPLE: Final = 400  # characters looked at: dictation is lower case from its first word


def dictated(scan: Scan) -> bool:
    """Text written like dictation: fewer than one capital letter in 80 characters (of its start)."""
    n = min(len(scan.text), _SAMPLE)
    for capitals, _ in enumerate(_CAPITAL.finditer(scan.text, 0, n), start=1):
        if capitals * _CHARS_PER_CAPITAL >= n:
            return False  # most texts stop here, after a few capitals
    return True


def spoken_addresses(scan: Scan) -> list[Finding]:
    """Streets with their number in words after an address cue or before a spoken postcode, and
    spoken postcodes with their poststed."""
    from tilbake.deid.detect.recognizers.ages import number_word  # ages uses this module

    if not dictated(scan):
        return []
    text = scan.lower
    codes = _spoken_postcodes(text)
    out: list[Finding] = list(codes)
    for m in _SPOKEN_STREET.finditer(text):
        if number_word(m.group(2)) is None or m.group(1) in _STREET_ENDINGS:
            continue
        end = m.end(3) if m.group(3) else m.end(2)
        cued = _ADDRESS_CUE.search(text, max(0, m.start() - 24), m.start()) is not None
        gap = text[end:end + 8]
        before_code = any(0 < c.span.start - end <= len(gap) and not gap[:c.span.start - end].strip(" ,")
                          .replace("komma", "") for c in codes)
        if cued or before_code:
            out.append(finding(m.start(1), end, Label.ADDRESS, 0.85, "addresses", "street + number in words"))
    return out


def _spoken_postcodes(text: str) -> list[Finding]:
    out: list[Finding] = []
    for m in _SPOKEN_CODE.finditer(text):
        digits = m.group(1).split()[-4:]
        known = lang_nb.postcodes().get("".join(str(_DIGITS[d]) for d in digits))
        if known is None:
            continue
        first = m.end(1) - len(" ".join(digits)) - 1
        two = f"{m.group(2)} {m.group(3)}" if m.group(3) else None
        stop = m.end(3) if two is not None and two == known.lower() else \
            m.end(2) if m.group(2) == known.lower() else None
        if stop is not None:
            out.append(finding(first, stop, Label.LOCATION, 0.9, "addresses", "spoken postcode + poststed"))
    return out


_CHILD: Final = "|".join(sorted(time_words.CHILD_NOUNS, key=len, reverse=True))
_INFANT: Final = re.compile(rf"(?<![\wæøå])(?:{_CHILD})(?: ([a-zæøå\-]+))? ([a-zæøå]+ (?:måneder|mnd|uker))"
                            r"(?! (?:siden|til|etter|senere|tidligere))(?![\wæøå])")


def infant_ages(scan: Scan) -> list[Finding]:
    from tilbake.deid.detect.recognizers.ages import number_word  # ages uses this module

    out: list[Finding] = []
    if not dictated(scan):
        return out
    for m in _INFANT.finditer(scan.lower):
        value = number_word(m.group(2).split(" ")[0])
        named = m.group(1) is None or m.group(1).capitalize() in lang_nb.first_names()
        if value is not None and value <= 24 and named:  # "gutten ola to uker", not "jenta fikk to uker"
            out.append(finding(m.start(2), m.end(2), Label.AGE, 0.85, "ages", "infant's age in words"))
    return out
