"""`import chiroclick` throughput: rows a second on a first import and on a re-run (nothing new).

Builds a throwaway PostgreSQL source from the fixture schema (TILBAKE_TEST_PG_URL, default postgres on
127.0.0.1:5432) with N synthetic ai_feedback rows and N/2 ai_suggestions rows, imports them into a
fresh SQLite file and a throwaway PostgreSQL tilbake database, and prints the figures.

    python bench/bench_import.py               # 20 000 + 10 000 rows
    python bench/bench_import.py --rows 5000 --db sqlite
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.capture.chiroclick_source import PRACTICE, chiroclick_database, run_sql  # noqa: E402

from tilbake.accounts.service import AccountService  # noqa: E402
from tilbake.capture.imports.chiroclick import ImportOptions, import_chiroclick  # noqa: E402
from tilbake.capture.service import CaptureService  # noqa: E402
from tilbake.store import open_database  # noqa: E402
from tilbake.store.testing import DEFAULT_PG_URL, throwaway_postgres  # noqa: E402

PG = os.environ.get("TILBAKE_TEST_PG_URL", DEFAULT_PG_URL)
TYPES = "ARRAY['soap_plan','soap_assessment','red_flag','soap_subjective']"


def fill(url: str, rows: int) -> None:
    run_sql(url, f"""
        INSERT INTO ai_feedback (organization_id, suggestion_type, original_suggestion, user_correction,
            accepted, correction_type, confidence_score, user_rating, context_data, time_to_decision,
            created_at)
        SELECT '{PRACTICE}', ({TYPES})[1 + i % 4],
               'Hjemmeøvelser for korsrygg daglig, kontroll om ' || i || ' uker.',
               CASE WHEN i % 3 = 0 THEN 'Hjemmeøvelser for korsrygg daglig, kontroll om tre uker.' END,
               i % 5 <> 0, CASE WHEN i % 3 = 0 THEN 'modified' END, 0.8, 1 + i % 5,
               jsonb_build_object('chief_complaint', 'korsryggsmerter', 'patient_age', 20 + i % 60),
               1000 + i, now() - make_interval(mins => i)
        FROM generate_series(1, {rows}) AS i;
        INSERT INTO ai_suggestions (organization_id, task_type, input_text, suggested_text, confidence,
            feedback_status, modified_text, created_at)
        SELECT '{PRACTICE}', 'soap_notes', 'input', 'S: Korsryggsmerter i ' || i || ' dager.', 0.7,
               (ARRAY['PENDING','APPROVED','MODIFIED','REJECTED'])[1 + i % 4],
               'S: Korsryggsmerter i noen dager.', now() - make_interval(mins => i)
        FROM generate_series(1, {rows // 2}) AS i;""")


def run(label: str, db_url: str, source: str, total: int) -> None:
    db = open_database(db_url)
    org, _token = AccountService(db).create_org("bench")
    who = AccountService(db).local(org["name"])
    capture = CaptureService(db, max_text_chars=20_000)
    for phase in ("first import", "re-run"):
        started = time.perf_counter()
        report = import_chiroclick(capture, who, source, ImportOptions()).as_dict()["tables"]
        seconds = time.perf_counter() - started
        imported = sum(t["imported"] for t in report.values())
        print(f"{label:<10} {phase:<13} {total:>6} rows read, {imported:>6} imported  "
              f"{seconds:6.2f} s  {total / seconds:8.0f} rows/s")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="ai_feedback rows (ai_suggestions: half)")
    parser.add_argument("--db", choices=("both", "sqlite", "postgresql"), default="both")
    args = parser.parse_args()
    with ExitStack() as stack:
        source = stack.enter_context(chiroclick_database(PG, rows=False))
        fill(source, args.rows)
        total = args.rows + args.rows // 2
        if args.db in ("both", "sqlite"):
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            run("sqlite", f"sqlite:///{Path(folder) / 'bench.db'}", source, total)
        if args.db in ("both", "postgresql"):
            run("postgresql", stack.enter_context(throwaway_postgres(PG)), source, total)


if __name__ == "__main__":
    main()
