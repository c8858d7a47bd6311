"""What the review, audit and erasure routes answer, as pydantic models for the OpenAPI description.

Like web/models.py: they describe the dicts the services build (extra keys are allowed); nothing is
parsed through them at run time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class ExportHolding(BaseModel):
    id: str
    created_at: datetime
    status: str
    sha256: str | None
    file_name: str | None
    period: Any = Field(description="the manifest's coarse period")
    suggestions_exported: int | None


class Erased(BaseModel):
    deleted: int
    exports_holding: list[ExportHolding] = Field(description="exports that held erased rows (revoke them)")


class AuditEvent(BaseModel):
    id: int
    at: datetime
    organization_id: int | None
    actor: str = Field(description='"token:<id>" or "cli:<local user>"')
    action: str
    object_type: str
    object_id: str | None
    count: int | None


class AuditPage(BaseModel):
    events: list[AuditEvent]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last")


class ReviewEntity(BaseModel):
    label: str
    start: int
    end: int
    confidence: float


class ShownEntity(ReviewEntity):
    text: str


class Explanation(BaseModel):
    start: int
    end: int
    label: str
    score: float
    source: str
    pattern: str
    check: str
    cues: list[str]
    decision: str


class ReviewCorrection(BaseModel):
    action: str
    original: ReviewEntity | None
    updated: ReviewEntity | None


class ReviewItemSummary(BaseModel):
    id: str
    source: str = Field(description="submitted, quarantine, sample or quiet")
    status: str = Field(description="open or reviewed")
    document_type: str
    language: str
    field: str | None
    export_batch_id: str | None
    rules_version: str
    created_at: datetime
    reviewed_at: datetime | None
    detected: int = Field(description="how many entities the engine found")


class ReviewItem(ReviewItemSummary):
    text: str
    entities: list[ShownEntity]
    explanations: list[Explanation]
    corrections: list[ReviewCorrection]
    anonymized: str


class ReviewItems(BaseModel):
    items: list[ReviewItemSummary]


class ReviewItemIds(BaseModel):
    items: list[str] = Field(description="ids of the items made")


class MissRate(BaseModel):
    sampled: int
    with_phi: int
    miss_rate: float | None
    upper_bound: float | None
    confidence: float
    rule_of_three: float | None = None
    note: str | None = None


class FalsePositive(BaseModel):
    text: str
    type: str
    language: str
    document_type: str
    count: int


class MissedPattern(BaseModel):
    shape: str
    type: str
    context_words: str
    count: int


class MissedEntity(BaseModel):
    entity: str = Field(description="the start of its keyed hash")
    type: str
    count: int


class Retyped(BaseModel):
    from_: str = Field(alias="from")
    to: str
    count: int


class FeedbackSummary(BaseModel):
    events: int
    false_positives: list[FalsePositive]
    missed_patterns: list[MissedPattern]
    missed_entities: list[MissedEntity]
    retyped: list[Retyped]


class WeekAcceptance(BaseModel):
    week: str
    type: str
    detected: int
    accepted: int
    rate: float | None


class Acceptance(BaseModel):
    acceptance: list[WeekAcceptance]


class RetentionOut(BaseModel):
    max_events: int
    max_days: int


class FeedbackDeleted(BaseModel):
    events_deleted: int
    items_deleted: int


class DenyRule(BaseModel):
    text: str
    label: str


class ContextRule(BaseModel):
    words: str
    label: str


class RulesOut(BaseModel):
    schema_: int = Field(alias="schema")
    version: str
    allow: list[str]
    deny: list[DenyRule]
    context: list[ContextRule]


class ProposalReplay(BaseModel):
    per_label: dict[str, dict[str, list[float | None]]]
    lowers_recall: list[str]
    lowers_precision: list[str]


class ProposalOut(BaseModel):
    id: str
    kind: str
    entry: dict[str, str]
    evidence: int
    replay: ProposalReplay
    applied_by_default: bool


class Proposals(BaseModel):
    rules_version: str
    reviewed_documents: int
    proposals: list[ProposalOut]


class RulesVersion(BaseModel):
    version: str
    created_at: datetime
    note: str
    rules: dict[str, Any]


class RulesHistory(BaseModel):
    versions: list[RulesVersion]
