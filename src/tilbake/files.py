"""Files only their owner can read: the data directory is 0700; the database, the secret, export
bundles and the client's spool are 0600 from the moment they exist.

The CLI and the web service set the umask to 0o077 when they start (``owner_only_umask``), so anything
any part writes is private; the places that hold patient text or keys also set the mode explicitly,
so it holds for a library user with a looser umask too.
"""

from __future__ import annotations

import os
from pathlib import Path

OWNER_ONLY_UMASK = 0o077
DIR_MODE, FILE_MODE = 0o700, 0o600


def owner_only_umask() -> int:
    """Make every file this process creates from now on private to its owner; the previous umask."""
    return os.umask(OWNER_ONLY_UMASK)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700, or tighten it to 0700 if it exists."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    if path.stat().st_mode & 0o077:
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty as 0600 if it does not exist, or tighten it to 0600 if it does."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    if path.stat().st_mode & 0o077:
        os.chmod(path, FILE_MODE)
    return path
