"""Every page in English holds no bokmål of its own: each text node, aria-label and title either comes
from the English catalogue or is data (what the page was given to show: a note, a user name, a type
code). The catalogue's translations are wrapped in markers for these tests; what is left of a text once
the marked pieces and the data are taken out must hold no word. So a string someone adds without
``_()``, or without an English entry, fails here (the first test shows the check catching one)."""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import Markup

from tilbake.capture.schemas import FeedbackIn
from tilbake.config import Settings
from tilbake.web import create_app
from tilbake.web.pages import admin, common, i18n, review, training
from tilbake.web.pages.i18n import ENGLISH
from tilbake.wiring import Services

ON_SQLITE = pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # no SQL of its own

PASSWORD = "riktig-hest-batteri"
NOTE = "Hun er sjåfør i firmaet Fjordlaks. Kari Hansen ringte 91234567. Øvelser fra Hvite Boka."
OPEN, CLOSE = "\u27e6", "\u27e7"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
WORD = re.compile(r"[^\W\d_]{2,}")  # one letter alone is a key (j, k, a …), the same in both languages
#: the language switch names each language in itself, on purpose; tilbake is the product's name; the
#: export formats are names (the page writes the data's lower-case keys in capitals)
LANGUAGE_FREE = {"English", "Norsk", "tilbake", "SFT", "DPO", "KTO"}
#: bokmål names the pages translate with _(): never data, even though a page's context holds them
NAMES = {*review.SOURCE_NAMES.values(), *review.TYPE_NAMES.values(), *admin.ROLE_NAMES.values(),
         *training.DECISIONS.values(), *training.FORMATS.values()}
#: context keys whose values are text the page translated itself (not data)
TRANSLATED_KEYS = {"title", "desc", "svg", "notice", "note"}
CHECKED_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def _marked(lang: str, text: str) -> str:
    return f"{OPEN}{ENGLISH[text]}{CLOSE}" if lang == "en" and text in ENGLISH else text


class _Texts(HTMLParser):
    """The text nodes (outside script and style) and the checked attributes, each with its place."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in CHECKED_ATTRIBUTES and value:
                self.found.append((f"<{tag} {name}>", value))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.found.append(("text", data))


def _strings(value: Any, out: set[str], top: bool = True) -> None:
    """Every string a page was given to show (the data), the page's own translated text left out.
    Keys below the context's top level are data too (suggestion types keying counts, say)."""
    if isinstance(value, Markup):
        return
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for key, v in value.items():
            if key not in TRANSLATED_KEYS:
                if not top and isinstance(key, str):
                    out.add(key)
                _strings(v, out, top=False)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            _strings(v, out, top=False)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        _strings({f.name: getattr(value, f.name) for f in dataclasses.fields(value)}, out, top=False)


def untranslated(html: str, data: set[str]) -> list[tuple[str, str]]:
    """The texts of a page that still hold a word once the catalogue's (marked) pieces and the data
    are taken out."""
    parser = _Texts()
    parser.feed(html)
    pieces = sorted((d for d in data - ENGLISH.keys() - NAMES if len(d) > 1), key=len, reverse=True)
    left = []
    for where, text in parser.found:
        rest = text
        while MARKED.search(rest):  # innermost first: a translation may hold another one
            rest = MARKED.sub(" ", rest)
        for piece in pieces:
            rest = rest.replace(piece, " ")
        words = [w for w in WORD.findall(rest) if w not in LANGUAGE_FREE]
        if words:
            left.append((where, text.strip()))
    return left


@pytest.fixture
def site(db, tmp_path, monkeypatch):
    """The app with marked English and a record of what each rendered page was given."""
    app = create_app(Services(Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)}), db))
    monkeypatch.setattr(i18n, "translate", _marked)
    given: list[dict[str, Any]] = []
    render = common.templates.TemplateResponse

    def recording(request, name, context, **kwargs):
        given.append(context)
        return render(request, name, context, **kwargs)

    monkeypatch.setattr(common.templates, "TemplateResponse", recording)
    return app, given


def _user(app, org_name, role):
    username = f"{role}-{uuid.uuid4().hex[:6]}"
    app.state.services.people.create_user(org_name, username, f"Test {role}", role, PASSWORD)
    return username


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _english(app, username) -> TestClient:
    client = TestClient(app, cookies={"lang": "en"})
    form = {"username": username, "password": PASSWORD, "csrf": _csrf(client.get("/logg-inn").text)}
    assert client.post("/logg-inn", data=form, follow_redirects=False).status_code == 303
    return client


def _check(given, answers) -> None:
    """Each answer is English and holds nothing but the catalogue's text and its data."""
    data: set[str] = set()
    for context in given:
        _strings(context, data)
    for answer in answers:
        assert OPEN in answer.text, answer.url  # it was rendered in (marked) English
        if "<html" in answer.text:
            assert '<html lang="en">' in answer.text
        assert untranslated(answer.text, data) == [], answer.url


