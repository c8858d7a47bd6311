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
)
from tilbake.deid.lang_nb import words
from tilbake.deid.spans import Label

FAMILY: Final = "dates"
_MONTHS: Final = words.MONTHS
# the look-ahead is implied by the alternatives, but as one class test it lets most numbers (the
# number scan tries this at every digit) fail at once instead of trying eleven months
_MONTH_RE: Final = (r"(?=[JjFfMmAaSsOoNnDd])"
                    r"(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ai|[Jj]u[nl]|[Aa]ug|[Ss]ep|[Oo]kt|[Nn]ov|[Dd]es)[a-zæøå]*")
_ABBREVIATIONS: Final = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des",
})
# sets: these are looked up for every candidate, and most lookups miss (a tuple compares every item)
_NOT_BEFORE: Final = frozenset({
    "kl", "kl.", "klokka", "klokken", "vas", "nrs", "uke", "uke:", "score", "poeng", "bt", "ndi", "odi",
    "psfs", "vekt", "høyde", "puls", "hb", "crp", "sr", "grad", "grader",
})
_DATE_CUES: Final = frozenset(words.DATE_CUES)
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


def _with_month(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/"):
        return None
    if scan.word_before(start) == "uke":
        return None
    i = start
    while text[i].isdigit():
        i += 1
    day = int(text[start:i])
    j = i
    while not text[j].isalpha():
        j += 1
    k = j
    while k < end and text[k].isalpha():
        k += 1
    word = text[j:k].lower()
    month = _MONTHS.get(word)
    if month is None or not _valid(day, month) or (k < len(text) and text[k].isalnum()):
        return None
    stop = end
    if text[end - 1] == "." and k == end - 1 and word not in _ABBREVIATIONS:
        stop = end - 1  # a sentence's full stop after a full month name
    return finding(start, stop, Label.DATE, 1.0, FAMILY, "dd. month (yyyy)", "valid date")


_FRACTIONS: Final = frozenset({"1/2", "1/3", "1/4", "2/3", "3/4", "1/5", "1/8"})
_UNITS_AFTER: Final = (" mg", "mg", " %", "%", " g ", " ml", " kg", " cm", " mm", " tbl", " tablett", " dose",
                       " grader",
                       "°", " mmhg", " x ")


def _day_month(scan: Scan, start: int, end: int) -> Finding | None:
    """12.03, 18.1. or 27/7 with no year: a date unless it reads as a decimal, score, fraction or time."""
    text = scan.text
    raw = text[start:end]
    sep = "." if "." in raw else "/"
    left, right = raw.split(sep)
    day, month = int(left), int(right)
    if not _valid(day, month) or not is_boundary(text, start, end):
        return None
    if start > 0 and text[start - 1] in ".,/-+":
        return None
    one, two_words = scan.words_before(start)
    before = one.rstrip(":")
    if before in _NOT_BEFORE or text[end:end + 8].lower().startswith(_UNITS_AFTER):
        return None
    cue = before if before in _DATE_CUES else ""
    if not cue:
        two = two_words.split(" ")[0] if before else ""
        cue = two if two in _SECOND_CUES else ""
    trailing_dot = sep == "." and text.startswith(".", end) and not text[end + 1:end + 2].isdigit()
    if cue or trailing_dot:
        score = 0.9
    elif sep == "." and len(right) == 2 and len(left) == 2:
        score = 0.75  # "17.07", "04.04": a decimal with two places that is also a valid date
    elif sep == "/" and raw not in _FRACTIONS and month != 10 and before not in _SCORE_WORDS:
        score = 0.7  # "27/7", "3/6"; "7/10" is left alone (scores out of 10)
    else:
        return None
    stop = end + 1 if trailing_dot else end
    return finding(start, stop, Label.DATE, score, FAMILY, "dd.mm", "valid date", (cue,) if cue else ())


def _compact(scan: Scan, start: int, end: int) -> Finding | None:
    """ddmmyy ("300726") with a valid calendar date, not an amount or a number after an ID cue."""
    text = scan.text
    day, month = int(text[start:start + 2]), int(text[start + 2:start + 4])
    if not _valid(day, month) or not is_boundary(text, start, end):
        return None
    if text[end:end + 4].lower().startswith((" kr", ",-", " nok", " stk")) or text[start - 1:start] in ".,":
        return None
    return finding(start, end, Label.DATE, 0.75, FAMILY, "ddmmyy", "valid date")


def _month_year(scan: Scan, start: int, end: int) -> Finding | None:
    """"mars 2026": a year right after a month name."""
    if end - start != 4 or not 1900 <= int(scan.text[start:end]) <= 2099:
        return None
    if start < 2 or scan.text[start - 1] != " ":
        return None
    word_end = start - 1
    word_start = word_end
    while word_start > 0 and scan.text[word_start - 1].isalpha():
        word_start -= 1
    if scan.text[word_start:word_end].lower() not in _MONTHS or word_end - word_start < 3:
        return None
    return finding(word_start, end, Label.DATE, 0.95, FAMILY, "month yyyy", "valid month")


class DateRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.DATE,)

    def find(self, scan: Scan) -> list[Finding]:
        return [_with_weekday(scan.text, f) for f in scan.numeric(FAMILY)]


# A weekday before a date belongs to it: with the day and month it tells the year ("søndag 6. oktober").
# Short forms only with their dot: "man", "ons" and "fre" are words too.
_WEEKDAY_BEFORE: Final = re.compile(
    r"(?<!\w)(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|(?:man|tirs?|ons|tors?|fre|lør|søn)\.)"
    r",?[ \t]+$", re.IGNORECASE)


def _with_weekday(text: str, f: Finding) -> Finding:
    start = f.span.start
    # what the regex needs, tested first (it runs for every date): blanks right before the date (or
    # before a final newline, where "$" also matches), after an optional comma, a full weekday
    # ("...dag") or a short form's dot
    window = text[max(0, start - 16):start]
    if window.endswith("\n"):
        window = window[:-1]
    bare = window.rstrip(" \t")
    if len(bare) == len(window):
        return f
    if bare.endswith(","):
        bare = bare[:-1]
    if not bare.endswith(".") and bare[-3:].lower() != "dag":
        return f
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return f
    return finding(m.start(), f.span.end, Label.DATE, f.span.score, FAMILY, f"weekday + {f.pattern}",
                   f.check, f.cues)


register_fragment(20, FAMILY, "yyyy-mm-dd", r"\d{3}-\d\d?-\d\d?(?!\d)", _iso)
register_fragment(21, FAMILY, "dd.mm.yyyy", r"\d?[./\-]\d\d?[./\-](?:\d{4}|\d\d)(?!\d)", _dmy)
register_fragment(22, FAMILY, "dd. month yyyy", rf"\d?\.? ?{_MONTH_RE}\.?(?: \d{{4}}(?!\d)| \d\d(?![\d:.]))?",
                  _with_month)
# (?<![^\W_]\d): not glued to a letter ("M54.5"); the handler would refuse it, and no later
# fragment can match where this one does, so the regex may as well refuse it first
register_fragment(65, FAMILY, "dd.mm", r"(?<![^\W_]\d)\d?[./]\d\d?(?![\d/]|\.\d)", _day_month)
register_fragment(67, FAMILY, "ddmmyy", r"\d{5}(?![\d])", _compact)
register_fragment(66, FAMILY, "month yyyy",
                  after_words([*words.MONTHS, *(m.capitalize() for m in words.MONTHS)]) + r"\d{3}(?!\d)",
                  _month_year)
