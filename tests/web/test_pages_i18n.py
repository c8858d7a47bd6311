"""English as the pages' second language, through the real app: the `lang` cookie, the switch,
Accept-Language, bokmål by default; and the catalogue kept in step with the templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.test_pages import TRAINING, _org, _signed_in, app  # noqa: F401  (the app fixture)

from tilbake.web.pages.i18n import ENGLISH

PAGES = Path(__file__).resolve().parents[2] / "src" / "tilbake" / "web" / "pages"
TEMPLATES = PAGES.parent / "templates"
WRAPPED = re.compile(r'_\("([^"]*)"\)')
ON_SQLITE = pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # no SQL of its own


def _lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)">', html).group(1)


@ON_SQLITE
def test_bokmal_is_the_default(app):  # noqa: F811
    page = TestClient(app).get("/logg-inn")
    assert _lang(page.text) == "nb" and "<h1>Logg inn</h1>" in page.text
    assert 'lang="en">English</button>' in page.text


@ON_SQLITE
def test_the_lang_cookie_gives_english_sign_in(app):  # noqa: F811
    client = TestClient(app, cookies={"lang": "en"})
    page = client.get("/logg-inn")
    assert _lang(page.text) == "en" and "<h1>Sign in</h1>" in page.text and "Username" in page.text
    assert "Logg inn" not in page.text and 'lang="nb">Norsk</button>' in page.text


@ON_SQLITE
def test_accept_language_english_first_gives_english(app):  # noqa: F811
    english = TestClient(app).get("/logg-inn", headers={"Accept-Language": "en-GB,en;q=0.9,nb;q=0.5"})
    assert _lang(english.text) == "en" and "<h1>Sign in</h1>" in english.text
    norwegian = TestClient(app).get("/logg-inn", headers={"Accept-Language": "nb-NO,en;q=0.8"})
    assert _lang(norwegian.text) == "nb" and "<h1>Logg inn</h1>" in norwegian.text


@ON_SQLITE
def test_the_switch_sets_the_cookie_and_goes_back_to_the_page(app):  # noqa: F811
    _org_row, username = _org(app)
    client = _signed_in(app, username)
    page = client.get(TRAINING)
    assert "<h1>Treningsdata</h1>" in page.text and "Last ned treningsdata" in page.text
    form = dict(re.findall(r'<input type="hidden" name="(lang|neste)" value="([^"]*)">', page.text))
    assert form == {"lang": "en", "neste": TRAINING}
    switched = client.get("/sprak", params=form, follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == TRAINING
    assert "lang=en" in switched.headers["set-cookie"]
    english = client.get(TRAINING)
    assert _lang(english.text) == "en" and "<h1>Training data</h1>" in english.text
    assert "Download training data" in english.text and "Earlier exports" in english.text
    assert "Accepted as is" in english.text  # the decision names built in Python, too
    # The cookie wins over the header, and the switch back works the same way.
    assert _lang(client.get(TRAINING, headers={"Accept-Language": "nb"}).text) == "en"
    client.get("/sprak?lang=nb&neste=/")
    assert "<h1>Treningsdata</h1>" in client.get(TRAINING).text


@ON_SQLITE
def test_the_switch_follows_only_paths_on_this_site(app):  # noqa: F811
    client = TestClient(app)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        answer = client.get("/sprak", params={"lang": "en", "neste": target}, follow_redirects=False)
        assert answer.headers["location"] == "/"
    unknown = client.get("/sprak", params={"lang": "xx"}, follow_redirects=False)
    assert "lang=nb" in unknown.headers["set-cookie"]


@ON_SQLITE
def test_an_error_page_title_is_translated(app):  # noqa: F811
    _org_row, username = _org(app, role="clinician")
    client = _signed_in(app, username)
    client.cookies.set("lang", "en")
    page = client.get(TRAINING)
    assert page.status_code == 403 and "<h1>Access denied</h1>" in page.text


def test_every_wrapped_template_string_has_an_english_entry():
    wrapped = {s for f in TEMPLATES.glob("*.html") for s in WRAPPED.findall(f.read_text(encoding="utf-8"))}
    assert len(wrapped) > 50
    assert sorted(wrapped - ENGLISH.keys()) == []


def test_every_catalogue_entry_is_used_by_a_template_or_a_page():
    sources = "".join(f.read_text(encoding="utf-8") for f in TEMPLATES.glob("*.html"))
    sources += "".join(f.read_text(encoding="utf-8") for f in PAGES.glob("*.py") if f.name != "i18n.py")
    assert sorted(key for key in ENGLISH if f'"{key}"' not in sources) == []
