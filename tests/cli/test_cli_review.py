"""`tilbake feedback ...` and `tilbake rules ...` end to end on SQLite with the real engine."""

from __future__ import annotations

import json
from functools import partial

import pytest
from tests.review.loop_notes import note
from typer.testing import CliRunner

from tilbake.accounts.service import AccountService
from tilbake.cli import app
from tilbake.review.corrections import Request
from tilbake.review.service import ReviewService
from tilbake.store import open_database
from tilbake.wiring import rules_engine

SECRET = "s" * 40


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", url)
    monkeypatch.setenv("TILBAKE_SECRET", SECRET)
    db = open_database(url)
    org, _ = AccountService(db).create_org("Ryggklinikken")
    review = ReviewService(db, SECRET.encode(), partial(rules_engine, model=False))
    for text, gold in (note(i) for i in range(6)):
        item = review.submit(org["id"], text)
        start, end, _ = next(g for g in gold if g[2] == "ORG")
        review.correct(org["id"], item["id"], Request("mark_as_pii", start, end, "ORG"))
        review.complete(org["id"], item["id"])
    db.dispose()
    return tmp_path


def _run(*args, input=None):
    return CliRunner().invoke(app, list(args), input=input)


def test_summary_retention_and_prune(env):
    r = _run("feedback", "summary", "--org", "Ryggklinikken")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["events"] == 6
    r = _run("feedback", "retention", "--org", "Ryggklinikken", "--max-events", "4")
    assert json.loads(r.output) == {"max_events": 4, "max_days": 90}
    assert json.loads(_run("feedback", "summary", "--org", "Ryggklinikken").output)["events"] == 4
    r = _run("feedback", "prune", "--org", "Ryggklinikken")
    assert r.exit_code == 0 and "pruned 0 event(s) by age and 0 by count" in r.output


def test_delete_all_asks_and_counts(env):
    r = _run("feedback", "delete-all", "--org", "Ryggklinikken", input="n\n")
    assert r.exit_code == 2 and "confirm must be true" in r.output
    r = _run("feedback", "delete-all", "--org", "Ryggklinikken", input="y\n")
    assert r.exit_code == 0 and "deleted 6 event(s) and 6 review item(s)" in r.output


def test_export_both_modes(env, tmp_path):
    for mode in ("anonymised", "raw"):
        r = _run("feedback", "export", "--org", "Ryggklinikken", "--mode", mode, "-o", str(tmp_path / mode))
        assert r.exit_code == 0, r.output
        assert (tmp_path / mode / "feedback-summary.json").is_file()
        lines = (tmp_path / mode / "feedback-events.jsonl").read_text().splitlines()
        assert len(lines) == 6
    r = _run("feedback", "export", "--org", "Ryggklinikken", "--mode", "plain", "-o", str(tmp_path / "x"))
    assert r.exit_code == 2 and "mode must be one of anonymised, raw" in r.output


def test_rules_propose_apply_history_rollback(env):
    r = _run("rules", "propose", "--org", "Ryggklinikken")
    assert r.exit_code == 0, r.output
    assert "context" in r.output and "i firmaet" in r.output and "6 reviewed document(s)" in r.output
    r = _run("rules", "apply", "--org", "Ryggklinikken")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["version"] == "org-v1"
    r = _run("rules", "rollback", "--org", "Ryggklinikken")
    assert json.loads(r.output)["version"] == "org-v2"
    r = _run("rules", "history", "--org", "Ryggklinikken")
    assert r.output.splitlines()[0].startswith("org-v2") and "rollback to the built-in rules" in r.output
    r = _run("rules", "apply", "--org", "Ryggklinikken", "--id", "nope")
    assert r.exit_code == 2 and "no current proposal" in r.output
    r = _run("rules", "history", "--org", "Nobody")
    assert r.exit_code == 2 and "no organization named" in r.output


def test_ner_export_training(env, tmp_path):
    r = _run("ner", "export-training", "--org", "Ryggklinikken", "-o", str(tmp_path / "train"))
    assert r.exit_code == 0, r.output
    assert "6 reviewed document(s)" in r.output
    rows = [json.loads(line) for line in (tmp_path / "train" / "reviewed.jsonl").open()]
    assert len(rows) == 6 and all(any(s["label"] == "ORG" for s in row["spans"]) for row in rows)
    assert (tmp_path / "train" / "reviewed.spacy").stat().st_size > 0
