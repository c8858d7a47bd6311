"""An interrupted run resumes where it stopped: no line lost, none written twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from batch_corpus import note_rows, write_jsonl

from tilbake.batch.runner import run_batch
from tilbake.batch.work import Job

SRC = Path(__file__).resolve().parents[2] / "src"


class Interrupted(Exception):
    pass


def _stop_after(calls: int):
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == calls:
            raise Interrupted

    return progress


def test_interrupted_run_with_a_torn_write_resumes_to_the_same_bytes(corpus, tmp_path):
    job = Job("anonymize", "redact", model=False)
    run_batch(corpus, tmp_path / "whole", job, chunk=16)
    with pytest.raises(Interrupted):  # stops after 3 chunks of a.jsonl were written and checkpointed
        run_batch(corpus, tmp_path / "out", job, chunk=16, on_progress=_stop_after(3))
    part = tmp_path / "out" / "a.jsonl.part"
    assert part.exists() and not (tmp_path / "out" / "a.jsonl").exists()
    assert len(part.read_bytes().splitlines()) == 48
    with part.open("ab") as fh:  # a chunk written but killed before its checkpoint
        fh.write(b'{"id": "half-written"')
    resumed = run_batch(corpus, tmp_path / "out", job, chunk=16)
    for name in ("a.jsonl", "c.jsonl", "sub/b.jsonl"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert not part.exists() and resumed.docs == 210 and resumed.bad == 1


def test_a_finished_run_is_not_redone(corpus, tmp_path):
    first = run_batch(corpus, tmp_path / "out", Job(model=False))
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.jsonl")}
    again = run_batch(corpus, tmp_path / "out", Job(model=False))
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.jsonl")} == before
    assert again.resumed_done == 3 and (again.docs, again.labels) == (first.docs, first.labels)


def _checkpoint(out: Path) -> dict | None:
    try:
        return orjson.loads((out / ".tilbake-batch" / "notes.jsonl.json").read_bytes())
    except (FileNotFoundError, orjson.JSONDecodeError):
        return None


@pytest.mark.slow
def test_killed_cli_process_resumes_to_the_output_of_an_uninterrupted_run(tmp_path):
    src, out = tmp_path / "notes.jsonl", tmp_path / "out"
    write_jsonl(src, note_rows(3000, 11))
    cmd = [sys.executable, "-m", "tilbake", "deid", "batch", "-i", str(src), "-o", str(out),
           "--no-model", "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while (ck := _checkpoint(out)) is None or ck["position"] == 0:
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before a checkpoint"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its worker, mid-file
    proc.wait()
    assert not _checkpoint(out)["done"] and not (out / "notes.jsonl").exists()

    resumed = subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr.decode()
    whole = run_batch(src, tmp_path / "whole", Job(model=False))
    assert (out / "notes.jsonl").read_bytes() == (tmp_path / "whole" / "notes.jsonl").read_bytes()
    assert f"{whole.docs} documents in 1 files".encode() in resumed.stderr
