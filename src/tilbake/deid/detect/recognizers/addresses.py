"""Addresses and places: street + house number (Storgata 12B, Kari Nordmanns vei 5), postcode + place
(0150 Oslo), and towns or municipalities after residence cues (bor i Bærum) or on their own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from tilbake.deid import lang_nb
from tilbake.deid.detect.name_words import zipf
from tilbake.deid.detect.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    after_words,
    finding,
    has_cue,
    register_fragment,
)
from tilbake.deid.detect.recognizers.dictation import spoken_addresses
from tilbake.deid.lang_nb import letters, words
from tilbake.deid.spans import Label

FAMILY: Final = "addresses"
_SUFFIXES: Final = tuple(words.STREET_SUFFIXES)
_STRONG: Final = (
    "gata", "gate", "gaten", "veien", "vegen", "vei", "veg", "allé", "alle", "plass", "gt.", "vn."
)
_BARE: Final = frozenset({
    "vei", "veg", "gate", "gata", "allé", "alle", "plass", "terrasse", "vn.", "gt.", "gt", "vegen", "veien",
    "torg", "brygge"
})
_NOT_PLACE: Final = frozenset(words.NAME_STOPWORDS) | frozenset(words.NON_NAME_CAPWORDS) | frozenset(
    words.EPONYMS) | frozenset(words.DRUG_BRANDS) | frozenset(words.AGENCIES)
# "Ski, søndag 15. januar" / "Skien,  8.1.2026": a place and a date heading a letter
_LETTER_HEAD: Final = re.compile(r"(?:, +(?:[a-zæøå]+dag )?\d|(?:,| komma)? +(?:[a-zæøå]+dag )?"
                                 r"(?:\d{1,2}[./ ]|\d{4}-"
                                 r"|(?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)[a-zæøå]*\.? \d{4}))")
_NEXT_WORD: Final = re.compile(r"[ \t]+([^\W\d_][\wæøåÆØÅ\-]*)")
# (and their English counterparts: messages and notes for tourists are written in English too)
_PLACE_PREPS: Final = frozenset({"i", "på", "til", "fra", "ved", "mot", "utenfor", "nær", "from", "near"})
_IN: Final = frozenset({"i", "på", "in"})  # a known town right after these is a place even if a surname
_COMPOUND: Final = re.compile(rf"({letters.CAPWORD}) (i|på) ({letters.CAPWORD})")
# places that are also everyday words ("gå på ski", "i sola", "i hell") count only when capitalised
_WORD_PLACES: Final = frozenset({
    "ski", "sand", "dal", "vik", "bø", "nes", "hov", "moen", "strand", "stranda", "åsen", "fjell", "vang",
    "os", "ål", "dalen", "sola", "hell", "lund", "rud", "bud", "sel", "ås", "moi", "by", "li", "mo", "berg",
    "lia", "eng",
})
_FROM_TO: Final = re.compile(r"fra ([^\W\d_][\w\-]*) til ([^\W\d_][\w\-]*)")  # literal first: a fast search


@cache
def _regions() -> frozenset[str]:
    """Regions named in the gazetteer's "X i Y" / "X på Y" places: vesterålen, telemark, hedmarken ..."""
    return frozenset(p.split(f" {prep} ", 1)[1] for p in lang_nb.places_lower()
                     for prep in ("i", "på") if f" {prep} " in p)


_HEADER_PARTS: Final = ("adresse", "dresse", "daresse", "adr.", "bosted", "bsoted")
_HOUSE_LETTERS: Final = frozenset("abcdefgh")  # "grankollveien 12 b" in lower-case notes
_ADDRESS_CUES: Final = (
    "bosted", "bsoted", "bor", "adresse", "adr", "postadresse", "bostedsadresse", "gateadresse"
)
_STOP: Final = frozenset({"i", "på", "bor", "til", "fra", "og", "komma", "ved", "mot", "er", "har", "nå"})


# strong cues of birth and home; "fra" alone, "i" alone are too weak for words in no list
_UNLISTED_CUE: Final = re.compile(
    r"(?<![\w\-])((?:født|oppvokst|vokst opp|bor|bor alene|bor nå|bosatt|bodd|flyttet|flytta|flytter|"
    r"hytta|hytte|hjemmehørende) (?:i|på|til)|kommer fra|kommer opprinnelig fra|fødested:?|bosted:?|"
    r"fødeby:?|hjemsted:?|(?P<work>(?:jobb|jobber|jobbet|jobben|arbeider|arbeidet|ansatt) (?:på|i)))"
    r"[ \t]+(?:(?:gården|garden|gard|gård|bygda|byen|tettstedet) )?")
