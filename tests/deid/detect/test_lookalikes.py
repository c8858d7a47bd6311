"""Look-alikes that are no PHI (``lookalikes``, issue 13 item 3), whichever detector reported them,
and the recognizer fixes for the same classes. Every class has its look-alike negatives and the
positives in the same positions that must still be found, so that a fix cannot silently cost recall."""

import pytest

from tilbake.deid.detect.lookalikes import lookalike
from tilbake.deid.detect.ner import NerDetector
from tilbake.deid.spans import Label, Span


def _span(text: str, piece: str, label: Label = Label.PERSON) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece), label, 0.85, "ner")


@pytest.mark.parametrize(("text", "piece", "label", "reason"), [
    # acronyms and words in capitals
    ("Legg til ICPC-2 P76 som bidiagnose.", "ICPC", Label.ORG, "acronym"),
    ("Hele avsnittet om NAV og AAP skal ut.", "AAP", Label.PERSON, "acronym"),
    ("Vurdering etter STOPP/START og Beers kriterier.", "START", Label.ORG, "capitals"),
    ("Legemiddelgjennomgang etter START/STOPP.", "START", Label.ORG, "capitals"),
    ("HENVISNING TIL TVERRFAGLIG SPESIALISERT RUSBEHANDLING", "HENVISNING TIL", Label.ORG, "capitals"),
    # the grammar of a prescription: interval, route, dose number, verb of medication, list
    ("biologisk behandling med Humira hver 2. uke", "Humira", Label.ORG, "drug"),
    ("behandling med Xeltrava hver 2 . uke", "Xeltrava", Label.ORG, "drug"),
    ("Gitt Albyl-E 300 mg tygget, Nitroglycerin s.l. Ambulanse", "Nitroglycerin s.l", Label.ORG, "drug"),
    ("Gitt Hepatitt A+B (Vaxorin) dose 1.", "Vaxorin", Label.ORG, "drug"),
    ("seponerer Sobril, trapper ned Zopiclone. Statin", "Zopiclone", Label.ORG, "drug"),
    ("Utskrevet på NovoRapid og Glargix. Kontroll", "Glargix", Label.PERSON, "drug"),
    ("Bruker Sobril , Zoplixa , Paracet .", "Zoplixa", Label.ORG, "drug"),
    ("Gitt Heparix 5000 IE sc", "Heparix", Label.ORG, "drug"),
    ("4 ganger per døgn\nPer os der ikke annet er angitt.", "Per", Label.PERSON, "drug"),
    # national services, registers and patient organisations
    ("Hun er medlem i Mental Helse og LHL.", "Helse", Label.PERSON, "agency"),
    ("Mental Helse Hjelpetelefonen er åpen.", "Helse Hjelpetelefonen", Label.PERSON, "agency"),
    ("Hjemmetjenesten kommer to ganger daglig.", "Hjemmetjenesten", Label.PERSON, "service"),
    ("Kontaktet Giftinformasjonen som anbefalte observasjon.", "Giftinformasjonen", Label.ORG, "service"),
    ("Har kontakt med Familievernkontoret.", "Familievernkontoret", Label.ORG, "service"),
    ("Meldt til Arbeids- og velferdsforvaltningen.", "Arbeids- og velferdsforvaltningen", Label.ORG,
     "service"),
    ("Rapport fra Norsk Pasientregister i dag.", "Norsk Pasientregister", Label.PERSON, "service"),
    ("Går på Lærings- og mestringssenteret.", "Lærings-", Label.ORG, "service"),
    ("Avhør på Statens barnehus neste uke.", "Statens barnehus", Label.ORG, "agency"),
    ("Helse Sør-Øst RHF har ansvar.", "Helse Sør-Øst RHF", Label.PERSON, "agency"),
    # named scales and named things
    ("Risiko: Morse Fall Scale 55.", "Fall", Label.LOCATION, "instrument"),
    ("P: Copenhagen adduction-program, reduser belastning", "Copenhagen adduction-program", Label.PERSON,
     "eponym"),
    # a score or lab value after one word, also tokenized or before a lab acronym
    ("Bechterews sykdom. BASDAI 5,2 , BASFI 4,0 .", "BASFI", Label.ORG, "measurement"),
    ("Født uke 39+2 , Apgar 8-9-10 , fødselsvekt 3450 g .", "Apgar", Label.ORG, "measurement"),
    ("Hb 12,4 CRP <5 Kreatinin 88 eGFR >90", "Kreatinin", Label.ORG, "measurement"),
    ("slutt kl. 09.40. ASA 2.\nLaparoskopisk", "ASA", Label.PERSON, "measurement"),
    # a first name that is also an adjective before a clinical term; a noun in lower case
    ("Frank hematuri siden i går.", "Frank", Label.PERSON, "word in a phrase"),
    ("Frank hematuri siden i går.\nCT: stein i distale ve ureter, 6 mm. Lett hydronefrose.", "stein",
     Label.PERSON, "word in a phrase"),
])
def test_lookalikes_are_not_phi(text, piece, label, reason):
    assert lookalike(text, _span(text, piece, label)) == reason


