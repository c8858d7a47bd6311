"""The pages over the real app (TestClient): sign-in, sessions, CSRF, roles, the training-data export,
users and tokens; organizations see only their own exports; no clinical text in URLs."""

from __future__ import annotations

import io
import json
import re
import time
import uuid
import zipfile

import pytest
from fastapi.testclient import TestClient

from tilbake.capture.schemas import FeedbackIn
from tilbake.config import Settings
from tilbake.export.anonymize import CallableAnonymizer
from tilbake.export.leakscan import LeakScanner
from tilbake.export.service import ExportService
from tilbake.web import create_app
from tilbake.wiring import Services

PASSWORD = "riktig-hest-batteri"
TRAINING = "/innstillinger/ai/treningsdata"
SECRET_NAME = "Ola Nordmann"


def fake_deid(text: str) -> str:
    return text.replace(SECRET_NAME, "[NAVN]")


@pytest.fixture
def app(db, tmp_path):
    app = create_app(Services(Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)}), db))
    app.state.services.exports = ExportService(
        db, tmp_path / "exports", lambda m: CallableAnonymizer(fake_deid, mode=m), LeakScanner, batch_size=2)
    return app


def _org(app, role="admin", suggestions=3):
    """A fresh organization with `suggestions` decided suggestions and a user of `role`."""
    services = app.state.services
    org, _token = services.accounts.create_org(f"klinikk-{uuid.uuid4().hex[:8]}")
    who = services.accounts.local(org["name"])
    records = [FeedbackIn(suggestion_type="soap_plan",
                          original_suggestion=f"{SECRET_NAME} trener {i} ganger.",
                          user_correction=None, accepted=True, correction_type="accepted_as_is")
               for i in range(suggestions)]
    services.capture.import_feedback(who, records)
    username = f"{role}-{uuid.uuid4().hex[:6]}"
    services.people.create_user(org["name"], username, f"Test {role}", role, PASSWORD)
    return org, username


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _signed_in(app, username):
    client = TestClient(app)
    page = client.get("/logg-inn")
    form = {"username": username, "password": PASSWORD, "csrf": _csrf(page.text)}
    done = client.post("/logg-inn", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    return client


def test_sign_in_sets_a_session_cookie_and_signs_out(app):
    _org_row, username = _org(app)
    client = TestClient(app)
    assert client.get(TRAINING, follow_redirects=False).headers["location"] == "/logg-inn"
    page = client.get("/logg-inn")
    form = {"username": username, "password": PASSWORD, "csrf": _csrf(page.text)}
    done = client.post("/logg-inn", data=form, follow_redirects=False)
    cookie = done.headers["set-cookie"].lower()
    assert "tilbake_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert "max-age=28800" in cookie and "secure" not in cookie  # plain http on loopback
    home = client.get("/")
    assert home.status_code == 200 and "Test admin" in home.text
    client.post("/logg-ut", data={"csrf": _csrf(home.text)})
    assert client.get("/", follow_redirects=False).status_code == 303


def test_over_https_the_cookie_is_secure(app):
    _org_row, username = _org(app)
    client = TestClient(app, base_url="https://tilbake.example")
    page = client.get("/logg-inn")
    form = {"username": username, "password": PASSWORD, "csrf": _csrf(page.text)}
    done = client.post("/logg-inn", data=form, follow_redirects=False)
    assert "secure" in done.headers["set-cookie"].lower()


def test_wrong_password_and_missing_form_token_are_refused_in_norwegian(app):
    _org_row, username = _org(app)
    client = TestClient(app)
    page = client.get("/logg-inn")
    wrong = client.post("/logg-inn", data={"username": username, "password": "feil-passord-1",
                                           "csrf": _csrf(page.text)})
    assert wrong.status_code == 401 and "Feil brukernavn eller passord" in wrong.text
    assert "tilbake_session" not in wrong.headers.get("set-cookie", "")
    stale = TestClient(app).post("/logg-inn", data={"username": username, "password": PASSWORD, "csrf": "x"})
    assert stale.status_code == 401 and "tilbake_session" not in stale.headers.get("set-cookie", "")


def test_a_post_without_the_session_csrf_token_changes_nothing(app):
    org, username = _org(app)
    client = _signed_in(app, username)
    form = {"username": "ny-bruker", "display_name": "Ny", "role": "admin", "password": PASSWORD,
            "csrf": "feil"}
    refused = client.post("/innstillinger/brukere", data=form)
    assert refused.status_code == 403 and "security token" in refused.text
    assert [u["username"] for u in app.state.services.people.list_users(org["name"])] == [username]


def test_a_clinician_cannot_reach_admin_pages(app):
    _org_row, username = _org(app, role="clinician")
    client = _signed_in(app, username)
    for path in (TRAINING, "/innstillinger/brukere", f"{TRAINING}/eksempel"):
        answer = client.get(path)
        assert answer.status_code == 403 and "Ingen tilgang" in answer.text, path
    assert "Treningsdata" not in client.get("/").text


def test_the_training_page_counts_shows_an_anonymized_sample_and_the_consent(app):
    _org_row, username = _org(app, suggestions=3)
    client = _signed_in(app, username)
    page = client.get(TRAINING)
    assert re.search(r'data-testid="ready-count">3<', page.text)
    assert "Godtatt uendret" in page.text and "fødselsnummer" in page.text and 'name="agree"' in page.text
    assert SECRET_NAME not in page.text
    sample = client.get(f"{TRAINING}/eksempel")
    assert "[NAVN]" in sample.text and SECRET_NAME not in sample.text
    hrefs = re.findall(r'(?:href|action|hx-get|hx-post)="([^"]+)"', page.text)
    assert hrefs and all(re.fullmatch(r"[/#a-z0-9._\-]*", h) for h in hrefs), hrefs


def test_export_needs_consent_then_downloads_a_bundle_and_revokes(app):
    _org_row, username = _org(app, suggestions=3)
    client = _signed_in(app, username)
    csrf = _csrf(client.get(TRAINING).text)
    refused = client.post(f"{TRAINING}/eksporter", data={"csrf": csrf})
    assert refused.status_code == 422 and "consent" in refused.text
    made = client.post(f"{TRAINING}/eksporter", data={"csrf": csrf, "agree": "true"})
    assert made.status_code == 200 and made.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(made.content)) as bundle:
        manifest = json.loads(bundle.read(next(n for n in bundle.namelist() if n.endswith("manifest.json"))))
        assert SECRET_NAME not in "".join(bundle.read(n).decode() for n in bundle.namelist())
    assert manifest["counts"]["suggestions_exported"] == 3
    assert manifest["consent"]["scope"]["mode"] == "tags"
    page = client.get(TRAINING)
    assert re.search(r'data-testid="ready-count">0<', page.text) and "Last ned igjen" in page.text
    export_id = re.search(rf"{TRAINING}/eksporter/(\w+)/last-ned", page.text).group(1)
    client.post(f"{TRAINING}/eksporter/{export_id}/trekk-tilbake", data={"csrf": csrf, "rows": "pending"})
    page = client.get(TRAINING)
    assert "trukket tilbake" in page.text and re.search(r'data-testid="ready-count">3<', page.text)
    assert client.get(f"{TRAINING}/eksporter/{export_id}/last-ned").status_code == 404