# "jobb på kiwi på storo": the workplace, then the part of town it lies in
_THEN_AT: Final = re.compile(r"[^\W\d_][\w\-]* på (?=[^\W\d_])")
_WORD_AT: Final = re.compile(r"([^\W\d_][^\W\d_\-]*(?:-[^\W\d_]+)?)(?![\w\-])")
_THEN_IN: Final = re.compile(r",? (?:i|på) (?=[^\W\d_])")
_AREA: Final = re.compile(r"(?<![\w\-])([^\W\d_]{3,})-omr(?:ådet|\.)")
_COMMON_ZIPF: Final = 3.3  # more common than this in written bokmål: an ordinary word, not a place name
_TAIL_ZIPF: Final = 3.5
_KNOWN_ZIPF: Final = 2.0  # a lower-case word bokmål uses (rarer ones may be a name written in lower case)
_FARM_ZIPF: Final = 3.8  # a surname after a cue of home is its farm unless it is this common a word
# towns and municipalities that are also everyday words ("Hell", "Nes", "Sand", "Vik"): a place only
# when capitalised mid-sentence right after a preposition of place or a cue ("på Hell", "fra Nes")
_WORD_TOWNS: Final = frozenset(
    w for w in lang_nb.places() if w in words.NAME_STOPWORDS and w not in {"Nå", "Time", "Ask"})


_zipf = zipf  # (cached, and wordfreq's own cache held small: name_words.py)


@lru_cache(maxsize=1 << 16)  # bounded: a corpus run meets ever new words
def _unlisted_place(word: str) -> bool:
    """Whether a word after a strong cue can be a place in no list: not a common word, not a word of the
    project's lists (months, agencies, drugs), and, in lower case, no compound of a common word."""
    lower = word.lower()
    if word in _WORD_TOWNS:
        return True  # "oppvokst på Nes", "født på Hell": capitalised after the cue, so the place
    if len(word) < 3 or lang_nb.country(lower) or word.capitalize() in _NOT_PLACE or word in _NOT_PLACE:
        return False
    if lower in lang_nb.places_lower():
        return True
    if word.islower() and word.capitalize() in lang_nb.surnames() and _zipf(lower) < _FARM_ZIPF:
        return True  # "hytta på hovden": a farm name (most surnames are), not a common noun
    if word.isupper() or not (word[0].isupper() or word.islower()):
        return False
    if _zipf(lower) >= _COMMON_ZIPF:
        return False
    if word.islower():
        return not any(_zipf(lower[i:]) >= _TAIL_ZIPF for i in range(2, len(lower) - 3))
    return True


def _street_number(scan: Scan, start: int, end: int) -> Finding | None:
    """A house number after a street name; the span covers the street name and the number."""
    text = scan.text
    if end - start > 4 or start < 3 or text[start] == "0":
        return None
    word_end = start - 1
    word_start = word_end
    while word_start > 0 and ((c := text[word_start - 1]).isalpha() or c in ".-'"):
        word_start -= 1
    word = text[word_start:word_end].lower()
    if not word.endswith(_SUFFIXES):
        return None
    bare = word in _BARE
    begin = _extend_back(scan, word_start, bare=bare) if bare or text[word_start].isupper() else word_start
    if begin is None:
        return None
    capital = text[begin].isupper()
    cued = not capital and bool(has_cue(scan.window(begin, 24), _ADDRESS_CUES))
    if not capital and not cued and not word.endswith(_STRONG):
        return None
    stop = end
    if stop < len(text) and text[stop].isalpha() and (stop + 1 == len(text) or not text[stop + 1].isalnum()):
        stop += 1  # "12B"
    elif text[stop:stop + 1] == " " and (text[stop + 1:stop + 2].isupper() or (
            not capital and text[stop + 1:stop + 2] in _HOUSE_LETTERS)) and (
            stop + 2 == len(text) or not text[stop + 2].isalnum()):
        stop += 2  # "12 B"
    return finding(begin, stop, Label.ADDRESS, 0.95 if capital or cued else 0.8, FAMILY, "street + number")


