"""Phones (Norwegian numbering plan and foreign numbers with a country code), e-mail addresses, URLs.

Norwegian numbers have 8 digits and never start with 0 or 1 (mobile 4x/9x, fixed 2x/3x/5x/6x/7x,
8xx service numbers). Written 2+2+2+2, 3+2+3, 4+4 or unspaced, optionally after +47 / 0047. A row of
measurements ("50 60 70 70") and an unspaced 8-digit number outside the mobile series without a cue
(article and order numbers) are not phones.
"""

from __future__ import annotations

import re
from typing import Final

import phonenumbers

from tilbake.deid.detect.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    cue_regex,
    finding,
    is_boundary,
    register_fragment,
    register_literals,
)
from tilbake.deid.lang_nb import words
from tilbake.deid.spans import Label

FAMILY: Final = "contact"
# the regexes of what follows the first character ("+" or the first digit)
_SEP: Final = r"[ \-.]"
_NO_PHONE: Final = (rf"\d{_SEP}\d\d{_SEP}\d\d{_SEP}\d\d(?!\d)|\d\d{_SEP}\d\d{_SEP}\d{{3}}(?!\d)"
                    rf"|\d{{3}}{_SEP}\d{{4}}(?!\d)|\d\d \d{{5}}(?!\d)|\d{{7}}(?!\d)")
_PREFIXED: Final = r"\d{1,3}[ \-]?(?:\(0\)[ ]?)?\d{1,4}(?:[ \-]?\d{1,4}){1,5}(?!\d)"
_PREFIXED_00: Final = r"(?<=0)0\d{1,3}[ \-]?\d{1,4}(?:[ \-]?\d{1,4}){1,5}(?!\d)"
_ROW_AFTER: Final = re.compile(r"[ ,;]+\d")
_UNITS_AFTER: Final = re.compile(r"\s?(?:°|grader|mm|cm|kg|%|/)")


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


_NOT_PHONE_CUE: Final = cue_regex(words.NOT_PHONE_CUES).search
_PHONE_CUES: Final = cue_regex(words.PHONE_CUES).findall
_STRONG_CUE: Final = cue_regex(words.STRONG_PHONE_CUES).finditer
# between a strong cue and its number: a few short words and signs ("tlf pas:", "mobil nr.", "ring meg på",
# "telefonnummeret er"), no digits
_CUE_GAP: Final = re.compile(r"[a-zæøå]*(?:[ .:;,(\-]+(?:[a-zæøå]{1,6}|nr\.?))?"
                             r"(?:[ .:;,(\-]+(?:[a-zæøå]{1,6}))?[ .:;,(\-]*")
_ANY_GROUPING: Final = r"(?:[ \-]?\d){7}(?!\d)"


def strong_cue_before(scan: Scan, start: int) -> str:
    """The strong phone cue ("tlf", "mobil", "ring") that announces the number starting at ``start``:
    at most two short words between them ("Tlf pas: ...", "ring meg på ..."); "" when there is none."""
    window = scan.window(start, 32)
    for m in _STRONG_CUE(window):
        gap = _CUE_GAP.fullmatch(window, m.end())
        if gap is not None:
            return m.group()
    return ""


def _cued_any_grouping(scan: Scan, start: int, end: int) -> Finding | None:
    """Eight digits grouped any way ("9 12 34 567", "4 11 29 038"), or starting with 0 or 1
    ("mob 04123456"), right after a strong phone cue."""
    text = scan.text
    if not is_boundary(text, start, end) or text.startswith((",", ".", "/"), end) and \
            text[end + 1:end + 2].isdigit():
        return None
    cue = strong_cue_before(scan, start)
    if not cue or _NOT_PHONE_CUE(scan.window(start, 40)) is not None:
        return None
    return finding(start, end, Label.PHONE, 0.9, FAMILY, "phone (after a cue)", "eight digits", (cue,))


