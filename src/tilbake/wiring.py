"""The one wiring root: settings -> database, installation secret, de-identification engine, services.

The web app, the CLI and batch jobs all start here, so each part is built one way:

    with Services.from_env() as services:       # opens (and migrates) the database
        services.capture.log_suggestion(...)      # capture, accounts, exports: built on first use
        services.engine()                         # the default engine with the shipped model

The engine is loaded once per process (the model takes a while) and shared by every service that
de-identifies; export worker processes build their own through :func:`export_cleaner`, which is
picklable for that reason.
"""

from __future__ import annotations

import json
import os
from functools import cached_property, lru_cache, partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from tilbake.config import Settings

if TYPE_CHECKING:
    from tilbake.accounts.people import PeopleService
    from tilbake.accounts.service import AccountService, Principal
    from tilbake.audit.service import AuditService
    from tilbake.capture.service import CaptureService
    from tilbake.deid.detect.engine import Deidentifier
    from tilbake.deid.detect.rules import Rules
    from tilbake.export.leakscan import LeakScanner
    from tilbake.export.pipeline import Cleaner
    from tilbake.export.service import ExportService
    from tilbake.lifecycle.erasure import ErasureService
    from tilbake.lifecycle.retention import RetentionService
    from tilbake.merge.service import MergeService
    from tilbake.review.loop import RulesService
    from tilbake.review.service import ReviewService
    from tilbake.store import Database


@lru_cache(maxsize=2)
def deid_engine(model: bool = True) -> Deidentifier:
    """The default engine (rules, and the shipped NER model unless ``model`` is false), built once per
    process. The model halves the PHI the rules alone leave on the synthetic notes, for about twice
    the CPU (docs/benchmarks.md)."""
    from tilbake.deid.detect.engine import Deidentifier

    return Deidentifier.default(model=model)


@lru_cache(maxsize=32)
def rules_engine(rules: Rules, model: bool = True) -> Deidentifier:
    """The default engine's detectors (the model loaded once per process) with an organization's own
    rules (``review/rulebook.py``): a new rules version is used at once, by a new engine object."""
    from tilbake.deid.detect.engine import Deidentifier
    from tilbake.deid.detect.rules import Rules

    if rules == Rules():
        return deid_engine(model)
    return Deidentifier(deid_engine(model).detectors, rules)


def org_engine(rules: dict[str, object] | None = None) -> Deidentifier:
    """The default engine, or one with an organization's rules in their JSON form (picklable)."""
    from tilbake.deid.detect.rules import Rules

    return rules_engine(Rules.from_dict(rules)) if rules else deid_engine()


def export_cleaner(mode: str, secret: bytes, rules: dict[str, object] | None = None) -> Cleaner:
    """The export's anonymize-and-scan step on the default engine, or on one with an organization's
    rules (module level: picklable for the export's worker processes, each of which builds its own
    engine once)."""
    from tilbake.export.anonymize import EngineAnonymizer
    from tilbake.export.pipeline import Cleaner

    engine = org_engine(rules)
    return Cleaner(EngineAnonymizer(engine, mode, secret=secret), export_scanner(engine))


def export_scanner(engine: Deidentifier) -> LeakScanner:
    """The export's leak gate: strict patterns, the engine again, and the independent check (built
    differently from the engine, honouring the engine's allow list), so a row the engine misses is
    still quarantined when a listed name, an identifier-shaped number or a date is left in it."""
    from tilbake.export.leakcheck import LeakCheck
    from tilbake.export.leakscan import LEAK_THRESHOLD, LeakScanner

    return LeakScanner(engine, threshold=LEAK_THRESHOLD, independent=LeakCheck(engine.rules.allow))


def merge_service(model: bool = True) -> MergeService:
    """The maintainer's merge: the export's leak gate and (for the legacy file) its anonymizer in tags
    mode, on the default engine; no database."""
    from tilbake.export.anonymize import EngineAnonymizer
    from tilbake.merge.service import MergeService

    return MergeService(
        lambda: export_scanner(deid_engine(model)),
        lambda: EngineAnonymizer(deid_engine(model), "tags"),
        lambda: deid_engine(model).provenance(),
    )


