"""Ages: 47 år, 47-årig, 47-åring, 47 år gammel, ages in words (sju år), decades (60-årene, tenårene),
Alder: 47, and (47) after a name.

Durations are not ages: "i 3 år", "for 3 år siden", "de siste 2 år".
"""

from __future__ import annotations

import re
from typing import Final

from tilbake.deid import lang_nb
from tilbake.deid.detect.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    finding,
    register_fragment,
    register_literals,
)
from tilbake.deid.lang_nb import words
from tilbake.deid.spans import Label

FAMILY: Final = "ages"
_DURATION_BEFORE: Final = frozenset(words.DURATION_BEFORE)
_DURATION_AFTER: Final = tuple(f" {w}" for w in words.DURATION_AFTER) + (" på rad",)
_OLD: Final = (" gammel", " gml", " gamle", " gmale", " gaml", " gamel", " altså gml")
_DURATION_VERBS: Final = (
    "sykmeldt", "sykemeldt", "jobbet", "arbeidet", "bodd", "hatt ", "vart", "trent", "plaget", "røykt",
    "brukt", "gått ", "holdt på", "drevet",
)
_DURATION_VERB: Final = re.compile("|".join(map(re.escape, _DURATION_VERBS)))  # any of them, in one search
_AGE_AFTER: Final = (
    " gammel", " gml", " g.", " alder", ", ", " kvinne", " mann", " gutt", " jente", " pasient", " komma",
    " konsulterer", " kons.", " gamle", " gmale", " altså",
)


_TENS: Final = tuple(words.TENS)
_TENS_ITEMS: Final = tuple(words.TENS.items())
_NUMBER_WORDS: Final = words.NUMBER_WORDS


