"""Name-like words that the context shows to be ordinary words: the engine's last check of a name,
place or organisation span, whichever detector found it.

Norwegian given names are often words ("Per", "Dag", "Liv", "Vår", "Frank"), and eponyms look like
surnames ("Hortons hodepine"). Four readings of the words around a span make it clinical text
rather than PHI:

- **an eponym**: a word (or hyphenated words, a genitive -s allowed) followed by a clinical noun
  that eponyms name (``sykdom``, ``syndrom``, ``test``, ``tegn``, ``kriterier``, ``hodepine``,
  ``grad``, ``type`` ..., also as the tail of a compound: ``muskeldystrofi``) or by a finding
  ("Schirmer normal", "Iris u.a."), unless it is a first name in the genitive ("Olas test" is
  Ola's); hyphenated parts that are each a listed eponym ("Guillain-Barré") are one too;
- **a word in a phrase**: a word that is very frequent in bokmål (wordfreq zipf >= 5: "per",
  "dag", "liv"; from 4.5 only when it is no known name) followed by a lower-case word that cannot
  be a verb, a name or a company form ("per telefon", "per brev"); a subject name is followed by
  its verb, an object name by a preposition or punctuation, so a name-word followed by a noun is
  that word in a phrase. Verbs are told by their endings (-er, -et, -te, -de, -tt ...) and a list
  of irregular ones; in lower-case text the next word must also be an everyday word (zipf >= 3),
  so "liv ytremoen" stays a name;
- **a common noun after a determiner**: such a word after "hver", "hele", "neste", "i", "en"
  ("hver dag", "i vår");
- **a drug or a dose**: a span after a unit ("1 g per os", "4 ganger per døgn"), followed by a
  dose ("Jardiance 10 mg") or a dosage form ("depot", "ved behov"), ending in an international
  nonproprietary name stem ("-prazol", "-statin", "-orfin"), next to a known brand in a list, or
  after a verb of medication ("seponert", "smurt med"); and a short code of digits and letters
  ("3ad", "K1b": takster and ICPC codes);
- **an instrument or a measurement**: a span whose last word names an instrument ("Berg Balance
  Scale", "NYHA klasse"), or a one-word place or organisation followed by a score-shaped value and
  nothing that counts ("ASA 2.", "BASFI 4,0,", "Apgar 9/10"; not "Kiwi 3 dager"). A name before a
  number stays a name: it may be an age ("Ola 45,").

Frequencies come from wordfreq's bokmål list (looked up, never copied).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from tilbake.deid import lang_nb
from tilbake.deid.lang_nb import orgs, words
from tilbake.deid.spans import Label, Span

_WORDY: Final = frozenset({Label.PERSON, Label.ORG, Label.LOCATION})
_WORD_AFTER: Final = re.compile(r"[ \t]+([^\W\d_]+)(?![\w-])")
_DOSE_AFTER: Final = re.compile(
    r"[ \t]+(?:\d+(?:[.,]\d+)?[ \t]?(?:mg|g|ml|mcg|µg|ug|ie|IE|mmol|mikrogram|milligram|gram|tbl|stk|"
    r"dråper|puff|doser?)\b|(?:depot|tabletter|tablett|tbl|mikstur|injeksjon|plaster|kapsler|kapsel|"
    r"salve|krem|inhalator|depotplaster|smeltetablett|brusetablett|ved behov|x \d)\b)")
# a unit right before: "1 gram per os", "4 ganger per døgn" (a rate, not a name)
_UNITS_BEFORE: Final = frozenset(words.DOSE_UNITS)
_DRUGS: Final = frozenset(w.lower() for w in words.DRUG_BRANDS)
_MEDICATION_VERBS: Final = frozenset(words.MEDICATION_VERBS)
_LISTED_AFTER: Final = re.compile(r"(?:,|[ \t]+og|[ \t]+eller)[ \t]+([^\W\d_][\w\-]*)")
_CODE: Final = re.compile(r"(?=[\w]*\d)(?=[\w]*[^\W\d_])\w{2,5}")
# the clinical nouns an eponym names (and their definite and plural forms)
EPONYM_NOUNS: Final = frozenset(words.EPONYM_NOUNS)
_EPONYM_TAILS: Final = tuple(n for n in words.EPONYM_NOUNS if len(n) >= 5)  # compounds: "muskeldystrofi"
_FINDING_AFTER: Final = re.compile(r"[ \t]+(?:u\.a\b|ua\b|normal|normalt|patologisk)\b")
# WHO's INN stems: a word ending in one is a drug
_INN_STEMS: Final = tuple(words.INN_STEMS)
_FUNCTION_WORDS: Final = frozenset(words.NAME_PHRASE_KEEP)
_DETERMINERS: Final = frozenset(words.NOUN_DETERMINERS)
_INSTRUMENTS: Final = frozenset(words.INSTRUMENT_NOUNS)
# a score or lab value right after one word: 1-3 digits, a decimal, a fraction or a series, then
# punctuation, a line's end or a capitalised word; a lower-case word after it says what was counted
_DATE_SHAPED: Final = re.compile(r"(?:[1-9]|[12]\d|3[01])[./](?:[1-9]|1[0-2]|0[1-9])")
_SCORE_AFTER: Final = re.compile(r"[ \t]\d{1,3}(?:[.,]\d{1,2})?(?:/\d{1,3})?(?:-\d{1,3})*"
                                 r"(?=[.,;:)\n]|[ \t]+[A-ZÆØÅ]|[ \t]*$)(?![.,]\d)(?!\. ?[a-zæøå])")
_VERB_ENDINGS: Final = ("er", "et", "te", "de", "ar", "ir", "tt", "dd", "rt", "ys")
_FREQUENT: Final = 5.0  # zipf: "per", "dag", "liv", "vår", "hver" (first names that are rarer words stay)
_COMMON: Final = 4.5  # zipf: "frank", "stein", "sol"
_WORD: Final = 3.0  # zipf: a word of everyday text ("telefon", "os", "døgn"), not a rare surname
_COMPANY_FORMS: Final = frozenset({"as", "asa", "da", "ans", "ba", "sa", "ab", "ks", "nuf"})


#: entries in the word caches here and in the recognizers: enough for the words a text repeats and
#: the common ones of a corpus; a corpus run meets ever new words, so none may grow without a bound
WORD_CACHE: Final = 4096


@lru_cache(maxsize=WORD_CACHE)
def zipf(word: str) -> float:
    """The bokmål word frequency of ``word`` (lower case) on the Zipf scale (0: unknown, 7: "og")."""
    return float(_zipf_frequency()(word, "nb"))


@lru_cache(maxsize=1)
def _zipf_frequency():  # type: ignore[no-untyped-def]
    """wordfreq's ``zipf_frequency``, loaded on first use (its word list takes half a second).

    wordfreq keeps its own cache of every word asked about, up to ``CACHE_SIZE`` (100,000) entries
    before it empties it: ~20 MB a long run fills word by word. ``zipf`` caches the answers it
    needs, so wordfreq's cache is held to the same size (wordfreq reads the limit at each call)."""
    import wordfreq

    wordfreq.CACHE_SIZE = min(wordfreq.CACHE_SIZE, WORD_CACHE)
    return wordfreq.zipf_frequency


