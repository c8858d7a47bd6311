"""The audit trail of the caller's organization: GET /api/v1/audit, newest first, paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from tilbake.audit.service import MAX_LIMIT, AuditService
from tilbake.web.responses import JSON
from tilbake.web.routes.exports import Who

router = APIRouter(prefix="/api/v1", tags=["audit"])


@router.get("/audit", summary="Who created, downloaded, revoked, deleted or pruned what, and when")
def list_audit(
    who: Who,
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> JSON:
    svc: AuditService = request.app.state.services.audit
    return JSON(svc.list(who.org_id, limit=limit, cursor=cursor))
