"""Killing a real export process at several points loses nothing and exports nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from export_fixtures import add_suggestions, record  # noqa: E402
from sqlalchemy import select  # noqa: E402
from tests.processes import children, gone

from tilbake.capture.tables import suggestions  # noqa: E402
from tilbake.errors import ConflictError  # noqa: E402
from tilbake.export.request import Actor, Consent, Scope  # noqa: E402

CHILD = Path(__file__).with_name("kill_child.py")
SRC = Path(__file__).resolve().parents[2] / "src"
OK = Consent(given_by="Kari Lege", agree=True)
POINTS = ["streaming", "zipping", "renamed", "in_transaction"]


def _marks(db, org):
    with db.unit_of_work(write=False) as uow:
        rows = uow.conn.execute(
            select(suggestions.c.export_batch_id).where(suggestions.c.organization_id == org)
        )
        return [r[0] for r in rows]


def _run_child(db_url, exports, org, point, tmp_path, workers=0):
    ready = tmp_path / f"ready-{point}"
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{CHILD.parent}"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), db_url, str(exports), str(org), point, str(ready), str(workers)],
        env=env,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not ready.exists():
        if child.poll() is not None:
            pytest.fail(f"child ended before {point}: {child.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"child never reached {point}")
        time.sleep(0.05)
    return child, ready


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_kill_mid_export_leaves_nothing_marked_and_nothing_visible(db, db_url, org, service, tmp_path, point):
    add_suggestions(
        db,
        org,
        [
            record(i, "accepted_as_is" if i % 3 else "minor_edit", correction=f"Rettet {i}.")
            for i in range(23)
        ],
    )
    child, _ready = _run_child(db_url, service.exports_dir, org, point, tmp_path)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL

    assert set(_marks(db, org)) == {None}  # no row marked
    assert service.list(org) == []  # no bundle visible
    left = sorted(p.name for p in service.org_dir(org).iterdir() if p.name != ".lock")
    expected = ".partial" if point in ("streaming", "zipping") else ".zip"  # proves the point was reached
    assert left and all(name.endswith(expected) for name in left), left
    service.recover(org)
    assert [p.name for p in service.org_dir(org).iterdir() if p.name != ".lock"] == []

    # the next export holds every row exactly once
    batch = service.create(Actor(org), OK, Scope())
    assert batch["suggestions"] == 23 and set(_marks(db, org)) == {batch["id"]}
    with pytest.raises(ConflictError, match="nothing to export"):
        service.create(Actor(org), OK, Scope())


@pytest.mark.slow
def test_unkilled_child_finishes(db, db_url, org, service, tmp_path):
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(6)])
    child, ready = _run_child(db_url, service.exports_dir, org, "none", tmp_path)
    assert child.wait(timeout=60) == 0 and ready.read_text() == "finished"
    assert [b["suggestions"] for b in service.list(org)] == [6]


@pytest.mark.slow
@pytest.mark.parametrize("point", ["streaming", "streaming_late"])
def test_export_workers_die_with_a_killed_export(db, db_url, org, service, tmp_path, point):
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(40)])
    child, _ready = _run_child(db_url, service.exports_dir, org, point, tmp_path, workers=2)
    workers = children(child.pid)
    assert len(workers) == 2, workers
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    deadline = time.monotonic() + 30  # a bound for a busy machine, not a speed check
    while not all(gone(w) for w in workers):
        assert time.monotonic() < deadline, "export workers outlived their parent"
        time.sleep(0.05)
    batch = service.create(Actor(org), OK, Scope())  # the lock is free
    assert batch["suggestions"] == 40


def _hold_lock(folder, owner_pid):
    """A real process holding the folder's lock, with a dead process named as its owner: what an
    orphaned worker of a killed export looks like where no parent-death signal exists."""
    script = ("import fcntl, os, sys, time\n"
              "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
              "fcntl.flock(fd, fcntl.LOCK_EX)\n"
              "os.write(fd, sys.argv[2].encode())\n"
              "print('held', flush=True)\n"
              "time.sleep(120)\n")
    holder = subprocess.Popen([sys.executable, "-c", script, str(folder / ".lock"), str(owner_pid)],
                              stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"held"
    return holder


def test_a_stale_lock_is_detected_and_cleared(db, org, service):
    add_suggestions(db, org, [record(i, "accepted_as_is") for i in range(3)])
    folder = service.org_dir(org)
    folder.mkdir(parents=True, exist_ok=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    holder = _hold_lock(folder, dead.pid)
    try:
        assert service.create(Actor(org), OK, Scope())["suggestions"] == 3
        assert holder.poll() is None  # the orphan still holds its lock, on a file nobody uses now
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_whose_owner_lives_still_refuses(db, org, service):
    from tilbake.errors import ConflictError

    folder = service.org_dir(org)
    folder.mkdir(parents=True, exist_ok=True)
    holder = _hold_lock(folder, os.getpid())
    try:
        with pytest.raises(ConflictError, match="already running"):
            service.create(Actor(org), OK, Scope())
    finally:
        holder.kill()
        holder.wait()
