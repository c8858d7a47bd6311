"""Staff initials signing an entry, by their place at a line's end; the same letters elsewhere are words."""

import pytest


@pytest.mark.parametrize(("text", "initials"), [
    ("Satt oppe til kl 23. Fikk kveldsmat. /bkt", "bkt"),
    ("Dusjet og barbert.\n/gh\nKveld: rolig", "gh"),
    ("Urolig i natt, fikk Sobril. -tl", "tl"),
    ("Avvik meldt i Compilo. /ask, Nordbyhagen bo- og servicesenter", "ask"),
    ("Alle beboere i seng før midnatt. pk/ls", "pk/ls"),
    ("Neste møte: 4. juni.\nRef. ob", "ob"),
    ("Sign. TKH", "TKH"),
    ("Samtale med mor om skolevegring. EJS", "EJS"),
    ("Blodsukker 6,1 før frokost.\nRMK", "RMK"),
    ("Ny tid avtalt. gtr", "gtr"),
    ("Alt rolig hele natten . / ob", "ob"),  # tokenized
])
def test_initials_that_sign_an_entry(found, text, initials):
    assert (initials, "PERSON") in found(text), found(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Pulm: ua", "ua"),
    ("Sover godt. ok", "ok"),
    ("Kontroll hos fastlege. EKG", "EKG"),
    ("Videre oppfølging ved BUP.\nNAV", "NAV"),
    ("Dosering 15 mg/kg", "kg"),
    ("Hb 12,4\nCRP 5", "CRP"),
    ("Status: sover - ua", "ua"),
    ("takk for sist. ha det", "ha"),
    ("Ses neste uke. hei", "hei"),
    ("Han spurte om han kunne få mer. nei", "nei"),
    ("Se notat fra i går.\nPS", "PS"),
    ("Gitt 10 ml. ml", "ml"),
    ("Behandling 2 - 3 ganger", "ganger"),
    ("Vekt 72 kg\nkg", "kg"),
])
def test_line_endings_that_are_words(found, text, word):
    assert not any(piece == word and label == "PERSON" for piece, label in found(text)), found(text)
