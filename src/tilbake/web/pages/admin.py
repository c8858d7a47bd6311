"""Innstillinger → Brukere og tokens: an admin creates and disables users and makes and revokes API
tokens. A new token is shown once, in the answer to the POST that made it (never in a URL)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from tilbake.accounts.people import ROLES, SignedIn
from tilbake.web.pages.common import Admin, AdminPost, PageRoute, people, render
from tilbake.web.pages.i18n import gettext

BASE = "/innstillinger/brukere"
router = APIRouter(prefix=BASE, route_class=PageRoute, include_in_schema=False)
ROLE_NAMES = {"clinician": "Kliniker", "reviewer": "Gjennomgår", "admin": "Administrator"}  # _() in the page


def _page(request: Request, who: SignedIn, **extra: Any) -> Response:
    accounts = request.app.state.services.accounts
    context = {"who": who, "base": BASE, "roles": ROLES, "role_names": ROLE_NAMES,
               "users": people(request).list_users(who.org_name),
               "tokens": accounts.list_tokens(who.org_name)} | extra
    return render(request, "admin.html", context)


@router.get("")
def admin_page(request: Request, who: Admin) -> Response:
    return _page(request, who)


@router.post("")
def create_user(request: Request, who: AdminPost, username: Annotated[str, Form()] = "",
                display_name: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "",
                password: Annotated[str, Form()] = "") -> Response:
    user = people(request).create_user(who.org_name, username, display_name, role, password)
    return _page(request, who, notice=gettext(request, "Brukeren %s er opprettet.") % user["username"])


@router.post("/deaktiver")
def disable_user(request: Request, who: AdminPost, username: Annotated[str, Form()] = "") -> Response:
    people(request).disable_user(who.org_name, username)
    return RedirectResponse(BASE, status_code=303)


@router.post("/tokens")
def create_token(request: Request, who: AdminPost, name: Annotated[str, Form()] = "") -> Response:
    token, clear = request.app.state.services.accounts.create_token(who.org_name, name.strip() or "default")
    return _page(request, who, new_token=clear, new_token_name=token["name"])


@router.post("/tokens/{token_id}/trekk-tilbake")
def revoke_token(request: Request, token_id: int, who: AdminPost) -> Response:
    request.app.state.services.accounts.revoke_token(who.org_name, token_id)
    return RedirectResponse(BASE, status_code=303)
