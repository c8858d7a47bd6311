"""`tilbake deid batch` at corpus scale: docs/s per process, 1 vs 2 worker processes, Spark local[2]
against the process pool, and peak memory per worker at two corpus sizes (flat = it streams).

    python bench/bench_batch.py                      # 1,000,000 generated notes (hours on 2 cores)
    python bench/bench_batch.py --notes 6000         # what docs/benchmarks.md reports
    python bench/bench_batch.py --notes 6000 --no-spark --no-model

The notes are generated straight into JSONL files (never all in memory), then each configuration
runs in a fresh interpreter, so its peak memory and its children's are its own. Times are wall
clock from the call to the last line written, so they include each worker loading the engine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from tilbake.tooling.synth.notes import notes


def generate(root: Path, count: int, files: int) -> None:
    """``count`` notes round-robin into ``files`` JSONL files, streamed."""
    outs = [(root / f"part-{i:02d}.jsonl").open("wb") for i in range(files)]
    try:
        for i, note in enumerate(notes(count, 17)):
            outs[i % files].write(orjson.dumps({"id": note["id"], "text": note["text"]}) + b"\n")
    finally:
        for out in outs:
            out.close()


def measure(engine: str, workers: int, corpus: Path, model: bool) -> dict[str, float]:
    """One run in this process (called in a fresh interpreter by ``main``)."""
    from tilbake.batch.runner import CHUNK, run_batch
    from tilbake.batch.work import Job

    out = Path(tempfile.mkdtemp(prefix="bench-batch-out-"))
    job = Job(model=model)
    started = 0.0
    ticks: list[float] = []  # when each chunk was written: the first comes once the engines are loaded

    def tick(done: int, total: int) -> None:
        ticks.append(time.perf_counter())

    if engine == "spark":
        from pyspark.sql import SparkSession

        from tilbake.batch.spark import run_spark

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        t0 = time.perf_counter()
        spark = (SparkSession.builder.master(f"local[{workers}]").config("spark.ui.enabled", "false")
                 .config("spark.sql.files.maxPartitionBytes", str(1 << 20)).getOrCreate())
        started = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary = run_spark(corpus, out, job, on_progress=tick)
        took = time.perf_counter() - t0
        spark.stop()
    else:
        t0 = time.perf_counter()
        summary = run_batch(corpus, out, job, workers=workers, on_progress=tick)
        took = time.perf_counter() - t0
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = kids.ru_utime + kids.ru_stime if workers and engine == "pool" else own.ru_utime + own.ru_stime
    first_chunk = min(CHUNK, summary.docs // max(len(list(corpus.glob("*.jsonl"))), 1))
    steady = (summary.docs - first_chunk) / (ticks[-1] - ticks[0]) if len(ticks) > 2 else float("nan")
    return {"docs": summary.docs, "seconds": took, "session_seconds": started, "steady": steady,
            "cpu_seconds": cpu, "main_cpu_seconds": own.ru_utime + own.ru_stime,
            "main_mb": own.ru_maxrss / 1024, "worker_peak_mb": kids.ru_maxrss / 1024}


def _run(engine: str, workers: int, corpus: Path, model: bool) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--measure", engine, "--workers", str(workers), "--corpus", str(corpus),
           "--model" if model else "--no-model"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--model", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--spark", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--measure", choices=["pool", "spark"], help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.workers, args.corpus, args.model)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp)
        small, full = root / "small", root / "full"
        small.mkdir(), full.mkdir()
        t0 = time.perf_counter()
        generate(full, args.notes, args.files)
        generate(small, max(args.notes // 4, 1), args.files)
        print(f"generated {args.notes} + {args.notes // 4} notes in {time.perf_counter() - t0:.0f} s "
              f"(model {'on' if args.model else 'off'}, {os.cpu_count()} cores)")
        rows = [("pool, 1 worker", "pool", 1, full), ("pool, 2 workers", "pool", 2, full),
                ("pool, 2 workers, 1/4 corpus", "pool", 2, small)]
        if args.spark:
            rows.append(("Spark local[2]", "spark", 2, full))
        results = {}
        for name, engine, workers, corpus in rows:
            r = results[name] = _run(engine, workers, corpus, args.model)
            rate = r["docs"] / r["seconds"]
            # Spark's Python workers are the JVM's children, not ours: their CPU and memory are not
            # seen here
            memory = (f"session start {r['session_seconds']:.1f} s" if engine == "spark" else
                      f"{r['docs'] / r['cpu_seconds']:6.1f} docs per worker CPU-second, main CPU "
                      f"{r['main_cpu_seconds']:.1f} s, peak RSS "
                      f"main {r['main_mb']:.0f} MB, largest worker {r['worker_peak_mb']:.0f} MB")
            print(f"{name:28s} {r['docs']:>8.0f} docs {r['seconds']:7.1f} s {rate:7.1f} docs/s, "
                  f"after start-up {r['steady']:7.1f} docs/s ({r['steady'] / workers:6.1f} per process); "
                  f"{memory}")
        one, two = results["pool, 1 worker"], results["pool, 2 workers"]
        print(f"scaling 1 -> 2 workers: {one['seconds'] / two['seconds']:.2f}x wall clock, "
              f"{two['steady'] / one['steady']:.2f}x after start-up")
        if args.spark:
            spark = results["Spark local[2]"]
            print(f"Spark local[2] / pool of 2: {two['seconds'] / spark['seconds']:.2f}x wall clock, "
                  f"{spark['steady'] / two['steady']:.2f}x after start-up")


if __name__ == "__main__":
    main()
