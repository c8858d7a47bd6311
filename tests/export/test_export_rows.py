"""Row builders: which decision yields which rows, table-driven, and every row passes the format check."""

from __future__ import annotations

import pytest

from tilbake.export import formats
from tilbake.export.prompts import TASKS
from tilbake.export.rows import Example, build_rows, clean_text

AI, DOC = "Øvelser tre ganger i uken.", "Øvelser tre ganger i uken, kontroll om to uker."


def _ex(decision, correction=DOC, **kw):
    return Example(
        suggestion_type=kw.pop("suggestion_type", "soap_plan"),
        decision=decision,
        original=kw.pop("original", AI),
        correction=correction,
        confidence=0.8,
        age_range="40-49",
        chief_complaint="Vondt i korsryggen",
        diagnosis_codes=("L03",),
        **kw,
    )


# decision, correction, expected sft completions, dpo (chosen, rejected), kto (completion, label), skipped
CASES = [
    ("accepted_as_is", None, [AI], [], [(AI, True)], None),
    ("accepted_as_is", AI, [AI], [], [(AI, True)], None),
    ("minor_edit", DOC, [DOC], [(DOC, AI)], [(AI, False), (DOC, True)], None),
    ("major_edit", DOC, [DOC], [(DOC, AI)], [(AI, False), (DOC, True)], None),
    ("rejected", DOC, [], [(DOC, AI)], [(AI, False), (DOC, True)], None),
    ("rejected", None, [], [], [(AI, False)], None),
    ("rejected", "  " + AI + "\n", [], [], [(AI, False)], None),  # "correction" equal to the original
    ("minor_edit", None, [], [], [], "edit_without_change"),
    ("major_edit", AI, [], [], [], "edit_without_change"),
    ("ignored", DOC, [], [], [], "ignored"),
    ("modified", DOC, [], [], [], "unknown_decision"),
]


@pytest.mark.parametrize(("decision", "correction", "sft", "dpo", "kto", "skipped"), CASES)
def test_decision_to_rows(decision, correction, sft, dpo, kto, skipped):
    rows = build_rows(_ex(decision, correction))
    assert rows.skipped == skipped
    assert [r["messages"][-1]["content"] for r in rows.sft] == sft
    assert [(r["chosen"][0]["content"], r["rejected"][0]["content"]) for r in rows.dpo] == dpo
    assert [(r["completion"][0]["content"], r["label"]) for r in rows.kto] == kto
    for fmt, fmt_rows in rows.by_format().items():
        for row in fmt_rows:
            assert formats.problems(fmt, row) == []


def test_empty_original_is_skipped():
    assert build_rows(_ex("accepted_as_is", original="  \n")).skipped == "empty_suggestion"


@pytest.mark.parametrize("stype", [*TASKS, "org_custom_type"])
def test_every_type_gives_valid_rows_with_its_system_prompt(stype):
    rows = build_rows(_ex("major_edit", suggestion_type=stype))
    for fmt, fmt_rows in rows.by_format().items():
        for row in fmt_rows:
            assert formats.problems(fmt, row) == []
    system = rows.sft[0]["messages"][0]
    assert system["role"] == "system" and "norsk" in system["content"]


def test_metadata_is_exactly_the_allowed_keys_and_says_whose_text():
    rows = build_rows(_ex("minor_edit"))
    sources = [(r["label"], r["metadata"]["source"]) for r in rows.kto]
    assert sources == [(False, "ai"), (True, "clinician")]
    assert rows.sft[0]["metadata"] == {
        "suggestion_type": "soap_plan",
        "decision": "minor_edit",
        "confidence": 0.8,
        "age_range": "40-49",
        "source": "clinician",
    }


def test_rows_share_one_prompt_and_user_turn_holds_the_context():
    rows = build_rows(_ex("minor_edit"))
    assert rows.dpo[0]["prompt"] == rows.kto[0]["prompt"] == rows.sft[0]["messages"][:2]
    user = rows.dpo[0]["prompt"][1]["content"]
    assert "Vondt i korsryggen" in user and "40-49 år" in user and "L03" in user


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  tekst \r\n", "tekst"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("e\u0301", "\u00e9"),
        (None, ""),
        ("", ""),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_example_repr_holds_no_text():
    text = repr(_ex("minor_edit"))
    assert "soap_plan" in text and AI not in text and DOC not in text and "korsryggen" not in text
