"""Child process for the kill-mid-export test: runs one export and freezes at a named point.

    python kill_child.py DB_URL EXPORTS_DIR ORG_ID POINT READY_FILE [WORKERS]

At POINT it writes READY_FILE and sleeps, waiting for the parent's SIGKILL. The points are reached by
wrapping library functions here, so the code under test carries no test hooks.
"""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path

from export_fixtures import fake_cleaner, fake_deid

from tilbake.export.anonymize import CallableAnonymizer
from tilbake.export.leakscan import LeakScanner
from tilbake.export.repository import ExportRepository
from tilbake.export.request import Actor, Consent, Scope
from tilbake.export.service import ExportService
from tilbake.store import open_database

url, exports, org_id, point, ready = (
    sys.argv[1],
    Path(sys.argv[2]),
    int(sys.argv[3]),
    sys.argv[4],
    Path(sys.argv[5]),
)
workers = int(sys.argv[6]) if len(sys.argv) > 6 else 0


def freeze() -> None:
    ready.write_text(point)
    time.sleep(120)
    sys.exit(3)  # not killed: the parent fails on this exit code


def wrap(owner: object, name: str, *, before: bool = True, nth: int = 1) -> None:
    original = getattr(owner, name)
    calls = [0]

    def wrapper(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        if before and calls[0] == nth:
            freeze()
        result = original(*args, **kwargs)
        if not before and calls[0] == nth:
            freeze()
        return result

    setattr(owner, name, wrapper)


progress = None
if point == "streaming":
    progress = lambda n: freeze()  # noqa: E731 - after the first batch was written
elif point == "streaming_late":
    seen = [0]

    def progress(n: int) -> None:  # after the fourth batch: the workers have more in flight
        seen[0] += 1
        if seen[0] == 4:
            freeze()
elif point == "zipping":
    wrap(zipfile.ZipFile, "write", nth=3)  # two files in the zip, the third not yet
elif point == "renamed":
    wrap(ExportService, "_commit")  # the zip is in place, nothing committed yet
elif point == "in_transaction":
    wrap(ExportRepository, "add_quarantine")  # rows marked inside the open transaction
elif point != "none":
    raise SystemExit(f"unknown point {point}")

db = open_database(url)
service = ExportService(
    db, exports, lambda mode: CallableAnonymizer(fake_deid, mode=mode), LeakScanner, batch_size=5,
    workers=workers, cleaner=(lambda mode: fake_cleaner) if workers else None,
)
service.create(
    Actor(org_id, channel="cli"), Consent(given_by="Kari Lege", agree=True), Scope(), progress=progress
)
ready.write_text("finished")
