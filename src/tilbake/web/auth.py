"""The bearer token dependency (and the OpenAPI security scheme that documents it).

The token is resolved before the body is validated, so a wrong token answers 401 whatever the body
holds; the service then works for the resolved organization without looking the token up again.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from tilbake.capture.orgs import Principal, authenticate
from tilbake.capture.service import CaptureService

_bearer = HTTPBearer(auto_error=False, description="the organization's API token (tilbake org create)")


def service(request: Request) -> CaptureService:
    svc: CaptureService = request.app.state.capture
    return svc


def caller(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    svc: Annotated[CaptureService, Depends(service)],
) -> Principal:
    token = credentials.credentials if credentials else None
    with svc.db.unit_of_work(write=False) as uow:
        return authenticate(uow, token)


Caller = Annotated[Principal, Depends(caller)]
Service = Annotated[CaptureService, Depends(service)]
