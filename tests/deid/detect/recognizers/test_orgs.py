"""Organisations by shape (issue #13): company forms, branches, names after their type word, clubs,
insurers, employers in brackets, hospital divisions; and the look-alikes that are no organisation."""

import pytest


@pytest.mark.parametrize(("text", "piece"), [
    # company forms, in capitals or mixed case, with a branch
    ("Sveiser hos RØRLEGGER NILSEN AS siden mai.", "RØRLEGGER NILSEN AS"),
    ("Ansatt i Fjordbygg Entreprenør AS, stillas.", "Fjordbygg Entreprenør AS"),
    ("Henvist til Sterk Rygg Fysio AS avd. Hamar.", "Sterk Rygg Fysio AS avd. Hamar"),
    ("han jobber hos brødrene lie as på lageret", "brødrene lie as"),
    ("Ringte fra Joker Torget avd. 4411 i formiddag.", "Joker Torget avd. 4411"),
    # hospitals with division, trust form, branch
    ("Overført til Sykehuset Innlandet Elverum i natt.", "Sykehuset Innlandet Elverum"),
    ("Innlagt Sørlandet sykehus Flekkefjord.", "Sørlandet sykehus Flekkefjord"),
    ("Hun er sykepleier ved Helse Fonna HF, Stord sjukehus.", "Helse Fonna HF, Stord sjukehus"),
    ("Plan: St. Olavs hospital avd. Brøset.", "St. Olavs hospital avd. Brøset"),
    ("Kontroll ved DPS Øvre Romerike om to uker.", "DPS Øvre Romerike"),
    ("henvist til dps indre østfold punktum", "dps indre østfold"),
    # institutions for living and treatment
    ("Innflyttet på Eikertun bo- og behandlingssenter i mars.", "Eikertun bo- og behandlingssenter"),
    ("Tidligere døgnbehandling i Lyngvollkollektivet.", "Lyngvollkollektivet"),
    ("EPIKRISE\nSolhaugstiftelsen avd. Bjørkely\nPostboks 7", "Solhaugstiftelsen avd. Bjørkely"),
    ("Dagtilbud på Hov omsorgssenter to dager i uka.", "Hov omsorgssenter"),
    ("Opphold ved Valdres helsesportssenter i fjor.", "Valdres helsesportssenter"),
    ("Soner på Ila fengsel.", "Ila fengsel"),
    ("Brev fra Hamar kommunale boligkontor.", "Hamar kommunale boligkontor"),
    # employers in brackets after an occupation or a job word
    ("Yrke: kranfører (Norsk Stål), 100 %.", "Norsk Stål"),
    ("Fikk ikke fri fra jobben (Posten) i dag.", "Posten"),
    ("Hun er renholder (Sodexo Norge) på natt.", "Sodexo Norge"),
    # clubs
    ("Trener med Lyn IL/håndball to kvelder.", "Lyn IL/håndball"),
    ("Han spiller for IL Sverre.", "IL Sverre"),
    ("spiller håndball for hamar hk punktum", "hamar hk"),
    ("Spiller fotball i KFK om våren.", "KFK"),
    # insurers
    ("Skadesaken er meldt til Fremtind.", "Fremtind"),
    ("Erklæring sendt If skadeforsikring i dag.", "If skadeforsikring"),
    ("Forsikring er If, saken er meldt.", "If"),
    # a name with a common noun joined by "og"
    ("Arbeidspraksis hos Berge Rør og Varme fra mandag.", "Berge Rør og Varme"),
])
def test_organisations_by_shape(found, text, piece):
    assert (piece, "ORG") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Kontaktinfo DPS gitt ved utreise.",
    "Ringt legevakt kl 22.10, ingen tiltak.",
    "Henvist TIA-poliklinikk samme dag.",
    "Alderspsykiatrisk poliklinikk følger opp.",
    "LAR-poliklinikken har fått beskjed.",
    "Medisinsk avd. 4 tok imot pasienten.",
    "Bruker Albyl-E 75 mg og Tramadol retard 100 mg.",
    "Sykehuset har ringt, og kommunen er varslet.",
    "Hun sier if you want, på engelsk.",
    "Kari og Ola kom sammen med Per.",
    "Pas. er sykepleier (Kari er kollega).",
    "Han jobber som sveiser (deltid).",
    "dette skjedde da han kom hjem as usual",
])
def test_not_organisations(found, text):
    assert not any(label == "ORG" for _, label in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "Har ringt Mental Helse sin hjelpetelefon.",
    "Kopi til Statens vegvesen og Statsforvalteren.",
    "Følger Helsedirektoratets anbefaling.",
    "Henvist BUP i fjor, kontakt med AMK og HELFO.",
    "Søknad sendt NAV, se Helsenorge.",
])
def test_agencies_are_never_phi(found, text):
    assert not found(text), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Sønnen begynner på Fauske skule til høsten.", "Fauske skule"),
    ("Hilsen Per\nTromsø Fysikalske Institutt, Storgata 1", "Tromsø Fysikalske Institutt"),
])
def test_places_ending_like_adjectives(found, text, piece):
    assert (piece, "ORG") in found(text), found(text)


