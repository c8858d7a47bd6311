"""`tilbake deid batch`: the face over tilbake.batch.runner (exit codes, report, summary)."""

from __future__ import annotations

import orjson
import pytest
from typer.testing import CliRunner

from tilbake.batch.runner import run_batch
from tilbake.batch.work import Job
from tilbake.cli import app

runner = CliRunner()
NOTES = [{"id": 1, "text": "Pasient: Kari Nordmann, tlf 912 34 567"},
         {"id": 2, "text": "Time 12.03.2026, fnr 15108695088"}]


@pytest.fixture
def src(tmp_path, monkeypatch):
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TILBAKE_SECRET", "k" * 40)
    path = tmp_path / "notes.jsonl"
    path.write_bytes(orjson.dumps(NOTES[0]) + b"\nnot json\n" + orjson.dumps(NOTES[1]) + b"\n")
    return path


def test_batch_reports_the_bad_line_and_counts_labels(src, tmp_path):
    result = runner.invoke(app, ["deid", "batch", "-i", str(src), "-o", str(tmp_path / "out"), "-w", "0"])
    assert result.exit_code == 0, result.output
    assert f"skipped: {src} line 2: not valid JSON" in result.output
    assert "2 documents in 1 files (0 finished by an earlier run), 1 bad records skipped" in result.output
    summary = run_batch(src, tmp_path / "again", Job())
    for label, count in summary.labels.items():
        assert f"│ {label}" in result.output and f"│ {count}" in result.output
    assert {"PERSON", "PHONE", "DATE", "FNR"} <= set(summary.labels)
    assert "Kari" not in result.output  # patient text never reaches the report


def test_surrogates_are_keyed_with_the_installation_secret(src, tmp_path):
    out = tmp_path / "out"
    args = ["deid", "batch", "-i", str(src), "-o", str(out), "--mode", "anonymize", "--operator", "surrogate"]
    assert runner.invoke(app, [*args, "-w", "0"]).exit_code == 0
    expected = run_batch(src, tmp_path / "same", Job("anonymize", "surrogate"), b"k" * 40)
    assert expected.docs == 2
    assert (out / "notes.jsonl").read_bytes() == (tmp_path / "same" / "notes.jsonl").read_bytes()
    assert "Kari Nordmann" not in (out / "notes.jsonl").read_text()


@pytest.mark.parametrize(("extra", "message"), [
    (["--engine", "ray"], "--engine must be local or spark, not 'ray'"),
    (["--mode", "scrub"], "--mode must be one of detect, anonymize, not 'scrub'"),
    (["--mode", "anonymize", "--operator", "blur"], "blur"),
])
def test_bad_options_exit_2_with_a_message(src, tmp_path, extra, message):
    result = runner.invoke(app, ["deid", "batch", "-i", str(src), "-o", str(tmp_path / "o"), *extra])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_resume_with_other_settings_exits_2(src, tmp_path):
    out = str(tmp_path / "out")
    args = ["deid", "batch", "-i", str(src), "-o", out, "-w", "0"]
    assert runner.invoke(app, [*args, "--no-model"]).exit_code == 0
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "holds a run with other settings (model)" in result.output


def test_user_rules_reach_the_worker_processes(src, tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text('{"version": "r1", "allow": ["Kari Nordmann"], '
                     '"deny": [{"text": "Time", "label": "ORG"}]}')
    out = tmp_path / "out"
    result = runner.invoke(app, ["deid", "batch", "-i", str(src), "-o", str(out), "--rules", str(rules),
                                 "--no-model", "-w", "1"])
    assert result.exit_code == 0, result.output
    spans = {orjson.loads(line)["id"]: orjson.loads(line)["spans"] for line in out.joinpath("notes.jsonl")
             .read_bytes().splitlines()}
    assert all(s["label"] != "PERSON" for s in spans[1])  # allowed
    assert {"start": 0, "end": 4, "label": "ORG"}.items() <= spans[2][0].items()  # denied


def test_a_bad_rules_file_exits_2_before_any_worker_starts(src, tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text('{"version": "r1", "deny": [{"text": "x", "label": "NOPE"}]}')
    args = ["deid", "batch", "-i", str(src), "-o", str(tmp_path / "o"), "--rules", str(rules)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "deny" in result.output and not (tmp_path / "o").exists()
