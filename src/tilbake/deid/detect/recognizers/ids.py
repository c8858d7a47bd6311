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
    cue_regex,
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
_ID_AFTER: Final = re.compile(r"(?<![\w\-])(?:[A-Za-zÆØÅæøå]{1,5}[-/]?){0,3}\d(?:[\w\-/]|[. ](?=\d))*\w")
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
    "ref", "saksref", "saksreferanse", "skadesak", "skadesaksnr", "skadesaksnummer", "arkivnr", "arkivsak",
    "dokumentnr", "dok.nr", "avviksnr", "org.nr", "org nr", "orgnr", "org.nummer", "organisasjonsnr",
    "organisasjonsnummer", "her-id", "her id", "her-nr", "her-nummer", "cpr", "cpr-nr", "cpr-nummer",
    "sosialsikkerhetsnummer", "personnr.", "kundenr", "kundenummer", "fakturanr", "journalnr.",
    # weak: a word that numbers anything ("nr 3", "sak om ..."); only a long number or a code after it
    "nr", "nr.", "sak", "no.", "nummer", "-id",
)
_WEAK_CUES: Final = frozenset({"nr", "nr.", "sak", "no.", "nummer", "-id"})
# weak cues that also end a compound naming what is numbered ("undersøkelsesnr.", "tolke-ID",
# "referansenummer"): one then counts, unless the compound names a phone, an article or a batch
_COMPOUND_ENDS: Final = frozenset({"nr", "nr.", "nummer", "-id"})
_PHONE_CUE: Final = cue_regex(words.PHONE_CUES).search
# cues of a person number (any country's): 10 to 12 digits after one are a person number
_PERSON_NUMBER_CUES: Final = frozenset({
    "fnr", "f.nr", "fødselsnummer", "fødselsnr", "personnummer", "personnr", "personnr.", "pnr", "d-nummer",
    "cpr", "cpr-nr", "cpr-nummer", "sosialsikkerhetsnummer"})
# endings of an inflected cue ("personnummeret", "referansen", "saksnummeret")
_INFLECTIONS: Final = ("et", "en", "er", "ene", "a")
_REACH: Final = 30  # characters from a cue to its number
_FAR_REACH: Final = 70  # or this far for a long number in the same sentence ("HPR-nr. til X er 1234567")
_SENTENCE_BREAK: Final = re.compile(r"[.!?] +[A-ZÆØÅ]|\n|[.!?]$")
_TIME_OR_YEAR: Final = re.compile(r"(?:19|20)\d\d|\d{1,2}[.:]\d\d")


# each cue as written in lower case, capitalised or in capitals -> the cue
_VARIANTS: Final = {
    variant: cue for cue in _CUE_WORDS
    for variant in (cue, cue.capitalize(), cue.upper(), cue.capitalize().replace("-id", "-ID"),
                    cue.upper().replace("-ID", "-id"))}
_IBAN_GATE: Final = frozenset({"NO", "IBAN", "iban"})
register_literals([*_VARIANTS, *_IBAN_GATE])


class IdRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.FNR, Label.ID, Label.PHONE)

    def find(self, scan: Scan) -> list[Finding]:
        found = list(scan.numeric(FAMILY))
        text = scan.text
        if scan.has_literal(_IBAN_GATE) and _IBAN_HINT.search(text):
            for m in _IBAN.finditer(text):
                if iban_ok(m.group()):
                    found.append(finding(m.start(), m.end(), Label.ID, 1.0, FAMILY, "iban", "mod97 ok"))
        found.extend(spoken_numbers(scan))
        return found + self._cued_ids(scan, found)

    def _cued_ids(self, scan: Scan, found: list[Finding]) -> list[Finding]:
        """Numbers and codes shortly after a cue word: HPR, journal, case, referral numbers ("Journalnr.
        2024-00123", "HPR 1234567", "ref JR-2024-0012"); 10-12 digits after a person-number cue are an FNR.
        A weak cue ("nr", "sak") takes only a code or a number of five digits or more; a bare year or
        a time of day is never an identifier."""
        out: list[Finding] = []
        text = scan.text
        for last, needle in scan.literals:
            stem = _VARIANTS.get(needle)
            if stem is None:
                continue
            i = last - len(stem) + 1
            after = last + 1
            if after < len(text) and text[after].isalpha():
                # the start of a longer word ("kontor", "henvisningen"), unless an inflection of the cue
                ending = next((e for e in _INFLECTIONS if text.startswith(e, after, after + len(e)) and
                               not text[after + len(e):after + len(e) + 1].isalpha()), None)
                if ending is None or len(stem) < 5 or stem in _WEAK_CUES:
                    continue
                after += len(ending)
            compound = stem in _COMPOUND_ENDS and i >= 4 and text[i - 4:i].isalpha() and \
                _PHONE_CUE(scan.window(i, 16)) is None and \
                _NOT_ID_CUE(_word_ending(text, last + 1).lower()) is None
            if i > 0 and text[i - 1].isalpha() and (len(stem) < 6 or stem in _WEAK_CUES) and not compound:
                continue  # a short cue at the end of another word ("preferanse", "bnr")
            if stem in _WEAK_CUES and i > 1 and text[i - 1] in "-." and text[i - 2].isalpha():
                continue  # "Lot-nr", "art.nr": the word before says what is numbered
            if _NOT_ID_CUE(scan.window(i, 16)) is not None:
                continue  # "varenr", "lot", "batch": articles and batches, not people
            m = _value_after(text, after, stem)
            if m is None:
                continue
            if any(f.span.start < m.end() and m.start() < f.span.end for f in found + out):
                continue
            digits = "".join(filter(str.isdigit, m.group()))
            person = stem in _PERSON_NUMBER_CUES or bool(has_cue(scan.window(m.start(), 40), _FNR_CUES))
            fnr = (len(digits) == 11 or (stem in _PERSON_NUMBER_CUES and 10 <= len(digits) <= 12)) and person
            # a code with parts ("SUS-URO-88213", "4471-2024-0098812") outranks a phone or a name read
            # in a piece of it
            code = not fnr and len(digits) >= 5 and any(c in "-/" for c in m.group())
            out.append(finding(m.start(), m.end(), Label.FNR if fnr else Label.ID, 0.95 if code else 0.8,
                               FAMILY, "number after cue", "no checksum", (stem,)))
        return out


def _word_ending(text: str, end: int) -> str:
    """The word that ends at ``end`` ("varenummer" for the cue "nummer")."""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in ".-"):
        start -= 1
    return text[start:end]


def _value_after(text: str, after: int, stem: str) -> re.Match[str] | None:
    """The identifier a cue ending before ``after`` announces, or None."""
    start = after
    m = _ID_AFTER.search(text, start, start + _FAR_REACH)
    if m is None:
        return None
    value = m.group()
    n_digits = sum(map(str.isdigit, value))
    if n_digits < 4 or _TIME_OR_YEAR.fullmatch(value):
        return None
    gap = text[start:m.start()]
    # far: a long number, nothing numeric or sentence-ending between
    if m.start() - start > _REACH and (
            n_digits < 6 or any(c.isdigit() for c in gap) or _SENTENCE_BREAK.search(gap)):
        return None
    # "nr 4 av 5", "sak om ...": a weak cue takes a code or 5+ digits right after it
    if stem in _WEAK_CUES and (len(gap.strip(" .:#")) > 0 or (n_digits < 5 and value.isdigit())):
        return None
    return m


# Numbers read aloud ("fødselsnummer null tre null sju ..."): digit words, tens and teens, and the
# spoken separators of case numbers ("tjuetre strek fire fire ...").
_DIGIT_WORDS: Final = {"null": "0", "en": "1", "ett": "1", "én": "1", "to": "2", "tre": "3", "fire": "4",
                       "fem": "5", "seks": "6", "sju": "7", "syv": "7", "åtte": "8", "ni": "9"}
