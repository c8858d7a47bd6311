"""Street + number, postcode + place, towns after residence cues."""

import pytest


@pytest.mark.parametrize(("text", "piece", "label"), [
    ("Adresse: Storgata 12B, 0150 Oslo", "Storgata 12B", "ADDRESS"),
    ("Adresse: Storgata 12B, 0150 Oslo", "0150 Oslo", "LOCATION"),
    ("bor i Kari Nordmanns vei 5", "Kari Nordmanns vei 5", "ADDRESS"),
    ("Dronning Eufemias gate 16", "Dronning Eufemias gate 16", "ADDRESS"),
    ("flyttet til Bogstadveien 3 A i fjor", "Bogstadveien 3 A", "ADDRESS"),
    ("adr. Skolevegen 7, 2315 Hamar", "Skolevegen 7", "ADDRESS"),
    ("adr. Skolevegen 7, 2315 Hamar", "2315 Hamar", "LOCATION"),
    ("Postadresse 5003 BERGEN", "5003 BERGEN", "LOCATION"),
    ("storgata 4 (messy text)", "storgata 4", "ADDRESS"),
    ("Pasienten bor i Bærum", "Bærum", "LOCATION"),
    ("Hun er bosatt i Tromsø og jobber der", "Tromsø", "LOCATION"),
    ("Kommer opprinnelig fra Bergen.", "Bergen", "LOCATION"),
    ("Flyttet til Kristiansand i 2019", "Kristiansand", "LOCATION"),
    ("Bor: trygve lies gate 17, 5411 stord", "trygve lies gate 17", "ADDRESS"),
    ("Bor: trygve lies gate 17, 5411 stord", "5411 stord", "LOCATION"),
    ("Bosted: løkkalia 171a / 1811 askim", "løkkalia 171a", "ADDRESS"),
    ("Bor: Korsvoll terrasse 77, 5411 Stord", "Korsvoll terrasse 77", "ADDRESS"),
    ("Hjemmehørende i larvik, pendler daglig", "larvik", "LOCATION"),
    ("Sandnes, 8.mars 2025\n\nBehandling", "Sandnes", "LOCATION"),
    ("Ski, søndag 15. januar\nTil", "Ski", "LOCATION"),
    ("bor i kristiansund og jobber i trondheim.", "trondheim", "LOCATION"),
    ("sammen med søsteren Synøve i Grimstad.", "Grimstad", "LOCATION"),
])
def test_addresses_and_places(found, text, piece, label):
    assert (piece, label) in found(text)


@pytest.mark.parametrize("text", [
    "Ved 40 grader fleksjon", "Gange 200 meter", "Kom 2 ganger", "Trening 3 dager i uka",
    "Fra 2019 til 2021", "Dose 2000 IE", "i 2024 Ble bedre",
])
def test_numbers_that_are_not_addresses(found, text):
    assert not any(label in ("ADDRESS", "LOCATION") for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Bor i Mo i Rana med familien", "Mo i Rana"),
    ("Flyttet fra Stø i Vesterålen i fjor", "Stø i Vesterålen"),
    ("Hytte på Bø i Telemark", "Bø i Telemark"),
    ("Hen pendler fra røros til stord.", "stord"),
    ("Hen pendler fra røros til stord.", "røros"),
    ("Leirvik komma 15.juli 2024\n\nSluttnotat", "Leirvik"),
    ("Halden 1.11.23\n\nTil: UNN", "Halden"),
    ("Fauske, juni 2025\n\nSøknad om vurdering", "Fauske"),
])
def test_places_of_several_words_and_letter_heads(found, text, piece):
    assert (piece, "LOCATION") in found(text)


@pytest.mark.parametrize(("text", "not_person"), [
    ("Bor i Mo i Rana med familien", "Rana"),
    ("Flyttet fra Stø i Vesterålen i fjor", "Vesterålen"),
])
def test_places_of_several_words_are_not_names(found, text, not_person):
    assert (not_person, "PERSON") not in found(text)