def default_workers() -> int:
    """Export worker processes: one per core, at most four; none on a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if cores < 2 else min(cores, 4)


class Services:
    """Everything built from one Settings; close it (or use ``with``) to release the database."""

    def __init__(self, settings: Settings, db: Database | None = None, *, export_workers: int | None = None
                 ) -> None:
        self.settings = settings
        self._db = db
        self._owns_db = db is None
        self.export_workers = default_workers() if export_workers is None else export_workers

    @property
    def db(self) -> Database:
        """The database, opened (and migrated) on first use: de-identifying needs none."""
        if self._db is None:
            from tilbake.store import open_database

            self._db = open_database(self.settings.database_url)
        return self._db

    @classmethod
    def from_env(cls) -> Services:
        return cls(Settings.from_env())

    def __enter__(self) -> Services:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_db and self._db is not None:
            self._db.dispose()
            self._db = None

    @cached_property
    def secret(self) -> bytes:
        """The installation secret (keyed hashes, surrogates); made once in the data directory."""
        return self.settings.secret()

    @property
    def exports_dir(self) -> Path:
        return self.settings.data_dir / "exports"

    def engine(self, model: bool = True, rules: Path | None = None) -> Deidentifier:
        """The default engine, or one with the user rules of a JSON file (``tilbake deid --rules``)."""
        if rules is None:
            return deid_engine(model)
        from tilbake.deid.detect.engine import Deidentifier
        from tilbake.deid.detect.rules import Rules
        from tilbake.errors import InputError

        try:
            data = json.loads(rules.read_bytes())
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read rules file {rules}: {type(exc).__name__}") from None
        if not isinstance(data, dict):
            raise InputError(f"rules file {rules} must hold a JSON object (allow, deny, context)")
        return Deidentifier.default(Rules.from_dict(data), model=model)

    @cached_property
    def accounts(self) -> AccountService:
        from tilbake.accounts.service import AccountService

        return AccountService(self.db)

    @cached_property
    def people(self) -> PeopleService:
        """Users, passwords and sessions of the pages (its sign-in limiter lives in this process)."""
        from tilbake.accounts.people import PeopleService

        return PeopleService(self.db)

    @cached_property
    def capture(self) -> CaptureService:
        from tilbake.capture.service import CaptureService

        return CaptureService(self.db, self.settings.max_text_chars, self.secret)

    @cached_property
    def exports(self) -> ExportService:
        from tilbake.export.anonymize import EngineAnonymizer
        from tilbake.export.service import ExportService
        from tilbake.review.release import ExportRelease

        secret = self.secret
        return ExportService(
            self.db,
            self.exports_dir,
            lambda mode, rules=None: EngineAnonymizer(org_engine(rules), mode, secret=secret),
            lambda rules=None: export_scanner(org_engine(rules)),
            workers=self.export_workers,
            cleaner=lambda mode, rules=None: partial(export_cleaner, mode, secret, rules),
            hook=ExportRelease(self.db),  # the organization's rules; quarantined rows after review
        )

    @cached_property
    def audit(self) -> AuditService:
        from tilbake.audit.service import AuditService

        return AuditService(self.db)

    @cached_property
    def erasure(self) -> ErasureService:
        from tilbake.lifecycle.erasure import ErasureService

        return ErasureService(self.db, self.exports_dir)

    @cached_property
    def retention(self) -> RetentionService:
        from tilbake.lifecycle.retention import RetentionService

        return RetentionService(self.db)

    @cached_property
    def review(self) -> ReviewService:
        from tilbake.review.service import ReviewService

        return ReviewService(self.db, self.secret, rules_engine, max_text_chars=self.settings.max_text_chars)

    @cached_property
    def rules(self) -> RulesService:
        from tilbake.review.loop import RulesService

        return RulesService(self.db, self.secret, rules_engine)

    def local(self, org_name: str) -> Principal:
        """An organization named by a local operator (the CLI), as a caller of the services."""
        return self.accounts.local(org_name)
