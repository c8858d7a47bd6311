"""Reports over captured decisions: pending export examples and daily metrics."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from tilbake.capture.repository import SuggestionFilter
from tilbake.values import IsoDateTime
from tilbake.web.auth import Caller, Service
from tilbake.web.responses import JSON

router = APIRouter(prefix="/api/v1", tags=["reports"])


@router.get("/training/export/stats", summary="Examples pending export, by suggestion type x decision")
def export_stats(who: Caller, svc: Service) -> JSON:
    return JSON(svc.export_stats(who))


@router.get("/metrics/daily", summary="Per day and suggestion type: decisions, rates and averages")
def daily_metrics(
    who: Caller,
    svc: Service,
    since: Annotated[IsoDateTime | None, Query(description="created at or after")] = None,
    until: Annotated[IsoDateTime | None, Query(description="created before")] = None,
    suggestion_type: Annotated[list[str], Query()] = [],  # noqa: B006
) -> JSON:
    flt = SuggestionFilter(types=suggestion_type, since=since, until=until)
    return JSON(svc.daily_metrics(who, flt))
