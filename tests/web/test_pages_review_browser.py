"""Gjennomgang in a real browser over a real server: a reviewer reviews a document with the keyboard
only and sees the anonymized preview change; screenshots at desktop and phone width and axe-core
(zero serious violations) on the queue and the item page. One server for the module."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from test_docs_browser import SRC, _free_port, _wait_up
from test_pages_browser import _cli, browser, check_page, page, sign_in  # noqa: F401 - the same fixtures

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
    port = _free_port()
    command = [sys.executable, "-m", "tilbake", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    _wait_up(base, proc)
    made = httpx.post(base + "/api/v1/review/items", json={"text": NOTE}, timeout=300,
                      headers={"Authorization": f"Bearer {token}"})
    assert made.status_code == 201, made.text
    yield {"base": base, "item": made.json()}
    proc.terminate()
    proc.wait(20)


def test_review_a_document_with_the_keyboard_only(page, site):  # noqa: F811 - page is a fixture
    sign_in(page, site["base"], "rita", REVIEWER_PASSWORD)
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
