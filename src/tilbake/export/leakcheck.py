"""An independent leak check: a second opinion built differently from the engine that anonymized.

The leak gate (``leakscan``) reruns the de-identification engine, so it finds again only what that
engine can find. This check shares none of its logic: it reads the anonymized text token by token and
asks of what is left whether it *could* be PHI, erring on the side of recall.

- ``NAME_LIST``: a token that is a listed first name or surname (SSB's lists in
  ``tilbake.deid.lang_nb``), capitalised in the middle of a sentence, or at a sentence start and not a
  common word; in a text written in lower case (dictation), lower-case tokens too.
- ``PLACE_LIST``: the same for poststeder, kommuner and towns.
- ``NAME_SHAPE``: a context field (a text starting with one of ``prompts.CONTEXT_LABELS``, "Hovedplage: ")
  whose whole value is one to four capitalised words, each a listed name or place or a word bokmål does
  not use ("Zyxwvu Canarysen"): a field that is only a name is suspect even where no list knows it.
- ``DIGITS``: a digit run of identifier shape: six or more digits in a row, or 8 and 11 digits in the
  groupings phone numbers, fødselsnummer and account numbers are written in (3-2-3, 2-2-2-2, 4-4,
  6-5, 4.2.5, 3-3-3).
- ``DATE``: a full date (``12.03.2024``, ``12/3-24``, ``2024-03-12``) or a month name with a day
  number or ordinal (``12. mars``, ``femte mars``).

A token is *explained*, and never a hit, when it lies in a range the anonymizer wrote (a tag, a role
word, a surrogate) or in a bracketed tag, when it is an agency, eponym, drug name or a word the
recognizers know is no name (``lang_nb.words``), when the user's allow list has it, or when it is a
common word: bokmål frequency from ``wordfreq`` shows inflected forms of it (``berg`` -> ``berget``)
or the word itself is very frequent. Capitalised in the middle of a sentence a listed name counts even
when it is also a word: that is where a name is. A hit carries offsets and a reason, never the text.

Pure: no I/O beyond the package's own word lists and wordfreq's bundled frequencies, loaded once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from tilbake.deid import lang_nb
from tilbake.deid.lang_nb import words
from tilbake.deid.lang_nb.letters import LETTER
from tilbake.deid.spans import Range
from tilbake.export.prompts import CONTEXT_LABELS

NAME_LIST, PLACE_LIST, DIGITS, DATE, AGE = "NAME_LIST", "PLACE_LIST", "DIGITS", "DATE", "AGE"
CAPWORD, NAME_SHAPE = "CAPWORD", "NAME_SHAPE"
REASONS = (NAME_LIST, PLACE_LIST, CAPWORD, NAME_SHAPE, DIGITS, DATE, AGE)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    reason: str  # one of REASONS


# --- words -------------------------------------------------------------------------------------

_TOKEN = re.compile(f"{LETTER}+(?:['’]s)?")
_TAG = re.compile(r"\[[^\[\]\n]{1,30}\]")  # [NAVN], [DATO], […]: written by an anonymizer
_SENTENCE_END = ".!?:;\n•*-–—\"«»()[]/|"
#: zipf frequency (log10 per billion words) at which a word is common whatever its forms
_VERY_COMMON = 5.0
#: a lower-case listed name in a text written with capitals counts only when rarer than this as a word
_LOWER_MAX = 3.0
#: a drug or product: a dose or strength right after the word ("Cozaar 50 mg", "NovoRapid 8 E")
_DOSE_AFTER = re.compile(r"\s*(?:\d+(?:[.,]\d+)?\s?(?:mg|g|µg|mcg|ug|ml|e|ie|mmol|%)\b"
                         r"|krem|salve|mikstur|tbl|tablett|kapsel|depot|inj|spray|dråper|plaster)",
                         re.IGNORECASE)
#: zipf frequency an inflected form needs to count as evidence of a common noun or verb
_FORM_EVIDENCE = 3.0
#: noun and verb endings: tale -> talen, taler; berg -> berget; hørte -> hørtes is not used ("-s" is
#: also a name's genitive)
_ENDINGS = ("en", "et", "ene", "a", "er", "ende", "te", "n", "r", "t", "ne", "de")
#: how many inflected forms must be frequent: one for most words ("kraft" -> "kraften"), two for
#: words in -e, where one more letter makes a word by chance ("anne" -> "annen"; "tale" -> "talen", "taler")
_FORMS_NEEDED, _FORMS_NEEDED_E = 1, 2


@cache
def _zipf() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {w: 9 + math.log10(f) for w, f in get_frequency_dict("nb").items() if f > 1e-9}


@cache
def _listed() -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case names, lower-case places)."""
    names = frozenset(n.lower() for n in lang_nb.known_names() if len(n) > 1)
    return names, frozenset(p.lower() for p in lang_nb.places() if len(p) > 1)


