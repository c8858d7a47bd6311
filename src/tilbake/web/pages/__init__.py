"""The pages people use (Norwegian bokmål; English as a second language, see i18n.py): sign-in,
Innstillinger → AI → Treningsdata, users and tokens. Jinja2 templates and htmx, served from this
app's own static folder (no CDN, no build step); each route is thin over the same services the API
uses."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from tilbake.web.pages import admin, dashboard, i18n, review, signin, training
from tilbake.web.pages.jobs import ExportJobs

STATIC = Path(__file__).resolve().parents[1] / "static"


def install(app: FastAPI) -> None:
    """Mount the static files and the pages' routes on the app."""
    app.state.export_jobs = ExportJobs()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (signin, training, admin, review, dashboard, i18n):
        app.include_router(module.router)
