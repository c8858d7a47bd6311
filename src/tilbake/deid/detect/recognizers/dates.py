"""Dates in every Norwegian written form: 12.03.2026, 12.3.26, 12/3-26, 2026-03-12, 12. mars 2026,
12. mar. 2026, 12 mars, mars 2026, and 12.03 or 12/3 when the words before make it a date.

Not dates: times of day (kl 12.03), bare years, week numbers (uke 12), durations, scores (7/10),
decimals (12.3).
"""

from __future__ import annotations

import re
from typing import Final

from tilbake.deid.detect.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    after_words,
    finding,
    is_boundary,
    register_fragment,
    register_literals,
)
from tilbake.deid.lang_nb import orgs, time_words, words
from tilbake.deid.spans import Label

FAMILY: Final = "dates"
_MONTHS: Final = words.MONTHS
# the look-ahead is implied by the alternatives, but as one class test it lets most numbers (the
# number scan tries this at every digit) fail at once instead of trying eleven months
_MONTH_RE: Final = (r"(?=[JjFfMmAaSsOoNnDd])"
                    r"(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ai|[Jj]u[nl]|[Aa]ug|[Ss]ep|[Oo]kt|[Nn]ov|[Dd]es"
                    r"|May|Oct|Dec)[a-zæøå]*")
_ENGLISH: Final = time_words.ENGLISH_MONTHS


def month_number(word: str) -> int | None:
    """The month of a Norwegian month name or abbreviation (any case) or an English one (capitalised)."""
    found = _MONTHS.get(word.lower())
    return found if found is not None else _ENGLISH.get(word)
_ABBREVIATIONS: Final = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des",
})
# sets: these are looked up for every candidate, and most lookups miss (a tuple compares every item)
_NOT_BEFORE: Final = frozenset({
    "kl", "kl.", "klokka", "klokken", "vas", "nrs", "uke", "uke:", "score", "poeng", "bt", "ndi", "odi",
    "psfs", "vekt", "høyde", "puls", "hb", "crp", "sr", "grad", "grader", "apgar",
})
_DATE_CUES: Final = frozenset({*words.DATE_CUES, "neste", "møte", "samtale", "avtale", "avtalt", "ny",
                                *(f"{w}." for w in words.WEEKDAYS if len(w) < 5)})
_SECOND_CUES: Final = frozenset({*words.WEEKDAYS, "den", "fra", "til"})
_SCORE_WORDS: Final = frozenset(words.SCORE_WORDS)


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _iso(scan: Scan, start: int, end: int) -> Finding | None:
    y, m, d = (int(x) for x in scan.text[start:end].split("-"))
    if 1900 <= y <= 2099 and _valid(d, m) and is_boundary(scan.text, start, end):
        return finding(start, end, Label.DATE, 1.0, FAMILY, "yyyy-mm-dd", "valid date")
    return None


_DMY_PARTS: Final = re.compile(r"(\d+)([./\-])(\d+)([./\-])")
_DMY_SEPARATORS: Final = frozenset({"..", "/-", "//", "--", "/."})


