"""What an export counted, and the manifest.json and README that describe a bundle.

The manifest never silently drops anything (DESIGN §4): every decided suggestion read is counted
either as exported (per type and decision), skipped (no training signal, with why) or quarantined
(the leak gate found PHI, with why). It holds no organization, user or patient identifier.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tilbake.export.rows import FORMATS

SCHEMA_VERSION = 1


@dataclass
class Tally:
    """Counts gathered while rows stream by."""

    suggestions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, decision) exported
    skipped: Counter[str] = field(default_factory=Counter)
    quarantined: Counter[str] = field(default_factory=Counter)  # by leak label
    quarantined_suggestions: int = 0
    kto_labels: Counter[bool] = field(default_factory=Counter)
    months: set[str] = field(default_factory=set)

    def see_month(self, when: datetime | str | None) -> None:
        if isinstance(when, datetime):
            self.months.add(when.strftime("%Y-%m"))
        elif isinstance(when, str) and len(when) >= 7:
            self.months.add(when[:7])


def kto_weights(desirable: int, undesirable: int) -> dict[str, Any]:
    """TRL's advice for KTOConfig: up-weight the rarer class so that
    (desirable_weight * desirable) / (undesirable_weight * undesirable) lies within [1, 4/3]."""
    out: dict[str, Any] = {
        "desirable": desirable,
        "undesirable": undesirable,
        "ratio": round(desirable / undesirable, 4) if undesirable else None,
        "desirable_weight": 1.0,
        "undesirable_weight": 1.0,
    }
    if not desirable or not undesirable:
        return out
    if desirable < undesirable:  # ratio 1 exactly, rounded up so it never falls below
        out["desirable_weight"] = math.ceil(undesirable / desirable * 10_000) / 10_000
    elif desirable > undesirable * 4 / 3:  # bring it down to 1, rounded down so it stays >= 1
        out["undesirable_weight"] = math.floor(desirable / undesirable * 10_000) / 10_000
    return out


def coarse_period(months: set[str]) -> dict[str, str | None]:
    """First and last month of the suggestions exported: no day, no time."""
    return {"from": min(months) if months else None, "to": max(months) if months else None}


def build(
    tally: Tally,
    *,
    rows: dict[str, int],
    duplicates: dict[str, int],
    versions: dict[str, str],
    mode: str,
    consent: dict[str, Any],
    export_id: str,
    created: datetime | None = None,
) -> dict[str, Any]:
    """The manifest body; the bundle writer adds ``files`` (sha256 and row count of each file)."""
    per_type: dict[str, dict[str, int]] = {}
    for (stype, decision), n in sorted(tally.suggestions.items()):
        per_type.setdefault(stype, {})[decision] = n
    created = created or datetime.now(UTC)
    return {
        "schema_version": SCHEMA_VERSION,
        "export_id": export_id,
        "created": created.strftime("%Y-%m-%d"),
        "period": coarse_period(tally.months),
        "formats": {
            "sft": "trl conversational language modeling",
            "dpo": "trl conversational preference, explicit prompt",
            "kto": "trl conversational unpaired preference",
        },
        "counts": {
            "rows": {f: rows.get(f, 0) for f in FORMATS},
            "duplicates_removed": {f: duplicates.get(f, 0) for f in FORMATS},
            "suggestions_exported": sum(tally.suggestions.values()),
            "per_type_and_decision": per_type,
            "skipped": dict(sorted(tally.skipped.items())),
            "quarantined_suggestions": tally.quarantined_suggestions,
            "quarantined_by_reason": dict(sorted(tally.quarantined.items())),
        },
        "kto": kto_weights(tally.kto_labels[True], tally.kto_labels[False]),
        "anonymization": {"mode": mode, **{k: versions[k] for k in sorted(versions)}},
        "consent": consent,
    }


README = """# tilbake training-data export {export_id}

Anonymized training examples from clinicians' decisions on AI suggestions (Norwegian bokmål).
Every free-text field went through de-identification ({mode}) and a second leak scan; rows in which
PHI was still found were kept out (see `manifest.json`, `counts.quarantined_by_reason`).

| file | TRL dataset type | rows |
|---|---|---|
| `sft.jsonl` | conversational language modeling (`messages`) - SFTTrainer | {sft} |
| `dpo.jsonl` | preference with explicit prompt (`prompt`, `chosen`, `rejected`) - DPOTrainer | {dpo} |
| `kto.jsonl` | conversational unpaired preference (`prompt`, `completion`, `label`) - KTOTrainer | {kto} |

Each line is one JSON object; every row also has a `metadata` object (suggestion type, decision,
confidence, age range, whose text the completion is) that trainers do not need: drop it first.

```python
from datasets import load_dataset
sft = load_dataset("json", data_files="sft.jsonl", split="train").remove_columns("metadata")
```

For KTO set `desirable_weight` / `undesirable_weight` in `KTOConfig` to the values in
`manifest.json` under `kto`. `manifest.json` lists the sha256 of every file: check them before use.
"""


def readme(manifest: dict[str, Any]) -> str:
    rows = manifest["counts"]["rows"]
    return README.format(export_id=manifest["export_id"], mode=manifest["anonymization"]["mode"], **rows)
