"""Gjennomgang: the queue of review items and one item's page, where a reviewer corrects the engine's
entities (keyboard first) and sees the anonymized text change. Over ``ReviewService``, like the API.

Every correction is a POST of offsets and a label (never text); with htmx the answer is the item's
panel (text, preview, entities), swapped in place, otherwise a redirect back to the item's page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from tilbake.accounts.people import SignedIn
from tilbake.deid.spans import Label
from tilbake.errors import ForbiddenError, InputError, ValidationError
from tilbake.review.corrections import Request as CorrectionRequest
from tilbake.review.service import ReviewService
from tilbake.web.pages.common import PageRoute, check_csrf, render, signed_in

BASE = "/gjennomgang"
router = APIRouter(prefix=BASE, route_class=PageRoute, include_in_schema=False)

#: the queue's order (DESIGN: what the leak gate held back first, then the spot checks)
QUEUE = ("quarantine", "sample", "quiet", "submitted")
SOURCE_NAMES = {"quarantine": "Holdt tilbake av lekkasjekontrollen", "sample": "Stikkprøve før eksport",
                "quiet": "Setninger uten funn", "submitted": "Sendt inn"}
TYPE_NAMES = {"PERSON": "Navn", "FNR": "Fødselsnummer", "PHONE": "Telefon", "EMAIL": "E-post",
              "URL": "Nettadresse", "DATE": "Dato", "AGE": "Alder", "ADDRESS": "Adresse",
              "LOCATION": "Sted", "ORG": "Organisasjon", "ID": "ID-nummer"}
#: the names above are bokmål; the templates translate them with _()
TYPE_KEYS = dict(zip((label.value for label in Label), "1234567890i", strict=True))
ACTIONS = {"godta": "adjust_confidence", "ikke-pii": "mark_as_not_pii", "endre-type": "change_entity_type",
           "marker": "mark_as_pii"}


def reviewer(who: Annotated[SignedIn, Depends(signed_in)]) -> SignedIn:
    if who.role not in ("reviewer", "admin"):
        raise ForbiddenError("this page is for the organization's reviewers")
    return who


def checked_reviewer(who: Annotated[SignedIn, Depends(reviewer)],
                     csrf: Annotated[str, Form()] = "") -> SignedIn:
    check_csrf(who, csrf)
    return who


Reviewer = Annotated[SignedIn, Depends(reviewer)]
ReviewerPost = Annotated[SignedIn, Depends(checked_reviewer)]


def _review(request: Request) -> ReviewService:
    svc: ReviewService = request.app.state.services.review
    return svc


def _queue(svc: ReviewService, org_id: int) -> list[dict[str, Any]]:
    items = svc.list_items(org_id, "open", 1000)
    return sorted(items, key=lambda i: QUEUE.index(i["source"]) if i["source"] in QUEUE else len(QUEUE))


@router.get("")
def queue_page(request: Request, who: Reviewer) -> Response:
    items = _queue(_review(request), who.org_id)
    return render(request, "review_queue.html", {"who": who, "base": BASE, "items": items,
                                                 "source_names": SOURCE_NAMES})


@router.post("/hent")
def fetch_items(request: Request, who: ReviewerPost, source: Annotated[str, Form()] = "sample",
                size: Annotated[int, Form()] = 20) -> Response:
    """New items from the pending export rows: a sample of them, or of their sentences with no finds."""
    svc = _review(request)
    if source == "quiet":
        svc.sample_quiet(who.org_id, size)
    else:
        svc.from_sample(who.org_id, size)
    return RedirectResponse(BASE, status_code=303)


def segments(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut into plain pieces and entities, each with its start offset (for the selection)."""
    out, at = [], 0
    for n, e in enumerate(entities):
        if e["start"] > at:
            out.append({"start": at, "text": text[at:e["start"]]})
        out.append({"start": e["start"], "text": text[e["start"]:e["end"]], "entity": e, "n": n})
        at = e["end"]
    if at < len(text):
        out.append({"start": at, "text": text[at:]})
    return out


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def _why(item: dict[str, Any], entity: dict[str, Any]) -> list[dict[str, Any]]:
    """The engine's candidates over this entity, the one it kept first (why it was flagged)."""
    found = [x for x in item["explanations"] if _overlaps(x, entity)]
    return sorted(found, key=lambda x: x["decision"] != "kept")


def _panel_context(who: SignedIn, item: dict[str, Any], message: str = "") -> dict[str, Any]:
    entities = [e | {"why": _why(item, e)} for e in item["entities"]]
    dropped = [x for x in item["explanations"]  # considered and let go, over no entity now
               if x["decision"] != "kept" and not any(_overlaps(x, e) for e in item["entities"])]
    return {"who": who, "base": BASE, "item": item, "entities": entities, "dropped": dropped,
            "segments": segments(item["text"], item["entities"]), "type_names": TYPE_NAMES,
            "type_keys": TYPE_KEYS, "key_types": {k: v for v, k in TYPE_KEYS.items()},
            "message": message}


@router.get("/{item_id}")
def item_page(request: Request, item_id: str, who: Reviewer) -> Response:
    svc = _review(request)
    item = svc.get(who.org_id, item_id)
    queue = [i["id"] for i in _queue(svc, who.org_id) if i["id"] != item_id]
    context = _panel_context(who, item) | {"retention": svc.retention(who.org_id),
                                           "next_id": queue[0] if queue else None,
                                           "source_names": SOURCE_NAMES}
    return render(request, "review_item.html", context)


def _answer(request: Request, who: SignedIn, item_id: str, change: Any) -> Response:
    """The panel after ``change()`` (htmx), with a refused change's message in it; else a redirect."""
    svc = _review(request)
    if not request.headers.get("HX-Request"):
        change()
        return RedirectResponse(f"{BASE}/{item_id}", status_code=303)
    try:
        item, message, status = change(), "", 200
    except InputError as exc:
        item, message, status = svc.get(who.org_id, item_id), str(exc), exc.status
    return render(request, "review_panel.html", _panel_context(who, item, message), status)


@router.post("/{item_id}/rett")
def correct(request: Request, item_id: str, who: ReviewerPost, action: Annotated[str, Form()] = "",
            start: Annotated[int, Form()] = 0, end: Annotated[int, Form()] = 0,
            label: Annotated[str, Form()] = "", all_like_this: Annotated[bool, Form()] = False) -> Response:
    """One correction: godta (accept: the reviewer's confidence 1), ikke-pii, endre-type, marker."""
    if action not in ACTIONS:
        raise ValidationError(f"action must be one of {', '.join(ACTIONS)}", field="action")
    confidence = 1.0 if action == "godta" else None
    req = CorrectionRequest(ACTIONS[action], start, end, label or None, confidence, all_like_this)
    return _answer(request, who, item_id, lambda: _review(request).correct(who.org_id, item_id, req))


@router.post("/{item_id}/angre")
def undo(request: Request, item_id: str, who: ReviewerPost) -> Response:
    return _answer(request, who, item_id, lambda: _review(request).undo(who.org_id, item_id))


@router.post("/{item_id}/fullfor")
def complete(request: Request, item_id: str, who: ReviewerPost) -> Response:
    """Mark the item reviewed and go on to the next one in the queue (or back to the queue)."""
    svc = _review(request)
    svc.complete(who.org_id, item_id)
    queue = _queue(svc, who.org_id)
    target = f"{BASE}/{queue[0]['id']}" if queue else BASE
    if request.headers.get("HX-Request"):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)
