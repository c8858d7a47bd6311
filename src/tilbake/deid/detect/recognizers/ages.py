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
from tilbake.deid.detect.recognizers.dictation import infant_ages
from tilbake.deid.detect.recognizers.name_context import is_relation
from tilbake.deid.lang_nb import time_words, words
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
    " konsulterer", " kons.", " gamle", " gmale", " altså", " , ", " )",
)
_APPROXIMATELY: Final = frozenset(time_words.APPROXIMATELY)
_CHILD_NOUNS: Final = frozenset(time_words.CHILD_NOUNS)


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


def _skip_approximation(scan: Scan, start: int) -> int:
    """Where the words before an age start when "ca."/"cirka"/"omtrent" stands right before it."""
    one = scan.word_before(start)
    if one in _APPROXIMATELY:
        return scan.text.rindex(scan.text[max(0, start - 48):start].split()[-1], 0, start)
    if one == "." and scan.word_before(start, 2) == "ca .":
        return scan.text.rindex("ca", 0, start)  # tokenized "ca . 15 år"
    return start


def _is_duration(scan: Scan, start: int, after: int) -> bool:
    if scan.text[after:after + 10].lower().startswith(_DURATION_AFTER):
        return True
    start = _skip_approximation(scan, start)  # "i ca. 3 år" is a duration, "var ca. 25 år" is not
    one, two = scan.words_before(start)
    if one == "på" and _person_word(two.split(" ")[0]):
        return False  # "en datter på 9 år": how old, not how long
    if one == "fra" or two.startswith("fra "):
        return False  # "fra 14 år", "fra ca. 15 år": from that age (durations say "i", "for", "siden")
    return one in _DURATION_BEFORE or two in _DURATION_BEFORE


def _person_word(word: str) -> bool:
    """A word for a child or relative ("datter", "sønnen", "halvsøsken", "barnebarnet")."""
    word = word.strip(",.:;()").lower()
    return word in _CHILD_NOUNS or is_relation(word)


