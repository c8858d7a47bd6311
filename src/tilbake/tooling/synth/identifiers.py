"""Identifiers in the forms Norwegian clinicians write them: fødselsnummer (valid, D-number, mistyped),
phones in real series, e-mails, HPR, journal and referral numbers, account numbers, dates and ages.

Every function returns the surface text only; callers label it.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Callable

from tilbake.tooling.synth.rand import chance, pick

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
MONTHS_SHORT = ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def _control(digits: list[int], weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    return 0 if k == 11 else (None if k == 10 else k)


def _with_controls(rng: random.Random, make_base: Callable[[], str]) -> str:
    # About one base in three has no valid control digit; draw again until both exist.
    while True:
        base = [int(c) for c in make_base()]
        k1 = _control(base, _W1)
        k2 = None if k1 is None else _control([*base, k1], _W2)
        if k1 is not None and k2 is not None:
            return "".join(map(str, base)) + f"{k1}{k2}"


def fnr_digits(rng: random.Random, born: dt.date, *, d_number: bool = False, h_number: bool = False) -> str:
    """A fødselsnummer with valid control digits; a D-number adds 40 to the day, an H-number to the month."""
    day = born.day + (40 if d_number else 0)
    month = born.month + (40 if h_number else 0)

    def base() -> str:
        if born.year >= 2000:
            ind = rng.randint(500, 999)
        elif born.year >= 1900:
            ind = rng.randint(0, 499)
        else:
            ind = rng.randint(500, 749)
        return f"{day:02d}{month:02d}{born.year % 100:02d}{ind:03d}"

    return _with_controls(rng, base)


def fh_digits(rng: random.Random) -> str:
    """An FH-number (felles hjelpenummer): first digit 8 or 9, no birth date, valid control digits."""
    return _with_controls(rng, lambda: pick(rng, ("8", "9")) + f"{rng.randrange(10**8):08d}")


def fnr_valid(digits: str) -> bool:
    ds = [int(c) for c in digits]
    return len(ds) == 11 and _control(ds[:9], _W1) == ds[9] and _control(ds[:10], _W2) == ds[10]


def mistype(rng: random.Random, digits: str) -> str:
    """A slip of the keyboard: one digit changed or two neighbours swapped (checksum then usually fails)."""
    i = rng.randrange(len(digits) - 1)
    if chance(rng, 0.5) and digits[i] != digits[i + 1]:
        return digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
    return digits[:i] + str((int(digits[i]) + rng.randint(1, 9)) % 10) + digits[i + 1 :]


def fnr(rng: random.Random, born: dt.date, digits: str | None = None) -> str:
    """Fødselsnummer as written: mostly valid, sometimes a D-number or mistyped, grouped or not.
    Pass the person's ``digits`` to write the same number again (each writing may still slip)."""
    r = rng.random()
    if digits is None:
        digits = fnr_digits(rng, born, d_number=r < 0.12)
    if r > 0.9:
        digits = mistype(rng, digits)
    sep = pick(rng, ("", "", "", " ", "-"))
    return digits[:6] + sep + digits[6:]


# Real series (phonenumbers agrees): mobile 40-41, 46-48, 90-99; landlines with the area digits below.
_LANDLINE = (
    "21",
    "22",
    "23",
    "32",
    "33",
    "35",
    "37",
    "38",
    "51",
    "52",
    "55",
    "56",
    "57",
    "61",
    "62",
    "63",
    "64",
    "66",
    "67",
    "69",
    "70",
    "71",
    "72",
    "73",
    "74",
    "75",
    "77",
    "78",
)


_MOBILE = ("40", "41", "46", "47", "48", "90", "91", "92", "93", "94", "95", "96", "97", "98", "99")


def phone_digits(rng: random.Random, *, mobile: bool | None = None) -> str:
    if chance(rng, 0.75) if mobile is None else mobile:
        return pick(rng, _MOBILE) + f"{rng.randrange(10**6):06d}"
    return pick(rng, _LANDLINE) + f"{rng.randrange(10**6):06d}"


def phone(rng: random.Random, *, mobile: bool | None = None, num: str | None = None) -> str:
    """A phone number in one of the usual groupings, sometimes with +47/0047 (``num``: these digits)."""
    num = num or phone_digits(rng, mobile=mobile)
    r = rng.random()
    if r < 0.3 and num[0] in "49":
        body = f"{num[:3]} {num[3:5]} {num[5:]}"
    elif r < 0.55:
        body = num
    elif r < 0.75:
        body = f"{num[:2]} {num[2:4]} {num[4:6]} {num[6:]}"
    else:
        body = f"{num[:4]} {num[4:]}"
    r = rng.random()
    prefix = "+47 " if r < 0.15 else "0047 " if r < 0.2 else ""
    return "+47" + num if 0.2 <= r < 0.25 else prefix + body


