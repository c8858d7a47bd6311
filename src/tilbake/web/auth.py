"""The bearer token dependency (and the OpenAPI security scheme that documents it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from tilbake.capture.orgs import check_token_shape
from tilbake.capture.service import ApiToken, CaptureService

_bearer = HTTPBearer(auto_error=False, description="the organization's API token (tilbake org create)")


def caller(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> ApiToken:
    """Check presence and shape here (before the body is validated); the database lookup happens
    inside the service's own transaction, so a request costs one connection checkout."""
    token = ApiToken(credentials.credentials if credentials else None)
    check_token_shape(token.value)
    return token


def service(request: Request) -> CaptureService:
    svc: CaptureService = request.app.state.capture
    return svc


Caller = Annotated[ApiToken, Depends(caller)]
Service = Annotated[CaptureService, Depends(service)]