def _extend_back(scan: Scan, pos: int, *, bare: bool) -> int | None:
    """Take the words of the street's name before its last word: "Dronning Eufemias gate",
    "kristian ivs vei" (lower case only before a bare "vei"/"gate"/"plass")."""
    text = scan.text
    begin, taken = pos, 0
    while taken < 3 and begin >= 2 and text[begin - 1] == " ":
        s = begin - 1
        while s > 0 and (text[s - 1].isalpha() or text[s - 1] in ".-'"):
            s -= 1
        w = text[s:begin - 1]
        if not w or w in words.NON_NAME_CAPWORDS or w.lower() in _STOP or not (w[0].isupper() or bare):
            break
        if any(h in w.lower() for h in _HEADER_PARTS):
            break  # "Postadresse Munkegata 33", also misspelt ("Psotadresse", "Postdaresse")
        begin, taken = s, taken + 1
    if bare and taken == 0:
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
            return finding(start, stop, Label.LOCATION, 1.0, FAMILY, "postcode + poststed",
                           "postcode matches")
        if place.lower() in lang_nb.places_lower() and place not in _NOT_PLACE:
            return finding(start, stop, Label.LOCATION, 0.85, FAMILY, "postcode + place", "known place")
    return None


class AddressRecognizer(Recognizer):
    """Street + house number and postcode + place (the structured part)."""

    name = FAMILY
    labels: tuple[Label, ...] = (Label.ADDRESS, Label.LOCATION)

    def find(self, scan: Scan) -> list[Finding]:
        found = list(scan.numeric(FAMILY))
        if "boks" in scan.lower or "pb" in scan.lower:
            found.extend(finding(m.start(), m.end(), Label.ADDRESS, 0.95, FAMILY, "post box")
                         for m in _POST_BOX.finditer(scan.text))
        found.extend(_bare_streets(scan, found))
        found.extend(spoken_addresses(scan))
        return found


# "Postboks 123 Sentrum", "Pb. 44", "postboks 9000", "Postboks 4956 Nydalen, 0424 Oslo": the box and
# the part of town that closes it are the address (the postcode after it a place)
_POST_BOX: Final = re.compile(r"(?<![\w\-])(?:[Pp]ostboks|POSTBOKS|[Pp]b\.|PB|[Bb]oks) ?\d{1,5}(?!\d)"
                              rf"(?: (?:sentrum|{letters.CAPWORD})(?= ?(?:,|\n|$)))?")
# A street named without a street word, known by what follows its number: a postcode and place
# ("Lia 14, 3125 Tønsberg") or a flat ("Nyland 14 leil. 3", "Åsen 2, H0201").
_BARE_STREET: Final = re.compile(rf"(?<![\w\-])((?:{letters.CAPWORD} ){{0,2}}{letters.CAPWORD}) "
                                 r"([1-9]\d{0,2}(?: ?[A-Za-z])?) ?,? ?\Z")
_FLAT: Final = re.compile(r" ?,? (?:leil\.|leilighet|leil |oppgang|H0\d{3}\b)")
_EVERYDAY: Final = 4.5  # zipf: a sentence's first word ("Besøk", "Ring") opens no street's name
_FREQUENT: Final = 5.0  # zipf: "Uke", "Dag", "Rom", "Side" are no street before a number ("Lia", "Tunet" are)
_NOT_STREET: Final = frozenset(words.NON_NAME_CAPWORDS) | frozenset(words.EPONYMS) | frozenset(
    words.DRUG_BRANDS) | frozenset(words.AGENCIES)


def _street_name(word: str) -> bool:
    low = word.lower()
    acronym = word.isupper() and len(word) <= 4
    listed = word in _NOT_STREET or low in words.SCORE_WORDS or any(h in low for h in _HEADER_PARTS)
    return not acronym and not listed and zipf(low) < _FREQUENT


def _bare_streets(scan: Scan, found: list[Finding]) -> list[Finding]:
    text = scan.text
    ends = [f.span.start for f in found
            if f.span.label == Label.LOCATION and f.pattern.startswith("postcode")]
    if "leil" in scan.lower or " H0" in text or "oppgang" in scan.lower:
        ends.extend(m.start() for m in _FLAT.finditer(text))
    taken = [(f.span.start, f.span.end) for f in found if f.span.label == Label.ADDRESS]
    out: list[Finding] = []
    for end in ends:
        m = _BARE_STREET.search(text, max(0, end - 60), end)
        if m is None or any(a < m.end(2) and m.start(1) < b for a, b in taken):
            continue
        names = m.group(1).split(" ")
        while len(names) > 1 and (names[0] in _NOT_PLACE or zipf(names[0].lower()) >= _EVERYDAY
                                  or any(h in names[0].lower() for h in _HEADER_PARTS)):
            names.pop(0)  # "Adresse Lia 7", "Besøk Tunet 3"
        if not _street_name(names[-1]):
            continue  # "VAS 7, 4000 …", "Uke 12 …", "Side 2 …": a score, a week, a page
        start = m.end(1) - len(" ".join(names))
        out.append(finding(start, m.end(2), Label.ADDRESS, 0.92, FAMILY, "street without a street word"))
    return out


