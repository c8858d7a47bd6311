"""The FastAPI application: `create_app(services)`; uvicorn uses `create_app_from_env` as a factory.

Other areas add their routers to `ROUTERS` (module paths, imported when the app is built).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from tilbake import __version__
from tilbake.config import Settings
from tilbake.errors import TilbakeError
from tilbake.web import docs_pages, errors, openapi, pages
from tilbake.web.access import AccessLogMiddleware
from tilbake.web.responses import JSON
from tilbake.wiring import Services

log = logging.getLogger("tilbake.web")

ROUTERS = (
    "tilbake.web.routes.capture",
    "tilbake.web.routes.reports",
    "tilbake.web.routes.exports",
    "tilbake.web.routes.erasure",
    "tilbake.web.routes.audit",
    "tilbake.web.routes.compat",
    "tilbake.web.routes.review",
)


def body_limit(settings: Settings) -> int:
    # Room for the three free-text fields at 4 bytes a character, context data and JSON overhead.
    return 3 * 4 * settings.max_text_chars + 256 * 1024


BATCH_BODY_LIMIT = 64 * 1024 * 1024  # a batch's records are each checked against the text limit


async def _prune_periodically(services: Services) -> None:
    from tilbake.lifecycle.retention import PRUNE_EVERY_SECONDS

    while True:
        await asyncio.sleep(PRUNE_EVERY_SECONDS)
        try:
            await asyncio.to_thread(services.retention.prune, scheduled=True)
        except TilbakeError as exc:  # the database is away: try again next time, the service stays up
            log.warning("retention: pruning failed (%s)", exc.code)


def create_app(services: Services | None = None) -> FastAPI:
    """The service over the wiring root (from the environment unless handed in)."""
    services = services or Services.from_env()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # raw text past its retention period goes before the first request is served
        services.retention.prune(scheduled=True)
        pruning = asyncio.create_task(_prune_periodically(services))
        yield
        pruning.cancel()
        services.close()

    app = FastAPI(
        title="tilbake",
        version=__version__,
        description="Capture clinicians' decisions on AI suggestions. Every /api/v1 call needs "
        "`Authorization: Bearer <token>` (from `tilbake org create`). Errors answer "
        '`{"error": {"code", "message", "field"?}}`.',
        default_response_class=JSON,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(errors.not_rate_limited), Depends(errors.storable_parameters)],
    )
    app.state.services = services
    errors.install(app)
    openapi.install(app)
    docs_pages.install(app)
    pages.install(app)
    app.add_middleware(errors.BodyLimitMiddleware, limit=body_limit(services.settings),
                       batch_limit=BATCH_BODY_LIMIT)
    app.add_middleware(AccessLogMiddleware)

    @app.get("/healthz", tags=["service"], summary="Liveness: answers when the database does")
    def healthz() -> JSON:
        services.db.ping()
        return JSON({"status": "ok", "version": __version__})

    for module in ROUTERS:
        app.include_router(importlib.import_module(module).router)
    return app


def create_app_from_env() -> FastAPI:
    """What uvicorn (each worker) builds: files it writes are private to their owner from the start."""
    from tilbake.files import owner_only_umask

    owner_only_umask()
    return create_app()