def _numeric_age(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/-–"):
        return None  # ("1-3 år": the end of a range, which the range shape reads)
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
    if suffix.startswith("årsalder"):
        return finding(start, end, Label.AGE, 0.9, FAMILY, "N-årsalderen")
    after = text[end:end + 12].lower()
    if after.startswith(_OLD) and not after.startswith(_DURATION_AFTER):
        return finding(start, end, Label.AGE, 0.95, FAMILY, "N år gammel")  # "over 50 år gammel" too
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
    opened = before.endswith((", ", "(", "\n", ": ", "– ", "- ", "( "))
    if opened or start == 0 or after.startswith(_AGE_AFTER):
        return True
    first = _skip_approximation(scan, start)
    if first < start and (text[max(0, first - 2):first].endswith((", ", "(", "\n")) or
                          scan.word_before(first) in ("er", "var", "fra", "blir", "ble")):
        return True  # "var ca. 25 år", "fra ca. 15 år"
    if scan.word_before(start) == "fra":
        return True  # "hasj fra 14 år": from that age
    if word_before_is_og(text, start):
        return True  # "(3 år og 6 år)": a second age
    word = scan.word_before(start)
    if word in ("er", "ble", "blir", "fyller", "fylte", "fyllte", "alder", "somer", "nå", "snart", "komma"):
        return True
    if word in _QUOTING or word == "ikke" and _AGE_BEFORE_IKKE.search(text, max(0, start - 24), start):
        return True  # "AI skrev 47 år", "står 6 år": a draft's age quoted; "er 52 år, ikke 47 år"
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


# verbs that quote what a draft or a person said ("AI skrev 47 år", "det står 6 år i notatet")
_QUOTING: Final = frozenset({"skrev", "skriver", "skrevet", "står", "sto", "stod", "sier", "sa", "oppga",
                             "wrote", "says"})
# an age and "ikke" right before a number: the number is the age it is mistaken for ("er 12 ikke 14")
_AGE_BEFORE_IKKE: Final = re.compile(r"(?<![\d.,/])\d{1,3}(?: ?år)? ?,? ikke $")
_SECOND_AGE: Final = re.compile(r"(?<![\d.,/])\d{1,3} ?år ?(?:,|og) $")


def word_before_is_og(text: str, start: int) -> bool:
    """An age right before: "3 år og 6 år", "12 år, 9 år"."""
    return _SECOND_AGE.search(text, max(0, start - 12), start) is not None


def _clause_has_duration_verb(scan: Scan, start: int) -> bool:
    clause = scan.text[max(0, start - 60):start]
    for stop in ".;\n":
        clause = clause.rsplit(stop, 1)[-1]
    return _DURATION_VERB.search(clause.lower()) is not None


_IN_BRACKETS: Final = re.compile(r"\( ?(\d{1,3})(?: ?(?:,|og) ?\d{1,3})* ?\)")


def _parenthesised(scan: Scan, start: int, end: int) -> Finding | None:
    """"Kari Nordmann (47)", "Mor ( 61 )", "Pas. (86)", "to halvsøsken (3 og 6)": an age in brackets
    right after a name, a role or a word for a relative."""
    text = scan.text
    if start < 2 or text[start - 1] != " " or not (text[start - 2].isalpha() or text[start - 2] == "."):
        return None
    word_start = start - 2 if text[start - 2] != "." else start - 3
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:start - 1].rstrip(".")
    if not word:
        return None
    low = word.lower()
    if not (word[0].isupper() or low in words.PERSON_TITLES or _person_word(low) or
            low.capitalize() in lang_nb.known_names() and low.capitalize() not in words.NAME_STOPWORDS
            or _relation_opens(text, word_start)):
        return None
    inside = text[start + 1:end - 1].replace(",", " ").replace("og", " ").split()
    if any(int(n) > 120 for n in inside):
        return None
    if len(inside) > 1 and not (_person_word(low) or low.endswith(("barn", "søsken"))):
        return None  # "(3 og 6)" only after a word for children or relatives
    first = text.index(inside[0], start)
    last = text.rindex(inside[-1], start, end) + len(inside[-1])
    return finding(first, last, Label.AGE, 0.85, FAMILY, "(N) after a name or role")


_NOT_BEFORE_BRACKET: Final = frozenset({"i", "på", "av", "til", "med", "for", "om", "og", "som", "er", "har",
                                        "var", "fra", "ved", "etter", "lenge", "siden", "dager", "uker"})


def _relation_opens(text: str, word_start: int) -> bool:
    """"Datter fra tidligere forhold (7)": a relation word two to four words before the brackets, with
    only words between (no number, no punctuation)."""
    if text[word_start:word_start + 12].split(" ")[0].lower() in _NOT_BEFORE_BRACKET:
        return False  # "fotball i (2) lag"
    before = text[max(0, word_start - 40):word_start].split()
    for w in reversed(before[-3:]):
        if not w.isalpha():
            return False
        if _person_word(w):
            return True
    return False


def _range_age(scan: Scan, start: int, end: int) -> Finding | None:
    """"i alderen 6 til 21 år", "hasj fra 14-15 år": one age span from the first number to "år"."""
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/-–"):
        return None
    numbers = re.findall(r"\d+", text[start:end])
    if len(numbers) != 2 or not int(numbers[0]) < int(numbers[1]) <= 120:
        return None
    after = text[end:end + 12].lower()
    first = _skip_approximation(scan, start)
    word = scan.word_before(first)
    if after.startswith(_DURATION_AFTER):
        return None
    if word in ("alderen", "alder", "fra", "mellom") or after.startswith(_OLD) or \
            text[max(0, first - 2):first].endswith(("(", "( ")):
        return finding(start, end, Label.AGE, 0.9, FAMILY, "N-M år")
    return None


_MONTHS_AGE_AFTER: Final = frozenset({"i", "for", "siste", "de", "etter", "innen", "hver", "hvert", "om",
                                      "per", "pr", "over", "under", "på", "ca", "ca.", "cirka", "omtrent",
                                      "noen", "flere", "første", "neste", "vart", "varte", "hatt", "gjennom",
                                      "til"})


