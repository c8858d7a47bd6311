"""What the API answers, as pydantic models: they exist for the OpenAPI description (web/openapi.py).

The routes answer orjson-rendered dicts built by the services; these models describe those dicts
(extra keys are allowed, so a service may add a field before its model does).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable: validation_error, not_found, conflict, ...")
    message: str = Field(description="what is wrong, naming the field; never repeats client text")
    field: str | None = Field(None, description="the field or parameter at fault, when there is one")


class Error(BaseModel):
    """The one error shape of every 4xx and 5xx."""

    error: ErrorDetail


class Health(BaseModel):
    status: str
    version: str


class Logged(BaseModel):
    id: str
    created: bool = Field(description="false when this was a retry of a record stored before")


class FeedbackLogged(Logged):
    correction_type: str


class FeedbackBatchLogged(BaseModel):
    items: list[FeedbackLogged]


class Suggestion(BaseModel):
    id: str
    suggestion_type: str
    original_suggestion: str
    context_data: dict[str, Any] | None
    confidence_score: float | None
    model_name: str | None
    model_version: str | None
    encounter_id: str | None
    session_id: str | None
    template_id: str | None
    accepted: bool | None
    user_correction: str | None
    correction_type: str | None
    user_rating: int | None
    feedback_notes: str | None
    time_to_decision: int | None
    created_at: datetime
    decided_at: datetime | None


class Decided(Suggestion):
    created: bool = Field(description="false when this decision was stored before (a retry)")


class SuggestionPage(BaseModel):
    items: list[Suggestion]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last")


class SuggestionType(BaseModel):
    name: str
    description: str | None
    default: bool


class SuggestionTypes(BaseModel):
    types: list[SuggestionType]


class PendingGroup(BaseModel):
    suggestion_type: str
    correction_type: str | None
    count: int
    avg_confidence: float | None
    avg_rating: float | None


class ExportStats(BaseModel):
    pending_total: int
    groups: list[PendingGroup]


class DailyMetrics(BaseModel):
    days: list[dict[str, Any]]


class ExportPreview(BaseModel):
    scope: dict[str, Any]
    pending_total: int
    per_type_and_decision: dict[str, dict[str, int]]
    rows_at_most: dict[str, int]
    skipped: int
    note: str
    consent: dict[str, Any]


class ExportSummary(BaseModel):
    id: str
    status: str
    created_at: datetime
    suggestions: int
    size_bytes: int | None
    sha256: str | None
    revoked_at: datetime | None
    revoked_rows: str | None
    file_name: str | None
    rows: dict[str, int]
    quarantined_by_reason: dict[str, int]


class ExportDetail(ExportSummary):
    quarantined: list[Any]
    consent: dict[str, Any] | None


class ExportRevoked(ExportDetail):
    released: int


class ExportList(BaseModel):
    exports: list[ExportSummary]