@pytest.mark.parametrize("text", [
    "Fra 2019 til 2021 gikk det bra", "fra morgen til kveld", "Endret fra Ibux til Paracet",
    "Kari Hansen i Bergen ringte", "Gikk fra 3 til 5 økter",
])
def test_look_alikes_of_several_word_places(found, text):
    assert not any(label == "LOCATION" and " i " in piece for piece, label in found(text)), found(text)
    assert not any(label == "LOCATION" and piece in ("morgen", "kveld", "Ibux", "Paracet")
                   for piece, label in found(text))


@pytest.mark.parametrize(("text", "piece"), [
    ("Postadresse Munkegata 33, 7500 Stjørdal", "Munkegata 33"),
    ("Psotadresse røatoppen allé 17 8514 narvik", "røatoppen allé 17"),
    ("Postdaresse Bergkrystallen gate 123, 2609 Lillehammer", "Bergkrystallen gate 123"),
    ("Postadresse Johan Castbergs plass 142 B, 7714 Steinkjer", "Johan Castbergs plass 142 B"),
    ("Postadresse grankollveien 12 b 2408 elverum", "grankollveien 12 b"),
    ("Dronning Eufemias gate 16, 0191 Oslo", "Dronning Eufemias gate 16"),
])
def test_street_without_its_header_word(found, text, piece):
    assert (piece, "ADDRESS") in found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Var på tur i narvik da det smalt i ryggen.", "narvik"),
    ("Hjemmehørende  i orkanger,  pendler daglig.", "orkanger"),
    ("Hen pendlerfra nesttun til narvik.", "nesttun"),
])
def test_lower_case_places_after_i_and_pa(found, text, piece):
    assert (piece, "LOCATION") in found(text)


@pytest.mark.parametrize("text", [
    "Går mye på ski om vinteren.", "Satt ute i sola hele dagen.", "Hadde hell med behandlingen.",
    "Bor i by nå.", "Gikk i dalen hele dagen",
])
def test_everyday_words_that_are_places(found, text):
    assert not any(label == "LOCATION" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Klinikken\nPostboks 123 Sentrum\n0102 Oslo", "Postboks 123 Sentrum"),
    ("Svar sendes Pb. 44, 2801 Gjøvik.", "Pb. 44"),
    ("adresse postboks 9000 punktum", "postboks 9000"),
])
def test_post_boxes(found, text, piece):
    assert (piece, "ADDRESS") in found(text), found(text)


@pytest.mark.parametrize("text", ["Boksen på kjøkkenet er tom.", "Pakken er i postboksen.",
                                  "Boks med 20 tabletter."])
def test_boxes_that_are_no_address(found, text):
    assert not any(label == "ADDRESS" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Født i Kvernstua, vokste opp hos besteforeldre.", "Kvernstua"),
    ("Oppvokst på gården Bjørklund i Trysilbygda.", "Bjørklund"),
    ("Oppvokst på gården Bjørklund i Trysilbygda.", "Trysilbygda"),
    ("han bor alene i strømsbakk og klarer seg", "strømsbakk"),
    ("Kommer fra Kraków, kom hit for jobb.", "Kraków"),
    ("Fødested: Hellvikstrand", "Hellvikstrand"),
    ("Bosted: Skogtunet", "Skogtunet"),
    ("Familien har hytta i Fjellsrud over jul.", "Fjellsrud"),
    ("Funnet i Lindeberg-området av politiet.", "Lindeberg"),
])
def test_unlisted_places_after_strong_cues(found, text, piece):
    assert (piece, "LOCATION") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Bor i leilighet i tredje etasje.", "Født i 1958, yngst av fire.", "Kommer fra jobb, sliten.",
    "Flyttet til sykehjem i mai.", "bor i omsorgsbolig med tilsyn", "flyttet til omsorgsleilighet",
    "Født i januar, til termin.", "Kommer fra barnehagen i dag.", "Bor på institusjon.",
    "Oppvokst i fosterhjem.", "bor i kommunal bolig",
])
def test_common_words_after_strong_cues_are_no_places(found, text):
    assert not any(label == "LOCATION" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Kom fra Somalia i 2015, bor nå i Drammen.", "Somalia"),
    ("Reiser til Brasil i mars, trenger vaksiner.", "Brasil"),
    ("Søsteren bor i Tyskland.", "Tyskland"),
])
def test_countries_are_no_places(found, text, piece):
    assert (piece, "LOCATION") not in found(text), found(text)


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("Bruker Ozempic 1 mg ukentlig", 7, 14, True),     # a word before a dose
    ("Kom fra Vietnam i fjor", 8, 15, True),           # a country
    ("Vurdert ved innleggelse i går", 12, 23, True),   # a common lower-case word, no preposition
    ("bor alene i hovin", 12, 17, False),              # lower case after "i"
    ("Pasient fra Gjøvik 2 ganger", 12, 18, False),    # a number, but no dose unit
    ("Til pas. nåvlevuopmi: ring", 9, 20, False),      # a rare lower-case word may be a name
])
def test_not_a_place(text, start, end, expected):
    from tilbake.deid.detect.recognizers.addresses import not_a_place

    assert not_a_place(text, start, end) is expected


