"""Ages in digits, words and decades; durations are not ages."""

import pytest


@pytest.mark.parametrize(("text", "piece"), [
    ("47 år gammel kvinne", "47 år"),  # "gammel"/"gml." stays outside (gold convention)
    ("Kvinne, 47 år, med ryggsmerter", "47 år"),
    ("47-årig mann", "47-årig"),
    ("En 47-åring med nakkesmerter", "47-åring"),
    ("Pasienten er 82 år.", "82 år"),
    ("sju år gammel gutt", "sju år"),
    ("femtiåring med hodepine", "femtiåring"),
    ("mann i 60-årene", "60-årene"),
    ("jente i tenårene", "tenårene"),
    ("Alder: 47", "47"),
    ("Kari Nordmann (47) kom", "47"),
    ("Mann, 93 år", "93 år"),
    ("en førtisju år gammel lærer", "førtisju år"),
    ("Dordis Backer, som er 77 å. Hjemmehørende", "77 å"),
    ("Adler (år): 58", "58"),
    ("denne pasienten (62 år) med hoste", "62 år"),
    ("Kontroll av Ingrid Solberg (72 år gammel).", "72 år"),
    ("Rolf Arslan, 18 år gammel, konsulterer for nakkesmerter", "18 år"),
    ("Pasienten er 66 år gml. og har barnebarn", "66 år"),
    ("K. Torsvik er 66 år gammel og har fire barnebarn", "66 år"),
    ("Suresh Jørgensen var 33 år i fjor, rett alder er 34", "33 år"),
    ("hans davidsen 70 år komma konsulterer for isjias", "70 år"),
    ("johann nilsen 25 år gmale, ble sett i dag", "25 år"),
    ("aya nygård 54 å komma konsulterer for magesmerter", "54 å"),
])
def test_ages_found(found, text, piece):
    assert (piece, "AGE") in found(text)


@pytest.mark.parametrize("text", [
    "Hatt smerter i 3 år",
    "Operert for 3 år siden",
    "De siste 2 år har hun trent",
    "smerter i to år",
    "plager i over 10 år",
    "Tilbakefall etter 5 år",
    "hvert 2. år",
    "C5/C6 (2) og L4 (3)",
    "kneplager som har vart 13 år.",
    "en periode i fjor (11 år).",
    "kommer med stiv nakke 2 år. Ingen nattesmerter",
    "Har hatt vondt i 4 år.",
    "Lå på UNN en periode i fjor (i 14 år).",
    "Er sykmeldt fra jobben i Kongsberg Gruppen 6 år.",
    "Var 3 år i Forsvaret før studiene",
    "Hun har bodd i Tromsø 12 år",
    "Jobbet på Statoil 20 år, nå ufør",
])
def test_durations_are_not_ages(found, text):
    assert not any(label == "AGE" for _, label in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "47 år gammel kvinne", "Kvinne, 47 år gml., med ryggsmerter", "sju år gammel gutt",
])
def test_gammel_is_never_inside_the_age(engine, text):
    assert not any("gam" in text[s.start:s.end] or "gml" in text[s.start:s.end] for s in engine.detect(text))


@pytest.mark.parametrize(("word", "value"), [
    ("", None), ("sju", 7), ("tolv", 12), ("femti", 50), ("førtisju", 47), ("tjueen", 21), ("tjueto", 22),
    ("tjuetolv", None), ("tjuehallo", None), ("hallo", None), ("nittini", 99),
])
def test_number_word(word: str, value: int | None) -> None:
    from tilbake.deid.detect.recognizers.ages import number_word

    assert number_word(word) == value


