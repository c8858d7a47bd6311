"""The API's documentation page (/docs), served with no CDN.

FastAPI's own page loads Swagger UI from a CDN: on a practice's closed network they stay
blank, and elsewhere every visit tells a third party that the page was opened. The same assets ship in
the `fastapi-offline` package; we serve them from here. (No /redoc: ReDoc still fetches its logo
from its vendor's site.)
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
PREFIX = "/static/api-docs"


def install(app: FastAPI) -> None:
    """Add /docs to an app built with docs_url=None and redoc_url=None."""
    app.mount(PREFIX, StaticFiles(directory=ASSETS), name="api-docs")
    title = f"{app.title} API"

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=title,
            swagger_js_url=f"{PREFIX}/swagger-ui-bundle.js", swagger_css_url=f"{PREFIX}/swagger-ui.css",
            swagger_favicon_url=f"{PREFIX}/favicon.png",
        )