def test_the_htmx_export_reports_progress_until_the_download_is_ready(app):
    _org_row, username = _org(app, suggestions=5)
    client = _signed_in(app, username)
    csrf = _csrf(client.get(TRAINING).text)
    htmx = {"HX-Request": "true"}
    started = client.post(f"{TRAINING}/eksporter", data={"csrf": csrf, "agree": "true"}, headers=htmx)
    poll = re.search(rf'hx-get="({TRAINING}/jobb/[\w-]+)"', started.text)
    answer = started.text
    deadline = time.monotonic() + 60  # a bound for a busy machine, not a speed check
    while poll and "data-autodownload" not in answer:
        assert time.monotonic() < deadline
        time.sleep(0.05)
        answer = client.get(poll.group(1), headers=htmx).text
    assert "Eksporten er klar: 5 forslag" in answer and 'hx-swap-oob="true"' in answer
    link = re.search(r'href="([^"]+/last-ned)" data-autodownload', answer).group(1)
    assert client.get(link).headers["content-type"] == "application/zip"


def test_another_organizations_export_and_job_answer_404(app):
    _org_a, user_a = _org(app)
    _org_b, user_b = _org(app)
    a, b = _signed_in(app, user_a), _signed_in(app, user_b)
    csrf = _csrf(a.get(TRAINING).text)
    a.post(f"{TRAINING}/eksporter", data={"csrf": csrf, "agree": "true"})
    export_id = re.search(rf"{TRAINING}/eksporter/(\w+)/last-ned", a.get(TRAINING).text).group(1)
    theirs = b.get(f"{TRAINING}/eksporter/{export_id}/last-ned")
    assert theirs.status_code == 404 and "Finnes ikke" in theirs.text
    started = a.post(f"{TRAINING}/eksporter", data={"csrf": csrf, "agree": "true"},
                     headers={"HX-Request": "1"})
    job = re.search(rf'{TRAINING}/jobb/[\w-]+', started.text)
    if job:  # a job with nothing to export may finish before the answer is rendered
        assert b.get(job.group(0)).status_code == 404