def test_the_check_catches_an_untranslated_string():
    page = f'<p>{OPEN}Review{CLOSE}</p><p>Ikke oversatt</p><button aria-label="Lukk">x</button>'
    assert untranslated(page, set()) == [("text", "Ikke oversatt"), ("<button aria-label>", "Lukk")]
    assert untranslated(f"<p>{OPEN}Hello, %s{CLOSE} (Kari)</p>", {"Kari"}) == []
    assert untranslated("<p>Navn</p>", {"Navn"}) == [("text", "Navn")]  # a name to translate is no data


def _new_org(app):
    """An organization of its own (a unique name) for one test, with its first token."""
    return app.state.services.accounts.create_org(f"klinikk-{uuid.uuid4().hex[:8]}")


@ON_SQLITE
def test_review_pages_in_english(site):
    app, given = site
    services = app.state.services
    org, _token = _new_org(app)
    who = services.accounts.local(org["name"])
    svc = services.review
    item = svc.submit(who.org_id, NOTE)
    svc.submit(who.org_id, "Fortsetter med øvelser.", source="quiet")
    client = _english(app, _user(app, org["name"], "reviewer"))
    given.clear()
    url = f"/gjennomgang/{item['id']}"
    answers = [client.get("/gjennomgang"), client.get(url)]
    assert "Review" in answers[0].text and "Document review" in answers[1].text
    csrf, htmx = _csrf(answers[1].text), {"HX-Request": "true"}
    start = item["text"].index("Fjordlaks")
    answers.append(client.post(f"{url}/rett", headers=htmx, data={
        "csrf": csrf, "action": "marker", "start": start, "end": start + 9, "label": "ORG"}))
    answers.append(client.post(f"{url}/rett", headers=htmx, data={  # refused: its message in the panel
        "csrf": csrf, "action": "ikke-pii", "start": 0, "end": 2}))
    assert answers[-1].status_code == 404 and "no entity" in answers[-1].text
    answers.append(client.get(url))  # with the reviewer's own entity ("added or changed by a reviewer")
    svc.complete(who.org_id, item["id"])
    answers.append(client.get(f"/gjennomgang/{svc.list_items(who.org_id, 'open', 10)[0]['id']}"))
    _check(given, answers)
    assert "The keys are the same in Norwegian and English." in answers[1].text


@ON_SQLITE
def test_review_queue_empty_and_the_keys_unchanged(site):
    app, given = site
    org, _token = _new_org(app)
    client = _english(app, _user(app, org["name"], "reviewer"))
    given.clear()
    answers = [client.get("/gjennomgang")]
    _check(given, answers)
    assert "The queue is empty." in answers[0].text


def _seed_dashboard(app, org, token):
    """Decisions on three days, two documents with the same correction (a proposal), and three where
    a name was judged (a recall-lowering proposal)."""
    who = app.state.services.accounts.local(org["name"])
    today = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    records = [FeedbackIn(suggestion_type=kind, original_suggestion="Kari Hansen trener.",
                          user_correction=None if decision in ("accepted_as_is", "rejected") else "Trener.",
                          correction_type=decision, created_at=today - timedelta(days=ago))
               for kind, ago, decision in [("soap_plan", 0, "accepted_as_is"), ("soap_plan", 1, "minor_edit"),
                                           ("referral_letter", 2, "rejected")]]
    app.state.services.capture.import_feedback(who, records)
    api, auth = TestClient(app), {"Authorization": f"Bearer {token}"}

    def judged(text, change):
        item = api.post("/api/v1/review/items", json={"text": text}, headers=auth).json()
        url = f"/api/v1/review/items/{item['id']}"
        if body := change(item):
            assert api.post(f"{url}/corrections", json=body, headers=auth).is_success
        assert api.post(f"{url}/complete", headers=auth).is_success

    def employer(word):
        return lambda item: {"action": "mark_as_pii", "start": item["text"].index(word),
                             "end": item["text"].index(word) + len(word), "label": "ORG"}

    def not_a_name(item):
        name = next(e for e in item["entities"] if e["text"] == "Ola Nordmann")
        return {"action": "mark_as_not_pii", "start": name["start"], "end": name["end"]}

    for word in ("Fjordlaks", "Bergfisk"):
        judged(f"Hun er sjåfør i firmaet {word}. Kari Hansen ringte 91234567.", employer(word))
    for change in (not_a_name, not_a_name, lambda item: None):  # the third keeps the name: lower recall
        judged("Ola Nordmann ringte i dag.", change)

