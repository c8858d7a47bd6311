"""Realistic, consistent surrogates keyed with the installation secret (HMAC-SHA256).

The same original gets the same fake within a scope (document, patient or export): each name token
maps to a fake Norwegian first name or surname, so "Kari Nordmann", "Kari" and "Karis" stay one
person. Fødselsnummer become synthetic numbers (month + 80) with valid control digits; phones keep
their layout and series; dates move by one offset per scope, keeping their written form; ages become
their decade range as in every other mode ("47 år" -> "40-49 år", 90 and over "90+"), exact only when
``OperatorContext.exact_ages`` asks for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Sequence

from tilbake.deid import lang_nb
from tilbake.deid.lang_nb import words
from tilbake.deid.rewrite.operators import TAGS, OperatorContext, age_range, age_text, age_years
from tilbake.deid.spans import Label, Span


class _Keyed:
    def __init__(self, ctx: OperatorContext) -> None:
        self.key = ctx.secret
        self.scope = ctx.scope

    def number(self, *parts: str) -> int:
        msg = "\x1f".join((self.scope, *parts)).encode()
        return int.from_bytes(hmac.new(self.key, msg, hashlib.sha256).digest()[:8], "big")

    def pick(self, items: Sequence[str], *parts: str) -> str:
        return items[self.number(*parts) % len(items)]


def _sorted(items: frozenset[str]) -> list[str]:
    return sorted(i for i in items if " " not in i and "-" not in i)


def _name(k: _Keyed, piece: str) -> str:
    out = []
    for token in re.split(r"(\s+|-|,\s*)", piece):
        if not token or not token[0].isalpha():
            out.append(token)
            continue
        core, tail = token, ""
        if len(token) > 3 and token.endswith(("s", "'", "’")) and token[:-1] in (
                lang_nb.first_names() | lang_nb.surnames()):
            core, tail = token[:-1], token[-1]
        if len(core.rstrip(".")) == 1:
            out.append(k.pick("ABDEFGHIJKLMNOPRSTV", "initial", core.upper()) + core[1:] + tail)
            continue
        pool = lang_nb.first_names() if core.title() in lang_nb.first_names() else lang_nb.surnames()
        fake = k.pick(_sorted(pool), "name", core.lower())
        out.append((fake.upper() if core.isupper() else fake) + tail)
    return "".join(out)


# the fødselsnummer's two mod-11 control digits are weighted sums of the digits before them
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def fake_fnr(k: _Keyed, original: str) -> str:
    """A synthetic fødselsnummer (month + 80) with valid control digits, in the original's layout."""
    n = k.number("fnr", re.sub(r"\D", "", original))
    day, month, year = n % 28 + 1, (n >> 5) % 12 + 1, (n >> 9) % 100
    for individual in range((n >> 16) % 900, 1000):
        base = [int(c) for c in f"{day:02d}{month + 80:02d}{year:02d}{individual:03d}"]
        k1 = (11 - sum(w * d for w, d in zip(_W1, base, strict=False)) % 11) % 11
        k2 = (11 - sum(w * d for w, d in zip(_W2, [*base, k1], strict=False)) % 11) % 11
        if k1 < 10 and k2 < 10:
            return _layout(original, "".join(map(str, base)) + f"{k1}{k2}")
    return _layout(original, f"{day:02d}{month + 80:02d}{year:02d}00000")  # pragma: no cover


def _layout(original: str, digits: str) -> str:
    """Put ``digits`` into the original's places for digits, keeping its spaces and dashes."""
    it = iter(digits)
    return "".join(next(it, "0") if c.isdigit() else c for c in original)


def fake_phone(k: _Keyed, original: str) -> str:
    digits = re.sub(r"\D", "", original)
    n = k.number("phone", digits)
    if original.lstrip().startswith(("+", "00")) and not digits.lstrip("0").startswith("47"):
        keep = 4 if original.startswith("00") else 3
        tail = str(n).zfill(20)[: len(digits) - keep]
        return _layout(original, digits[:keep] + tail)
    prefix = len(digits) - 8
    first = "4" if digits[prefix] in "49" else "2"  # mobile stays mobile, fixed becomes an Oslo number
    return _layout(original, digits[:prefix] + first + str(n).zfill(20)[:7])


