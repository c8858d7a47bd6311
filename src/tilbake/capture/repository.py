"""Suggestions and the decision on each, and the organizations' own suggestion types: capture's SQL.

A suggestion's decision columns stay NULL until the decision arrives; `decided_at` marks it and
makes the first decision win (the update only touches undecided rows). A row is *pending* for
export when it is decided and not yet in an export batch (`export_batch_id` NULL).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    String,
    and_,
    any_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from tilbake.accounts.tables import api_tokens
from tilbake.capture.tables import suggestion_types, suggestions
from tilbake.store.clock import aware, utcnow

SUGGESTION_FIELDS = (
    "suggestion_type", "original_suggestion", "context_data", "confidence_score", "model_name",
    "model_version", "encounter_id", "session_id", "template_id",
)
DECISION_FIELDS = (
    "accepted", "user_correction", "correction_type", "user_rating", "feedback_notes", "time_to_decision",
)
PENDING = "pending"  # the decision filter value for undecided rows
NewRow = tuple[str, Mapping[str, Any], datetime, datetime | None]  # public id, values, created, decided


@dataclass(frozen=True)
class SuggestionFilter:
    types: Sequence[str] = ()
    decisions: Sequence[str] = ()  # correction types, or PENDING for undecided
    since: datetime | None = None  # created_at >= since
    until: datetime | None = None  # created_at < until


@dataclass(frozen=True)
class Selection:
    """Which of an organization's suggestions to erase: every given criterion must match."""

    public_id: str | None = None
    encounter_id: str | None = None
    session_id: str | None = None
    before: datetime | None = None  # created_at < before

    def is_empty(self) -> bool:
        return all(v is None for v in (self.public_id, self.encounter_id, self.session_id, self.before))


# Hot-path statements are built once: building and cache-keying a 20-column insert per call
# costs more CPU than the round trip it makes.
_INSERT_ROW = (*SUGGESTION_FIELDS, *DECISION_FIELDS, "organization_id", "public_id", "created_at",
               "decided_at")
_BY_ID = select(suggestions).where(
    suggestions.c.organization_id == bindparam("org"), suggestions.c.public_id == bindparam("pid"))