@ON_SQLITE
def test_dashboard_in_english(site):
    app, given = site
    services = app.state.services
    org, token = _new_org(app)
    _seed_dashboard(app, org, token)
    client = _english(app, _user(app, org["name"], "admin"))
    given.clear()
    page = client.get("/noyaktighet")
    csrf = _csrf(page.text)
    proposals = client.get("/noyaktighet/forslag", headers={"HX-Request": "true"})
    assert "Apply the rule" in proposals.text and "I know this rule lowers recall" in proposals.text
    context = next(p for p in services.rules.propose(org["id"])["proposals"] if p["kind"] == "context")
    answers = [page, proposals,
               client.post("/noyaktighet/regler/bruk", data={"proposal": context["id"], "csrf": csrf}),
               client.post("/noyaktighet/regler/tilbakestill", data={"to_version": 0, "csrf": csrf}),
               client.post("/noyaktighet/regler/tilbakestill", data={"to_version": 1, "csrf": csrf}),
               client.post("/noyaktighet/oppbevaring",
                           data={"max_events": 500, "max_days": 30, "csrf": csrf})]
    assert "The rule is in use as version org-v1." in answers[2].text
    history = answers[-1].text
    assert "1 proposal(s) applied" in history and "back to the built-in rules" in history
    assert "back to org-v1" in history and "Go back to org-v1" in history
    assert "Type DELETE to confirm" in page.text and 'pattern="DELETE"' in page.text
    answers.append(client.post("/noyaktighet/slett", data={"confirm": "DELETE", "csrf": csrf}))
    assert "Deleted: " in answers[-1].text
    answers.append(client.get("/noyaktighet"))  # no data, no rules of its own
    _check(given, answers)
    assert "The figures as a table" in page.text and "Accepted suggestions by type and day" in page.text


@ON_SQLITE
def test_the_delete_confirmation_takes_either_language_s_word(site):
    app, _given = site
    org, _token = _new_org(app)
    username = _user(app, org["name"], "admin")
    english = _english(app, username)
    csrf = _csrf(english.get("/noyaktighet").text)
    refused = english.post("/noyaktighet/slett", data={"confirm": "JA", "csrf": csrf})
    assert refused.status_code == 422 and "type DELETE to confirm" in refused.text
    assert english.post("/noyaktighet/slett", data={"confirm": "SLETT", "csrf": csrf}).status_code == 200
    assert english.post("/noyaktighet/slett", data={"confirm": "DELETE", "csrf": csrf}).status_code == 200


@ON_SQLITE
def test_admin_page_in_english(site):
    app, given = site
    services = app.state.services
    org, _token = _new_org(app)
    client = _english(app, _user(app, org["name"], "admin"))
    gone = _user(app, org["name"], "clinician")
    services.people.disable_user(org["name"], gone)
    given.clear()
    page = client.get("/innstillinger/brukere")
    csrf = _csrf(page.text)
    new = f"per.{uuid.uuid4().hex[:6]}"  # user names are global, and the database is shared
    answers = [page,
               client.post("/innstillinger/brukere", data={"csrf": csrf, "username": new,
                                                           "display_name": "Per Kliniker", "role": "reviewer",
                                                           "password": PASSWORD}),
               client.post("/innstillinger/brukere/tokens", data={"csrf": csrf, "name": "journalsystem"})]
    token_id = services.accounts.list_tokens(org["name"])[0]["id"]
    client.post(f"/innstillinger/brukere/tokens/{token_id}/trekk-tilbake", data={"csrf": csrf})
    answers.append(client.get("/innstillinger/brukere"))  # a revoked token, a disabled user
    assert f"The user {new} has been created." in answers[1].text
    assert "It is shown only this once" in answers[2].text
    assert "revoked" in answers[-1].text and "disabled" in answers[-1].text
    _check(given, answers)


@ON_SQLITE
def test_the_other_pages_and_error_pages_in_english(site):
    """Sign-in, home, Treningsdata with its sample, and the error pages: the check over them too."""
    app, given = site
    services = app.state.services
    org, _token = _new_org(app)
    who = services.accounts.local(org["name"])
    services.capture.import_feedback(who, [FeedbackIn(
        suggestion_type="soap_plan", original_suggestion="Kontroll om to uker.", user_correction=None,
        accepted=True, correction_type="accepted_as_is")])
    given.clear()
    stranger = TestClient(app, cookies={"lang": "en"})
    answers = [stranger.get("/logg-inn"),
               stranger.post("/logg-inn", data={"username": "x", "password": "y", "csrf": "stale"})]
    assert "The form had expired" in answers[-1].text
    client = _english(app, _user(app, org["name"], "admin"))
    answers += [client.get("/"), client.get(training.BASE), client.get(training.BASE + "/eksempel"),
                client.get("/gjennomgang/finnes-ikke")]
    clinician = _english(app, _user(app, org["name"], "clinician"))
    answers += [clinician.get("/"), clinician.get("/noyaktighet"), clinician.get("/innstillinger/brukere")]
    assert [a.status_code for a in answers[-4:]] == [404, 200, 403, 403]
    _check(given, answers)
