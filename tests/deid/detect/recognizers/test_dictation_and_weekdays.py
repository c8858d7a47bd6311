"""Dictation read aloud (street and number in words, a postcode digit by digit before its poststed,
infants' ages in words) and weekdays before a day in short, undotted or English forms; look-alikes in
the same positions."""

import pytest


@pytest.mark.parametrize(("text", "piece", "label"), [
    ("ny linje adresse solbergvegen fire ny linje", "solbergvegen fire", "ADDRESS"),
    ("adresse myrveien tolv c komma", "myrveien tolv c", "ADDRESS"),
    ("han bor i nedre slottsgate sju", "slottsgate sju", "ADDRESS"),  # a word between cue and street
    ("kirkegata elleve komma null en fem null oslo punktum", "kirkegata elleve", "ADDRESS"),
    ("kirkegata elleve komma null en fem null oslo punktum", "null en fem null oslo", "LOCATION"),
    ("fire tre fem fem kvernaland ny linje", "fire tre fem fem kvernaland", "LOCATION"),
])
def test_addresses_read_aloud(found, text, piece, label):
    assert (piece, label) in found(text), found(text)


@pytest.mark.parametrize("text", [
    "han gikk i motbakken to ganger",
    "parkeringsplassen fem minutter unna",
    "over veien fire ganger daglig",
    "vas en to tre fire fem på skalaen",
    "fire fem seks sju åtte ni",
])
def test_spoken_numbers_that_are_no_address(found, text):
    assert not any(label in ("ADDRESS", "LOCATION") for _, label in found(text)), found(text)


@pytest.mark.parametrize(("text", "pieces"), [
    ("kan jeg komme tirs 16. kl halv 11?", {"tirs 16."}),
    ("Passer det fre 12.?", {"fre 12."}),
    ("Can she come Wednesday 8. at 10?", {"Wednesday 8."}),
    ("Booked Monday 3. March", {"Monday 3. March"}),
    ("hjemmebesøk ti 5/3\nPas. bor alene", {"ti 5/3"}),
    ("Tors 14/2 kontroll", {"Tors", "14/2"}),  # "tor", "tors", "man" are names or a pronoun too: apart
    ("Ny time lør 14 .", {"lør 14 ."}),  # tokenized
])
def test_weekdays_before_a_day(found, text, pieces):
    assert {(p, "DATE") for p in pieces} <= found(text), found(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Hvis man 3. gang får vondt, ring.", "man"),
    ("Tor 5. plass i løpet", "Tor"),
    ("Kraft ti 5/5 bilat.", "ti"),
    ("Han fikk ti 2 mg tabletter", "ti"),
])
def test_look_alikes_of_short_weekdays(found, text, word):
    assert not any(piece == word for piece, _ in found(text)), found(text)


def test_a_tokenized_dotted_weekday_joins_its_date(found):
    assert ("ons . 28/8", "DATE") in found("Samtale ons . 28/8 kl 10 .")


@pytest.mark.parametrize(("text", "age"), [
    ("gutt sju måneder kommer med mor", "sju måneder"),
    ("datteren ella fire uker gammel har feber", "fire uker"),
    ("spedbarn ti uker punktum", "ti uker"),
])
def test_infants_ages_read_aloud(found, text, age):
    assert (age, "AGE") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "jenta fikk to uker med antibiotika",
    "sønnen har vært syk i to uker",
    "gutten sju måneder siden operert",
    "barnet skal ha kontroll om fire uker",
])
def test_durations_after_a_child_noun_are_no_age(found, text):
    assert not any(label == "AGE" for _, label in found(text)), found(text)
