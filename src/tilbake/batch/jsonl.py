"""The streaming JSONL contract: one input line ``{"id", "text"}`` at a time, output in the same order.

Output goes to a temporary file beside the target and is moved into place only when every line
succeeded, so a bad line (InputError naming its line number) never leaves a half-written or
clobbered output. ``detect`` writes exactly the spans ``anonymize`` would rewrite.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.rewrite.operators import OperatorContext, get_operator
from tilbake.deid.rewrite.operators import anonymize as rewrite
from tilbake.deid.spans import Span
from tilbake.errors import InputError

Progress = Callable[[int], None]  # told the input bytes read so far
Record = dict[str, Any]
BATCH = 64  # texts per engine call: the model reads them together


def read_records(stream: IO[bytes]) -> Iterator[tuple[int, Any, str, Record]]:
    """(line number, id, text, record) per non-blank line; a bad line raises InputError naming it."""
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise InputError(f"line {lineno}: not valid JSON") from None
        if not isinstance(record, dict):
            raise InputError(f"line {lineno}: expected a JSON object with 'id' and 'text'")
        if "id" not in record:
            raise InputError(f"line {lineno}: missing 'id'")
        if not isinstance(record.get("text"), str):
            raise InputError(f"line {lineno}: 'text' must be a string")
        yield lineno, record["id"], record["text"], record


@contextlib.contextmanager
def atomic_output(target: Path | None) -> Iterator[IO[bytes]]:
    """Write to a temporary file and move it over ``target`` only on success (stdout when None/"-")."""
    if target is None or str(target) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if not target.parent.is_dir():
        raise InputError(f"--output: directory {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def write_jsonl(rows: Iterable[Record], output: Path | None, progress: Callable[[int], None] | None = None
                ) -> int:
    """Rows as JSONL, atomically; ``progress`` is told the count every 500 rows. Returns the count."""
    count = 0
    with atomic_output(output) as out:
        for row in rows:
            out.write(orjson.dumps(row) + b"\n")
            count += 1
            if progress is not None and count % 500 == 0:
                progress(count)
    return count


def spans_row(rid: Any, text: str, record: Record, spans: list[Span]) -> Record:
    """The detect output line of one document: ``{"id", "spans"}``."""
    return {"id": rid, "spans": [s.as_dict() for s in spans]}


def anonymized_row(rid: Any, text: str, record: Record, spans: list[Span], operator: str, secret: bytes,
                   scope: str | None, text_key: str = "text") -> Record:
    """The record with its text rewritten; surrogates scoped by ``scope``, else the record's
    ``patient_id``, else its id."""
    ctx = OperatorContext(secret, scope or str(record.get("patient_id", rid)))
    return {**record, text_key: rewrite(text, spans, operator, ctx)}


def _stream(input_path: Path, output: Path | None, engine: Deidentifier,
            render: Callable[[Any, str, Record, list[Span]], Record], progress: Progress | None) -> int:
    if not input_path.is_file():
        raise InputError(f"--input {input_path} is not a readable file")
    count = 0
    with input_path.open("rb") as src, atomic_output(output) as out:
        batch: list[tuple[Any, str, Record]] = []

        def flush() -> None:
            texts = [text for _, text, _ in batch]
            for (rid, text, record), spans in zip(batch, engine.detect_many(texts), strict=True):
                out.write(orjson.dumps(render(rid, text, record, spans)) + b"\n")
            if progress is not None:
                progress(src.tell())
            batch.clear()

        for _, rid, text, record in read_records(src):
            batch.append((rid, text, record))
            count += 1
            if len(batch) == BATCH:
                flush()
        flush()
    return count


def detect_file(input_path: Path, output: Path | None, engine: Deidentifier, progress: Progress | None = None
                ) -> int:
    """``{"id", "spans"}`` per input line; returns the number of documents."""
    return _stream(input_path, output, engine, spans_row, progress)


def anonymize_file(input_path: Path, output: Path | None, engine: Deidentifier, operator: str,
                   secret: bytes = b"", scope: str | None = None, progress: Progress | None = None) -> int:
    """Each input record with its text rewritten; surrogates are scoped per record (its
    ``patient_id``, else its id) unless one ``scope`` is given. Returns the number of documents."""
    get_operator(operator)  # an unknown operator fails before any output is written

    def render(rid: Any, text: str, record: Record, spans: list[Span]) -> Record:
        return anonymized_row(rid, text, record, spans, operator, secret, scope)

    return _stream(input_path, output, engine, render, progress)


def anonymize_text(text: str, engine: Deidentifier, operator: str, secret: bytes = b"",
                   scope: str | None = None) -> str:
    get_operator(operator)
    return rewrite(text, engine.detect(text), operator, OperatorContext(secret, scope or ""))
