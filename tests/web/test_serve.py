"""`tilbake serve` starts, migrates an empty data directory, and answers on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(tmp_path, port, workers=1, **env_extra):
    env = {**os.environ, "PYTHONPATH": str(SRC), "TILBAKE_DATA_DIR": str(tmp_path / "data"), **env_extra}
    env.pop("TILBAKE_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "tilbake", "serve", "--host", "127.0.0.1", "--port",
                             str(port), "--workers", str(workers)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120  # a bound for a busy machine, not a speed check
    while True:
        try:
            return proc, httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
        except httpx.TransportError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise AssertionError("serve did not come up") from None
            time.sleep(0.2)


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_on_loopback(tmp_path, workers):
    port = _free_port()
    proc, r = _serve(tmp_path, port, workers)
    try:
        assert r.json()["status"] == "ok"
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/suggestions").status_code == 401
        assert (tmp_path / "data" / "tilbake.db").exists()
    finally:
        proc.terminate()
        proc.wait(20)


def test_the_debug_access_log_writes_route_templates_only(tmp_path):
    port = _free_port()
    proc, _ = _serve(tmp_path, port, TILBAKE_LOG_LEVEL="DEBUG")
    try:
        httpx.get(f"http://127.0.0.1:{port}/api/v1/suggestions/15108695088?since=2026-01-01")
    finally:
        proc.terminate()
        out = proc.communicate(timeout=20)[0].decode()
    assert "GET /api/v1/suggestions/{suggestion_id} 401" in out
    assert "15108695088" not in out and "2026-01-01" not in out