def _national(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if not is_boundary(text, start, end) or text[start] in "01":
        return None
    raw = text[start:end]
    before = text[start - 2:start] if start > 1 else ""
    if before[-1:] in (".", ",", ":", "-") or (before[-1:] == "/" and not before[:1].isalpha()):
        return None  # part of a longer figure ("1.234 5678", "12/34 56 78"); "Name/91234567" is fine
    if text.startswith((",", "/"), end) and text[end + 1:end + 2].isdigit():
        return None
    window = scan.window(start, 40)
    if _NOT_PHONE_CUE(window) is not None:  # any_cue(window, words.NOT_PHONE_CUES)
        return None
    cues = _PHONE_CUES(window)  # has_cue(window, words.PHONE_CUES): the last one
    cue = str(cues[-1]) if cues else ""
    spaced = " " in raw or "-" in raw or "." in raw
    if spaced and not cue:
        if _ROW_AFTER.match(text, end) or (start > 1 and text[start - 2].isdigit()):
            return None  # a row of measurements continues on either side
        if _UNITS_AFTER.match(text, end):
            return None
        groups = raw.replace("-", " ").replace(".", " ").split()
        if len(groups) == 4 and all(g[-1] in "05" for g in groups):
            return None  # "50 60 70 70": degrees, not a subscriber
    separated = text[max(0, start - 3):start].strip()[-1:] in ("|", "/", ":", "(")
    if not spaced and not cue and raw[0] not in "49" and not separated:
        return None  # 8 digits outside the mobile series without a cue: article/order number
    score = 0.95 if cue else (0.85 if spaced else 0.7)
    return finding(start, end, Label.PHONE, score, FAMILY, "phone (NO)", "numbering plan ok",
                   (cue,) if cue else ())


def _prefixed(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    if start > 0 and text[start - 1].isalnum():
        return None
    raw = text[start:end]
    digits = _digits(raw)
    if raw.startswith("00"):
        digits = digits[2:]
    if digits.startswith("47"):
        national = digits[2:]
        if len(national) == 8 and national[0] not in "01":
            return finding(start, end, Label.PHONE, 1.0, FAMILY, "phone (+47)", "numbering plan ok")
        return None
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_possible_number(number):
        return finding(start, end, Label.PHONE, 0.9, FAMILY, "phone (foreign)", "possible number")
    return None


def _bracketed(scan: Scan, start: int, end: int) -> Finding | None:
    text = scan.text
    national = _digits(text[text.index(")", start):end])
    if national[0] in "01" or (end < len(text) and text[end].isalnum()):
        return None
    return finding(start, end, Label.PHONE, 1.0, FAMILY, "phone (+47)", "numbering plan ok")


_DOMAIN: Final = re.compile(r"[\w\-]+(?:\.[\w\-]+)+")
_URL: Final = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]", re.IGNORECASE)
_TLDS: Final = (".no", ".com", ".org", ".net")
_URL_GATE: Final = frozenset({"www.", "http", "WWW.", "HTTP"})
register_literals([*_TLDS, *_URL_GATE])


def _bare_domains(scan: Scan) -> list[Finding]:
    """"klinikken.no": found from each top-level domain backwards (cheaper than a regex scan)."""
    out: list[Finding] = []
    text = scan.text
    at: dict[str, list[int]] = {}
    for last, needle in scan.literals:
        if needle in _TLDS:
            at.setdefault(needle, []).append(last - len(needle) + 1)
    for tld in _TLDS:
        for i in at.get(tld, ()):
            end = i + len(tld)
            start = i
            while start > 0 and ((c := text[start - 1]).isalnum() or c == "-"):
                start -= 1
            glued_after = end < len(text) and (text[end].isalnum() or text[end] in "@-" or (
                text[end] == "." and text[end + 1:end + 2].isalnum()))
            glued_before = start > 0 and text[start - 1] in "@./"
            if i - start >= 3 and not glued_after and not glued_before and text[start:i].islower() and \
                    text[start:end].lower() not in _AGENCY_HOSTS and not text.startswith("www.", start):
                out.append(finding(start, end, Label.URL, 0.9, FAMILY, "domain"))
    return out
_AGENCY_HOSTS: Final = ("helsenorge.no", "nav.no", "helfo.no", "fhi.no", "helsedirektoratet.no",
                        "legemiddelverket.no", "felleskatalogen.no", "helsebiblioteket.no", "nhi.no")


# e-mail addresses read aloud: "kari punktum nordmann krøllalfa gmail punktum com"
_SPOKEN_AT: Final = ("krøllalfa", "krøll-alfa", "alfakrøll")
_SPOKEN_DOT: Final = frozenset({"punktum", "prikk", "dot", "understrek", "bindestrek"})
_SPOKEN_TLDS: Final = frozenset({"no", "com", "net", "org", "se", "dk", "fi", "is", "de", "uk", "eu", "nu",
                                 "info", "io"})
_SPOKEN_TOKEN: Final = re.compile(r"[^\W_][\w\-]*")


def spoken_emails(text: str) -> list[Finding]:
    """The words of an address read aloud around its "krøllalfa": the name part back over
    "punktum"/"understrek" joints, the domain up to its top-level domain."""
    out: list[Finding] = []
    lower = text.lower() if any(a in text for a in ("Krøll", "KRØLL", "Alfak")) else text
    for at_word in _SPOKEN_AT:
        at = lower.find(at_word)
        while at >= 0:
            before = [(m.start(), m.end(), m.group().lower())
                      for m in _SPOKEN_TOKEN.finditer(text, max(0, at - 80), at)]
            after = [(m.start(), m.end(), m.group().lower())
                     for m in _SPOKEN_TOKEN.finditer(text, at + len(at_word), at + len(at_word) + 80)]
            if before and after and before[-1][2] not in _SPOKEN_DOT and after[0][2] not in _SPOKEN_DOT:
                k = len(before) - 1
                while k >= 2 and before[k - 1][2] in _SPOKEN_DOT and before[k - 2][2] not in _SPOKEN_DOT:
                    k -= 2
                j = 0
                while j + 2 < len(after) and after[j + 1][2] in _SPOKEN_DOT and \
                        after[j + 2][2] not in _SPOKEN_DOT:
                    j += 2
                    if after[j][2] in _SPOKEN_TLDS:
                        break
                if j:  # a domain has a dot: "gmail punktum com"
                    out.append(finding(before[k][0], after[j][1], Label.EMAIL, 0.9, FAMILY,
                                       "e-mail read aloud"))
            at = lower.find(at_word, at + 1)
    return out


class ContactRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.PHONE, Label.EMAIL, Label.URL)

    def find(self, scan: Scan) -> list[Finding]:
        found = list(scan.numeric(FAMILY))
        text = scan.text
        at = text.find("@")
        while at > 0:
            start = at
            while start > 0 and ((c := text[start - 1]).isalnum() or c in "._%+-"):
                start -= 1
            m = _DOMAIN.match(text, at + 1)
            if m and start < at:
                found.append(finding(start, m.end(), Label.EMAIL, 1.0, FAMILY, "email"))
            at = text.find("@", at + 1)
        found.extend(_bare_domains(scan))
        if "lfa" in text or "LFA" in text or "krøll" in text:  # "krøllalfa": an address read aloud
            found.extend(spoken_emails(text))
        if scan.has_literal(_URL_GATE):
            for m in _URL.finditer(text):
                if not any(host in m.group().lower() for host in _AGENCY_HOSTS):
                    found.append(finding(m.start(), m.end(), Label.URL, 1.0, FAMILY, "url"))
        return found


register_fragment(5, FAMILY, "phone +", _PREFIXED, _prefixed, lead="+")
register_fragment(6, FAMILY, "phone 00", _PREFIXED_00, _prefixed)
register_fragment(60, FAMILY, "phone", _NO_PHONE, _national)
register_fragment(61, FAMILY, "phone after a cue", _ANY_GROUPING, _cued_any_grouping)
# "(+47) 463 09 812", "(0047) 22 33 44 55": the country code in brackets
register_fragment(5, FAMILY, "phone (+47)", r" ?(?:\+|00)47 ?\) ?\d(?:[ \-.]?\d){7}(?!\d)", _bracketed,
                  lead="(")
