"""POST suggestions, decisions and one-call feedback; GET suggestions."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from tilbake.capture.decisions import CORRECTION_TYPES
from tilbake.capture.repository import PENDING, SuggestionFilter
from tilbake.capture.schemas import DecisionIn, FeedbackBatchIn, FeedbackIn, SuggestionIn
from tilbake.values import IsoDateTime
from tilbake.web.auth import Caller, Service
from tilbake.web.responses import JSON

router = APIRouter(prefix="/api/v1", tags=["capture"])

Decision = Literal[(*CORRECTION_TYPES, PENDING)]  # type: ignore[valid-type]


@router.post("/suggestions", status_code=201, summary="Log an AI suggestion; returns its id")
def post_suggestion(body: SuggestionIn, who: Caller, svc: Service) -> JSON:
    result = svc.log_suggestion(who, body)
    return JSON(result, status_code=201 if result["created"] else 200)


@router.post("/suggestions/{suggestion_id}/decision", summary="The clinician's decision on a suggestion")
def post_decision(suggestion_id: str, body: DecisionIn, who: Caller, svc: Service) -> JSON:
    return JSON(svc.decide(who, suggestion_id, body))


@router.post("/feedback", status_code=201, summary="A suggestion and its decision in one call")
def post_feedback(body: FeedbackIn, who: Caller, svc: Service) -> JSON:
    result = svc.feedback(who, body)
    return JSON(result, status_code=201 if result["created"] else 200)


@router.post("/feedback/batch", summary="Many suggestion+decision records in one call (all or none)")
def post_feedback_batch(body: FeedbackBatchIn, who: Caller, svc: Service) -> JSON:
    return JSON({"items": svc.feedback_batch(who, body.items)})


@router.get("/suggestions", summary="Suggestions, newest first, paged and filtered")
def get_suggestions(
    who: Caller,
    svc: Service,
    suggestion_type: Annotated[list[str], Query(description="repeat to ask for several")] = [],  # noqa: B006
    decision: Annotated[list[Decision], Query(description="correction types, or pending")] = [],  # noqa: B006
    since: Annotated[IsoDateTime | None, Query(description="created at or after (ISO date or time)")] = None,
    until: Annotated[IsoDateTime | None, Query(description="created before (ISO date or time)")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> JSON:
    flt = SuggestionFilter(types=suggestion_type, decisions=decision, since=since, until=until)
    return JSON(svc.list_suggestions(who, flt, limit=limit, cursor=cursor))


@router.get("/suggestions/{suggestion_id}", summary="One suggestion with its decision")
def get_suggestion(suggestion_id: str, who: Caller, svc: Service) -> JSON:
    return JSON(svc.get_suggestion(who, suggestion_id))


@router.get("/suggestion-types", summary="The suggestion types this organization may log")
def get_types(who: Caller, svc: Service) -> JSON:
    return JSON({"types": svc.types(who)})
