"""Entity review: items, corrections, undo, completion; the feedback summary; retention and deletion.

Thin: each route parses, calls one ReviewService (or aggregate) function and renders; the service comes
from the wiring root (``app.state.services.review``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import Field

from tilbake.review.corrections import Request as CorrectionRequest
from tilbake.review.loop import RulesService
from tilbake.review.retention import Retention
from tilbake.review.service import ReviewService
from tilbake.values import StorableModel
from tilbake.web.responses import JSON
from tilbake.web.routes.exports import Who

router = APIRouter(prefix="/api/v1/review", tags=["review"])


def review(request: Request) -> ReviewService:
    svc: ReviewService = request.app.state.services.review
    return svc


def rules(request: Request) -> RulesService:
    svc: RulesService = request.app.state.services.rules
    return svc


Review = Annotated[ReviewService, Depends(review)]
Rules = Annotated[RulesService, Depends(rules)]
Action = Literal["mark_as_pii", "mark_as_not_pii", "change_entity_type", "adjust_confidence"]


class ItemIn(StorableModel):
    text: str = Field(min_length=1, description="the document to review (the engine runs on it)")
    document_type: str = Field("note", min_length=1, max_length=64)
    language: str = Field("nb", min_length=1, max_length=8)


class SampleIn(StorableModel):
    size: int = Field(20, ge=1, le=500, description="how many pending suggestions to sample")
    suggestion_types: list[str] = Field(default_factory=list, description="only these types (default: all)")


class QuarantineIn(StorableModel):
    export_id: str = Field(min_length=1, max_length=64,
                           description="the export whose leak gate held rows back")


class CorrectionIn(StorableModel):
    action: Action
    start: int = Field(ge=0, description="the entity's start offset (for mark_as_pii: the missed span's)")
    end: int = Field(gt=0, description="the entity's end offset, exclusive")
    label: str | None = Field(None, description="mark_as_pii, change_entity_type: the (new) label")
    confidence: float | None = Field(None, ge=0, le=1, description="adjust_confidence: the new confidence")
    all_like_this: bool = Field(False, description="every form of the same word in the document")


class UndoIn(StorableModel):
    count: int = Field(1, ge=1, le=100, description="how many of the last requests to undo")


class RetentionIn(StorableModel):
    max_events: int = Field(ge=1, le=10_000_000)
    max_days: int = Field(ge=1, le=3650)


class ApplyIn(StorableModel):
    ids: list[str] = Field(default_factory=list, description="proposals to apply (default: every one "
                           "that lowers no label's recall)")
    include_recall_lowering: bool = Field(False, description="allow named proposals that lower recall")
    min_count: int = Field(2, ge=1, le=1000)


class RollbackIn(StorableModel):
    to_version: int | None = Field(None, ge=0, description="version number (0: built-in; default: previous)")


class DeleteIn(StorableModel):
    confirm: bool = Field(description="must be true: deletes every FeedbackEvent and review item")


@router.post("/items", status_code=201, summary="Review a text: the engine's entities and why each was found")
def submit(body: ItemIn, who: Who, svc: Review) -> JSON:
    item = svc.submit(who.org_id, body.text, document_type=body.document_type, language=body.language)
    return JSON(item, status_code=201)


@router.post("/items/sample", status_code=201, summary="Items from a random sample of pending export rows")
def sample(body: SampleIn, who: Who, svc: Review) -> JSON:
    return JSON({"items": svc.from_sample(who.org_id, body.size, body.suggestion_types)}, status_code=201)


@router.post("/items/quarantine", status_code=201, summary="Items for the rows an export's leak gate held")
def quarantine(body: QuarantineIn, who: Who, svc: Review) -> JSON:
    return JSON({"items": svc.from_quarantine(who.org_id, body.export_id)}, status_code=201)


@router.post("/items/quiet", status_code=201,
             summary="Items of sampled sentences where nothing was detected (for the miss-rate bound)")
def quiet(body: SampleIn, who: Who, svc: Review) -> JSON:
    return JSON({"items": svc.sample_quiet(who.org_id, body.size, body.suggestion_types)}, status_code=201)


@router.get("/miss-rate", summary="Upper bound on the miss rate from reviewed quiet sentences")
def miss_rate(who: Who, svc: Review, confidence: float = 0.95) -> JSON:
    return JSON(svc.miss_rate(who.org_id, confidence))


@router.get("/items", summary="Review items of this organization, newest first")
def list_items(who: Who, svc: Review, status: Literal["open", "reviewed"] | None = None,
               limit: int = 100) -> JSON:
    return JSON({"items": svc.list_items(who.org_id, status, limit)})


@router.get("/items/{item_id}", summary="One item: text, entities, explanations, corrections, rendering")
def show(item_id: str, who: Who, svc: Review) -> JSON:
    return JSON(svc.get(who.org_id, item_id))


@router.post("/items/{item_id}/corrections", summary="Correct an entity (or all like it)")
def correct(item_id: str, body: CorrectionIn, who: Who, svc: Review) -> JSON:
    request = CorrectionRequest(body.action, body.start, body.end, body.label, body.confidence,
                                body.all_like_this)
    return JSON(svc.correct(who.org_id, item_id, request))


@router.post("/items/{item_id}/undo", summary="Undo the last corrections (their events go too)")
def undo(item_id: str, body: UndoIn, who: Who, svc: Review) -> JSON:
    return JSON(svc.undo(who.org_id, item_id, body.count))


@router.post("/items/{item_id}/complete", summary="Mark the item reviewed: its entities are the truth")
def complete(item_id: str, who: Who, svc: Review) -> JSON:
    return JSON(svc.complete(who.org_id, item_id))


@router.get("/summary", summary="Top false positives and missed patterns, grouped so repeats count up")
def summary(who: Who, svc: Review, top: int = 10) -> JSON:
    return JSON(svc.summary(who.org_id, top))


@router.get("/acceptance", summary="Per week and type: how many detected entities reviewers accepted")
def acceptance(who: Who, svc: Review) -> JSON:
    return JSON({"acceptance": svc.acceptance(who.org_id)})


@router.get("/retention", summary="How long FeedbackEvents are kept")
def get_retention(who: Who, svc: Review) -> JSON:
    return JSON(svc.retention(who.org_id).as_dict())


@router.put("/retention", summary="Set the retention (events and days); prunes at once")
def set_retention(body: RetentionIn, who: Who, svc: Review) -> JSON:
    return JSON(svc.set_retention(who.org_id, Retention(body.max_events, body.max_days)).as_dict())


@router.post("/feedback/delete", summary="Delete all feedback data of this organization (confirmed)")
def delete_all(body: DeleteIn, who: Who, svc: Review) -> JSON:
    return JSON(svc.delete_all(who.org_id, confirm=body.confirm))


@router.get("/rules", summary="The rules in force for this organization")
def current_rules(who: Who, svc: Rules) -> JSON:
    return JSON(svc.current(who.org_id))


@router.get("/rules/proposals", summary="Rule proposals from the feedback, each replayed per label")
def proposals(who: Who, svc: Rules, min_count: int = 2) -> JSON:
    return JSON(svc.propose(who.org_id, min_count))


@router.post("/rules/apply", summary="Apply proposals as a new rules version (used at once)")
def apply_rules(body: ApplyIn, who: Who, svc: Rules) -> JSON:
    return JSON(svc.apply(who.org_id, body.ids, include_recall_lowering=body.include_recall_lowering,
                          min_count=body.min_count))


@router.get("/rules/history", summary="Every rules version of this organization, newest first")
def rules_history(who: Who, svc: Rules) -> JSON:
    return JSON({"versions": svc.history(who.org_id)})


@router.post("/rules/rollback", summary="Go back to an earlier version's rules (as a new version)")
def rollback(body: RollbackIn, who: Who, svc: Rules) -> JSON:
    return JSON(svc.rollback(who.org_id, body.to_version))