@pytest.mark.parametrize(("text", "piece"), [
    # a bare number after a name, with a comma or in a header line
    ("Pasient: Siri Haugland, 44, kommer for", "44"),
    ("Henvist (Jon Eriksen, 71) for vurdering", "71"),
    ("Pas: lars moen 55\nS: vondt", "55"),
    # er/var N, da ... var N
    ("Mor ble syk da hun var 9, og far", "9"),
    ("Legen trodde feil, han er 81!", "81"),
    # relatives' ages
    ("Sønnen (12) er med i dag", "12"),
    ("har en datter på 9 som bor hjemme", "9"),
    ("to barn ( 4 og 7 ) hjemme", "4 og 7"),
    ("Søster Ida ( 15 ) er bekymret", "15"),
    # infants in months and weeks
    ("Gutten Oskar, 7 mnd, har feber", "7 mnd"),
    ("baby 3 uker gammel med gulsott", "3 uker"),
    # ranges, approximations, decades
    ("tre barn i alderen 40 til 55 år", "40 til 55 år"),
    ("røykt fra 16-17 år", "16-17 år"),
    ("Han er over 50 år gammel.", "50 år"),
    ("økende plager fra 30-årsalderen", "30-årsalderen"),
    ("Hun var ca. 25 år da det skjedde", "25 år"),
    ("alkohol fra ca . 14 år , senere", "14 år"),
    ("to små barn (2 år og 5 år) hjemme", "5 år"),
    # tokenized
    ("Pas . 52 år , kvinne .", "52 år"),
    ("Trygve Lunde ( 66 år ) kom", "66 år"),
    # ages in words in dictated text
    ("med datteren som er fem punktum", "fem"),
    ("hun er sekstitre og bor alene", "sekstitre"),
    ("ny linje ola nordby syttifire innlagt med", "syttifire"),
    ("kari berg seksti to år gammel", "seksti to år"),
    ("røykt siden tolv års alder", "tolv års alder"),
    ("per solheim ni og førti år gammel", "ni og førti år"),
])
def test_more_age_forms(found, text, piece):
    assert (piece, "AGE") in found(text)


@pytest.mark.parametrize("text", [
    "i ca. 25 år har hun hatt plager",
    "de siste 2 mnd har hun hatt vondt",
    "Barnet har hatt feber i 3 uker",
    "Hostet 3 uker.",
    "Prognose 1-3 år, hjemmeøvelser",
    "i 2-3 år har det vært slik",
    "Storgata 12, 3. etasje",
    "VAS 7, NRS 4.",
    "Tar Ibux 400, Paracet 1.",
    "klokka er sju punktum",
    "blodtrykk hundre og tjue over åtti",
    "de er to og to",
    "Pris 450, betalt.",
    "Uke 12, kl 14.",
])
def test_more_not_ages(found, text):
    assert not any(label == "AGE" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "pieces"), [
    # comments on an AI draft quote the draft's age and correct it
    ("AI skrev 47 år – hun er 74! Hele vurderingen må ut", {"47 år", "74"}),
    ("AI skrev 6 år og foreslo barnevaksiner", {"6 år"}),
    ("det står 52 år i notatet", {"52 år"}),
    ("sønnen er 12 ikke 14", {"12", "14"}),
    ("Datteren var 9, ikke 11.", {"9", "11"}),
    ("hun er 52 år, ikke 47 år", {"52 år", "47 år"}),
    # a relative or "og er N" after a person in the clause, in text without punctuation
    ("mormor er 91 og bor alene", {"91"}),
    ("hun heter gerd holmen og er 84 vi bor på lensvik", {"84"}),
    # a name, an occupation and the age between commas
    ("Pasienten (Vilde Sørum, håndballspiller, 19) er utålmodig", {"19"}),
    ("Pasienten ( Vilde Sørum , håndballspiller , 19 ) er utålmodig", {"19"}),
    # "riktig er N" after an age on the line, "N år, ikke N"
    ("AI skrev at hun er 61, riktig er 66", {"61", "66"}),
    ("AI skrev 47 år, riktig er 52", {"47 år", "52"}),
    ("han er 34 år, ikke 43", {"34 år", "43"}),
    # a relation word opening the phrase before an age in brackets
    ("Datter fra tidligere forhold (7) bor hos moren.", {"7"}),
])
def test_quoted_corrected_and_relatives_ages(found, text, pieces):
    assert {(p, "AGE") for p in pieces} <= found(text), found(text)


@pytest.mark.parametrize("text", [
    "han er 2 dager postop og i god form",
    "hun er 1 av 3 søsken",
    "VAS er 7 ikke 8 i dag",
    "Hb er 12 ikke 14.",
    "det står 3 år siden forrige kontroll",
    "Dosen var 5 ikke 10.",
    "Oslo, sentrum, 12.",
    "og er 12 vi",
    "Smerten er 7, riktig er 5",
    "Hb er 12, riktig er 13",
    "Mor har hatt vondt lenge (3)",
    "Sønnen spiller fotball i (2) lag",
])
def test_quoted_and_corrected_look_alikes_are_not_ages(found, text):
    assert not any(label == "AGE" for _, label in found(text)), found(text)
