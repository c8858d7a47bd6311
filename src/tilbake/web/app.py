"""The FastAPI application: `create_app(settings)`; uvicorn uses `create_app_from_env` as a factory.

Other areas add their routers to `ROUTERS` (module paths, imported when the app is built).
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from tilbake import __version__
from tilbake.capture.service import CaptureService
from tilbake.config import Settings
from tilbake.store import Database, open_database
from tilbake.web import docs_pages, errors
from tilbake.web.responses import JSON

ROUTERS = (
    "tilbake.web.routes.capture",
    "tilbake.web.routes.reports",
    "tilbake.web.routes.exports",
)


def body_limit(settings: Settings) -> int:
    # Room for the three free-text fields at 4 bytes a character, context data and JSON overhead.
    return 3 * 4 * settings.max_text_chars + 256 * 1024


BATCH_BODY_LIMIT = 64 * 1024 * 1024  # a batch's records are each checked against the text limit


def create_app(settings: Settings | None = None, db: Database | None = None) -> FastAPI:
    """The service: opens (and migrates) the database unless one is handed in."""
    settings = settings or Settings.from_env()
    database = db or open_database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if db is None:
            database.dispose()

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
    )
    app.state.settings = settings
    app.state.db = database
    app.state.capture = CaptureService(database, settings.max_text_chars)
    errors.install(app)
    docs_pages.install(app)
    app.add_middleware(errors.BodyLimitMiddleware, limit=body_limit(settings), batch_limit=BATCH_BODY_LIMIT)

    @app.get("/healthz", tags=["service"], summary="Liveness: answers when the database does")
    def healthz() -> JSON:
        with database.unit_of_work(write=False) as uow:
            uow.orgs.by_id(0)
        return JSON({"status": "ok", "version": __version__})

    for module in ROUTERS:
        app.include_router(importlib.import_module(module).router)
    return app


def create_app_from_env() -> FastAPI:
    return create_app(Settings.from_env())