@pytest.mark.parametrize(("text", "org"), [
    ("Innlagt St . Olavs hospital i mars .", "St . Olavs hospital"),
    ("Overført til Frelsesarmeen avd . Ila i går", "Frelsesarmeen avd . Ila"),
    ("jobber på Coop Extra avd . 2210 som kasserer", "Coop Extra avd . 2210"),
    ("behandles ved Lovisenberg Diakonale Sykehus avd . Ryen", "Lovisenberg Diakonale Sykehus avd . Ryen"),
])
def test_tokenized_abbreviations_inside_an_organisation(found, text, org):
    assert (org, "ORG") in found(text), found(text)


@pytest.mark.parametrize("text", ["Lagt inn på medisinsk avd . 3 i natt .",
                                  "Flyttet til kirurgisk avd . i dag ."])
def test_tokenized_departments_are_no_organisation(found, text):
    assert not any(label == "ORG" for _, label in found(text)), found(text)


def test_a_dates_end_before_a_branch_is_no_part_of_the_name(found):
    text = "Nattrapport 27/12 avd. Tunet\nRolig natt."
    assert ("27/12", "DATE") in found(text)
    assert not any(piece.startswith("12") for piece, _ in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    # an employer in brackets followed by more about the job
    ("jobber som frisør (Hårfin, eget firma) og har vondt", "Hårfin"),
    ("Yrke: sveiser (Aker Solutions, Verdal), skift", "Aker Solutions"),
    # the occupational health service named in brackets
    ("Diskuteres med bedriftshelsetjenesten (Stamina HMS).", "Stamina HMS"),
])
def test_employers_in_brackets_with_more_after_them(found, text, piece):
    assert (piece, "ORG") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Pas. er sykepleier (Kari, kollega av meg).",
    "jobber som frisør (Deltid, 50 %) i sentrum",
    "jobben (NAV, AAP) er avklart",
])
def test_brackets_after_a_job_that_name_no_employer(found, text):
    assert not any(label == "ORG" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    # a public service's local office named by its place, in its own case
    ("Kopi: fastlege Siri Elvebakk; NAV Heimdal", "NAV Heimdal"),
    ("Hennes kontakt i nav gjøvik er informert.", "nav gjøvik"),
    ("Utredning, BUP Lillehammer\nHenvist fra", "BUP Lillehammer"),
    ("Står på Subutex via LAR Oslo.", "LAR Oslo"),
    ("Hun var sykmeldt fra Sparebank 1 Østlandet i perioden.", "Sparebank 1 Østlandet"),
    # institutions for living and care
    ("Rapport fra Kløverenga omsorgsbolig, avd. 2.", "Kløverenga omsorgsbolig"),
    ("utskrevet til Orkdal helsetun for korttidsopphold", "Orkdal helsetun"),
    ("kiropraktorklinikken florø punktum", "kiropraktorklinikken florø"),
])
def test_service_offices_and_care_institutions(found, text, piece):
    assert (piece, "ORG") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Søknad sendt NAV i dag.",
    "Søkt NAV Arbeid og ytelser om AAP",
    "Henvist BUP for utredning.",
    "Hun bor på sykehjem nå.",
    "Hun bor i omsorgsbolig nå.",
    "Søkt om omsorgsbolig i kommunen.",
])
def test_services_and_care_words_alone_are_no_organisation(found, text):
    assert not any(label == "ORG" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("fisker på båten M/S Havbris, Austevoll.", "M/S Havbris"),
    ("Turist på cruise med MS Viking Saga. Diagnosis", "MS Viking Saga"),
    # a club after a player of the sport
    ("tidligere fotballspiller i Vigør, jobber som", "Vigør"),
])
def test_ships_and_clubs_after_players(found, text, piece):
    assert (piece, "ORG") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Kjent MS Behandles med Kesimpta.",
    "Diagnose: MS Startet på ny behandling",
])
def test_the_disease_ms_is_no_ship(found, text):
    assert not any(label == "ORG" and piece.startswith("MS") for piece, label in found(text)), found(text)
