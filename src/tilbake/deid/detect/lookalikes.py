"""Look-alikes that are no PHI: the engine's check of a name, place or organisation span after
``name_words`` (issue 13, item 3), whichever detector found it.

``name_words`` reads eponyms, words in a phrase, doses and codes from the words right around a span.
This module adds readings that text written by others needs, each a class of false positive seen
there, each decided by context, shape or word frequency rather than by a list of examples:

- **capitals**: a span written in capitals that is a clinical or administrative acronym
  (``words.CLINICAL_ACRONYMS``: "ICPC", "AAP") or only common bokmål words (wordfreq zipf >= 4:
  "START" of "STOPP/START", a heading "HENVISNING TIL"), and no place or known name ("HANSEN");
- **medication**: a span the grammar of a prescription puts in a drug's place: a numbered dosing interval,
  a route or a dose number after it ("Humira hver 2. uke", "Nitroglycerin s.l.", "(Twinrix) dose 1",
  "Per os"; not "daglig", which follows a person as well: "besøker Tigist daglig"), a verb
  of medication before it or before the list it ends ("Gitt ...", "trapper ned ...", "Utskrevet på
  NovoRapid og Lantus"), or a listed drug next to it in a list, also as a tokenized export writes it
  ("Sobril , Zopiclone"); a known name after a verb of medication stays a name ("gitt Kari beskjed");
- **a named thing**: a span followed by more capitalised words that end in an instrument noun ("Fall"
  of "Morse Fall Scale"), or whose own last word is a lower-case noun that names things after
  people and places ("Copenhagen adduction-program");
- **a score after an acronym or a word**: one word followed by a score or lab value, also with a
  tokenizer's space before the punctuation ("BASFI 4,0 ,", "Apgar 8-9-10 ,") or a lab acronym after it
  ("Kreatinin 88 eGFR"), and an acronym of capitals that the model read as a person ("ASA 2."). A
  date-shaped value after a mixed-case word stays a date ("Ahus 3/11"); a name before a number may
  be an age ("Ola 45,"), so person spans count only in capitals and when no known name;
- **an adjective before a clinical term**: a word that is also a first name, followed by a clinical
  term by its Greek or Latin ending ("Frank hematuri", "Frank blødning" is left to ``name_words``);
- **a common noun in lower case** at the start of a sentence, in a text that capitalises its
  sentences ("CT: stein i distale ureter"): a writer who capitalises sentences capitalises names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from tilbake.deid import lang_nb
from tilbake.deid.detect.name_words import zipf
from tilbake.deid.lang_nb import orgs, words
from tilbake.deid.spans import Label, Span

_ACRONYMS: Final = frozenset(words.CLINICAL_ACRONYMS)
_LISTED_ACRONYMS: Final = _ACRONYMS | words.LINE_END_ACRONYMS
_DRUGS: Final = frozenset(w.lower() for w in words.DRUG_BRANDS)
_INN_STEMS: Final = tuple(words.INN_STEMS)
_INSTRUMENTS: Final = frozenset(words.INSTRUMENT_NOUNS)
_NAMED_THING_TAILS: Final = tuple(words.NAMED_THING_NOUNS)
_ROUTES: Final = frozenset(words.ROUTES)
_SERVICE_TAILS: Final = tuple(words.SERVICE_TAILS)
_NATIONAL: Final = frozenset(words.NATIONAL_HEADS)
_AND_NEXT: Final = re.compile(r"[ \t]+og[ \t]+([^\W\d_]+)")
_AGENCY_PHRASE: Final = re.compile("|".join(sorted((re.escape(a.lower()) for a in words.AGENCIES if " " in a),
                                                   key=len, reverse=True)))
_AGENCY_WORDS: Final = frozenset(w for a in words.AGENCIES if " " in a for w in a.lower().split())
_EVERYDAY: Final = 3.0  # zipf: each part of a compound of everyday words ("hjemme" + "tjenesten")
_CAPITAL_WORD: Final = 4.0  # zipf: a word of everyday bokmål ("start", "stopp", "henvisning", "til")
_HEADING_WORD: Final = 3.5  # zipf: each word of a heading in capitals ("HENVISNING TIL")
_ORG_WORDS: Final = frozenset(w for w in words.CLINIC_WORDS if " " not in w) | {"ans", "da", "sa", "ba", "hf"}
_LOWER_NOUN: Final = 4.5  # zipf: "stein", "liv", "sol" as everyday nouns
_FIRST_NAME_WORD: Final = 4.5  # zipf: a first name that is also a word ("Frank", "Stein")

# what follows a drug in a prescription: an interval, a route, a dose number or a dosage form
_MEDICATION_AFTER: Final = re.compile(
    r"\)?[ \t]*(?:hver[ \t]+\d+[ \t]?\.[ \t]*(?:uke|dag|døgn|måned|mnd)|\d+[ \t]?x[ \t]?\d+\b|x[ \t]?\d\b|"
    r"dose[ \t]+\d|retard\b|depot\b|(?:s|p|i)[ \t]?\.[ \t]?(?:l|o|v|c|m)\b\.?|(?:sl|po|iv|sc|im)\b)")
_ROUTE_AFTER_WORD: Final = re.compile(r"[ \t]+(?:os|rectum|rektum|vaginam)\b")
_MEDICATION_CUES: Final = frozenset(words.MEDICATION_CUES)
_SCORE_AFTER: Final = re.compile(
    r"[ \t]\d{1,3}(?:[.,]\d{1,2})?(?:/\d{1,3})?(?:-\d{1,3})*"
    r"(?=[ \t]?[.,;:)](?![ \t]?\d)(?![ \t]?\.[ \t]*[a-zæøå])|[ \t]*\n|[ \t]*$|[ \t]+[A-ZÆØÅ]"
    r"|[ \t]+[a-zæøå]{1,3}[A-Z])")
_DATE_SHAPED: Final = re.compile(r"(?:[1-9]|[12]\d|3[01])[./](?:[1-9]|1[0-2]|0[1-9])")
_CLINICAL_ENDINGS: Final = tuple(words.CLINICAL_TERM_ENDINGS)
_NEXT_WORD: Final = re.compile(r"[ \t]+([^\W\d_]+)")
_NEXT_CAPWORDS: Final = re.compile(r"(?:[ \t]+[A-ZÆØÅ][^\W\d_]*){1,3}")
_STARTS: Final = re.compile(r"(?:^|[.!?:\n])[ \t]*([^\W\d_])")
_SENTENCE_START: Final = re.compile(r"(?:^|[.:!?\n])[ \t]*$")


def lookalike(text: str, span: Span) -> str:
    """Why the PERSON, ORG or LOCATION ``span`` reads as a look-alike ("acronym", "capitals",
    "drug", "instrument", "eponym", "measurement", "word in a phrase"), or "" when it may be PHI."""
    if span.label == Label.PHONE:
        return "service number" if _service_number(text, span.start) else ""
    if span.label not in (Label.PERSON, Label.ORG, Label.LOCATION):
        return ""
    if span.label == Label.ORG and _clinical_acronym(text, span.start, span.end):
        return "clinical term"
    if span.source == "ner" and span.label != Label.LOCATION and \
            _model_lower_word(text, span.start, span.end):
        return "word in a phrase"
    return _reason(text, span.start, span.end, span.label == Label.PERSON)


_ROMAN: Final = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X)[abc]?")
_ADJECTIVE_ENDINGS: Final = ("isk", "iske", "ell", "elle", "al", "ale", "iv", "ive", "ær", "ære", "ig", "ige",
                              "ikk", "utt", "ert")
_WORD_RIGHT_BEFORE: Final = re.compile(r"([^\W\d_]+)[ \t]+$")
_AT_PLACE: Final = re.compile(r"[ \t]+ved[ \t]+[A-ZÆØÅ]")
_ADJECTIVE: Final = 2.0  # zipf: a word of bokmål ("mekanisk", "kronisk", "uspesifikk": 2.1)


def _clinical_acronym(text: str, start: int, end: int) -> bool:
    """An organisation read in an acronym that the words around it make a clinical term: a grade in
    Roman numerals after it ("WAD II", "NYHA III"), an adjective before it ("Mekanisk LBP", "kronisk
    KOLS"), or "ved" and an institution after it ("Tidl. ECT ved Dikemark": a treatment given there).
    Known names, places and hospitals ("OUS", "UNN") and company words stay organisations."""
    tokens = text[start:end].split()
    if not tokens or not (2 <= len(tokens[0]) <= 6 and tokens[0].isupper() and tokens[0].isalpha()):
        return False
    if _known(tokens[0]) or tokens[0].lower() in _ORG_WORDS:
        return False
    if len(tokens) == 2 and _ROMAN.fullmatch(tokens[1]):
        return True  # the model's "WAD II"
    if len(tokens) > 1:
        return False
    after = _NEXT_WORD.match(text, end)
    if after is not None and _ROMAN.fullmatch(after.group(1)):
        return True
    before = _WORD_RIGHT_BEFORE.search(text, max(0, start - 30), start)
    if before is not None:
        word = before.group(1).lower()
        if word.endswith(_ADJECTIVE_ENDINGS) and len(word) > 4 and zipf(word) >= _ADJECTIVE and \
                not _known(before.group(1)):
            return True
    return _AT_PLACE.match(text, end) is not None


_EMPLOYER_CUES: Final = tuple(c for c in words.EMPLOYER_CUES if not c.endswith(":"))
_LOWER_MODEL_WORD: Final = 3.5  # zipf: "start", "apoteket"; rare names and brands below


def _model_lower_word(text: str, start: int, end: int) -> bool:
    """One everyday word in lower case that the model reads as a name or organisation, in a text that
    capitalises its sentences ("SUDS ved start 70", "sendt til apoteket"): a writer who capitalises
    sentences capitalises names. Never a word some name list holds ("lars", "emma": lower-case names
    are written all the same), a field's value or a word after an employer cue. The rules' own
    lower-case names (after a title, a header field, a sign-off) are not judged here."""
    value = text[start:end]
    if not value.isalpha() or not value.islower() or len(value) < 3:
        return False
    if value in lang_nb.places_lower() or zipf(value) < _LOWER_MODEL_WORD or not _capitalises_sentences(text):
        return False
    if value.capitalize() in lang_nb.known_names():
        return False  # "barnebarnet lars", "emma og sofie"
    if ":" in text[text.rfind("\n", 0, start) + 1:start]:
        return False  # a field's value ("Jobb: ruter", "Rekvirent: zilan ibsen, hinna manuellterapi")
    lead = text[max(0, start - 24):start].lower()
    return not any(lead.endswith(f"{cue} ") for cue in _EMPLOYER_CUES)  # "jobber på rema": a brand



@lru_cache(maxsize=1024)  # rule and model spans often agree on a range
def _reason(text: str, start: int, end: int, person: bool) -> str:
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return ""
    if not any(c.isalpha() for c in value):
        return "number"  # a name has letters: "2021" after "avd. Ski i" is a year, whoever read it
    if _in_agency_phrase(text, start, end) or _agencies_coordinated(text, start, end):
        return "agency"  # "Helse" of "Mental Helse"; "Mental Helse og Kirkens" of "... Kirkens SOS"
    if person and value.lower() == "per" and _PER_TIME.match(text, end) and \
            (value == "per" or text[:start].rstrip(" \t")[-1:] in ("", ".", "!", "?", ":", "\n")):
        return "word in a phrase"  # "Per i dag ingen bedring": the preposition ("Time med Per i dag": Per)
    tail = tokens[-1].capitalize() if len(tokens) > 1 and tokens[-2] == "og" else tokens[-1]
    if _generic_service(tail) and all(t == "og" or t.endswith("-") or t.islower() or t in _NATIONAL
                                            for t in tokens[:-1]):
        return "service"  # "Hjemmetjenesten", "Arbeids- og velferdsetaten", "Norsk Pasientregister"
    if len(tokens) > 1 and tokens[0] == "Statens" and all(t.islower() for t in tokens[1:]):
        return "agency"  # "Statens barnehus", "Statens pensjonskasse": a body of the state
    if value.endswith("-"):
        after = _AND_NEXT.match(text, end)
        if after is not None and _generic_service(after.group(1).capitalize()):
            return "service"  # "Lærings-" of "Lærings- og mestringssenteret"
    if _capitals(text, start, end, tokens):
        return "acronym" if len(tokens) == 1 and tokens[0] in _ACRONYMS else "capitals"
    if _medication(text, start, end, value, tokens):
        return "drug"
    if _named_thing(text, end, tokens):
        return "instrument"
    last = tokens[-1]
    if len(tokens) > 1 and last.islower() and last.rsplit("-", 1)[-1].endswith(_NAMED_THING_TAILS):
        return "eponym"  # "Copenhagen adduction-program"
    if len(tokens) == 1 and _score_after(text, end, value, person):
        return "measurement"
    if person and len(tokens) == 1 and _adjective_before_term(text, end, value):
        return "word in a phrase"
    if person and len(tokens) == 1 and _lower_noun(text, start, value):
        return "word in a phrase"
    return ""


def _known(word: str) -> bool:
    """A first name, surname, place or hospital ("Ahus", "Nordlandssykehuset")."""
    word = word.strip(",.:;()")
    return word.capitalize() in lang_nb.known_names() or word.lower() in lang_nb.places_lower() or \
        word.lower() in _hospitals()


@lru_cache(maxsize=1)
def _hospitals() -> frozenset[str]:
    return frozenset(h.lower() for h in orgs.HOSPITALS)


def _capitals(text: str, start: int, end: int, tokens: list[str]) -> bool:
    letters = [t.strip(",.:;()/") for t in tokens]
    if not all(len(t) >= 2 and t.isupper() and t.isalpha() for t in letters):
        return False
    if len(letters) == 1 and letters[0] in _ACRONYMS:
        return True
    if any(t.lower() in _ORG_WORDS for t in letters):
        return False  # "BYGG OG ANLEGG AS", "SENTRUM FYSIOTERAPI": an organisation's own name
    if len(letters) == 1:
        # one word: only beside another word in capitals ("STOPP/START"); an acronym alone may be an
        # employer or school that wordfreq knows well ("DNB", "NTNU")
        paired = text[end:end + 1] == "/" or text[start - 1:start] == "/"
        return paired and len(letters[0]) >= 4 and zipf(letters[0].lower()) >= _CAPITAL_WORD and \
            not _known(letters[0])
    return all(zipf(t.lower()) >= _HEADING_WORD and not _known(t) for t in letters)


# "per" as a preposition of time: "per i dag", "per nå", "per dags dato", "per 1. mars", "per uke 12"
_PER_TIME: Final = re.compile(r"[ \t]+(?:i[ \t]+(?:dag|går|kveld|morgen)|idag|nå|dd\.|d\.d\.|dags[ \t]+dato|"
                              r"uke[ \t]+\d|\d)(?!\w)", re.IGNORECASE)


def _agencies_coordinated(text: str, start: int, end: int) -> bool:
    """Whether the span is two services joined by "og", each a listed agency phrase whole or begun
    ("Mental Helse og Kirkens" of "Mental Helse og Kirkens SOS")."""
    head = text[start:end].lower()
    first = _AGENCY_PHRASE.match(head)
    if first is None or not head[first.end():].startswith(" og "):
        return False
    second = _AGENCY_PHRASE.match(text.lower(), start + first.end() + 4)
    return second is not None and start + first.end() + 4 < end <= second.end()


def _in_agency_phrase(text: str, start: int, end: int) -> bool:
    """Whether the span lies inside a national service's or patient organisation's name of several
    words ("Helse" of "Mental Helse", "Helsenett" of "Norsk Helsenett")."""
    if text[start:end].split(None, 1)[0].lower() not in _AGENCY_WORDS:
        return False  # a span inside a phrase starts with one of its words (most spans do not)
    offset = max(0, start - 40)
    for m in _AGENCY_PHRASE.finditer(text[offset:end + 40].lower()):
        stop = offset + m.end()
        if offset + m.start() <= start < stop and (end <= stop + 1 or all(
                _generic_service(t) or t == "RHF" for t in text[stop:end].split())):
            return True  # also with a service after it: "Mental Helse Hjelpetelefonen"
    return False


_WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)[ \t]*[:,]?[ \t]*$")
_AGENCY_NAMES: Final = frozenset(a for a in words.AGENCIES if " " not in a)
_PUBLIC_LINE_TAILS: Final = ("informasjonen", "sentralen", "telefonen", "etaten", "direktoratet", "tilsynet",
                             "ombudet")


def _service_number(text: str, start: int) -> bool:
    """A phone number right after a public service's name is the service's own, published number
    ("Giftinformasjonen 22 59 13 00", "Legevakten: 116 117"); after a person or a clinic it is PHI."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    # the tails of public lines and bodies only: a GP's office or a coordinator's number is theirs
    return word in _AGENCY_NAMES or (word.lower().endswith(_PUBLIC_LINE_TAILS) and _generic_service(word))


def _everyday(word: str) -> bool:
    """An everyday word, or a compound of two ("familievern", "smittevern"), that is no place or name."""
    if len(word) < 3 or _known(word):
        return False
    if zipf(word) >= _EVERYDAY:
        return True
    return any(zipf(word[:i]) >= _EVERYDAY and zipf(word[i:]) >= _EVERYDAY and not _known(word[:i])
               for i in range(3, len(word) - 2))


def _generic_service(word: str) -> bool:
    """A compound that names a kind of service or role: everyday words and a service tail
    ("Hjemmetjenesten", "Krisesenteret", "Smittevernlegen"), no place or name inside."""
    low = word.lower()
    if not low.endswith(_SERVICE_TAILS) or not word[:1].isupper() or not low.isalpha() or _known(word):
        return False
    for tail in _SERVICE_TAILS:
        if low.endswith(tail) and len(low) > len(tail) + 2:
            head = low[:-len(tail)]
            return _everyday(head) or (head.endswith(("s", "e")) and _everyday(head[:-1]))
    return False


def _is_drug(word: str) -> bool:
    low = word.strip(",.:;()").lower()
    return low in _DRUGS or (len(low) > 5 and low.endswith(_INN_STEMS))


def _medication(text: str, start: int, end: int, value: str, tokens: list[str]) -> bool:
    if tokens[0].lower() in ("per", "pr") and _ROUTE_AFTER_WORD.match(text, end) is not None:
        return True  # "Per os", "per rectum": a route (in lower case: "Per Os" may be a name)
    if any(t.strip(",.") in lang_nb.known_names() for t in tokens):
        return False  # "gitt Kari beskjed", "Per Hansen": a name whatever comes around it
    if tokens[-1].strip(".").lower() in _ROUTES and len(tokens) > 1:
        return True  # the model's "Nitroglycerin s.l"
    if _MEDICATION_AFTER.match(text, end) is not None:
        return True
    # back over a list of capitalised items ("NovoRapid og", "Sobril ,") to a cue or a listed drug
    before = text[max(0, start - 80):start].split()
    items = 0
    while before and items <= 3:
        word = before.pop()
        if word in (",", "og", "eller", "/", "+"):
            continue
        if word[-1] in ".:;!?)":
            return False  # the end of the sentence before: no list reaches across it
        if word.endswith(",") and word[:-1][:1].isupper():
            word = word[:-1]
        elif word.endswith(","):
            return False
        low = word.lower()
        two = f"{before[-1].lower()} {low}" if before else ""
        if low in _MEDICATION_CUES or two in _MEDICATION_CUES:
            return True
        if not word[:1].isupper() or _known(word):
            return False
        if _is_drug(word):
            return True
        items += 1
    # a listed drug right after in a list: "Zopiclone , Paracet", "Lantus og Levemir"
    after = re.match(r"[ \t]*(?:,|og|eller)[ \t]+([\w\-]+)", text[end:end + 40])
    return after is not None and _is_drug(after.group(1))


def _named_thing(text: str, end: int, tokens: list[str]) -> bool:
    if not tokens[0][:1].isupper():
        return False
    run = _NEXT_CAPWORDS.match(text, end)
    return run is not None and run.group().split()[-1].lower() in _INSTRUMENTS


def _score_after(text: str, end: int, value: str, person: bool) -> bool:
    if not value[:1].isupper() or not value.replace("-", "").isalpha():
        return False
    if _known(value) and value not in _LISTED_ACRONYMS:
        return False  # "Ahus 3", but "ASA 2." (also the name Asa) is the anaesthetic risk class
    if person and not (value.isupper() and len(value) <= 6):
        return False  # "Ola 45,": an age
    m = _SCORE_AFTER.match(text, end)
    if m is None:
        return False
    return value.isupper() or not _DATE_SHAPED.fullmatch(m.group().strip())


def _adjective_before_term(text: str, end: int, value: str) -> bool:
    if not value[:1].isupper() or zipf(value.lower()) < _FIRST_NAME_WORD:
        return False
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    term = m.group(1)
    return term.islower() and len(term) > 5 and term.endswith(_CLINICAL_ENDINGS)


def _lower_noun(text: str, start: int, value: str) -> bool:
    if not value.isalpha() or not value.islower() or zipf(value) < _LOWER_NOUN:
        return False
    if not _SENTENCE_START.search(text, max(0, start - 4), start):
        return False
    return _capitalises(text, start)


def _capitalises(text: str, skip: int) -> bool:
    """Whether the writer capitalises sentences: most words after a full stop, colon or line break,
    other than the one at ``skip``, start with a capital (messages written in lower case do not)."""
    starts = [m.start(1) for m in _STARTS.finditer(text) if m.start(1) != skip]
    upper = sum(text[i].isupper() for i in starts)
    return len(starts) >= 2 and upper >= 0.8 * len(starts)


_SENTENCE_OPENING: Final = re.compile(r"(?:^|([^\s]*)[.!?][ \t]+|\n[ \t]*)([^\W\d_])")


def _capitalises_sentences(text: str) -> bool:
    """Whether the writer capitalises sentences: the first letter of the text, of each line and after
    a full stop, "!" or "?" (not after an abbreviation's period, "Pas. sei", nor after a colon) is a
    capital in three of four cases, of at least two."""
    upper = total = 0
    for m in _SENTENCE_OPENING.finditer(text):
        before = m.group(1)
        if before is not None and before.isalpha() and len(before) <= 4:
            continue  # after an abbreviation's period: "Pas.", "Tidl.", "ca.", "ktr."
        total += 1
        upper += m.group(2).isupper()
    return total >= 2 and upper >= 0.75 * total
