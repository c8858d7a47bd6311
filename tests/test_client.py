"""tilbake.client.Client against a real server on loopback (uvicorn in a thread), SQLite."""

from __future__ import annotations

import socket
import threading
import time
from datetime import datetime

import orjson
import pytest
import uvicorn

from tilbake.accounts.service import AccountService
from tilbake.client import Client
from tilbake.config import Settings
from tilbake.errors import AuthError, ConflictError, NotFoundError, TilbakeError, ValidationError
from tilbake.store import open_database
from tilbake.web import create_app
from tilbake.wiring import Services

TEXT = "Pasienten anbefales hjemmeøvelser for korsrygg to ganger daglig i fire uker."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn on 127.0.0.1:port in a thread; can be started late and stopped."""

    def __init__(self, app, port):
        self.app, self.port, self.server, self.thread = app, port, None, None

    def start(self):
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 60  # a bound for a busy machine, not a speed check
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        return self

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("client")
    settings = Settings.from_env({"TILBAKE_DATA_DIR": str(tmp)})
    db = open_database(settings.database_url)
    app = create_app(Services(settings, db))
    yield app, db
    db.dispose()


@pytest.fixture
def token(stack):
    return AccountService(stack[1]).create_org(f"client-{time.monotonic_ns()}")[1]


@pytest.fixture
def server(stack):
    srv = Server(stack[0], _free_port()).start()
    yield srv
    srv.stop()


def _url(port):
    return f"http://127.0.0.1:{port}"


def test_two_lines_blocking(server, token):
    client = Client(_url(server.port), token)
    sid = client.log_suggestion("soap_plan", TEXT, confidence_score=0.9)
    result = client.decide(sid, accepted=True, user_correction=TEXT.replace("fire", "seks"))
    assert result["correction_type"] == "minor_edit"
    assert client.decide(sid, accepted=True, user_correction=TEXT.replace("fire", "seks"))["created"] is False
    with pytest.raises(ConflictError):
        client.decide(sid, accepted=False)
    fid = client.feedback("red_flag", "Vurder cauda equina.", accepted=False)
    assert {i["id"] for i in client.suggestions()["items"]} == {sid, fid}
    assert client.export_stats()["pending_total"] == 2
    assert client.daily_metrics()["days"]
    client.close()


def test_blocking_errors_are_tilbake_errors(server, token):
    with Client(_url(server.port), token) as client:
        with pytest.raises(ValidationError, match="suggestion_type"):
            client.log_suggestion("no_such_type", TEXT)
        with pytest.raises(ValidationError, match="user_rating"):  # checked before sending
            client.decide("x", user_rating=9)
        with pytest.raises(NotFoundError):
            client.decide("does-not-exist", accepted=True)
    with Client(_url(server.port), "tlb_wrong") as client, pytest.raises(AuthError):
        client.log_suggestion("soap_plan", TEXT)
    with Client(_url(_free_port()), token, timeout=1) as client, pytest.raises(TilbakeError, match="reach"):
        client.log_suggestion("soap_plan", TEXT)


def test_background_mode_sends_in_order_and_flushes(server, token, tmp_path):
    client = Client(_url(server.port), token, background=True, spool_dir=tmp_path)
    ids = []
    for i in range(30):
        sid = client.log_suggestion("soap_plan", f"{TEXT} {i}")
        assert client.decide(sid, accepted=i % 2 == 0) is None  # returns at once
        ids.append(sid)
    assert client.flush(20)
    assert client.pending() == {"queued": 0, "spooled": 0, "rejected": 0}
    client.close()
    with Client(_url(server.port), token) as check:
        items = check.suggestions(limit=100)["items"]
    assert {i["id"] for i in items} == set(ids)
    assert all(i["decided_at"] is not None for i in items)


def test_server_down_spools_to_disk_and_retries_later(stack, token, tmp_path):
    port = _free_port()
    client = Client(_url(port), token, background=True, spool_dir=tmp_path, retry_every=0.2, timeout=1)
    sid = client.log_suggestion("soap_plan", TEXT)
    client.decide(sid, accepted=True)
    fid = client.feedback("spell_check", "Pasineten", user_correction="Pasienten", accepted=True)
    assert not client.flush(1.0)
    assert client.pending()["spooled"] == 3
    assert (tmp_path / "spool.jsonl").stat().st_mode & 0o777 == 0o600
    client.close(timeout=0.5)  # stops with the records still on disk
    spooled_at = time.time()
    time.sleep(1.1)
    srv = Server(stack[0], port).start()
    try:
        again = Client(_url(port), token, background=True, spool_dir=tmp_path, retry_every=0.2)
        assert again.flush(15), again.pending()  # a new client sends what the last one spooled
        again.close()
        with Client(_url(port), token) as check:
            items = check.suggestions()["items"]
        got = {i["id"]: i["correction_type"] for i in items}
        assert got == {sid: "accepted_as_is", fid: "major_edit"}  # 1 of 1 words changed
        for item in items:  # the event times, stamped by the client, not the time of arrival
            for key in ("created_at", "decided_at"):
                assert datetime.fromisoformat(item[key]).timestamp() < spooled_at
    finally:
        srv.stop()


def test_full_queue_overflows_to_disk_without_blocking_or_reordering(stack, token, tmp_path):
    port = _free_port()  # nothing listens yet, so the sender can drain nothing: every call must return
    client = Client(_url(port), token, background=True, spool_dir=tmp_path, queue_size=2, retry_every=0.2,
                    timeout=1)
    for i in range(40):
        sid = client.log_suggestion("soap_plan", f"{TEXT} {i}")
        client.decide(sid, accepted=True)
    waiting = client.pending()
    # all 80 records are held: at most 2 in the queue and one batch of at most 2 in the sender's hands
    # (a failed send returns it to the spool), the rest on disk
    assert waiting["spooled"] >= 76 and waiting["queued"] + waiting["spooled"] >= 78, waiting
    srv = Server(stack[0], port).start()
    try:
        assert client.flush(30), client.pending()
        assert client.pending()["rejected"] == 0  # no decision overtook its suggestion
        client.close()
        with Client(_url(port), token) as check:
            items = check.suggestions(limit=100)["items"]
        assert len(items) == 40 and all(i["correction_type"] == "accepted_as_is" for i in items)
    finally:
        srv.stop()


def test_refused_records_are_kept_with_the_error(server, token, tmp_path, caplog):
    client = Client(_url(server.port), token, background=True, spool_dir=tmp_path)
    client.log_suggestion("soap_plan", TEXT, id="same")
    client.log_suggestion("soap_plan", TEXT + " endret", id="same")  # 409: a different record
    assert client.flush(10)
    assert client.pending()["rejected"] == 1
    client.close()
    lines = (tmp_path / "rejected.jsonl").read_text().splitlines()
    assert len(lines) == 1 and '"conflict"' in lines[0]
    assert "refused" in caplog.text and TEXT not in caplog.text


def test_records_queued_at_exit_are_spooled_not_lost(tmp_path):
    """A background client in a process that simply ends: atexit spools what it could not send."""
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "from tilbake.client import Client\n"
        f"c = Client('http://127.0.0.1:{_free_port()}', 'tlb_x', background=True,"
        f" spool_dir={str(tmp_path)!r}, timeout=0.5)\n"
        "for i in range(5):\n"
        "    c.log_suggestion('soap_plan', f'tekst {i}')\n"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60, env={"PYTHONPATH": str(src)})
    lines = (tmp_path / "spool.jsonl").read_text().splitlines()
    assert len(lines) == 5 and all('"/api/v1/suggestions"' in line for line in lines)
    texts = [orjson.loads(line)["body"]["original_suggestion"] for line in lines]
    assert texts == [f"tekst {i}" for i in range(5)]  # in order


def test_background_feedback_goes_in_batches_and_bad_records_are_singled_out(server, token, tmp_path):
    client = Client(_url(server.port), token, background=True, spool_dir=tmp_path)
    ids = [client.feedback("soap_plan", f"{TEXT} {i}", accepted=True) for i in range(250)]
    bad = client.feedback("soap_plan", "x" * 10, accepted=True, id=ids[0])  # same id, other text: 409
    ids += [client.feedback("red_flag", f"{TEXT} etter {i}", accepted=False) for i in range(5)]
    assert bad == ids[0]
    assert client.flush(30), client.pending()
    assert client.pending()["rejected"] == 1
    client.close()
    with Client(_url(server.port), token) as check:
        stored = check.suggestions(limit=500)["items"]
    assert {i["id"] for i in stored} == set(ids) and len(stored) == 255


def test_a_record_no_server_could_store_is_refused_at_the_call_and_the_sender_lives_on(server, token,
                                                                                        tmp_path):
    client = Client(_url(server.port), token, background=True, spool_dir=tmp_path)
    for bad in ({"context_data": {"n": 2**70}}, {"context_data": {"s": "\ud800"}},
                {"model_name": "a\x00b"}):
        with pytest.raises(ValidationError):
            client.log_suggestion("soap_plan", TEXT, **bad)
    ids = [client.log_suggestion("soap_plan", f"{TEXT} {i}") for i in range(6)]
    assert client.flush(20), client.pending()
    client.close()
    with Client(_url(server.port), token) as check:
        assert {i["id"] for i in check.suggestions(limit=50)["items"]} == set(ids)


def test_a_record_the_server_always_fails_on_does_not_block_the_spool(server, stack, token, tmp_path,
                                                                      monkeypatch):
    capture = stack[0].state.services.capture
    real = capture.log_suggestion

    def fails_on_poison(who, record):
        if "GIFT" in record.original_suggestion:
            raise RuntimeError("a server bug this record triggers")
        return real(who, record)

    monkeypatch.setattr(capture, "log_suggestion", fails_on_poison)
    client = Client(_url(server.port), token, background=True, spool_dir=tmp_path, retry_every=0.05)
    poison = client.log_suggestion("soap_plan", "GIFT")
    ids = [client.log_suggestion("soap_plan", f"{TEXT} {i}") for i in range(5)]
    assert client.flush(30), client.pending()
    assert client.pending()["rejected"] == 1
    client.close()
    rejected = (tmp_path / "rejected.jsonl").read_text()
    assert poison in rejected and "internal_error" in rejected
    with Client(_url(server.port), token) as check:
        assert {i["id"] for i in check.suggestions(limit=50)["items"]} == set(ids)


def test_the_sender_survives_a_body_it_cannot_encode(server, token, tmp_path):
    client = Client(_url(server.port), token, background=True, spool_dir=tmp_path)
    assert client._worker is not None
    unencodable = {"suggestion_type": "soap_plan", "original_suggestion": "\udc00"}
    client._worker.put(("/api/v1/suggestions", unencodable))
    ids = [client.log_suggestion("soap_plan", f"{TEXT} {i}") for i in range(5)]
    assert client.flush(20), client.pending()
    assert client.pending()["rejected"] == 1
    client.close()
    with Client(_url(server.port), token) as check:
        assert {i["id"] for i in check.suggestions(limit=50)["items"]} == set(ids)
