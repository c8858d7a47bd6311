"""Training-data exports: preview, create (with consent), list, show, download and revoke.

Thin: each route parses, calls one ExportService method and renders. The service comes from the
app's wiring root (``app.state.services.exports``, built on first use).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field
from starlette.responses import FileResponse

from tilbake.accounts.service import Principal
from tilbake.export.request import CONSENT_VERSION, Actor, Consent, Scope
from tilbake.export.service import ExportService
from tilbake.values import IsoDateTime, StorableModel
from tilbake.web.auth import Caller
from tilbake.web.responses import JSON

router = APIRouter(prefix="/api/v1/training/exports", tags=["export"])


def exports(request: Request) -> ExportService:
    svc: ExportService = request.app.state.services.exports
    return svc


Exports = Annotated[ExportService, Depends(exports)]


def principal(token: Caller, request: Request) -> Principal:
    """The organization (and token) behind the bearer token; a wrong or revoked one answers 401."""
    principal: Principal = request.app.state.services.accounts.authenticate(token.value)
    return principal


Who = Annotated[Principal, Depends(principal)]


class ConsentIn(StorableModel):
    given_by: str = Field(min_length=1, max_length=200, description="the person consenting, by name")
    agree: bool = Field(description="must be true: the person agrees to the statement shown by the preview")
    statement_version: int = Field(CONSENT_VERSION, description="the version of the statement agreed to")


class ExportIn(StorableModel):
    consent: ConsentIn
    suggestion_types: list[str] = Field(default_factory=list, description="only these types (default: all)")
    since: IsoDateTime | None = Field(None, description="suggestions created at or after")
    until: IsoDateTime | None = Field(None, description="suggestions created before")
    mode: Literal["tags", "surrogates"] = "tags"


class RevokeIn(StorableModel):
    rows: Literal["pending", "excluded"] = Field(
        description="pending: the rows can be exported again; excluded: never exported again"
    )


@router.get("/preview", summary="What the next export would hold, and the consent statement to agree to")
def preview(
    who: Who,
    svc: Exports,
    suggestion_type: Annotated[list[str], Query()] = [],  # noqa: B006
    since: IsoDateTime | None = None,
    until: IsoDateTime | None = None,
    mode: Literal["tags", "surrogates"] = "tags",
) -> JSON:
    scope = Scope(types=tuple(suggestion_type), since=since, until=until, mode=mode)
    return JSON(svc.preview(who.org_id, scope))


@router.post("", status_code=201, summary="Create an export: anonymize, gate, bundle and mark, atomically")
def create(body: ExportIn, who: Who, svc: Exports) -> JSON:
    consent = Consent(
        given_by=body.consent.given_by,
        agree=body.consent.agree,
        statement_version=body.consent.statement_version,
    )
    scope = Scope(types=tuple(body.suggestion_types), since=body.since, until=body.until, mode=body.mode)
    batch = svc.create(Actor(who.org_id, token_id=who.token_id, channel="api"), consent, scope)
    return JSON(batch, status_code=201)


@router.get("", summary="Past exports of this organization, newest first")
def list_exports(who: Who, svc: Exports) -> JSON:
    return JSON({"exports": svc.list(who.org_id)})


@router.get("/{export_id}", summary="One export: counts, consent and the suggestions quarantined for review")
def show(export_id: str, who: Who, svc: Exports) -> JSON:
    return JSON(svc.get(who.org_id, export_id))


@router.get(
    "/{export_id}/download",
    summary="The bundle (zip: sft/dpo/kto JSONL, manifest, README)",
    response_class=FileResponse,
)
def download(export_id: str, who: Who, svc: Exports) -> FileResponse:
    path = svc.download(who.org_id, export_id, token_id=who.token_id)
    return FileResponse(path, media_type="application/zip", filename=path.name)


@router.post("/{export_id}/revoke", summary="Delete the bundle; its rows go back to pending or stay excluded")
def revoke(export_id: str, body: RevokeIn, who: Who, svc: Exports) -> JSON:
    return JSON(svc.revoke(who.org_id, export_id, body.rows, token_id=who.token_id))
