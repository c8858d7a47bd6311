"""Identifiers: fødselsnummer (with D-, H-, FH- and synthetic numbers), HPR, journal/case/referral numbers,
kontonummer and IBAN.

A number that passes its checksum is found without context; one that fails is found only after a cue
word ("fnr", "journalnr."), because clinicians mistype and because an 11-digit number that fails both
checksums without a cue is most likely an account, order or serial number.
"""

from __future__ import annotations

import re
from typing import Final

from tilbake.deid.detect.recognizers.base import (
    Finding,
    Recognizer,
    Scan,
    finding,
    has_cue,
    is_boundary,
    register_fragment,
    register_literals,
)
from tilbake.deid.lang_nb import words
from tilbake.deid.spans import Label

FAMILY: Final = "ids"
# the cue lists as module constants (compiled, a constant is a C static; `words.X` a dict lookup)
_FNR_CUES: Final = words.FNR_CUES
_KONTO_CUES: Final = words.KONTO_CUES
_ID_CUES: Final = words.ID_CUES
_KONTO_W: Final = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def fnr_checksum_ok(digits: str) -> bool:
    """Both mod-11 control digits; the first also under the 2032 rule (remainder 0, 1, 2 or 3)."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    d = digits.encode()  # bytes: each digit is 48 + its value; the 48s cancel out mod 11 below
    k1 = 3 * d[0] + 7 * d[1] + 6 * d[2] + d[3] + 8 * d[4] + 9 * d[5] + 4 * d[6] + 5 * d[7] + 2 * d[8] + d[9]
    if (k1 - 48 * 46) % 11 > 3:
        return False
    k2 = 5 * d[0] + 4 * d[1] + 3 * d[2] + 2 * d[3] + 7 * d[4] + 6 * d[5] + 5 * d[6] + 4 * d[7] + 3 * d[8] \
        + 2 * d[9] + d[10]
    return (k2 - 48 * 42) % 11 == 0


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
    digits = text[start:end]
    if end - start != 11:
        digits = digits.replace(" ", "").replace("-", "").replace(".", "")
    grouped_konto = end - start == 13 and text[start + 4] in " ." and text[start + 7] in " ."
    if not grouped_konto and is_fnr(digits):
        return finding(start, end, Label.FNR, 1.0, FAMILY, "fnr", "mod11 ok")
    window = scan.window(start, 50)
    if not grouped_konto:
        cue = has_cue(window, _FNR_CUES)
        if cue:
            return finding(start, end, Label.FNR, 0.8, FAMILY, "fnr", "checksum failed, cue", (cue,))
        if text[start - 1:start] == "(" and text[start - 3:start - 2].isalpha() and fnr_date_ok(digits):
            return finding(start, end, Label.FNR, 0.7, FAMILY, "fnr",
                           "checksum failed, in brackets after a name")
    cue = has_cue(window, _KONTO_CUES)
    if konto_ok(digits) or cue:
        return finding(start, end, Label.ID, 0.9 if konto_ok(digits) else 0.7, FAMILY, "kontonummer",
                       "mod11 ok" if konto_ok(digits) else "checksum failed, cue", (cue,) if cue else ())
    cue = has_cue(window, _ID_CUES)
    if cue:
        return finding(start, end, Label.ID, 0.7, FAMILY, "cued number", "no checksum", (cue,))
    return None


_IBAN: Final = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_IBAN_HINT: Final = re.compile(r"[A-Z]{2}\d\d")
_ID_AFTER: Final = re.compile(r"(?<![\w])(?:[A-Za-zÆØÅæøå]{1,4}[-/]?)?\d(?:[\w\-/]|[. ](?=\d))*\w")
# whole cue words (or the end of a compound: "pasientjournalnr"), followed by a non-letter
_CUE_WORDS: Final = (
    "journal", "journalnr", "journalnummer", "journal nr", "journal-nr", "jnr", "j.nr", "saksnr",
    "saksnummer", "sak nr", "henvisningsnr", "henvisningsnummer", "henvisnings-id", "henv.nr",
    "rekvisisjonsnr", "rekvisisjonsnummer", "rekv.nr", "pasientnr", "pasientnummer", "pasient-id", "pas.nr",
    "hpr", "hpr-nr", "hpr-nummer", "ref.", "ref:", "ref nr", "ref.nr", "referanse", "referansenr",
    "prøvenr", "prøvenummer", "løpenr", "løpenummer", "kontonr", "kontonummer", "bankkonto", "konto:",
    "konto ", "fnr", "f.nr", "fødselsnummer", "fødselsnr", "personnummer", "personnr", "pnr", "d-nummer",
    "case", "id:", "id nr", "id-nr", "id-nummer", "medlemsnr", "medlemsnummer", "forsikringsnr", "polisenr",
    "skadenr", "skadenummer", "episodenr", "bestillingsnr",
)


# each cue as written in lower case, capitalised or in capitals -> the cue
_VARIANTS: Final = {
    variant: cue for cue in _CUE_WORDS
    for variant in (cue, cue.capitalize(), cue.upper(), cue.capitalize().replace("-id", "-ID"))}
_IBAN_GATE: Final = frozenset({"NO", "IBAN", "iban"})
register_literals([*_VARIANTS, *_IBAN_GATE])


class IdRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.FNR, Label.ID)

    def find(self, scan: Scan) -> list[Finding]:
        found = list(scan.numeric(FAMILY))
        text = scan.text
        if scan.has_literal(_IBAN_GATE) and _IBAN_HINT.search(text):
            for m in _IBAN.finditer(text):
                if iban_ok(m.group()):
                    found.append(finding(m.start(), m.end(), Label.ID, 1.0, FAMILY, "iban", "mod97 ok"))
        return found + self._cued_ids(scan, found)

    def _cued_ids(self, scan: Scan, found: list[Finding]) -> list[Finding]:
        """Numbers and codes shortly after a cue word: HPR, journal, case, referral numbers ("Journalnr.
        2024-00123", "HPR 1234567", "ref JR-2024-0012"); 11 digits after an fnr cue are an FNR."""
        out: list[Finding] = []
        text = scan.text
        for last, needle in scan.literals:
            stem = _VARIANTS.get(needle)
            if stem is None:
                continue
            i = last - len(stem) + 1
            if last + 1 < len(text) and text[last + 1].isalpha():
                continue  # the start of a longer word ("kontor", "henvisningen")
            if i > 0 and text[i - 1].isalpha() and len(stem) < 6:
                continue  # a short cue at the end of another word ("preferanse")
            m = _ID_AFTER.search(text, last + 1, last + 31)
            if m is None or sum(map(str.isdigit, m.group())) < 4:
                continue
            if any(f.span.start < m.end() and m.start() < f.span.end for f in found + out):
                continue
            digits = "".join(filter(str.isdigit, m.group()))
            fnr = len(digits) == 11 and bool(has_cue(scan.window(m.start(), 40), _FNR_CUES))
            out.append(finding(m.start(), m.end(), Label.FNR if fnr else Label.ID, 0.8, FAMILY,
                               "number after cue", "no checksum", (stem,)))
        return out


register_fragment(10, FAMILY, "eleven", r"\d{5}[ \-]?\d{5}(?!\d)|\d{3}[ .]\d{2}[ .]\d{5}(?!\d)", _eleven)
