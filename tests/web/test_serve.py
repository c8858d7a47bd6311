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
from tests.processes import children, gone

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


@pytest.mark.slow
def test_serve_killed_mid_export_leaves_no_worker_and_restarts_on_its_port(tmp_path):
    import contextlib
    import threading

    from tests.export.export_fixtures import add_suggestions, record

    from tilbake.accounts.service import AccountService
    from tilbake.store import open_database

    db = open_database(f"sqlite:///{tmp_path / 'data' / 'tilbake.db'}")
    org, token = AccountService(db).create_org("Ryggklinikken")
    add_suggestions(db, org["id"], [record(i, "accepted_as_is", f"Pasient Kari Nordmann, kontroll nr {i}.")
                                    for i in range(400)])
    db.dispose()
    port = _free_port()
    proc, _ = _serve(tmp_path, port)
    auth = {"Authorization": f"Bearer {token}"}

    def export():
        with contextlib.suppress(httpx.TransportError):  # the server is killed under it
            httpx.post(f"http://127.0.0.1:{port}/api/v1/training/exports", headers=auth, timeout=600,
                       json={"consent": {"given_by": "Kari Lege", "agree": True}})

    threading.Thread(target=export, daemon=True).start()
    deadline = time.monotonic() + 300  # a bound for a busy machine, not a speed check
    while len(workers := children(proc.pid)) < 2:
        assert time.monotonic() < deadline and proc.poll() is None, "the export never started its workers"
        time.sleep(0.05)
    proc.kill()
    proc.wait(20)
    while not all(gone(w) for w in workers):
        assert time.monotonic() < deadline, "export workers outlived the server"
        time.sleep(0.05)
    again, r = _serve(tmp_path, port)  # the port is free again
    try:
        assert r.json()["status"] == "ok"
    finally:
        again.terminate()
        again.wait(20)
