"""Spark in local mode: the pandas UDFs give the local engine's spans, the CLI face the pool's bytes."""

from __future__ import annotations

import os
import sys

import orjson
import pytest
from batch_corpus import note_rows, write_jsonl, write_parquet
from typer.testing import CliRunner

from tilbake.batch.runner import run_batch
from tilbake.batch.spark import run_spark, with_anonymized, with_spans
from tilbake.batch.work import Job, engine_for
from tilbake.cli import app
from tilbake.deid.rewrite.operators import OperatorContext, anonymize

pytestmark = pytest.mark.slow
SECRET = b"e" * 40


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("tilbake-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.files.maxPartitionBytes", str(256 * 1024))  # several partitions a file
               .getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("spark-corpus")
    write_jsonl(root / "a.jsonl", note_rows(1400, 21), bad_after=700)
    write_parquet(root / "b.parquet", note_rows(600, 22))
    return root


def test_spark_writes_the_bytes_of_the_process_pool_on_two_thousand_notes(spark, big_corpus, tmp_path):
    bad: list[str] = []
    on_spark = run_spark(big_corpus, tmp_path / "spark", Job(), on_bad=bad.append)
    local = run_batch(big_corpus, tmp_path / "local", Job(), workers=0)
    for name in ("a.jsonl", "b.jsonl"):
        assert (tmp_path / "spark" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert (on_spark.docs, on_spark.bad, on_spark.labels) == (local.docs, local.bad, local.labels)
    assert on_spark.docs == 2000 and bad == [f"{big_corpus / 'a.jsonl'} line 702: 'text' must be a string"]
    assert spark.sparkContext.textFile(str(big_corpus / "a.jsonl")).getNumPartitions() > 1


def test_udfs_give_the_engines_spans_and_keyed_surrogates(spark):
    rows = [{**r, "patient_id": f"p{i % 7}"} for i, r in enumerate(note_rows(150, 23))]
    df = spark.createDataFrame(rows + [{"id": "null", "text": None, "patient_id": "p0"}])
    engine = engine_for(True, None)
    got = {r["id"]: r for r in with_spans(df).collect()}
    for row in rows:
        expected = [s.as_dict() for s in engine.detect(row["text"])]
        assert [s.asDict() for s in got[row["id"]]["spans"]] == expected
    assert got["null"]["spans"] is None
    clean = with_anonymized(df, out_col="clean", operator="surrogate", secret=SECRET, scope_col="patient_id")
    rewritten = {r["id"]: r["clean"] for r in clean.collect()}
    for row in rows:
        ctx = OperatorContext(SECRET, row["patient_id"])
        assert rewritten[row["id"]] == anonymize(row["text"], engine.detect(row["text"]), "surrogate", ctx)


class Interrupted(Exception):
    pass


def test_an_interrupted_spark_run_resumes_to_the_same_bytes(spark, tmp_path):
    write_jsonl(tmp_path / "n.jsonl", note_rows(300, 24))
    job = Job("anonymize", "surrogate", model=False)

    def stop(done: int, total: int) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        run_spark(tmp_path / "n.jsonl", tmp_path / "out", job, SECRET, chunk=100, on_progress=stop)
    assert len((tmp_path / "out" / "n.jsonl.part").read_bytes().splitlines()) == 100
    run_spark(tmp_path / "n.jsonl", tmp_path / "out", job, SECRET, chunk=100)
    run_batch(tmp_path / "n.jsonl", tmp_path / "local", job, SECRET)
    assert (tmp_path / "out" / "n.jsonl").read_bytes() == (tmp_path / "local" / "n.jsonl").read_bytes()


def test_cli_engine_spark(spark, tmp_path, monkeypatch):
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path / "data"))
    rows = note_rows(40, 25)
    write_parquet(tmp_path / "n.parquet", rows, "nid", "body")
    args = ["deid", "batch", "-i", str(tmp_path / "n.parquet"), "--id-column", "nid", "--text-column", "body",
            "--mode", "anonymize", "--no-model"]
    result = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "spark"), "--engine", "spark"])
    assert result.exit_code == 0, result.output
    assert "40 documents in 1 files" in result.output
    assert CliRunner().invoke(app, [*args, "-o", str(tmp_path / "local"), "-w", "0"]).exit_code == 0
    spark_out = (tmp_path / "spark" / "n.jsonl").read_bytes()
    assert spark_out == (tmp_path / "local" / "n.jsonl").read_bytes()
    assert [orjson.loads(line)["nid"] for line in spark_out.splitlines()] == [r["id"] for r in rows]
