"""The export service: preview, create (consented, atomic), list, download and revoke exports.

Create, step by step, and what a crash at each step leaves:

1. Lock the organization's export folder (``flock``; a killed process releases it), sweep debris.
2. Snapshot the input: pending rows with ``id <= max id`` decided before now. Rows logged or decided
   meanwhile are outside the snapshot and stay pending.
3. Stream the snapshot through the pipeline into a hidden ``*.partial`` bundle.   crash: debris only
4. Rename the finished zip into place.   crash: a zip no batch row names: swept as debris, never listed
5. One transaction: consent, batch row, quarantine list, and ``export_batch_id`` on exactly the
   suggestions written. If any of them is no longer pending the transaction rolls back (409) and the
   zip is deleted.   crash: rollback, as in 4

The database is the truth: a bundle exists for the API and CLI only once its batch row is committed.
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tilbake.audit import service as audit
from tilbake.capture.repository import SuggestionFilter, SuggestionRepository
from tilbake.capture.types import known_types
from tilbake.errors import ConflictError, ExportError, NotFoundError, ValidationError
from tilbake.export import manifest
from tilbake.export.anonymize import Anonymizer
from tilbake.export.bundle import BundleWriter, sweep_partials
from tilbake.export.hooks import ExportHook
from tilbake.export.leakscan import LeakScanner
from tilbake.export.lock import folder_lock
from tilbake.export.pipeline import Cleaner, ExportPipeline, Outcome
from tilbake.export.repository import ExportRepository
from tilbake.export.request import (
    CONSENT_STATEMENT,
    CONSENT_VERSION,
    REVOKE_ROWS,
    Actor,
    Consent,
    Scope,
    preview_counts,
)
from tilbake.files import private_dir
from tilbake.store import Database, UnitOfWork
from tilbake.store.clock import utcnow

_PAGE = 1000


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class ExportService:
    def __init__(
        self,
        db: Database,
        exports_dir: Path,
        anonymizer: Callable[..., Anonymizer],
        scanner: Callable[..., LeakScanner],
        *,
        batch_size: int = 256,
        workers: int = 0,
        cleaner: Callable[..., Callable[[], Cleaner]] | None = None,
        hook: ExportHook | None = None,
    ) -> None:
        """``anonymizer(mode)`` and ``scanner()`` build the de-identification step; with ``workers`` > 0,
        ``cleaner(mode)`` must give a picklable factory for the worker processes. With a ``hook``
        (``export/hooks.py``) each factory also gets the organization's ``hook.factory_args``."""
        self.hook = hook
        self.db, self.exports_dir = db, exports_dir
        self.make_anonymizer, self.make_scanner, self.batch_size = anonymizer, scanner, batch_size
        self.workers, self.make_cleaner = workers, cleaner

    # -- paths, lock, debris ---------------------------------------------------------------------
    def org_dir(self, org_id: int) -> Path:
        return self.exports_dir / str(org_id)

    @contextmanager
    def _locked(self, org_id: int) -> Iterator[Path]:
        folder = private_dir(self.org_dir(org_id))
        with folder_lock(folder):
            yield folder

    def _sweep(self, folder: Path) -> int:
        """Remove partial bundles and zips no complete batch names (caller holds the lock)."""
        removed = sweep_partials(folder)
        with self.db.unit_of_work(write=False) as uow:
            live = uow.repo(ExportRepository).live_files()
        for entry in folder.iterdir():
            if entry.name.startswith("tilbake-export-") and entry.name not in live:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
                removed += 1
        return removed

    def recover(self, org_id: int) -> int:
        """Clear what an interrupted export or revoke left behind; returns entries removed."""
        with self._locked(org_id) as folder:
            return self._sweep(folder)

    # -- preview and create ------------------------------------------------------------------------
    @staticmethod
    def _check_types(uow: UnitOfWork, org_id: int, scope: Scope) -> None:
        """An unknown type in the filter is a mistake, not an empty export: name the known ones."""
        known = known_types(uow, org_id)
        unknown = [t for t in scope.types if t not in known]
        if unknown:
            raise ValidationError(
                f"unknown suggestion type {', '.join(map(repr, unknown))} in the export filter; known "
                f"types: {', '.join(known)}", field="suggestion_types")

    def preview(self, org_id: int, scope: Scope) -> dict[str, Any]:
        """What the next export with this scope would read: the same pending query as create."""
        scope.check()
        with self.db.unit_of_work(write=False) as uow:
            self._check_types(uow, org_id, scope)
            groups = uow.repo(SuggestionRepository).pending_groups(org_id, scope.filter())
        return preview_counts(groups, scope) | {
            "consent": {"statement_version": CONSENT_VERSION, "statement": CONSENT_STATEMENT}
        }

    def sample(self, org_id: int, scope: Scope, n: int = 3) -> list[dict[str, Any]]:
        """Rows of the next export, anonymized and gated exactly as create would (nothing is stored):
        ``{"format", "row"}`` for up to ``n`` rows from the first pending suggestions, one per format
        first so the sample shows each kind."""
        scope.check()
        with self.db.unit_of_work(write=False) as uow:
            repo = uow.repo(SuggestionRepository)
            records = repo.pending_rows(org_id, scope.filter(), 0, repo.max_id(), utcnow(), 4 * n)
        sink = SampleSink()
        pipeline = ExportPipeline(self.make_anonymizer(scope.mode), self.make_scanner(),
                                  batch_size=self.batch_size)
        pipeline.run(records, sink)
        return sink.pick(n)

    def create(
        self,
        actor: Actor,
        consent: Consent,
        scope: Scope,
        *,
        unpacked: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> dict[str, Any]:
        consent.check()
        scope.check()
        given_at = utcnow()
        batch_id, consent_id = uuid.uuid4().hex, uuid.uuid4().hex
        name = f"tilbake-export-{batch_id}"
        with self._locked(actor.org_id) as folder:
            self._sweep(folder)
            with self.db.unit_of_work(write=False) as uow:
                self._check_types(uow, actor.org_id, scope)
                if not uow.repo(SuggestionRepository).pending_groups(actor.org_id, scope.filter()):
                    raise ConflictError(
                        "nothing to export: no decided suggestion in this scope is waiting for export "
                        "(see the preview); no consent was stored")
                max_id = uow.repo(SuggestionRepository).max_id()
            hook = self.hook.for_org(actor.org_id) if self.hook else None
            extra = hook.factory_args if hook else {}
            pipeline = ExportPipeline(
                self.make_anonymizer(scope.mode, **extra),
                self.make_scanner(**extra),
                batch_size=self.batch_size,
                workers=self.workers if self.make_cleaner else 0,
                cleaner_factory=self.make_cleaner(scope.mode, **extra) if self.make_cleaner else None,
            )
            consent_ref = {
                "id": consent_id,
                "statement_version": consent.statement_version,
                "given": given_at.strftime("%Y-%m-%d"),
                "scope": scope.as_json(),
            }
            with BundleWriter(folder, name, unpacked=unpacked) as writer:
                records = self._snapshot(actor.org_id, scope.filter(), max_id, given_at)
                outcome = pipeline.run(hook.records(records) if hook else records, writer, progress)
                if hook:
                    hook.count_held(outcome)
                _refuse_if_empty(outcome)
                body = manifest.build(
                    outcome.tally,
                    rows=writer.rows,
                    duplicates=writer.duplicates,
                    versions=pipeline.anonymizer.versions,
                    mode=scope.mode,
                    consent=consent_ref,
                    export_id=batch_id,
                    created=given_at,
                )
                path = writer.finish(body, manifest.readme(body))
            try:
                self._commit(actor, consent, scope, given_at, batch_id, consent_id, path, body, outcome)
            except BaseException:
                path.unlink(missing_ok=True)
                shutil.rmtree(folder / name, ignore_errors=True)
                raise
        return self.get(actor.org_id, batch_id)

    def _snapshot(
        self, org_id: int, flt: SuggestionFilter, max_id: int, cutoff: datetime
    ) -> Iterator[dict[str, Any]]:
        """Pending rows as they were when the export began, streamed in pages by id."""
        last = 0
        while True:
            with self.db.unit_of_work(write=False) as uow:
                page = uow.repo(SuggestionRepository).pending_rows(org_id, flt, last, max_id, cutoff, _PAGE)
            if not page:
                return
            yield from page
            last = page[-1]["id"]

    def _commit(
        self,
        actor: Actor,
        consent: Consent,
        scope: Scope,
        given_at: datetime,
        batch_id: str,
        consent_id: str,
        path: Path,
        body: dict[str, Any],
        outcome: Outcome,
    ) -> None:
        with self.db.unit_of_work() as uow:
            repo = uow.repo(ExportRepository)
            repo.add_consent(
                {
                    "id": consent_id,
                    "organization_id": actor.org_id,
                    "given_by": consent.given_by,
                    "token_id": actor.token_id,
                    "channel": actor.channel,
                    "given_at": given_at,
                    "statement_version": consent.statement_version,
                    "statement": CONSENT_STATEMENT,
                    "scope": scope.as_json(),
                }
            )
            repo.add_batch(
                {
                    "id": batch_id,
                    "organization_id": actor.org_id,
                    "consent_id": consent_id,
                    "status": "complete",
                    "created_at": given_at,
                    "file_name": path.name,
                    "size_bytes": path.stat().st_size,
                    "sha256": _sha256(path),
                    "suggestions": len(outcome.exported_ids),
                    "manifest": body,
                }
            )
            tied = repo.assign(actor.org_id, outcome.exported_ids, batch_id)
            if tied != len(outcome.exported_ids):
                raise ConflictError(
                    "some suggestions were exported or revoked by another request while this "
                    "export ran; nothing was exported, try again"
                )
            repo.add_quarantine(batch_id, outcome.quarantined)
            audit.record(uow, actor.org_id, actor.token_id, "created", "export", batch_id,
                         len(outcome.exported_ids))

    # -- list, get, download, revoke ---------------------------------------------------------------
    def list(self, org_id: int) -> list[dict[str, Any]]:
        with self.db.unit_of_work(write=False) as uow:
            return [_public(b) for b in uow.repo(ExportRepository).list(org_id)]

    def get(self, org_id: int, batch_id: str) -> dict[str, Any]:
        with self.db.unit_of_work(write=False) as uow:
            repo = uow.repo(ExportRepository)
            batch = repo.get(org_id, batch_id)
            if batch is None:
                raise NotFoundError("no export with this id in this organization")
            quarantined = repo.quarantine(batch_id)
        return _public(batch) | {
            "quarantined": quarantined,
            "consent": {
                "given_by": batch["given_by"],
                "given_at": batch["given_at"],
                "channel": batch["channel"],
                "scope": batch["scope"],
                "statement_version": batch["statement_version"],
            },
        }

    def download(self, org_id: int, batch_id: str, *, token_id: int | None = None) -> Path:
        """The bundle's path; the download is recorded in the audit trail (``token_id`` None: the CLI)."""
        batch = self.get(org_id, batch_id)
        if batch["status"] != "complete":
            raise NotFoundError("this export was revoked; its bundle is deleted")
        path: Path = self.org_dir(org_id) / str(batch["file_name"])
        if not path.is_file():
            raise ExportError("the bundle of this export is missing from the exports folder")
        with self.db.unit_of_work() as uow:
            audit.record(uow, org_id, token_id, "downloaded", "export", batch_id, batch["suggestions"])
        return path

    def revoke(self, org_id: int, batch_id: str, rows: str, *, token_id: int | None = None) -> dict[str, Any]:
        """Delete the bundle; its rows go back to pending, or stay excluded from every later export."""
        if rows not in REVOKE_ROWS:
            raise ValidationError(f"rows must be one of {', '.join(REVOKE_ROWS)}, got {rows!r}", field="rows")
        with self._locked(org_id) as folder:
            with self.db.unit_of_work() as uow:
                repo = uow.repo(ExportRepository)
                if repo.get(org_id, batch_id) is None:
                    raise NotFoundError("no export with this id in this organization")
                if not repo.mark_revoked(org_id, batch_id, rows, utcnow()):
                    raise ConflictError("this export is already revoked")
                released = repo.release(org_id, batch_id) if rows == "pending" else 0
                audit.record(uow, org_id, token_id, "revoked", "export", batch_id, released)
            self._sweep(folder)  # the bundle is no longer live: delete it
        return self.get(org_id, batch_id) | {"released": released}


def _refuse_if_empty(outcome: Outcome) -> None:
    """A bundle without a row helps nobody (and its empty files do not load): refuse it, saying why."""
    if outcome.exported_ids:
        return
    tally = outcome.tally
    why = [f"{n} skipped ({reason})" for reason, n in sorted(tally.skipped.items())]
    if tally.quarantined_suggestions:
        why.append(f"{tally.quarantined_suggestions} kept out by the leak gate")
    raise ConflictError(
        "nothing to export: no suggestion in this scope gave a training row "
        f"({', '.join(why) or 'none read'}); no consent was stored")


class SampleSink:
    """Collects rows in memory instead of writing a bundle (the preview's sample)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, fmt: str, row: dict[str, Any]) -> bool:
        self.rows.append({"format": fmt, "row": row})
        return True

    def pick(self, n: int) -> list[dict[str, Any]]:
        firsts = {r["format"]: r for r in reversed(self.rows)}
        chosen = sorted(firsts.values(), key=self.rows.index)
        chosen += [r for r in self.rows if all(r is not c for c in chosen)]
        return chosen[:n]


def _public(batch: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "status", "created_at", "suggestions", "size_bytes", "sha256", "revoked_at", "revoked_rows")
    out = {k: batch.get(k) for k in keys}
    out["file_name"] = batch.get("file_name")
    counts = batch["manifest"]["counts"]
    out["rows"] = counts["rows"]
    out["quarantined_by_reason"] = counts["quarantined_by_reason"]
    return out
