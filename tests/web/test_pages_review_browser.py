"""Gjennomgang in a real browser over a real server: a reviewer reviews a document with the keyboard
only and sees the anonymized preview change; screenshots at desktop and phone width and axe-core
(zero serious violations) on the queue and the item page, in bokmål and in English; after each flow,
no word of the note in the server's log or in any URL. One server for the module."""

from __future__ import annotations

import os

import httpx
import pytest
from browser_privacy import assert_no_clinical_text
from test_docs_browser import SRC
from test_pages_browser import _cli, browser, check_page, page, serve, sign_in  # noqa: F401 - the same fixtures

pytestmark = pytest.mark.browser

REVIEWER_PASSWORD = "gjennomgangens-passord"
NOTE = "Hun er sjåfør i firmaet Fjordlaks. Kari Hansen ringte 91234567. Øvelser fra Hvite Boka."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    env = {**os.environ, "PYTHONPATH": str(SRC), "TILBAKE_DATA_DIR": str(data)}
    env.pop("TILBAKE_DATABASE_URL", None)
    _cli(env, "demo", "--count", "5")
    token = (data / "demo-token").read_text().strip()
    _cli(env, "user", "create", "--org", "demo", "--role", "reviewer", "--name", "Rita Retter", "rita",
         "--password-stdin", stdin=REVIEWER_PASSWORD + "\n")
    proc, site = serve(env, data)
    made = httpx.post(site["base"] + "/api/v1/review/items", json={"text": NOTE}, timeout=300,
                      headers={"Authorization": f"Bearer {token}"})
    assert made.status_code == 201, made.text
    yield site | {"item": made.json(), "token": token}
    proc.terminate()
    proc.wait(20)


def _dashboard(page, site):  # noqa: F811 - page is the fixture's tab
    """What the Nøyaktighet page shows of the review: the missed patterns and the detector's chart."""
    page.goto(site["base"] + "/noyaktighet")
    missed = page.locator("section[aria-labelledby=miss-h]").inner_text()
    return missed, page.get_by_test_id("chart-detector").count()


def test_review_a_document_with_the_keyboard_only(page, site):  # noqa: F811 - page is a fixture
    """...and see the change in the dashboard: the word marked by hand is a missed pattern there."""
    sign_in(page, site["base"], "rita", REVIEWER_PASSWORD)
    missed, charts = _dashboard(page, site)
    assert "Ingen ennå" in missed and "i firmaet" not in missed and charts == 0
    page.goto(site["base"] + "/")
    page.get_by_role("link", name="Gjennomgang").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site["base"] + "/gjennomgang")
    check_page(page, "gjennomgang")
    page.get_by_test_id("queue-item").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site['base']}/gjennomgang/{site['item']['id']}")
    check_page(page, "gjennomgang-dokument")
    preview = page.get_by_test_id("preview")
    first = site["item"]["entities"][0]["text"]
    assert first not in preview.inner_text()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.n") == "0"
    page.keyboard.press("n")  # not PII: the word comes back in the preview
    page.wait_for_function("w => document.querySelector('[data-testid=preview]').textContent.includes(w)",
                           arg=first)
    page.keyboard.press("u")  # undo: masked again
    page.wait_for_function("w => !document.querySelector('[data-testid=preview]').textContent.includes(w)",
                           arg=first)
    page.keyboard.press("0")  # change type to ORG: the label is written out
    page.locator("#doc mark.ent").first.get_by_text("Organisasjon").wait_for()
    # a selection of a missed word (the mouse's part), then p marks it as PII
    page.evaluate("""() => {
        const pieces = [...document.querySelectorAll('#doc [data-o]')];
        const piece = pieces.find(s => s.textContent.includes('Fjordlaks'));
        const node = piece.firstChild, at = node.textContent.indexOf('Fjordlaks');
        const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 9);
        getSelection().removeAllRanges(); getSelection().addRange(range);
    }""")
    assert "Fjordlaks" in preview.inner_text()
    page.keyboard.press("p")
    page.wait_for_function("!document.querySelector('[data-testid=preview]').textContent.includes('Fjordlaks')")
    check_page(page, "gjennomgang-rettet")
    page.get_by_role("button", name="Ferdig, neste dokument").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site["base"] + "/gjennomgang")
    page.get_by_text("Køen er tom").wait_for()
    missed, charts = _dashboard(page, site)
    # p marked Fjordlaks with the type chosen for new markings (the first, Navn): its shape, type and
    # the words before it, never the word itself
    assert "PERSON\ti firmaet" in missed and "Fjordlaks" not in missed and charts == 1
    assert_no_clinical_text(site, [NOTE])


def test_review_a_document_with_the_keyboard_only_in_english(page, site):  # noqa: F811
    """The same flow after the switch to English: the keys do the same, the page says so."""
    auth = {"Authorization": f"Bearer {site['token']}"}
    item = httpx.post(site["base"] + "/api/v1/review/items", json={"text": NOTE}, headers=auth,
                      timeout=300).json()
    sign_in(page, site["base"], "rita", REVIEWER_PASSWORD)
    page.get_by_role("button", name="English").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Review").first.wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Review").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site["base"] + "/gjennomgang")
    page.get_by_role("heading", name="Review", level=1).wait_for()
    check_page(page, "gjennomgang-en")
    page.locator(f'a[href="/gjennomgang/{item["id"]}"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site['base']}/gjennomgang/{item['id']}")
    page.get_by_role("heading", name="Document review", level=1).wait_for()
    assert "The keys are the same in Norwegian and English." in page.get_by_test_id("same-keys").inner_text()
    assert "change the type to Organization" in page.get_by_test_id("keys").inner_text()
    check_page(page, "gjennomgang-dokument-en")
    preview = page.get_by_test_id("preview")
    first = item["entities"][0]["text"]
    page.keyboard.press("j")
    page.keyboard.press("n")  # not PII
    page.wait_for_function("w => document.querySelector('[data-testid=preview]').textContent.includes(w)",
                           arg=first)
    page.keyboard.press("u")  # undo
    page.wait_for_function("w => !document.querySelector('[data-testid=preview]').textContent.includes(w)",
                           arg=first)
    page.keyboard.press("0")  # the type key for ORG: its English name is written out
    page.locator("#doc mark.ent").first.get_by_text("Organization").wait_for()
    assert first not in preview.inner_text()
    check_page(page, "gjennomgang-rettet-en")
    page.get_by_role("button", name="Done, next document").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/gjennomgang/{item['id']}" not in url)
    done = httpx.get(f"{site['base']}/api/v1/review/items/{item['id']}", headers=auth, timeout=60)
    assert done.json()["status"] == "reviewed"
    assert_no_clinical_text(site, [NOTE])
