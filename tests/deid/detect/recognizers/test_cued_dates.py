"""Issue 13: short dates ("2/10", "9.6") after an action, an event or a place of care, and the scores,
fractions and levels that look the same and must stay."""

import pytest
from tests.found_labels import labels_on

# --- short dates after an action, an event or a place of care -------------------------------------

@pytest.mark.parametrize(("text", "piece"), [
    ("Ny trygghetsalarm monteres 2/10 av teknikeren.", "2/10"),
    ("Stingene fjernes 14/1 hos fastlegen.", "14/1"),
    ("Gipsen tas av 3/12 på skadepoliklinikken.", "3/12"),
    ("Gips av 9/11, så fysioterapi.", "9/11"),
    ("Drenet trukket 5/10 uten problemer.", "5/10"),
    ("Stingfjerning 21/6 hos sykepleier.", "21/6"),
    ("Skal legges inn 4/3 for planlagt inngrep.", "4/3"),
    ("Oppstart 1/9 i barnehagen.", "1/9"),
    ("Overflyttet til Drammen sykehus 14.5 for videre behandling.", "14.5"),
    ("Hun var innom legevakten 3/4 med feber.", "3/4"),
    ("Sett ved skadepoliklinikken 28/2, røntgen uten brudd.", "28/2"),
    ("Vurdert på Haukeland 12/3, ingen tiltak.", "12/3"),
])
def test_short_dates_after_an_action_event_or_institution(found, text, piece):
    assert (piece, "DATE") in found(text)


@pytest.mark.parametrize(("text", "piece"), [
    ("Smerten skåres 6/10 i hvile.", "6/10"),
    ("VAS 4/10 i ro, 7/10 etter at gipsen fjernes.", "7/10"),
    ("Kraft 3/5, etter at gipsen tas av 4/5 i venstre hånd.", "4/5"),
    ("Plager 2/3 av dagene.", "2/3"),
    ("Tar 1/2 tablett ved behov.", "1/2"),
    ("Prolaps L4/5 operert i fjor.", "L4/5"),
    ("Smerter 5/10 etter operasjonen.", "5/10"),
    ("Sykehuset 2.5 mg morfin gitt.", "2.5"),
    ("Kraft 4/5 etter at stingene fjernes 4/5 med kontroll.", "4/5"),
])
def test_scores_fractions_and_levels_after_such_words_stay(found, text, piece):
    assert "DATE" not in labels_on(found, text, piece)