@pytest.mark.parametrize(("text", "street"), [
    ("Hjemmebesøk, Bakkeli 9, 1850 Mysen. Nøkkelboks ved døra.", "Bakkeli 9"),
    ("Adresse: Solhaug 4B, 2380 Brumunddal", "Solhaug 4B"),
    ("Kjørte til Myrvoll 12 , 1407 Vinterbro", "Myrvoll 12"),  # tokenized
    ("Bor nå i Gamle Kongevei 3 1540 Vestby", "Gamle Kongevei 3"),
    ("flyttet til Tunhovd 7 leil. 204 i mai", "Tunhovd 7"),
    ("Ny adresse Furumo 18, H0102", "Furumo 18"),
])
def test_streets_without_a_street_word_before_a_postcode_or_flat(found, text, street):
    assert (street, "ADDRESS") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "VAS 7, 4000 Stavanger",
    "Uke 12, 0150 Oslo",
    "Side 2, 0150 Oslo",
    "Kontroll 3, 2100 Skarnes",
    "Fødselsvekt 3450 g, 2100 Skarnes",
    "Rtg 12.03, 1850 Mysen",
])
def test_a_word_and_a_number_before_a_postcode_that_are_no_street(found, text):
    assert not any(label == "ADDRESS" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "box"), [
    ("Postboks 4956 Nydalen, 0424 Oslo", "Postboks 4956 Nydalen"),
    ("Postboks 88 Bryn\n0611 Oslo", "Postboks 88 Bryn"),
    ("Postboks 123 Sentrum, 5020 Bergen", "Postboks 123 Sentrum"),
    ("Postboks 104, 2381 Brumunddal", "Postboks 104"),
])
def test_post_boxes_with_the_part_of_town(found, text, box):
    assert (box, "ADDRESS") in found(text), found(text)


@pytest.mark.parametrize(("text", "place"), [
    ("Slipped on the ice in Sandnes last week.", "Sandnes"),
    ("Tourist from Drammen, back pain since Monday.", "Drammen"),
    ("Staying near Tromsø with family.", "Tromsø"),
])
def test_known_towns_after_english_prepositions(found, text, place):
    assert (place, "LOCATION") in found(text), found(text)


@pytest.mark.parametrize("text", ["Studien ble gjort in vivo.", "Han kom in til timen med Berg i går."])
def test_in_before_a_word_that_is_no_town(found, text):
    assert not any(label == "LOCATION" for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Turist fra Cork, Irland, på cruise", "Cork"),
    ("Hun kom hit fra Mosul, Irak, i 2015.", "Mosul"),
])
def test_a_town_named_with_its_country(found, text, piece):
    assert (piece, "LOCATION") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Ferie, Spania, to uker i juli.",
    "Flyktning, Syria.",
    "Pasient, Norge",
])
def test_a_word_before_a_country_is_no_town(found, text):
    assert not any(label == "LOCATION" and text[0].isupper() and piece == text.split(",")[0]
                   for piece, label in found(text)), found(text)
