"""The capture service: log suggestions, record decisions, list them, and report on them.

Each call is one unit of work, authentication included (a token resolves to its organization inside
the same transaction), so nothing is half-written and a request costs one pool checkout. Rows of
another organization are simply not found.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import orjson

from tilbake.accounts.service import Principal, authenticate, check_token_shape, hash_token
from tilbake.capture import decisions as dec
from tilbake.capture.cursors import Cursors
from tilbake.capture.repository import (
    DECISION_FIELDS,
    SUGGESTION_FIELDS,
    NewRow,
    SuggestionFilter,
    SuggestionRepository,
)
from tilbake.capture.schemas import CONTEXT_MAX_BYTES, TEXT_FIELDS, DecisionIn, FeedbackIn, SuggestionIn
from tilbake.capture.types import DEFAULT_TYPES, add_type, check_type, list_types
from tilbake.errors import ConflictError, NotFoundError, ValidationError
from tilbake.store import Database, UnitOfWork
from tilbake.store.clock import utcnow

T = TypeVar("T")
PUBLIC_FIELDS = ("id", *SUGGESTION_FIELDS, *DECISION_FIELDS, "created_at", "decided_at")


@dataclass(frozen=True)
class ApiToken:
    """A bearer token as received; resolved to a Principal inside the unit of work."""

    value: str | None = field(repr=False)


Caller = Principal | ApiToken


def _rows(uow: UnitOfWork) -> SuggestionRepository:
    return uow.repo(SuggestionRepository)


def caller_org_id(uow: UnitOfWork, who: Caller) -> int:
    """The organization of a caller (a resolved Principal, or a token looked up in this unit of work)."""
    return who.org_id if isinstance(who, Principal) else authenticate(uow, who.value).org_id


def public(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored row as clients see it: `id` is the public id; internal columns stay inside."""
    out = {key: row.get(key) for key in PUBLIC_FIELDS if key != "id"}
    return {"id": row["public_id"], **out}