def _dmy(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    day, sep1, month, sep2 = _DMY_PARTS.match(text, start).groups()  # type: ignore[union-attr]
    if sep1 + sep2 not in _DMY_SEPARATORS or not _valid(int(day), int(month)):
        return None
    if (end < len(text) and text[end].isalnum()) or (
            text.startswith(",", end) and text[end + 1:end + 2].isdigit()):
        return None
    if start > 0 and text[start - 1].isalnum() and (end - start < 10 or text[start - 1].isdigit()):
        return None  # glued to a word: only a full dd.mm.yyyy is still a date
    if start > 0 and text[start - 1] in ".,/-":
        return None
    if sep1 == "-" and sep2 == "-" and scan.word_before(start) in _NOT_BEFORE:
        return None
    return finding(start, end, Label.DATE, 1.0, FAMILY, "dd.mm.yy(yy)", "valid date")


_WITH_MONTH_PARTS: Final = re.compile(r"(\d+)(?:st|nd|rd|th)?(?: ?\.)?(?: of)? ?([^\W\d_]+)")
# "22.–26. januar", "4. og 11. mars 2024": a day before the date's own day belongs to it
_DAY_BEFORE: Final = re.compile(r"(?<![\w.,/\-])(\d\d?) ?\. ?(?:[–-]|og|til) ?$")


def _with_month(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/"):
        return None
    if scan.word_before(start) == "uke":
        return None
    parts = _WITH_MONTH_PARTS.match(text, start, end)
    if parts is None:
        return None
    day = int(parts.group(1))
    j, k = parts.span(2)
    word = text[j:k]
    month = month_number(word)
    if month is None or not _valid(day, month) or (k < len(text) and text[k].isalnum()):
        return None
    stop = end
    tail = text[k:end]
    dotted = tail.lstrip(" ").startswith(".") and not tail.rstrip(".").strip()
    if dotted and word.lower() not in _ABBREVIATIONS:
        stop = k  # a sentence's full stop after a full month name
    elif tail.startswith(" .") and len(tail) == 2 and word.lower() in _ABBREVIATIONS:
        stop = end  # "15 . jan ." (tokenized): the abbreviation's dot
    first = start
    before = _DAY_BEFORE.search(text, max(0, start - 10), start)
    if before is not None and 1 <= int(before.group(1)) <= 31:
        first = before.start()
    return finding(first, stop, Label.DATE, 1.0, FAMILY, "dd. month (yyyy)", "valid date")


def _month_first(scan: Scan, start: int, end: int) -> Finding | None:
    """"juni 18. 2018", "July 5, 2014", "May 5th": the month first, then the day (and the year)."""
    text = scan.text
    if start > 0 and text[start - 1] != " ":
        return None
    w = start - 1
    while w > 0 and text[w - 1].isalpha():
        w -= 1
    month = month_number(text[w:start - 1])
    i = start
    while i < end and text[i].isdigit():
        i += 1
    day = int(text[start:i])
    rest = text[i:end]
    has_year = rest.endswith(tuple("0123456789"))
    ordinal = rest[:2] in ("st", "nd", "rd", "th")
    if month is None or not _valid(day, month) or not (has_year or ordinal):
        return None
    if end < len(text) and text[end].isalnum():
        return None
    return finding(w, end, Label.DATE, 0.95, FAMILY, "month dd. yyyy", "valid date")


def _tokenized_dmy(scan: Scan, start: int, end: int) -> Finding | None:
    """"12 . 03 . 2024": a full date whose dots a tokenizer set apart (a four-digit year only)."""
    parts = scan.text[start:end].split(".")
    day, month, year = (int(p) for p in parts)
    if not _valid(day, month) or not 1900 <= year <= 2099 or not is_boundary(scan.text, start, end):
        return None
    return finding(start, end, Label.DATE, 0.95, FAMILY, "dd . mm . yyyy", "valid date")


_NOT_AFTER_WEEKDAY_DAY: Final = (" klasse", " etasje", " gang", " plass", " trinn", " runde", " time ")


def _weekday_day(scan: Scan, start: int, end: int) -> Finding | None:
    """"fredag 21.", "Tirsdag 16 ." : a weekday and the day of the month (the weekday is added after)."""
    text = scan.text
    i = start
    while text[i].isdigit():
        i += 1
    if not 1 <= int(text[start:i]) <= 31 or text[end:end + 8].lower().startswith(_NOT_AFTER_WEEKDAY_DAY):
        return None
    return finding(start, end, Label.DATE, 0.9, FAMILY, "weekday dd.", "valid day")


_FRACTIONS: Final = frozenset({"1/2", "1/3", "1/4", "2/3", "3/4", "1/5", "1/8"})
_UNITS_AFTER: Final = (" mg", "mg", " %", "%", " g ", " ml", " kg", " cm", " mm", " tbl", " tablett", " dose",
                       " grader",
                       "°", " mmhg", " x ")


# cues that join a second date to a first ("12/3 og 14/3") but also a second score to a first
# ("VAS 7/10 i hvile og 8/10 ved aktivitet"): they count only when no score was named before
_WEAK_CUES: Final = frozenset({"og", "-", "–", "til", "fra", "per", "pr", "line start", "dato", "event",
                               "institution"})
# what is done on a day, as a passive or a participle ("nøkkelboks monteres 2/10", "sting fjernet 3/4"),
# and events named by a noun ("gips av 2/12", "stingfjerning 14/1"): a date cue, but a weak one, so a
# score named on the line still wins ("skåres 6/10" is no action, "VAS ... 2/10" stays a score)
_EVENT_VERBS: Final = ("montere", "fjerne", "skifte", "bytte", "levere", "hente", "starte", "avslutte",
                       "operere", "kontrollere", "planlegge", "trekke", "innkalle", "flytte", "sende",
                       "seponere", "gipse", "sy", "legge inn", "skrive ut", "installere", "utføre",
                       "gjennomføre", "avlyse", "utsette")
_EVENT_PARTICIPLES: Final = ("montert", "fjernet", "skiftet", "byttet", "levert", "hentet", "startet",
                             "avsluttet", "operert", "kontrollert", "planlagt", "trukket", "innkalt",
                             "flyttet", "sendt", "seponert", "gipset", "sydd", "installert", "utført",
                             "gjennomført", "avlyst", "utsatt", "avtalt", "booket", "bestilt")
_EVENT_NOUNS: Final = ("gips", "gipsen", "gipsing", "sting", "stingene", "stingfjerning", "suturfjerning",
                       "oppstart", "operasjon", "operasjonen", "inngrep", "inngrepet", "innleggelse",
                       "innleggelsen", "utskrivelse", "utskrivning", "oppmøte", "innkalling",
                       "innkallingen", "frist", "fristen", "kontrollen", "kontrolltime", "permisjon",
                       "levering", "montering", "fjerning", "trekking", "avtalen", "prøvetaking")
_EVENT_CUES: Final = frozenset({*(f"{v}s" for v in _EVENT_VERBS if " " not in v), *_EVENT_PARTICIPLES,
                                *_EVENT_NOUNS, "tas av", "tatt av", "tas ut", "tatt ut", "legges inn",
                                "lagt inn", "skrives ut", "skrevet ut"})
_EVENT_LINKS: Final = frozenset({"av", "på", "den", "fra", "til", "innen"})  # "gips av 2/12"
# the places care happens in, and hospitals by their own one-word names: "Bærum sykehus 9.6",
# "legevakten 3/4", "Haukeland 12/3"
_INSTITUTION_ENDS: Final = ("sykehus", "sykehuset", "sjukehus", "sjukehuset", "hospital", "hospitalet",
                            "legevakt", "legevakta", "legevakten", "akutten", "akuttmottak",
                            "akuttmottaket", "poliklinikk", "poliklinikken", "klinikk", "klinikken",
                            "sykehjem", "sykehjemmet", "legekontor", "legekontoret", "legesenter",
                            "legesenteret", "helsesenter", "helsesenteret", "luftambulansen")
_ONE_WORD_HOSPITALS: Final = frozenset(h for h in orgs.HOSPITALS if " " not in h)


def _event_cue(scan: Scan, start: int, one: str, two_words: str) -> str:
    """"event" after an action or event word (also across "av"/"på": "gips av 2/12"), "institution"
    right after a place of care or a hospital's own name; else ""."""
    word = one.rstrip(":,")
    if word in _EVENT_LINKS:
        word = two_words.split(" ")[0]
    if word in _EVENT_CUES or two_words in _EVENT_CUES:
        return "event"
    if one.endswith(_INSTITUTION_ENDS):
        return "institution"
    m = _LAST_WORD.search(scan.text, max(0, start - 40), start)
    if m is not None and m.group(1) in _ONE_WORD_HOSPITALS:
        return "institution"
    return ""


_LAST_WORD: Final = re.compile(r"([^\W\d_][\w\-]*) $")
# names of scales and scores: one earlier on the line makes a fraction a score
_SCORE_NEAR: Final = re.compile(
    r"(?<![a-zæøå])(?:vas|nrs|score[a-zæøå]*|[a-zæøå]*skår[a-zæøå]*|poeng|odi|ndi|psfs|mmse|apgar|asrs"
    r"|phq(?:-\d)?|gad(?:-\d)?|madrs|audit|dudit|mrc|kraft|styrke)(?![a-zæøå])"
    r"|(?P<strength>[a-zæøå]+(?:kraft|styrke))(?![a-zæøå])")
_FRACTION: Final = re.compile(r"(?<![\d./])(\d{1,2})/(\d{1,2})(?![\d/])")
# a fraction followed by what it counts is a score, not a date ("5/6 positive", "2/5 dager")
_COUNT_AFTER: Final = (" positive", " positiv", " negative", " riktige", " riktig", " poeng", " dager",
                       " ganger", " kriterier", " spørsmål", " ledd", " items", " ja-svar", " flere")


_ACRONYM_COLON: Final = re.compile(r"(?<![\w])[A-ZÆØÅ]{2,7}(?:-\d{1,2})? ?: ?$")  # also "ABCDE : 4/5"


def _score_like(scan: Scan, start: int, end: int, denominator: int) -> bool:
    """A fraction read as a score: a score word earlier on its line ("Kraft utadrot. 4/5", "VAS 7/10
    i hvile og 8/10"), what it counts after it ("2/5 dager"), or an earlier fraction with the same
    denominator on the line that was one ("... 2/5 flere dager, drang til selvskading 4/5")."""
    if scan.text[end:end + 12].lower().startswith(_COUNT_AFTER):
        return True
    if _ACRONYM_COLON.search(scan.text, max(0, start - 10), start) is not None and \
            int(scan.text[start:end].split("/")[0]) <= denominator:
        return True  # "ABCDE: 4/5": a scale's name and its score
    line = scan.window(start, 80)
    for near in _SCORE_NEAR.finditer(line):
        # a compound of strength ("gripestyrke", "utadrotasjonsstyrke") grades out of 5: not "Statkraft"
        if near.group("strength") is None or denominator == 5:
            return True
    offset = start - len(line)
    for m in _FRACTION.finditer(line):
        if int(m.group(2)) == denominator and int(m.group(1)) <= denominator and \
                scan.text[offset + m.end():offset + m.end() + 12].lower().startswith(_COUNT_AFTER):
            return True
    return False


def _day_month(scan: Scan, start: int, end: int) -> Finding | None:
    """12.03, 18.1. or 27/7 with no year: a date unless it reads as a decimal, score, fraction or time."""
    text = scan.text
    raw = text[start:end]
    sep = "." if "." in raw else "/"
    left, right = raw.split(sep)
    day, month = int(left), int(right)
    if not _valid(day, month) or not is_boundary(text, start, end):
        return None
    first = start
    if start > 0 and text[start - 1] in "-–":
        span_from = _DAY_BEFORE.search(text, max(0, start - 10), start)
        if span_from is not None and 1 <= int(span_from.group(1)) <= 31 and \
                scan.word_before(span_from.start()).rstrip(".") not in _NOT_BEFORE:
            first = span_from.start()  # "Natt 5.-6.12:", "12.–14.3": the first day of the range
    if first == start and start > 0 and text[start - 1] in ".,/-+":
        return None
    one, two_words = scan.words_before(start)
    if one in (".", ":") and two_words.endswith(f" {one}"):
        one = two_words.replace(" ", "")  # tokenized: "kl . 09.05" is "kl. 09.05", "Neste :" "Neste:"
    before = one.rstrip(":")
    if before in _NOT_BEFORE or text[end:end + 8].lower().startswith(_UNITS_AFTER):
        return None
    if sep == "." and len(left) == 2 and len(right) == 2 and day <= 23 and \
            not text[text.rfind("\n", 0, start) + 1:start].strip(" \t") and _under_date_heading(text, start):
        return None  # "7/12\n08.10 Ragnhild …": a shift log's time under the day's own date
    cue = before if before in _DATE_CUES else ""
    if cue == "man" and scan.word_before(start, 2).split(" ")[0] in _PRONOUN_MAN_BEFORE:
        cue = ""  # "når man 10.3 ...": the pronoun (one), not Monday
    if not cue:
        two = two_words.split(" ")[0] if before else ""
        cue = two if two in _SECOND_CUES else ""
    if not cue:
        cue = _line_cue(scan, start, end, sep)
    if not cue:
        cue = _event_cue(scan, start, one, two_words)
    if sep == "/" and (not cue or cue in _WEAK_CUES) and _score_like(scan, start, end, month):
        return None
    # the date's own dot, also set apart by a tokenizer ("23.4 ." at the end of a sentence)
    dot = 1 if text.startswith(".", end) else 2 if text.startswith(" .", end) else 0
    trailing_dot = sep == "." and dot > 0 and not text[end + dot:end + dot + 1].isdigit() and (
        dot == 1 or end + dot == len(text) or text[end + dot] in " \n")
    if cue or trailing_dot or first < start:
        score = 0.9
    elif sep == "." and len(right) == 2 and len(left) == 2:
        score = 0.75  # "17.07", "04.04": a decimal with two places that is also a valid date
    elif sep == "/" and raw not in _FRACTIONS and month != 10 and before not in _SCORE_WORDS:
        score = 0.7  # "27/7", "3/6"; "7/10" is left alone (scores out of 10)
    else:
        return None
    stop = end + dot if trailing_dot else end
    if trailing_dot and text[stop:stop + 3].lstrip(" \t")[:1] in ("", "\n") or \
            trailing_dot and text[stop:stop + 3].lstrip(" ")[:1].isupper():
        stop = end  # a full stop ends the sentence after it ("... til 18.10. Neste"): not the date's
    return finding(first, stop, Label.DATE, score, FAMILY, "dd.mm", "valid date", (cue,) if cue else ())


# the word, not an anonymizer's tag: "[DATO]" on a line of an anonymized text is no cue for "4/10"
_DATE_WORD: Final = re.compile(r"(?<![a-zæøå\[])(?:dato|datoen|datoer|datoene|date)(?![a-zæøå\]])",
                               re.IGNORECASE)
_SECTION_TITLE: Final = re.compile(r"[ \t]+[A-ZÆØÅ][a-zæøå]+(?:[ \t]+[a-zæøå]+){0,2}[ \t]*$")
_BEFORE_IKKE: Final = re.compile(r"(?<![\d./])(\d{1,2}[./]\d{1,2})\.? ?,? (?:ikke|not) $")


# a line that holds only a date, with a weekday before it or a colon after ("7/12", "Mandag 7.12.:",
# "07.12.2026"), or a line opening with a time that is no date ("09.00", "13.45", "kl 21.30")
_DATE_HEADING_LINE: Final = re.compile(
    r"^[ \t]*(?:[A-Za-zæøåÆØÅ]{2,8}\.?[ \t]+)?\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\.?[ \t]*:?[ \t]*$",
    re.MULTILINE)
_TIME_LINE: Final = re.compile(r"^[ \t]*(?:kl\.?[ \t]*)?(?:[01]\d|2[0-3])[.:](?:[0-5]\d)\b", re.MULTILINE)


def _under_date_heading(text: str, start: int) -> bool:
    """Whether a line-start "08.10" is a time in a log of the day: a line above it holds only a date,
    or another line of the text opens with a time that cannot be a date ("09.00", "13.45")."""
    if _DATE_HEADING_LINE.search(text, max(0, start - 400), max(0, start - 1)) is not None:
        return True
    for m in _TIME_LINE.finditer(text):
        hour, minute = m.group().strip().removeprefix("kl").strip(" .\t")[:2], m.group()[-2:]
        if m.start() != text.rfind("\n", 0, start) + 1 and (int(minute) == 0 or int(minute) > 12 or
                                                              int(hour) > 31 or int(hour) == 0):
            return True
    return False


# a day and a month of two digits ("16.10", "05/11"): "1.5" and "2.5" may be a column of decimals
_FIRST_CELL_DATE: Final = re.compile(r"[ \t]*\|[ \t]*(?:[1-9]|[012]\d|3[01])[./](?:1[0-2]|0[1-9])\.?[ \t]*\|")


def _date_column(text: str, line_start: int, line_end: int) -> bool:
    """Whether the row above or below also opens with a day and month in its first cell: a column
    of dates in a pipe table, one of them with a month of two digits (a decimal stays a number)."""
    above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    if line_start > 0 and _FIRST_CELL_DATE.match(text, above) is not None and above < line_start:
        return True
    return line_end < len(text) and _FIRST_CELL_DATE.match(text, line_end + 1) is not None


def _line_cue(scan: Scan, start: int, end: int, sep: str) -> str:
    """What on its line makes a bare "9.6" or "3/4" a date: standing first on the line as a dated entry
    ("9.6" alone, "3/4 nattevakt:", "14.1 L-rygg bedre, ..."; not a section number before a short
    title, "2.1 Anamnese"), the word "dato" earlier on the line ("feil dato, det var 9.6"), or a date
    right before "ikke" that it corrects ("9.6 ikke 6.9")."""
    text = scan.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lead = text[line_start:start].strip(" \t")
    if lead == "|" and text[end:line_end].lstrip(" \t")[:1] == "|" and \
            _date_column(text, line_start, line_end):
        return "table column"  # "| 2.10 | 7 | 200 m |" above "| 16.10 | 5 | 800 m |"
    if not lead:
        rest = text[end:line_end].rstrip(". \t")
        if rest.startswith(" av "):
            return ""  # "3/4 av dosen": a fraction
        if not rest or rest.lstrip(" \t")[:1] in (":", "-", "–") or \
                rest[:1] in " \t" and _SECTION_TITLE.fullmatch(rest) is None and rest.strip()[:1].isalpha():
            return "line start"
    stop = text.rfind(". ", line_start, start)
    sentence = line_start if stop < 0 else stop + 2  # the word counts in the date's own sentence
    if _DATE_WORD.search(text, sentence, start) is not None:
        return "dato"
    m = _BEFORE_IKKE.search(text, max(line_start, start - 16), start)
    if m is not None:
        first = m.start(1)
        if _day_month(scan, first, first + len(m.group(1))) is not None:
            return "ikke"
    return ""


def _compact(scan: Scan, start: int, end: int) -> Finding | None:
    """ddmmyy ("300726") with a valid calendar date, not an amount or a number after an ID cue."""
    text = scan.text
    day, month = int(text[start:start + 2]), int(text[start + 2:start + 4])
    if not _valid(day, month) or not is_boundary(text, start, end):
        return None
    if text[end:end + 4].lower().startswith((" kr", ",-", " nok", " stk")) or text[start - 1:start] in ".,":
        return None
    return finding(start, end, Label.DATE, 0.75, FAMILY, "ddmmyy", "valid date")


_SEASONS: Final = frozenset(time_words.SEASONS)


def _month_year(scan: Scan, start: int, end: int) -> Finding | None:
    """"mars 2026", "des. 2023", "høsten 2022": a year right after a month name or a season."""
    if end - start != 4 or not 1900 <= int(scan.text[start:end]) <= 2099:
        return None
    if start < 2 or scan.text[start - 1] != " ":
        return None
    word_end = start - 1
    if scan.text[word_end - 1] == ".":
        word_end -= 1  # "des. 2023"
    word_start = word_end
    while word_start > 0 and scan.text[word_start - 1].isalpha():
        word_start -= 1
    word = scan.text[word_start:word_end]
    if word_end - word_start < 3 or word_start > 0 and scan.text[word_start - 1].isalnum():
        return None
    if word_end < start - 1 and word.lower() not in _ABBREVIATIONS:
        return None  # "... i mars. 2026 var": a sentence ended after the month
    if month_number(word) is None and word.lower() not in _SEASONS:
        return None
    return finding(word_start, end, Label.DATE, 0.95, FAMILY, "month yyyy", "valid month")


class DateRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.DATE,)

    def find(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        for f in scan.numeric(FAMILY):
            out.extend(_with_weekday(scan.text, f))
        if scan.has_literal(_WORD_GATE):
            out.extend(_worded_dates(scan))
        return out


# A weekday before a date belongs to it: with the day and month it tells the year ("søndag 6. oktober").
# Short forms without their dot that are also names or pronouns ("man", "tor", "tors") become a span of
# their own, so that a name read in one ("Tor 5.9") never takes the date with it; the others ("ons",
# "fre", "tirs") join their date ("ons 20.").
_ENGLISH_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_BEFORE: Final = re.compile(
    r"(?<!\w)(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|(?:man|tirs?|ons|tors?|fre|lør|søn) ?\.|"
    rf"{'|'.join(_ENGLISH_WEEKDAYS)}|"
    r"(?P<bare>man|tirs?|ti|ons|tors?|fre|lør|søn))"
    r",?[ \t]+$", re.IGNORECASE)
# words after which "man" is the pronoun ("hvis man", "kan man"), not Monday
_PRONOUN_MAN_BEFORE: Final = frozenset({"hvis", "om", "når", "at", "så", "kan", "skal", "må", "bør", "vil",
                                        "der", "som", "hvor", "fordi", "da", "enn", "får", "fikk", "har",
                                        "hadde", "kunne", "skulle", "måtte", "burde", "ville", "og", "men"})


def _word_before(text: str, pos: int) -> str:
    words_ = text[max(0, pos - 20):pos].split()
    return words_[-1].lower() if words_ else ""


_SHORT_WEEKDAYS: Final = frozenset({"man", "tir", "tirs", "ti", "ons", "tor", "tors", "fre", "lør", "søn"})
_NAME_WEEKDAYS: Final = frozenset({"man", "tor", "tors"})  # a pronoun and a first name as well


def _with_weekday(text: str, f: Finding) -> list[Finding]:
    start = f.span.start
    # what the regex needs, tested first (it runs for every date): blanks right before the date (or
    # before a final newline, where "$" also matches), after an optional comma, a full weekday
    # ("...dag"), a short form's dot or a short form
    window = text[max(0, start - 16):start]
    if window.endswith("\n"):
        window = window[:-1]
    bare = window.rstrip(" \t")
    if len(bare) == len(window):
        return [f]
    if bare.endswith(","):
        bare = bare[:-1]
    if not bare.endswith(".") and bare[-3:].lower() not in ("dag", "day"):
        i = len(bare)
        while i > 0 and bare[i - 1].isalpha():
            i -= 1
        if bare[i:].lower() not in _SHORT_WEEKDAYS:
            return [f]
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return [f]
    if m.group("bare") is None:
        return [finding(m.start(), f.span.end, Label.DATE, f.span.score, FAMILY, f"weekday + {f.pattern}",
                        f.check, f.cues)]
    short = m.group("bare")
    line_start = m.start() == 0 or text[m.start() - 1] == "\n"
    if short.lower() == "man" and _word_before(text, m.start()) in _PRONOUN_MAN_BEFORE:
        return [f]  # "når man 12.03 ...": the pronoun (one)
    if f.span.score < 0.9 and not line_start and short.lower() in _NAME_WEEKDAYS:
        return [f]  # "Tor 5.9": a name may stand where a weekday would
    if short.lower() not in _NAME_WEEKDAYS:
        # "ons 20.", "fre 11/12": no name reads so, and the weekday goes with its date as one span
        return [finding(m.start(), f.span.end, Label.DATE, max(f.span.score, 0.9), FAMILY,
                        f"short weekday + {f.pattern}", f.check, f.cues)]
    return [f, finding(m.start(), m.start() + len(short), Label.DATE, 0.9, FAMILY, "weekday before a date")]


# Dates in words: a month alone after a word that places an event in time ("siden januar", "fra
# des. 2023"); spoken dates ("femte mars", "tolvte i tredje nittenåttifire", "søndag den niende").
_FULL_MONTHS: Final = tuple(m for m in words.MONTHS if len(m) > 4 or m in ("mars", "mai", "juni", "juli"))
_ABBREVIATED: Final = tuple(sorted(_ABBREVIATIONS))
_ORDINALS: Final = time_words.ORDINALS
_WEEKDAY_WORDS: Final = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
# ("jul" alone is Christmas: "før jul.")
# seasons and holidays in the definite form ("siden høstferien", nynorsk "sidan sommaren"), a date
# only right after a word that starts or ends a period of the timeline (not "i", "hele": "i sommeren")
_SEASON_NEEDLES: Final = frozenset(time_words.SEASONS_ALONE)
_SEASON_CUES: Final = frozenset(time_words.SEASON_ALONE_CUES)
_MONTH_NEEDLES: Final = _SEASON_NEEDLES | frozenset({*_FULL_MONTHS,
                                   *(f"{a}{dot}" for a in _ABBREVIATED if a != "jul" for dot in ". .")})
_ORDINAL_NEEDLES: Final = frozenset({*_ORDINALS, *(o.capitalize() for o in _ORDINALS)})
# English month names, capitalised as English writes them: a date only after an English cue
_ENGLISH_NEEDLES: Final = frozenset(m for m in _ENGLISH if len(m) > 3)
_ENGLISH_CUES: Final = frozenset({"since", "from", "until", "in"})
_WORD_GATE: Final = _MONTH_NEEDLES | _ORDINAL_NEEDLES | _ENGLISH_NEEDLES
register_literals(_WORD_GATE)
_MONTH_CUES: Final = frozenset(time_words.MONTH_ALONE_CUES)
_ALT: Final = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_SPOKEN: Final = re.compile(
    rf"(?P<day>{_ALT})(?: den)?(?: (?P<month>{'|'.join(sorted(_FULL_MONTHS, key=len, reverse=True))})"
    rf"| i (?P<mord>{_ALT}))(?![a-zæøå])(?P<year> (?:nitten|tjue|to ?tusen(?: ?og)?) ?[a-zæøå]+)?",
    re.IGNORECASE)
_SPOKEN_WEEKDAY: Final = re.compile(rf"(?:{'|'.join(_WEEKDAY_WORDS)})(?: den)? $", re.IGNORECASE)


def _year_in_words(phrase: str) -> bool:
    """"nittenåttifire", "tjue tjuefire", "totusenogtjuefire": a year spoken."""
    from tilbake.deid.detect.recognizers.ages import number_word

    rest = phrase.strip().lower()
    for head in ("to tusen og", "totusen og", "to tusen", "totusenog", "totusen", "nitten", "tjue"):
        if rest.startswith(head):
            rest = rest[len(head):].strip()
            if rest.startswith("og"):
                rest = rest[2:].strip()
            return number_word(rest) is not None or rest in ("null", "en", "ett", "hundre")
    return False


def _worded_dates(scan: Scan) -> list[Finding]:
    text = scan.text
    out: list[Finding] = []
    taken = -1
    for last, needle in scan.literals:
        start = last - len(needle) + 1
        if start < taken or needle not in _WORD_GATE:
            continue
        if start > 0 and text[start - 1].isalnum() or last + 1 < len(text) and text[last + 1].isalpha():
            continue
        if needle in _ORDINAL_NEEDLES:
            found = _spoken(scan, start)
        else:
            found = _month_alone(scan, start, last + 1, needle)
        if found is not None:
            out.append(found)
            taken = found.span.end
    return out


def _spoken(scan: Scan, start: int) -> Finding | None:
    text = scan.text
    m = _SPOKEN.match(text, start)
    weekday = _SPOKEN_WEEKDAY.search(text, max(0, start - 12), start)
    if m is None:
        if weekday is None:
            return None
        end = start  # "søndag den niende": a weekday and a day tell the date
        while end < len(text) and text[end].isalpha():
            end += 1
        return finding(weekday.start(), end, Label.DATE, 0.85, FAMILY, "weekday + day in words")
    if m.group("mord") is not None and _ORDINALS[m.group("mord").lower()] > 12:
        return None
    end = m.end() if m.group("year") and _year_in_words(m.group("year")) else m.start("year") \
        if m.group("year") else m.end()
    first = weekday.start() if weekday is not None else start
    return finding(first, end, Label.DATE, 0.9, FAMILY, "date in words")


def _month_alone(scan: Scan, start: int, end: int, needle: str) -> Finding | None:
    """"siden januar", "i mai", "fra des.": a month that places something in time."""
    text = scan.text
    after = text[end:end + 6]
    if after[:1] == " " and after[1:2].isdigit() or text[max(0, start - 3):start].rstrip(" ").endswith(
            tuple("0123456789.")):
        return None  # a year or a day belongs to it, and the number scan has it ("mai 2022", "3. mai")
    one, two = scan.words_before(start)
    if needle in _SEASON_NEEDLES:
        if one not in _SEASON_CUES:
            return None
        return finding(start, end, Label.DATE, 0.85, FAMILY, "season alone", cues=(one,))
    if needle in _ENGLISH_NEEDLES:
        if one not in _ENGLISH_CUES:
            return None  # "Mark Twain", "May I"
    elif one not in _MONTH_CUES and two not in _MONTH_CUES:
        return None
    return finding(start, end, Label.DATE, 0.85, FAMILY, "month alone", cues=(one,))


register_fragment(20, FAMILY, "yyyy-mm-dd", r"\d{3}-\d\d?-\d\d?(?!\d)", _iso)
register_fragment(21, FAMILY, "dd.mm.yyyy", r"\d?[./\-]\d\d?[./\-](?:\d{4}|\d\d)(?!\d)", _dmy)
register_fragment(22, FAMILY, "dd. month yyyy",
                  rf"\d?(?:st|nd|rd|th)?(?: ?\.)?(?: of)? ?{_MONTH_RE}"
                  r"(?: ?\.)?(?: \d{4}(?!\d)| \d\d(?![\d:.]))?",
                  _with_month)
register_fragment(23, FAMILY, "dd . mm . yyyy", r"\d? \. \d\d? \. \d{4}(?!\d)", _tokenized_dmy)
_MONTH_FIRST_WORDS: Final = [*_FULL_MONTHS, *(m.capitalize() for m in _FULL_MONTHS), *_ENGLISH]
register_fragment(24, FAMILY, "month dd. yyyy",
                  after_words(_MONTH_FIRST_WORDS) + r"\d?(?:st|nd|rd|th)?(?: ?[.,])?(?: \d{4}(?!\d))?",
                  _month_first)
_DOTTED_WEEKDAYS: Final = ("man", "tir", "tirs", "ons", "tor", "tors", "fre", "lør", "søn")
# without their dot only the short forms that are no word or name ("tirs 16.", not "man 3.", "Tor 5.")
_UNDOTTED_WEEKDAYS: Final = ("tirs", "ons", "fre", "lør", "søn")
_WEEKDAY_FORMS: Final = [*_WEEKDAY_WORDS, *(w.capitalize() for w in _WEEKDAY_WORDS),
                         *(w.upper() for w in _WEEKDAY_WORDS), *(f"{w}." for w in _DOTTED_WEEKDAYS),
                         *(f"{w.capitalize()}." for w in _DOTTED_WEEKDAYS), *_UNDOTTED_WEEKDAYS,
                         *(w.capitalize() for w in _UNDOTTED_WEEKDAYS),
                         *_ENGLISH_WEEKDAYS, *(w.capitalize() for w in _ENGLISH_WEEKDAYS)]
register_fragment(25, FAMILY, "weekday dd.", after_words(_WEEKDAY_FORMS) + r"\d? ?\.(?![\d])", _weekday_day)


def _english_weekday_day(scan: Scan, start: int, end: int) -> Finding | None:
    """"Monday 2nd", "on Friday 13th": an English weekday and an ordinal day."""
    digits = scan.text[start:end].rstrip("stndrh")
    return finding(start, end, Label.DATE, 0.9, FAMILY, "weekday dd.") if 1 <= int(digits) <= 31 else None


register_fragment(26, FAMILY, "English weekday + ordinal",
                  after_words([*_ENGLISH_WEEKDAYS, *(w.capitalize() for w in _ENGLISH_WEEKDAYS)])
                  + r"\d?(?:st|nd|rd|th)(?![\w])", _english_weekday_day)
# (?<![^\W_]\d): not glued to a letter ("M54.5"); the handler would refuse it, and no later
# fragment can match where this one does, so the regex may as well refuse it first
register_fragment(65, FAMILY, "dd.mm", r"(?<![^\W_]\d)\d?[./]\d\d?(?![\d/]|\.\d)", _day_month)
register_fragment(67, FAMILY, "ddmmyy", r"\d{5}(?![\d])", _compact)
register_fragment(66, FAMILY, "month yyyy",
                  after_words([*words.MONTHS, *(m.capitalize() for m in words.MONTHS), *_ENGLISH,
                               *(f"{a}." for a in _ABBREVIATED), *time_words.SEASONS,
                               *(w.capitalize() for w in time_words.SEASONS)]) + r"\d{3}(?!\d)",
                  _month_year)
