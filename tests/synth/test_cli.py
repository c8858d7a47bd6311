from __future__ import annotations

import orjson
from typer.testing import CliRunner

from tilbake.cli import app
from tilbake.synth import suggestions

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
