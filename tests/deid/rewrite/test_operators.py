"""Operators: tags, roles, age ranges, redaction, keyed surrogates."""

import re

import pytest

from tilbake.deid.detect.recognizers.ids import is_fnr
from tilbake.deid.rewrite.operators import OperatorContext, age_range, age_text, age_years, anonymize
from tilbake.errors import ValidationError

NOTE = ("Pasient: Kari Nordmann (47), fnr 15108695088. Tlf 912 34 567. Time 12.03.2026.\n"
        "Karis mor ringte. Henvist av fastlege Per Olsen. Epost kari@example.no.")
CTX = OperatorContext(b"s" * 32, "patient-1")


def test_tag_operator(engine):
    out = anonymize(NOTE, engine.detect(NOTE), "tag")
    assert out == ("Pasient: [NAVN] ([ALDER]), fnr [FNUMMER]. Tlf [TELEFON]. Time [DATO].\n"
                   "[NAVN] mor ringte. Henvist av fastlege [NAVN]. Epost [EPOST].")


def test_role_operator(engine):
    out = anonymize(NOTE, engine.detect(NOTE), "role")
    assert out.startswith("Pasient: Pasient (")
    assert "Pasients mor ringte" in out and "fastlege Behandler" in out


@pytest.mark.parametrize(("piece", "years", "band"), [
    ("47 år", 47, "40-49"), ("47-årig", 47, "40-49"), ("sju år gammel", 7, "0-9"), ("60-årene", 60, "60-69"),
    ("93 år", 93, "90+"), ("tenårene", 10, "10-19"), ("førtisju år", 47, "40-49"), ("90", 90, "90+"),
])
def test_age_ranges(piece, years, band):
    assert age_years(piece) == years
    assert age_range(years) == band


def test_age_operator(engine):
    text = "Mann, 93 år, og datter (47)"
    assert anonymize(text, engine.detect(text), "age") == "Mann, 90+ år, og datter (40-49)"


@pytest.mark.parametrize(("piece", "written"), [
    ("47 år", "40-49 år"), ("47-årig", "40-49-årig"), ("47-åringen", "40-49-åringen"), ("(47)", "(40-49)"),
    ("sju år", "0-9 år"), ("Sju år", "0-9 år"), ("tenårene", "10-19-årene"), ("60-årene", "60-69-årene"),
    ("93 år", "90+ år"), ("førtisju år", "40-49 år"), ("47", "40-49"),
])
def test_age_text_keeps_the_unit(piece, written):
    assert age_text(piece) == written


def test_redact(engine):
    assert anonymize("Tlf 912 34 567", engine.detect("Tlf 912 34 567"), "redact") == "Tlf […]"


def test_surrogates_are_consistent_realistic_and_keyed(engine):
    spans = engine.detect(NOTE)
    a = anonymize(NOTE, spans, "surrogate", CTX)
    assert a == anonymize(NOTE, spans, "surrogate", CTX)  # deterministic
    assert a != anonymize(NOTE, spans, "surrogate", OperatorContext(b"t" * 32, "patient-1"))  # keyed
    assert "Kari" not in a and "15108695088" not in a and "912 34 567" not in a
    first = re.search(r"Pasient: (\w+) (\w+)", a)
    assert first and f"{first.group(1)}s mor" in a  # "Karis" -> same fake name + genitive s
    fnr = re.search(r"fnr (\d{11})", a).group(1)
    assert is_fnr(fnr) and 81 <= int(fnr[2:4]) <= 92  # synthetic range, valid control digits
    phone = re.search(r"Tlf (\d{3} \d{2} \d{3})", a).group(1)
    assert phone[0] in "49"  # mobile stays in a mobile series, layout kept
    assert re.search(r"Time \d{2}\.\d{2}\.\d{4}\.", a)


def test_dates_shift_by_one_offset_per_scope(engine):
    import datetime as dt

    text = "Time 01.03.2026 og 2026-03-11"
    out = anonymize(text, engine.detect(text), "surrogate", CTX)
    d1, d2 = re.findall(r"\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}", out)
    first = dt.datetime.strptime(d1, "%d.%m.%Y").date()
    second = dt.date.fromisoformat(d2)
    assert (second - first).days == 10


def test_surrogate_needs_secret_and_unknown_operator_is_named(engine):
    with pytest.raises(ValidationError, match="secret"):
        anonymize(NOTE, engine.detect(NOTE), "surrogate")
    with pytest.raises(ValidationError, match="tag, role"):
        anonymize(NOTE, [], "blur")
