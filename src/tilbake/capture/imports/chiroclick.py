"""Import the first client's logged AI interactions: its ``ai_feedback`` and ``ai_suggestions`` tables.

``ai_feedback`` rows carry capture's own snake_case fields and become decided records under their own
id (the id the API's ``/feedback`` would have been sent, so a row posted and imported is one record).
``ai_suggestions`` rows become records under ``ai_suggestions:<id>``: PENDING undecided, APPROVED
accepted, MODIFIED edited (its final text is ``modified_text``; the class follows capture's legacy
``modified`` rule), REJECTED rejected. ``input_text`` is never read: no export uses it.

What is not imported is counted by table and reason, never quoted: rows the practice marked
``training_status = rejected``, unknown statuses, values capture refuses, unregistered types, and rows
that changed in the source after an earlier import (the record stays as first imported).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import pydantic

from tilbake.capture.imports.source import TableRead, columns_of, read_only_snapshot
from tilbake.capture.schemas import FeedbackIn, SuggestionIn
from tilbake.capture.service import Caller, CaptureService
from tilbake.errors import InputError, ValidationError

FEEDBACK, SUGGESTIONS = "ai_feedback", "ai_suggestions"
SUGGESTION_ID_PREFIX = "ai_suggestions:"
_CAPTURE_FIELDS = (
    "suggestion_type", "original_suggestion", "user_correction", "accepted", "correction_type",
    "confidence_score", "user_rating", "feedback_notes", "context_data", "time_to_decision",
    "session_id", "template_id", "encounter_id", "model_name", "model_version",
)
# ai_suggestions' columns under capture's names (reasons name the source's columns)
_SUGGESTION_NAMES = {"suggested_text": "original_suggestion", "confidence": "confidence_score",
                     "feedback_text": "feedback_notes", "modified_text": "user_correction"}
_SOURCE_NAMES = {capture: source for source, capture in _SUGGESTION_NAMES.items()}
_OPTIONAL = {
    FEEDBACK: ("organization_id", "training_status", "updated_at", *_CAPTURE_FIELDS),
    SUGGESTIONS: ("organization_id", "suggestion_type", "task_type", "model_name", "model_version",
                  "updated_at", *_SUGGESTION_NAMES),
}
_REQUIRED = {FEEDBACK: ("id", "suggestion_type", "original_suggestion", "created_at"),
             SUGGESTIONS: ("id", "suggested_text", "feedback_status", "created_at")}
# A code-like value (one case, no spaces) is named in a report; anything else, which could be a
# word someone typed, is not.
_TOKEN = re.compile(r"^(?:[a-z0-9_.-]{1,64}|[A-Z0-9_.-]{1,64})$")
ORG_LIST_MAX = 10


@dataclass(frozen=True)
class ImportOptions:
    source_org: str | None = None  # the practice's organization_id in the source
    suggestions_type: str | None = None  # for ai_suggestions rows when the table has no type column
    until: datetime | None = None  # only rows created before (e.g. when the panel began posting to tilbake)
    batch_size: int = 500


@dataclass
class ImportReport:
    """Counts per table: read, imported, already imported; skipped by reason; notes on the tables."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    skipped: dict[str, Counter[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, table: str, what: str, n: int = 1) -> None:
        self.counts.setdefault(table, Counter())[what] += n

    def skip(self, table: str, reason: str) -> None:
        self.skipped.setdefault(table, Counter())[reason] += 1

    def as_dict(self) -> dict[str, Any]:
        tables = sorted({*self.counts, *self.skipped})
        return {"tables": {t: {"read": self.counts.get(t, Counter())["read"],
                               "imported": self.counts.get(t, Counter())["imported"],
                               "already_imported": self.counts.get(t, Counter())["already imported"],
                               "skipped": dict(sorted(self.skipped.get(t, Counter()).items()))}
                           for t in tables},
                "notes": self.notes}


def _named(value: Any, what: str) -> str:
    return repr(value) if isinstance(value, str) and _TOKEN.match(value) else f"an unlisted {what}"


def _plain(row: Mapping[str, Any]) -> dict[str, Any]:
    """Driver values as the capture schema takes them: UUIDs as strings, DECIMAL as float."""
    out = {}
    for key, value in row.items():
        if isinstance(value, UUID):
            value = str(value)
        elif isinstance(value, Decimal):
            value = float(value)
        out[key] = value
    return out


def _invalid(exc: pydantic.ValidationError, names: Mapping[str, str]) -> str:
    loc = exc.errors()[0].get("loc") or ("record",)
    name = str(loc[0])
    return f"invalid {names.get(name, name)}"


def feedback_record(row: Mapping[str, Any]) -> FeedbackIn | str:
    """An ai_feedback row as a decided record, or why it is skipped."""
    row = _plain(row)
    if str(row.get("training_status") or "").lower() == "rejected":
        return "training_status rejected (the practice kept it out of training)"
    values = {key: row[key] for key in _CAPTURE_FIELDS if key in row}
    when = row.get("created_at")
    try:
        return FeedbackIn(id=row["id"], created_at=when, decided_at=when, **values)
    except pydantic.ValidationError as exc:
        return _invalid(exc, {})


_STATUS = {"approved": (True, None), "modified": (True, "modified"), "rejected": (False, None)}


