"""Build the Parquet splits from the kept rows, streaming, and gather what the card reports.

Two passes over ``.tilbake/rows``: the first collects each row's split group per suggestion type
(12 bytes a group), the second writes ``{fmt}/{train,test}.parquet`` in record batches.
Revoked bundles have no row files, so a revoked row can never reach a later build.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from tilbake.export.rows import FORMATS
from tilbake.merge import split
from tilbake.merge.store import STATE_DIR

SPLITS = ("train", "test")
PROVENANCE = ("practice_id", "consent_id", "bundle_id")
_BATCH = 2000

_MESSAGES = pa.list_(pa.struct([("role", pa.string()), ("content", pa.string())]))
_META = pa.struct(
    [
        ("suggestion_type", pa.string()),
        ("decision", pa.string()),
        ("confidence", pa.float64()),
        ("age_range", pa.string()),
        ("source", pa.string()),
        *((name, pa.string()) for name in PROVENANCE),
    ]
)
SCHEMAS = {
    "sft": pa.schema([("messages", _MESSAGES), ("metadata", _META)]),
    "dpo": pa.schema(
        [("prompt", _MESSAGES), ("chosen", _MESSAGES), ("rejected", _MESSAGES), ("metadata", _META)]
    ),
    "kto": pa.schema(
        [("prompt", _MESSAGES), ("completion", _MESSAGES), ("label", pa.bool_()), ("metadata", _META)]
    ),
}


@dataclass
class Stats:
    """Counts for the card: rows per format and split, and distributions over the SFT/DPO/KTO rows."""

    rows: dict[str, Counter[str]] = field(default_factory=lambda: {f: Counter() for f in FORMATS})
    types: Counter[str] = field(default_factory=Counter)
    decisions: Counter[str] = field(default_factory=Counter)
    ages: Counter[str] = field(default_factory=Counter)
    lengths: Counter[str] = field(default_factory=Counter)
    practices: set[str] = field(default_factory=set)

    def see(self, fmt: str, side: str, row: dict[str, Any]) -> None:
        meta = row["metadata"]
        self.rows[fmt][side] += 1
        self.practices.add(meta["practice_id"])
        if fmt == "kto" and meta["source"] == "ai":  # one such row per decided suggestion
            self.types[meta["suggestion_type"]] += 1
            self.decisions[meta["decision"]] += 1
            self.ages[meta["age_range"] or "unknown"] += 1
            self.lengths[length_bucket(len(row["completion"][0]["content"]))] += 1


def length_bucket(chars: int) -> str:
    for bound in (200, 500, 1000, 2000):
        if chars < bound:
            return f"<{bound}"
    return ">=2000"


def row_files(root: Path, fmt: str) -> list[Path]:
    return sorted((root / STATE_DIR / "rows").glob(f"*/{fmt}.jsonl"))


def stream(root: Path, fmt: str) -> Iterator[dict[str, Any]]:
    for path in row_files(root, fmt):
        with open(path, "rb") as fh:
            for line in fh:
                yield orjson.loads(line)


def _test_groups(root: Path, fraction: float) -> set[bytes]:
    by_type: dict[str, set[bytes]] = {}
    for fmt in FORMATS:
        for row in stream(root, fmt):
            by_type.setdefault(row["metadata"]["suggestion_type"], set()).add(split.group_key(row))
    return split.test_groups(by_type, fraction)


def build(root: Path, fraction: float = split.TEST_FRACTION) -> Stats:
    """Write every format's train and test Parquet files under ``root``; returns the card's counts."""
    test = _test_groups(root, fraction)
    stats = Stats()
    for fmt in FORMATS:
        (root / fmt).mkdir(exist_ok=True)
        writers = {s: pq.ParquetWriter(root / fmt / f"{s}.parquet", SCHEMAS[fmt]) for s in SPLITS}
        pending: dict[str, list[dict[str, Any]]] = {s: [] for s in SPLITS}
        try:
            for row in stream(root, fmt):
                side = "test" if split.group_key(row) in test else "train"
                stats.see(fmt, side, row)
                pending[side].append(row)
                if len(pending[side]) >= _BATCH:
                    writers[side].write_table(pa.Table.from_pylist(pending[side], schema=SCHEMAS[fmt]))
                    pending[side] = []
            for side, rows in pending.items():
                writers[side].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[fmt]))
        finally:
            for w in writers.values():
                w.close()
    return stats
