"""The dataset directory on disk, changed only all at once.

    DIR/README.md              the dataset card          DIR/merge_log.jsonl   one line per event
    DIR/{sft,dpo,kto}/{train,test}.parquet                the splits
    DIR/.tilbake/state.json    bundles merged or revoked, training marks, the practice-id key
    DIR/.tilbake/rows/<bundle>/<fmt>.jsonl               the rows kept from each bundle
    DIR/.tilbake/held/<bundle>/<fmt>.jsonl               its rows left out as duplicates (a revoke
                                                         of what they duplicated brings them back)

A change (merge, revoke) is built in ``.DIR.work`` next to it: unchanged row files are hard links
(they are never rewritten), the rest is written anew; then ``DIR`` is renamed to ``.DIR.old``, the
work folder to ``DIR``, and the old one removed. A crash before the first rename leaves ``DIR`` as
it was (the work folder is swept next time); between the two renames ``open`` puts ``.DIR.old``
back. One change at a time (an advisory lock beside the directory).
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from tilbake.errors import ConflictError

STATE_DIR = ".tilbake"
STATE = "state.json"
LOG = "merge_log.jsonl"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _siblings(path: Path) -> tuple[Path, Path, Path]:
    return (
        path.parent / f".{path.name}.work",
        path.parent / f".{path.name}.old",
        path.parent / f".{path.name}.lock",
    )


def recover(path: Path) -> None:
    """Undo what an interrupted change left: a half-built work folder, or a swap half done."""
    work, old, _ = _siblings(path)
    if not path.exists() and old.exists():
        os.rename(old, path)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)


def empty_state() -> dict[str, Any]:
    return {"version": 1, "key": secrets.token_hex(16), "merges": 0, "bundles": {}, "trainings": []}


def read_state(path: Path) -> dict[str, Any]:
    state_file = path / STATE_DIR / STATE
    if not state_file.exists():
        if path.exists() and any(path.iterdir()):
            raise ConflictError(f"{path} is not a tilbake dataset (no {STATE_DIR}/{STATE}) and not empty")
        return empty_state()
    return orjson.loads(state_file.read_bytes())


def rows_dir(root: Path, bundle_id: str) -> Path:
    return root / STATE_DIR / "rows" / bundle_id


def held_dir(root: Path, bundle_id: str) -> Path:
    return root / STATE_DIR / "held" / bundle_id


def own(path: Path) -> None:
    """Replace a hard-linked row file of the work folder by a copy of its own, so that appending to it
    cannot change the dataset it was linked from."""
    if path.exists():
        copy = path.with_name(path.name + ".copy")
        shutil.copyfile(path, copy)
        os.replace(copy, path)


def _link_tree(src: Path, dst: Path) -> None:
    """Hard links of the (immutable) row files; copies of everything else."""
    for item in src.rglob("*"):
        target = dst / item.relative_to(src)
        if item.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif item.suffix == ".jsonl" and ("rows" in item.parts or "held" in item.parts):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(item, target)
        elif item.name in (LOG, STATE):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(item, target)


class Change:
    """A change being built in the work folder: ``root`` to write into, ``state`` to update."""

    def __init__(self, root: Path, state: dict[str, Any]) -> None:
        self.root, self.state = root, state

    def log(self, entry: dict[str, Any]) -> None:
        with open(self.root / LOG, "ab") as fh:
            fh.write(orjson.dumps(entry) + b"\n")


@contextmanager
def change(path: Path) -> Iterator[Change]:
    """Build the next version of the dataset at ``path``; it replaces the old one only on success."""
    path = path.absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    work, old, lock = _siblings(path)
    with open(lock, "a") as lock_fh:
        try:
            fcntl.flock(lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConflictError(f"another merge into {path} is running") from None
        recover(path)
        state = read_state(path)
        work.mkdir()
        try:
            if path.exists():
                _link_tree(path, work)
            (work / STATE_DIR).mkdir(exist_ok=True)
            pending = Change(work, state)
            yield pending
            (work / STATE_DIR / STATE).write_bytes(orjson.dumps(pending.state, option=orjson.OPT_INDENT_2))
            _fsync_tree(work)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        if path.exists():
            os.rename(path, old)
        os.rename(work, path)
        _fsync_dir(path.parent)
        shutil.rmtree(old, ignore_errors=True)


def _fsync_tree(root: Path) -> None:
    for item in root.rglob("*"):
        if item.is_file() and not item.is_symlink():
            with open(item, "rb") as fh:
                os.fsync(fh.fileno())
    _fsync_dir(root)


def current(path: Path) -> dict[str, Any]:
    """The state of the dataset at ``path`` as it stands (after recovering an interrupted change)."""
    if not (path / STATE_DIR / STATE).exists() and not (_siblings(path)[1]).exists():
        raise ConflictError(f"{path} is not a tilbake dataset (run `tilbake merge ... --into {path}`)")
    work, old, _ = _siblings(path)
    if not path.exists() and old.exists():  # a swap half done; a work folder may be a running merge's
        os.rename(old, path)
    return read_state(path)
