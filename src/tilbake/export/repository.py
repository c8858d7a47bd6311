"""Export batches, consents and quarantine in the database; reach it as ``uow.repo(ExportRepository)``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from tilbake.capture.tables import suggestions
from tilbake.export.tables import export_batches, export_consents, export_quarantine
from tilbake.store.clock import aware

_CHUNK = 900  # ids per IN (...) list: far below SQLite's and PostgreSQL's parameter limits


def _chunks(ids: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _aware(row: Mapping[Any, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("created_at", "revoked_at", "given_at"):
        if key in out:
            out[key] = aware(out[key])
    return out


class ExportRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_consent(self, values: Mapping[str, Any]) -> None:
        self.conn.execute(insert(export_consents).values(**values))

    def add_batch(self, values: Mapping[str, Any]) -> None:
        self.conn.execute(insert(export_batches).values(**values))

    def assign(self, org_id: int, ids: Sequence[int], batch_id: str) -> int:
        """Tie pending suggestions to a batch; returns how many were still pending and got tied."""
        c = suggestions.c
        tied = 0
        for chunk in _chunks(sorted(ids)):
            # the id range lets ix_suggestions_pending_id narrow each chunk: with only the IN list,
            # PostgreSQL after a bulk load (stale statistics) scanned the whole organization per chunk
            stmt = (
                update(suggestions)
                .where(
                    c.organization_id == org_id,
                    c.id.between(chunk[0], chunk[-1]),
                    c.id.in_(chunk),
                    c.export_batch_id.is_(None),
                )
                .values(export_batch_id=batch_id)
            )
            tied += int(self.conn.execute(stmt).rowcount)
        return tied

    def release(self, org_id: int, batch_id: str) -> int:
        """Put a batch's suggestions back to pending."""
        c = suggestions.c
        stmt = (
            update(suggestions)
            .where(c.organization_id == org_id, c.export_batch_id == batch_id)
            .values(export_batch_id=None)
        )
        return int(self.conn.execute(stmt).rowcount)

    def add_quarantine(self, batch_id: str, items: Iterable[tuple[int, Sequence[str]]]) -> None:
        rows = [
            {"export_batch_id": batch_id, "suggestion_id": sid, "reasons": ",".join(reasons)}
            for sid, reasons in items
        ]
        for chunk in _chunks(rows):
            self.conn.execute(insert(export_quarantine), list(chunk))

    def quarantine(self, batch_id: str) -> list[dict[str, Any]]:
        q = export_quarantine
        query = (
            select(suggestions.c.public_id, suggestions.c.suggestion_type, q.c.reasons)
            .join(suggestions, suggestions.c.id == q.c.suggestion_id)
            .where(q.c.export_batch_id == batch_id)
            .order_by(q.c.id)
        )
        return [
            {
                "suggestion_id": r.public_id,
                "suggestion_type": r.suggestion_type,
                "reasons": r.reasons.split(","),
            }
            for r in self.conn.execute(query)
        ]

    def summaries(self, org_id: int, batch_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The exports named, oldest first, as a maintainer identifies them: id, date, status, the
        bundle's sha256 and its manifest's coarse period and counts."""
        b = export_batches
        out: list[dict[str, Any]] = []
        for chunk in _chunks(sorted(batch_ids)):
            query = select(b.c.id, b.c.created_at, b.c.status, b.c.sha256, b.c.file_name, b.c.manifest).where(
                b.c.organization_id == org_id, b.c.id.in_(chunk))
            for row in self.conn.execute(query).mappings():
                man = row["manifest"]
                out.append({"id": row["id"], "created_at": aware(row["created_at"]), "status": row["status"],
                            "sha256": row["sha256"], "file_name": row["file_name"],
                            "period": man.get("period"), "suggestions_exported":
                                man.get("counts", {}).get("suggestions_exported")})
        return sorted(out, key=lambda r: (r["created_at"], r["id"]))

    def count(self, org_id: int) -> int:
        b = export_batches
        return int(self.conn.execute(select(func.count()).where(b.c.organization_id == org_id)).scalar_one())

    def get(self, org_id: int, batch_id: str) -> dict[str, Any] | None:
        b, k = export_batches, export_consents
        query = (
            select(b, k.c.given_by, k.c.given_at, k.c.channel, k.c.scope, k.c.statement_version)
            .join(k, k.c.id == b.c.consent_id)
            .where(b.c.organization_id == org_id, b.c.id == batch_id)
        )
        row = self.conn.execute(query).mappings().first()
        return _aware(row) if row else None

    def list(self, org_id: int) -> list[dict[str, Any]]:
        b, k = export_batches, export_consents
        query = (
            select(
                b.c.id,
                b.c.status,
                b.c.created_at,
                b.c.suggestions,
                b.c.size_bytes,
                b.c.sha256,
                b.c.revoked_at,
                b.c.revoked_rows,
                b.c.manifest,
                k.c.given_by,
                k.c.given_at,
            )
            .join(k, k.c.id == b.c.consent_id)
            .where(b.c.organization_id == org_id)
            .order_by(b.c.created_at.desc(), b.c.id)
        )
        return [_aware(r) for r in self.conn.execute(query).mappings()]

    def mark_revoked(self, org_id: int, batch_id: str, rows: str, when: datetime) -> bool:
        b = export_batches
        stmt = (
            update(b)
            .where(b.c.organization_id == org_id, b.c.id == batch_id, b.c.status == "complete")
            .values(status="revoked", revoked_at=when, revoked_rows=rows)
        )
        return int(self.conn.execute(stmt).rowcount) == 1

    def live_files(self) -> set[str]:
        """File names of every complete batch (anything else in the exports folder is debris)."""
        b = export_batches
        return {r.file_name for r in self.conn.execute(select(b.c.file_name).where(b.c.status == "complete"))}