def test_an_admin_creates_a_user_and_an_api_token_that_works(app):
    org, username = _org(app)
    client = _signed_in(app, username)
    csrf = _csrf(client.get("/innstillinger/brukere").text)
    made = client.post("/innstillinger/brukere", data={"csrf": csrf, "username": "Per.Kliniker",
                                                       "display_name": "Per", "role": "clinician",
                                                       "password": PASSWORD})
    assert "per.kliniker er opprettet" in made.text
    assert _signed_in(app, "per.kliniker").get(TRAINING).status_code == 403
    bad = client.post("/innstillinger/brukere", data={"csrf": csrf, "username": "kort", "display_name": "K",
                                                      "role": "admin", "password": "kort"})
    assert bad.status_code == 422 and "password" in bad.text
    shown = client.post("/innstillinger/brukere/tokens", data={"csrf": csrf, "name": "journalsystem"})
    token = re.search(r'data-testid="new-token"[^>]*>(tlb_[^<]+)<', shown.text).group(1)
    api = client.get("/api/v1/training/exports", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200
    assert token not in client.get("/innstillinger/brukere").text  # shown once
    client.post("/innstillinger/brukere/deaktiver", data={"csrf": csrf, "username": "per.kliniker"})
    users = {u["username"]: u for u in app.state.services.people.list_users(org["name"])}
    assert users["per.kliniker"]["disabled_at"] is not None


def test_no_clinical_text_reaches_a_log_or_a_url_on_the_way_through_the_pages(app, caplog):
    caplog.set_level("DEBUG")
    _org_row, username = _org(app, suggestions=2)
    client = _signed_in(app, username)
    seen = [client.get(TRAINING), client.get(f"{TRAINING}/eksempel")]
    csrf = _csrf(seen[0].text)
    seen.append(client.post(f"{TRAINING}/eksporter", data={"csrf": csrf, "agree": "true"},
                            follow_redirects=False))
    seen.append(client.post(f"{TRAINING}/eksporter/ingen-slik/trekk-tilbake",
                            data={"csrf": csrf, "rows": "pending"}))
    urls = [str(r.url) for r in seen] + [r.headers.get("location", "") for r in seen]
    assert not any("trener" in u or "Nordmann" in u for u in urls), urls
    assert "trener" not in caplog.text and "Nordmann" not in caplog.text
    assert seen[-1].status_code == 404 and "trener" not in seen[-1].text


def test_htmx_requests_without_a_session_are_sent_to_the_sign_in_page(app):
    answer = TestClient(app).get(f"{TRAINING}/eksempel", headers={"HX-Request": "true"})
    assert answer.status_code == 204 and answer.headers["HX-Redirect"] == "/logg-inn"