class CaptureService:
    def __init__(self, db: Database, max_text_chars: int, secret: bytes = b"") -> None:
        self.db = db
        self.max_text_chars = max_text_chars
        self.cursors = Cursors(secret)  # keyed by the installation secret: cursors hide row ids

    def _check_sizes(self, record: SuggestionIn | DecisionIn) -> None:
        for name in TEXT_FIELDS:
            value = getattr(record, name, None)
            if value is not None and len(value) > self.max_text_chars:
                raise ValidationError(
                    f"{name} is {len(value)} characters long; the limit is {self.max_text_chars} "
                    "(TILBAKE_MAX_TEXT_CHARS)", field=name)
        context = getattr(record, "context_data", None)
        too_big = context is not None and len(orjson.dumps(context, option=orjson.OPT_NON_STR_KEYS))
        if too_big and too_big > CONTEXT_MAX_BYTES:
            raise ValidationError(f"context_data is larger than {CONTEXT_MAX_BYTES} bytes as JSON",
                                  field="context_data")

    @staticmethod
    def _decision(original: str, d: DecisionIn) -> dict[str, Any]:
        ct = dec.derive_correction_type(original, d.user_correction, d.accepted, d.correction_type)
        values = {key: getattr(d, key) for key in DECISION_FIELDS}
        values.update(correction_type=ct, accepted=dec.derive_accepted(d.accepted, ct))
        return values

    # One round trip for the usual request: a token caller and no own type to look up. These only
    # succeed for a live token; every other outcome (unknown token, retry, conflict, another
    # organization's id) falls through to the ordinary path, which tells them apart.
    @staticmethod
    def _token_hash(who: Caller) -> str | None:
        if not isinstance(who, ApiToken):
            return None
        check_token_shape(who.value)
        return hash_token(who.value or "")

    def _insert_by_token(self, uow: UnitOfWork, who: Caller, stype: str, public_id: str,
                         values: Mapping[str, Any], created_at: datetime, decided_at: datetime | None = None
                         ) -> bool:
        token_hash = self._token_hash(who)
        if token_hash is None or stype not in DEFAULT_TYPES:
            return False
        org = _rows(uow).insert_by_token(token_hash, public_id, values, created_at, decided_at)
        return org is not None

    def log_suggestion(self, who: Caller, s: SuggestionIn) -> dict[str, Any]:
        """Store a suggestion; returns {"id", "created"} (created false: an identical retry)."""
        self._check_sizes(s)
        values = s.model_dump(include=set(SUGGESTION_FIELDS))
        public_id, created_at = s.id or uuid.uuid4().hex, s.created_at or utcnow()
        with self.db.unit_of_work(atomic=False) as uow:
            if self._insert_by_token(uow, who, s.suggestion_type, public_id, values, created_at):
                return {"id": public_id, "created": True}
            org = caller_org_id(uow, who)
            check_type(uow, org, s.suggestion_type)
            if _rows(uow).insert(org, public_id, values, created_at):
                return {"id": public_id, "created": True}
            self._same_or_conflict(_rows(uow).get(org, public_id), values, SUGGESTION_FIELDS, public_id)
        return {"id": public_id, "created": False}

    def decide(self, who: Caller, public_id: str, d: DecisionIn) -> dict[str, Any]:
        """Record the decision; an identical retry answers the stored one, a different one ConflictError."""
        self._check_sizes(d)
        with self.db.unit_of_work(atomic=False) as uow:
            token_hash = self._token_hash(who)
            row = _rows(uow).get_by_token(token_hash, public_id) if token_hash else None
            if row is None:
                row = _rows(uow).get(caller_org_id(uow, who), public_id)
                if row is None:
                    raise NotFoundError("no suggestion with this id in this organization")
            org = row["organization_id"]
            values = self._decision(row["original_suggestion"], d)
            stored = None
            if row["decided_at"] is None:
                stored = _rows(uow).decide(org, public_id, values, d.decided_at or utcnow())
            created = stored is not None
            if stored is None:  # decided before (or just now, by a concurrent request)
                stored = _rows(uow).get(org, public_id)
                self._same_or_conflict(stored, values, DECISION_FIELDS, public_id, what="decision")
        assert stored is not None
        return {**public(stored), "created": created}

    def feedback(self, who: Caller, f: FeedbackIn) -> dict[str, Any]:
        """Suggestion and decision in one call; idempotent on a client-chosen id."""
        self._check_sizes(f)
        values = {**f.model_dump(include=set(SUGGESTION_FIELDS)), **self._decision(f.original_suggestion, f)}
        now = utcnow()
        public_id, created_at, decided_at = f.id or uuid.uuid4().hex, f.created_at or now, f.decided_at or now
        with self.db.unit_of_work(atomic=False) as uow:
            created = self._insert_by_token(uow, who, f.suggestion_type, public_id, values, created_at,
                                            decided_at)
            if not created:
                org = caller_org_id(uow, who)
                check_type(uow, org, f.suggestion_type)
                created = _rows(uow).insert(org, public_id, values, created_at, decided_at)
            if not created:
                fields = (*SUGGESTION_FIELDS, *DECISION_FIELDS)
                self._same_or_conflict(_rows(uow).get(org, public_id), values, fields, public_id)
        return {"id": public_id, "correction_type": values["correction_type"], "created": created}

    def feedback_batch(self, who: Caller, records: Sequence[FeedbackIn]) -> list[dict[str, Any]]:
        """Many suggestion+decision records in one transaction: all stored, or none (any error)."""
        now = utcnow()
        rows: list[NewRow] = []
        ids = [f.id for f in records if f.id]
        if len(ids) != len(set(ids)):
            raise ValidationError("a batch holds each id at most once", field="items")
        with self.db.unit_of_work() as uow:
            org = caller_org_id(uow, who)
            for name in {f.suggestion_type for f in records}:
                check_type(uow, org, name)
            for f in records:
                self._check_sizes(f)
                values = f.model_dump(include=set(SUGGESTION_FIELDS))
                values.update(self._decision(f.original_suggestion, f))
                rows.append((f.id or uuid.uuid4().hex, values, f.created_at or now, f.decided_at or now))
            inserted = _rows(uow).insert_new(org, rows)
            fields = (*SUGGESTION_FIELDS, *DECISION_FIELDS)
            for public_id, sent, _created, _decided in rows:
                if public_id not in inserted:  # a retry of a stored record, or a clash
                    self._same_or_conflict(_rows(uow).get(org, public_id), sent, fields, public_id)
        return [{"id": pid, "correction_type": sent["correction_type"], "created": pid in inserted}
                for pid, sent, _c, _d in rows]

    def import_feedback(self, who: Caller, records: Iterable[FeedbackIn | SuggestionIn]) -> int:
        """Store many records in one transaction (all or nothing); undecided ones are SuggestionIn."""
        now = utcnow()
        rows: list[NewRow] = []
        with self.db.unit_of_work() as uow:
            org = caller_org_id(uow, who)
            for record in records:
                self._check_sizes(record)
                check_type(uow, org, record.suggestion_type)
                values = record.model_dump(include=set(SUGGESTION_FIELDS))
                decided_at = None
                if isinstance(record, FeedbackIn):
                    values.update(self._decision(record.original_suggestion, record))
                    decided_at = record.decided_at or now
                rows.append((record.id or uuid.uuid4().hex, values, record.created_at or now, decided_at))
            _rows(uow).insert_new(org, rows)
        return len(rows)

    def import_new(self, who: Caller, records: Sequence[FeedbackIn | SuggestionIn]) -> dict[str, str]:
        """Store the records whose ids are new, in one transaction; stored ones stay as they are.

        Each record carries its source's id, so a re-run finds it. Answers, per id: "created",
        "unchanged", "changed" (the stored record differs from this one; kept as stored) or
        "invalid <field>" (too long, an unknown class or an unregistered type: that record is not
        stored, the others are).
        """
        now = utcnow()
        rows: list[NewRow] = []
        outcome: dict[str, str] = {}
        with self.db.unit_of_work() as uow:
            org = caller_org_id(uow, who)
            registered: dict[str, bool] = {}
            for record in records:
                assert record.id, "an imported record carries its source id"
                try:
                    values = self._import_values(uow, org, record, registered)
                except ValidationError as exc:
                    outcome[record.id] = f"invalid {exc.field or 'record'}"
                    continue
                decided_at = (record.decided_at or now) if isinstance(record, FeedbackIn) else None
                rows.append((record.id, values, record.created_at or now, decided_at))
            # look first: a re-run then sends no insert at all (the insert still skips any id a
            # concurrent import stored meanwhile)
            stored = _rows(uow).get_many(org, [row[0] for row in rows])
            inserted = _rows(uow).insert_new(org, [row for row in rows if row[0] not in stored])
            raced = [r[0] for r in rows if r[0] not in stored and r[0] not in inserted]
            stored.update(_rows(uow).get_many(org, raced))
            for public_id, values, _created, decided_at in rows:
                outcome[public_id] = "created" if public_id in inserted else _compare(
                    stored.get(public_id, {}), values, decided_at)
        return outcome

    def _import_values(self, uow: UnitOfWork, org: int, record: FeedbackIn | SuggestionIn,
                       registered: dict[str, bool]) -> dict[str, Any]:
        """The values to store, or ValidationError; type lookups are cached for the batch."""
        self._check_sizes(record)
        name = record.suggestion_type
        if name not in registered:
            try:
                check_type(uow, org, name)
                registered[name] = True
            except ValidationError:
                registered[name] = False
        if not registered[name]:
            raise ValidationError("suggestion_type is not registered", field="suggestion_type")
        values = record.model_dump(include=set(SUGGESTION_FIELDS))
        if isinstance(record, FeedbackIn):
            values.update(self._decision(record.original_suggestion, record))
        return values

    @staticmethod
    def _same_or_conflict(row: Mapping[str, Any] | None, values: Mapping[str, Any], fields: tuple[str, ...],
                          public_id: str, what: str = "suggestion") -> None:
        if row is None:
            raise NotFoundError("no suggestion with this id in this organization")
        differing = [name for name in fields if row.get(name) != values.get(name)]
        if differing:
            raise ConflictError(
                f"a suggestion with this id already has a different {what} stored "
                f"(differs in: {', '.join(differing)})")

    def list_suggestions(self, who: Caller, flt: SuggestionFilter, *, limit: int = 50,
                         cursor: str | None = None) -> dict[str, Any]:
        """One page, newest first; pass `next_cursor` back to get the next one."""
        with self.db.unit_of_work(write=False, atomic=False) as uow:
            org = caller_org_id(uow, who)
            rows = _rows(uow).find(org, flt, limit=limit + 1, before=self.cursors.decode(org, cursor))
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = self.cursors.encode(org, rows[-1]["id"]) if more and rows else None
        return {"items": [public(row) for row in rows], "next_cursor": next_cursor}

    def get_suggestion(self, who: Caller, public_id: str) -> dict[str, Any]:
        with self.db.unit_of_work(write=False, atomic=False) as uow:
            row = _rows(uow).get(caller_org_id(uow, who), public_id)
        if row is None:
            raise NotFoundError("no suggestion with this id in this organization")
        return public(row)

    def with_org(self, who: Caller, action: Callable[[UnitOfWork, int], T]) -> T:
        """Run `action(uow, org_id)` for the caller's organization in one read transaction."""
        with self.db.unit_of_work(write=False, atomic=False) as uow:
            return action(uow, caller_org_id(uow, who))

    def types(self, who: Caller) -> list[dict[str, str | bool | None]]:
        """The suggestion types the organization may log: the defaults and its own."""
        return self.with_org(who, list_types)

    def add_type(self, who: Caller, name: str, description: str | None = None) -> None:
        """Register a suggestion type of the organization's own."""
        with self.db.unit_of_work() as uow:
            add_type(uow, caller_org_id(uow, who), name, description)

    def export_stats(self, who: Caller) -> dict[str, Any]:
        """Examples pending export (decided, in no export batch) by type x decision."""
        with self.db.unit_of_work(write=False, atomic=False) as uow:
            groups = _rows(uow).pending_stats(caller_org_id(uow, who))
        return {"pending_total": sum(g["count"] for g in groups), "groups": groups}

    def daily_metrics(self, who: Caller, flt: SuggestionFilter) -> dict[str, Any]:
        from tilbake.capture.metrics import fold_daily

        with self.db.unit_of_work(write=False, atomic=False) as uow:
            rows = _rows(uow).daily(caller_org_id(uow, who), flt)
        return {"days": fold_daily(rows)}


def _compare(stored: Mapping[str, Any], values: Mapping[str, Any], decided_at: datetime | None) -> str:
    fields = SUGGESTION_FIELDS + (DECISION_FIELDS if decided_at else ())
    same = all(stored.get(n) == values.get(n) for n in fields)
    return "unchanged" if same and (stored.get("decided_at") is None) == (decided_at is None) else "changed"

