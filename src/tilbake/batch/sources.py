"""Input files of a corpus run: JSONL or Parquet, one file or a directory of them, read as a stream.

Each file yields its documents in order with their position (the JSONL line number, the Parquet row
number, both from 1); a record that cannot be read becomes a ``Bad`` naming its position and the
problem (never its text), and reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from tilbake.errors import InputError

SUFFIXES = (".jsonl", ".parquet")
PARQUET_BATCH = 1024  # rows per Arrow batch read from a Parquet file


@dataclass(frozen=True, slots=True)
class Columns:
    """The id and text columns the user named (JSON keys or Parquet columns)."""

    id: str = "id"
    text: str = "text"


@dataclass(frozen=True, slots=True)
class Doc:
    position: int
    id: Any
    text: str
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Bad:
    position: int
    reason: str


def list_inputs(path: Path) -> list[Path]:
    """The input files: ``path`` itself, or every .jsonl/.parquet file under it, in name order."""
    if path.is_file():
        if path.suffix not in SUFFIXES:
            raise InputError(f"--input {path}: expected a .jsonl or .parquet file")
        return [path]
    if not path.is_dir():
        raise InputError(f"--input {path} is neither a file nor a directory")
    found = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not found:
        raise InputError(f"--input {path} holds no .jsonl or .parquet files")
    return found


def position_label(path: Path) -> str:
    return "row" if path.suffix == ".parquet" else "line"


def read_docs(path: Path, columns: Columns, after: int = 0) -> Iterator[tuple[Doc | Bad, float]]:
    """(document or bad record, fraction of the file read) from position ``after + 1`` on."""
    reader = _parquet if path.suffix == ".parquet" else _jsonl
    return reader(path, columns, after)


def parse_line(raw: bytes, position: int, columns: Columns) -> Doc | Bad | None:
    """One JSONL line as a document, a bad record, or None when blank."""
    if not raw.strip():
        return None
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return Bad(position, "not valid JSON")
    if not isinstance(record, dict):
        return Bad(position, f"expected a JSON object with {columns.id!r} and {columns.text!r}")
    return as_doc(record, position, columns)


def as_doc(record: dict[str, Any], position: int, columns: Columns) -> Doc | Bad:
    if record.get(columns.id) is None:
        return Bad(position, f"missing {columns.id!r}")
    text = record.get(columns.text)
    if not isinstance(text, str):
        return Bad(position, f"{columns.text!r} must be a string")
    return Doc(position, record[columns.id], text, record)


def _jsonl(path: Path, columns: Columns, after: int) -> Iterator[tuple[Doc | Bad, float]]:
    size = max(path.stat().st_size, 1)
    with path.open("rb") as stream:
        for lineno, raw in enumerate(stream, 1):
            if lineno <= after:
                continue
            item = parse_line(raw, lineno, columns)
            if item is not None:
                yield item, stream.tell() / size


def _parquet(path: Path, columns: Columns, after: int) -> Iterator[tuple[Doc | Bad, float]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"--input {path}: Parquet needs pyarrow: pip install 'tilbake[batch]'") from None
    try:
        pfile = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is no Parquet
        raise InputError(f"--input {path}: not a readable Parquet file ({type(exc).__name__})") from None
    names = pfile.schema_arrow.names
    missing = [c for c in (columns.id, columns.text) if c not in names]
    if missing:
        raise InputError(f"--input {path}: no column {missing[0]!r} (columns: {', '.join(names)})")
    wanted = [c for c in dict.fromkeys((columns.id, columns.text, "patient_id")) if c in names]
    total, position = max(pfile.metadata.num_rows, 1), 0
    for batch in pfile.iter_batches(batch_size=PARQUET_BATCH, columns=wanted):
        if position + batch.num_rows <= after:
            position += batch.num_rows
            continue
        for record in batch.to_pylist():
            position += 1
            if position > after:
                yield as_doc(record, position, columns), position / total
