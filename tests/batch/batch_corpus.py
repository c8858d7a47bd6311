"""Writing synthetic notes as JSONL and Parquet corpora for the batch tests."""

from __future__ import annotations

from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from tilbake.tooling.synth.notes import notes


def note_rows(n: int, seed: int) -> list[dict]:
    return [{"id": r["id"], "text": r["text"]} for r in notes(n, seed)]


def write_jsonl(path: Path, rows: list[dict], bad_after: int | None = None) -> None:
    with path.open("wb") as fh:
        for i, row in enumerate(rows):
            fh.write(orjson.dumps(row) + b"\n")
            if i == bad_after:
                fh.write(b'{"id": "broken", "text": 7}\n')


def write_parquet(path: Path, rows: list[dict], id_column: str = "id", text_column: str = "text") -> None:
    table = pa.table({id_column: [r["id"] for r in rows], text_column: [r["text"] for r in rows]})
    pq.write_table(table, path, row_group_size=50)


def read_lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines()
