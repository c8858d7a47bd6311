from __future__ import annotations

import datetime as dt
import random

import phonenumbers
import pytest
from stdnum.no import fodselsnummer

from tilbake.tooling.synth import identifiers as ids


@pytest.mark.parametrize("born", [dt.date(1935, 2, 28), dt.date(1987, 5, 17), dt.date(2004, 12, 31),
                                  dt.date(2012, 1, 1)])
@pytest.mark.parametrize("d_number", [False, True])
def test_fnr_digits_have_valid_control_digits(born, d_number):
    rng = random.Random(1)
    for _ in range(50):
        digits = ids.fnr_digits(rng, born, d_number=d_number)
        assert ids.fnr_valid(digits)
        assert fodselsnummer.is_valid(digits)  # python-stdnum agrees (it knows D-numbers)
        day = int(digits[:2])
        assert day == born.day + (40 if d_number else 0)
        assert digits[2:6] == f"{born.month:02d}{born.year % 100:02d}"


def test_mistyped_numbers_mostly_fail_the_checksum():
    rng = random.Random(2)
    born = dt.date(1970, 6, 15)
    bad = sum(not ids.fnr_valid(ids.mistype(rng, ids.fnr_digits(rng, born))) for _ in range(500))
    assert bad > 450


@pytest.mark.parametrize("digits, valid", [("01010112345", False), ("15076500565", True),
                                           ("15076500566", False)])
def test_fnr_valid(digits, valid):
    assert ids.fnr_valid(digits) is valid


@pytest.mark.parametrize("mobile", [True, False])
def test_phones_are_real_norwegian_numbers(mobile):
    rng = random.Random(3)
    for _ in range(300):
        text = ids.phone(rng, mobile=mobile)
        number = phonenumbers.parse(text, "NO")
        assert phonenumbers.is_valid_number(number), text
        kind = phonenumbers.number_type(number)
        assert (kind == phonenumbers.PhoneNumberType.MOBILE) is mobile, text


def test_dates_come_in_many_forms_and_keep_the_day():
    rng = random.Random(4)
    d = dt.date(2024, 3, 5)
    forms = {ids.date_text(rng, d) for _ in range(400)}
    assert len(forms) >= 15
    assert {"05.03.2024", "5. mars 2024", "2024-03-05", "5/3-24", "05/03/2024", "mars 2024"} <= forms
    assert all("5" in f for f in forms - {"mars 2024"})  # the day is kept, except in "month year"


def test_ages_keep_adjectives_outside_the_span():
    rng = random.Random(5)
    pairs = {ids.age_text(rng, 45) for _ in range(300)}
    assert ("45 år", " gml.") in pairs and ("45-årig", "") in pairs
    assert all(span.startswith("45") and "gam" not in span and "gml" not in span for span, _ in pairs)


def test_email_local_parts_are_ascii():
    rng = random.Random(6)
    for _ in range(100):
        address = ids.email(rng, "Bjørg-Åse", "Ødegård Ærø")
        assert address.isascii() and address.count("@") == 1


def test_h_numbers_add_40_to_the_month_and_fh_numbers_start_with_8_or_9():
    rng = random.Random(7)
    born = dt.date(1990, 11, 3)
    for _ in range(100):
        h = ids.fnr_digits(rng, born, h_number=True)
        assert ids.fnr_valid(h) and h[2:4] == "51"
        fh = ids.fh_digits(rng)
        assert ids.fnr_valid(fh) and fh[0] in "89" and len(fh) == 11


def test_patients_get_every_kind_of_number():
    from tilbake.tooling.synth.scene import Scene

    rng = random.Random(8)
    kinds = set()
    for _ in range(2000):
        scene = Scene(rng, "train")
        digits = scene.fnr_digits
        assert ids.fnr_valid(digits)
        kinds.add("fh" if digits[0] in "89" else "d" if digits[0] in "4567" else
                  "h" if digits[2] in "45" else "plain")
    assert kinds == {"fh", "d", "h", "plain"}
