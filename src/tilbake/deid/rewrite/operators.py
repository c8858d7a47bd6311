"""Operators: what each PHI span is rewritten to.

- ``tag``: the seed's tags, ``[FNUMMER]``, ``[TELEFON]``, ``[EPOST]``, ``[DATO]``, ``[NAVN]`` ...
- ``role``: names become "Pasient" or "Behandler" when the context says which (else ``[NAVN]``);
  other labels as ``tag``.
- ``age``: ages become a decade range ("40-49", "90+"); other labels as ``tag``.
- ``redact``: every span becomes ``[…]``, whatever its label.
- ``surrogate``: realistic, consistent fakes keyed with the installation secret (see ``surrogates``).

An operator sees the whole document (so a name gets the same role or surrogate every time) and
returns one replacement per span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from tilbake.deid.lang_nb import words
from tilbake.deid.rewrite.apply import apply
from tilbake.deid.spans import Label, Span
from tilbake.errors import ValidationError

TAGS: Final[dict[Label, str]] = {
    Label.PERSON: "[NAVN]", Label.FNR: "[FNUMMER]", Label.PHONE: "[TELEFON]", Label.EMAIL: "[EPOST]",
    Label.URL: "[URL]", Label.DATE: "[DATO]", Label.AGE: "[ALDER]", Label.ADDRESS: "[ADRESSE]",
    Label.LOCATION: "[STED]", Label.ORG: "[ORGANISASJON]", Label.ID: "[ID]",
}
REDACTED: Final = "[…]"


@dataclass(frozen=True)
class OperatorContext:
    """What keyed operators need: the installation secret and the scope a surrogate is consistent in
    (a patient or document id: dates are shifted by one offset per scope). ``exact_ages``: keep ages
    as written under 90 in surrogate mode; by default every operator writes an age as its range."""

    secret: bytes = b""
    scope: str = ""
    exact_ages: bool = False


Operator = Callable[[str, Sequence[Span], OperatorContext], list[str]]
_NO_CONTEXT: Final = OperatorContext()


def tag(text: str, spans: Sequence[Span], ctx: OperatorContext) -> list[str]:
    return [TAGS[s.label] for s in spans]


def redact(text: str, spans: Sequence[Span], ctx: OperatorContext) -> list[str]:
    return [REDACTED for _ in spans]


def _name_key(piece: str) -> str:
    return piece.lower().rstrip("s'’")


def role_of(text: str, span: Span) -> str:
    """"Behandler", "Pasient" or "" from the words before a name (header field, title, sign-off)."""
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[max(line_start, span.start - 40):span.start].lower()
    if line_start > 0 and not before.strip():
        before = text[max(0, line_start - 30):line_start].lower()  # signature block: "Mvh\nName"
    tail: list[str] = re.findall(r"[a-zæøå.\-/]+", before)[-2:]
    for word in reversed(tail):
        word = word.rstrip(".:")
        if word in words.PRACTITIONER_WORDS or word.endswith(("lege", "terapeut", "praktor")):
            return "Behandler"
        if word in words.PATIENT_WORDS:
            return "Pasient"
    return ""


def role(text: str, spans: Sequence[Span], ctx: OperatorContext) -> list[str]:
    roles: dict[str, str] = {}
    for s in spans:
        if s.label == Label.PERSON:
            found = role_of(text, s)
            for token in text[s.start:s.end].split():
                if found:
                    roles.setdefault(_name_key(token), found)
    out = []
    for s in spans:
        if s.label != Label.PERSON:
            out.append(TAGS[s.label])
            continue
        piece = text[s.start:s.end]
        tokens = [_name_key(t) for t in piece.split()]
        found = role_of(text, s) or next((roles[t] for t in tokens if t in roles), "")
        out.append(found + _genitive(piece) if found else TAGS[s.label])
    return out


def _genitive(piece: str) -> str:
    """"s" when the name is written in the genitive ("Karis mor" -> "Pasients mor")."""
    from tilbake.deid import lang_nb

    last = piece.split()[-1] if piece.split() else piece
    if last.endswith(("'s", "’s")):
        return "s"
    known = lang_nb.known_names()
    return "s" if last.endswith("s") and last not in known and last[:-1] in known else ""


_AGE_UNITS: Final = ("årene", "åringen", "åring", "årig", "år")


def age_years(piece: str) -> int | None:
    """The age in a span's text: "47 år" -> 47, "sju år" -> 7, "60-årene" -> 60."""
    digits = re.match(r"\D*(\d{1,3})", piece)
    if digits:
        return int(digits.group(1))
    from tilbake.deid.detect.recognizers.ages import number_word

    for word in re.findall(r"[a-zæøå]+", piece.lower()):
        for cut in _AGE_UNITS:
            if word.endswith(cut) and len(word) > len(cut):
                word = word[: -len(cut)]
                break
        value = number_word(word) if word != "ten" else 10
        if value is not None:
            return value
    return None


def age_range(years: int) -> str:
    if years >= 90:
        return "90+"
    low = years // 10 * 10
    return f"{low}-{low + 9}"


def age_text(piece: str) -> str | None:
    """The age span with its number written as a range, the rest kept so the sentence still reads:
    "47 år" -> "40-49 år", "47-årig" -> "40-49-årig", "sju år gammel" -> "0-9 år gammel"."""
    years = age_years(piece)
    if years is None:
        return None
    band = age_range(years)
    digits = re.search(r"\d{1,3}", piece)
    if digits:
        return piece[:digits.start()] + band + piece[digits.end():]
    for word in re.finditer(r"[a-zæøåA-ZÆØÅ]+", piece):
        stem, unit = word.group().lower(), ""
        for cut in _AGE_UNITS:
            if stem.endswith(cut) and len(stem) > len(cut):
                stem, unit = stem[: -len(cut)], "-" + cut
                break
        if age_years(stem) is not None or stem == "ten":
            return piece[:word.start()] + band + unit + piece[word.end():]
    return band


def age(text: str, spans: Sequence[Span], ctx: OperatorContext) -> list[str]:
    out = []
    for s in spans:
        written = age_text(text[s.start:s.end]) if s.label == Label.AGE else None
        out.append(written if written is not None else TAGS[s.label])
    return out


def _surrogate(text: str, spans: Sequence[Span], ctx: OperatorContext) -> list[str]:
    from tilbake.deid.rewrite.surrogates import surrogates

    return surrogates(text, spans, ctx)


OPERATORS: Final[dict[str, Operator]] = {"tag": tag, "role": role, "age": age, "redact": redact,
                                           "surrogate": _surrogate}


def get_operator(name: str) -> Operator:
    try:
        return OPERATORS[name]
    except KeyError:
        raise ValidationError(f"operator must be one of {', '.join(OPERATORS)}, got {name!r}",
                              field="operator") from None


def anonymize(text: str, spans: Sequence[Span], operator: str = "tag",
              ctx: OperatorContext | None = None) -> str:
    """Rewrite ``text`` with ``operator`` applied to ``spans`` (non-overlapping) in one pass."""
    ctx = ctx or _NO_CONTEXT
    if operator == "surrogate" and not ctx.secret:
        raise ValidationError("the surrogate operator needs the installation secret", field="secret")
    return apply(text, spans, get_operator(operator)(text, spans, ctx))
