"""Dates of the third fresh batch (issue 13): a season or holiday alone after a word of the timeline,
nynorsk cues, a short weekday joined to its day. Look-alikes in the same positions stay no dates."""

import pytest


@pytest.mark.parametrize(("text", "date"), [
    ("Har hatt hodepine sidan våren, verst om morgonen.", "våren"),
    ("Sliten siden sommerferien og sover dårlig.", "sommerferien"),
    ("Skal begynne å jobbe igjen etter påskeferien.", "påskeferien"),
    ("Sykmeldt fra vinterferien, ny vurdering neste uke.", "vinterferien"),
    ("Har ikkje køyrt bil sidan oktober.", "oktober"),
    ("Bur heime frå januar.", "januar"),
    ("Ny time ti 5/3 kl 09.", "ti 5/3"),
    ("Kontroll fre 14. hos fysio.", "fre 14."),
    ("Samtale lør 9/11 med foreldre.", "lør 9/11"),
])
def test_found_whole(found, text: str, date: str) -> None:
    assert (date, "DATE") in found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Har vært slapp hele sommeren.", "sommeren"),  # a span of time, no cue
    ("Vondt i 2 uker, bedre siden sist.", "sist"),
    ("Smerter i 3 uker.", "3 uker"),
    ("Gjennom våren og sommeren går det bedre.", "sommeren"),  # "og" is no cue for a season
    ("Fikk 2 tbl kl 08.10 og 1 tbl kl 20.", "08.10"),
    ("VAS 4/10 i dag, 6/10 i går.", "4/10"),
    ("MR viser prolaps C5/C6.", "C5/C6"),
])
def test_look_alikes_stay(found, text: str, piece: str) -> None:
    assert (piece, "DATE") not in found(text)


def test_a_weekday_that_is_a_name_stays_apart() -> None:
    from tilbake.deid.detect.engine import Deidentifier

    text = "Tor 5.9 ringte om timen."
    spans = {(text[s.start:s.end], s.label.value) for s in Deidentifier.default().detect(text)}
    assert ("Tor 5.9", "DATE") not in spans


@pytest.mark.parametrize(("text", "dates", "not_dates"), [
    ("| Dato | NRS |\n| 3.11 | 6 |\n| 17.11 | 4 |", ("3.11", "17.11"), ()),
    ("| 9.10 | ryggøvelser |\n| 23.10 | gange |", ("9.10", "23.10"), ()),
    ("| 1.5 | 3 |\n| 2.5 | 4 |", (), ("1.5", "2.5")),  # a column of decimals
    ("| Hb | 12.4 |\n| CRP | 5 |", (), ("12.4",)),
])
def test_a_column_of_dates_in_a_table(found, text: str, dates: tuple[str, ...],
                                      not_dates: tuple[str, ...]) -> None:
    spans = found(text)
    assert all((d, "DATE") in spans for d in dates)
    assert all((d, "DATE") not in spans for d in not_dates)


def test_the_coming_season_is_no_date(found) -> None:
    assert ("høsten", "DATE") not in found("Sønnen begynner på ny skole til høsten.")


@pytest.mark.parametrize(("text", "date"), [
    ("Nattevakt 3.-4.11: sov godt.", "3.-4.11"),
    ("Permisjon 27.–29.12 hos sønnen.", "27.–29.12"),
    ("Kurs 12.–14. mars på Lillehammer.", "12.–14. mars"),
])
def test_a_range_of_days_is_one_date(found, text: str, date: str) -> None:
    assert (date, "DATE") in found(text)


@pytest.mark.parametrize("text", ["kl 10.-11.30 møte", "Dose 2.-3.5 mg daglig", "Uke 5.-6.12 ok"])
def test_ranges_that_are_no_dates(found, text: str) -> None:
    assert not any(label == "DATE" for _, label in found(text)), found(text)
