"""Copies of a bundle written for the user: all or nothing, never over a file unless asked.

A copy is written beside its target under a temporary name, flushed, and renamed over the target in
one step, so a failed write (a full disk, a quota) leaves whatever was there before untouched and no
partial file behind. An unpacked copy is extracted into a temporary folder, then renamed into place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from tilbake.errors import ConflictError


def _refuse_existing(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise ConflictError(f"{target} exists; pass --force to replace it")


def copy_bundle(bundle: Path, target: Path, *, force: bool = False) -> None:
    """``bundle`` copied to ``target`` atomically."""
    _refuse_existing(target, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, bundle.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def unpack_bundle(bundle: Path, target: Path, *, force: bool = False) -> None:
    """``bundle``'s files extracted into the folder ``target``, which appears only when complete."""
    _refuse_existing(target, force)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    old = None
    try:
        with zipfile.ZipFile(bundle) as zf:
            zf.extractall(tmp)
        if target.exists():  # --force: move the old one aside, put the new one in, then delete the old
            old = target.with_name(f".{target.name}.{os.getpid()}.old")
            os.replace(target, old)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not target.exists():
            os.replace(old, target)
        raise
    if old is not None and old.is_dir():
        shutil.rmtree(old, ignore_errors=True)
    elif old is not None:
        old.unlink()
