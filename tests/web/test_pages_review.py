"""The Gjennomgang pages over the real app and engine (TestClient), on SQLite and PostgreSQL: the queue's
order, corrections that change the anonymized preview, undo and complete, roles, organizations kept
apart, CSRF, and no clinical text in any URL."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient

from tilbake.capture.schemas import FeedbackIn
from tilbake.config import Settings
from tilbake.web import create_app
from tilbake.wiring import Services

PASSWORD = "riktig-hest-batteri"
NOTE = "Hun er sjåfør i firmaet Fjordlaks. Kari Hansen ringte 91234567. Øvelser fra Hvite Boka."
WORDS = ("Fjordlaks", "Kari", "Hansen", "91234567", "sjåfør", "Boka")


@pytest.fixture
def app(db, tmp_path):
    return create_app(Services(Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)}), db))


def _org(app, role="reviewer"):
    services = app.state.services
    org, _token = services.accounts.create_org(f"klinikk-{uuid.uuid4().hex[:8]}")
    username = f"{role}-{uuid.uuid4().hex[:6]}"
    services.people.create_user(org["name"], username, f"Test {role}", role, PASSWORD)
    return services.accounts.local(org["name"]), username


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _signed_in(app, username):
    client = TestClient(app)
    form = {"username": username, "password": PASSWORD, "csrf": _csrf(client.get("/logg-inn").text)}
    assert client.post("/logg-inn", data=form, follow_redirects=False).status_code == 303
    return client


def _span(item, word):
    start = item["text"].index(word)
    return start, start + len(word)


def _preview(html: str) -> str:
    return re.search(r'data-testid="preview"[^>]*>([^<]*)<', html).group(1)


def test_the_queue_lists_quarantine_then_sample_then_quiet_items(app):
    who, username = _org(app)
    svc = app.state.services.review
    submitted = svc.submit(who.org_id, NOTE)["id"]
    quiet = svc.submit(who.org_id, "Fortsetter med øvelser.", source="quiet")["id"]
    client = _signed_in(app, username)
    page = client.get("/gjennomgang")
    assert page.status_code == 200 and "Gjennomgang" in page.text
    assert page.text.index(f"/gjennomgang/{quiet}") < page.text.index(f"/gjennomgang/{submitted}")
    assert "Fjordlaks" not in page.text  # the queue shows no text
    assert "Setninger uten funn" in page.text and 'href="/gjennomgang"' in page.text  # the nav link


def test_corrections_change_the_preview_and_undo_and_complete_work(app):
    who, username = _org(app)
    item = app.state.services.review.submit(who.org_id, NOTE)
    client = _signed_in(app, username)
    url = f"/gjennomgang/{item['id']}"
    page = client.get(url)
    assert page.status_code == 200 and "Fjordlaks" in _preview(page.text)
    assert "Navn" in page.text and "kept" in page.text  # type names written out; why each was flagged
    assert "90 dager" in page.text  # the retention hint
    assert set(re.findall(r"<kbd>(.)</kbd>", page.text)) == set("jkanplu1234567890i")  # every key shown
    csrf, htmx = _csrf(page.text), {"HX-Request": "true"}
    start, end = _span(item, "Fjordlaks")
    marked = client.post(f"{url}/rett", headers=htmx, data={"csrf": csrf, "action": "marker", "start": start,
                                                            "end": end, "label": "ORG"})
    assert marked.status_code == 200 and 'id="panel"' in marked.text and "<html" not in marked.text
    assert "Fjordlaks" not in _preview(marked.text)
    kari = next(e for e in item["entities"] if "Kari" in e["text"])
    gone = client.post(f"{url}/rett", headers=htmx, data={"csrf": csrf, "action": "ikke-pii",
                                                          "start": kari["start"], "end": kari["end"]})
    assert "Kari" in _preview(gone.text)
    undone = client.post(f"{url}/angre", headers=htmx, data={"csrf": csrf})
    assert "Kari" not in _preview(undone.text) and "Fjordlaks" not in _preview(undone.text)
    hansen = next(e for e in item["entities"] if "Hansen" in e["text"])
    client.post(f"{url}/rett", headers=htmx, data={"csrf": csrf, "action": "godta", "start": hansen["start"],
                                                   "end": hansen["end"]})
    accepted = app.state.services.review.get(who.org_id, item["id"])
    assert accepted["corrections"][-1]["updated"]["confidence"] == 1.0
    bad = client.post(f"{url}/rett", headers=htmx, data={"csrf": csrf, "action": "ikke-pii", "start": 0,
                                                         "end": 2})
    assert bad.status_code == 404 and "no entity" in bad.text and 'id="panel"' in bad.text
    done = client.post(f"{url}/fullfor", data={"csrf": csrf}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/gjennomgang"
    assert app.state.services.review.get(who.org_id, item["id"])["status"] == "reviewed"


def test_change_type_and_all_like_this_without_htmx_redirect_back(app):
    who, username = _org(app)
    item = app.state.services.review.submit(who.org_id, "Fjordlaks ringte. Fjordlaks kommer i morgen.")
    client = _signed_in(app, username)
    url = f"/gjennomgang/{item['id']}"
    csrf = _csrf(client.get(url).text)
    form = {"csrf": csrf, "action": "marker", "start": 0, "end": 9, "label": "PERSON",
            "all_like_this": "true"}
    answer = client.post(f"{url}/rett", data=form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == url
    svc = app.state.services.review
    assert 'value="endre-type"' in client.get(url).text  # a button per entity, for the mouse too
    assert [e["label"] for e in svc.get(who.org_id, item["id"])["entities"]] == ["PERSON"] * 2
    client.post(f"{url}/rett", data={"csrf": csrf, "action": "endre-type", "start": 0, "end": 9,
                                     "label": "ORG"})
    labels = sorted(e["label"] for e in svc.get(who.org_id, item["id"])["entities"])
    assert labels == ["ORG", "PERSON"]
    assert _preview(client.get(url).text).count("[") == 2


def test_a_clinician_gets_403_and_the_nav_hides_the_link(app):
    who, username = _org(app, role="clinician")
    item = app.state.services.review.submit(who.org_id, NOTE)
    client = _signed_in(app, username)
    for path in ("/gjennomgang", f"/gjennomgang/{item['id']}"):
        answer = client.get(path)
        assert answer.status_code == 403 and "Ingen tilgang" in answer.text, path
    assert 'href="/gjennomgang"' not in client.get("/").text


def test_another_organizations_item_answers_404(app):
    who_a, _user_a = _org(app)
    _org_b, user_b = _org(app, role="admin")
    item = app.state.services.review.submit(who_a.org_id, NOTE)
    client = _signed_in(app, user_b)
    answer = client.get(f"/gjennomgang/{item['id']}")
    assert answer.status_code == 404 and "Finnes ikke" in answer.text and "Fjordlaks" not in answer.text
    csrf = _csrf(client.get("/gjennomgang").text)
    refused = client.post(f"/gjennomgang/{item['id']}/rett", data={"csrf": csrf, "action": "ikke-pii",
                                                                   "start": 0, "end": 3})
    assert refused.status_code == 404
    assert client.post(f"/gjennomgang/{item['id']}/fullfor", data={"csrf": csrf}).status_code == 404


def test_a_post_without_the_csrf_token_changes_nothing(app):
    who, username = _org(app)
    item = app.state.services.review.submit(who.org_id, NOTE)
    client = _signed_in(app, username)
    start, end = _span(item, "Fjordlaks")
    for path, form in ((f"/gjennomgang/{item['id']}/rett", {"action": "marker", "start": start, "end": end,
                                                            "label": "ORG"}),
                       (f"/gjennomgang/{item['id']}/fullfor", {}), ("/gjennomgang/hent", {})):
        refused = client.post(path, data=form | {"csrf": "feil"})
        assert refused.status_code == 403 and "security token" in refused.text, path
    after = app.state.services.review.get(who.org_id, item["id"])
    assert after["corrections"] == [] and after["status"] == "open"


def test_fetching_a_sample_makes_items_and_no_page_puts_text_in_a_url(app, caplog):
    caplog.set_level("DEBUG")
    who, username = _org(app)
    records = [FeedbackIn(suggestion_type="soap_plan", user_correction=None,
                          original_suggestion="Kontroll hos Kari Hansen om to uker.",
                          accepted=True, correction_type="accepted_as_is")]
    app.state.services.capture.import_feedback(who, records)
    client = _signed_in(app, username)
    seen = [client.get("/gjennomgang")]
    csrf = _csrf(seen[0].text)
    seen.append(client.post("/gjennomgang/hent", data={"csrf": csrf, "source": "sample"}))
    item_url = re.search(r'href="(/gjennomgang/\w+)" data-testid="queue-item"', seen[-1].text).group(1)
    seen.append(client.get(item_url))
    assert "Kontroll hos" in seen[-1].text
    htmx = {"HX-Request": "true"}
    seen.append(client.post(f"{item_url}/angre", data={"csrf": csrf}, headers=htmx))
    assert seen[-1].status_code == 422 and "no corrections" in seen[-1].text
    seen.append(client.post(f"{item_url}/fullfor", data={"csrf": csrf}, headers=htmx))
    assert seen[-1].status_code == 204 and seen[-1].headers["HX-Redirect"] == "/gjennomgang"
    urls = [r.url.path + r.url.query.decode() for r in seen] + [r.headers.get("location", "") for r in seen]
    urls += [u for r in seen for u in re.findall(r'(?:href|action|hx-get|hx-post)="([^"]+)"', r.text)]
    assert all(re.fullmatch(r"[/#a-z0-9._\-]*", u) for u in urls), urls
    assert not any(w in caplog.text for w in ("Kari", "Hansen", "Kontroll"))


def test_the_training_page_leads_to_a_review_of_the_next_export_s_sample(app):
    """Treningsdata's sample comes "with a link to review it": a button that fetches a spot check of
    the pending rows into the queue and opens it."""
    who, username = _org(app, role="admin")
    records = [FeedbackIn(suggestion_type="soap_plan", user_correction=None, accepted=True,
                          original_suggestion=f"Kontroll hos Kari Hansen om {n} uker.",
                          correction_type="accepted_as_is") for n in (2, 3)]
    app.state.services.capture.import_feedback(who, records)
    client = _signed_in(app, username)
    page = client.get("/innstillinger/ai/treningsdata")
    form = re.search(r'<form method="post" action="/gjennomgang/hent">(.*?)</form>', page.text, re.S)
    assert form and 'name="source" value="sample"' in form.group(1)
    assert "Gå gjennom en stikkprøve" in form.group(1)
    answer = client.post("/gjennomgang/hent", data={"csrf": _csrf(page.text), "source": "sample"},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/gjennomgang"
    items = app.state.services.review.list_items(who.org_id, "open", 10)
    assert items and {i["source"] for i in items} == {"sample"}
