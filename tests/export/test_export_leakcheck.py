"""The independent leak check: what it flags outside the anonymizer's ranges, and what it must not."""

from __future__ import annotations

import pytest

from tilbake.export.leakcheck import LeakCheck, common_word, unknown_word

CHECK = LeakCheck()


def _reasons(text: str, replaced=()) -> list[str]:
    return sorted({h.reason for h in CHECK.check(text, replaced)})


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        # listed names and places, capitalised in the middle of a sentence
        ("Kom i følge med søsteren Ingrid i dag.", ["NAME_LIST"]),
        ("Ble undersøkt av Haugland og sendt hjem.", ["NAME_LIST"]),
        ("Har hytte på Geilo og går mye på ski.", ["PLACE_LIST"]),
        ("Samtale med ektemannen, HANSEN, om videre plan.", ["NAME_LIST"]),
        ("Snakket med Jonas sin lærer.", ["NAME_LIST"]),
        ("Karis mor var med.", ["NAME_LIST"]),  # a genitive at a sentence start: no common word
        # a text dictated in lower case: lower-case names too
        ("pasienten heter vibeke solheim og kommer for ryggsmerter etter et fall hjemme", ["NAME_LIST"]),
        # proper names no list knows, capitalised mid-sentence
        ("Datteren Zyrafeth ringte i går.", ["CAPWORD"]),
        # identifier-shaped digits
        ("Saksnummer 48213377 i arkivet.", ["DIGITS"]),
        ("Ring 412 55 903 etter kl 12.", ["DIGITS"]),
        ("ring 93 44 12 08 ved spørsmål", ["DIGITS"]),
        ("konto 1503 22 41187", ["DIGITS"]),
        ("Org.nr 987 654 321", ["DIGITS"]),
        ("fnr 030590 41872 oppgitt", ["DIGITS"]),
        ("sier nummeret er fire åtte null to en en sju ni", ["DIGITS"]),
        # dates
        ("Innlagt 03.11.2023 etter fall.", ["DATE"]),
        ("Kontroll 2024-05-17 hos fastlege.", ["DATE"]),
        ("Skadet seg 4. oktober på jobb.", ["DATE"]),
        ("skadet seg tjuende juni i fjor", ["DATE"]),
        ("Time avtalt onsdag 12. kl 09.", ["DATE"]),
        ("Sist sett i februar.", ["DATE"]),
        ("Journal ført 21.06 av vakthavende.", ["DATE"]),
        # ages left next to a role, a tag or a verb
        ("Pasient, 58, kommer for kontroll.", ["AGE"]),
        ("Mor ([NAVN]) er med. Far (61) venter ute.", ["AGE"]),
        ("Hun er 83 og bor alene.", ["AGE"]),
    ],
)
def test_flags(text, reasons):
    assert _reasons(text) == reasons


@pytest.mark.parametrize(
    "text",
    [
        # what anonymizers write
        "[NAVN] kom med [NAVN] fra [STED], tlf [TELEFON], [DATO].",
        "Henvist av Behandler. Pasient forteller om smerter.",
        "Pasient, 40-49 år, kommer til kontroll.",
        "Samtale med [NAVN] (10-19) og far [NAVN].",
        # clinical and common words that are also names or places in the lists
        "Kraft 5/5 i alle myotomer. Ingen sensibilitetsutfall.",
        "Dag to etter operasjonen, mindre hevelse.",
        "Tale normal, tankegang ordnet.",
        "Han har et godt liv og trener på stranden.",
        "per dag drikker han to kopper kaffe",
        # agencies, eponyms, drugs, codes, doses, scores, times, years, measurements
        "Søkt NAV og HELFO om refusjon, info på Helsenorge.",
        "Positiv Lasègue og Spurlings test, Babinski negativ.",
        "Ibux 400 mg x 3, Paracet 1 g, Cozaar 50 mg morgen.",
        "ICPC-2 L03, ICD-10 M54.5, takst 2ad.",
        "VAS 7/10, NDI 18/50, BT 132/84, puls 68.",
        "Ny kontroll kl 14.30, om 3 uker, uke 12.",
        "Operert i 2019, plager siden 2021.",
        "Fleksjon 50 60 70 grader, ROM 120°.",
        "Temp 37.8, CRP 12, Hb 13.4, HbA1c 48.",
        "Har vart i 3 år, sykmeldt i 6 uker.",
        "Hun er 50 % sykmeldt.",
        "Betalt 490 kr, egenandel 150000 kr totalt.",
        # compounds and INN drug names no list knows
        "Sendt til Statsforvalteren og Reseptformidleren.",
        "Startet Amlodipin og Ramipril.",
    ],
)
def test_does_not_flag(text):
    assert _reasons(text) == []


def test_ranges_the_anonymizer_wrote_are_explained():
    text = "Ingrid Haugland fra Geilo er 58 år."
    assert _reasons(text) == ["AGE", "NAME_LIST", "PLACE_LIST"]
    assert _reasons(text, [(0, 15), (20, 25), (29, 34)]) == []


def test_allow_list_explains_a_word():
    text = "Behandlet med Mulligan-teknikk etter Haugland."
    assert _reasons(text) == ["NAME_LIST"]
    assert LeakCheck(allow=["Haugland"]).check(text) == []


def test_hits_point_at_the_token_and_carry_no_text():
    text = "Kom med broren Eirik i dag."
    (hit,) = CHECK.check(text)
    assert text[hit.start:hit.end] == "Eirik" and hit.reason == "NAME_LIST"
    assert "Eirik" not in repr(hit)


@pytest.mark.parametrize(
    ("word", "common"),
    [("tale", True), ("kraft", True), ("dag", True), ("hennes", True), ("ingrid", False),
     ("haugland", False), ("anne", False)],
)
def test_common_word(word, common):
    assert common_word(word) is common


@pytest.mark.parametrize(
    ("word", "unknown"),
    [("zyrafeth", True), ("diagnosekode", False), ("statsforvalteren", False), ("amlodipin", False),
     ("smerter", False)],
)
def test_unknown_word(word, unknown):
    assert unknown_word(word) is unknown


def test_check_many_keeps_order():
    found = CHECK.check_many(["ingen funn", "Ring 93441208", ""], [(), (), ()])
    assert [len(f) for f in found] == [0, 1, 0]


def test_every_export_scanner_has_the_independent_check_with_the_engines_allow_list():
    from tilbake.deid.detect.rules import Rules
    from tilbake.export.leakscan import LeakScanner
    from tilbake.wiring import export_scanner

    class _Engine:
        name, version = "fake", "fake 1"
        rules = Rules(allow=frozenset({"haugland"}))

        def detect_many(self, texts, explained=None):
            for _ in texts:
                yield []

    scanner = export_scanner(_Engine())
    assert isinstance(scanner, LeakScanner) and isinstance(scanner.independent, LeakCheck)
    assert scanner.scan("Henvist av Haugland.") == []
    assert [x.reason for x in scanner.scan("Henvist av Ingeborg.")] == ["independent:NAME_LIST"]
    assert isinstance(LeakScanner().independent, LeakCheck)  # on by default
