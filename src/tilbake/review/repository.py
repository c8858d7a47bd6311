"""The review area's SQL: items and corrections, FeedbackEvents and retention, rules versions.

Reach them as ``uow.repo(ReviewRepository)``, ``uow.repo(FeedbackRepository)``, ``uow.repo(RulesRepository)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from tilbake.capture.tables import suggestions
from tilbake.export.tables import export_quarantine
from tilbake.review.tables import (
    feedback_events,
    review_corrections,
    review_items,
    review_settings,
    rules_versions,
)
from tilbake.store.clock import aware


def _aware(row: Mapping[Any, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("created_at", "reviewed_at"):
        if key in out:
            out[key] = aware(out[key])
    return out


class ReviewRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_item(self, values: Mapping[str, Any]) -> None:
        self.conn.execute(insert(review_items).values(**values))

    def item(self, org_id: int, item_id: str, *, lock: bool = False) -> dict[str, Any] | None:
        """One item; ``lock`` holds its row until the transaction ends (PostgreSQL: concurrent
        corrections of one item queue, so their group numbers never collide; SQLite writers queue anyway)."""
        t = review_items
        query = select(t).where(t.c.organization_id == org_id, t.c.id == item_id)
        row = self.conn.execute(query.with_for_update() if lock else query).mappings().first()
        return _aware(row) if row else None

    def items(self, org_id: int, status: str | None, limit: int) -> list[dict[str, Any]]:
        t = review_items
        cols = [c for c in t.c if c.name not in ("text", "explanations")]
        query = select(*cols).where(t.c.organization_id == org_id)
        if status:
            query = query.where(t.c.status == status)
        query = query.order_by(t.c.created_at.desc(), t.c.id).limit(limit)
        return [_aware(r) for r in self.conn.execute(query).mappings()]

    def with_text(self, org_id: int, *, reviewed_only: bool = True) -> list[dict[str, Any]]:
        """Items with their text (replay, training data), oldest first; reviewed ones unless told."""
        t = review_items
        query = select(t).where(t.c.organization_id == org_id).order_by(t.c.created_at, t.c.id)
        if reviewed_only:
            query = query.where(t.c.status == "reviewed")
        return [_aware(r) for r in self.conn.execute(query).mappings()]

    def set_status(self, org_id: int, item_id: str, status: str, when: datetime | None,
                   acceptance: Mapping[str, Any] | None) -> None:
        t = review_items
        self.conn.execute(update(t).where(t.c.organization_id == org_id, t.c.id == item_id)
                          .values(status=status, reviewed_at=when, acceptance=acceptance))

    def corrections(self, item_id: str) -> list[dict[str, Any]]:
        c = review_corrections
        query = select(c).where(c.c.item_id == item_id, c.c.undone.is_(False)).order_by(c.c.id)
        return [dict(r) for r in self.conn.execute(query).mappings()]

    def add_corrections(self, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            self.conn.execute(insert(review_corrections), list(rows))

    def next_group(self, item_id: str) -> int:
        c = review_corrections
        return int(self.conn.execute(select(func.coalesce(func.max(c.c.group_no), 0))
                                     .where(c.c.item_id == item_id)).scalar_one()) + 1

    def undo_last(self, item_id: str, groups: int) -> list[int]:
        """Mark the last ``groups`` live correction groups undone; returns their numbers."""
        c = review_corrections
        query = (select(c.c.group_no).where(c.c.item_id == item_id, c.c.undone.is_(False))
                 .group_by(c.c.group_no).order_by(c.c.group_no.desc()).limit(groups))
        numbers = [int(n) for n in self.conn.execute(query).scalars()]
        if numbers:
            self.conn.execute(update(c).where(c.c.item_id == item_id, c.c.group_no.in_(numbers))
                              .values(undone=True))
        return numbers

    def existing(self, org_id: int, suggestion_ids: Sequence[int], source: str) -> set[tuple[int, str]]:
        t = review_items
        query = select(t.c.suggestion_id, t.c.field).where(
            t.c.organization_id == org_id, t.c.source == source, t.c.suggestion_id.in_(list(suggestion_ids)))
        return {(int(r.suggestion_id), str(r.field)) for r in self.conn.execute(query)}

    def quarantined_rows(self, org_id: int, batch_id: str) -> list[dict[str, Any]]:
        """The suggestions an export's leak gate held back, with their free text."""
        q, s = export_quarantine, suggestions
        query = (select(s.c.id, s.c.suggestion_type, s.c.original_suggestion, s.c.user_correction,
                        s.c.context_data)
                 .join(q, q.c.suggestion_id == s.c.id)
                 .where(q.c.export_batch_id == batch_id, s.c.organization_id == org_id).order_by(q.c.id))
        return [dict(r) for r in self.conn.execute(query).mappings()]

    def sample_pending(self, org_id: int, types: Sequence[str], size: int) -> list[dict[str, Any]]:
        """A random sample of decided, pending suggestions (what the next export would read)."""
        s = suggestions
        query = select(s.c.id, s.c.suggestion_type, s.c.original_suggestion, s.c.user_correction,
                       s.c.context_data).where(s.c.organization_id == org_id,
                                               s.c.export_batch_id.is_(None), s.c.decided_at.is_not(None))
        if types:
            query = query.where(s.c.suggestion_type.in_(list(types)))
        return [dict(r) for r in self.conn.execute(query.order_by(func.random()).limit(size)).mappings()]

    def suggestion_items(self, org_id: int, suggestion_ids: Sequence[int]) -> list[dict[str, Any]]:
        t = review_items
        query = select(t.c.suggestion_id, t.c.field, t.c.status, t.c.id, t.c.source).where(
            t.c.organization_id == org_id, t.c.suggestion_id.in_(list(suggestion_ids)))
        return [dict(r) for r in self.conn.execute(query).mappings()]

    def quarantined_ids(self, org_id: int) -> set[int]:
        """Suggestions some export's leak gate held back (for the release check of later exports)."""
        q, s = export_quarantine, suggestions
        query = (select(q.c.suggestion_id).join(s, s.c.id == q.c.suggestion_id)
                 .where(s.c.organization_id == org_id).distinct())
        return {int(i) for i in self.conn.execute(query).scalars()}

    def delete_all(self, org_id: int) -> int:
        t = review_items
        return int(self.conn.execute(delete(t).where(t.c.organization_id == org_id)).rowcount)


class FeedbackRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, rows: Sequence[Mapping[str, Any]], org_id: int) -> None:
        if rows:
            self.conn.execute(insert(feedback_events), [{**r, "organization_id": org_id} for r in rows])

    def remove_groups(self, item_id: str, groups: Sequence[int]) -> int:
        e = feedback_events
        stmt = delete(e).where(e.c.item_id == item_id, e.c.group_no.in_(list(groups)))
        return int(self.conn.execute(stmt).rowcount)

    def count(self, org_id: int) -> int:
        e = feedback_events
        return int(self.conn.execute(select(func.count()).select_from(e)
                                     .where(e.c.organization_id == org_id)).scalar_one())

    def prune(self, org_id: int, older_than: datetime, keep: int) -> dict[str, int]:
        """Delete events before ``older_than``, then the oldest beyond ``keep``."""
        e = feedback_events
        by_age = int(self.conn.execute(delete(e).where(e.c.organization_id == org_id,
                                                       e.c.created_at < older_than)).rowcount)
        excess = self.count(org_id) - keep
        by_count = 0
        if excess > 0:
            oldest = (select(e.c.id).where(e.c.organization_id == org_id)
                      .order_by(e.c.created_at, e.c.id).limit(excess)).scalar_subquery()
            by_count = int(self.conn.execute(delete(e).where(e.c.id.in_(oldest))).rowcount)
        return {"by_age": by_age, "by_count": by_count}

    def delete_all(self, org_id: int) -> int:
        e = feedback_events
        return int(self.conn.execute(delete(e).where(e.c.organization_id == org_id)).rowcount)

    def grouped(self, org_id: int, action: str, keys: Sequence[str], *, lower: str | None = None,
                limit: int | None = None) -> list[dict[str, Any]]:
        """Counts of ``action`` events grouped on ``keys`` (stable: count, then the keys); ``lower``
        names a key grouped case-blind (shown as its first form in sort order)."""
        e = feedback_events
        cols = [func.lower(e.c[k]).label(k) if k == lower else e.c[k] for k in keys]
        shown = [func.min(e.c[lower]).label("shown")] if lower else []
        n = func.count().label("count")
        query = (select(*cols, *shown, n).where(e.c.organization_id == org_id, e.c.action == action)
                 .group_by(*cols).order_by(n.desc(), *cols).limit(limit))
        return [dict(r) for r in self.conn.execute(query).mappings()]

    def events(self, org_id: int) -> list[dict[str, Any]]:
        e = feedback_events
        query = select(e).where(e.c.organization_id == org_id).order_by(e.c.created_at, e.c.id)
        return [_aware(r) for r in self.conn.execute(query).mappings()]

    def acceptance(self, org_id: int) -> list[dict[str, Any]]:
        t = review_items
        query = (select(t.c.reviewed_at, t.c.acceptance)
                 .where(t.c.organization_id == org_id, t.c.status == "reviewed")
                 .order_by(t.c.reviewed_at))
        return [_aware(r) for r in self.conn.execute(query).mappings()]

    def settings(self, org_id: int) -> dict[str, Any] | None:
        s = review_settings
        row = self.conn.execute(select(s).where(s.c.organization_id == org_id)).mappings().first()
        return dict(row) if row else None

    def set_settings(self, org_id: int, max_events: int, max_days: int) -> None:
        s = review_settings
        done = self.conn.execute(update(s).where(s.c.organization_id == org_id)
                                 .values(max_events=max_events, max_days=max_days)).rowcount
        if not done:
            self.conn.execute(insert(s).values(organization_id=org_id, max_events=max_events,
                                               max_days=max_days))


class RulesRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def latest(self, org_id: int) -> dict[str, Any] | None:
        r = rules_versions
        row = self.conn.execute(select(r).where(r.c.organization_id == org_id)
                                .order_by(r.c.version.desc()).limit(1)).mappings().first()
        return _aware(row) if row else None

    def history(self, org_id: int) -> list[dict[str, Any]]:
        r = rules_versions
        query = select(r).where(r.c.organization_id == org_id).order_by(r.c.version.desc())
        return [_aware(row) for row in self.conn.execute(query).mappings()]

    def version(self, org_id: int, version: int) -> dict[str, Any] | None:
        r = rules_versions
        row = self.conn.execute(select(r).where(r.c.organization_id == org_id, r.c.version == version)
                                ).mappings().first()
        return _aware(row) if row else None

    def add(self, values: Mapping[str, Any]) -> None:
        self.conn.execute(insert(rules_versions).values(**values))
