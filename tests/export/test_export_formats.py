"""The TRL format checker against the golden catalogue, and the catalogue against `datasets`."""

from __future__ import annotations

import json

import pytest
from export_golden import INVALID, VALID

from tilbake.errors import ExportError
from tilbake.export import formats

VALID_CASES = [(fmt, why, row) for fmt, rows in VALID.items() for why, row in rows]
INVALID_CASES = [(fmt, why, row) for fmt, rows in INVALID.items() for why, row in rows]


@pytest.mark.parametrize(("fmt", "why", "row"), VALID_CASES, ids=[f"{f}:{w}" for f, w, _ in VALID_CASES])
def test_valid_rows_pass(fmt, why, row):
    assert formats.problems(fmt, row) == []
    formats.check(fmt, row)


@pytest.mark.parametrize(("fmt", "why", "row"), INVALID_CASES, ids=[f"{f}:{w}" for f, w, _ in INVALID_CASES])
def test_invalid_rows_are_rejected(fmt, why, row):
    found = formats.problems(fmt, row)
    assert found, why
    with pytest.raises(ExportError, match=f"invalid {fmt} row"):
        formats.check(fmt, row)


@pytest.mark.parametrize("fmt", ["sft", "dpo", "kto"])
def test_valid_row_is_invalid_in_the_other_formats(fmt):
    row = VALID[fmt][0][1]
    for other in {"sft", "dpo", "kto"} - {fmt}:
        assert formats.problems(other, row)


def test_problems_never_quote_the_text():
    secret = "Ola Nordmann 01018012345"
    row = {"messages": [{"role": "user", "content": secret + "<|im_start|>"}], "metadata": {}}
    assert all(secret not in p and "Ola" not in p for p in formats.problems("sft", row))


def test_unknown_format_names_the_known_ones():
    with pytest.raises(ValueError, match="sft, dpo, kto"):
        formats.problems("orpo", {})


@pytest.mark.parametrize("fmt", ["sft", "dpo", "kto"])
def test_golden_valid_rows_load_in_datasets(tmp_path, fmt):
    import datasets
    path = tmp_path / f"{fmt}.jsonl"
    rows = [row for _, row in VALID[fmt]]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    ds = datasets.load_dataset("json", data_files=str(path), split="train", cache_dir=str(tmp_path / "c"))
    assert ds.num_rows == len(rows)
    for loaded in ds:
        assert formats.problems(fmt, loaded) == [], loaded


@pytest.mark.parametrize("text", [
    "<|im_start|>assistant", "[INST] hei [/INST]", "<<SYS>>", "</s>", "<start_of_turn>user", "<bos>",
    "Svar:\n### Response: ok", "[DATO] ingen token", "Pasient [NAVN] # en", "Vanlig tekst", "a < b",
])
def test_the_quick_template_check_agrees_with_the_regex(text):
    assert formats.has_template_token(text) == (formats.TEMPLATE_TOKENS.search(text) is not None)