def _infant_age(scan: Scan, start: int, end: int) -> Finding | None:
    """"datter Ella 14 mnd", "Spedbarn Noah, 4 mnd", "3 uker gammel": an infant's age in months or
    weeks; "i 3 uker", "de siste 2 mnd" are durations."""
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/-–"):
        return None
    i = start
    while text[i].isdigit():
        i += 1
    if int(text[start:i]) > 36:
        return None
    after = text[end:end + 12].lower()
    if after.startswith(_OLD):
        return finding(start, end, Label.AGE, 0.9, FAMILY, "N mnd gammel")
    if after.startswith(_DURATION_AFTER) or _clause_has_duration_verb(scan, start):
        return None
    one, two = scan.words_before(start)
    if one in _MONTHS_AGE_AFTER or one in _DURATION_BEFORE:
        return None
    prev = text[max(0, start - 40):start].replace(",", " ").split()
    if not prev:
        return None
    last = prev[-1]
    if not (_person_word(last) or last[:1].isupper() and last not in words.NON_NAME_CAPWORDS):
        return None
    if not any(_person_word(w) for w in prev[-5:]):
        return None  # "Ella 14 mnd" after "datter": a child named; a name alone could be anyone
    return finding(start, end, Label.AGE, 0.85, FAMILY, "infant N mnd")


_SUBJECTS: Final = frozenset(time_words.AGE_SUBJECTS)
_VERBS: Final = frozenset(time_words.AGE_VERBS)


def _bare_age(scan: Scan, start: int, end: int) -> Finding | None:
    """A number with no unit that the words around make an age: "Ola Hansen, 58,", "(Marte Vikøyr,
    19)", "bjørg eilertsen 72", "hun er 74!", "da han var 6.", "en datter på 20 (Julie)"."""
    text = scan.text
    if start == 0 or text[start - 1] not in " \t" or int(text[start:end]) > 110:
        return None
    if text.startswith(".", end) and text[end + 1:end + 2].isdigit():
        return None
    one, two = scan.words_before(start)
    first = two.split(" ")[0] if " " in two else ""
    if text[end:end + 12].lower().startswith(_UNIT_AFTER_BARE):
        return None  # "han er 2 dager postop", "hun er 1 av 3"
    if one in _VERBS and (first in _SUBJECTS or _person_word(first)
                          or first == "og" and _subject_before(scan, start)):
        return finding(start, end, Label.AGE, 0.85, FAMILY, "er/var N")
    if one == "ikke" and _bare_age_before_ikke(scan, start):
        return finding(start, end, Label.AGE, 0.85, FAMILY, "N ikke N")
    if one in _VERBS and first in _RIGHT and _age_earlier(scan, start):
        return finding(start, end, Label.AGE, 0.85, FAMILY, "riktig er N")  # "AI skrev 61, riktig er 66"
    if one == "på" and _person_word(first):
        return finding(start, end, Label.AGE, 0.85, FAMILY, "relative på N")
    prev = text[max(0, start - 48):start].split()
    comma = False
    if prev and prev[-1] == ",":
        prev.pop()
        comma = True
    elif prev and prev[-1].endswith(","):
        prev[-1] = prev[-1][:-1]
        comma = True
    if len(prev) < 2:
        return None
    last, before = prev[-1].lstrip("("), prev[-2].lstrip("(")
    named = prev[-3] if len(prev) >= 4 and prev[-2] == "," else prev[-2].rstrip(",")  # tokenized ", "
    if comma and len(prev) >= 3 and prev[-2].endswith(",") and last.islower() and last.isalpha() and \
            _name_word(named.lstrip("(")):
        return finding(start, end, Label.AGE, 0.8, FAMILY, "Name, occupation, N")  # "(Vilde Sørum, 19)"
    if not _name_word(last) and not (last in words.NAME_STOPWORDS and before in lang_nb.first_names()):
        return None  # ("Per Lie, 61": a surname that is also a word, after a first name)
    if comma and (_name_word(before) or before.lower().rstrip(".:") in words.PERSON_TITLES
                  or before.rstrip(":") in words.PERSON_FIELDS):
        return finding(start, end, Label.AGE, 0.85, FAMILY, "Name, N")
    if not comma and end < len(text) and text[end] in "\n.,:" and \
            last.capitalize() in lang_nb.surnames() and before.capitalize() in lang_nb.first_names():
        return finding(start, end, Label.AGE, 0.8, FAMILY, "Name N")
    return None


