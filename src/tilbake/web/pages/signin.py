"""Sign in, sign out, and the start page that shows what a person's role lets them do."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from tilbake.errors import AuthError
from tilbake.web.pages.common import (
    SESSION_COOKIE,
    SIGNIN_CSRF_COOKIE,
    PageRoute,
    SignedInUser,
    UserPost,
    check_signin_csrf,
    people,
    render,
    set_session_cookie,
    set_signin_csrf,
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)

_MESSAGES = {401: "Feil brukernavn eller passord.",
             429: "For mange mislykkede forsøk. Vent et kvarter og prøv igjen."}


def _form(request: Request, message: str = "", username: str = "", status_code: int = 200) -> Response:
    token = secrets.token_urlsafe(32)
    context = {"who": None, "message": message, "username": username, "csrf": token}
    response = render(request, "signin.html", context, status_code)
    set_signin_csrf(request, response, token)
    return response


@router.get("/logg-inn")
def signin_page(request: Request) -> Response:
    if people(request).session(request.cookies.get(SESSION_COOKIE)):
        return RedirectResponse("/", status_code=303)
    return _form(request)


@router.post("/logg-inn")
def signin(request: Request, username: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
           csrf: Annotated[str, Form()] = "") -> Response:
    try:
        check_signin_csrf(request, csrf)
        client = request.client.host if request.client else ""
        cookie, _who = people(request).sign_in(username, password, client)
    except AuthError as exc:
        stale = "stale" in str(exc)
        message = "Skjemaet var utløpt; prøv igjen." if stale else _MESSAGES.get(exc.status, str(exc))
        return _form(request, message, username[:200], exc.status)
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, cookie)
    response.delete_cookie(SIGNIN_CSRF_COOKIE, path="/logg-inn")
    return response


@router.post("/logg-ut")
def signout(request: Request, _who: UserPost) -> Response:
    people(request).sign_out(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/logg-inn", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/")
def home(request: Request, who: SignedInUser) -> Response:
    return render(request, "home.html", {"who": who})
