"""Feedback summary over 100,000 FeedbackEvents: the time ``summarize()`` takes (target: under 2 s).

Fills one organization with N synthetic events (a mix of false positives, misses and retypes over a
few hundred distinct texts and patterns, as a busy practice would log them) on a fresh SQLite file and,
unless --db sqlite, a throwaway PostgreSQL database; then times the summary a few times.

    python bench/bench_review_aggregate.py                  # 100,000 events, both databases
    python bench/bench_review_aggregate.py --events 20000 --db sqlite
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tilbake.accounts.service import AccountService  # noqa: E402
from tilbake.review.aggregate import summarize  # noqa: E402
from tilbake.review.repository import FeedbackRepository  # noqa: E402
from tilbake.store import open_database  # noqa: E402
from tilbake.store.clock import utcnow  # noqa: E402
from tilbake.store.testing import DEFAULT_PG_URL, throwaway_postgres  # noqa: E402

ACTIONS = ("mark_as_not_pii", "mark_as_pii", "mark_as_pii", "change_entity_type")
LABELS = ("PERSON", "ORG", "LOCATION", "ID", "DATE")
CUES = ("i firmaet", "jobber på", "ringte fra", "henvist til", "", "kontroll hos")


def _event(rng: random.Random, n: int) -> dict[str, object]:
    action, label = rng.choice(ACTIONS), rng.choice(LABELS)
    k = rng.randrange(300)
    entity = {"label": label, "start": 10, "end": 20, "confidence": 0.8}
    original = None if action == "mark_as_pii" else entity
    updated = None if action == "mark_as_not_pii" else {**entity, "label": rng.choice(LABELS)}
    return {
        "id": uuid.uuid4().hex, "created_at": utcnow() - timedelta(minutes=n), "source": "submitted",
        "item_id": None, "group_no": 1, "doc_hash": f"{k:064x}", "document_type": "note", "language": "nb",
        "action": action,
        **{f"original_{key}": (original or {}).get(key) for key in ("label", "start", "end", "confidence")},
        **{f"updated_{key}": (updated or {}).get(key) for key in ("label", "start", "end", "confidence")},
        "entity_hash": f"{k * 7919:064x}", "entity_shape": "Xxxxx" + "x" * (k % 5),
        "entity_pattern": ("Xx", "Xx Xx", "d.d.d", "d")[k % 4], "entity_length": 5 + k % 5,
        "entity_text": f"Ord{k}" if action == "mark_as_not_pii" else None,
        "context": "[PERSON] ringte om [ORG] i dag", "cue": CUES[k % len(CUES)],
    }


def run(url: str, events: int, repeat: int) -> None:
    db = open_database(url)
    try:
        org = AccountService(db).create_org(f"bench-{uuid.uuid4().hex[:8]}")[0]["id"]
        rng = random.Random(7)
        t0 = time.perf_counter()
        for start in range(0, events, 5000):
            with db.unit_of_work() as uow:
                rows = [_event(rng, n) for n in range(start, min(events, start + 5000))]
                uow.repo(FeedbackRepository).add(rows, org)
        load = time.perf_counter() - t0
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            with db.unit_of_work(write=False) as uow:
                summary = summarize(uow, org)
            times.append(time.perf_counter() - t0)
        print(f"{db.dialect:10s} events={summary['events']:>7,d} load={load:6.2f}s "
              f"summarize best={min(times):.3f}s worst={max(times):.3f}s "
              f"(top FP count {summary['false_positives'][0]['count']}, "
              f"top miss count {summary['missed_patterns'][0]['count']})")
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", choices=("both", "sqlite", "postgresql"), default="both")
    args = parser.parse_args()
    with ExitStack() as stack:
        if args.db in ("both", "sqlite"):
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            run(f"sqlite:///{folder}/bench.db", args.events, args.repeat)
        if args.db in ("both", "postgresql"):
            server = os.environ.get("TILBAKE_TEST_PG_URL", DEFAULT_PG_URL)
            url = stack.enter_context(throwaway_postgres(server, prefix="tilbake_bench"))
            run(url, args.events, args.repeat)


if __name__ == "__main__":
    main()
