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


def gettext(request: Request, text: str) -> str:
    """Text a page builds in Python (a notice, a chart's title) in the request's language."""
    return translate(language(request), text)


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
    "Vil du se nøyere etter? Gå gjennom en stikkprøve av det neste eksport vil lese, og rett det "
    "avidentifiseringen bommet på.":
        "Want a closer look? Review a spot check of what the next export will read, and correct what the "
        "de-identification missed.",
    "Gå gjennom en stikkprøve": "Review a spot check",
    "SFT (fasit-svar)": "SFT (reference answers)",
    "DPO (foretrukket mot avvist)": "DPO (preferred over rejected)",
    "KTO (godt eller dårlig)": "KTO (good or bad)",
    "Skjemaet var utløpt; prøv igjen.": "The form had expired; please try again.",
    # Brukere og tokens (admin.html, admin.py)
    "Innstillinger → Brukere og tokens": "Settings → Users and tokens",
    "Nytt API-token «%s». Det vises bare denne ene gangen; kopier det nå:":
        "New API token “%s”. It is shown only this once; copy it now:",
    "Brukere i %s": "Users in %s",
    "Brukere (tabell, kan rulles sideveis)": "Users (table, scrolls sideways)",
    "Navn": "Name",
    "Rolle": "Role",
    "Handling": "Action",
    "deaktivert": "disabled",
    "aktiv": "active",
    "Deaktiver %s": "Disable %s",
    "Ny bruker": "New user",
    "Passord (minst 10 tegn)": "Password (at least 10 characters)",
    "Opprett bruker": "Create user",
    "API-tokener": "API tokens",
    "Fagsystemet bruker et token for å sende inn forslag og beslutninger.":
        "The clinical system uses a token to send in suggestions and decisions.",
    "API-tokener (tabell, kan rulles sideveis)": "API tokens (table, scrolls sideways)",
    "Begynner med": "Starts with",
    "aktivt": "active",
    "Trekk tilbake «%s»": "Revoke “%s”",
    "Nytt token": "New token",
    "Hva tokenet er til": "What the token is for",
    "Lag token": "Create token",
    "Kliniker": "Clinician",
    "Gjennomgår": "Reviewer",
    "Administrator": "Administrator",
    "Brukeren %s er opprettet.": "The user %s has been created.",
    # Gjennomgang (review_*.html, review.py)
    "Her retter du det avidentifiseringen fant: det lekkasjekontrollen holdt tilbake først, så stikkprøven "
    "før eksport, så setninger der ingenting ble funnet.":
        "Here you correct what the de-identification found: first what the leak check held back, then the "
        "spot check before export, then sentences where nothing was found.",
    "Køen (kan rulles sideveis)": "The queue (scrolls sideways)",
    "%s åpne dokumenter": "%s open documents",
    "Kilde": "Source",
    "Felt": "Field",
    "Funn": "Findings",
    "Køen er tom.": "The queue is empty.",
    "Hent flere": "Fetch more",
    "Et tilfeldig utvalg av forslagene neste eksport vil lese.":
        "A random sample of the suggestions the next export will read.",
    "Hent stikkprøve": "Fetch a spot check",
    "Setninger der ingenting ble funnet (for å anslå hvor mye som blir oversett).":
        "Sentences where nothing was found (to estimate how much is missed).",
    "Hent setninger uten funn": "Fetch sentences without findings",
    "Holdt tilbake av lekkasjekontrollen": "Held back by the leak check",
    "Stikkprøve før eksport": "Spot check before export",
    "Setninger uten funn": "Sentences without findings",
    "Sendt inn": "Submitted",
    "Gjennomgang av dokument": "Document review",
    "Type for ny markering": "Type for a new marking",
    "Marker utvalget som PII": "Mark the selection as PII",
    "Alle like dette": "All like this",
    "Angre": "Undo",
    "Ferdig, neste dokument": "Done, next document",
    "Tastatur": "Keyboard",
    "Tastene er de samme på norsk og engelsk.": "The keys are the same in Norwegian and English.",
    "neste / forrige funn": "next / previous finding",
    "godta funnet": "accept the finding",
    "ikke PII": "not PII",
    "endre type til %s": "change the type to %s",
    "marker utvalgt tekst som PII (typen velges over)":
        "mark the selected text as PII (choose the type above)",
    "alle like dette: marker alle former av ordet (utvalget, ellers funnet) med samme type":
        "all like this: mark every form of the word (the selection, else the finding) with the same type",
    "angre siste rettelse": "undo the last correction",
    "Rettelsene lagres bare lokalt, i denne organisasjonens egen database, og slettes etter %s dager "
    "(høyst %s hendelser beholdes). Ingenting sendes ut.":
        "Corrections are kept only locally, in this organization’s own database, and deleted after %s days "
        "(at most %s events are kept). Nothing is sent anywhere.",
    "Tekst": "Text",
    "Anonymisert": "Anonymized",
    "sikkerhet %s": "confidence %s",
    "kontroll %s": "check %s",
    "stikkord %s": "cue words %s",
    "lagt til eller endret av en som gjennomgikk": "added or changed by a reviewer",
    "Godta": "Accept",
    "Ikke PII": "Not PII",
    "Ny type for funn %s": "New type for finding %s",
    "Endre type": "Change type",
    "Vurdert, men ikke tatt med": "Considered, but left out",
    "Fødselsnummer": "National identity number",
    "Telefon": "Phone",
    "E-post": "E-mail",
    "Nettadresse": "Web address",
    "Dato": "Date",
    "Alder": "Age",
    "Adresse": "Address",
    "Sted": "Place",
    "Organisasjon": "Organization",
    "ID-nummer": "ID number",
    # Nøyaktighet (dashboard*.html, dashboard.py)
    "Hvor godt forslagene og gjenkjenningen av personopplysninger treffer, og hvilke regler som kan gjøre "
    "den bedre.":
        "How well the suggestions and the detection of personal data hit the mark, and which rules could "
        "make it better.",
    "Slettet: %s tilbakemeldinger og %s gjennomgangsdokumenter.":
        "Deleted: %s feedback events and %s review documents.",
    "%s (diagram, kan rulles sideveis)": "%s (chart, scrolls sideways)",
    "Tallene som tabell": "The figures as a table",
    "%s (tabell)": "%s (table)",
    "Periode": "Period",
    "Ingen data ennå.": "No data yet.",
    "Godtatte forslag per type og dag": "Accepted suggestions by type and day",
    "Andelen av forslagene som ble brukt (uendret eller redigert), per type og dag.":
        "The share of suggestions that were used (as is or edited), by type and day.",
    "Redigerte forslag per type og dag": "Edited suggestions by type and day",
    "Andelen av forslagene som ble brukt etter små eller store endringer, per type og dag.":
        "The share of suggestions that were used after minor or major edits, by type and day.",
    "Godtatte funn per entitetstype og uke": "Accepted findings by entity type and week",
    "Andelen av detektorens funn som gjennomgåerne lot stå, per entitetstype og ISO-uke.":
        "The share of the detector’s findings that reviewers left as they were, by entity type and ISO week.",
    "Hyppigste falske funn": "Most frequent false findings",
    "Tekst som gjennomgåerne merket som «ikke personopplysning».":
        "Text that reviewers marked as “not personal data”.",
    "Falske funn (tabell)": "False findings (table)",
    "Dokumenttype": "Document type",
    "Antall": "Count",
    "Ingen ennå.": "None yet.",
    "Hyppigste oversette mønstre": "Most frequently missed patterns",
    "Personopplysninger detektoren ikke fant, som form (X: stor bokstav, x: små, d: siffer) og ordene "
    "foran.":
        "Personal data the detector did not find, as a shape (X: capital letter, x: lower case, d: digit) "
        "and the words before it.",
    "Oversette mønstre (tabell)": "Missed patterns (table)",
    "Form": "Shape",
    "Ordene foran": "Words before",
    "Foreslåtte regler": "Proposed rules",
    "Prøver forslagene på de gjennomgåtte dokumentene …": "Trying the proposals on the reviewed documents …",
    "Regelhistorikk": "Rule history",
    "Regelhistorikk (tabell)": "Rule history (table)",
    "Versjon": "Version",
    "Hva": "What",
    "Gå tilbake til %s": "Go back to %s",
    "Gå tilbake til de innebygde reglene": "Go back to the built-in rules",
    "Ingen egne regler ennå; detektoren bruker de innebygde.":
        "No rules of your own yet; the detector uses the built-in ones.",
    "%s forslag tatt i bruk": "%s proposal(s) applied",
    "tilbake til de innebygde reglene": "back to the built-in rules",
    "tilbake til %s": "back to %s",
    "Regelen er tatt i bruk som versjon %s.": "The rule is in use as version %s.",
    "Reglene er satt tilbake; ny versjon %s.": "The rules have been rolled back; new version %s.",
    "Oppbevaring av tilbakemeldinger": "Keeping feedback",
    "Tilbakemeldinger lagres bare her, og de eldste slettes når det blir flere enn %s eller de er eldre "
    "enn %s dager.":
        "Feedback is stored only here, and the oldest is deleted when there are more than %s events or "
        "they are older than %s days.",
    "Høyst antall tilbakemeldinger": "Most feedback events kept",
    "Høyst antall dager": "Most days kept",
    "Lagre oppbevaring": "Save retention",
    "Oppbevaringstiden er lagret.": "The retention settings are saved.",
    "Slett alle tilbakemeldingsdata": "Delete all feedback data",
    "Sletter alle tilbakemeldinger og gjennomgangsdokumenter i %s. Det kan ikke angres.":
        "Deletes all feedback events and review documents in %s. This cannot be undone.",
    "Skriv %s for å bekrefte": "Type %s to confirm",
    "Prøvd på %s gjennomgåtte dokumenter, med reglene %s som utgangspunkt.":
        "Tried on %s reviewed documents, starting from rules %s.",
    "Tillat (ikke personopplysning)": "Allow (not personal data)",
    "Alltid personopplysning": "Always personal data",
    "Etter ordene": "After the words",
    "Gir lavere treffsikkerhet (recall) for %s.": "Lowers recall for %s.",
    "Virkning av forslaget (tabell)": "Effect of the proposal (table)",
    "Presisjon før → etter": "Precision before → after",
    "Recall før → etter": "Recall before → after",
    "Jeg vet at denne regelen gir lavere recall": "I know this rule lowers recall",
    "Ta i bruk regelen": "Apply the rule",
    "Ingen forslag ennå: de kommer når samme rettelse er gjort minst to ganger.":
        "No proposals yet: they come once the same correction has been made at least twice.",
}
