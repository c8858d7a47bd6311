from __future__ import annotations

import orjson
from typer.testing import CliRunner

from tilbake.cli import app
from tilbake.tooling.synth import notes, suggestions

runner = CliRunner()


def test_suggestions_command_writes_the_same_records_as_the_library(tmp_path):
    out = tmp_path / "s.jsonl"
    result = runner.invoke(app, ["synth", "suggestions", "--n", "25", "--seed", "5", "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert rows == list(suggestions(25, 5))
    assert not (tmp_path / "s.jsonl.partial").exists()


def test_missing_output_directory_exits_2(tmp_path):
    result = runner.invoke(
        app, ["synth", "suggestions", "--n", "1", "--output", str(tmp_path / "no" / "x.jsonl")]
    )
    assert result.exit_code == 2
    flat = " ".join(result.output.replace("│", " ").split())
    assert "does not exist" in flat


def test_notes_command_writes_the_same_rows_as_the_library(tmp_path):
    out = tmp_path / "n.jsonl"
    args = ["synth", "notes", "--n", "30", "--seed", "2", "--split", "heldout", "--output", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert rows == list(notes(30, 2, split="heldout"))


def test_unknown_split_exits_2_naming_the_choices(tmp_path):
    result = runner.invoke(app, ["synth", "notes", "--split", "test", "--output", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2
    flat = " ".join(result.output.replace("│", " ").split())
    assert "train" in flat and "heldout" in flat
    assert not (tmp_path / "x.jsonl").exists()


def test_zero_records_write_an_empty_file(tmp_path):
    out = tmp_path / "empty.jsonl"
    result = runner.invoke(app, ["synth", "notes", "--n", "0", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == b""


def test_a_failure_midway_leaves_no_file(tmp_path, monkeypatch):
    import tilbake.tooling.synth

    def broken(n, seed, *, split="train"):
        yield {"id": "x", "text": "", "spans": []}
        raise RuntimeError("generator failed")

    monkeypatch.setattr(tilbake.tooling.synth, "notes", broken)
    out = tmp_path / "n.jsonl"
    result = runner.invoke(app, ["synth", "notes", "--n", "5", "--output", str(out)])
    assert result.exit_code != 0
    assert not out.exists() and not (tmp_path / "n.jsonl.partial").exists()


def test_suggestions_as_gold_rows(tmp_path):
    from tilbake.tooling.synth import gold_rows

    out = tmp_path / "g.jsonl"
    result = runner.invoke(app, ["synth", "suggestions", "--n", "10", "--seed", "4", "--gold-rows",
                                 "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    expected = [row for i, r in enumerate(suggestions(10, 4)) for row in gold_rows(r, f"s4-{i:06d}")]
    assert rows == expected
    assert {r["id"].split(":")[1] for r in rows} >= {"original_suggestion", "chief_complaint"}
