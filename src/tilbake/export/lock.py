"""One export at a time per organization: an ``flock`` on the folder's ``.lock`` file, with its owner.

A killed process releases an ``flock`` by itself, but a lock can outlive its owner when a process that
inherited the open file (a forked worker) lives on. So the owner writes its pid into the file, and a
process that finds the lock taken while that pid is gone treats it as stale: it removes the file
(the orphan keeps its lock on a file nobody can open any more) and locks a fresh one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tilbake.errors import ConflictError

LOCK_NAME = ".lock"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def _owner(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _try_lock(path: Path) -> int | None:
    """An fd holding the lock on ``path``, or None when another process holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    return fd


@contextmanager
def folder_lock(folder: Path) -> Iterator[Path]:
    path = folder / LOCK_NAME
    fd = _try_lock(path)
    if fd is None:
        owner = _owner(path)
        if owner is not None and not _alive(owner):  # stale: held only by orphans of a dead owner
            path.unlink(missing_ok=True)
            fd = _try_lock(path)
    if fd is None:
        raise ConflictError("an export for this organization is already running; try again later")
    try:
        yield folder
    finally:
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
