"""Export benchmark: N synthetic suggestions with decisions -> one bundle, on SQLite and PostgreSQL.

    python bench/bench_export.py [--n 100000] [--db sqlite,postgresql] [--mode tags] [--leak-sample 20000]

For each database: load N records from `tilbake.tooling.synth.suggestions` (not timed), then run the real
export (the de-identification engine, the leak gate, the streaming bundle writer and the atomic
bookkeeping) in a fresh child process and print rows/s, wall time and the child's peak memory.

Then the leak measurement, on a sample of the same synthetic records with their gold PHI spans: the
share of gold PHI tokens still present in the anonymized text of exported records (and before the
gate, for comparison), and how many fødselsnummer, phone numbers and e-mail addresses survive.
PostgreSQL: a throwaway database on TILBAKE_TEST_PG_URL (default postgres@127.0.0.1:5432).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tilbake.accounts.repository import OrgRepository
from tilbake.capture.repository import SuggestionRepository

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))
SECRET = "bench-secret-" + "x" * 32


@contextmanager
def database(kind: str, workdir: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    from tilbake.store.testing import DEFAULT_PG_URL, throwaway_postgres

    with throwaway_postgres(
        os.environ.get("TILBAKE_TEST_PG_URL", DEFAULT_PG_URL), prefix="tilbake_bench"
    ) as url:
        yield url


def load(url: str, n: int, seed: int) -> tuple[int, float]:
    """Fill a fresh organization with n synthetic decided suggestions; returns (org id, seconds)."""
    from datetime import datetime

    from tilbake.store import open_database
    from tilbake.tooling.synth import suggestions

    db = open_database(url)
    start = time.perf_counter()
    with db.unit_of_work() as uow:
        org_id = uow.repo(OrgRepository).create("Benkeklinikken")["id"]
    records = suggestions(n, seed=seed)
    for chunk_no in itertools.count():
        chunk = list(itertools.islice(records, 2000))
        if not chunk:
            break
        rows = []
        for i, rec in enumerate(chunk):
            rec.pop("_gold", None)
            created = datetime.fromisoformat(rec.pop("created_at"))
            rows.append((f"s{chunk_no * 2000 + i}", rec, created, created))
        with db.unit_of_work() as uow:
            uow.repo(SuggestionRepository).insert_new(org_id, rows)
    db.dispose()
    return org_id, time.perf_counter() - start


def child_export(url: str, org_id: int, data_dir: str, mode: str, workers: int | None) -> None:
    """Runs in a fresh process: one real export; prints its figures as JSON."""
    os.environ.update(TILBAKE_DATA_DIR=data_dir, TILBAKE_DATABASE_URL=url, TILBAKE_SECRET=SECRET)
    from tilbake.export.factory import build_service

    from tilbake.config import Settings
    from tilbake.export.request import Actor, Consent, Scope
    from tilbake.store import open_database

    settings = Settings.from_env()
    db = open_database(url)
    svc = build_service(settings, db, workers=workers)
    cpu_before = sum(getattr(resource.getrusage(resource.RUSAGE_SELF), f) for f in ("ru_utime", "ru_stime"))
    start = time.perf_counter()
    batch = svc.create(Actor(org_id, channel="cli"), Consent(given_by="Benk", agree=True), Scope(mode=mode))
    wall = time.perf_counter() - start
    # the worker processes have ended here; RUSAGE_CHILDREN holds the largest one's peak
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak = parent + svc.workers * worker  # an upper bound of the sum of resident sets
    main_cpu, workers_cpu = (
        sum(getattr(resource.getrusage(who), f) for f in ("ru_utime", "ru_stime"))
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    cpu = main_cpu + workers_cpu - cpu_before
    size = (svc.org_dir(org_id) / batch["file_name"]).stat().st_size
    print(
        json.dumps(
            {
                "wall": wall,
                "peak_mib": peak,
                "workers": svc.workers,
                "cpu": cpu,
                "main_cpu": main_cpu - cpu_before,
                "workers_cpu": workers_cpu,
                "suggestions": batch["suggestions"],
                "rows": batch["rows"],
                "quarantined": batch["quarantined_by_reason"],
                "zip_mib": size / 2**20,
            }
        )
    )


def run_export(url: str, org_id: int, mode: str, workers: int | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tilbake-bench-") as data_dir:
        out = subprocess.run(
            [sys.executable, __file__, "--child", url, str(org_id), data_dir, mode, str(workers)],
            capture_output=True,
            text=True,
        )
    if out.returncode != 0:
        raise SystemExit(f"the export child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# -- leak measurement ---------------------------------------------------------------------------------
FIELDS = ("original_suggestion", "user_correction", "chief_complaint")
SCORER = Path(os.environ.get("TILBAKE_SCORER", "/work/shared/tools/score_spans.py"))
_NUMBER = re.compile(r"\d[\d .-]*\d")


def _field_text(rec: dict[str, Any], field: str) -> str:
    if field == "chief_complaint":
        return str((rec.get("context_data") or {}).get("chief_complaint") or "")
    return str(rec.get(field) or "")


def _hard_survivors(text: str, out: str, spans: Sequence[dict[str, Any]]) -> int:
    """Gold fødselsnummer, phone numbers and e-mail addresses still readable in the anonymized text."""
    runs = [re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(out)]
    found = 0
    for s in spans:
        piece = text[s["start"] : s["end"]]
        if s["label"] in ("FNR", "PHONE"):
            digits = re.sub(r"\D", "", piece)
            found += any(digits[-8:] in run for run in runs)
        elif s["label"] == "EMAIL":
            found += piece.lower() in out.lower()
    return found


def _score(docs: list[dict[str, Any]], preds: list[dict[str, Any]], tmp: Path, name: str) -> dict[str, Any]:
    gold_path, pred_path, out_path = (
        tmp / f"{name}-gold.jsonl",
        tmp / f"{name}-pred.jsonl",
        tmp / f"{name}.json",
    )
    gold_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds))
    subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(pred_path), "--json", str(out_path), "--quiet"],
        check=True,
    )
    return dict(json.loads(out_path.read_text())["tokens"])


def measure_leaks(n: int, seed: int, mode: str) -> dict[str, Any]:
    """The export's own pipeline over n gold-annotated records, then the team's scorer on what it exported."""
    from tilbake.export.engine import LEAK_THRESHOLD, EngineAnonymizer, load

    from tilbake.export.bundle import BundleWriter
    from tilbake.export.leakscan import LeakScanner
    from tilbake.export.pipeline import ExportPipeline
    from tilbake.tooling.synth import suggestions

    seen: dict[str, str] = {}

    class Tee(EngineAnonymizer):  # remembers each anonymized text, to compare with the gold spans
        def anonymize_many(self, texts):  # type: ignore[no-untyped-def]
            out = super().anonymize_many(texts)
            seen.update((t, a.text) for t, a in zip(texts, out, strict=True))
            return out

    records = [dict(r, id=i) for i, r in enumerate(suggestions(n, seed=seed + 1))]
    pipe = ExportPipeline(
        Tee(load(), mode, secret=SECRET.encode()), LeakScanner(load(), threshold=LEAK_THRESHOLD)
    )
    result: dict[str, Any] = {"records": n}
    with tempfile.TemporaryDirectory() as tmp:
        with BundleWriter(Path(tmp), "leak") as writer:
            outcome = pipe.run(records, writer)
        exported = set(outcome.exported_ids)
        result.update(
            exported=len(exported),
            quarantined=len(outcome.quarantined),
            quarantined_by_reason=dict(outcome.tally.quarantined),
        )
        for name, keep in (
            ("decided", lambda r: r["correction_type"] != "ignored"),
            ("exported", lambda r: r["id"] in exported),
        ):
            docs = [
                {"id": f"{r['id']}:{f}", "text": _field_text(r, f), "spans": r["_gold"].get(f, [])}
                for r in records
                if keep(r)
                for f in FIELDS
                if _field_text(r, f)
            ]
            spans = load().detect_many([d["text"] for d in docs])
            preds = [
                {"id": d["id"], "spans": [s.as_dict() for s in sp]} for d, sp in zip(docs, spans, strict=True)
            ]
            hard = sum(_hard_survivors(d["text"], seen.get(d["text"], d["text"]), d["spans"]) for d in docs)
            tokens = _score(docs, preds, Path(tmp), name) if SCORER.exists() else {}
            result[name] = {"fields": len(docs), "hard_survivors": hard, **tokens}
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", default="sqlite,postgresql")
    ap.add_argument("--mode", default="tags", choices=("tags", "surrogates"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--leak-sample", type=int, default=20_000, help="records for the leak measurement (0: skip)"
    )
    ap.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per core, max 4)"
    )
    ap.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        url, org, data_dir, mode, workers = args.child
        child_export(url, int(org), data_dir, mode, None if workers == "None" else int(workers))
        return
    print(f"export benchmark: {args.n:,} synthetic suggestions, mode {args.mode}, {os.cpu_count()} cores")
    for kind in [k for k in args.db.split(",") if k]:
        with tempfile.TemporaryDirectory() as work, database(kind, Path(work)) as url:
            org_id, load_s = load(url, args.n, args.seed)
            r = run_export(url, org_id, args.mode, args.workers)
        rows = sum(r["rows"].values())
        print(
            f"{kind:<10} load {load_s:6.1f} s | export {r['wall']:6.1f} s wall, "
            f"{args.n / r['wall']:7.0f} suggestions/s, {rows / r['wall']:7.0f} rows/s, "
            f"CPU {r['cpu']:6.1f} s (main {r['main_cpu']:.1f}, workers {r['workers_cpu']:.1f}), "
            f"peak {r['peak_mib']:5.0f} MiB ({r['workers']} workers) | "
            f"{r['suggestions']:,} suggestions -> rows {r['rows']}, "
            f"quarantined {sum(r['quarantined'].values())} {r['quarantined']}, zip {r['zip_mib']:.1f} MiB"
        )
    if args.leak_sample:
        m = measure_leaks(args.leak_sample, args.seed, args.mode)
        for key in ("decided", "exported"):
            t = m[key]
            rate = f"{100 * t['leak_rate']:.2f} %" if "leak_rate" in t else f"n/a (no scorer at {SCORER})"
            print(
                f"leaks {key:<9} {t['fields']:,} text fields: residual PHI tokens {rate} "
                f"of {t.get('phi_tokens', 0):,}; fnr/phone/e-mail still readable: {t['hard_survivors']}"
            )
        print(
            f"leak gate: {m['quarantined']:,} of {m['records']:,} records quarantined "
            f"{m['quarantined_by_reason']}"
        )


if __name__ == "__main__":
    main()
