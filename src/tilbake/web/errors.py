"""Every failure becomes the canonical JSON error; nothing the client sent is echoed back or logged.

Validation messages name the field and what it should be (pydantic's messages never quote the
input). Unhandled exceptions are caught by `GuardMiddleware`: the log gets the exception class and
the stack frames, never the exception message, which could quote a value.
"""

from __future__ import annotations

import logging
import math
import traceback
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tilbake.errors import AuthError, InputError, StorageError, TilbakeError, ValidationError
from tilbake.values import text_problem
from tilbake.web.access import route_template
from tilbake.web.ratelimit import FailedAuthLimiter
from tilbake.web.responses import JSON, error

log = logging.getLogger("tilbake.web")

_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 401: "unauthorized",
               415: "unsupported_media_type", 429: "too_many_requests"}


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts)


#: problems listed in one 422 at most (a batch of a thousand bad records stays readable)
MAX_PROBLEMS = 50
_OBJECT_EXPECTED = ("model_attributes_type", "dict_type")


def _problem(e: dict[str, Any]) -> tuple[str, str]:
    """(field, message) of one validation problem; an unknown field is named by its parent only."""
    field = _field(tuple(e.get("loc", ())))
    if e.get("type") == "extra_forbidden":  # the name is the client's: it may be anything, even PHI
        field = field.rpartition(".")[0]
        return field, f"unknown field in {field or 'the body'}; the API description (/docs) lists the fields"
    if e.get("type") == "missing":
        return field, f"{field} is required"
    return field, f"{field or 'body'}: {e.get('msg', 'invalid')}"


def _is_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


def _validation(request: Request, exc: Exception) -> JSON:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return error(400, "invalid_json", "the request body is not valid JSON")
    body_not_object = any(e.get("type") in _OBJECT_EXPECTED and tuple(e.get("loc", ())) == ("body",)
                          for e in errors)
    if body_not_object and not _is_json(request):
        return error(415, "unsupported_media_type",
                     "send the body as JSON with the header 'Content-Type: application/json'")
    problems = [_problem(e) for e in errors] or [("", "invalid request")]
    messages = list(dict.fromkeys(message for _, message in problems))
    message = "; ".join(messages[:MAX_PROBLEMS])
    if len(messages) > MAX_PROBLEMS:
        message += f"; ... {len(messages)} problems in all, the first {MAX_PROBLEMS} shown"
    return error(422, "validation_error", message, problems[0][0] or None)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _tilbake(request: Request, exc: Exception) -> JSON:
    if isinstance(exc, AuthError):  # counted against the client; the message is ours, never the token
        client = _client(request)
        request.app.state.auth_limiter.failed(client)
        log.warning("failed authentication from %s on %s: %s", client, route_template(request.scope), exc)
    if isinstance(exc, InputError):
        return error(exc.status, exc.code, str(exc), getattr(exc, "field", None))
    if isinstance(exc, StorageError):
        log.error("storage error: %s", exc)  # our own message: names the error class only
        return error(503, exc.code, "the database is unavailable; try again")
    assert isinstance(exc, TilbakeError)
    return _internal(exc)


def _http(_request: Request, exc: Exception) -> JSON:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = "no such endpoint" if exc.status_code == 404 else str(exc.detail)
    response = error(exc.status_code, code, message)
    response.headers.update(exc.headers or {})
    return response


def _internal(exc: BaseException) -> JSON:
    ref = uuid.uuid4().hex[:12]
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unhandled %s (ref %s)\n%s", type(exc).__name__, ref, frames)
    return error(500, "internal_error", f"internal error (ref {ref}); the server log has details")


def storable_parameters(request: Request) -> None:
    """An app-wide dependency: a path or query parameter no database can store (a NUL) is a 422
    naming the parameter, not a database error."""
    params = [*request.path_params.items(), *request.query_params.multi_items()]
    for name, value in params:
        found = text_problem(value) if isinstance(value, str) else None
        if found:
            raise ValidationError(f"{name} {found}", field=name)


def not_rate_limited(request: Request) -> None:
    """An app-wide dependency: a client with too many failed authentications waits (429)."""
    wait = request.app.state.auth_limiter.wait(_client(request))
    if wait > 0:
        raise HTTPException(429, "too many failed authentications from this address; try again later",
                            headers={"Retry-After": str(math.ceil(wait))})


def install(app: FastAPI) -> None:
    app.state.auth_limiter = FailedAuthLimiter()
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(TilbakeError, _tilbake)
    app.add_exception_handler(HTTPException, _http)
    app.add_middleware(GuardMiddleware)


class GuardMiddleware:
    """Last line: unhandled exceptions become a 500 in the canonical shape, logged without messages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - the guard's whole purpose
            response = _internal(exc)
            if not started:
                await response(scope, receive, send)


class BodyLimitMiddleware:
    """Refuse request bodies over `limit` bytes (413) before anything parses them."""

    def __init__(self, app: ASGIApp, limit: int, batch_limit: int) -> None:
        self.app = app
        self.single_limit = limit
        self.batch_limit = batch_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.batch_limit if scope["path"].endswith("/batch") else self.single_limit
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await self._too_large(limit, scope, receive, send)
                return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge(413, f"the request body is larger than {limit} bytes")
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _TooLarge:
            await self._too_large(limit, scope, receive, send)

    @staticmethod
    async def _too_large(limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        response = error(413, "too_large", f"the request body is larger than {limit} bytes")
        await response(scope, receive, send)


class _TooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing passes it on to the 413 handler."""
