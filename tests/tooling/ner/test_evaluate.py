"""Per-label scoring and the `tilbake ner evaluate` output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tilbake.cli import app
from tilbake.deid.spans import Label, Span
from tilbake.errors import InputError
from tilbake.tooling.ner.evaluate import (
    GoldDoc,
    Reading,
    as_rows,
    format_table,
    in_context,
    parse_context,
    read_gold,
    readings,
    score,
)

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


PARAGRAPHS = [
    GoldDoc("0", "Per Borten talte.", [(0, 10, "PERSON")], newpar=True),
    GoldDoc("1", "Borten gikk", [(0, 6, "PERSON")]),
    GoldDoc("2", "Han kom.", []),
    GoldDoc("3", "Ny sak.", [], newpar=True),
]


def test_readings_group_paragraphs_and_join_sentences_as_text():
    assert readings(PARAGRAPHS) == [Reading(d.text, [(i, 0)]) for i, d in enumerate(PARAGRAPHS)]
    first, second = readings(PARAGRAPHS, "paragraph")
    # a space after a full stop, a line break after a sentence without one (a headline)
    assert first.text == "Per Borten talte. Borten gikk\nHan kom."
    assert first.targets == [(0, 0), (1, 18), (2, 30)]
    assert second == Reading("Ny sak.", [(3, 0)])


def test_readings_window_gives_each_sentence_its_neighbours_and_crosses_paragraphs():
    window = readings(PARAGRAPHS, 1)
    assert len(window) == len(PARAGRAPHS)
    assert window[0] == Reading("Per Borten talte. Borten gikk", [(0, 0)])
    assert window[3] == Reading("Han kom.\nNy sak.", [(3, 9)])
    with pytest.raises(InputError, match="document context"):
        readings(PARAGRAPHS, "article")
    with pytest.raises(InputError, match="document context"):
        parse_context("-1")
    assert parse_context("3") == 3 and parse_context("paragraph") == "paragraph"


def test_spans_found_in_context_are_scored_per_sentence():
    reading = readings(PARAGRAPHS, "paragraph")[0]
    found = [[Span(0, 10, Label.PERSON), Span(18, 24, Label.PERSON), Span(27, 33, Label.ORG)]]
    per_doc = in_context(PARAGRAPHS, [reading], found)
    assert per_doc[0] == [Span(0, 10, Label.PERSON)]
    assert per_doc[1] == [Span(0, 6, Label.PERSON), Span(9, 11, Label.ORG)]  # clipped to its sentence
    assert per_doc[2] == [] and per_doc[3] == []
    rows = {r["label"]: r for r in as_rows(score(PARAGRAPHS, per_doc))}
    assert rows["PERSON"]["exact_r"] == 1.0


def test_cli_evaluate_reads_norne_sentences_in_their_paragraph(tmp_path: Path, tiny_model: Path):
    # the tiny model knows "Kari Nordmann"; the lone "Nordmann" of the next sentence is found only
    # when both sentences are read as one document
    corpus = tmp_path / "dev.conllu"
    corpus.write_text(
        "# newpar\n# sent_id = 1\n"
        "1\tKari\t_\t_\t_\t_\t0\t_\t_\tname=B-PER\n2\tNordmann\t_\t_\t_\t_\t1\t_\t_\tname=I-PER\n"
        "3\tkom\t_\t_\t_\t_\t1\t_\tSpaceAfter=No\tname=O\n4\t.\t_\t_\t_\t_\t1\t_\t_\tname=O\n\n"
        "# sent_id = 2\n1\tNordmann\t_\t_\t_\t_\t0\t_\t_\tname=B-PER\n"
        "2\tgikk\t_\t_\t_\t_\t1\t_\t_\tname=O\n\n",
        "utf-8",
    )
    assert [d.newpar for d in read_gold(corpus)] == [True, False]
    recall = {}
    for context in ("none", "paragraph", "1"):
        args = ["ner", "evaluate", "--corpus", str(corpus), "--model", str(tiny_model), "--json",
                "--context", context]  # fmt: skip
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        recall[context] = next(r for r in json.loads(result.output) if r["label"] == "PERSON")["exact_r"]
    assert recall == {"none": 0.5, "paragraph": 1.0, "1": 1.0}
    bad = CliRunner().invoke(app, ["ner", "evaluate", "--corpus", str(corpus), "--context", "article"])
    assert bad.exit_code == 2 and "document context" in bad.output
