"""The Nøyaktighet page in a real browser (Debian's chromium via Playwright) over a real server with
demo data and two reviewed documents: the charts and proposals show, axe-core finds no serious
violation, screenshots at desktop and phone width (test-artifacts/screenshots/), in bokmål and in
English."""

from __future__ import annotations

import os

import httpx
import pytest
from browser_privacy import assert_no_clinical_text
from test_docs_browser import SRC
from test_pages_browser import _cli, browser, check_page, page, serve, sign_in  # noqa: F401 - the same setup

pytestmark = pytest.mark.browser


WORDS = ("Fjordlaks", "Bergfisk")


def _note(word):
    return f"Hun er sjåfør i firmaet {word}. Kari Hansen ringte."


def _review(base, auth, word):
    """An item through the API: an employer after "i firmaet" marked as ORG, then completed."""
    text = _note(word)
    item = httpx.post(base + "/api/v1/review/items", json={"text": text}, headers=auth, timeout=300).json()
    start = item["text"].index(word)
    url = f"{base}/api/v1/review/items/{item['id']}"
    body = {"action": "mark_as_pii", "start": start, "end": start + len(word), "label": "ORG"}
    assert httpx.post(url + "/corrections", json=body, headers=auth, timeout=60).status_code == 200
    assert httpx.post(url + "/complete", headers=auth, timeout=60).status_code == 200


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    env = {**os.environ, "PYTHONPATH": str(SRC), "TILBAKE_DATA_DIR": str(data)}
    env.pop("TILBAKE_DATABASE_URL", None)
    _cli(env, "demo", "--count", "40")
    password = (data / "demo-password").read_text().strip()
    auth = {"Authorization": f"Bearer {(data / 'demo-token').read_text().strip()}"}
    proc, site = serve(env, data)
    for word in WORDS:
        _review(site["base"], auth, word)
    yield site | {"password": password}
    proc.terminate()
    proc.wait(20)


def test_the_dashboard_shows_charts_and_proposals_accessibly(page, site):  # noqa: F811
    sign_in(page, site["base"], "admin@demo", site["password"])
    page.get_by_role("link", name="Nøyaktighet").first.click()
    page.get_by_role("heading", name="Nøyaktighet", level=1).wait_for()
    assert page.get_by_test_id("chart-acceptance").count() == 1
    assert page.get_by_test_id("chart-detector").count() == 1
    page.get_by_role("button", name="Ta i bruk regelen").first.wait_for(timeout=180_000)  # engine loads
    check_page(page, "noyaktighet")


def test_the_dashboard_in_english(page, site):  # noqa: F811
    sign_in(page, site["base"], "admin@demo", site["password"])
    page.goto(site["base"] + "/noyaktighet")
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Accuracy", level=1).wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_label("Type DELETE to confirm").count() == 1
    page.get_by_role("button", name="Apply the rule").first.wait_for(timeout=180_000)
    page.get_by_text("The figures as a table").first.click()  # open one table alternative
    check_page(page, "noyaktighet-en")
    assert_no_clinical_text(site, [_note(word) for word in WORDS])
