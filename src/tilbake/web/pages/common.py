"""What every page shares: templates, the signed-in person, CSRF checks, the HTML error page.

Sessions: the cookie holds a random value whose sha256 the database keeps (``accounts.people``). It is
HttpOnly, SameSite=Lax, expires with the session, and Secure whenever the request came over https. On
plain http (the loopback address of ``make run``) a Secure cookie would never be sent back, so it is
left off there; serve over https (or behind a TLS proxy with ``--proxy-headers``) anywhere else.

Every POST carries the session's CSRF token in a form field (``csrf``); the sign-in form, before any
session, uses a random token that must match a short-lived cookie (double submit). Errors render as an
HTML page with the status code; their messages name fields, never clinical text, and no page puts
text from a suggestion into a URL.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Form, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from starlette.responses import RedirectResponse, Response

from tilbake.accounts.people import SESSION_HOURS, PeopleService, SignedIn
from tilbake.errors import AuthError, ForbiddenError, InputError, TilbakeError
from tilbake.web.pages import i18n

log = logging.getLogger("tilbake.web.pages")
SESSION_COOKIE = "tilbake_session"
SIGNIN_CSRF_COOKIE = "tilbake_signin_csrf"
templates = Jinja2Templates(directory=Path(__file__).resolve().parents[1] / "templates")
i18n.install(templates.env)

_TITLES = {400: "Ugyldig forespørsel", 401: "Du må logge inn", 403: "Ingen tilgang", 404: "Finnes ikke",
           409: "Kan ikke gjøres nå", 422: "Ugyldig verdi", 429: "For mange forsøk"}


class SignInNeeded(Exception):
    """No live session: the page sends the browser to the sign-in page."""


def people(request: Request) -> PeopleService:
    svc: PeopleService = request.app.state.services.people
    return svc


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str, who: SignedIn | None = None) -> Response:
    """The error as a page, or as a fragment for htmx to swap in where the answer was expected."""
    title = _TITLES.get(status, "Noe gikk galt")
    name = "error_fragment.html" if request.headers.get("HX-Request") else "error.html"
    return render(request, name, {"title": title, "message": message, "who": who}, status)


class PageRoute(APIRoute):
    """A page's route: tilbake's errors become the HTML error page, a missing session a redirect."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInNeeded:  # htmx swaps what it gets: ask it to load the sign-in page instead
                if request.headers.get("HX-Request"):
                    return Response(status_code=204, headers={"HX-Redirect": "/logg-inn"})
                return RedirectResponse("/logg-inn", status_code=303)
            except InputError as exc:
                return error_page(request, exc.status, str(exc), getattr(request.state, "who", None))
            except RequestValidationError:
                return error_page(request, 422, "a form field is missing or has the wrong type")
            except TilbakeError as exc:
                log.error("page failed: %s", type(exc).__name__)  # the class only: no text in logs
                return error_page(request, 500, "the server could not do this; try again later")

        return page_handler


def signed_in(request: Request) -> SignedIn:
    who = people(request).session(request.cookies.get(SESSION_COOKIE))
    if who is None:
        raise SignInNeeded
    request.state.who = who
    return who


def admin(who: Annotated[SignedIn, Depends(signed_in)]) -> SignedIn:
    if not who.is_admin:
        raise ForbiddenError("this page is for the organization's administrators")
    return who


def checked_admin(who: Annotated[SignedIn, Depends(admin)], csrf: Annotated[str, Form()] = "") -> SignedIn:
    """An admin's POST, with the session's CSRF token in the form."""
    check_csrf(who, csrf)
    return who


def checked_user(who: Annotated[SignedIn, Depends(signed_in)], csrf: Annotated[str, Form()] = "") -> SignedIn:
    check_csrf(who, csrf)
    return who


def check_csrf(who: SignedIn, csrf: str) -> None:
    if not secrets.compare_digest(csrf.encode(), who.csrf_token.encode()):
        raise ForbiddenError("the form's security token is missing or stale; reload the page and try again")


def set_session_cookie(request: Request, response: Response, cookie: str) -> None:
    response.set_cookie(SESSION_COOKIE, cookie, max_age=int(SESSION_HOURS * 3600), httponly=True,
                        samesite="lax", secure=request.url.scheme == "https", path="/")


def set_signin_csrf(request: Request, response: Response, token: str) -> None:
    response.set_cookie(SIGNIN_CSRF_COOKIE, token, max_age=3600, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/logg-inn")


def check_signin_csrf(request: Request, csrf: str) -> None:
    expected = request.cookies.get(SIGNIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(csrf.encode(), expected.encode()):
        raise AuthError("the sign-in form is stale; reload the page and try again")


SignedInUser = Annotated[SignedIn, Depends(signed_in)]
Admin = Annotated[SignedIn, Depends(admin)]
AdminPost = Annotated[SignedIn, Depends(checked_admin)]
UserPost = Annotated[SignedIn, Depends(checked_user)]
