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


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_on_loopback(tmp_path, workers):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC), "TILBAKE_DATA_DIR": str(tmp_path / "data")}
    env.pop("TILBAKE_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "tilbake", "serve", "--host", "127.0.0.1", "--port",
                             str(port), "--workers", str(workers)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120  # a bound for a busy machine, not a speed check
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve did not come up"
                time.sleep(0.2)
        assert r.json()["status"] == "ok"
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/suggestions").status_code == 401
        assert (tmp_path / "data" / "tilbake.db").exists()
    finally:
        proc.terminate()
        proc.wait(20)
