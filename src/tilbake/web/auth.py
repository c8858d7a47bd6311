"""The bearer token dependency (and the OpenAPI security scheme that documents it).

A missing or malformed token is refused here, before the body is read. The token itself is looked
up inside the service's own transaction, so a request costs one connection checkout and one
transaction; a well-formed but unknown or revoked token answers 401 from there (a body that is
also invalid may answer 422 first).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from tilbake.accounts.service import check_token_shape
from tilbake.capture.service import ApiToken, CaptureService
from tilbake.errors import AuthError

_bearer = HTTPBearer(auto_error=False, description="the organization's API token (tilbake org create)")


async def service(request: Request) -> CaptureService:
    svc: CaptureService = request.app.state.services.capture
    return svc


async def caller(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
                 request: Request) -> ApiToken:
    token = credentials.credentials if credentials else None
    sent = request.headers.get("authorization", "").strip()
    if token is None and sent and sent.lower() != "bearer":  # a header, but not "Bearer <token>"
        raise AuthError("the Authorization header must read 'Bearer <token>': the word Bearer, a space, "
                        "then the token")
    check_token_shape(token)
    return ApiToken(token)


Caller = Annotated[ApiToken, Depends(caller)]
Service = Annotated[CaptureService, Depends(service)]
