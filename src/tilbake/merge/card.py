"""The dataset card: README.md in the Hugging Face layout (YAML header with the configs, then prose)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tilbake.export.rows import FORMATS
from tilbake.merge.dataset import SPLITS, Stats
from tilbake.merge.dedup import SHINGLE_WORDS, THRESHOLD


def _header() -> str:
    lines = [
        "---",
        "language:",
        "- nb",
        "license: other",
        "task_categories:",
        "- text-generation",
        "tags:",
        "- clinical",
        "- norwegian",
        "- trl",
        "pretty_name: tilbake merged training data",
        "configs:",
    ]
    for fmt in FORMATS:
        lines += [f"- config_name: {fmt}", "  data_files:"]
        lines += [f"  - split: {s}\n    path: {fmt}/{s}.parquet" for s in SPLITS]
    return "\n".join([*lines, "---", ""])


def _table(title: str, counts: Counter[str]) -> str:
    total = sum(counts.values()) or 1
    rows = [f"| {k} | {n} | {100 * n / total:.1f} % |" for k, n in sorted(counts.items())]
    return "\n".join([f"| {title} | suggestions | share |", "|---|---|---|", *rows]) if rows else "(none)"


def render(stats: Stats, state: dict[str, Any], engine: dict[str, str]) -> str:
    merged = [b for b in state["bundles"].values() if b["status"] == "merged"]
    revoked = sum(1 for b in state["bundles"].values() if b["status"] == "revoked")
    modes = Counter(b.get("mode", "tags") for b in merged)
    counts = "\n".join(f"| `{f}` | {stats.rows[f]['train']} | {stats.rows[f]['test']} |" for f in FORMATS)
    versions = ", ".join(f"{k} {v}" for k, v in sorted(engine.items()))
    return f"""{_header()}
# tilbake merged training data

Anonymized Norwegian (bokmål) training examples from clinicians' decisions on AI suggestions,
merged from {len(merged)} bundle(s) of {len(stats.practices)} practice(s) ({revoked} revoked).
Three configurations, one per TRL dataset type: `sft` (conversational language modeling,
`messages`), `dpo` (preference with explicit prompt: `prompt`, `chosen`, `rejected`) and `kto`
(unpaired preference: `prompt`, `completion`, `label`).

```python
from datasets import load_dataset
sft = load_dataset("parquet", data_files={{"train": "sft/train.parquet", "test": "sft/test.parquet"}})
sft = sft.remove_columns("metadata")  # trainers do not need it
```

## Counts

| config | train | test |
|---|---|---|
{counts}

The split is stratified by suggestion type (10 % test per type, fixed seed), and the rows of one
practice's prompt never straddle it.

## Distributions (one count per decided suggestion)

{_table("suggestion type", stats.types)}

{_table("decision", stats.decisions)}

{_table("age range", stats.ages)}

{_table("length (characters)", stats.lengths)}

## How it was anonymized

Each practice de-identified its texts before export (modes: {dict(modes)}): names, dates,
identifiers, contact details, addresses and places became tags or keyed surrogates; exact ages
became decade ranges. At merge, every row was scanned again with the current engine ({versions})
and an independent leak check built differently from it; rows in which either still found PHI were
quarantined (see `merge_log.jsonl`). Exact and near duplicates (MinHash, Jaccard >= {THRESHOLD} on word
{SHINGLE_WORDS}-shingles) were removed across bundles.

## Personal and sensitive information

The texts are about patients' health: special-category data. No direct identifier should remain,
but de-identification is never perfect; treat the data as confidential, keep it off public hubs,
and use it only to train the models the contributing practices consented to. Every row carries an
opaque practice id and its bundle's consent id (`metadata`), so a practice's withdrawal
(`tilbake dataset revoke`) removes its rows from this and every later build.

## Limitations

Small, clinic-specific and Norwegian only; suggestion types and practices are unevenly represented
(optional caps limit that). Clinicians' edits reflect one workflow's habits, not ground truth.
Rows from the seed's legacy file have no type, confidence or age (`suggestion_type` `legacy`).
"""
