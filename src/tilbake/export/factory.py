"""Wiring: the export service with the real de-identification engine, from settings."""

from __future__ import annotations

from tilbake.config import Settings
from tilbake.export.anonymize import Anonymizer
from tilbake.export.leakscan import LeakScanner
from tilbake.export.service import ExportService
from tilbake.store import Database


def build_service(settings: Settings, db: Database) -> ExportService:
    from tilbake.export import engine

    def anonymizer(mode: str) -> Anonymizer:
        return engine.EngineAnonymizer(engine.load(), mode, secret=settings.secret())

    def scanner() -> LeakScanner:
        return LeakScanner(engine.load(), threshold=engine.LEAK_THRESHOLD)

    return ExportService(db, settings.data_dir / "exports", anonymizer, scanner)
