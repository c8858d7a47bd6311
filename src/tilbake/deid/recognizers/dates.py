"""Dates in every Norwegian written form: 12.03.2026, 12.3.26, 12/3-26, 2026-03-12, 12. mars 2026,
12. mar. 2026, 12 mars, mars 2026, and 12.03 or 12/3 when the words before make it a date.

Not dates: times of day (kl 12.03), bare years, week numbers (uke 12), durations, scores (7/10),
decimals (12.3).
"""

from __future__ import annotations

from tilbake.deid.lang_nb import words
from tilbake.deid.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    finding,
    is_boundary,
    register_fragment,
    register_number_handler,
)
from tilbake.deid.spans import Label

FAMILY = "dates"
_MONTH_RE = r"(?i:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)[a-zæøå]*"
_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des"})
_NOT_BEFORE = ("kl", "kl.", "klokka", "klokken", "vas", "nrs", "uke", "uke:", "score", "poeng", "bt",
               "ndi", "odi", "psfs", "vekt", "høyde", "puls", "hb", "crp", "sr", "grad", "grader")


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _iso(scan: Scan, start: int, end: int) -> Finding | None:
    y, m, d = (int(x) for x in scan.text[start:end].split("-"))
    if 1900 <= y <= 2099 and _valid(d, m) and is_boundary(scan.text, start, end):
        return finding(start, end, Label.DATE, 1.0, FAMILY, "yyyy-mm-dd", "valid date")
    return None


def _dmy(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    raw = text[start:end]
    seps = [c for c in raw if not c.isdigit()]
    if seps not in (['.', '.'], ['/', '-'], ['/', '/'], ['-', '-'], ['/', '.']):
        return None
    parts = [int(p) for p in raw.replace("/", ".").replace("-", ".").split(".")]
    if not _valid(parts[0], parts[1]) or text.startswith(",", end) or (end < len(text) and text[end].isalnum()):
        return None
    if start > 0 and text[start - 1].isalnum() and (len(raw) < 10 or text[start - 1].isdigit()):
        return None  # glued to a word: only a full dd.mm.yyyy is still a date
    if start > 0 and text[start - 1] in ".,/-":
        return None
    if seps == ['-', '-'] and scan.word_before(start) in _NOT_BEFORE:
        return None
    return finding(start, end, Label.DATE, 1.0, FAMILY, "dd.mm.yy(yy)", "valid date")


def _with_month(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/") or scan.word_before(start) == "uke":
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
    month = words.MONTHS.get(word)
    if month is None or not _valid(day, month) or (k < len(text) and text[k].isalnum()):
        return None
    stop = end
    if text[end - 1] == "." and k == end - 1 and word not in _ABBREVIATIONS:
        stop = end - 1  # a sentence's full stop after a full month name
    return finding(start, stop, Label.DATE, 1.0, FAMILY, "dd. month (yyyy)", "valid date")


def _day_month(scan: Scan, start: int, end: int) -> Finding | None:
    """12.03 or 12/3 with no year: a date only when the words before say so."""
    text = scan.text
    sep = "." if "." in text[start:end] else "/"
    day, month = (int(x) for x in text[start:end].split(sep))
    if not _valid(day, month) or not is_boundary(text, start, end):
        return None
    if start > 0 and text[start - 1] in ".,/-+":
        return None
    before = scan.word_before(start)
    if before in _NOT_BEFORE or text.startswith((" mg", "mg", " %", "%"), end):
        return None
    cue = before if before in words.DATE_CUES else ""
    if not cue:
        two = scan.word_before(start, 2).split(" ")[0] if before else ""
        cue = two if two in words.WEEKDAYS or two in ("den", "fra", "til") else ""
    if not cue and sep == "." and len(text[start:end].split(".")[1]) == 2:
        after = text[end:end + 4].lower()
        if after.startswith((" kl", " -", "-", " og", " til")):
            cue = "kl/range after"
    if not cue:
        return None
    return finding(start, end, Label.DATE, 0.85, FAMILY, "dd.mm in date context", "valid date", (cue,))


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
    if scan.lower[word_start:word_end] not in words.MONTHS or word_end - word_start < 3:
        return None
    return finding(word_start, end, Label.DATE, 0.95, FAMILY, "month yyyy", "valid month")


class DateRecognizer(Recognizer):
    name = FAMILY
    labels = (Label.DATE,)

    def find(self, scan: Scan) -> list[Finding]:
        return list(scan.numeric(FAMILY))


register_fragment(20, FAMILY, "iso", r"\d{4}-\d{1,2}-\d{1,2}(?![\d])", _iso)
register_fragment(21, FAMILY, "dmy", r"\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})(?![\d])", _dmy)
register_fragment(22, FAMILY, "month", rf"\d{{1,2}}\.?[ ]?{_MONTH_RE}\.?(?:[ ]\d{{4}}(?![\d])|[ ]\d{{2}}(?![\d]))?",
                  _with_month)
register_fragment(65, FAMILY, "day_month", r"\d{1,2}[./]\d{1,2}(?![\d])", _day_month)
register_number_handler(20, FAMILY, _month_year)