@cache
def _never() -> frozenset[str]:
    """Lower-case words the recognizers already know are not PHI (agencies, eponyms, drugs, stop words)."""
    out: set[str] = set()
    for group in (words.AGENCIES, words.EPONYMS, words.DRUG_BRANDS, words.NAME_STOPWORDS,
                  words.NON_NAME_CAPWORDS, words.CLINICAL_CAPWORDS, words.MONTHS, words.WEEKDAYS,
                  words.PRACTITIONER_WORDS, words.PATIENT_WORDS, ("pasient", "behandler")):
        for item in group:
            out.update(item.lower().replace("-", " ").split())
    return frozenset(out)


@cache
def common_word(word: str) -> bool:
    """Whether a lower-case word is a common bokmål word: very frequent itself, or inflected forms of it
    are (a name has no ``-en`` / ``-et`` / ``-er`` forms; a form that is itself a listed name or place,
    "larsen", "haugen", is no evidence)."""
    zipf = _zipf()
    names, places = _listed()
    if zipf.get(word, 0.0) >= _VERY_COMMON:
        return True
    forms = sum(1 for e in _ENDINGS if zipf.get(word + e, 0.0) >= _FORM_EVIDENCE
                and word + e not in names and word + e not in places)
    return forms >= (_FORMS_NEEDED_E if word.endswith("e") else _FORMS_NEEDED)


#: endings of international non-proprietary drug names (WHO INN stems): "amlodipin", "ramipril"
_DRUG_STEMS = ("pin", "pril", "sartan", "olol", "statin", "azol", "prazol", "mab", "nib", "cillin", "mycin",
               "floxacin", "zepam", "triptan", "parin", "xaban", "gliptin", "glutid", "formin", "profen",
               "dronat", "lukast", "tidin", "setron", "vudin", "vir", "tinib", "caín", "kain", "sonid",
               "metason", "olon", "teron", "tiazid", "semid", "pramin", "oksetin", "oxetin", "faxin",
               "apin", "idon", "pidem", "klon", "clon")
_PART = 2.5  # zipf a part of a compound needs


@cache
def _compound(word: str) -> bool:
    """``word`` is a known word, or a known word (with a linking -s- or -e-) followed by a compound."""
    zipf = _zipf()
    if zipf.get(word, 0.0) >= _PART:
        return True
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        if (zipf.get(head, 0.0) >= _PART or head[-1] in "se" and zipf.get(head[:-1], 0.0) >= _PART) \
                and _compound(tail):
            return True
    return False


@cache
def unknown_word(word: str) -> bool:
    """A word bokmål text does not use: not in wordfreq, no compound of words it has ("diagnosekode",
    "statsforvalteren"), no drug name by its INN ending. Proper names no list knows ("Kaveh",
    "Jærhagen") are such words; unlisted brand names are too, kept out by the dose after them."""
    if len(word) < 4 or _zipf().get(word, 0.0) > 0.0 or word.endswith(_DRUG_STEMS):
        return False
    return not _compound(word)


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END