_UNIT_AFTER_BARE: Final = (" av ", " dager", " døgn", " uker", " timer", " min", " kg", " cm", " mm", " mg",
                           " ganger", " prosent", " poeng", " grader", " kilo", " meter", " stk", " tbl",
                           " x ", " til ", "-", "/")
_CLAUSE_SUBJECT: Final = re.compile(r"(?<![\w.])(?:han|hun|pasienten|pas\.|hen|jeg)(?![\w])")


_RIGHT: Final = frozenset({"riktig", "rett", "korrekt", "riktige", "egentlig", "faktisk"})
_NUMBER_EARLIER: Final = re.compile(r"(?<![\d.,/])(\d{1,3})( ?år)?(?![\d.,/]\d)")


def _age_earlier(scan: Scan, start: int) -> bool:
    """An age earlier on the line that "riktig er N" corrects ("hun er 61, riktig er 66"): a number
    with "år", or a bare one after a person and "er"/"var"."""
    line_start = scan.text.rfind("\n", 0, start) + 1
    found = list(_NUMBER_EARLIER.finditer(scan.text, max(line_start, start - 60), start))
    if not found:
        return False
    m = found[-1]
    return m.group(2) is not None or _bare_age_cued(scan, m.start(1), m.end(1))


def _subject_before(scan: Scan, start: int) -> bool:
    """A person earlier in the clause of "og er N" ("hun heter gerd holmen og er 84")."""
    clause = scan.text[max(0, start - 60):start]
    for stop in ".;!?\n":
        clause = clause.rsplit(stop, 1)[-1]
    return _CLAUSE_SUBJECT.search(clause.lower()) is not None


def _bare_age_before_ikke(scan: Scan, start: int) -> bool:
    """"sønnen er 12 ikke 14": the number before "ikke" is a bare age, so this one is the age it was
    mistaken for."""
    before = scan.text[max(0, start - 20):start]
    m = re.search(r"(?<![\d.,/])(\d{1,3})(?: ?år)? ?,? ikke $", before)
    if m is None:
        return False
    first = start - (len(before) - m.start(1))
    return _bare_age_cued(scan, first, first + len(m.group(1)))


def _bare_age_cued(scan: Scan, start: int, end: int) -> bool:
    one, two = scan.words_before(start)
    first = two.split(" ")[0] if " " in two else ""
    return one in _VERBS and (first in _SUBJECTS or _person_word(first))


def _name_word(word: str) -> bool:
    """A capitalised word that could be a name (not a sentence word, a place alone or a month), or a
    name any list knows written in lower case."""
    if not word.isalpha() and not (word.replace("-", "").isalpha() and "-" in word):
        return False
    if word[:1].isupper():
        return word not in words.NON_NAME_CAPWORDS and word not in words.NAME_STOPWORDS and \
            word.lower() not in words.MONTHS and not word.isupper()
    return word.capitalize() in lang_nb.known_names() and word.capitalize() not in words.NAME_STOPWORDS


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


# "hun er sekstisju og jobber", "sønnen som er sju punktum", "arne bjørk sekstiåtte operert": a number
# word with no "år" after a subject and "er"/"var", or right after a name (dictated text)
_VERB_NUMBER: Final = re.compile(
    r"(?<![\w.])([a-zæøå]+\.?) (?:er|var|blir|ble|fyller|fylte) ([a-zæøå]+)"
    r"(?= og | men | nå| punktum| komma|[.,!?]|$)")
