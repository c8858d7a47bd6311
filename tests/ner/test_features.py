"""Name-list norms and the gate lexicon, built from small inline data."""

from __future__ import annotations

import json

import spacy
from spacy.tokens import Doc, Span

from tilbake.ner.gate import build_lexicon
from tilbake.ner.gazetteer import BOTH, FIRST, SURNAME, add_name_norms, make_clinical_nb, norm_table


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
