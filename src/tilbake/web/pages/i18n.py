"""English as the pages' second language. Bokmål is the source: templates wrap their text in ``_()``,
and the catalogue below maps each bokmål string to its English text. A string without an entry stays
bokmål (tests/web/test_pages_i18n.py checks that every wrapped string has one and no entry is unused).

The language: the ``lang`` cookie, set by the switch in the page header (``/sprak``), else the first
language of the Accept-Language header, else bokmål."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from jinja2 import Environment, pass_context
from starlette.responses import RedirectResponse

LANG_COOKIE = "lang"
LANGUAGES = ("nb", "en")
router = APIRouter(include_in_schema=False)


def language(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    first = request.headers.get("accept-language", "").split(",")[0].split(";")[0].strip().lower()
    return "en" if first.split("-")[0] == "en" else "nb"


def translate(lang: str, text: str) -> str:
    return ENGLISH.get(text, text) if lang == "en" else text


@pass_context
def _gettext(context: Any, text: str) -> str:
    request = context.get("request")
    return translate(language(request), text) if request is not None else text


@pass_context
def _page_language(context: Any) -> str:
    request = context.get("request")
    return language(request) if request is not None else "nb"


def install(env: Environment) -> None:
    env.globals["_"] = _gettext
    env.globals["page_language"] = _page_language


@router.get("/sprak")
def choose_language(request: Request, lang: Annotated[str, Query()] = "nb",
                    neste: Annotated[str, Query()] = "/") -> RedirectResponse:
    """Remember the language for a year and go back; only a path on this site is followed."""
    local = neste.startswith("/") and not neste.startswith("//") and "\\" not in neste
    response = RedirectResponse(neste if local else "/", status_code=303)
    response.set_cookie(LANG_COOKIE, lang if lang in LANGUAGES else "nb", max_age=365 * 24 * 3600,
                        samesite="lax", secure=request.url.scheme == "https", path="/")
    return response


# The catalogue: bokmål (as written in the templates) → English.
ENGLISH: dict[str, str] = {
    "Hopp til innholdet": "Skip to content",
    "Hovedmeny": "Main menu",
    "Hjem": "Home",
    "Gjennomgang": "Review",
    "Treningsdata": "Training data",
    "Brukere og tokens": "Users and tokens",
    "Nøyaktighet": "Accuracy",
    "Logg ut": "Sign out",
    "Logg inn": "Sign in",
    "Brukernavn": "Username",
    "Passord": "Password",
    "Har du ikke bruker? Spør en administrator i virksomheten din.":
        "No account? Ask an administrator in your organization.",
    "Feil brukernavn eller passord.": "Wrong username or password.",
    "For mange mislykkede forsøk. Vent et kvarter og prøv igjen.":
        "Too many failed attempts. Wait fifteen minutes and try again.",
    "Til forsiden": "To the front page",
    "Ugyldig forespørsel": "Bad request",
    "Du må logge inn": "You must sign in",
    "Ingen tilgang": "Access denied",
    "Finnes ikke": "Not found",
    "Kan ikke gjøres nå": "Cannot be done now",
    "Ugyldig verdi": "Invalid value",
    "For mange forsøk": "Too many attempts",
    "Noe gikk galt": "Something went wrong",
    "Hei, %s": "Hello, %s",
    "Du er logget inn i": "You are signed in to",
    "som": "as",
    "kliniker": "clinician",
    "gjennomgår": "reviewer",
    "administrator": "administrator",
    "Innstillinger → AI → Treningsdata": "Settings → AI → Training data",
    "se hva som er klart, og last ned treningsdata.": "see what is ready, and download training data.",
    "opprett brukere og API-tokener.": "create users and API tokens.",
    "rett det som ble funnet som personopplysninger.": "correct what was found as personal data.",
    "hvor godt forslagene og funnene treffer, og regler fra rettelsene.":
        "how well the suggestions and findings hit, and rules from the corrections.",
    "hvor godt forslagene og funnene treffer.": "how well the suggestions and findings hit.",
    "Eksport og brukere styres av en administrator.": "Exports and users are managed by an administrator.",
    "Tabell (kan rulles sideveis)": "Table (scrolls sideways)",
    "Klart for eksport": "Ready for export",
    "nye eksempler er klare for eksport.": "new examples are ready for export.",
    "forslag som ikke ble brukt, blir ikke med.": "suggestions that were not used are left out.",
    "Nye forslag etter type og beslutning": "New suggestions by type and decision",
    "Type": "Type",
    "Godtatt uendret": "Accepted as is",
    "Små endringer": "Minor edits",
    "Store endringer": "Major edits",
    "Avvist": "Rejected",
    "Ikke brukt": "Not used",
    "Inntil": "Up to",
    "-rader": " rows",
    "(før duplikater fjernes og lekkasjekontrollen holder tilbake rader den er i tvil om).":
        "(before duplicates are removed and the leak check holds back rows it is unsure of).",
    "Dette fjernes": "Removed",
    "navn på pasienter, pårørende og helsepersonell": "names of patients, relatives and health personnel",
    "fødselsnummer, D-nummer og andre ID-numre (HPR, journal, konto)":
        "national identity numbers, D numbers and other ID numbers (HPR, record, account)",
    "telefonnumre, e-postadresser og nettadresser": "phone numbers, e-mail addresses and web addresses",
    "datoer, adresser og stedsnavn": "dates, addresses and place names",
    "eksakt alder (blir til et aldersspenn, for eksempel 40–49 år)":
        "exact age (becomes an age band, for example 40–49 years)",
    "navn på legesentre, sykehus, arbeidsgivere og skoler":
        "names of clinics, hospitals, employers and schools",
    "interne ID-er for konsultasjon, økt og mal": "internal IDs of consultation, session and template",
    "Dette beholdes": "Kept",
    "det kliniske innholdet: forslaget, rettelsen og hovedplagen":
        "the clinical content: the suggestion, the correction and the chief complaint",
    "diagnosekoder (ICPC-2, ICD-10), doser og skårer": "diagnosis codes (ICPC-2, ICD-10), doses and scores",
    "forslagstype, beslutning og modellens sikkerhet": "suggestion type, decision and the model’s confidence",
    "klokkeslett, årstall og varigheter": "times of day, years and durations",
    "Slik ser neste eksport ut": "What the next export looks like",
    "Henter et anonymisert eksempel …": "Fetching an anonymized example …",
    "Samtykke og nedlasting": "Consent and download",
    "Jeg samtykker (som %s)": "I consent (as %s)",
    "Last ned treningsdata": "Download training data",
    "Tidligere eksporter": "Earlier exports",
    "Laget": "Created",
    "Forslag": "Suggestions",
    "Rader": "Rows",
    "Holdt tilbake": "Held back",
    "Status": "Status",
    "Handlinger": "Actions",
    "klar": "ready",
    "trukket tilbake": "revoked",
    "Last ned igjen": "Download again",
    "Radene etterpå": "The rows afterwards",
    "kan eksporteres på nytt": "may be exported again",
    "skal aldri eksporteres": "must never be exported",
    "Trekk tilbake": "Revoke",
    "Ingen eksporter ennå.": "No exports yet.",
    "Lager eksporten … %s av %s forslag": "Building the export … %s of %s suggestions",
    "Eksporten er klar: %s forslag.": "The export is ready: %s suggestions.",
    "Last ned eksporten": "Download the export",
    "Eksporten feilet:": "The export failed:",
    "Slik de første nye forslagene blir i eksporten, etter avidentifisering. Ingenting er lagret ennå.":
        "The first new suggestions as they will be in the export, after de-identification. Nothing is "
        "stored yet.",
    "Ingen nye forslag å vise.": "No new suggestions to show.",
}
