"""Identifiers: fødselsnummer (with D-, H-, FH- and synthetic numbers), HPR, journal/case/referral numbers,
kontonummer and IBAN.

A number that passes its checksum is found without context; one that fails is found only after a cue
word ("fnr", "journalnr."), because clinicians mistype and because an 11-digit number that fails both
checksums without a cue is most likely an account, order or serial number.
"""

from __future__ import annotations

import re

from tilbake.deid.lang_nb import words
from tilbake.deid.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    finding,
    has_cue,
    is_boundary,
    register_fragment,
    register_number_handler,
)
from tilbake.deid.spans import Label

FAMILY = "ids"
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
_KONTO_W = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def fnr_checksum_ok(digits: str) -> bool:
    """Both mod-11 control digits; the first also under the 2032 rule (remainder 0, 1, 2 or 3)."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    d = [ord(c) - 48 for c in digits]
    if sum(w * x for w, x in zip(_W1, d[:10], strict=True)) % 11 not in (0, 1, 2, 3):
        return False
    return sum(w * x for w, x in zip(_W2, d, strict=True)) % 11 == 0


def fnr_date_ok(digits: str) -> bool:
    """Day and month, allowing D-numbers (day + 40), H-numbers (month + 40), synthetic (month + 80)
    and FH-numbers (first digit 8 or 9, no date)."""
    if digits[0] in "89":
        return True
    day, month = int(digits[:2]), int(digits[2:4])
    if day > 40:
        day -= 40
    if month > 80:
        month -= 80
    elif month > 40:
        month -= 40
    return 1 <= day <= 31 and 1 <= month <= 12


def is_fnr(digits: str) -> bool:
    return fnr_checksum_ok(digits) and fnr_date_ok(digits)


def konto_ok(digits: str) -> bool:
    """Norwegian bank account number: 11 digits, mod-11 with weights 5432765432 and a control digit."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    return sum(w * (ord(c) - 48) for w, c in zip(_KONTO_W, digits, strict=True)) % 11 == 0


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _eleven(scan: Scan, start: int, end: int) -> Finding | None:
    """11 digits written 15108695088 / 151086 95088 / 151086-95088 / 4.2.5 account style."""
    text = scan.text
    if not is_boundary(text, start, end):
        return None
    digits = text[start:end].replace(" ", "").replace("-", "").replace(".", "")
    window = scan.window(start, 50)
    grouped_konto = len(text[start:end]) == 13 and text[start + 4] in " ." and text[start + 7] in " ."
    if not grouped_konto:
        if is_fnr(digits):
            return finding(start, end, Label.FNR, 1.0, FAMILY, "fnr", "mod11 ok")
        cue = has_cue(window, words.FNR_CUES)
        if cue:
            return finding(start, end, Label.FNR, 0.8, FAMILY, "fnr", "checksum failed, cue", (cue,))
    cue = has_cue(window, words.KONTO_CUES)
    if konto_ok(digits) or cue:
        return finding(start, end, Label.ID, 0.9 if konto_ok(digits) else 0.7, FAMILY, "kontonummer",
                       "mod11 ok" if konto_ok(digits) else "checksum failed, cue", (cue,) if cue else ())
    cue = has_cue(window, words.ID_CUES)
    if cue:
        return finding(start, end, Label.ID, 0.7, FAMILY, "cued number", "no checksum", (cue,))
    return None


def _cued_number(scan: Scan, start: int, end: int) -> Finding | None:
    """A digit run after an ID cue: HPR, journal, case, referral numbers (with letters/dashes around)."""
    if end - start < 4:
        return None
    text = scan.text
    window = scan.window(start, 36)
    cue = has_cue(window, words.ID_CUES)
    if not cue:
        if end - start == 11 and has_cue(window, words.FNR_CUES):
            return finding(start, end, Label.FNR, 0.8, FAMILY, "fnr", "checksum failed, cue")
        return None
    # take the whole identifier token: letters/digits joined by - / . (e.g. "2024-00123", "J-44512")
    s, e = start, end
    while e < len(text) and (text[e].isalnum() or (text[e] in "-/." and e + 1 < len(text)
                                                     and text[e + 1].isalnum())):
        e += 1
    while s > 0 and (text[s - 1].isalnum() or (text[s - 1] in "-/" and s > 1 and text[s - 2].isalnum())):
        s -= 1
    if s < start and not any(c.isdigit() for c in text[s:start]) and scan.lower[s:start].rstrip("-/") in cue:
        s = start  # the cue itself glued to the number ("HPR-1234567")
    label = Label.FNR if end - start == 11 and has_cue(window, words.FNR_CUES) else Label.ID
    return finding(s, e, label, 0.8, FAMILY, "cued number", "no checksum", (cue,))


_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_IBAN_HINT = re.compile(r"[A-Z]{2}\d\d")
_ID_AFTER = re.compile(r"(?<![\w])[A-Za-zÆØÅæøå]{1,4}[-/]?\d[\w\-/]*\w|(?<![\w])[A-Za-z]{1,4}\d")
_CUE_STEMS = ("journal", "jnr", "j.nr", "saks", "henvisn", "henv.", "rekv", "pasient-id", "pasientn", "ref",
              "prøven", "hpr", "skaden", "case", "episode", "id:", "id-n")


class IdRecognizer(Recognizer):
    name = FAMILY
    labels = (Label.FNR, Label.ID)

    def find(self, scan: Scan) -> list[Finding]:
        found = list(scan.numeric(FAMILY))
        text = scan.text
        if _IBAN_HINT.search(text):
            for m in _IBAN.finditer(text):
                if iban_ok(m.group()):
                    found.append(finding(m.start(), m.end(), Label.ID, 1.0, FAMILY, "iban", "mod97 ok"))
        return found + self._lettered_ids(scan, found)

    def _lettered_ids(self, scan: Scan, found: list[Finding]) -> list[Finding]:
        """IDs that start with letters ("JR-2024-0012") shortly after a cue; digit-led ones are numeric."""
        out: list[Finding] = []
        lower = scan.lower
        for stem in _CUE_STEMS:
            i = lower.find(stem)
            while i >= 0:
                m = _ID_AFTER.search(scan.text, i + len(stem), i + len(stem) + 30)
                if m and not any((f.span.start < m.end() and m.start() < f.span.end) for f in found + out):
                    cue = has_cue(scan.window(m.start(), 36), words.ID_CUES)
                    if cue:
                        out.append(finding(m.start(), m.end(), Label.ID, 0.75, FAMILY, "cued lettered id",
                                           "no checksum", (cue,)))
                i = lower.find(stem, i + 1)
        return out


register_fragment(10, FAMILY, "eleven", r"\d{6}[ \-]?\d{5}(?![\d])|\d{4}[ .]\d{2}[ .]\d{5}(?![\d])",
                  _eleven)
register_number_handler(30, FAMILY, _cued_number)
