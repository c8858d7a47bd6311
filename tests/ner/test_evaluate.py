"""Per-label scoring and the `tilbake ner evaluate` output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tilbake.cli import app
from tilbake.deid.spans import Label, Span
from tilbake.errors import InputError
from tilbake.ner.evaluate import GoldDoc, as_rows, format_table, read_gold, score

GOLD = [
    GoldDoc("a", "x" * 60, [(0, 10, "PERSON"), (20, 30, "ORG"), (40, 45, "FNR")]),
    GoldDoc("b", "x" * 60, [(5, 15, "PERSON")]),
]


def _rows(predicted: list[list[Span]]) -> dict[str, dict[str, object]]:
    return {r["label"]: r for r in as_rows(score(GOLD, predicted))}  # type: ignore[misc]


def test_exact_and_overlap_counts_per_label():
    rows = _rows(
        [
            [Span(0, 10, Label.PERSON), Span(22, 30, Label.ORG), Span(40, 45, Label.LOCATION)],
            [Span(5, 12, Label.PERSON), Span(50, 55, Label.PERSON)],
        ]
    )
    person, org, location = rows["PERSON"], rows["ORG"], rows["LOCATION"]
    assert (person["n_gold"], person["n_pred"]) == (2, 3)
    assert person["exact_r"] == pytest.approx(0.5) and person["exact_p"] == pytest.approx(1 / 3)
    assert person["overlap_r"] == pytest.approx(1.0) and person["overlap_p"] == pytest.approx(2 / 3)
    assert org["exact_r"] == 0.0 and org["overlap_r"] == 1.0
    assert location["n_gold"] == 0 and location["overlap_p"] == 0.0  # FNR gold is not the model's
    assert rows["ALL"]["n_gold"] == 3 and rows["ALL"]["n_pred"] == 5


def test_a_wrong_label_does_not_count_as_a_hit():
    rows = _rows([[Span(0, 10, Label.ORG)], []])
    assert rows["PERSON"]["overlap_r"] == 0.0 and rows["ORG"]["overlap_p"] == 0.0


def test_table_has_a_header_and_one_line_per_label():
    lines = format_table(as_rows(score(GOLD, [[], []]))).splitlines()
    assert lines[0].split() == ["label", "gold", "pred", "P", "R", "F1", "oP", "oR", "oF1"]
    assert [line.split()[0] for line in lines[1:]] == ["PERSON", "ORG", "LOCATION", "ALL"]
    assert all(len(line.split()) == 9 for line in lines[1:])


def test_read_gold_rejects_unknown_formats_and_bad_rows(tmp_path: Path):
    with pytest.raises(InputError, match="not found"):
        read_gold(tmp_path / "missing.jsonl")
    odd = tmp_path / "gold.txt"
    odd.write_text("x", "utf-8")
    with pytest.raises(InputError, match="unknown corpus format"):
        read_gold(odd)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "x"}\n', "utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_gold(bad)


def _corpus(tmp_path: Path) -> Path:
    text = "Henvist av Kari Nordmann, Majorstua legesenter."
    start = text.index("Kari")
    row = {"id": "n1", "text": text, "spans": [{"start": start, "end": start + 13, "label": "PERSON"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    return path


def test_cli_evaluate_prints_the_table(tmp_path: Path, tiny_model: Path):
    result = CliRunner().invoke(
        app, ["ner", "evaluate", "--corpus", str(_corpus(tmp_path)), "--model", str(tiny_model)]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    person = next(line for line in lines if line.startswith("PERSON")).split()
    assert person[1:3] == ["1", "1"] and float(person[5]) == 1.0  # exact F1
    org = next(line for line in lines if line.startswith("ORG")).split()
    assert org[1:3] == ["0", "1"]


def test_cli_evaluate_json_rows(tmp_path: Path, tiny_model: Path):
    args = ["ner", "evaluate", "--corpus", str(_corpus(tmp_path)), "--model", str(tiny_model), "--json"]
    result = CliRunner().invoke(app, args)
    rows = json.loads(result.output)
    assert {r["label"] for r in rows} == {"PERSON", "ORG", "LOCATION", "ALL"}


def test_cli_evaluate_missing_model_exits_2(tmp_path: Path):
    args = ["ner", "evaluate", "--corpus", str(_corpus(tmp_path)), "--model", str(tmp_path / "none")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "NER model not found" in result.output


def test_cli_train_without_norne_exits_2(tmp_path: Path):
    args = [
        "ner",
        "train",
        "--norne-dir",
        str(tmp_path),
        "--work-dir",
        str(tmp_path / "w"),
        "--synth-notes",
        "0",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "NorNE file not found" in result.output


def test_cli_evaluate_writes_detection_jsonl(tmp_path: Path, tiny_model: Path):
    out = tmp_path / "pred.jsonl"
    args = ["ner", "evaluate", "--corpus", str(_corpus(tmp_path)), "--model", str(tiny_model)]
    result = CliRunner().invoke(app, [*args, "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert row["id"] == "n1"
    assert {s["label"] for s in row["spans"]} == {"PERSON", "ORG"}
    assert all(set(s) == {"start", "end", "label", "score"} for s in row["spans"])
