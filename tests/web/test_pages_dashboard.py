"""The Nøyaktighet page over the real app and engine (TestClient), on SQLite and PostgreSQL: roles,
CSRF, the SVG charts against seeded data, rules applied and rolled back, retention, confirmed delete,
and no clinical text in any URL the page links or posts to."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from tilbake.capture.schemas import FeedbackIn
from tilbake.config import Settings
from tilbake.web import create_app
from tilbake.wiring import Services

PASSWORD = "riktig-hest-batteri"
PAGE = "/noyaktighet"
SVG = "{http://www.w3.org/2000/svg}"
SECRET = "Kari Hansen"


@pytest.fixture
def app(db, tmp_path):
    return create_app(Services(Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)}), db))


def _org(app):
    services = app.state.services
    org, token = services.accounts.create_org(f"klinikk-{uuid.uuid4().hex[:8]}")
    return org, token


def _user(app, org, role):
    username = f"{role}-{uuid.uuid4().hex[:6]}"
    app.state.services.people.create_user(org["name"], username, f"Test {role}", role, PASSWORD)
    return username


def _csrf(html):
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _signed_in(app, username):
    client = TestClient(app)
    page = client.get("/logg-inn")
    form = {"username": username, "password": PASSWORD, "csrf": _csrf(page.text)}
    done = client.post("/logg-inn", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    return client


def _seed_decisions(app, org):
    """soap_plan on three days (one rejected, one edited), referral on two days."""
    who = app.state.services.accounts.local(org["name"])
    today = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    plan = [("soap_plan", 0, "accepted_as_is"), ("soap_plan", 1, "minor_edit"), ("soap_plan", 2, "rejected"),
            ("referral_letter", 0, "accepted_as_is"), ("referral_letter", 2, "major_edit")]
    records = [FeedbackIn(suggestion_type=kind, original_suggestion=f"{SECRET} trener.",
                          user_correction=None if decision in ("accepted_as_is", "rejected") else "Trener.",
                          correction_type=decision, created_at=today - timedelta(days=ago))
               for kind, ago, decision in plan]
    app.state.services.capture.import_feedback(who, records)


def _reviewed(client, auth, word):
    """A review item through the API: an employer after "i firmaet" marked as ORG, then completed."""
    text = f"Hun er sjåfør i firmaet {word}. {SECRET} ringte 91234567."
    item = client.post("/api/v1/review/items", json={"text": text}, headers=auth).json()
    start = item["text"].index(word)
    body = {"action": "mark_as_pii", "start": start, "end": start + len(word), "label": "ORG"}
    url = f"/api/v1/review/items/{item['id']}"
    assert client.post(f"{url}/corrections", json=body, headers=auth).status_code == 200
    assert client.post(f"{url}/complete", headers=auth).status_code == 200


def _points(svg_element):
    return {g.get("data-series"): len(g.findall(f"{SVG}circle")) for g in svg_element.iter(f"{SVG}g")}


def _charts(html):
    found = re.findall(r'data-testid="chart-(\w+)">(.*?)</figure>', html, re.S)
    return {name: ET.fromstring(body) for name, body in found}


def test_roles_see_or_are_refused(app):
    org, _token = _org(app)
    for role in ("reviewer", "admin"):
        page = _signed_in(app, _user(app, org, role)).get(PAGE)
        assert page.status_code == 200 and "<h1>Nøyaktighet</h1>" in page.text
        assert 'href="/noyaktighet"' in page.text
        assert ("Slett alle tilbakemeldingsdata</button>" in page.text) == (role == "admin")
    clinician = _signed_in(app, _user(app, org, "clinician"))
    assert clinician.get(PAGE).status_code == 403
    assert 'href="/noyaktighet"' not in clinician.get("/").text
    assert TestClient(app).get(PAGE, follow_redirects=False).headers["location"] == "/logg-inn"


def test_a_reviewer_cannot_change_anything(app):
    org, _token = _org(app)
    reviewer = _signed_in(app, _user(app, org, "reviewer"))
    csrf = _csrf(reviewer.get(PAGE).text)
    for path, form in (("/slett", {"confirm": "SLETT"}), ("/oppbevaring", {"max_events": 5, "max_days": 5}),
                       ("/regler/tilbakestill", {"to_version": 0}), ("/regler/bruk", {"proposal": "x"})):
        assert reviewer.post(PAGE + path, data={**form, "csrf": csrf}).status_code == 403


def test_posts_without_the_csrf_token_are_refused(app):
    org, _token = _org(app)
    admin = _signed_in(app, _user(app, org, "admin"))
    for path, form in (("/slett", {"confirm": "SLETT"}), ("/oppbevaring", {"max_events": 5, "max_days": 5}),
                       ("/regler/tilbakestill", {"to_version": 0})):
        answer = admin.post(PAGE + path, data=form | {"csrf": "stale"})
        assert answer.status_code == 403 and "security token" in answer.text
    assert app.state.services.review.retention(org["id"]).max_events != 5


def test_charts_are_valid_svg_with_a_point_per_decided_day(app):
    org, token = _org(app)
    _seed_decisions(app, org)
    client = TestClient(app)
    for word in ("Fjordlaks", "Bergfisk"):
        _reviewed(client, {"Authorization": f"Bearer {token}"}, word)
    html = _signed_in(app, _user(app, org, "reviewer")).get(PAGE).text
    charts = _charts(html)
    assert set(charts) == {"acceptance", "edits", "detector"}
    assert _points(charts["acceptance"]) == {"referral_letter": 2, "soap_plan": 3}
    assert _points(charts["edits"]) == {"referral_letter": 2, "soap_plan": 3}
    weekly = app.state.services.review.acceptance(org["id"])
    assert _points(charts["detector"]) == {e["type"]: 1 for e in weekly} and weekly  # one week so far
    for svg in charts.values():
        assert svg.get("role") == "img" and svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    # the table alternative has one row per day and the rates: referral_letter 1/1 then 1/1; soap_plan 1, 1, 0
    assert html.count('<th scope="row">') >= 3 + len({e["week"] for e in weekly})
    assert "0 %" in html and "100 %" in html


def test_apply_shows_in_history_and_rollback_works(app):
    org, token = _org(app)
    client = TestClient(app)
    for word in ("Fjordlaks", "Bergfisk"):
        _reviewed(client, {"Authorization": f"Bearer {token}"}, word)
    admin = _signed_in(app, _user(app, org, "admin"))
    page = admin.get(PAGE)
    assert "Ingen egne regler ennå" in page.text
    fragment = admin.get(PAGE + "/forslag", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "Ta i bruk regelen" in fragment.text
    shown = app.state.services.rules.propose(org["id"])["proposals"]
    wanted = next(p for p in shown if p["kind"] == "context")
    assert f'value="{wanted["id"]}"' in fragment.text and "firmaet" in fragment.text
    csrf = _csrf(page.text)
    applied = admin.post(PAGE + "/regler/bruk", data={"proposal": wanted["id"], "csrf": csrf})
    assert applied.status_code == 200 and "versjon org-v1" in applied.text
    assert "<td>1 forslag tatt i bruk</td>" in applied.text
    assert app.state.services.rules.current(org["id"])["context"]
    rolled = admin.post(PAGE + "/regler/tilbakestill", data={"to_version": 0, "csrf": csrf})
    assert rolled.status_code == 200 and "ny versjon org-v2" in rolled.text
    assert app.state.services.rules.current(org["id"])["context"] == []
    assert [v["version"] for v in app.state.services.rules.history(org["id"])] == ["org-v2", "org-v1"]
    assert 'value="1"' in rolled.text  # an older version can be gone back to
    assert "<td>tilbake til de innebygde reglene</td>" in rolled.text
    unknown = admin.post(PAGE + "/regler/bruk", data={"proposal": "nope", "csrf": csrf})
    assert unknown.status_code == 404


def test_retention_is_set_and_checked(app):
    org, _token = _org(app)
    admin = _signed_in(app, _user(app, org, "admin"))
    csrf = _csrf(admin.get(PAGE).text)
    saved = admin.post(PAGE + "/oppbevaring", data={"max_events": 500, "max_days": 30, "csrf": csrf})
    assert saved.status_code == 200 and "Oppbevaringstiden er lagret" in saved.text
    assert app.state.services.review.retention(org["id"]).as_dict() == {"max_events": 500, "max_days": 30}
    bad = admin.post(PAGE + "/oppbevaring", data={"max_events": 0, "max_days": 30, "csrf": csrf})
    assert bad.status_code == 422 and "max_events" in bad.text


def test_delete_all_needs_the_typed_word_and_reports_counts(app):
    org, token = _org(app)
    client = TestClient(app)
    _reviewed(client, {"Authorization": f"Bearer {token}"}, "Fjordlaks")
    admin = _signed_in(app, _user(app, org, "admin"))
    csrf = _csrf(admin.get(PAGE).text)
    for typed in ("", "slett ja", "JA"):
        refused = admin.post(PAGE + "/slett", data={"confirm": typed, "csrf": csrf})
        assert refused.status_code == 422 and "SLETT" in refused.text
    assert app.state.services.review.summary(org["id"])["events"] == 1
    done = admin.post(PAGE + "/slett", data={"confirm": "SLETT", "csrf": csrf})
    assert done.status_code == 200
    assert "Slettet: 1 tilbakemeldinger og 1 gjennomgangsdokumenter" in done.text
    assert app.state.services.review.summary(org["id"])["events"] == 0


def test_no_clinical_text_in_any_url(app):
    org, token = _org(app)
    _seed_decisions(app, org)
    client = TestClient(app)
    for word in ("Fjordlaks", "Bergfisk"):
        _reviewed(client, {"Authorization": f"Bearer {token}"}, word)
    admin = _signed_in(app, _user(app, org, "admin"))
    html = admin.get(PAGE).text + admin.get(PAGE + "/forslag").text
    urls = re.findall(r'(?:href|action|hx-get|hx-post|src)="([^"]*)"', html)
    assert urls and all(u.startswith(("/", "#")) for u in urls)
    for secret in ("Kari", "Hansen", "Fjordlaks", "Bergfisk", "firmaet", "91234567"):
        assert not any(secret.lower() in u.lower() for u in urls), secret


def _judged(client, auth, keep):
    """A completed item whose engine-found name is left as PII (keep) or marked not PII."""
    item = client.post("/api/v1/review/items", json={"text": f"{SECRET} ringte i dag."}, headers=auth).json()
    url = f"/api/v1/review/items/{item['id']}"
    if not keep:
        name = next(e for e in item["entities"] if e["text"] == SECRET)
        body = {"action": "mark_as_not_pii", "start": name["start"], "end": name["end"]}
        assert client.post(f"{url}/corrections", json=body, headers=auth).status_code == 200
    assert client.post(f"{url}/complete", headers=auth).status_code == 200


def test_a_recall_lowering_proposal_is_marked_and_needs_confirming(app):
    org, token = _org(app)
    client, auth = TestClient(app), {"Authorization": f"Bearer {token}"}
    for keep in (False, False, True):  # the allow entry would drop the name the third reviewer kept
        _judged(client, auth, keep)
    shown = app.state.services.rules.propose(org["id"])["proposals"]
    lowering = next(p for p in shown if p["kind"] == "allow")
    assert lowering["replay"]["lowers_recall"] == ["PERSON"]
    admin = _signed_in(app, _user(app, org, "admin"))
    fragment = admin.get(PAGE + "/forslag").text
    assert "Gir lavere treffsikkerhet (recall) for PERSON" in fragment
    assert f'id="confirm-{lowering["id"]}"' in fragment
    csrf = _csrf(admin.get(PAGE).text)
    refused = admin.post(PAGE + "/regler/bruk", data={"proposal": lowering["id"], "csrf": csrf})
    assert refused.status_code == 409 and app.state.services.rules.history(org["id"]) == []
    done = admin.post(PAGE + "/regler/bruk", data={"proposal": lowering["id"], "confirm_recall": "true",
                                                   "csrf": csrf})
    assert done.status_code == 200 and "versjon org-v1" in done.text
