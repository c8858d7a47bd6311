"""run_batch: the same output as the single-process JSONL path, whatever the number of workers."""

from __future__ import annotations

from collections import Counter

import orjson
import pytest
from batch_corpus import note_rows, read_lines, write_jsonl, write_parquet

from tilbake.batch.jsonl import anonymize_file, detect_file
from tilbake.batch.runner import run_batch
from tilbake.batch.work import Job, engine_for
from tilbake.errors import InputError

SECRET = b"s" * 40


def test_one_clean_file_gives_what_deid_detect_gives(tmp_path):
    src = tmp_path / "notes.jsonl"
    write_jsonl(src, note_rows(80, 5))
    detect_file(src, tmp_path / "single.jsonl", engine_for(True, None))
    summary = run_batch(src, tmp_path / "out", Job(), chunk=16)
    assert (tmp_path / "out" / "notes.jsonl").read_bytes() == (tmp_path / "single.jsonl").read_bytes()
    assert summary.docs == 80 and summary.bad == 0
    spans = [s for line in read_lines(tmp_path / "single.jsonl") for s in orjson.loads(line)["spans"]]
    assert summary.labels == Counter(s["label"] for s in spans) and summary.labels["PERSON"] > 0


def test_anonymize_gives_what_deid_anonymize_gives(tmp_path):
    src = tmp_path / "notes.jsonl"
    write_jsonl(src, note_rows(40, 6))
    anonymize_file(src, tmp_path / "single.jsonl", engine_for(True, None), "surrogate", SECRET)
    run_batch(src, tmp_path / "out", Job("anonymize", "surrogate"), SECRET, chunk=16)
    assert (tmp_path / "out" / "notes.jsonl").read_bytes() == (tmp_path / "single.jsonl").read_bytes()


@pytest.mark.parametrize("mode", ["detect", "anonymize"])
def test_two_workers_write_the_same_bytes_as_one_process(corpus, tmp_path, mode):
    job = Job(mode, "surrogate")
    alone = run_batch(corpus, tmp_path / "alone", job, SECRET, workers=0, chunk=32)
    pooled = run_batch(corpus, tmp_path / "pool", job, SECRET, workers=2, chunk=32)
    names = ["a.jsonl", "c.jsonl", "sub/b.jsonl"]
    for name in names:
        assert (tmp_path / "pool" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
    assert sorted(str(p.relative_to(tmp_path / "pool")) for p in (tmp_path / "pool").rglob("*.jsonl")
                  if ".tilbake-batch" not in p.parts) == names
    assert (alone.docs, alone.bad, alone.labels) == (pooled.docs, pooled.bad, pooled.labels)
    assert alone.docs == 210


def test_bad_record_is_reported_with_file_and_line_and_the_run_goes_on(corpus, tmp_path):
    reported: list[str] = []
    summary = run_batch(corpus, tmp_path / "out", Job(model=False), on_bad=reported.append)
    assert reported == [f"{corpus / 'a.jsonl'} line 4: 'text' must be a string"]
    assert summary.bad == 1 and summary.bad_seen == reported
    ids = [orjson.loads(line)["id"] for line in read_lines(tmp_path / "out" / "a.jsonl")]
    assert len(ids) == 120 and "broken" not in ids


def test_parquet_bad_row_is_named_by_row_and_columns_are_the_users(tmp_path):
    rows = note_rows(30, 7)
    rows[9] = {"id": None, "text": "Kari"}
    write_parquet(tmp_path / "n.parquet", rows, "note_id", "body")
    reported: list[str] = []
    job = Job("anonymize", id_column="note_id", text_column="body", model=False)
    run_batch(tmp_path / "n.parquet", tmp_path / "out", job, on_bad=reported.append)
    assert reported == [f"{tmp_path / 'n.parquet'} row 10: missing 'note_id'"]
    first = orjson.loads(read_lines(tmp_path / "out" / "n.jsonl")[0])
    assert set(first) == {"note_id", "body"} and first["note_id"] == rows[0]["id"]
    assert first["body"] != rows[0]["text"] and "[" in first["body"]


def test_a_resume_with_other_settings_is_refused(corpus, tmp_path):
    run_batch(corpus / "a.jsonl", tmp_path / "out", Job(model=False))
    with pytest.raises(InputError, match=r"other settings \(mode, operator\)"):
        run_batch(corpus / "a.jsonl", tmp_path / "out", Job("anonymize", "redact", model=False))


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p / "none", "is neither a file nor a directory"),
    (lambda p: (p / "x.csv").write_text("a") and p / "x.csv", "expected a .jsonl or .parquet file"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "holds no .jsonl or .parquet files"),
    (lambda p: (p / "x.parquet").write_text("no") and p / "x.parquet", "not a readable Parquet file"),
])
def test_bad_input_paths_are_named(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        run_batch(make(tmp_path), tmp_path / "out", Job(model=False))


def test_missing_parquet_column_is_named_with_the_columns_there(tmp_path):
    write_parquet(tmp_path / "n.parquet", note_rows(3, 1))
    with pytest.raises(InputError, match=r"no column 'body' \(columns: id, text\)"):
        run_batch(tmp_path / "n.parquet", tmp_path / "out", Job(text_column="body", model=False))


def test_a_worker_that_cannot_build_its_engine_ends_the_run_with_a_message(corpus, tmp_path):
    from tilbake.errors import TilbakeError

    broken = Job(model=False, rules_json="{not json")  # read_rules never lets this through the CLI
    with pytest.raises(TilbakeError, match="a worker process died .* run the same command again"):
        run_batch(corpus / "a.jsonl", tmp_path / "out", broken, workers=1)