def suggestion_record(row: Mapping[str, Any], fallback_type: str | None) -> FeedbackIn | SuggestionIn | str:
    """An ai_suggestions row as a record (undecided while PENDING), or why it is skipped."""
    row = _plain(row)
    status = str(row["feedback_status"] or "").lower()
    if status != "pending" and status not in _STATUS:
        return f"feedback_status {_named(row['feedback_status'], 'value')} unknown"
    final = row.get("modified_text")
    if status == "modified" and not (final or "").strip():
        return "MODIFIED without modified_text"
    stype = row.get("suggestion_type") or row.get("task_type") or fallback_type
    base = {"id": f"{SUGGESTION_ID_PREFIX}{row['id']}", "suggestion_type": stype,
            "original_suggestion": row["suggested_text"], "confidence_score": row.get("confidence"),
            "model_name": row.get("model_name"), "model_version": row.get("model_version"),
            "created_at": row["created_at"]}
    try:
        if status == "pending":
            return SuggestionIn(**base)
        accepted, sent_type = _STATUS[status]
        return FeedbackIn(**base, accepted=accepted, correction_type=sent_type,
                          user_correction=final if (final or "").strip() else None,
                          feedback_notes=row.get("feedback_text"),
                          decided_at=row.get("updated_at") or row["created_at"])
    except pydantic.ValidationError as exc:
        return _invalid(exc, _SOURCE_NAMES)


Progress = Callable[[int, int], None]  # (rows just done, rows in all)


def _read_plan(conn: Any, name: str, options: ImportOptions, report: ImportReport) -> TableRead | None:
    """What to read of a table (None: absent); refuses a table that mixes practices unless one is chosen."""
    present = columns_of(conn, name)
    if present is None:
        report.notes.append(f"{name}: no such table in the source, nothing read")
        return None
    missing = [c for c in _REQUIRED[name] if c not in present]
    if missing:
        raise InputError(f"{name} lacks the column(s) {', '.join(missing)}: is this the client's database?")
    typed = present & {"suggestion_type", "task_type"} or options.suggestions_type
    if name == SUGGESTIONS and not typed:
        raise ValidationError("ai_suggestions has no suggestion_type or task_type column: name the type "
                              "of its rows with --suggestions-type", field="suggestions_type")
    chosen = [*_REQUIRED[name], *(c for c in _OPTIONAL[name] if c in present and c not in _REQUIRED[name])]
    if "organization_id" not in present:
        report.notes.append(f"{name}: no organization_id column, every row read")
        return TableRead(name, chosen, until=options.until)
    plan = TableRead(name, chosen, options.source_org, options.until)
    if options.source_org is None:
        orgs = plan.organizations(conn, ORG_LIST_MAX + 1)
        if len(orgs) > 1:
            shown = ", ".join(orgs[:ORG_LIST_MAX]) + (", ..." if len(orgs) > ORG_LIST_MAX else "")
            raise ValidationError(f"{name} holds rows of more than one organization ({shown}); choose "
                                  "the practice's with --source-org", field="source_org")
    return plan


def _store(capture: CaptureService, who: Caller, name: str, rows: list[dict[str, Any]],
           options: ImportOptions, report: ImportReport) -> None:
    records: list[FeedbackIn | SuggestionIn] = []
    for row in rows:
        record = (feedback_record(row) if name == FEEDBACK
                  else suggestion_record(row, options.suggestions_type))
        if isinstance(record, str):
            report.skip(name, record)
        else:
            records.append(record)
    sent = {r.id: r for r in records}
    for public_id, outcome in capture.import_new(who, records).items():
        if outcome == "created":
            report.add(name, "imported")
        elif outcome == "unchanged":
            report.add(name, "already imported")
        elif outcome == "changed":
            report.skip(name, "changed in the source since an earlier import (kept as imported)")
        else:
            report.skip(name, _refused(name, outcome.removeprefix("invalid "), sent[public_id]))


def _refused(table: str, capture_field: str, record: FeedbackIn | SuggestionIn) -> str:
    """Why capture refused a record, in the source's column names."""
    if capture_field == "suggestion_type":
        return f"suggestion type {_named(record.suggestion_type, 'name')} not registered (tilbake types add)"
    if capture_field == "correction_type":
        return f"correction_type {_named(getattr(record, 'correction_type', None), 'value')} unknown"
    if capture_field == "context_data":
        return "context_data over 64 KiB as JSON"
    column = _SOURCE_NAMES.get(capture_field, capture_field) if table == SUGGESTIONS else capture_field
    return f"{column} longer than TILBAKE_MAX_TEXT_CHARS"


def import_chiroclick(capture: CaptureService, who: Caller, database_url: str,
                      options: ImportOptions = ImportOptions(), progress: Progress | None = None
                      ) -> ImportReport:
    """Read both tables in one read-only snapshot and store what is new; the report says what was not."""
    report = ImportReport()
    with read_only_snapshot(database_url) as conn:
        plans = [p for p in (_read_plan(conn, t, options, report) for t in (FEEDBACK, SUGGESTIONS)) if p]
        if not plans:
            raise InputError("the source database has neither ai_feedback nor ai_suggestions")
        total = sum(plan.count(conn) for plan in plans)
        if progress:
            progress(0, total)
        for plan in plans:
            report.add(plan.name, "read", 0)
            for rows in plan.batches(conn, options.batch_size):
                report.add(plan.name, "read", len(rows))
                _store(capture, who, plan.name, rows, options, report)
                if progress:
                    progress(len(rows), total)
    return report
