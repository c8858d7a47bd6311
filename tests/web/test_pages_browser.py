"""The pages in a real browser (Debian's chromium via Playwright) over a real server with demo data:
sign in, see the pending count, consent and download a bundle, roles and organizations kept apart.
Every page is photographed at desktop and phone width (test-artifacts/screenshots/) and checked with
axe-core for serious accessibility violations; no request may leave 127.0.0.1, and neither the server's
log nor any URL the browser asks for holds the demo notes' text (browser_privacy.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest
from browser_privacy import assert_no_clinical_text, texts_of
from test_docs_browser import CHROMIUM, SRC, _free_port, _wait_up  # noqa: F401 - one way to start

from tilbake.tooling.demo import demo_records

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
TRAINING = "/innstillinger/ai/treningsdata"
CLINICIAN_PASSWORD = "klinikerens-passord"
DEMO_COUNT = 40
OTHER_NOTE = "Annen Pasient ringte 98765432 om ryggen."  # another organization's review item


def serve(env, data):
    """`tilbake serve` on a free port, logging at DEBUG into data/serve.log (read by the privacy check)."""
    port = _free_port()
    command = [sys.executable, "-m", "tilbake", "serve", "--host", "127.0.0.1", "--port", str(port)]
    log = data / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(command, env={**env, "TILBAKE_LOG_LEVEL": "DEBUG"}, stdout=out,
                                stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    _wait_up(base, proc)
    return proc, {"base": base, "log": log, "urls": []}


def _cli(env, *args, stdin=None):
    done = subprocess.run([sys.executable, "-m", "tilbake", *args], env=env, input=stdin, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    env = {**os.environ, "PYTHONPATH": str(SRC), "TILBAKE_DATA_DIR": str(data)}
    env.pop("TILBAKE_DATABASE_URL", None)
    demo = _cli(env, "demo", "--count", str(DEMO_COUNT))
    assert "admin@demo" in demo
    password = (data / "demo-password").read_text().strip()
    assert password not in demo  # never printed: make run's output may end up in a log
    demo_token = (data / "demo-token").read_text().strip()
    _cli(env, "user", "create", "--org", "demo", "--role", "clinician", "--name", "Kari Kliniker", "kari",
         "--password-stdin", stdin=CLINICIAN_PASSWORD + "\n")
    _cli(env, "demo", "--org", "annen", "--count", "10")
    other_token = (data / "demo-token").read_text().strip()
    proc, site = serve(env, data)
    yield site | {"password": password, "other_token": other_token, "demo_token": demo_token}
    proc.terminate()
    proc.wait(20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                              "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    """A fresh context whose every request outside the server is aborted and recorded (none may be)."""
    context = browser.new_context(viewport=WIDTHS["desktop"], accept_downloads=True,
                                  locale="nb-NO")  # the pages follow Accept-Language
    outside: list[str] = []

    def only_loopback(route):
        if route.request.url.startswith(site["base"] + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    tab = context.new_page()
    tab.on("request", lambda request: site["urls"].append(request.url))  # for the privacy check
    yield tab
    context.close()
    assert outside == []


def sign_in(page, base, username, password):
    page.goto(base + "/logg-inn")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(base + "/")


def check_page(page, name):
    """Screenshots at both widths and zero serious or critical axe-core violations at each."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        assert bad == [], (name, width, bad)
    page.set_viewport_size(WIDTHS["desktop"])


def test_sign_in_and_see_the_pending_count(page, site):
    page.goto(site["base"] + TRAINING)
    page.wait_for_url(site["base"] + "/logg-inn")
    check_page(page, "logg-inn")
    sign_in(page, site["base"], "admin@demo", site["password"])
    check_page(page, "hjem")
    page.get_by_role("link", name="Treningsdata").first.click()
    ready = int(page.get_by_test_id("ready-count").inner_text())
    assert ready > 0
    page.get_by_text("Slik de første nye forslagene").wait_for(timeout=180_000)  # the model loads first
    check_page(page, "treningsdata")


def test_the_english_switch_on_the_training_page(page, site):
    """The header's switch: the page comes back in English with <html lang="en">, and axe stays clean."""
    sign_in(page, site["base"], "admin@demo", site["password"])
    page.goto(site["base"] + TRAINING)
    page.get_by_role("button", name="English").click()
    page.wait_for_url(site["base"] + TRAINING)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("heading", name="Training data", level=1).wait_for()
    page.get_by_role("button", name="Download training data").wait_for()
    check_page(page, "treningsdata-en")
    page.get_by_role("button", name="Norsk").click()
    page.get_by_role("heading", name="Treningsdata", level=1).wait_for()


