"""Name-list norms and the gate lexicon, built from small inline data."""

from __future__ import annotations

import json

import spacy
from spacy.tokens import Doc, Span

from tilbake.tooling.ner.gate import build_lexicon
from tilbake.tooling.ner.gazetteer import (
    BOTH,
    FIRST,
    NAME_PLACE,
    PLACE,
    SURNAME,
    add_name_norms,
    make_clinical_nb,
    norm_table,
)


def test_norm_table_classes_and_lower_case_forms():
    table = norm_table(first={"Kari", "Per", "Berg"}, surnames={"Hansen", "Berg"}, common={"per"})
    assert table["Kari"] == table["KARI"] == table["kari"] == FIRST
    assert table["Hansen"] == SURNAME and table["Berg"] == table["berg"] == BOTH
    assert table["Per"] == FIRST and "per" not in table  # "per" the preposition keeps its norm


def test_norms_reach_tokens_and_survive_saving(tmp_path):
    nlp = add_name_norms(spacy.blank("nb"), {"Solveig": FIRST})
    assert [t.norm_ for t in nlp("Solveig kom")] == [FIRST, "kom"]
    nlp.to_disk(tmp_path / "m")
    assert [t.norm_ for t in spacy.load(tmp_path / "m")("Solveig kom")] == [FIRST, "kom"]


def test_config_hook_adds_abbreviations_and_norms(tmp_path):
    norms = tmp_path / "norms.json"
    norms.write_text(json.dumps({"Kari": FIRST}), "utf-8")
    nlp = make_clinical_nb(str(norms))(spacy.blank("nb"))
    assert [(t.text, t.norm_) for t in nlp("Pas. Kari")] == [("Pas.", "pas."), ("Kari", FIRST)]


def _doc(nlp, words, ents):
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def test_build_lexicon_sets():
    nlp = spacy.blank("nb")
    docs = [
        _doc(nlp, ["Pasienten", "og", "pasienten", "møtte", "Kari", "ved", "MR"], [(4, 5, "PERSON")]),
        _doc(nlp, ["pasienten", "møtte", "Kari", "etter", "MR"], [(2, 3, "PERSON")]),
        _doc(nlp, ["pasienten", "tok", "MR", "med", "Kari"], [(4, 5, "PERSON")]),
    ]
    lexicon = build_lexicon(docs, extra_names=["Solveig"])
    assert "pasienten" in lexicon["common"] and "kari" not in lexicon["common"]
    assert lexicon["common_exact"] == ["MR"]
    assert set(lexicon["names"]) == {"kari", "solveig"}


def test_norm_table_genitives_and_foreign_names():
    table = norm_table(
        first={"Espen", "Lars", "Mali"},
        surnames={"Borten"},
        common={"men", "alles", "vik"},
        foreign_first={"Men", "Clinton", "Jordan", "Alle"},
        foreign_surnames={"Cohen"},
        not_names={"Jordan"},
        places={"Mali", "Jordan", "Vik"},
    )
    assert table["Bortens"] == SURNAME and table["Espens"] == FIRST and table["Lars'"] == FIRST
    assert table["Clinton"] == table["Clintons"] == table["CLINTON"] == FIRST and table["Cohens"] == SURNAME
    assert "clinton" not in table  # foreign names only capitalised
    assert "Men" not in table  # a common word ("men") is no foreign name
    assert table["Jordan"] == table["Jordans"] == PLACE  # a place, not a foreign name
    assert table["Mali"] == table["Malis"] == NAME_PLACE  # a Norwegian name and a place
    assert "Vik" not in table  # a place that is a common word ("vik") keeps its own norm
    assert table["Alle"] == FIRST and "Alles" not in table  # a genitive that is a common word


def test_entity_words_finds_places_and_organisations():
    from tilbake.tooling.ner.train import entity_words

    nlp = spacy.blank("nb")
    LOC = "LOCATION"
    docs = [
        _doc(
            nlp,
            ["Per", "Borten", "og", "Porto", "i", "Porto"],
            [(0, 2, "PERSON"), (3, 4, "ORG"), (5, 6, LOC)],
        ),
        _doc(nlp, ["Borten", "kom", "fra", "Porto"], [(0, 1, "PERSON"), (3, 4, LOC)]),
    ]
    not_names, places = entity_words(docs)
    assert not_names == places == {"Porto"}  # "Borten", a name, is in neither
