"""Name-like words that the context shows to be ordinary words (``name_words``), whichever detector
reported them: eponyms before a clinical noun, frequent words in a phrase, drugs and doses, codes.
The look-alikes are real names in the same positions, which must stay PHI."""

import pytest

from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.detect.name_words import not_phi
from tilbake.deid.spans import Label, Span


def _span(text: str, piece: str, label: Label = Label.PERSON) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece), label, 0.85, "ner")


@pytest.mark.parametrize(("text", "piece", "label", "reason"), [
    # eponyms: a genitive, a hyphen or a bare name before a clinical noun (also in compounds)
    ("Mistanke om Wilsons sykdom hos unge.", "Wilsons", Label.PERSON, "eponym"),
    ("Klassifisert etter Salter-Harris type 2.", "Salter-Harris", Label.PERSON, "eponym"),
    ("Positiv Finkelsteins test venstre.", "Finkelsteins", Label.PERSON, "eponym"),
    ("vurdert etter Centors kriterier i dag", "Centors", Label.PERSON, "eponym"),
    ("kellgren lawrence grad to i kneet", "lawrence", Label.PERSON, "eponym"),
    ("utredes for Beckers muskeldystrofi", "Beckers", Label.ORG, "eponym"),
    ("Ikke holdepunkt for Osgood-Schlatter.", "Osgood-Schlatter", Label.PERSON, "eponym"),
    ("Visus bra, Tonometri normal.", "Tonometri", Label.PERSON, "eponym"),
    # frequent words in a phrase, after a determiner, after a unit
    ("Ble informert per brev om timen.", "per", Label.PERSON, "word in a phrase"),
    ("pasienten ble kontaktet per telefon i går", "per", Label.PERSON, "word in a phrase"),
    ("Hun trener hver dag nå.", "dag", Label.PERSON, "word in a phrase"),
    ("Planlagt operasjon i vår.", "vår", Label.PERSON, "word in a phrase"),
    ("to tabletter per døgn, maks 3 ganger per uke", "per døgn", Label.PERSON, "dose"),
    ("Avtalt kontakt per brev og telefon", "per brev", Label.PERSON, "word in a phrase"),
    ("ett gram per os morgen og kveld", "per os", Label.PERSON, "dose"),
    # drugs: a dose after, a stem, a brand in the list, a verb of medication before
    ("Startet Trulicity 1,5 mg x 1 i uka.", "Trulicity", Label.LOCATION, "drug"),
    ("Fortsetter Pantoprazol fast.", "Pantoprazol", Label.PERSON, "drug"),
    ("Bruker Paracet, Nexalin og Ibux ved behov.", "Nexalin", Label.ORG, "drug"),
    ("Har seponert Quetiapin Depot nylig.", "Quetiapin Depot", Label.ORG, "drug"),
    ("Huden smurt med Decubal i kveld.", "Decubal", Label.LOCATION, "drug"),
    # codes of digits and letters
    ("Takst: 2ae og 2dd brukt.", "2ae", Label.ORG, "code"),
    # instruments by their last word, one-word scores and lab values by the value after them
    ("Obj: Tinetti Balance Scale 21/28.", "Tinetti Balance Scale", Label.PERSON, "instrument"),
    ("Vurdert etter NYHA klasse III.", "NYHA klasse", Label.PERSON, "instrument"),
    ("Bruker Hamilton Depression Inventory hver uke", "Hamilton Depression Inventory", Label.ORG,
     "instrument"),
    ("Preop: ASA 3.\nNarkose", "ASA", Label.ORG, "measurement"),
    ("BASFI 6,2, smerter verre.", "BASFI", Label.ORG, "measurement"),
    ("Lab: Natrium 139 Kalium 4,1", "Natrium", Label.ORG, "measurement"),
    ("Score: CHADS 2-1-0.", "CHADS", Label.LOCATION, "measurement"),
])
def test_clinical_words_are_not_phi(text, piece, label, reason):
    assert not_phi(text, _span(text, piece, label)) == reason


@pytest.mark.parametrize(("text", "piece"), [
    ("Olas test var negativ, han gråt litt.", "Olas"),      # a first name's genitive: a person's test
    ("Per Hansen ringte i dag.", "Per Hansen"),
    ("per kom innom med kona", "per"),                        # a verb follows: a subject
    ("Dag forteller om bedring.", "Dag"),
    ("Liv og mannen kom sammen.", "Liv"),
    ("Time med liv ytremoen neste uke.", "liv ytremoen"),    # a rare word after: a surname
    ("samtale med liv al-hassan i dag", "liv al-hassan"),
    ("han jobber hos brødrene hansen as nå", "hansen"),      # a company form after the name
    ("Frank kom til timen sammen med kona.", "Frank"),
    ("Ring Stein mandag for svar.", "Stein"),                # a name first, a weekday after
    ("Bruker Kari rullator ute?", "Kari"),                   # a verb of medication, but a known name
    ("Samtale med Hassan og kona.", "Hassan"),
    ("Ba Johansen ringe tilbake.", "Johansen"),
    ("Ola Hansen 45, mann", "Ola Hansen"),                  # a name before a number: maybe an age
    ("Møte med Hansen 14.30.", "Hansen"),
    ("Samtale med Kari Berg og mannen", "Kari Berg"),      # a name ending in no instrument noun
])
def test_names_in_the_same_positions_stay_phi(text, piece):
    assert not_phi(text, _span(text, piece)) == ""


@pytest.mark.parametrize(("text", "piece"), [
    ("Sjekk beskrivelsen fra Ahus 3/11.", "Ahus"),           # a known hospital before a date
    ("Ulykke ved Tvedestrand 14. april.", "Tvedestrand"),   # a known place before a date
    ("Besøk på Fjellhaug 12/11.", "Fjellhaug"),              # a date-shaped value after a word
    ("jobber på Kiwi 3 dager i uka", "Kiwi"),                # a count of something
    ("Handlet på Coop 1000 ganger", "Coop"),
])
def test_places_and_organisations_before_a_number_stay_phi(text, piece):
    assert not_phi(text, _span(text, piece, Label.ORG)) == ""


def test_other_labels_are_never_judged():
    text = "Ring per telefon"
    assert not_phi(text, Span(5, 8, Label.PHONE, 0.9, "x")) == ""


class _Stub:
    """A detector that reports one PERSON span per text (as the model might)."""

    name = "stub"
    version = "stub 1"

    def __init__(self, piece: str) -> None:
        self.piece = piece

    def detect_many(self, texts, explained=None):
        for text in texts:
            yield [_span(text, self.piece)]


@pytest.mark.parametrize(("text", "piece", "kept"), [
    ("Kontakt per telefon i dag.", "per", False),
    ("Anfall forenlig med Slaters hodepine.", "Slaters", False),
    ("Time med Per i dag, han kom alene.", "Per", True),
])
def test_engine_drops_them_whatever_found_them(text, piece, kept):
    engine = Deidentifier([_Stub(piece)])
    spans = engine.detect(text)
    assert any(text[s.start:s.end] == piece for s in spans) is kept
    if not kept:
        assert any(e.decision.startswith("never PHI") for e in engine.analyze(text))
