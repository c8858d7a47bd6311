"""Retention and erasure at scale: how long pruning and erasing take on a filled database.

Fills one organization with N decided suggestions (half of them older than the default retention
period) on a fresh SQLite file and on a throwaway PostgreSQL database (TILBAKE_TEST_PG_URL, default
postgres on 127.0.0.1:5432), then times, in the process's CPU and wall clock:

  prune, nothing due   what every service start costs when no text is past its period
  prune, half due      removing the raw text of N/2 rows
  erase encounter      one encounter's rows (index-less lookup by encounter_id)
  erase before date    every row created before a date

    python bench/bench_lifecycle.py --n 100000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tilbake.accounts.service import AccountService  # noqa: E402
from tilbake.capture.repository import Selection, SuggestionRepository  # noqa: E402
from tilbake.lifecycle.erasure import ErasureService  # noqa: E402
from tilbake.lifecycle.retention import DEFAULT_TEXT_RETENTION_DAYS, RetentionService  # noqa: E402
from tilbake.store import open_database  # noqa: E402
from tilbake.store.testing import DEFAULT_PG_URL, postgres_reachable, throwaway_postgres  # noqa: E402

TEXT = "Hjemmeøvelser for korsrygg daglig, kontroll om to uker. " * 4


def fill(db, org_id: int, n: int, *, old_share: float) -> None:
    now = datetime.now(UTC)
    old = now - timedelta(days=DEFAULT_TEXT_RETENTION_DAYS + 30)
    values = {"suggestion_type": "soap_plan", "original_suggestion": TEXT, "user_correction": TEXT,
              "correction_type": "minor_edit", "accepted": True, "context_data": {"chief_complaint": "rygg"},
              "session_id": "s"}
    for start in range(0, n, 5000):
        rows = []
        for i in range(start, min(n, start + 5000)):
            when = old if i < n * old_share else now
            rows.append((f"p{i}", {**values, "encounter_id": f"enc-{i // 4}"}, when, when))
        with db.unit_of_work() as uow:
            uow.repo(SuggestionRepository).insert_new(org_id, rows)


def timed(label: str, action) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    result = action()
    print(f"  {label:<22} {time.perf_counter() - wall:8.3f} s wall  {time.process_time() - cpu:7.3f} s CPU"
          f"  -> {result}")


def run(url: str, n: int) -> None:
    db = open_database(url)
    try:
        org, _ = AccountService(db).create_org(f"bench-{uuid.uuid4().hex[:8]}")
        fill(db, org["id"], n, old_share=0.5)
        retention, erasure = RetentionService(db), ErasureService(db, Path(tempfile.mkdtemp()))
        timed("prune, half due", lambda: sum(retention.prune().values()))
        timed("prune, nothing due", lambda: sum(retention.prune().values()))
        timed("erase encounter", lambda: erasure.erase(org["id"], Selection(encounter_id="enc-7"))["deleted"])
        cutoff = datetime.now(UTC) - timedelta(days=1)
        timed("erase before date", lambda: erasure.erase(org["id"], Selection(before=cutoff))["deleted"])
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    with ExitStack() as stack:
        if args.db in ("sqlite", "both"):
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            print(f"SQLite, {args.n} suggestions")
            run(f"sqlite:///{folder}/bench.db", args.n)
        if args.db in ("postgresql", "both"):
            pg = os.environ.get("TILBAKE_TEST_PG_URL", DEFAULT_PG_URL)
            if problem := postgres_reachable(pg):
                sys.exit(f"PostgreSQL is not reachable: {problem}")
            print(f"PostgreSQL, {args.n} suggestions")
            run(stack.enter_context(throwaway_postgres(pg, prefix="tilbake_bench")), args.n)


if __name__ == "__main__":
    main()
