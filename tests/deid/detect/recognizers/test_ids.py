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


# identifiers after a cue whatever their shape, and the look-alikes after the same cues
@pytest.mark.parametrize(("text", "piece", "label"), [
    ("Org.nr. 912 345 678 står på fakturaen", "912 345 678", "ID"),
    ("HER-id 8765432 for legekontoret", "8765432", "ID"),
    ("Skadenr. 31-998877, saksbehandler hos selskapet", "31-998877", "ID"),
    ("saksnr. 2023/5521 hos Statsforvalteren", "2023/5521", "ID"),
    ("Deres ref 23/00417-2 i brevet", "23/00417-2", "ID"),
    ("Vår ref . 2023/7781 – tokenisert", "2023/7781", "ID"),
    ("meldt i avvikssystemet, nr XB-2023-0042.", "XB-2023-0042", "ID"),
    ("klagen ligger i sak TR-2023-0981 nå", "TR-2023-0981", "ID"),
    ("HPR-nr. for turnuslegen vi snakket om er 7261534.", "7261534", "ID"),  # far from its cue
    ("saksnummeret er 2023-004512", "2023-004512", "ID"),  # an inflected cue
    ("CPR-nr 240385-1137 (dansk pasient)", "240385-1137", "FNR"),  # another country's person number
    ("sosialsikkerhetsnummer 21048812345", "21048812345", "FNR"),
    ("personnummeret hans er 240385 11374", "240385 11374", "FNR"),  # checksum fails: a typo is still one
    ("personnr. 24038511374", "24038511374", "FNR"),
])
def test_cued_identifiers_found(found, text, piece, label):
    assert (piece, label) in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Journal fra 2019 gjennomgått",          # a year after a cue
    "ref. time kl 10.30 i morgen",           # a time after a cue
    "nr 3 av 5 øvelser",                     # a short number after a weak cue
    "Lot-nr. KQ5521Z, 0,5 ml im.",           # a vaccine batch
    "varenr 55123 bestilt",                  # an article
    "sak om sykmelding, 2 uker",             # a weak cue and no number
    "HPR-nr. står i signaturen. Pasienten fikk 1000000 IE",  # another sentence
])
def test_cue_look_alikes_are_not_ids(found, text):
    assert not any(label in ("ID", "FNR") for _, label in found(text)), found(text)


# numbers read aloud in dictated text, after a cue
@pytest.mark.parametrize(("text", "piece", "label"), [
    ("fødselsnummer to en null fire åtte åtte en to tre fire fem punktum",
     "to en null fire åtte åtte en to tre fire fem", "FNR"),
    ("hpr nummer sju to seks en fem tre fire ny linje", "sju to seks en fem tre fire", "ID"),
    ("journalnummer fem fem null ni åtte to komma", "fem fem null ni åtte to", "ID"),
    ("saksnummer tjueto strek null null fire fem en", "tjueto strek null null fire fem en", "ID"),
    ("referanse tjuetre skråstrek null fire fire sju", "tjuetre skråstrek null fire fire sju", "ID"),
    ("mobil ni sju fem fem en to null tre ny linje", "ni sju fem fem en to null tre", "PHONE"),
    ("kan nås på fire fire en to tre fire fem seks", "fire fire en to tre fire fem seks", "PHONE"),
    ("telefon null null fire sju ni ni åtte sju seks fem fire tre",
     "null null fire sju ni ni åtte sju seks fem fire tre", "PHONE"),
])
def test_spoken_numbers_after_a_cue(found, text, piece, label):
    assert (piece, label) in found(text), found(text)


@pytest.mark.parametrize("text", [
    "ta to tabletter tre ganger daglig i fem dager",
    "telefon to ganger i uka",                       # a cue, but no number
    "mobil en to tre",                               # too short for anything
    "kontroll om fire fem uker",
    "telefon fire fem seks sju åtte ni",             # six digits: not a phone
])
def test_spoken_look_alikes(found, text):
    assert not any(label in ("ID", "FNR", "PHONE") for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "code"), [
    ("Henvisnings-ID AHUS-ORT-40127 sendt.", "AHUS-ORT-40127"),
    ("bestilt via tolk, bruker-ID K-70215.", "K-70215"),
    ("Deres ref.: skadenr. 5512-2025-0041877", "5512-2025-0041877"),
    ("Referansenummer: OUS-RAD-339120", "OUS-RAD-339120"),
    ("undersøkelsesnr. MR-2024-118204\nFunn:", "MR-2024-118204"),
    ("Sykehusnr. 48812", "48812"),
])
def test_codes_after_a_cue_or_a_compound_cue_whole(found, text, code):
    assert (code, "ID") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Varenr. 44-5511 bestilt",
    "VARENUMMER 123456",
    "Lot-nr 44511",
    "Batchnr. AB-12345",
    "romnummer 12",
    "husnummer 12",
    "Han tok nr 3 i køen",
])
def test_compound_cues_that_number_no_person(found, text):
    assert not any(label == "ID" for _, label in found(text)), found(text)


def test_a_phone_compound_stays_a_phone(found):
    assert ("22 33 44 55", "PHONE") in found("telefonnummer 22 33 44 55")
