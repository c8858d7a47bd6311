"""Every Norwegian date form; times, bare years, week numbers, durations and scores are not dates."""

import pytest


@pytest.mark.parametrize(("text", "piece"), [
    ("Time 12.03.2026 hos oss", "12.03.2026"),
    ("kontroll 12.3.26.", "12.3.26"),
    ("sykmeldt fra 12/3-26", "12/3-26"),
    ("dato 2026-03-12", "2026-03-12"),
    ("Innlagt 12. mars 2026.", "12. mars 2026"),
    ("Innlagt 12. mar. 2026", "12. mar. 2026"),
    ("operert 12 mars i fjor", "12 mars"),
    ("Skadet seg i mars 2026", "mars 2026"),
    ("Ny time den 12.03 kl 10", "12.03"),
    ("Konsultasjon mandag 12.03", "mandag 12.03"),
    ("Neste time tirsdag 3/4", "tirsdag 3/4"),
    ("Født 01.01.1950", "01.01.1950"),
    ("Henvist 3. september", "3. september"),
    ("Fra 1. januar 2025 til 31. desember 2025", "1. januar 2025"),
    ("Sett 05/11/2025", "05/11/2025"),
    ("Neste konsultasjon 14.2.2023, kl. 9.", "14.2.2023"),
    ("hos oss mellom 300726 og 10.6", "300726"),
    ("Time 18.1. hos oss", "18.1."),
    ("Bildediagnostikk (Sunnaas, 17.07) viser", "17.07"),
    ("Plagene debuterte 27/7 trolig", "27/7"),
    ("Timebekreftelse 12.april 19:10", "12.april"),
])
def test_dates_found(found, text, piece):
    assert (piece, "DATE") in found(text)


@pytest.mark.parametrize(("text", "piece"), [
    # the weekday belongs to the date: with day and month it tells the year
    ("Kontroll søndag 6. oktober.", "søndag 6. oktober"),
    ("Sees igjen Tirsdag, 3. oktober 2023 kl 10.", "Tirsdag, 3. oktober 2023"),
    ("FREDAG 12.03.2026: kontroll", "FREDAG 12.03.2026"),
    ("ny time tirs. 12.03", "tirs. 12.03"),
    ("ny time lør. 5. mai", "lør. 5. mai"),
    # short forms without their dot are words ("man" = one), not weekdays
    ("man 12.03 kom han", "12.03"),
    ("sett av fre 12.03.2026", "12.03.2026"),
    # a month and a year whatever follows (a refused shape at the same digits no longer hides it)
    ("behandling siden september 2022 har ikke hjulpet", "september 2022"),
    ("Timebekreftelse mai 2022 kl. 8.00", "mai 2022"),
    ("CT datert juni 2023 viser prolaps", "juni 2023"),
    ("Mellom januar 2021 og mars 2022 var han sykmeldt", "januar 2021"),
    ("Mellom januar 2021 og mars 2022 var han sykmeldt", "mars 2022"),
])
def test_date_spans_are_whole(found, text, piece):
    assert (piece, "DATE") in found(text)


@pytest.mark.parametrize("text", ["Født i 2022 har hun", "I 2022 var han frisk", "uke 12 mandag kl 10"])
def test_years_and_weekdays_alone_are_not_dates(found, text):
    assert [p for p in found(text) if p[1] == "DATE"] == []


@pytest.mark.parametrize("text", [
    "Kom kl 12.03 og gikk kl 14.30",
    "Klokken 08:15 ringte hun",
    "Skadet i 2019, bedre i 2021",
    "uke 12 og uke 13",
    "Smerter i 3 uker, 12 dager",
    "VAS 7/10 i dag, 4/10 i går",
    "ODI 18/50",
    "BT 130/85",
    "Hb 12.3, CRP 5",
    "Ibux 400 mg 1.5 tablett",
    "ROM 12/3 grader",
    "L4-L5 og C5/C6",
    "Tar 1/2 tablett og 3/4 dose",
    "Egenandel 250000 kr",
])
def test_not_dates(found, text):
    assert not any(label == "DATE" for _, label in found(text)), found(text)