_SPOKEN_VALUES: Final = {
    **_DIGIT_WORDS,
    **{w: str(n) for w, n in words.NUMBER_WORDS.items() if n >= 10},
    **{t: str(n) for t, n in words.TENS.items()},
    **{t + u: str(n + int(d)) for t, n in words.TENS.items()
       for u, d in _DIGIT_WORDS.items() if d != "0" and u not in ("én",)},
}
_SPOKEN_SEPARATORS: Final = {"strek": "-", "bindestrek": "-", "skråstrek": "/", "slash": "/"}
_SPOKEN_WORD: Final = "|".join(sorted(map(re.escape, _SPOKEN_VALUES), key=len, reverse=True))
_SPOKEN_SEP: Final = "|".join(_SPOKEN_SEPARATORS)
# four number words or more in a row (digits one by one, or pairs: "tjuefire skråstrek null null ...")
_SPOKEN_RUN: Final = re.compile(
    rf"(?<![\w])(?:{_SPOKEN_WORD})(?: (?:(?:{_SPOKEN_SEP}) )?(?:{_SPOKEN_WORD})){{3,}}(?![\w])")
_SPOKEN_GATE: Final = re.compile(r"(?<![\w])(?:null|fire|fem|seks|sju|syv|åtte|ni|tre|to|en) "
                                 r"(?:null|en|to|tre|fire|fem|seks|sju|syv|åtte|ni)(?![\w])")
_PHONE_CUES: Final = words.PHONE_CUES
_NOT_ID_CUE: Final = cue_regex(words.NOT_PHONE_CUES).search


def spoken_numbers(scan: Scan) -> list[Finding]:
    """Identifiers read aloud in dictated text, after a cue: a phone number (8 digits, or 10/12 with
    47/0047 first), a fødselsnummer (11 digits) or an identifier (4 digits or more, separators
    allowed). Which one is the cue's call: the last cue before the number decides."""
    text = scan.text
    if _SPOKEN_GATE.search(text) is None:  # two digit words in a row: rare outside dictation
        return []
    out: list[Finding] = []
    for m in _SPOKEN_RUN.finditer(text):
        digits = "".join(_SPOKEN_VALUES.get(w, "") for w in m.group().split())
        if len(digits) < 4:
            continue
        window = scan.window(m.start(), 50)
        label = _spoken_label(window, digits)
        if label is not None:
            out.append(finding(m.start(), m.end(), label, 0.8, FAMILY, "number in words", "cue"))
    return out


def _last_cue(window: str, cues: tuple[str, ...]) -> int:
    """Where the word holding the last cue of ``cues`` in ``window`` ends (-1: none); the word's end,
    so that the cues inside one compound ("fødselsnummer": "fødselsn", "nummer") end together."""
    end = -1
    for m in cue_regex(cues).finditer(window):
        end = m.end()
    while 0 <= end < len(window) and window[end].isalpha():
        end += 1
    return end


def _spoken_label(window: str, digits: str) -> Label | None:
    """The label of a number read aloud after the cues in ``window``: the latest cue whose kind of
    number has this many digits (a person number 10-12, a phone 8 after 47/0047, an identifier 4+)."""
    national = digits[4:] if digits.startswith("0047") else digits[2:] if digits.startswith("47") and \
        len(digits) == 10 else digits
    kinds = sorted(((_last_cue(window, _FNR_CUES), 2, Label.FNR, 10 <= len(digits) <= 12),
                    (_last_cue(window, _ID_CUES), 1, Label.ID, True),
                    (_last_cue(window, _PHONE_CUES), 0, Label.PHONE, len(national) == 8)), reverse=True)
    for end, _, label, fits in kinds:
        if end >= 0 and fits:
            return label
    if all(end < 0 for end, _, _, _ in kinds) and len(digits) == 11 and is_fnr(digits):
        return Label.FNR
    return None


register_fragment(10, FAMILY, "eleven", r"\d{5}[ \-]?\d{5}(?!\d)|\d{3}[ .]\d{2}[ .]\d{5}(?!\d)", _eleven)