def _first_name(word: str) -> bool:
    return word.capitalize() in lang_nb.first_names()


def not_phi(text: str, span: Span) -> str:
    """Why the PERSON, ORG or LOCATION ``span`` reads as clinical words ("eponym", "word in a phrase",
    "drug", "dose", "code"), or "" when it may be PHI."""
    if span.label not in _WORDY:
        return ""
    return _reason(text, span.start, span.end, span.label == Label.PERSON)


def _known_place_or_org(word: str) -> bool:
    return word in lang_nb.places() or word.lower() in _hospital_names()


@lru_cache(maxsize=1)
def _hospital_names() -> frozenset[str]:
    return frozenset(h.lower() for h in orgs.HOSPITALS)


@lru_cache(maxsize=1024)  # a range is asked about again: rule and model spans agree, propagation
def _reason(text: str, start: int, end: int, person: bool) -> str:
    value = text[start:end]
    nxt = text[end:end + 1]
    spaced = nxt == " " or nxt == "\t"
    last_word = value.rsplit(None, 1)[-1]
    if " " in value and last_word.lower() in _INSTRUMENTS:
        return "instrument"
    if " " not in value and "\n" not in value:
        score = _SCORE_AFTER.match(text, end) if not person and spaced and value[:1].isupper() else None
        if score is not None and not _known_place_or_org(value) and (
                value.isupper() or not _DATE_SHAPED.fullmatch(score.group().strip())):
            return "measurement"  # not "Ahus 3/11", "Fjellhaug 12/11", "Tvedestrand 14. april": dates
        if _CODE.fullmatch(value):
            return "code"
        if "-" in value and all(p in words.EPONYMS for p in value.split("-")):
            return "eponym"  # "Guillain-Barré", "Dix-Hallpike"
        if spaced and _eponym(text, value, end):
            return "eponym"
    if value.lower().endswith(_INN_STEMS) or (spaced and _DOSE_AFTER.match(text, end)):
        return "drug"
    prev = text[start - 1:start] if start else ""
    before = text[max(0, start - 32):start].split()[-2:] if prev == " " or prev == "\t" else []
    if before and before[-1].lower() in _UNITS_BEFORE:
        return "dose"
    if (before or spaced or nxt == ",") and _among_drugs(text, value, start, end, before):
        return "drug"
    if person and (before or spaced) and _word_in_phrase(text, value, end, before):
        return "word in a phrase"
    return ""


