"""Wiring: the export service with the real de-identification engine, from settings.

The anonymize-and-scan step runs in worker processes (one per core, at most four) when the machine
has more than one core; the bundle is the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial

from tilbake.config import Settings
from tilbake.export.anonymize import Anonymizer
from tilbake.export.leakscan import LeakScanner
from tilbake.export.pipeline import Cleaner
from tilbake.export.service import ExportService
from tilbake.store import Database


def default_workers() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if cores < 2 else min(cores, 4)


def build_service(settings: Settings, db: Database, *, workers: int | None = None) -> ExportService:
    from tilbake.export import engine

    secret = settings.secret()

    def anonymizer(mode: str) -> Anonymizer:
        return engine.EngineAnonymizer(engine.load(), mode, secret=secret)

    def scanner() -> LeakScanner:
        return LeakScanner(engine.load(), threshold=engine.LEAK_THRESHOLD)

    def cleaner(mode: str) -> Callable[[], Cleaner]:
        return partial(engine.make_cleaner, mode, secret)

    return ExportService(
        db,
        settings.data_dir / "exports",
        anonymizer,
        scanner,
        workers=default_workers() if workers is None else workers,
        cleaner=cleaner,
    )