@lru_cache(maxsize=2)
def _upsert(dialect_name: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    return (
        dialect.insert(suggestions)
        .values({key: bindparam(key) for key in _INSERT_ROW})
        .on_conflict_do_nothing(index_elements=["organization_id", "public_id"])
        .returning(suggestions.c.public_id)
    )


# The same work scoped by an API token instead of an organization id: the token lookup rides in the
# statement, so the usual request costs one round trip instead of two. A live token is the join
# condition; None back means "no such live token, or no such row" and the caller sorts out which.
_LIVE_TOKEN = and_(api_tokens.c.token_hash == bindparam("token_hash"), api_tokens.c.revoked_at.is_(None))
_BY_TOKEN = (
    select(suggestions)
    .join(api_tokens, api_tokens.c.organization_id == suggestions.c.organization_id)
    .where(_LIVE_TOKEN, suggestions.c.public_id == bindparam("pid"))
)


@lru_cache(maxsize=2)
def _upsert_by_token(dialect_name: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    own = [key for key in _INSERT_ROW if key != "organization_id"]
    source = select(*(bindparam(key, type_=suggestions.c[key].type) for key in own),
                    api_tokens.c.organization_id).where(_LIVE_TOKEN)
    return (
        dialect.insert(suggestions)
        .from_select([*own, "organization_id"], source)
        .on_conflict_do_nothing(index_elements=["organization_id", "public_id"])
        .returning(suggestions.c.organization_id)
    )


_DECIDE = (
    update(suggestions)
    .where(suggestions.c.organization_id == bindparam("org"), suggestions.c.public_id == bindparam("pid"),
           suggestions.c.decided_at.is_(None))
    .values({key: bindparam(f"v_{key}") for key in (*DECISION_FIELDS, "decided_at")})
    .returning(*suggestions.c)
)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


class SuggestionRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, org_id: int, public_id: str, values: Mapping[str, Any], created_at: datetime,
               decided_at: datetime | None = None) -> bool:
        """Insert a suggestion (with its decision when decided_at is given); False if the id exists."""
        decided = decided_at is not None
        row = {key: values.get(key) if decided or key not in DECISION_FIELDS else None for key in _INSERT_ROW}
        row.update(organization_id=org_id, public_id=public_id, created_at=_utc(created_at),
                   decided_at=_utc(decided_at) if decided_at is not None else None)
        return self.conn.execute(_upsert(self.conn.dialect.name), row).first() is not None

    def insert_by_token(self, token_hash: str, public_id: str, values: Mapping[str, Any],
                        created_at: datetime, decided_at: datetime | None = None) -> int | None:
        """`insert` for the organization of a live token: its id when inserted, else None."""
        row = {key: values.get(key) if decided_at or key not in DECISION_FIELDS else None
               for key in _INSERT_ROW if key != "organization_id"}
        row.update(public_id=public_id, created_at=_utc(created_at), token_hash=token_hash,
                   decided_at=_utc(decided_at) if decided_at is not None else None)
        org_id = self.conn.execute(_upsert_by_token(self.conn.dialect.name), row).scalar()
        return int(org_id) if org_id is not None else None

    def get_by_token(self, token_hash: str, public_id: str) -> dict[str, Any] | None:
        """`get` for the organization of a live token."""
        row = self.conn.execute(_BY_TOKEN, {"token_hash": token_hash, "pid": public_id}).mappings().first()
        return _out(row) if row else None

    def insert_new(self, org_id: int, rows: Sequence[NewRow]) -> set[str]:
        """Insert many rows in one statement, skipping ids that exist; the public ids inserted."""
        batch = []
        for public_id, values, created_at, decided_at in rows:
            row = {key: values.get(key) if decided_at or key not in DECISION_FIELDS else None
                   for key in _INSERT_ROW}
            row.update(organization_id=org_id, public_id=public_id, created_at=_utc(created_at),
                       decided_at=_utc(decided_at) if decided_at else None)
            batch.append(row)
        if not batch:
            return set()
        return set(self.conn.execute(_upsert(self.conn.dialect.name), batch).scalars().all())

    def get(self, org_id: int, public_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(_BY_ID, {"org": org_id, "pid": public_id}).mappings().first()
        return _out(row) if row else None

    def get_many(self, org_id: int, public_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The rows of these public ids (those that exist), by public id, in one query."""
        if not public_ids:
            return {}
        c = suggestions.c
        if self.conn.dialect.name == "postgresql":  # one array parameter: 500 scalars cost more to send
            wanted = c.public_id == any_(bindparam("pids", list(public_ids), type_=postgresql.ARRAY(String)))
        else:
            wanted = c.public_id.in_(list(public_ids))
        query = select(suggestions).where(c.organization_id == org_id, wanted)
        return {row["public_id"]: _out(row) for row in self.conn.execute(query).mappings()}

    def decide(self, org_id: int, public_id: str, values: Mapping[str, Any], decided_at: datetime
               ) -> dict[str, Any] | None:
        """Store the decision unless one is stored already; the updated row, or None if none was written."""
        params = {f"v_{key}": values.get(key) for key in DECISION_FIELDS}
        params.update(v_decided_at=_utc(decided_at), org=org_id, pid=public_id)
        row = self.conn.execute(_DECIDE, params).mappings().first()
        return _out(row) if row else None

    def find(self, org_id: int, flt: SuggestionFilter, *, limit: int, before: int | None = None
             ) -> list[dict[str, Any]]:
        """Newest first; `before` is the internal id of the last row of the previous page."""
        query = select(suggestions).where(self._where(org_id, flt))
        if before is not None:
            query = query.where(suggestions.c.id < before)
        rows = self.conn.execute(query.order_by(suggestions.c.id.desc()).limit(limit)).mappings()
        return [_out(row) for row in rows]

    def count(self, org_id: int, flt: SuggestionFilter | None = None) -> int:
        where = self._where(org_id, flt or SuggestionFilter())
        query = select(func.count()).select_from(suggestions).where(where)
        return int(self.conn.execute(query).scalar_one())

    def pending_query(self, org_id: int, flt: SuggestionFilter | None = None) -> Select[Any]:
        """Decided rows of this organization not yet in any export batch (the export helper's input)."""
        return select(suggestions).where(
            self._where(org_id, flt or SuggestionFilter()),
            suggestions.c.decided_at.is_not(None),
            suggestions.c.export_batch_id.is_(None),
            suggestions.c.text_pruned_at.is_(None),
        )

    def pending_page(
        self, org_id: int, flt: SuggestionFilter | None, after_id: int, max_id: int,
        cutoff: datetime, size: int,
    ) -> Select[Any]:
        """One page of pending rows by id (keyset paging; ``ix_suggestions_pending_id`` serves it)."""
        c = suggestions.c
        return (
            self.pending_query(org_id, flt)
            .where(c.id > after_id, c.id <= max_id, c.decided_at <= cutoff)
            .order_by(c.id)
            .limit(size)
        )

    def pending_rows(
        self, org_id: int, flt: SuggestionFilter | None, after_id: int, max_id: int,
        cutoff: datetime, size: int,
    ) -> list[dict[str, Any]]:
        """One page of ``pending_page`` as plain dicts (the export streams them)."""
        query = self.pending_page(org_id, flt, after_id, max_id, cutoff, size)
        return [dict(r) for r in self.conn.execute(query).mappings()]

    def pending_groups(self, org_id: int, flt: SuggestionFilter) -> list[Any]:
        """Pending rows as (type, correction type, corrected, count): what an export preview counts."""
        pending = self.pending_query(org_id, flt).subquery()
        query = select(
            pending.c.suggestion_type,
            pending.c.correction_type,
            (pending.c.user_correction.is_not(None)).label("corrected"),
            func.count().label("n"),
        ).group_by(pending.c.suggestion_type, pending.c.correction_type, "corrected")
        return list(self.conn.execute(query))

    def max_id(self) -> int:
        """The highest row id of any organization: an export's snapshot bound."""
        return int(self.conn.execute(select(func.max(suggestions.c.id))).scalar() or 0)

    def pending_stats(self, org_id: int) -> list[dict[str, Any]]:
        """Pending rows by suggestion type x correction type, with average confidence and rating."""
        pending = self.pending_query(org_id).subquery()
        query = (
            select(
                pending.c.suggestion_type, pending.c.correction_type, func.count().label("count"),
                func.avg(pending.c.confidence_score).label("avg_confidence"),
                func.avg(pending.c.user_rating).label("avg_rating"),
            )
            .group_by(pending.c.suggestion_type, pending.c.correction_type)
            .order_by(pending.c.suggestion_type, pending.c.correction_type)
        )
        return [_floats(dict(row)) for row in self.conn.execute(query).mappings()]

    def assign_batch(self, org_id: int, ids: Sequence[int], batch_id: str) -> int:
        """Mark rows (internal ids) as exported in a batch; only pending rows are touched."""
        stmt = (
            update(suggestions)
            .where(suggestions.c.organization_id == org_id, suggestions.c.id.in_(ids),
                   suggestions.c.export_batch_id.is_(None))
            .values(export_batch_id=batch_id)
        )
        return int(self.conn.execute(stmt).rowcount)

    def daily(self, org_id: int, flt: SuggestionFilter) -> list[dict[str, Any]]:
        """Per UTC day, type and correction type: counts and the sums behind the averages."""
        day = func.date(suggestions.c.created_at).label("day")
        c = suggestions.c
        query = (
            select(
                day, c.suggestion_type, c.correction_type, func.count().label("count"),
                func.sum(c.confidence_score).label("confidence_sum"),
                func.count(c.confidence_score).label("confidence_n"),
                func.sum(c.user_rating).label("rating_sum"), func.count(c.user_rating).label("rating_n"),
                func.sum(c.time_to_decision).label("ttd_sum"), func.count(c.time_to_decision).label("ttd_n"),
            )
            .where(self._where(org_id, flt))
            .group_by(day, c.suggestion_type, c.correction_type)
            .order_by(day, c.suggestion_type)
        )
        out = []
        for row in self.conn.execute(query).mappings():
            item = _floats(dict(row))
            item["day"] = str(row["day"])
            out.append(item)
        return out

    def erase(self, org_id: int, sel: Selection) -> tuple[int, list[str]]:
        """Delete the selected rows (their quarantine entries go with them, by cascade); returns how
        many, and the ids of the export batches that held any of them."""
        if sel.is_empty():
            raise ValueError("an erasure needs at least one criterion")
        c = suggestions.c
        clauses = [c.organization_id == org_id]
        for column, value in ((c.public_id, sel.public_id), (c.encounter_id, sel.encounter_id),
                              (c.session_id, sel.session_id)):
            if value is not None:
                clauses.append(column == value)
        if sel.before is not None:
            clauses.append(c.created_at < _utc(sel.before))
        held = select(c.export_batch_id).where(*clauses, c.export_batch_id.is_not(None)).distinct()
        batches = sorted(self.conn.execute(held).scalars())
        deleted = int(self.conn.execute(delete(suggestions).where(*clauses)).rowcount)
        return deleted, batches

    def orgs_with_text_before(self, cutoff: datetime) -> set[int]:
        """Organizations holding raw text decided (or, never decided, created) before ``cutoff``."""
        c = suggestions.c
        query = select(c.organization_id).where(
            c.text_pruned_at.is_(None), func.coalesce(c.decided_at, c.created_at) < _utc(cutoff)).distinct()
        return {int(org) for org in self.conn.execute(query).scalars()}

    def prune_text(self, org_id: int, older_than: datetime, now: datetime) -> int:
        """Remove the raw text (suggestion, correction, notes, context) of rows decided (or, never
        decided, created) before ``older_than``; the decision and its numbers stay for the reports."""
        c = suggestions.c
        stmt = (
            update(suggestions)
            .where(c.organization_id == org_id, c.text_pruned_at.is_(None),
                   func.coalesce(c.decided_at, c.created_at) < _utc(older_than))
            .values(original_suggestion="", user_correction=None, feedback_notes=None, context_data=None,
                    text_pruned_at=_utc(now))
        )
        return int(self.conn.execute(stmt).rowcount)

    @staticmethod
    def _where(org_id: int, flt: SuggestionFilter) -> Any:
        c = suggestions.c
        clauses = [c.organization_id == org_id]
        if flt.types:
            clauses.append(c.suggestion_type.in_(list(flt.types)))
        if flt.decisions:
            classes = [d for d in flt.decisions if d != PENDING]
            either = [c.correction_type.in_(classes)] if classes else []
            if PENDING in flt.decisions:
                either.append(c.decided_at.is_(None))
            clauses.append(or_(*either))
        if flt.since is not None:
            clauses.append(c.created_at >= _utc(flt.since))
        if flt.until is not None:
            clauses.append(c.created_at < _utc(flt.until))
        return and_(*clauses)


def _out(row: Mapping[Any, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("created_at", "decided_at"):
        out[key] = aware(out[key])
    return out


def _floats(row: dict[str, Any]) -> dict[str, Any]:
    # PostgreSQL returns Decimal for avg/sum; callers want plain numbers.
    for key, value in row.items():
        if value is not None and type(value).__name__ == "Decimal":
            row[key] = float(value)
    return row


class TypeRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, org_id: int, name: str, description: str | None) -> None:
        self.conn.execute(
            insert(suggestion_types).values(
                organization_id=org_id, name=name, description=description, created_at=utcnow()
            )
        )

    def exists(self, org_id: int, name: str) -> bool:
        query = select(suggestion_types.c.id).where(
            suggestion_types.c.organization_id == org_id, suggestion_types.c.name == name
        )
        return self.conn.execute(query).first() is not None

    def list(self, org_id: int) -> list[dict[str, Any]]:
        query = (
            select(suggestion_types.c.name, suggestion_types.c.description)
            .where(suggestion_types.c.organization_id == org_id)
            .order_by(suggestion_types.c.name)
        )
        return [dict(row) for row in self.conn.execute(query).mappings()]
