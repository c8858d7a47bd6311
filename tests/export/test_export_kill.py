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


def _run_child(db_url, exports, org, point, tmp_path):
    ready = tmp_path / f"ready-{point}"
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{CHILD.parent}"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), db_url, str(exports), str(org), point, str(ready)],
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