class PlaceRecognizer(Recognizer):
    """Towns and municipalities from the gazetteer (the name-like part)."""

    name = "places"
    labels: tuple[Label, ...] = (Label.LOCATION,)

    def find(self, scan: Scan) -> list[Finding]:
        return (self._capitalised(scan) + self._after_cues(scan) + self._compound(scan) + self._between(scan)
                + self._unlisted(scan) + self._area(scan) + self._before_country(scan))

    def _before_country(self, scan: Scan) -> list[Finding]:
        """A town in no list named with its country: "Turist fra Cork, Irland", "født i Gdańsk, Polen"."""
        out: list[Finding] = []
        text = scan.text
        if ", " not in text:
            return out
        words_ = scan.capwords  # computed once for every recognizer: cheaper than a regex of its own
        for (start, end, word), (nxt, _, country) in zip(words_, words_[1:], strict=False):
            if text[end:nxt] not in (", ", " , ") or not lang_nb.country(country):  # also tokenized
                continue
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                continue
            if lang_nb.country(word) or word in _NOT_PLACE or \
                    word in lang_nb.first_names() or word.isupper() or \
                    word.lower() not in lang_nb.places_lower() and _zipf(word.lower()) >= _TAIL_ZIPF:
                continue  # "Ferie, Spania", "Flyktning, Syria": a word, not a town
            out.append(finding(start, end, Label.LOCATION, 0.85, self.name, "town, country"))
        return out

    def _unlisted(self, scan: Scan) -> list[Finding]:
        """Small places in no list after a strong cue of birth or home ("født i Xdal", "oppvokst på
        gården X i Y", "bor alene i hovin", "Bosted: X"): a word bokmål rarely uses, in any case; a
        lower-case one must not end in a common word ("omsorgsbolig")."""
        out: list[Finding] = []
        for m in _UNLISTED_CUE.finditer(scan.lower):
            pos = m.end()
            if m.group("work") is not None:  # a workplace is no place: only where it lies counts
                hop = _THEN_AT.match(scan.text, pos)
                if hop is None:
                    continue
                pos = hop.end()
            for _ in range(2):  # "gården Nordbø i Sauherad": the farm, then the place it lies in
                w = _WORD_AT.match(scan.text, pos)
                if w is None or not _unlisted_place(w.group(1)):
                    break
                out.append(finding(w.start(1), w.end(1), Label.LOCATION, 0.8, self.name,
                                   "unlisted place after cue", cues=(m.group(1),)))
                nxt = _THEN_IN.match(scan.text, w.end(1))
                if nxt is None:
                    break
                pos = nxt.end()
        return out

    def _area(self, scan: Scan) -> list[Finding]:
        """"Tyholmen-området", "hovin-omr.": the name before "-området" is a place."""
        out: list[Finding] = []
        if "-omr" not in scan.lower:
            return out
        for m in _AREA.finditer(scan.text):
            word = m.group(1)
            if word.lower() in lang_nb.places_lower() or _unlisted_place(word):
                out.append(finding(m.start(1), m.end(1), Label.LOCATION, 0.8, self.name, "X-området"))
        return out

    def _compound(self, scan: Scan) -> list[Finding]:
        """Places of several words joined by "i"/"på": "Mo i Rana", "Bø i Telemark", "Stø i Vesterålen".
        The gazetteer's own "X i Y" names give the regions ("Vesterålen", "Hedmarken"), so a known
        place before "i <region>" counts too."""
        out: list[Finding] = []
        text, lower = scan.text, scan.lower
        for start, end, _ in scan.capwords:
            if not text.startswith((" i ", " på "), end):
                continue
            m = _COMPOUND.match(text, start)
            if m is None:
                continue
            phrase = lower[m.start():m.end()]
            first, region = m.group(1).lower(), m.group(3).lower()
            if phrase in lang_nb.places_lower() or (first in lang_nb.places_lower() and region in _regions()):
                out.append(finding(m.start(), m.end(), Label.LOCATION, 0.95, self.name, "place i region"))
        return out

    def _between(self, scan: Scan) -> list[Finding]:
        """Both ends of a trip in any case: "pendler fra røros til stord"."""
        out: list[Finding] = []
        places = lang_nb.places_lower()
        lower = scan.lower
        for m in _FROM_TO.finditer(lower):
            if m.group(1) in places and m.group(2) in places:  # also glued: "pendlerfra røros til stord"
                out.append(finding(m.start(1), m.end(1), Label.LOCATION, 0.85, self.name, "fra X til Y"))
                out.append(finding(m.start(2), m.end(2), Label.LOCATION, 0.85, self.name, "fra X til Y"))
        return out

    def _after_cues(self, scan: Scan) -> list[Finding]:
        """A place in any case right after a residence cue ("hjemmehørende i larvik")."""
        out: list[Finding] = []
        lower, places = scan.lower, lang_nb.places_lower()
        for cue in (*words.RESIDENCE_CUES, " i ", " på "):
            i = lower.find(cue)
            while i >= 0:
                m = _NEXT_WORD.match(scan.text, i + len(cue.rstrip()))  # any run of blanks after the cue
                starts_word = i == 0 or not lower[i - 1].isalpha() or cue[0] == " "
                word = m.group(1) if m else ""
                if m and starts_word and word.lower() in places and word.islower() and \
                        word.capitalize() not in words.NAME_STOPWORDS and word not in _WORD_PLACES:
                    out.append(finding(m.start(1), m.end(1), Label.LOCATION, 0.85, self.name,
                                       "place after cue", cues=(cue,)))
                i = lower.find(cue, i + 1)
        return out

    def _capitalised(self, scan: Scan) -> list[Finding]:
        """Towns and municipalities: strongest after a residence cue, weaker after a preposition."""
        out: list[Finding] = []
        places = lang_nb.places()
        text = scan.text
        for start, end, w in scan.capwords:
            if w in _WORD_TOWNS and start > 1 and scan.word_before(start) in _PLACE_PREPS and \
                    text[start - 1] == " " and text[max(0, start - 5):start - 1].rstrip()[-1:].islower():
                out.append(finding(start, end, Label.LOCATION, 0.8, self.name, "word town after preposition"))
                continue
            if (w not in places or w in _NOT_PLACE) and not (
                    w.endswith("s") and w[:-1] in places and scan.word_before(start) == "til"):
                continue
            if (start == 0 or text[start - 1] == "\n") and _LETTER_HEAD.match(text, end):
                out.append(finding(start, end, Label.LOCATION, 0.9, self.name, "place, date (letter head)"))
                continue
            one, two = scan.word_before(start), scan.word_before(start, 2)
            if two in words.RESIDENCE_CUES or one in words.RESIDENCE_CUES:
                out.append(finding(start, end, Label.LOCATION, 0.9, self.name, "town after cue", cues=(two,)))
                continue
            is_name = w in lang_nb.first_names() or w in lang_nb.surnames()
            if one in _IN or (one in _PLACE_PREPS and not is_name):
                out.append(finding(start, end, Label.LOCATION, 0.75, self.name, "town after preposition"))
            elif not is_name and len(w) >= 4 and start > 0 and text[start - 1] == " " and (
                    start < 2 or text[start - 2] not in ".!?:"):
                out.append(finding(start, end, Label.LOCATION, 0.5, self.name, "known town"))
        return out


