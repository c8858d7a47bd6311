"""A small corpus of synthetic notes as JSONL and Parquet, with a bad record in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_corpus import note_rows, write_jsonl, write_parquet


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """corpus/a.jsonl (120 notes, a bad line 4), corpus/sub/b.parquet (90 notes), corpus/c.jsonl (empty)."""
    root = tmp_path_factory.mktemp("corpus")
    write_jsonl(root / "a.jsonl", note_rows(120, 1), bad_after=2)
    (root / "sub").mkdir()
    write_parquet(root / "sub" / "b.parquet", note_rows(90, 2))
    (root / "c.jsonl").write_bytes(b"")
    return root

