"""After a browser flow: no clinical text in the server's log, nor in any URL the browser asked for.

The notes' names and numbers (capitalized words of four letters or more, runs of six digits or more)
and every run of three words are looked for in the log; a URL must be made only of the pages' own
path words, ids and the static files' names (so not even one word of a note fits in one)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tilbake.web.pages import STATIC, admin, dashboard, i18n, review, signin, training

WORDS = re.compile(r"[^\W_]+")
ID = re.compile(r"[0-9a-f]{8,}|\d+|[A-Za-z0-9_-]{22}")  # uuid hex, numbers, an export job's token


def texts_of(value: Any) -> list[str]:
    """Every string in a record (a dict, a pydantic model, a list), nested ones included."""
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts_of(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in texts_of(v)]
    return []


def clinical_terms(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """The notes' names and numbers, and their runs of three words (lower case)."""
    names, runs = set(), set()
    for text in texts:
        words = WORDS.findall(text)
        names |= {w for w in words if len(w) >= 4 and w[0].isupper() and not w.isupper() and w.isalpha()}
        names |= set(re.findall(r"\d{6,}", text))
        lowered = [w.lower() for w in words]
        runs |= {" ".join(lowered[i:i + 3]) for i in range(len(lowered) - 2)}
    return names, runs


def _path_words() -> set[str]:
    found = set()
    for module in (signin, training, admin, review, dashboard, i18n):
        for route in module.router.routes:
            found |= {w for w in re.split(r"[/{}\-_]", route.path) if w}  # type: ignore[attr-defined]
    return found


PATH_WORDS = _path_words()
STATIC_FILES = {p.name for p in Path(STATIC).iterdir()}


def odd_urls(urls: Iterable[str], base: str) -> list[str]:
    """The URLs that are not the site's own path words, ids and static files (with ?lang=&neste=)."""
    odd = []
    for url in urls:
        parts = urlsplit(url)
        path, query = parts.path, unquote(parts.query)
        if path == "/favicon.ico":  # the browser asks for it by itself (it answers 404)
            ok = not query
        elif path.startswith("/static/"):
            ok = path.removeprefix("/static/") in STATIC_FILES and not query
        else:
            pieces = [p for p in path.split("/") if p]
            ok = all(ID.fullmatch(p) or all(w in PATH_WORDS for w in p.split("-")) for p in pieces)
            if query:  # only the language switch has one: lang and the page to go back to
                switch = re.fullmatch(r"lang=(nb|en)&neste=(/[a-z0-9/\-]*)", query)
                ok = ok and switch is not None and not odd_urls([base + switch[2]], base)
        if not url.startswith(base + "/") or not ok:
            odd.append(url)
    return odd


def leaks_in_log(log: str, texts: Iterable[str]) -> list[str]:
    """The names, numbers and three-word runs of the texts that the log holds."""
    names, runs = clinical_terms(texts)
    log_words = WORDS.findall(log)
    in_log = set(log_words)
    lowered = [w.lower() for w in log_words]
    log_runs = {" ".join(lowered[i:i + 3]) for i in range(len(lowered) - 2)}
    return sorted((names & in_log) | (runs & log_runs))


def assert_no_clinical_text(site: dict[str, Any], texts: Iterable[str]) -> None:
    """Over everything the module's server logged and every URL its browser pages asked for so far."""
    texts = list(texts)
    assert texts and site["urls"], "nothing to check"
    odd = odd_urls(site["urls"], site["base"])
    assert odd == [], odd
    log = Path(site["log"]).read_text(encoding="utf-8", errors="replace")
    assert log.strip(), "the server logged nothing: is its output captured?"
    leaks = leaks_in_log(log, texts)
    assert leaks == [], leaks
