"""Addresses and places: street + house number (Storgata 12B, Kari Nordmanns vei 5), postcode + place
(0150 Oslo), and towns or municipalities after residence cues (bor i Bærum) or on their own.
"""

from __future__ import annotations

from tilbake.deid import lang_nb
from tilbake.deid.lang_nb import words
from tilbake.deid.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    finding,
    register_fragment,
    register_number_handler,
)
from tilbake.deid.spans import Label

FAMILY = "addresses"
_SUFFIXES = tuple(words.STREET_SUFFIXES)
_STRONG = ("gata", "gate", "gaten", "veien", "vegen", "vei", "veg", "allé", "alle", "plass", "gt.", "vn.")
_BARE = frozenset({"vei", "veg", "gate", "gata", "allé", "alle", "plass", "terrasse", "vn.", "gt.", "gt",
                   "vegen", "veien", "torg", "brygge"})
_NOT_PLACE = frozenset(words.NAME_STOPWORDS) | frozenset(words.NON_NAME_CAPWORDS) | frozenset(
    words.EPONYMS) | frozenset(words.DRUG_BRANDS) | frozenset(words.AGENCIES)
_PLACE_PREPS = frozenset({"i", "på", "til", "fra", "ved", "mot", "utenfor", "nær"})


def _street_number(scan: Scan, start: int, end: int) -> Finding | None:
    """A house number after a street name; the span covers the street name and the number."""
    text, lower = scan.text, scan.lower
    if start < 3 or text[start - 1] != " " or end - start > 4 or text[start] == "0":
        return None
    word_end = start - 1
    word_start = word_end
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] in ".-'"):
        word_start -= 1
    word = lower[word_start:word_end]
    if not word.endswith(_SUFFIXES):
        return None
    capital = text[word_start].isupper()
    if not capital and not word.endswith(_STRONG):
        return None
    begin = word_start
    if word in _BARE or capital:
        begin = _extend_back(scan, word_start, need_one=word in _BARE)
        if begin is None:
            return None
    stop = end
    if stop < len(text) and text[stop].isalpha() and (stop + 1 == len(text) or not text[stop + 1].isalnum()):
        stop += 1  # "12B"
    elif text[stop:stop + 2].strip() and text[stop:stop + 1] == " " and text[stop + 1:stop + 2].isupper() and (
            stop + 2 == len(text) or not text[stop + 2].isalnum()):
        stop += 2  # "12 B"
    capital = capital or text[begin].isupper()
    return finding(begin, stop, Label.ADDRESS, 0.95 if capital else 0.8, FAMILY, "street + number")


def _extend_back(scan: Scan, pos: int, *, need_one: bool) -> int | None:
    """Take capitalised words (and genitives) before a street word: "Dronning Eufemias gate"."""
    text = scan.text
    begin, taken = pos, 0
    while taken < 3 and begin >= 2 and text[begin - 1] == " ":
        s = begin - 1
        while s > 0 and (text[s - 1].isalpha() or text[s - 1] in ".-'"):
            s -= 1
        w = text[s:begin - 1]
        if not w or not w[0].isupper() or w in words.NON_NAME_CAPWORDS:
            break
        begin, taken = s, taken + 1
    if need_one and taken == 0:
        return None
    return begin


def _postcode(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/+-"):
        return None
    code = text[start:start + 4]
    known = lang_nb.postcodes().get(code)
    if known is None:
        return None
    rest = text[start + 4:end].strip().split(" ")
    for n in (2, 1):
        if len(rest) < n:
            continue
        place = " ".join(rest[:n])
        stop = text.index(place, start + 4) + len(place)
        if place.lower() == known.lower():
            return finding(start, stop, Label.LOCATION, 1.0, FAMILY, "postcode + poststed", "postcode matches")
        if place.lower() in lang_nb.places_lower() and place not in _NOT_PLACE:
            return finding(start, stop, Label.LOCATION, 0.85, FAMILY, "postcode + place", "known place")
    return None


class AddressRecognizer(Recognizer):
    name = FAMILY
    labels = (Label.ADDRESS, Label.LOCATION)

    def find(self, scan: Scan) -> list[Finding]:
        return list(scan.numeric(FAMILY)) + self._towns(scan)

    def _towns(self, scan: Scan) -> list[Finding]:
        """Towns and municipalities: strongest after a residence cue, weaker after a preposition."""
        out: list[Finding] = []
        places = lang_nb.places()
        text = scan.text
        for start, end, w in scan.capwords:
            if w not in places or w in _NOT_PLACE:
                if not (w.endswith("s") and w[:-1] in places and scan.word_before(start) == "til"):
                    continue
            one, two = scan.word_before(start), scan.word_before(start, 2)
            if two in words.RESIDENCE_CUES or one in words.RESIDENCE_CUES:
                out.append(finding(start, end, Label.LOCATION, 0.9, FAMILY, "town after cue", cues=(two,)))
                continue
            is_name = w in lang_nb.first_names() or w in lang_nb.surnames()
            if one in _PLACE_PREPS and not is_name:
                out.append(finding(start, end, Label.LOCATION, 0.75, FAMILY, "town after preposition"))
            elif not is_name and len(w) >= 4 and start > 0 and text[start - 1] == " " and (
                    start < 2 or text[start - 2] not in ".!?:"):
                out.append(finding(start, end, Label.LOCATION, 0.5, FAMILY, "known town"))
        return out


register_fragment(40, FAMILY, "postcode",
                  r"\d{4}[ ]{1,2}[A-Za-zÆØÅæøå][\wæøåÆØÅ\-]*(?:[ ][A-Za-zÆØÅæøå][\wæøåÆØÅ\-]*)?", _postcode)
register_number_handler(10, FAMILY, _street_number)