_DMY = re.compile(r"^(\d{1,2})([./\-])(\d{1,2})(?:([./\-])(\d{2,4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDY = re.compile(r"^(?:(\d{1,2})(\.?\s?))?([A-Za-zæøå]+)(\.?)(?:(\s)(\d{2,4}))?$")
_MONTH_NAMES = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
                "oktober", "november", "desember")


def shift_date(k: _Keyed, original: str) -> str | None:
    """The date moved by the scope's offset (1-365 days back or forward), in the same written form."""
    offset = dt.timedelta(days=k.number("date-shift") % 365 + 1) * (1 if k.number("sign") % 2 else -1)
    s = original.strip()
    try:
        if m := _ISO.match(s):
            d = dt.date(int(m[1]), int(m[2]), int(m[3])) + offset
            return f"{d:%Y-%m-%d}"
        if m := _DMY.match(s):
            year = int(m[5]) if m[5] else 2000
            full = year + (2000 if year < 50 else 1900) if m[5] and len(m[5]) == 2 else year
            d = dt.date(full, int(m[3]), int(m[1])) + offset
            dd, mm = (f"{d.day:02d}", f"{d.month:02d}") if len(m[1]) == 2 else (str(d.day), str(d.month))
            y = "" if not m[5] else (f"{d.year % 100:02d}" if len(m[5]) == 2 else str(d.year))
            return f"{dd}{m[2]}{mm}" + (f"{m[4]}{y}" if m[5] else "")
        if m := _WORDY.match(s):
            number = words.MONTHS.get(m[3].lower())
            if number is None:
                return None
            year = int(m[6]) if m[6] and len(m[6]) == 4 else 2001
            d = dt.date(year, number, int(m[1]) if m[1] else 15) + offset
            name = _MONTH_NAMES[d.month - 1]
            if m[3].lower() not in _MONTH_NAMES:  # an abbreviation ("okt.") stays one
                name = name[: len(m[3])]
            shown = name.capitalize() if m[3][0].isupper() else name
            out = (f"{d.day}{m[2]}" if m[1] else "") + shown + m[4]
            return out + (f"{m[5]}{d.year}" if m[6] and len(m[6]) == 4 else "")
    except ValueError:
        return None
    return None


def _one(k: _Keyed, text: str, span: Span, exact_ages: bool = False) -> str:
    piece = text[span.start:span.end]
    label = span.label
    if label == Label.PERSON:
        return _name(k, piece)
    if label == Label.FNR:
        return fake_fnr(k, piece)
    if label == Label.PHONE:
        return fake_phone(k, piece)
    if label == Label.DATE:
        return shift_date(k, piece) or TAGS[label]
    if label == Label.AGE:  # a range, as in every mode ("47 år" -> "40-49 år"), unless asked otherwise
        years = age_years(piece)
        if years is None:
            return TAGS[label]
        if exact_ages and years < 90:
            return piece
        return age_text(piece) or age_range(years)
    if label == Label.EMAIL:
        first = k.pick(_sorted(lang_nb.first_names()), "email-first", piece.lower())
        last = k.pick(_sorted(lang_nb.surnames()), "email-last", piece.lower())
        return f"{first}.{last}@eksempel.no".lower()
    if label == Label.URL:
        return "https://eksempel.no"
    if label == Label.ID:
        return "".join(str(k.number("id", piece, str(i)) % 10) if c.isdigit() else c
                       for i, c in enumerate(piece))
    if label == Label.ADDRESS:
        street = k.pick(_sorted(lang_nb.surnames()), "street", piece.lower())
        return f"{street}s vei {k.number('house', piece.lower()) % 60 + 1}"
    if label == Label.LOCATION:
        codes = sorted(lang_nb.postcodes().items())
        code, place = codes[k.number("place", piece.lower()) % len(codes)]
        return f"{code} {place}" if piece[:1].isdigit() else place
    return TAGS[label]


def surrogates(text: str, spans: Sequence[Span], ctx: OperatorContext) -> list[str]:
    k = _Keyed(ctx)
    return [_one(k, text, s, ctx.exact_ages) for s in spans]