def test_consent_download_a_bundle_and_open_it(page, site):
    sign_in(page, site["base"], "admin@demo", site["password"])
    page.goto(site["base"] + TRAINING)
    ready = int(page.get_by_test_id("ready-count").inner_text())
    page.get_by_label("Jeg samtykker").check()
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="Last ned treningsdata").click()
    path = download.value.path()
    with zipfile.ZipFile(path) as bundle:
        names = bundle.namelist()
        manifest = json.loads(bundle.read(next(n for n in names if n.endswith("manifest.json"))))
    assert any(n.endswith("sft.jsonl") for n in names)
    counts = manifest["counts"]
    assert counts["suggestions_exported"] + counts["quarantined_suggestions"] == ready
    page.get_by_text("Eksporten er klar").wait_for()
    check_page(page, "treningsdata-eksportert")
    page.reload()
    # what the leak gate held back stays pending, for review; everything else is exported
    assert int(page.get_by_test_id("ready-count").inner_text()) == counts["quarantined_suggestions"]
    assert page.get_by_role("link", name="Last ned igjen").count() == 1


def test_an_admin_makes_a_token_on_the_users_page(page, site):
    sign_in(page, site["base"], "admin@demo", site["password"])
    page.get_by_role("link", name="Brukere og tokens").first.click()
    check_page(page, "brukere")
    page.get_by_label("Hva tokenet er til").fill("journalsystem")
    page.get_by_role("button", name="Lag token").click()
    token = page.get_by_test_id("new-token").inner_text().strip()
    auth = {"Authorization": f"Bearer {token}"}
    answer = httpx.get(site["base"] + "/api/v1/training/exports", headers=auth)
    assert answer.status_code == 200 and "exports" in answer.json()


def test_a_clinician_cannot_reach_admin_pages(page, site):
    sign_in(page, site["base"], "kari", CLINICIAN_PASSWORD)
    assert page.get_by_role("link", name="Treningsdata").count() == 0
    for path in (TRAINING, "/innstillinger/brukere", "/gjennomgang", "/noyaktighet"):
        answer = page.goto(site["base"] + path)
        assert answer.status == 403
        page.get_by_role("heading", name="Ingen tilgang").wait_for()
    check_page(page, "ingen-tilgang")


def test_another_organizations_export_and_review_item_answer_404(page, site):
    auth = {"Authorization": f"Bearer {site['other_token']}"}
    made = httpx.post(site["base"] + "/api/v1/training/exports", headers=auth, timeout=300,
                      json={"consent": {"given_by": "Annen Leder", "agree": True}})
    assert made.status_code == 201, made.text
    sign_in(page, site["base"], "admin@demo", site["password"])
    answer = page.goto(f"{site['base']}{TRAINING}/eksporter/{made.json()['id']}/last-ned")
    assert answer.status == 404
    page.get_by_role("heading", name="Finnes ikke").wait_for()
    check_page(page, "finnes-ikke")
    item = httpx.post(site["base"] + "/api/v1/review/items", headers=auth, timeout=300,
                      json={"text": OTHER_NOTE})
    assert item.status_code == 201, item.text
    assert page.goto(f"{site['base']}/gjennomgang/{item.json()['id']}").status == 404
    page.get_by_role("heading", name="Finnes ikke").wait_for()
    assert "Annen Pasient" not in page.content()


def test_the_users_page_in_english(page, site):
    sign_in(page, site["base"], "admin@demo", site["password"])
    page.goto(site["base"] + "/innstillinger/brukere")
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Users and tokens", level=1).wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_label("What the token is for").fill("records system")
    page.get_by_role("button", name="Create token").click()
    page.get_by_text("It is shown only this once").wait_for()
    check_page(page, "brukere-en")


def test_no_clinical_text_in_the_server_log_or_any_url(page, site):
    """Through every page with the demo notes on them (the sample, the review of a fetched spot check),
    then over all this module's URLs and the server's whole log so far. Some of the demo's notes are
    sent again first (an export before may have taken all), so the sample and the spot check have some."""
    texts = [t for r in demo_records(DEMO_COUNT, 7) for t in texts_of(r)] + [OTHER_NOTE]
    notes = [r.original_suggestion for r in demo_records(DEMO_COUNT, 7)][:5]
    auth = {"Authorization": f"Bearer {site['demo_token']}"}
    for note in notes:
        body = {"suggestion_type": "soap_plan", "original_suggestion": note, "accepted": True}
        sent = httpx.post(site["base"] + "/api/v1/feedback", json=body, headers=auth, timeout=60)
        assert sent.status_code == 201, sent.text
    sign_in(page, site["base"], "admin@demo", site["password"])
    page.goto(site["base"] + TRAINING)
    page.get_by_text("Slik de første nye forslagene").wait_for(timeout=180_000)
    page.goto(site["base"] + "/gjennomgang")
    page.get_by_role("button", name="Hent stikkprøve").click()
    page.get_by_test_id("queue-item").first.click()
    page.get_by_role("heading", name="Gjennomgang av dokument").wait_for()
    page.keyboard.press("j")
    page.keyboard.press("n")  # a correction, if the document has an entity: a POST answered with the note
    page.goto(site["base"] + "/noyaktighet")
    assert page.goto(site["base"] + "/gjennomgang/" + "0" * 32).status == 404  # an error page
    assert_no_clinical_text(site, texts)