@pytest.mark.parametrize(("text", "piece", "label"), [
    # capitals: an acronym alone may be an employer or school; a name or place in capitals stays
    ("student (informatikk, NTNU). Henvist fra", "NTNU", Label.ORG),
    ("Hun har tidligere jobbet i DNB i 20 år.", "DNB", Label.ORG),
    ("Pasient: HANSEN, Kari", "HANSEN", Label.PERSON),
    ("Arbeidsgiver: BYGG OG ANLEGG AS", "BYGG OG ANLEGG AS", Label.ORG),
    ("Fra SENTRUM FYSIOTERAPI i dag", "SENTRUM FYSIOTERAPI", Label.ORG),
    # medication grammar: a known name after a verb of medication, a person visited daily
    ("Har gitt Kari beskjed om timen.", "Kari", Label.PERSON),
    ("Hjemmesykepleien besøker Tigist daglig.", "Tigist", Label.PERSON),
    ("Per Hansen ringte i dag.", "Per Hansen", Label.PERSON),
    ("Samtale med Per Os i dag.", "Per Os", Label.PERSON),
    ("Ta med Tigist og mannen neste gang.", "Tigist", Label.PERSON),
    # services: a clinic's or institution's own name, a place
    ("Behandlet ved Fossumkollektivet i fjor.", "Fossumkollektivet", Label.ORG),
    ("Henvist Sentrumsklinikken for MR.", "Sentrumsklinikken", Label.ORG),
    ("Hun jobber på Catosenteret.", "Catosenteret", Label.ORG),
    ("Funnet av nabo på Storhaugen i bare sokker.", "Storhaugen", Label.LOCATION),
    ("Han jobber i Norsk Hydro.", "Norsk Hydro", Label.ORG),
    ("Hun bor på Blå Kors Eina nå.", "Blå Kors Eina", Label.ORG),
    # scores: a hospital or a mixed-case word before a date, an ordinal date, a name before an age
    ("Operert ved Nordlandssykehuset 3. april.", "Nordlandssykehuset", Label.ORG),
    ("Sjekk beskrivelsen fra Ahus 3/11.", "Ahus", Label.ORG),
    ("Kontroll hos Fjellhaug 12/11.", "Fjellhaug", Label.ORG),
    ("Ola 45, mann", "Ola", Label.PERSON),
    ("Tigist 45, kvinne", "Tigist", Label.PERSON),
    ("Jobber på Kiwi 3 dager i uka.", "Kiwi", Label.ORG),
    # a first name before a verb, a noun, a lower-case name in a message written in lower case
    ("Frank kom til timen sammen med kona.", "Frank", Label.PERSON),
    ("Frank Hansen har hematuri.", "Frank Hansen", Label.PERSON),
    ("hei. stein her. kan du ringe meg", "stein", Label.PERSON),
    ("Kontakt: Liv Moe. Tlf: 12345678", "Liv Moe", Label.PERSON),
])
def test_names_and_organisations_in_the_same_positions_stay_phi(text, piece, label):
    assert lookalike(text, _span(text, piece, label)) == ""


