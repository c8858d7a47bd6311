"""FNR (with D/H/FH/synthetic numbers and the 2032 rule), kontonummer, IBAN, HPR and cued IDs."""

import pytest

from tilbake.deid.detect.recognizers.ids import fnr_checksum_ok, iban_ok, is_fnr, konto_ok


def _with_controls(nine: str) -> str:
    w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3)
    d = [int(c) for c in nine]
    k1 = (11 - sum(a * b for a, b in zip(w1, d, strict=False)) % 11) % 11
    k2 = (11 - (sum(a * b for a, b in zip(w2, d, strict=False)) + 2 * k1) % 11) % 11
    assert k1 < 10 and k2 < 10, nine
    return nine + f"{k1}{k2}"


@pytest.mark.parametrize(("number", "ok"), [
    ("15108695088", True),    # the example
    ("15108695089", False),   # mistyped: second control digit wrong
    (_with_controls("151086950"), True),
    (_with_controls("551086950"), True),   # D-number: day + 40
    (_with_controls("155086950"), True),   # H-number: month + 40
    (_with_controls("159086950"), True),   # synthetic (Tenor): month + 80
    (_with_controls("851086950"), True),   # FH-number: first digit 8
    (_with_controls("321386950"), False),  # day 32, month 13: no such date
    ("1510869508", False),
])
def test_fnr_validation(number, ok):
    assert is_fnr(number) is ok


def test_2032_rule_accepts_first_control_remainders_up_to_3():
    base = "151086950"
    w1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
    accepted = []
    for k1 in range(10):
        digits = [int(c) for c in base] + [k1]
        rest = sum(a * b for a, b in zip(w1, digits, strict=False)) % 11
        w2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        k2 = (11 - sum(a * b for a, b in zip(w2, digits, strict=False)) % 11) % 11
        if k2 < 10:
            assert fnr_checksum_ok(base + f"{k1}{k2}") is (rest in (0, 1, 2, 3))
            accepted.append(rest in (0, 1, 2, 3))
    assert any(accepted) and not all(accepted)


VALID = _with_controls("151086950")


@pytest.mark.parametrize("text", [
    f"fnr {VALID}", f"Fødselsnummer: {VALID[:6]} {VALID[6:]}", f"id {VALID[:6]}-{VALID[6:]} ok",
    f"Pasienten ({VALID}) møtte", f"personnummer {VALID}",
    "Pasient: Oliver Hansen (10084921271), Kudalsveien 89",  # checksum fails, but in brackets after a name
])
def test_valid_fnr_found_in_every_layout(found, text):
    labels = {label for _, label in found(text)}
    assert "FNR" in labels


@pytest.mark.parametrize("text", [
    "fnr 15108695089", "f.nr: 15108695089", "fødselsnummeret er 15108695089", "Fødselsnr. 151086 95089",
    "personnr 15108695089", "pasientens fødselsnummer: 15108695089",
])
def test_failed_checksum_after_cue_is_still_fnr(found, text):
    assert any(label == "FNR" for _, label in found(text)), text


@pytest.mark.parametrize("text", [
    "Serienummer 15108695089 på implantatet", "Ordre 15108695089 sendt", "Lot 15108695089",
])
def test_failed_checksum_without_cue_is_not_fnr(found, text):
    assert not any(label == "FNR" for _, label in found(text))


@pytest.mark.parametrize(("number", "ok"),
                         [("12345678903", True), ("12345678904", False), ("1234567890", False)])
def test_konto_mod11(number, ok):
    assert konto_ok(number) is ok


@pytest.mark.parametrize(("text", "piece"), [
    ("Kontonr 1234.56.78903", "1234.56.78903"),
    ("utbetales til 1234 56 78903", "1234 56 78903"),
    ("IBAN NO93 8601 1117 947", "NO93 8601 1117 947"),
    ("HPR-nr 1234567", "1234567"),
    ("HPR: 9144889", "9144889"),
    ("Journalnr. 2024-00123", "2024-00123"),
    ("Saksnummer: 24/01234", "24/01234"),
    ("Henvisnings-ID REF-88123", "REF-88123"),
    ("journal nr JR-2024-0012", "JR-2024-0012"),
    ("Saksnr. 24/76946\nID-nr: 15108695088", "24/76946"),  # another number right after it
    ("Ref: PAS812061\nFnr 15108695088", "PAS812061"),
])
def test_ids_found(found, text, piece):
    assert (piece, "ID") in found(text)


@pytest.mark.parametrize("value", ["NO9386011117948", "GB82WEST12345698765433", "XX00"])
def test_iban_rejects_bad(value):
    assert not iban_ok(value)


def test_iban_accepts_valid():
    assert iban_ok("NO93 8601 1117 947") and iban_ok("GB82WEST12345698765432")
