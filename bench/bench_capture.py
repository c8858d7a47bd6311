"""Capture API load: sustained suggestion+decision pairs per second, and latency at a fixed rate.

Runs `uvicorn tilbake.web.app:create_app_from_env` as a separate process on loopback, against a
fresh SQLite file and a throwaway PostgreSQL database (TILBAKE_TEST_PG_URL, default postgres on
127.0.0.1:5432), and drives it with a small keep-alive HTTP/1.1 load generator (asyncio, no extra
dependency). Every phase is bounded in count and in time and stops by itself. Afterwards the rows in
the database are counted: "lost" = pairs answered 2xx but not stored decided, plus pairs not answered
2xx at all.

    python bench/bench_capture.py                 # both databases, defaults below
    python bench/bench_capture.py --db postgresql --workers 2 --seconds 10

Phases per database:
  pairs     POST /suggestions then POST /suggestions/{id}/decision, C connections in a closed loop
  feedback  POST /feedback (suggestion + decision in one call), same
  batch     POST /feedback/batch, --batch records a call (what a background client can send)
  paced     open loop at --rate requests/s (half suggestions, half decisions): p50/p99 measured from
            the scheduled send time, so a stall is not hidden (no coordinated omission)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack, closing
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tilbake.accounts.service import AccountService  # noqa: E402
from tilbake.store import open_database  # noqa: E402
from tilbake.store.testing import DEFAULT_PG_URL, postgres_reachable, throwaway_postgres  # noqa: E402

TEXT = ("Subjektivt: Pasienten har hatt smerter i korsryggen i tre uker etter løft. Ingen utstråling. "
        "Objektivt: Nedsatt fleksjon, negativ Lasègue. Vurdering: Uspesifikke korsryggsmerter (L03). "
        "Plan: Øvelser, aktivitet som tålt, kontroll om to uker.")
EDIT = TEXT.replace("to uker", "tre uker")


class Conn:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, port: int, token: str) -> None:
        self.port, self.head = port, (f"Host: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                                      "Content-Type: application/json\r\n")

    async def open(self) -> Conn:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self

    async def post(self, path: str, body: dict) -> int:
        data = orjson.dumps(body)
        head = f"POST {path} HTTP/1.1\r\n{self.head}Content-Length: {len(data)}\r\n\r\n"
        self.writer.write(head.encode() + data)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.writer.close()


def _suggestion(sid: str) -> dict:
    return {"id": sid, "suggestion_type": "soap_notes", "original_suggestion": TEXT, "confidence_score": 0.8,
            "context_data": {"chief_complaint": "korsryggsmerter", "patient_age": 44}, "model_name": "bench"}


def _decision() -> dict:
    return {"accepted": True, "user_correction": EDIT, "user_rating": 4, "time_to_decision": 5200}


async def closed_loop(port: int, token: str, mode: str, conns: int, max_pairs: int, seconds: float,
                      batch: int = 50) -> dict:
    """Each connection sends pairs back to back until the count or the time runs out."""
    latencies: list[float] = []
    ok = failed = 0
    issued = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal ok, failed, issued
        conn = await Conn(port, token).open()
        try:
            while issued < max_pairs and time.perf_counter() < deadline:
                sid = uuid.uuid4().hex
                t0 = time.perf_counter()
                if mode == "batch":
                    n = min(batch, max_pairs - issued)
                    issued += n
                    items = [{**_suggestion(uuid.uuid4().hex), **_decision()} for _ in range(n)]
                    good = await conn.post("/api/v1/feedback/batch", {"items": items}) == 200
                    latencies.append(time.perf_counter() - t0)
                    ok, failed = (ok + n, failed) if good else (ok, failed + n)
                    continue
                issued += 1
                if mode == "feedback":
                    good = await conn.post("/api/v1/feedback", {**_suggestion(sid), **_decision()}) == 201
                else:
                    good = await conn.post("/api/v1/suggestions", _suggestion(sid)) == 201
                    latencies.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    good = good and await conn.post(f"/api/v1/suggestions/{sid}/decision", _decision()) == 200
                latencies.append(time.perf_counter() - t0)
                ok, failed = (ok + 1, failed) if good else (ok, failed + 1)
        finally:
            conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(conns)))
    elapsed = time.perf_counter() - started
    return {"mode": mode, "pairs_ok": ok, "pairs_failed": failed, "seconds": elapsed,
            "pairs_per_s": ok / elapsed, **_percentiles(latencies)}


async def paced(port: int, token: str, rate: float, seconds: float, conns: int = 32) -> dict:
    """Open loop: request i is due at start + i/rate; latency counts from when it was due."""
    total = int(rate * seconds)
    pool: asyncio.Queue[Conn] = asyncio.Queue()
    for _ in range(conns):
        pool.put_nowait(await Conn(port, token).open())
    latencies: list[float] = []
    failed = 0
    start = time.perf_counter() + 0.05
    pending_ids: list[str] = []

    async def one(i: int) -> None:
        nonlocal failed
        due = start + i / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        conn = await pool.get()
        try:
            if i % 2 == 0:
                sid = uuid.uuid4().hex
                good = await conn.post("/api/v1/suggestions", _suggestion(sid)) == 201
                if good:
                    pending_ids.append(sid)
            else:
                # the oldest stored suggestion still undecided (a fresh one if none is stored yet)
                if pending_ids:
                    good = await conn.post(f"/api/v1/suggestions/{pending_ids.pop(0)}/decision",
                                           _decision()) == 200
                else:
                    good = await conn.post("/api/v1/suggestions", _suggestion(uuid.uuid4().hex)) == 201
        finally:
            pool.put_nowait(conn)
        latencies.append(time.perf_counter() - due)
        failed += 0 if good else 1

    await asyncio.gather(*(one(i) for i in range(total)))
    while not pool.empty():
        pool.get_nowait().close()
    return {"mode": f"paced {rate:.0f} req/s", "requests": total, "failed": failed, **_percentiles(latencies)}


def _percentiles(latencies: list[float]) -> dict:
    if not latencies:
        return {"p50_ms": None, "p99_ms": None}
    ordered = sorted(latencies)
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    return {"p50_ms": 1000 * statistics.median(ordered), "p99_ms": 1000 * p99}


def _free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(env: dict, port: int, workers: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "uvicorn", "tilbake.web.app:create_app_from_env", "--factory",
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--no-access-log",
           "--log-level", "warning", "--loop", "uvloop", "--http", "httptools"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                time.sleep(0.5 if workers > 1 else 0.1)  # let every worker come up
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 30 s")


def _stored(db, org_id: int) -> tuple[int, int]:
    from sqlalchemy import func, select

    from tilbake.capture.tables import suggestions as t

    with db.engine.connect() as conn:
        total = conn.execute(select(func.count()).where(t.c.organization_id == org_id)).scalar_one()
        decided = conn.execute(select(func.count()).where(t.c.organization_id == org_id,
                                                          t.c.decided_at.is_not(None))).scalar_one()
    return int(total), int(decided)


def _closed_phase(db, backend: str, proc: subprocess.Popen, port: int, mode: str, workers: int,
                  args: argparse.Namespace) -> dict:
    org, token = AccountService(db).create_org(f"bench-{uuid.uuid4().hex[:8]}")
    conns = args.connections if mode != "batch" else max(2, args.connections // 8)
    cpu0, pg0 = _cpu_seconds(proc.pid), _postgres_cpu()
    res = asyncio.run(closed_loop(port, token, mode, conns, args.pairs, args.seconds, args.batch))
    cpu, pg = _cpu_seconds(proc.pid) - cpu0, _postgres_cpu_since(pg0)
    total, decided = _stored(db, org["id"])
    pairs = max(1, res["pairs_ok"])
    lost = res["pairs_failed"] + res["pairs_ok"] - decided
    res.update(db=backend, workers=workers, stored=total, lost=lost,
               server_cpu_ms_per_pair=1000 * cpu / pairs, db_cpu_ms_per_pair=1000 * pg / pairs)
    return res


def run_backend(backend: str, args: argparse.Namespace) -> list[dict]:
    results = []
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tilbake-bench-")))
        if backend == "postgresql":
            url = stack.enter_context(throwaway_postgres(args.pg_url, prefix="tilbake_bench"))
        else:
            url = f"sqlite:///{tmp / 'tilbake.db'}"
        db = open_database(url)
        stack.callback(db.dispose)
        env = {**os.environ, "TILBAKE_DATA_DIR": str(tmp), "TILBAKE_DATABASE_URL": url,
               "PYTHONPATH": str(ROOT / "src"), "TILBAKE_LOG_LEVEL": "WARNING"}
        for workers in args.workers:
            port = _free_port()
            proc = _serve(env, port, workers)
            try:
                for mode in ("pairs", "feedback", "batch"):
                    results.append(_closed_phase(db, backend, proc, port, mode, workers, args))
                    print(_line(results[-1]), flush=True)
                _org, token = AccountService(db).create_org(f"bench-{uuid.uuid4().hex[:8]}")
                res = asyncio.run(paced(port, token, args.rate, args.paced_seconds))
                res.update(db=backend, workers=workers)
                results.append(res)
                print(_line(res), flush=True)
            finally:
                proc.terminate()
                proc.wait(15)
    return results


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the server process and its workers, from /proc."""
    pids = [pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        total = 0
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    except (OSError, ValueError):
        return 0.0
    return total / os.sysconf("SC_CLK_TCK")


def _postgres_cpu() -> dict[int, int]:
    """CPU ticks of every process named postgres on this machine (the server is local), by pid."""
    ticks = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if "(postgres)" in text:
            fields = text.rsplit(")", 1)[1].split()
            ticks[int(stat.parent.name)] = int(fields[11]) + int(fields[12])
    return ticks


def _postgres_cpu_since(before: dict[int, int]) -> float:
    """Seconds used since `before` by backends alive now: a lower bound (exited ones are lost)."""
    after = _postgres_cpu()
    return sum(t - before.get(pid, 0) for pid, t in after.items()) / os.sysconf("SC_CLK_TCK")


def _line(r: dict) -> str:
    head = f"{r['db']:<10} workers={r['workers']} {r['mode']:<18}"
    lat = f"p50 {r['p50_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms"
    if "pairs_per_s" in r:
        return (f"{head} {r['pairs_per_s']:7.0f} pairs/s  ({r['pairs_ok']} pairs in {r['seconds']:.1f} s, "
                f"lost {r['lost']})  {lat} per request  CPU/pair: server {r['server_cpu_ms_per_pair']:.2f} ms"
                + (f", postgres ≥ {r['db_cpu_ms_per_pair']:.2f} ms" if r["db"] == "postgresql" else ""))
    return f"{head} {r['requests']} requests, failed {r['failed']}  {lat}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--workers", type=int, nargs="+", default=[2], help="uvicorn worker counts to try")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--pairs", type=int, default=20_000, help="at most this many pairs per phase")
    parser.add_argument("--seconds", type=float, default=10.0, help="at most this long per phase")
    parser.add_argument("--batch", type=int, default=50, help="records per /feedback/batch call")
    parser.add_argument("--rate", type=float, default=200.0, help="requests/s for the paced phase")
    parser.add_argument("--paced-seconds", type=float, default=10.0)
    parser.add_argument("--pg-url", default=os.environ.get("TILBAKE_TEST_PG_URL", DEFAULT_PG_URL))
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    load = os.getloadavg()[0]
    print(f"capture load benchmark: {os.cpu_count()} cores, load average {load:.1f} at start, "
          f"python {sys.version.split()[0]}", flush=True)
    for backend in backends:
        if backend == "postgresql" and (problem := postgres_reachable(args.pg_url)):
            print(f"postgresql: skipped ({problem})")
            continue
        run_backend(backend, args)


if __name__ == "__main__":
    main()