register_fragment(40, FAMILY, "postcode + place",
                  r"\d{3} {1,2}[^\W\d_][\wæøåÆØÅ\-]*(?: [^\W\d_][\wæøåÆØÅ\-]*)?", _postcode)
register_fragment(70, FAMILY, "street + number", after_words(_SUFFIXES) + r"\d{0,3}(?!\d)", _street_number)


# "Jardiance 10 mg", "Metadon 90 mg", "Holter 24 t": a word before a dose or a duration is a drug or a test
_DOSE_AFTER: Final = re.compile(r" ?\d+(?:[.,]\d+)? ?(?:mg|g|ml|mcg|µg|mikrog|ie|IE|t|mmol|%)\b")
_PLACE_PREPS_BEFORE: Final = (" i", " på", " fra", " til")


def not_a_place(text: str, start: int, end: int) -> bool:
    """Whether a LOCATION span (from any detector) is no place to hide: a country or continent, a word
    before a dose ("Jardiance 10 mg"), or one lower-case bokmål word that is no known place and does not
    follow "i"/"på"/"fra"/"til" ("ved innkomst", "lengde 51 cm", "kan jeg få antibiotika")."""
    word = text[start:end]
    if lang_nb.country(word):
        return True
    if " " in word:
        return False
    if _DOSE_AFTER.match(text, end):
        return True
    if word.islower() and word not in lang_nb.places_lower() and _zipf(word) >= _KNOWN_ZIPF:
        return not text[:start].rstrip(" ").endswith(_PLACE_PREPS_BEFORE)
    return False
