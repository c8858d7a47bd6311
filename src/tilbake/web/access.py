"""The access log: method, route template, status and time; never the path or query the client sent.

A path may carry an id that is a fødselsnummer and a query a date or a type; the template
("/api/v1/suggestions/{suggestion_id}") says which endpoint answered without either. Lines go to
the ``tilbake.web.access`` logger at DEBUG (``TILBAKE_LOG_LEVEL=DEBUG``); uvicorn's own access log,
which writes the full path, is off.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("tilbake.web.access")


def route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "<no route>"


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.DEBUG):
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def noting_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_send)
        finally:
            log.debug("%s %s %d %.1f ms", scope["method"], route_template(scope), status,
                      (time.perf_counter() - started) * 1000)