_MAIL_HOSTS = (
    "gmail.com",
    "online.no",
    "hotmail.com",
    "outlook.com",
    "icloud.com",
    "yahoo.no",
    "live.no",
    "getmail.no",
    "broadpark.no",
    "altibox.no",
    "lyse.net",
    "epost.no",
)


def ascii_fold(s: str) -> str:
    s = s.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(c for c in s if c.isalnum() or c in ".-")


def email(rng: random.Random, first: str, last: str, host: str | None = None) -> str:
    f, sur = ascii_fold(first), ascii_fold(last.split()[-1])
    local = pick(
        rng,
        (
            f"{f}.{sur}",
            f"{f}{sur}",
            f"{f[0]}{sur}",
            f"{f}.{sur}{rng.randint(1, 99)}",
            f"{f}_{sur}",
            f"{f}{rng.randint(60, 2005)}",
        ),
    )
    return f"{local}@{host or pick(rng, _MAIL_HOSTS)}"


def hpr(rng: random.Random) -> str:
    return str(rng.randint(1_000_000, 99_999_999 if chance(rng, 0.3) else 9_999_999))


def journal_no(rng: random.Random) -> str:
    year = rng.randint(2015, 2026)
    return pick(
        rng,
        (
            f"{year}-{rng.randint(1, 99999):05d}",
            f"{year % 100}/{rng.randint(100, 99999)}",
            f"J{rng.randint(100000, 9999999)}",
            f"{rng.randint(1000000, 99999999)}",
            f"HV-{year}-{rng.randint(1000, 9999)}",
            f"PAS{rng.randint(10000, 999999)}",
        ),
    )


def account_no(rng: random.Random) -> str:
    d = f"{rng.randint(1000, 9999)}{rng.randint(10, 99)}{rng.randint(10000, 99999)}"
    return pick(rng, (d, f"{d[:4]}.{d[4:6]}.{d[6:]}", f"{d[:4]} {d[4:6]} {d[6:]}"))


def date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def date_text(rng: random.Random, d: dt.date, *, with_year: bool | None = None) -> str:
    """A date in one of the ways Norwegians write it (numeric, month names, ISO, short year, weekday)."""
    yr = chance(rng, 0.8) if with_year is None else with_year
    m = d.month
    forms = (
        f"{d.day:02d}.{m:02d}.{d.year}" if yr else f"{d.day:02d}.{m:02d}",
        f"{d.day}.{m}.{d.year % 100:02d}" if yr else f"{d.day}.{m}.",
        f"{d.day}. {MONTHS[m - 1]} {d.year}" if yr else f"{d.day}. {MONTHS[m - 1]}",
        f"{d.day}.{MONTHS[m - 1]}" + (f" {d.year}" if yr else ""),
        f"{d.day} {MONTHS_SHORT[m - 1]}" + (f" {d.year}" if yr else ""),
        f"{d.day}. {MONTHS_SHORT[m - 1]}." + (f" {d.year}" if yr else ""),
        f"{d.day}/{m}-{d.year % 100:02d}" if yr else f"{d.day}/{m}",
        f"{d.isoformat()}" if yr else f"{d.day}/{m}",
        f"{WEEKDAYS[d.weekday()]} {d.day}. {MONTHS[m - 1]}"
        + (f" {d.year}" if yr and chance(rng, 0.3) else ""),
        f"{d.day:02d}{m:02d}{d.year % 100:02d}" if yr else f"{d.day}.{m}",
        f"{d.day}.{m}.{d.year}" if yr else f"{d.day}.{m}",
        f"{d.day:02d}/{m:02d}/{d.year}" if yr else f"{d.day:02d}/{m:02d}",
        f"{d.day:02d}-{m:02d}-{d.year}" if yr else f"{d.day}. {MONTHS_SHORT[m - 1]}",
        f"{d.day:02d}.{m:02d}.{d.year % 100:02d}" if yr else f"{d.day}.{m:02d}",
        f"{MONTHS[m - 1]} {d.year}" if yr else f"{d.day}. {MONTHS[m - 1]}",  # month and year alone
    )
    return pick(rng, forms)


_AGE_FORMS = ("{a} år", "{a} år", "{a}-årig", "{a}-åring", "{a} åring", "{a}-åringen", "{a}år", "{a} å",
              "{a} år|| gml.", "{a} år|| gammel", "{a} år|| gamle")


def age_text(rng: random.Random, age: int) -> tuple[str, str]:
    """An age as clinicians write it, as (span, tail): the span is the number with its unit ("45 år",
    "45-årig"); an adjective after it ("gml.", "gammel") is the tail, outside the span."""
    span, _, tail = pick(rng, _AGE_FORMS).format(a=age).partition("||")
    return span, tail