@pytest.mark.parametrize(("text", "absent", "present"), [
    # a service before a hospital's name stays outside it (its own name is found)
    ("Obs: ADHD. Henvist BUP St. Olavs hospital, ICD-10 F90.0.", "BUP", ("St. Olavs hospital", "ORG")),
    ("Henvisning til BUP Sørlandet sykehus Arendal", "BUP", ("Sørlandet sykehus Arendal", "ORG")),
    # a company form needs a name with letters before it: a time is none
    ("Op. start kl. 08.15, slutt kl. 09.40. ASA 2.", "09.40. ASA", ("", "")),
    ("Han jobber i BRØDRENE DAHL AS nå.", "", ("BRØDRENE DAHL AS", "ORG")),
    # a class and an acronym are no "ETTERNAVN, Fornavn"
    ("NYHA klasse II, EF 45 % på ekko.", "II, EF", ("", "")),
    ("Pasient: HANSEN, Kari Anne, 45 år", "", ("HANSEN, Kari Anne", "PERSON")),
    # tokenized times and scale scores are no dates; dates after a cue still are
    ("AMK varslet kl . 07.20 . Trombolyse gitt kl . 09.05 . NIHSS 12", "09.05", ("", "")),
    ("ujevn farge . ABCDE : 4/5 . Ønsker vurdering", "4/5", ("", "")),
    ("ujevn farge. ABCDE: 4/5. Ønsker vurdering", "4/5", ("", "")),
    ("VAS 7/10 i hvile og 8/10 ved aktivitet.", "8/10", ("", "")),
    ("Ny kontroll den 8/10 hos fastlege.", "", ("8/10", "DATE")),
    ("Neste : 26/10 kl . 10 .", "", ("26/10", "DATE")),
    # "per" before a time is the preposition; Per before a verb is a name
    ("Per i dag ingen bedring. Dag 3 etter skaden.", "Per", ("", "")),
    ("Per nå ingen tegn til infeksjon.", "Per", ("", "")),
    ("Per Hansen ringte i dag om time.", "", ("Per Hansen", "PERSON")),
    # two services joined by "og" are no organisation of the patient's; a clinic beside one is
    ("Fikk info om Mental Helse og Kirkens SOS ved utskrivning.", "Mental Helse", ("", "")),
    ("Jobber på Fysio Sentrum AS og går til Mental Helse.", "Mental Helse", ("Fysio Sentrum AS", "ORG")),
    # a span without a letter is no name, whoever read it
    ("Har vært på Tyrilistiftelsen avd. Ski i 2021 men avbrøt.", "2021", ("", "")),
    # a public line's own number is published; a person's, a GP's or a clinic's is PHI
    ("Ved forgiftning: Giftinformasjonen 22 59 13 00.", "22 59 13 00", ("", "")),
    ("Ring Legevakten: 116 117 ved forverring.", "116 117", ("", "")),
    ("Kontakt Fastlegen 22 33 44 55 ved behov.", "", ("22 33 44 55", "PHONE")),
    ("Kari Hansen 912 34 567 ringer tilbake.", "", ("912 34 567", "PHONE")),
])
def test_recognizers_leave_the_lookalikes_and_keep_the_phi(found, text, absent, present):
    spans = found(text)
    if absent:
        assert not any(absent in piece for piece, _ in spans), spans
    if present[0]:
        assert present in spans, spans


@pytest.mark.parametrize(("entity", "label", "kept"), [
    ("BASDAI 3,1. Bechterews", Label.ORG, "Bechterews"),  # across a sentence's end: its last part
    ("kom fra skolen. Hansen", Label.ORG, "Hansen"),
    ("St. Olavs hospital", Label.ORG, "St. Olavs hospital"),  # abbreviations are no sentence end
    ("Tyrilistiftelsen avd. Kampesteinen", Label.ORG, "Tyrilistiftelsen avd. Kampesteinen"),
    ("BUP Sørlandet sykehus Arendal", Label.ORG, "Sørlandet sykehus Arendal"),  # the service outside
    ("NAV Heimdal", Label.ORG, "NAV Heimdal"),  # a named local office stays whole
])
def test_the_model_entity_kept(entity, label, kept):
    lo, hi = NerDetector()._keep(entity, label, " i dag.")
    assert entity[lo:hi] == kept
