"""Prompts: age as decade range, diagnosis codes filtered to code shapes, user turn layout."""

from __future__ import annotations

import pytest

from client_types import CLIENT_TYPES
from tilbake.export.prompts import (
    DEFAULT_TASK,
    TASKS,
    diagnosis_codes,
    patient_age_range,
    task_prompt,
    user_turn,
)


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0, "0-9"),
        (9, "0-9"),
        (10, "10-19"),
        (47, "40-49"),
        ("47", "40-49"),
        (" 52 ", "50-59"),
        (89, "80-89"),
        (90, "90+"),
        (104, "90+"),
        (None, None),
        (True, None),
        (-1, None),
        (131, None),
        ("47 år", None),
        ("ukjent", None),
        (47.9, "40-49"),
        ([47], None),
    ],
)
def test_age_range(age, expected):
    assert patient_age_range(age) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["L03", "l86", "M54.5", "-30", "S13.4"], ("L03", "L86", "M54.5", "-30", "S13.4")),
        ("L03, L86;M54.5", ("L03", "L86", "M54.5")),
        (["L03", "L03"], ("L03",)),
        (["Ola Nordmann", "01018012345", "L3", "LL03", 42, None], ()),
        (None, ()),
        ({"code": "L03"}, ()),
    ],
)
def test_diagnosis_codes_keep_only_code_shapes(raw, expected):
    assert diagnosis_codes(raw) == expected


def test_user_turn_layout():
    text = user_turn("soap_plan", "Vondt i nakken", "30-39", ("L01",))
    assert text == "Hovedplage: Vondt i nakken\nAlder: 30-39 år\nDiagnosekoder: L01\n\nSkriv planen."
    assert user_turn("soap_plan", None, None, ()) == "Skriv planen."


def test_unknown_type_gets_the_default_prompt():
    assert task_prompt("praksisens_egen_type") is DEFAULT_TASK
    assert task_prompt("red_flag") is TASKS["red_flag"]


def test_client_vocabularies_are_covered():
    assert set(TASKS) >= CLIENT_TYPES
