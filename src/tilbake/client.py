"""The Python client an app uses to log suggestions and decisions.

    client = Client("http://127.0.0.1:8000", token)
    sid = client.log_suggestion("soap_plan", text, confidence_score=0.8)
    client.decide(sid, accepted=True, user_correction=final_text)

Blocking by default: each call returns the server's answer and raises tilbake errors (AuthError,
ValidationError, NotFoundError, ConflictError, or TilbakeError when the server cannot be reached).

`Client(url, token, background=True)` never makes the caller wait: records are checked, given an id
(made here, so retries are idempotent) and put on a bounded queue that a background thread sends
in order (consecutive `feedback` records go as one /feedback/batch call). What cannot be sent now
(server down, 5xx, timeouts, a full queue, records still queued at exit) is appended to a spool
file on disk and retried, in order, before anything newer. Records the server refuses for good
(4xx) go to `rejected.jsonl` beside the spool with the server's error, and a warning is logged
(without the record's text). Nothing is dropped silently. The spool holds clinical text: it is
created with mode 0600 in `spool_dir` (default TILBAKE_SPOOL_DIR or ~/.cache/tilbake/spool).
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import orjson
import pydantic

from tilbake.client_spool import Spool
from tilbake.errors import AuthError, ConflictError, NotFoundError, TilbakeError, ValidationError

log = logging.getLogger("tilbake.client")

_RETRYABLE = {408, 425, 429, 500, 502, 503, 504}
_STATUS_ERRORS: dict[int, type[TilbakeError]] = {401: AuthError, 404: NotFoundError, 409: ConflictError}
Op = tuple[str, dict[str, Any]]  # (path, JSON body)


BATCH = 100  # records a background batch call carries at most
FEEDBACK_PATH = "/api/v1/feedback"
BATCH_PATH = "/api/v1/feedback/batch"


def _groups(ops: list[Op]) -> list[list[Op]]:
    """Consecutive feedback records together (one batch call), every other record on its own."""
    groups: list[list[Op]] = []
    for op in ops:
        if op[0] == FEEDBACK_PATH and groups and groups[-1][0][0] == FEEDBACK_PATH:
            groups[-1].append(op)
        else:
            groups.append([op])
    return groups


class Unsent(Exception):
    """A transient failure: the record goes to the spool and is retried."""


class ServerFault(Unsent):
    """HTTP 500: retried, but a record the server fails on again and again is set aside (the spool)."""


class Client:
    def __init__(self, url: str, token: str, *, background: bool = False, spool_dir: str | Path | None = None,
                 queue_size: int = 1000, timeout: float = 5.0, retry_every: float = 5.0) -> None:
        self.url = url.rstrip("/")
        self._headers = {"Authorization": f"Bearer {token}", "User-Agent": "tilbake-client"}
        self._timeout = timeout
        self._http = httpx.Client(base_url=self.url, headers=self._headers, timeout=timeout)
        self.background = background
        self._worker: _Worker | None = None
        if background:
            spool = Spool(Path(spool_dir or os.environ.get("TILBAKE_SPOOL_DIR")
                               or Path.home() / ".cache" / "tilbake" / "spool"))
            http = self._new_http()  # the worker's own connection
            self._worker = _Worker(lambda op: self._send_raw(op, http), spool, queue_size, retry_every, http)
            atexit.register(self.close)

    def __repr__(self) -> str:
        return f"Client({self.url!r}, background={self.background})"

    # -- the calls -------------------------------------------------------------------------------
    def log_suggestion(self, suggestion_type: str, original_suggestion: str, **fields: Any) -> str:
        """Log an AI suggestion; returns its id (needed for the decision)."""
        from tilbake.capture.schemas import SuggestionIn

        self._stamp(fields, "created_at")
        body = _checked(SuggestionIn, {"id": fields.pop("id", None) or uuid.uuid4().hex,
                                       "suggestion_type": suggestion_type,
                                       "original_suggestion": original_suggestion, **fields})
        self._submit("/api/v1/suggestions", body)
        return str(body["id"])

    def decide(self, suggestion_id: str, **fields: Any) -> dict[str, Any] | None:
        """Record the clinician's decision (None in background mode: it is on its way)."""
        from tilbake.capture.schemas import DecisionIn

        self._stamp(fields, "decided_at")
        body = _checked(DecisionIn, fields)
        return self._submit(f"/api/v1/suggestions/{suggestion_id}/decision", body)

    def feedback(self, suggestion_type: str, original_suggestion: str, **fields: Any) -> str:
        """A suggestion and its decision in one record; returns its id."""
        from tilbake.capture.schemas import FeedbackIn

        self._stamp(fields, "created_at", "decided_at")
        body = _checked(FeedbackIn, {"id": fields.pop("id", None) or uuid.uuid4().hex,
                                     "suggestion_type": suggestion_type,
                                     "original_suggestion": original_suggestion, **fields})
        self._submit(FEEDBACK_PATH, body)
        return str(body["id"])

    def suggestions(self, **params: Any) -> dict[str, Any]:
        return self._get("/api/v1/suggestions", params)

    def export_stats(self) -> dict[str, Any]:
        return self._get("/api/v1/training/export/stats", {})

    def daily_metrics(self, **params: Any) -> dict[str, Any]:
        return self._get("/api/v1/metrics/daily", params)

    # -- background mode -------------------------------------------------------------------------
    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued and spooled is sent; True if nothing is left."""
        return self._worker.flush(timeout) if self._worker else True

    def pending(self) -> dict[str, int]:
        """Records waiting: in the queue, in the spool on disk, and refused by the server."""
        return self._worker.pending() if self._worker else {"queued": 0, "spooled": 0, "rejected": 0}

    def close(self, timeout: float = 5.0) -> None:
        """Send what can be sent within `timeout`, spool the rest, stop the thread."""
        if self._worker is not None:
            self._worker.stop(timeout)
            self._worker = None
            atexit.unregister(self.close)
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------------------
    def _stamp(self, fields: dict[str, Any], *keys: str) -> None:
        """In background mode a record may be sent long after the event (queue, spool): stamp the
        event time here, or the server would record the time it finally arrived."""
        if self._worker is not None:
            now = datetime.now(UTC)
            for key in keys:
                fields.setdefault(key, now)

    def _submit(self, path: str, body: dict[str, Any]) -> dict[str, Any] | None:
        if self._worker is not None:
            self._worker.put((path, body))
            return None
        try:
            return self._send_raw((path, body))
        except Unsent as exc:
            raise TilbakeError(str(exc)) from None

    def _send_raw(self, op: Op, http: httpx.Client | None = None) -> dict[str, Any]:
        path, body = op
        try:
            content = orjson.dumps(body)
        except orjson.JSONEncodeError:
            raise ValidationError("the record cannot be encoded as JSON (a lone surrogate, an integer over "
                                  "64 bits?)") from None
        try:
            response = (http or self._http).post(path, content=content,
                                                 headers={"content-type": "application/json"})
        except httpx.HTTPError as exc:
            raise Unsent(f"could not reach {self.url}: {type(exc).__name__}") from None
        return _answer(response)

    def _get(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        try:
            return _answer(self._http.get(path, params=params))
        except httpx.HTTPError as exc:
            raise TilbakeError(f"could not reach {self.url}: {type(exc).__name__}") from None
        except Unsent as exc:
            raise TilbakeError(str(exc)) from None

    def _new_http(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=self._headers, timeout=self._timeout)


def _checked(model: type[pydantic.BaseModel], fields: dict[str, Any]) -> dict[str, Any]:
    try:
        record = model(**fields)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"])
        raise ValidationError(f"{name}: {first['msg']}", field=name) from None
    return record.model_dump(mode="json", exclude_none=True)


def _answer(response: httpx.Response) -> dict[str, Any]:
    if response.status_code < 400:
        result: dict[str, Any] = response.json()
        return result
    if response.status_code == 500:
        raise ServerFault("the server answered 500")
    if response.status_code in _RETRYABLE:
        raise Unsent(f"the server answered {response.status_code}")
    try:
        error = response.json()["error"]
    except (ValueError, KeyError, TypeError):
        error = {"code": "http_error", "message": f"HTTP {response.status_code}"}
    cls = _STATUS_ERRORS.get(response.status_code)
    if cls is not None:
        raise cls(error.get("message", ""))
    if response.status_code in (400, 413, 422):
        raise ValidationError(error.get("message", ""), field=error.get("field"))
    raise TilbakeError(f"HTTP {response.status_code}: {error.get('message', '')}")


class _Worker:
    """The background sender. Order is kept: spool (oldest) -> queue -> overflow (newest).

    When the queue is full, records go to an overflow file, and so does everything after them until
    the queue has been sent; then the overflow joins the spool's tail. The lock guards only these
    file moves, never a network call, so `put` never waits on the server.
    """

    def __init__(self, send: Any, spool: Spool, queue_size: int, retry_every: float,
                 http: httpx.Client) -> None:
        self._send = send
        self._http = http
        self.spool = spool
        self.overflow = Spool(spool.dir, "overflow.jsonl")
        self.overflow.move_to(self.spool)  # left by a crashed run: newer than the spool
        self._queue: queue.Queue[Op | None] = queue.Queue(maxsize=queue_size)
        self._retry_every = retry_every
        self._next_retry = 0.0
        self._lock = threading.Lock()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="tilbake-client", daemon=True)
        self._thread.start()

    def put(self, op: Op) -> None:
        with self._lock:
            if self._stopping or self.overflow.count():
                self.overflow.append([op])
                return
            try:
                self._queue.put_nowait(op)
                return
            except queue.Full:
                self.overflow.append([op])
        log.warning("tilbake client queue full: records go to the disk spool until it has drained")

    def pending(self) -> dict[str, int]:
        spooled = self.spool.count() + self.overflow.count()
        return {"queued": self._queue.qsize(), "spooled": spooled, "rejected": self.spool.rejected()}

    def flush(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._queue.unfinished_tasks == 0 and not self.spool.count() and not self.overflow.count():
                return True
            self._next_retry = 0.0  # retry the spool now rather than at the next interval
            time.sleep(0.02)
        return False

    def stop(self, timeout: float) -> None:
        self.flush(timeout)
        with self._lock:
            self._stopping = True
        self._queue.put(None)
        self._thread.join(timeout=max(1.0, timeout))
        leftovers: list[Op] = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                leftovers.append(item)
        with self._lock:
            self.spool.append(leftovers)
            self.overflow.move_to(self.spool)
        self._http.close()
        if self.spool.count():
            log.warning("tilbake client stopped with %d records spooled in %s; they are sent on the next "
                        "start", self.spool.count(), self.spool.path)

    def _take(self) -> list[Op | None]:
        """Wait briefly for a record, then take whatever else is queued already (up to BATCH)."""
        try:
            items = [self._queue.get(timeout=0.05)]
        except queue.Empty:
            return []
        while len(items) < BATCH:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return items

    def _run(self) -> None:
        while True:
            items = self._take()
            ops = [op for op in items if op is not None]
            try:
                for group in _groups(ops):
                    self._deliver(group)
                self._retry_spool()
                if self._queue.empty() and self.overflow.count():
                    with self._lock:
                        self.overflow.move_to(self.spool)
            finally:
                for _ in items:
                    self._queue.task_done()
            if self._stopping and len(ops) < max(1, len(items)):
                return  # the stop marker (None), or nothing left while stopping

    def _deliver(self, group: list[Op]) -> None:
        """Send one record, or consecutive feedback records as one batch call."""
        if self.spool.count():  # older records first
            self.spool.append(group)
            self._retry_spool()
            return
        try:
            if len(group) == 1:
                self._send(group[0])
            else:
                self._send((BATCH_PATH, {"items": [body for _path, body in group]}))
        except Unsent as exc:
            log.warning("tilbake server unreachable (%s): %d record(s) spooled for retry", exc, len(group))
            self.spool.append(group)
            self._next_retry = time.monotonic() + self._retry_every
        except TilbakeError as exc:
            if len(group) == 1:
                self.spool.reject(group[0], exc)
            else:  # a batch is all or nothing: send its records one by one to keep the good ones
                for op in group:
                    self._deliver([op])

    def _retry_spool(self) -> None:
        if not self.spool.count() or time.monotonic() < self._next_retry:
            return
        if not self.spool.drain(self._send, Unsent, ServerFault):
            self._next_retry = time.monotonic() + self._retry_every