def _among_drugs(text: str, value: str, start: int, end: int, before: list[str]) -> bool:
    """A drug by its company: a brand first ("Abilify Maintena"), a brand or a dose next to it in a
    list ("Albyl-E, Furix og Sobril"), or a verb of medication before it ("seponert", "smurt med")."""
    first = value.split(None, 1)[0].lower()
    if " " in value and first in _DRUGS:
        return True
    if before:
        last = before[-1].lower()
        listed = before[-2] if last in ("og", "eller") and len(before) > 1 else before[-1][:-1] \
            if last.endswith(",") else ""
        if listed and listed.rstrip(",").lower() in _DRUGS:
            return True
    after = _LISTED_AFTER.match(text, end)
    if after is not None and (after.group(1).lower() in _DRUGS or _DOSE_AFTER.match(text, after.end())):
        return True
    if not before:
        return False
    verb = before[-1].lower()
    if verb not in _MEDICATION_VERBS and not (len(before) > 1 and f"{before[-2]} {verb}".lower()
                                              in _MEDICATION_VERBS):
        return False
    return not any(t.strip(",.") in lang_nb.known_names() for t in value.split())  # "Bruker Kari rullator?"


def _eponym(text: str, value: str, end: int) -> bool:
    if _FINDING_AFTER.match(text, end):
        return True  # "Schirmer normal", "Iris u.a.": a test or an organ and its finding
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    noun = after.group(1).lower()
    if noun not in EPONYM_NOUNS and not noun.endswith(_EPONYM_TAILS):  # "muskeldystrofi"
        return False
    # a first name in the genitive names a person's ("Olas test", "Pers sykdom"), an eponym has none
    return not (value.endswith("s") and len(value) > 3 and _first_name(value[:-1]))


def _word_in_phrase(text: str, value: str, end: int, before: list[str]) -> bool:
    tokens = value.split()
    if len(tokens) > 2 or not tokens[0].isalpha():
        return False
    first = tokens[0].lower()
    frequency = zipf(first)
    if frequency < _FREQUENT and (frequency < _COMMON or _first_name(first) or
                                  first.capitalize() in lang_nb.surnames()):
        return False  # "Frank", "Bakken": names first, whatever else they mean
    if len(tokens) == 1 and before and before[-1].lower() in _DETERMINERS:
        return True  # "hver dag", "i vår"
    if len(tokens) == 2:
        nxt = tokens[1]
    else:
        after = _WORD_AFTER.match(text, end)
        if after is None:
            return False
        nxt = after.group(1)
    if not (nxt.islower() and nxt.isalpha() and len(nxt) > 1) or nxt in _FUNCTION_WORDS or \
            nxt in _COMPANY_FORMS or nxt.endswith(_VERB_ENDINGS) or nxt.capitalize() in lang_nb.known_names():
        return False  # "Per Hansen", "Liv og", "Dag forteller", "hansen as", "liv al-hassan"
    if tokens[0].islower() and zipf(nxt) < _WORD:
        return False  # messy lower-case text: "liv ytremoen" is a name unless the next word is a word
    return not nxt.endswith("e")  # "per uke" stays: "ba Per ringe" may be an infinitive