def _mostly_lower(text: str, tokens: list[re.Match[str]]) -> bool:
    """A text written in lower case (dictation, quick notes): few of its words are capitalised."""
    if len(tokens) < 12:
        return False
    upper = sum(1 for m in tokens if m.group()[0].isupper())
    return upper <= max(1, len(tokens) // 30)


def _word_hits(text: str, inside: bytearray, allow: frozenset[str]) -> list[Hit]:
    names, places = _listed()
    never = _never()
    tokens = [m for m in _TOKEN.finditer(text) if not inside[m.start()]]
    lower_text = _mostly_lower(text, tokens)
    hits = []
    for m in tokens:
        token = m.group()
        if len(token) < 2 or token[-1:] in "'’" and len(token) < 4:
            continue
        first = token[0]
        lower_elsewhere = not first.isupper() and not lower_text
        if not first.isupper() and len(token) < 3:
            continue
        if token.isupper() and len(token) <= 3:  # acronyms: AMK, MR, CT
            continue
        word = token.lower()
        for apostrophe in ("'s", "’s"):
            word = word.removesuffix(apostrophe)
        if word in allow or word in never:
            continue
        stem = word[:-1] if word.endswith("s") and word[:-1] in names | places else word
        if stem in allow or stem in never:
            continue
        reason = NAME_LIST if stem in names else PLACE_LIST if stem in places else ""
        if not reason:
            if (first.isupper() and token[1:].islower() and not _sentence_start(text, m.start())
                    and unknown_word(stem) and not _DOSE_AFTER.match(text, m.end())):
                hits.append(Hit(m.start(), m.end(), CAPWORD))
            continue
        if lower_elsewhere and (common_word(stem) or _zipf().get(stem, 0.0) >= _LOWER_MAX):
            continue
        mid_sentence = first.isupper() and not _sentence_start(text, m.start())
        if not mid_sentence and common_word(stem):
            continue
        if mid_sentence and token.isupper() and common_word(stem):  # headings in capitals
            continue
        hits.append(Hit(m.start(), m.end(), reason))
    return hits


def _name_word(part: str) -> bool:
    """Capitalised letters only, hyphenated parts each capitalised: "Canarysen", "Hætta-Sara"."""
    return all(len(p) > 1 and p.isalpha() and p[0].isupper() and p[1:].islower() for p in part.split("-"))


def _field_hits(text: str, inside: bytearray, allow: frozenset[str]) -> list[Hit]:
    """A labelled context field whose value is name-shaped: every word capitalised, none a word."""
    label = next((lb for lb in CONTEXT_LABELS if text.startswith(lb)), None)
    if label is None:
        return []
    value = text[len(label):]
    parts = value.split()
    if not 1 <= len(parts) <= 4 or any(inside[len(label):len(text)]):
        return []
    names, places = _listed()
    never = _never()
    for part in parts:
        word = part.lower()
        if not _name_word(part) or word in allow or word in never:
            return []
        if word not in names and word not in places and not unknown_word(word):
            return []
    start = len(label) + len(value) - len(value.lstrip())
    return [Hit(start, len(text.rstrip()), NAME_SHAPE)]


# --- digits ------------------------------------------------------------------------------------

_B, _A = r"(?<![\w.,/])", r"(?![\w]|[.,]\d)"
_DIGIT_SHAPES = re.compile(
    _B + r"(?:(?:\+|00)47 ?)?(?:"
    r"\d{6,}"
    r"|\d{6}[ -]\d{5}"
    r"|\d{4}[ .]\d{2}[ .]\d{5}"
    r"|\d{3} \d{3} \d{3}"
    r"|[2-9]\d{2} \d{2} \d{3}"
    r"|[2-9]\d(?: \d{2}){3}"
    r"|[2-9]\d{3} \d{4}"
    r")" + _A
)
_UNIT_AFTER = re.compile(r"\s?(?:%|°|grader|mm|cm|kg|ml|mg|g\b|kr|kroner|nok|m\b|km|sek|min|timer|x\b)",
                         re.IGNORECASE)
_FULL_DATE = re.compile(
    _B + r"(?:(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:\d{4}|\d{2})"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))" + _A
)
_MONTHS = "|".join(sorted((m for m in words.MONTHS if len(m) >= 3), key=len, reverse=True))
_ORDINALS = ("første|andre|tredje|fjerde|femte|sjette|sjuende|syvende|åttende|niende|tiende|ellevte|"
             "tolvte|trettende|fjortende|femtende|sekstende|syttende|attende|nittende|tjuende|tyvende|"
             "tretti(?:ende|første)|tjue\\w*ende|tjue(?:første|andre|tredje|fjerde|femte|sjette|sjuende|"
             "åttende|niende)")
_DAY_MONTH = re.compile(
    rf"(?<![\w.,])(?:(?:0?[1-9]|[12]\d|3[01])\.?|(?:{_ORDINALS})|den \d{{1,2}}\.?)\s?(?:{_MONTHS})\b\.?",
    re.IGNORECASE,
)


_DIGIT_WORD = r"(?:null|en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni)"
_SPOKEN_DIGITS = re.compile(rf"(?<!\w){_DIGIT_WORD}(?:[ ,]+{_DIGIT_WORD}){{5,}}(?!\w)", re.IGNORECASE)
_FULL_MONTHS = "|".join(m for m in words.MONTHS if len(m) > 4 and m != "juni") + "|mars|juni"
_MONTH_WORD = re.compile(rf"(?<!\w)(?:{_FULL_MONTHS}|mai)(?!\w)", re.IGNORECASE)
_WEEKDAYS = "|".join(sorted(words.WEEKDAYS, key=len, reverse=True))
_WEEKDAY_DAY = re.compile(rf"(?<!\w)(?:{_WEEKDAYS})\.?\s+(?:0?[1-9]|[12]\d|3[01])\.?(?![\d,]|\.\d{{3}})",
                          re.IGNORECASE)
