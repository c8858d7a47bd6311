"""Nøyaktighet: how well the suggestions and the PII detector do, and what to change.

Reviewers and admins see the charts (capture's daily metrics, review's acceptance per week), the top
false positives and missed patterns, the proposed rules with their replayed effect and the rule
history; only admins apply or roll back rules, change retention or delete the feedback data. Over the
same services as the API (``capture``, ``review``, ``rules``); no clinical text goes into a URL: the
forms post proposal ids and version numbers."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import Response

from tilbake.accounts.people import SignedIn
from tilbake.capture.repository import SuggestionFilter
from tilbake.errors import ForbiddenError, ValidationError
from tilbake.review.retention import Retention
from tilbake.web.pages import charts
from tilbake.web.pages.common import AdminPost, PageRoute, SignedInUser, render
from tilbake.web.pages.i18n import gettext, language

BASE = "/noyaktighet"
#: the word to type before everything is deleted, in the page's language; either is accepted
CONFIRM_WORDS = {"nb": "SLETT", "en": "DELETE"}
router = APIRouter(prefix=BASE, route_class=PageRoute, include_in_schema=False)


def reviewer(who: SignedInUser) -> SignedIn:
    if who.role not in ("reviewer", "admin"):
        raise ForbiddenError("this page is for reviewers and administrators")
    return who


Reviewer = Annotated[SignedIn, Depends(reviewer)]


def _charts(request: Request, who: SignedIn) -> dict[str, Any]:
    services = request.app.state.services
    days = services.capture.daily_metrics(who.principal, SuggestionFilter())["days"]
    weeks = services.review.acceptance(who.org_id)
    made = {
        "acceptance": (charts.pivot(days, "day", "suggestion_type", "acceptance_rate"),
                       "Godtatte forslag per type og dag",
                       "Andelen av forslagene som ble brukt (uendret eller redigert), per type og dag."),
        "edits": (charts.pivot(days, "day", "suggestion_type", "modification_rate"),
                  "Redigerte forslag per type og dag",
                  "Andelen av forslagene som ble brukt etter små eller store endringer, per type og dag."),
        "detector": (charts.pivot(weeks, "week", "type", "rate"),
                     "Godtatte funn per entitetstype og uke",
                     "Andelen av detektorens funn som gjennomgåerne lot stå, per entitetstype og ISO-uke."),
    }
    made = {key: (chart, gettext(request, title), gettext(request, desc))
            for key, (chart, title, desc) in made.items()}
    return {key: {"id": key, "title": title, "chart": chart, "svg": charts.svg(chart, key, title, desc)}
            for key, (chart, title, desc) in made.items()}


def _page(request: Request, who: SignedIn, **extra: Any) -> Response:
    services = request.app.state.services
    context = {"who": who, "base": BASE, "charts": _charts(request, who),
               "summary": services.review.summary(who.org_id, 10),
               "history": _history(request, who), "retention": services.review.retention(who.org_id),
               "confirm_word": CONFIRM_WORDS[language(request)]} | extra
    return render(request, "dashboard.html", context)


def _history(request: Request, who: SignedIn) -> list[dict[str, Any]]:
    versions = request.app.state.services.rules.history(who.org_id)
    return [v | {"number": int(v["version"].removeprefix("org-v")), "note": _note(request, v["note"])}
            for v in versions]


def _note(request: Request, note: str) -> str:
    """The service's notes (``applied 2 proposal(s)``, ``rollback to org-v1``) in the page's language."""
    if applied := re.fullmatch(r"applied (\d+) proposal\(s\)", note):
        return gettext(request, "%s forslag tatt i bruk") % applied[1]
    if note == "rollback to the built-in rules":
        return gettext(request, "tilbake til de innebygde reglene")
    if back := re.fullmatch(r"rollback to (org-v\d+)", note):
        return gettext(request, "tilbake til %s") % back[1]
    return note


@router.get("")
def dashboard_page(request: Request, who: Reviewer) -> Response:
    return _page(request, who)


@router.get("/forslag")
def proposals(request: Request, who: Reviewer) -> Response:
    """The proposals with their replay (the engine runs over every reviewed document: loaded by htmx)."""
    shown = request.app.state.services.rules.propose(who.org_id)
    return render(request, "dashboard_proposals.html", {"who": who, "base": BASE, "shown": shown})


@router.post("/regler/bruk")
def apply_rule(request: Request, who: AdminPost, proposal: Annotated[str, Form()] = "",
               confirm_recall: Annotated[bool, Form()] = False) -> Response:
    if not proposal:
        raise ValidationError("choose a proposal to apply", field="proposal")
    rules = request.app.state.services.rules
    done = rules.apply(who.org_id, [proposal], include_recall_lowering=confirm_recall)
    notice = gettext(request, "Regelen er tatt i bruk som versjon %s.") % done["version"]
    return _page(request, who, notice=notice)


@router.post("/regler/tilbakestill")
def rollback(request: Request, who: AdminPost, to_version: Annotated[int, Form(ge=0)] = 0) -> Response:
    done = request.app.state.services.rules.rollback(who.org_id, to_version)
    notice = gettext(request, "Reglene er satt tilbake; ny versjon %s.") % done["version"]
    return _page(request, who, notice=notice)


@router.post("/oppbevaring")
def set_retention(request: Request, who: AdminPost, max_events: Annotated[int, Form()],
                  max_days: Annotated[int, Form()]) -> Response:
    request.app.state.services.review.set_retention(who.org_id, Retention(max_events, max_days))
    return _page(request, who, notice=gettext(request, "Oppbevaringstiden er lagret."))


@router.post("/slett")
def delete_all(request: Request, who: AdminPost, confirm: Annotated[str, Form()] = "") -> Response:
    if confirm.strip() not in CONFIRM_WORDS.values():
        word = CONFIRM_WORDS[language(request)]
        raise ValidationError(f"type {word} to confirm deleting all feedback data", field="confirm")
    counts = request.app.state.services.review.delete_all(who.org_id, confirm=True)
    return _page(request, who, deleted=counts)

