"""Streaming bundle writer: rows go straight to disk, one JSONL file per format, nothing is held.

Everything is written under a hidden ``.<name>.partial`` directory next to the destination; only
``finish`` makes the bundle visible, by renaming a complete, fsynced zip into place (``os.replace``
is atomic within a file system). A crash or kill at any point leaves at most ``*.partial`` debris,
which ``sweep_partials`` removes; never a half-written bundle under its final name.

Exact duplicates (same prompt and completion, metadata aside) are written once and counted; the
set of seen content hashes costs 16 bytes a row.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import orjson

from tilbake.errors import ExportError
from tilbake.export.rows import FORMATS
from tilbake.files import DIR_MODE, FILE_MODE

PARTIAL = ".partial"
README_NAME = "README.md"
MANIFEST_NAME = "manifest.json"


def file_name(fmt: str) -> str:
    return f"{fmt}.jsonl"


def content_key(row: dict[str, Any]) -> bytes:
    """What makes two rows the same training example: everything but the metadata."""
    body = {k: v for k, v in row.items() if k != "metadata"}
    return hashlib.blake2b(orjson.dumps(body, option=orjson.OPT_SORT_KEYS), digest_size=16).digest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private_open(path: Path) -> IO[bytes]:
    return os.fdopen(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE), "wb")


def sweep_partials(out_dir: Path) -> int:
    """Remove what interrupted exports left behind; returns how many entries were removed."""
    removed = 0
    if out_dir.is_dir():
        for entry in out_dir.glob(f".*{PARTIAL}"):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink(missing_ok=True)
            removed += 1
    return removed


class BundleWriter:
    """``add(fmt, row)`` for each row, then ``finish(manifest, readme)``; ``abort()`` on failure."""

    def __init__(self, out_dir: Path, name: str, *, unpacked: bool = False) -> None:
        self.out_dir, self.name, self.unpacked = out_dir, name, unpacked
        self.final_zip = out_dir / f"{name}.zip"
        self.final_dir = out_dir / name
        if self.final_zip.exists() or self.final_dir.exists():
            raise ExportError(f"an export named {name!r} already exists in {out_dir}")
        self.work = out_dir / f".{name}{PARTIAL}"
        self.work.mkdir(mode=DIR_MODE, parents=True)
        os.chmod(self.work, DIR_MODE)
        self._files: dict[str, IO[bytes]] = {f: _private_open(self.work / file_name(f)) for f in FORMATS}
        self._hashes = {f: hashlib.sha256() for f in FORMATS}
        self._seen: set[bytes] = set()
        self.rows = dict.fromkeys(FORMATS, 0)
        self.duplicates = dict.fromkeys(FORMATS, 0)
        self.finished = False

    def add(self, fmt: str, row: dict[str, Any]) -> bool:
        """Write ``row`` to the ``fmt`` file unless an identical row is already there."""
        key = fmt.encode() + content_key(row)
        if key in self._seen:
            self.duplicates[fmt] += 1
            return False
        self._seen.add(key)
        line = orjson.dumps(row) + b"\n"
        self._files[fmt].write(line)
        self._hashes[fmt].update(line)
        self.rows[fmt] += 1
        return True

    def _close_files(self) -> None:
        for fh in self._files.values():
            if not fh.closed:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()

    def file_digests(self) -> dict[str, str]:
        return {file_name(f): h.hexdigest() for f, h in self._hashes.items()}

    def finish(self, manifest: dict[str, Any], readme: str) -> Path:
        """Write README and manifest, zip, fsync and rename into place; returns the zip's path."""
        self._close_files()
        readme_bytes = readme.encode()
        with _private_open(self.work / README_NAME) as fh:
            fh.write(readme_bytes)
        files = {**self.file_digests(), README_NAME: hashlib.sha256(readme_bytes).hexdigest()}
        manifest = {
            **manifest,
            "files": {
                n: {"sha256": d, "rows": self.rows.get(n.split(".")[0])} for n, d in sorted(files.items())
            },
        }
        with _private_open(self.work / MANIFEST_NAME) as fh:
            fh.write(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
        tmp_zip = self.out_dir / f".{self.name}.zip{PARTIAL}"
        with _private_open(tmp_zip) as raw, zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED,
                                                            compresslevel=6) as zf:
            for fname in [*(file_name(f) for f in FORMATS), MANIFEST_NAME, README_NAME]:
                zf.write(self.work / fname, arcname=f"{self.name}/{fname}")
        with open(tmp_zip, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_zip, self.final_zip)
        if self.unpacked:
            os.replace(self.work, self.final_dir)
        else:
            shutil.rmtree(self.work)
        _fsync_dir(self.out_dir)
        self.finished = True
        return self.final_zip

    def abort(self) -> None:
        """Throw away everything written so far (the final names were never used)."""
        for fh in self._files.values():
            fh.close()
        shutil.rmtree(self.work, ignore_errors=True)
        (self.out_dir / f".{self.name}.zip{PARTIAL}").unlink(missing_ok=True)

    def __enter__(self) -> BundleWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self.finished:  # an exception, or a caller that never finished: nothing stays
            self.abort()
