"""The client's on-disk spool: an ordered JSONL file of records waiting to be sent, under a file lock.

Appends are flushed and fsynced; draining sends records oldest first and rewrites the remainder
atomically (write a temporary file, then rename), so a crash loses nothing and sends nothing twice
out of order. (A record sent just before a crash may be sent again: the server treats a retry with
the same id as the same record.) Refused records go to `rejected.jsonl` with the server's error, and
so does a record the server failed on (HTTP 500) `MAX_FAULTS` times in a row: one record a server bug
trips on must not hold back the records behind it.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from tilbake.errors import TilbakeError
from tilbake.files import private_dir

log = logging.getLogger("tilbake.client")
Op = tuple[str, dict[str, Any]]
MAX_FAULTS = 3


def _line(obj: dict[str, Any]) -> bytes:
    """One JSONL line; the standard library's encoder for what orjson refuses (lone surrogates, huge
    integers), so a rejected record is kept whatever it holds."""
    try:
        return orjson.dumps(obj) + b"\n"
    except orjson.JSONEncodeError:
        return json.dumps(obj, default=str).encode("ascii") + b"\n"


class ServerFailed(TilbakeError):
    code = "internal_error"


class Spool:
    def __init__(self, directory: Path, name: str = "spool.jsonl") -> None:
        self.dir = directory
        private_dir(self.dir)  # 0700, like every file in it (0600): the spool holds clinical text
        self.path = self.dir / name
        self.rejected_path = self.dir / "rejected.jsonl"
        self._count = self._lines(self.path)
        self._faults: dict[bytes, int] = {}

    @staticmethod
    def _lines(path: Path) -> int:
        if not path.exists():
            return 0
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())

    @contextmanager
    def _locked(self) -> Iterator[None]:
        fd = os.open(self.dir / "spool.lock", os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _write(self, path: Path, lines: list[bytes], mode: str) -> None:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | (os.O_APPEND if mode == "a" else os.O_TRUNC), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(lines)
            fh.flush()
            os.fsync(fh.fileno())

    def count(self) -> int:
        return self._count

    def rejected(self) -> int:
        return self._lines(self.rejected_path)

    def append(self, ops: list[Op]) -> None:
        if not ops:
            return
        lines = [_line({"path": path, "body": body}) for path, body in ops]
        with self._locked():
            self._write(self.path, lines, "a")
            self._count = self._lines(self.path)

    def move_to(self, other: Spool) -> None:
        """Append every record of this spool to `other` (its tail), then empty this one."""
        with self._locked():
            if not self.path.exists():
                return
            lines = [line + b"\n" for line in self.path.read_bytes().splitlines() if line.strip()]
            other._write(other.path, lines, "a")
            other._count = other._lines(other.path)
            self.path.unlink()
            self._count = 0

    def reject(self, op: Op, exc: TilbakeError) -> None:
        field = getattr(exc, "field", None)
        log.warning("tilbake server refused a record (%s%s); kept in %s", exc.code,
                    f", field {field}" if field else "", self.rejected_path)
        with self._locked():
            self._write(self.rejected_path, [_rejected_line(op, exc)], "a")

    def drain(self, send: Callable[[Op], Any], transient: type[Exception],
              fault: type[Exception] | None = None) -> bool:
        """Send spooled records in order; stop at the first transient failure, except that a record
        failing with ``fault`` MAX_FAULTS times is set aside in rejected.jsonl. True if emptied."""
        with self._locked():
            if not self.path.exists():
                self._count = 0
                return True
            lines = [line for line in self.path.read_bytes().splitlines() if line.strip()]
            sent = 0
            try:
                for line in lines:
                    try:
                        record = orjson.loads(line)
                    except orjson.JSONDecodeError:
                        log.warning("tilbake spool: an unreadable line (torn write) kept in rejected.jsonl")
                        self._write(self.rejected_path, [line + b"\n"], "a")
                        sent += 1
                        continue
                    op = (record["path"], record["body"])
                    try:
                        send(op)
                    except transient as exc:
                        if not (fault and isinstance(exc, fault) and self._faulted(line)):
                            break
                        self._reject_unlocked(op, ServerFailed(
                            f"the server failed on this record {MAX_FAULTS} times (HTTP 500)"))
                    except TilbakeError as exc:
                        self._reject_unlocked(op, exc)
                    sent += 1
            finally:
                rest = [line + b"\n" for line in lines[sent:]]
                tmp = self.path.with_suffix(".tmp")
                self._write(tmp, rest, "w")
                os.replace(tmp, self.path)
                self._count = len(rest)
            return not rest

    def _faulted(self, line: bytes) -> bool:
        """Count one more server failure on ``line``; True once it has failed MAX_FAULTS times."""
        self._faults[line] = self._faults.get(line, 0) + 1
        if self._faults[line] < MAX_FAULTS:
            return False
        del self._faults[line]
        return True

    def _reject_unlocked(self, op: Op, exc: TilbakeError) -> None:
        log.warning("tilbake server refused a spooled record (%s); kept in %s", exc.code, self.rejected_path)
        self._write(self.rejected_path, [_rejected_line(op, exc)], "a")


def _rejected_line(op: Op, exc: TilbakeError) -> bytes:
    error = {"code": exc.code, "message": str(exc), "field": getattr(exc, "field", None)}
    return _line({"path": op[0], "body": op[1], "error": error})
