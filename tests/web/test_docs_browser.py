"""The API documentation page renders in a real browser with no request leaving the machine."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

SRC = Path(__file__).resolve().parents[2] / "src"
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120  # a bound for a busy machine, not a speed check
    while True:
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            return
        except httpx.TransportError:
            assert time.monotonic() < deadline and proc.poll() is None, "serve did not come up"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC), "TILBAKE_DATA_DIR": str(data)}
    env.pop("TILBAKE_DATABASE_URL", None)
    command = [sys.executable, "-m", "tilbake", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    _wait_up(base, proc)
    yield base
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


def test_docs_page_renders_offline(server, browser):
    page = browser.new_page()
    outside: list[str] = []

    def only_loopback(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    page.goto(server + "/docs")
    page.get_by_text("Log an AI suggestion").first.wait_for(timeout=60_000)
    page.get_by_text("/api/v1/feedback").first.wait_for(timeout=30_000)
    assert outside == []
    page.close()


def test_redoc_is_not_served(server):
    # ReDoc would fetch its logo from its vendor: the page is left out rather than half offline.
    assert httpx.get(server + "/redoc").status_code == 404
