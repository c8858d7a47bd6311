"""Erasure over HTTP: delete one suggestion, or every suggestion of an encounter, a session or before a
date. Thin: parse, one ErasureService call, render. Deleting a whole organization is the local
operator's (`tilbake erase org`), not an API token's."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from tilbake.capture.repository import Selection
from tilbake.lifecycle.erasure import ErasureService
from tilbake.web.responses import JSON
from tilbake.web.routes.exports import Who

router = APIRouter(prefix="/api/v1/suggestions", tags=["erasure"])


def erasure(request: Request) -> ErasureService:
    svc: ErasureService = request.app.state.services.erasure
    return svc


Erasure = Annotated[ErasureService, Depends(erasure)]


@router.delete("/{suggestion_id}", summary="Erase one suggestion; lists the exports that held it")
def delete_one(suggestion_id: str, who: Who, svc: Erasure) -> JSON:
    return JSON(svc.erase(who.org_id, Selection(public_id=suggestion_id), token_id=who.token_id))


@router.delete("", summary="Erase every suggestion of an encounter, a session, or created before a date")
def delete_many(
    who: Who,
    svc: Erasure,
    encounter_id: Annotated[str | None, Query(max_length=200, description="an encounter id")] = None,
    session_id: Annotated[str | None, Query(max_length=200, description="a session id")] = None,
    before: Annotated[datetime | None, Query(description="created before (ISO date or time)")] = None,
) -> JSON:
    sel = Selection(encounter_id=encounter_id, session_id=session_id, before=before)
    return JSON(svc.erase(who.org_id, sel, token_id=who.token_id))