_ORDINAL_DATE = re.compile(rf"(?<!\w)(?:{_ORDINALS}) i (?:{_ORDINALS})(?!\w)", re.IGNORECASE)
# a bare day.month: two-digit month ("28.06"), or any after a date cue, a weekday or a tag ("[STED], 7.10")
_DAY_DOT_MONTH = re.compile(r"(?<![\w.,/])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.?(?![\w]|[.,]\d)")
_CUES = "|".join(re.escape(c.rstrip(".")) for c in words.DATE_CUES)
_CUE_BEFORE = re.compile(rf"(?:\b(?:{_CUES}|{_WEEKDAYS}|fra|til|mellom|og)\.?|\]|\],)\s*$", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"\b(?:kl|klokka|klokken|kld)\.?\s*$", re.IGNORECASE)
_SMALL_NUMBER = r"(?:1[01]\d|[1-9]?\d)"
# ages the anonymizer left: "(74)" after a word or tag, "Pasient, 66", "er 74", "var 14,"
_AGE_SHAPES = re.compile(
    rf"(?<=[^\W\d_]|\]|\.)\s?\(\s?(?P<a>{_SMALL_NUMBER})\s?\)"
    rf"|(?:\],|\b(?:Pasient|Behandler|[Pp]as|[Pp]t)\.?,?)\s(?P<b>{_SMALL_NUMBER})"
    r"(?=\s*(?:[;!|\n]|[.,](?!\d))|\s*$|\s(?:år|åring))"
    rf"|\b(?:er|var|ble|blir|fyller|fylte|fyll)\s(?P<c>{_SMALL_NUMBER})(?:\s?år\b)?"
    r"(?=\s*(?:[;!|\n)]|[.,](?!\d))|\s*$|\s(?:år|og|i|da|når|gammel|gml))"
)
_UNIT_AFTER_AGE = re.compile(
    r"\s?(?:%|°|mm|cm|kg|mg|ml|mmol|uker|uke|dager|dgr|døgn|ganger|mnd|måneder|timer|t\b|min)", re.IGNORECASE)


def _free(inside: bytearray, start: int, end: int) -> bool:
    return not any(inside[start:end])


def _digit_hits(text: str, inside: bytearray) -> list[Hit]:
    hits = []
    for m in _DIGIT_SHAPES.finditer(text):
        if _free(inside, m.start(), m.end()) and not _UNIT_AFTER.match(text, m.end()):
            hits.append(Hit(m.start(), m.end(), DIGITS))
    for m in _SPOKEN_DIGITS.finditer(text):
        if _free(inside, m.start(), m.end()):
            hits.append(Hit(m.start(), m.end(), DIGITS))
    for pattern in (_FULL_DATE, _DAY_MONTH, _MONTH_WORD, _WEEKDAY_DAY, _ORDINAL_DATE):
        for m in pattern.finditer(text):
            if _free(inside, m.start(), m.end()):
                hits.append(Hit(m.start(), m.end(), DATE))
    for m in _DAY_DOT_MONTH.finditer(text):
        if not _free(inside, m.start(), m.end()) or _UNIT_AFTER.match(text, m.end()):
            continue
        month = m.group().rstrip(".").split(".")[1]
        if _TIME_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # kl. 14.10
        if len(month) == 2 or _CUE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            hits.append(Hit(m.start(), m.end(), DATE))
    for m in _AGE_SHAPES.finditer(text):
        group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        start, end = m.span(group)
        if _free(inside, start, end) and not _UNIT_AFTER_AGE.match(text, end):
            hits.append(Hit(start, end, AGE))
    return hits


# --- the check ---------------------------------------------------------------------------------


class LeakCheck:
    """``check_many(texts, replaced)`` -> per text, what might still be PHI (offsets and a reason).

    ``allow``: words the user's rules say are never PHI (``Rules.allow``, any case)."""

    name = "independent"

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.allow = frozenset(a.strip().lower() for a in allow)

    def check(self, text: str, replaced: Sequence[Range] = ()) -> list[Hit]:
        inside = bytearray(len(text) + 1)
        for start, end in replaced:
            inside[start:end] = b"\x01" * (end - start)
        for m in _TAG.finditer(text):
            inside[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        found = _word_hits(text, inside, self.allow) + _digit_hits(text, inside) \
            + _field_hits(text, inside, self.allow)
        return sorted(found, key=lambda h: (h.start, h.end))

    def check_many(self, texts: Sequence[str], replaced: Sequence[Sequence[Range]] | None = None
                   ) -> list[list[Hit]]:
        if replaced is None:
            return [self.check(t) for t in texts]
        return [self.check(t, r) for t, r in zip(texts, replaced, strict=True)]
