"""Export a merged dataset in the file layout another trainer reads.

``chiroclick`` (the first client's trainer): ``train.jsonl`` / ``validation.jsonl`` with one
``{"messages": [...]}`` per line, and ``dpo_train.jsonl`` / ``dpo_validation.jsonl`` with string
``prompt`` / ``chosen`` / ``rejected``. The DPO prompt string is the system text, a blank line, then
the user text. No metadata, and no chat-template token in any text (that trainer's own data had them
templated in twice): a row holding one would stop the export, naming the file and line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq

from tilbake.errors import ExportError, InputError
from tilbake.export.formats import has_template_token

LAYOUTS = ("chiroclick",)
_FILES = {
    ("sft", "train"): "train.jsonl",
    ("sft", "test"): "validation.jsonl",
    ("dpo", "train"): "dpo_train.jsonl",
    ("dpo", "test"): "dpo_validation.jsonl",
}


def _parquet_rows(path: Path) -> Iterator[dict[str, Any]]:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=2000):
        yield from batch.to_pylist()


def _chiroclick(fmt: str, row: dict[str, Any]) -> dict[str, Any]:
    if fmt == "sft":
        return {"messages": [{"role": m["role"], "content": m["content"]} for m in row["messages"]]}
    prompt = "\n\n".join(m["content"] for m in row["prompt"])
    return {
        "prompt": prompt,
        "chosen": row["chosen"][0]["content"],
        "rejected": row["rejected"][0]["content"],
    }


def _texts(row: dict[str, Any]) -> Iterator[str]:
    for value in row.values():
        if isinstance(value, str):
            yield value
        else:
            yield from (m["content"] for m in value)


def export(dataset_dir: Path, out: Path, layout: str) -> dict[str, int]:
    """Write the layout's files into ``out`` (each complete or not at all); returns rows per file."""
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for (fmt, side), name in _FILES.items():
        source = dataset_dir / fmt / f"{side}.parquet"
        if not source.exists():
            raise InputError(f"{dataset_dir} has no {fmt}/{side}.parquet (is it a merged dataset?)")
        tmp, n = out / f".{name}.partial", 0
        try:
            with open(tmp, "wb") as fh:
                for row in _parquet_rows(source):
                    converted = _chiroclick(fmt, row)
                    if any(has_template_token(t) for t in _texts(converted)):
                        raise ExportError(
                            f"{fmt}/{side}.parquet row {n + 1}: a chat-template token in a text"
                        )
                    fh.write(orjson.dumps(converted) + b"\n")
                    n += 1
            os.replace(tmp, out / name)
        finally:
            tmp.unlink(missing_ok=True)
        counts[name] = n
    return counts
