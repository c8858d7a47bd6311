"""Phones by the Norwegian numbering plan, foreign numbers, e-mail and URLs; look-alikes left alone."""

import pytest


@pytest.mark.parametrize(("text", "piece"), [
    ("Tlf 912 34 567", "912 34 567"),
    ("mobil: 91 23 45 67", "91 23 45 67"),
    ("ring 22334455 i morgen", "22334455"),
    ("treffes på 41234567", "41234567"),
    ("nås på +47 912 34 567", "+47 912 34 567"),
    ("telefon 0047 22 33 44 55", "0047 22 33 44 55"),
    ("+4791234567", "+4791234567"),
    ("kontakttelefon 55 12 34 56", "55 12 34 56"),
    ("telefonnr. 73 55 66 77", "73 55 66 77"),
    ("datter i Sverige: +46 70 123 45 67", "+46 70 123 45 67"),
    ("UK: +44 20 7946 0958", "+44 20 7946 0958"),
    ("Pasienten ringte fra 98765432.", "98765432"),
    ("tlf 9123 4567", "9123 4567"),
    ("Tiller Manuellterapi | 70246162", "70246162"),
    ("Kontakt: Robert Bye/48 14 92 24.", "48 14 92 24"),
])
def test_phones_found(found, text, piece):
    assert (piece, "PHONE") in found(text)


@pytest.mark.parametrize("text", [
    "ROM fleksjon 50 60 70 70 grader",
    "Målinger 50 60 70 70",
    "varenr 41234567 bestilt",
    "artikkelnummer 92345678",
    "Ordre 22334455",
    "nummer 12345678 starter med 1",
    "01234567 er ikke et nummer",
    "Blodtrykk 130/85, puls 72",
    "Beløp 12 345 678 kr",
    "Prøve 3.5 12.5 14.5 22.5",
])
def test_look_alikes_are_not_phones(found, text):
    assert not any(label == "PHONE" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece", "label"), [
    ("Send til kari.nordmann@example.no.", "kari.nordmann@example.no", "EMAIL"),
    ("e-post: ola+test@firma-navn.com", "ola+test@firma-navn.com", "EMAIL"),
    ("se https://www.example.com/side?id=3.", "https://www.example.com/side?id=3", "URL"),
    ("hjemmeside www.kiropraktor-ola.no", "www.kiropraktor-ola.no", "URL"),
    ("Kiropraktor ved Tromsø Legegruppe. tromsolegegruppe.no", "tromsolegegruppe.no", "URL"),
])
def test_email_and_url(found, text, piece, label):
    assert (piece, label) in found(text)


def test_agency_sites_are_not_phi(found):
    assert not found("Les mer på https://helsenorge.no/rygg og nav.no")


# eight digits in any grouping, or starting with 0/1, right after a strong cue; the country code in brackets
@pytest.mark.parametrize(("text", "piece"), [
    ("ring meg på 9 12 34 567 i kveld", "9 12 34 567"),
    ("Tlf 4 11 29 038.", "4 11 29 038"),
    ("tlf 9 555 44 12 eller e-post", "9 555 44 12"),
    ("mob 04123456", "04123456"),
    ("Tlf pas: 0 12 34 567", "0 12 34 567"),
    ("telefonnummeret er 0047 41 22 33 44", "0047 41 22 33 44"),
    ("My phone (+47) 463 09 812.", "(+47) 463 09 812"),
    ("phone ( +47 ) 463 09 812 .", "( +47 ) 463 09 812"),
])
def test_phones_after_a_strong_cue(found, text, piece):
    assert (piece, "PHONE") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Ring 113 ved akutt fare",
    "ring 116 117 om natten",
    "Ring 1 2 3 4 ganger",                 # too few digits
    "04123456 uten noe foran",             # 0 first and no cue
    "Blodtrykk 1 20 80 puls 7 2",          # values after no cue
    "tlf-varenr 0 12 34 567",              # an article cue
    "mobilisering 2 x 10 x 3 sett",
])
def test_look_alikes_after_cue_are_not_phones(found, text):
    assert not any(label == "PHONE" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("send til kari punktum nordmann krøllalfa gmail punktum com punktum ny linje",
     "kari punktum nordmann krøllalfa gmail punktum com"),
    ("e post ola understrek hansen krøllalfa online punktum no",
     "ola understrek hansen krøllalfa online punktum no"),
])
def test_spoken_email(found, text, piece):
    assert (piece, "EMAIL") in found(text), found(text)


def test_krollalfa_alone_is_no_email(found):
    assert not any(label == "EMAIL" for _, label in found("hun sa krøllalfa og lo"))
