"""Innstillinger → AI → Treningsdata: what the next export holds, a sample of it, consent, the
export itself (with progress) and the history of past exports. Over ``ExportService``, like the API."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import FileResponse, RedirectResponse, Response

from tilbake.accounts.people import SignedIn
from tilbake.export.request import CONSENT_STATEMENT, CONSENT_VERSION, Actor, Consent, Scope
from tilbake.export.service import ExportService
from tilbake.web.pages.common import Admin, AdminPost, PageRoute, render
from tilbake.web.pages.jobs import ExportJobs

BASE = "/innstillinger/ai/treningsdata"
router = APIRouter(prefix=BASE, route_class=PageRoute, include_in_schema=False)

DECISIONS = {"accepted_as_is": "Godtatt uendret", "minor_edit": "Små endringer",
             "major_edit": "Store endringer", "rejected": "Avvist", "ignored": "Ikke brukt"}
FORMATS = {"sft": "SFT (fasit-svar)", "dpo": "DPO (foretrukket mot avvist)", "kto": "KTO (godt eller dårlig)"}


def _exports(request: Request) -> ExportService:
    svc: ExportService = request.app.state.services.exports
    return svc


def _jobs(request: Request) -> ExportJobs:
    jobs: ExportJobs = request.app.state.export_jobs
    return jobs


def _history(request: Request, who: SignedIn) -> dict[str, Any]:
    return {"who": who, "exports": _exports(request).list(who.org_id), "base": BASE}


@router.get("")
def training_page(request: Request, who: Admin) -> Response:
    preview = _exports(request).preview(who.org_id, Scope())
    context = _history(request, who) | {
        "preview": preview,
        "ready": preview["pending_total"] - preview["skipped"],
        "decisions": DECISIONS,
        "formats": FORMATS,
        "consent_statement": CONSENT_STATEMENT,
        "consent_version": CONSENT_VERSION,
    }
    return render(request, "training.html", context)


@router.get("/eksempel")
def sample(request: Request, who: Admin) -> Response:
    rows = _exports(request).sample(who.org_id, Scope(), n=3)
    shown = [{"format": FORMATS[r["format"]], "json": json.dumps(r["row"], ensure_ascii=False, indent=2)}
             for r in rows]
    return render(request, "training_sample.html", {"rows": shown})


@router.post("/eksporter")
def start_export(request: Request, who: AdminPost, agree: Annotated[bool, Form()] = False,
                 statement_version: Annotated[int, Form()] = CONSENT_VERSION) -> Response:
    """With htmx: start the export in the background and answer its progress; without: build it now
    and send the browser to the download."""
    consent = Consent(given_by=who.display_name, agree=agree, statement_version=statement_version)
    consent.check()
    svc, scope = _exports(request), Scope()
    actor = Actor(who.org_id, token_id=None, channel="web")
    if not request.headers.get("HX-Request"):
        batch = svc.create(actor, consent, scope)
        return RedirectResponse(f"{BASE}/eksporter/{batch['id']}/last-ned", status_code=303)
    total = svc.preview(who.org_id, scope)["pending_total"]
    job = _jobs(request).start(who.org_id, total, lambda progress: svc.create(actor, consent, scope,
                                                                              progress=progress))
    return render(request, "training_job.html", _history(request, who) | {"job": job})


@router.get("/jobb/{job_id}")
def job_status(request: Request, job_id: str, who: Admin) -> Response:
    job = _jobs(request).get(who.org_id, job_id)
    return render(request, "training_job.html", _history(request, who) | {"job": job})


@router.get("/eksporter/{export_id}/last-ned")
def download(request: Request, export_id: str, who: Admin) -> Response:
    path = _exports(request).download(who.org_id, export_id)
    return FileResponse(path, media_type="application/zip", filename=path.name)


@router.post("/eksporter/{export_id}/trekk-tilbake")
def revoke(request: Request, export_id: str, who: AdminPost, rows: Annotated[str, Form()] = "") -> Response:
    _exports(request).revoke(who.org_id, export_id, rows)
    return RedirectResponse(f"{BASE}#historikk", status_code=303)
