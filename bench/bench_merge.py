"""Merge benchmark: B bundles totalling N rows -> one dataset, printing rows/s and peak memory.

    python bench/bench_merge.py [--rows 500000] [--bundles 50] [--engine model|rules] [--sizes 50000,100000]

Bundles are made first (not timed) from the synthetic suggestion records, their gold PHI spans
replaced by tags as a perfect anonymizer would (so the leak gate sees realistic, clean rows), through
the export's own row builders and bundle writer. Every fifth bundle repeats part of the one before
(an overlapping practice). Then the real merge (verify, leak gate with the engine and the independent
check, exact and near dedup, split, Parquet, card) runs in a fresh child process; the child's peak
RSS (getrusage) is its peak memory. With ``--sizes`` it runs once per size, to show how memory grows.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

from tilbake.deid.rewrite.operators import TAGS  # noqa: E402
from tilbake.deid.spans import Label  # noqa: E402
from tilbake.export import manifest  # noqa: E402
from tilbake.export.bundle import BundleWriter  # noqa: E402
from tilbake.export.manifest import Tally  # noqa: E402
from tilbake.export.prompts import diagnosis_codes, patient_age_range  # noqa: E402
from tilbake.export.rows import Example, build_rows  # noqa: E402
from tilbake.tooling.synth.suggestions import suggestions  # noqa: E402


def _tagged(text: str | None, spans: list[dict]) -> str | None:
    if not text:
        return text
    for s in sorted(spans, key=lambda s: s["start"], reverse=True):
        text = text[: s["start"]] + TAGS.get(Label(s["label"]), "[ANNET]") + text[s["end"] :]
    return text


def example(rec: dict) -> Example:
    gold, ctx = rec["_gold"], rec["context_data"]
    return Example(
        rec["suggestion_type"],
        rec["correction_type"],
        _tagged(rec["original_suggestion"], gold.get("original_suggestion", [])) or "",
        _tagged(rec.get("user_correction"), gold.get("user_correction", [])),
        rec["confidence_score"],
        patient_age_range(ctx.get("patient_age")),
        _tagged(ctx.get("chief_complaint"), gold.get("chief_complaint", [])),
        diagnosis_codes(ctx.get("diagnosis_codes")),
    )


def make_bundles(out: Path, total_rows: int, n_bundles: int, seed: int = 11) -> list[Path]:
    per_bundle = total_rows // n_bundles
    records = (example(r) for r in suggestions(total_rows, seed))  # ~2.7 rows a record: plenty
    paths: list[Path] = []
    previous: list[Example] = []
    for b in range(n_bundles):
        tally, kept = Tally(), []
        with BundleWriter(out, f"bench-{b:03d}") as writer:
            reuse = previous[: per_bundle // 10] if b % 5 == 4 else []
            source = itertools.chain(reuse, records)
            while sum(writer.rows.values()) < per_bundle:
                ex = next(source)
                rows = build_rows(ex)
                if rows.skipped is None:
                    tally.suggestions[ex.suggestion_type, ex.decision] += 1
                    kept.append(ex)
                for fmt, fmt_rows in rows.by_format().items():
                    for row in fmt_rows:
                        writer.add(fmt, row)
            body = manifest.build(
                tally,
                rows=writer.rows,
                duplicates=writer.duplicates,
                versions={"detector": "bench"},
                mode="tags",
                consent={"id": f"consent-{b}"},
                export_id=writer.name,
            )
            paths.append(writer.finish(body, manifest.readme(body)))
        previous = kept
    return paths


CHILD = """
import json, resource, sys, time
from pathlib import Path
from tilbake.merge.service import Input
from tilbake.wiring import merge_service
into, engine, *paths = sys.argv[1:]
service = merge_service(model=engine == "model")
service.make_scanner()  # the engine is built before the clock starts
before = resource.getrusage(resource.RUSAGE_SELF)
start = time.perf_counter()
out = service.merge([Input(Path(p), f"practice-{i % 25}") for i, p in enumerate(paths)], Path(into))
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
peak = usage.ru_maxrss / 1024
print(json.dumps({"wall": wall, "entries": out["entries"], "cpu": cpu, "peak_rss_mb": peak}))
"""


def run(rows: int, n_bundles: int, engine: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        paths = make_bundles(Path(tmp) / "in", rows, n_bundles)
        made = time.perf_counter() - t0
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(Path(tmp) / "ds"), engine, *map(str, paths)],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(SRC)},
        )
        if proc.returncode:
            raise SystemExit(f"the merge failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        result = json.loads(proc.stdout.splitlines()[-1])
        size = sum(p.stat().st_size for p in (Path(tmp) / "ds").rglob("*.parquet"))
    entries = result["entries"]
    added = sum(sum(e["added"].values()) for e in entries if e["event"] == "merged")
    dups = sum(sum(e["duplicates"].values()) for e in entries if e["event"] == "merged")
    quarantined = sum(sum(e["quarantined"].values()) for e in entries if e["event"] == "merged")
    return {
        "rows": rows,
        "bundles": n_bundles,
        "engine": engine,
        "made_s": round(made, 1),
        "merge_s": round(result["wall"], 1),
        "rows_per_s": round(rows / result["wall"]),
        "merge_cpu_s": round(result["cpu"], 1),
        "rows_per_cpu_s": round(rows / result["cpu"]),
        "peak_rss_mb": round(result["peak_rss_mb"]),
        "added": added,
        "duplicates": dups,
        "quarantined": quarantined,
        "parquet_mb": round(size / 2**20, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--bundles", type=int, default=50)
    ap.add_argument("--engine", choices=("model", "rules"), default="model")
    ap.add_argument("--sizes", help="comma-separated row totals, instead of --rows")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.rows]
    for rows in sizes:
        print(json.dumps(run(rows, args.bundles, args.engine)), flush=True)
    print(f"(parent peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