def number_word(word: str) -> int | None:
    """The value of a Norwegian number word ("sju", "førtisju", "femti"), or None."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if not word.startswith(_TENS):
        return None  # mostly "" (the digits of "47 år"): one test in C instead of the loop
    for tens, value in _TENS_ITEMS:
        if word.startswith(tens):
            rest = word[len(tens):]
            if not rest:
                return value
            if rest in _NUMBER_WORDS and _NUMBER_WORDS[rest] < 10 or rest == "en":
                return value + (1 if rest == "en" else _NUMBER_WORDS[rest])
    return None


def _is_duration(scan: Scan, start: int, after: int) -> bool:
    if scan.text[after:after + 10].lower().startswith(_DURATION_AFTER):
        return True
    one, two = scan.words_before(start)
    return one in _DURATION_BEFORE or two in _DURATION_BEFORE


def _numeric_age(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/"):
        return None
    i = start
    while text[i].isdigit():
        i += 1
    value = int(text[start:i])
    suffix = text[text.index("å", i):end]
    if value > 120:
        return None
    if suffix.startswith("årene"):
        if value % 10 == 0 and 10 <= value <= 100:
            return finding(start, end, Label.AGE, 0.9, FAMILY, "decade (60-årene)")
        return None
    if suffix.startswith(("årig", "åring")):
        return finding(start, end, Label.AGE, 1.0, FAMILY, "N-årig/N-åring")
    after = text[end:end + 12].lower()
    if suffix == "års" and not after.startswith(" alder"):
        return None
    if _is_duration(scan, start, end):
        return None
    before = text[max(0, start - 24):start]
    if before.endswith("(") and any(w in before.lower() for w in ("fjor", "period", "peirod", "preiod")):
        return None  # "en periode i fjor (11 år)": a duration in brackets
    if after.startswith(_OLD):  # "gammel"/"gml." stays outside the span, as "år" ends the age
        return finding(start, end, Label.AGE, 0.95, FAMILY, "N år gammel")
    if not _age_context(scan, start, after):
        return None  # "stiv nakke 2 år": a bare "N år" mid-sentence reads as a duration
    return finding(start, end, Label.AGE, 0.9, FAMILY, "N år")


def _age_context(scan: Scan, start: int, after: str) -> bool:
    """Words around "N år" that make it an age: "Kari, 47 år", "(47 år)", "som er 47 år", "47 år, mann",
    "Suresh var 33 år i fjor", "aya nygård 54 å komma konsulterer"."""
    text = scan.text
    if _clause_has_duration_verb(scan, start):
        return False  # "sykmeldt fra jobben i Kongsberg Gruppen 6 år": how long, not how old
    before = text[max(0, start - 3):start]
    if before.endswith((", ", "(", "\n", ": ", "– ", "- ")) or start == 0 or after.startswith(_AGE_AFTER):
        return True
    word = scan.word_before(start)
    if word in ("er", "ble", "blir", "fyller", "fylte", "fyllte", "alder", "somer", "nå", "snart", "komma"):
        return True
    if word == "var" and after.startswith(" i fjor"):
        return True
    prev = text[max(0, start - 30):start].split()
    if not prev:
        return False
    last = prev[-1].rstrip(",.")
    if last[:1].isupper():
        return last not in words.NON_NAME_CAPWORDS
    return last in lang_nb.surnames() or last.capitalize() in lang_nb.known_names() and \
        last.capitalize() not in words.NAME_STOPWORDS  # a lower-case name: "hans davidsen 70 år"


def _clause_has_duration_verb(scan: Scan, start: int) -> bool:
    clause = scan.text[max(0, start - 60):start]
    for stop in ".;\n":
        clause = clause.rsplit(stop, 1)[-1]
    return _DURATION_VERB.search(clause.lower()) is not None


def _parenthesised(scan: Scan, start: int, end: int) -> Finding | None:
    """"Kari Nordmann (47)": an age in brackets right after a capitalised word."""
    text = scan.text
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return None
    word_start = start - 2
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:start - 1]
    if not (word[0].isupper() or word.lower() in words.PERSON_TITLES) or int(text[start + 1:end - 1]) > 120:
        return None
    return finding(start + 1, end - 1, Label.AGE, 0.85, FAMILY, "(N) after a name or role")


_ALDER_GATE: Final = frozenset({"lder", "dler", "ledr"})
register_literals(_ALDER_GATE)  # found in the shared Aho-Corasick pass, not by three str.find
_ALDER: Final = re.compile(r"(?<![A-Za-zæøå])[Aa](?:lder|dler|ledr)(?![a-zæøå])")
_AFTER_ALDER: Final = re.compile(r"[ \t]*(?:\(år\))?[ \t]*[:=]?[ \t]*(\d{1,3})(?![\d])")


def _cued_ages(scan: Scan) -> list[Finding]:
    """"Alder: 47" / "alder 47"."""
    out: list[Finding] = []
    text = scan.text
    if not scan.has_literal(_ALDER_GATE):
        return out
    for cue in _ALDER.finditer(text):  # "alder", and the slips "adler", "aledr"
        m = _AFTER_ALDER.match(text, cue.end())
        if m and int(m.group(1)) <= 120:
            out.append(finding(m.start(1), m.end(1), Label.AGE, 0.95, FAMILY, "Alder: N", cues=("alder",)))
    return out


class AgeRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.AGE,)

    def find(self, scan: Scan) -> list[Finding]:
        found = list(scan.numeric(FAMILY)) + _cued_ages(scan)
        if "år" in scan.text:
            found.extend(self._worded(scan))
        return found

    def _worded(self, scan: Scan) -> list[Finding]:
        """"sju år gammel", "femtiåring", "tenårene": ages written in words."""
        out: list[Finding] = []
        lower = scan.text  # "år" and number words are written in lower case
        i = lower.find("år")
        while i >= 0:
            j = i + 2
            while j < len(lower) and lower[j].isalpha():
                j += 1
            suffix = lower[i:j]
            w = i
            glued = i > 0 and lower[i - 1].isalpha()
            if glued and not suffix.startswith(("årig", "åring", "årene")):
                i = lower.find("år", j)  # "går", "får", "året": not an age
                continue
            k = i if glued else i - 1
            if not glued and i > 0 and lower[i - 1] not in " -":
                i = lower.find("år", j)
                continue
            s = k
            while s > 0 and lower[s - 1].isalpha():
                s -= 1
            word = lower[s:k].lower() if s < k else ""
            hit = self._classify(scan, word, suffix, s, j)
            if hit is not None:
                out.append(hit)
            i = lower.find("år", max(j, w + 2))
        return out

    def _classify(self, scan: Scan, word: str, suffix: str, s: int, j: int) -> Finding | None:
        if suffix == "årene" and (word in words.DECADE_WORDS or word in words.TENS):
            return finding(s, j, Label.AGE, 0.9, FAMILY, "decade in words")
        value = number_word(word)
        if value is None:
            return None
        if suffix.startswith(("årig", "åring")):
            return finding(s, j, Label.AGE, 0.95, FAMILY, "number word + årig")
        if suffix != "år" or _is_duration(scan, s, j):
            return None
        if value < 3 and not scan.text.startswith(_OLD, j):
            return None  # "to år" without "gammel" is mostly a duration
        return finding(s, j, Label.AGE, 0.8, FAMILY, "number word + år")


register_fragment(30, FAMILY, "N år",
                  r"\d{0,2} ?-? ?(?:år(?:ig|ing|ingen|ingene|inger|ige|ene|s)?|å(?=[\s.,;)]|$))(?![a-zæøå])",
                  _numeric_age)
register_fragment(31, FAMILY, "(N)", r"\d{1,3}\)", _parenthesised, lead="(")