_NAME_NUMBER: Final = re.compile(
    r"(?<![\w.])([a-zæøå]+) ((?:tjue|tretti|førti|femti|seksti|sytti|åtti|nitti)[a-zæøå]*)"
    r"(?![\wæøå]| år| års)")
_NOT_AFTER_NUMBER: Final = (" kroner", " kr", " prosent", " mg", " over", " minutter", " sekunder", " grader",
                            " ganger", " kilo", " cm", " meter")


def _worded_bare(scan: Scan) -> list[Finding]:
    out: list[Finding] = []
    text = scan.text
    for m in _VERB_NUMBER.finditer(text):
        value = number_word(m.group(2))
        if value is not None and m.group(1) in _SUBJECTS:
            out.append(finding(m.start(2), m.end(2), Label.AGE, 0.8, FAMILY, "er + number word"))
    for m in _NAME_NUMBER.finditer(text):
        name = m.group(1).capitalize()
        after = text[m.end():m.end() + 10].lower()
        if number_word(m.group(2)) is None or after.startswith(_NOT_AFTER_NUMBER):
            continue
        if name in lang_nb.surnames() and scan.word_before(m.start(1)).capitalize() in lang_nb.first_names():
            out.append(finding(m.start(2), m.end(2), Label.AGE, 0.8, FAMILY, "name + number word"))
    return out


_SPLIT_NUMBER: Final = re.compile(r"(?<![a-zæøå])([a-zæøå]+) (og )?$")


class AgeRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.AGE,)

    def find(self, scan: Scan) -> list[Finding]:
        found = list(scan.numeric(FAMILY)) + _cued_ages(scan)
        if "år" in scan.text:
            found.extend(self._worded(scan))
        found.extend(_worded_bare(scan))
        found.extend(infant_ages(scan))
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
        text = scan.text
        split = _SPLIT_NUMBER.search(text, max(0, s - 16), s)
        if split is not None:  # "seksti to år", "sju og femti år": one number said in two words
            tens, unit = (split.group(1), word) if split.group(2) is None else (word, split.group(1))
            if tens in words.TENS and unit in _NUMBER_WORDS and _NUMBER_WORDS[unit] < 10:
                s, value = split.start(), words.TENS[tens] + _NUMBER_WORDS[unit]
        if suffix.startswith(("årig", "åring")):
            return finding(s, j, Label.AGE, 0.95, FAMILY, "number word + årig")
        if suffix == "års" and text.startswith(" alder", j):
            return finding(s, j + 6, Label.AGE, 0.9, FAMILY, "number word + års alder")
        if suffix != "år" or _is_duration(scan, s, j):
            return None
        if value < 3 and not scan.text.startswith(_OLD, j):
            return None  # "to år" without "gammel" is mostly a duration
        return finding(s, j, Label.AGE, 0.8, FAMILY, "number word + år")


register_fragment(29, FAMILY, "N-M år", r"\d? ?(?:-|–|til) ?\d{1,3} ?år(?![a-zæøå])", _range_age)
register_fragment(30, FAMILY, "N år",
                  r"\d{0,2} ?-? ?"
                  r"(?:år(?:ig|ing|ingen|ingene|inger|ige|ene|salderen|salder|s)?|å(?=[\s.,;)]|$))"
                  r"(?![a-zæøå])",
                  _numeric_age)
register_fragment(31, FAMILY, "(N)", r" ?\d{1,3}(?: ?(?:,|og) ?\d{1,3})* ?\)", _parenthesised, lead="(")
register_fragment(32, FAMILY, "N mnd", r"\d? ?(?:mnd|mndr|måneder|måneders|md|uker|ukers)\.?(?![a-zæøå])",
                  _infant_age)
# last of all: a bare number that no other shape took, before punctuation or the end of a line
register_fragment(96, FAMILY, "bare N", r"\d?(?=[,.!?;)\n]| [,.!?;)(]| og | men | som | ikke | vi | jeg |$)",
                  _bare_age)
