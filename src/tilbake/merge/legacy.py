"""The seed's legacy single file, converted to today's rows and anonymized by today's engine.

Its layout: ``//`` comment lines anywhere; SFT rows (one JSON object a line); a line
``// === DPO PAIRS ===``; then DPO rows ``{"prompt", "chosen", "rejected"}`` with string values.
An SFT row is ``{"messages": [...]}``, ``{"prompt", "completion"}`` or ``{"instruction", "input",
"output"}``. The seed made it with four regular expressions, so every text is de-identified again
here (tags mode) before the merge's leak gate sees it like any bundle's.

Converted as the export converts a decision (``export.rows``): an SFT row is a text the clinician
kept (SFT, and KTO true); a DPO pair is a correction (DPO, KTO false for the rejected text and true
for the chosen one). Suggestion type ``legacy``; no confidence or age is known. A text holding a
chat-template token was templated already and is skipped, counted.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tilbake.export.anonymize import Anonymizer
from tilbake.export.formats import has_template_token
from tilbake.export.rows import clean_text, dpo_row, kto_row, sft_row
from tilbake.merge.verify import BundleError

DPO_MARKER = "// === DPO PAIRS ==="
LEGACY_TYPE = "legacy"
_BATCH = 64


@dataclass
class LegacyFile:
    """A legacy file that parsed: its id, and its raw examples ("sft" or "dpo", dict of strings)."""

    path: Path
    digest: str
    examples: list[tuple[str, dict[str, str]]]
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def bundle_id(self) -> str:
        return f"legacy-{self.digest[:16]}"


def _sft_texts(row: dict[str, Any]) -> dict[str, str] | None:
    if isinstance(row.get("messages"), list):
        msgs = row["messages"]
        by_role = {m.get("role"): m.get("content") for m in msgs if isinstance(m, dict)}
        out = {
            "system": by_role.get("system"),
            "prompt": by_role.get("user"),
            "completion": by_role.get("assistant"),
        }
    elif "instruction" in row:
        prompt = "\n\n".join(str(row[k]) for k in ("instruction", "input") if row.get(k))
        out = {"system": None, "prompt": prompt, "completion": row.get("output")}
    else:
        out = {"system": None, "prompt": row.get("prompt"), "completion": row.get("completion")}
    if not all(isinstance(out[k], str) and out[k].strip() for k in ("prompt", "completion")):
        return None
    return {k: v for k, v in out.items() if isinstance(v, str)}


def read_legacy(path: Path) -> LegacyFile:
    """Parse the whole file first (a bad line rejects it, naming the line), nothing converted yet."""
    raw = path.read_bytes()
    examples: list[tuple[str, dict[str, str]]] = []
    section, seen_marker = "sft", False
    for number, line in enumerate(raw.decode("utf-8", errors="strict").splitlines(), 1):
        stripped = line.strip()
        if stripped == DPO_MARKER:
            if seen_marker:
                raise BundleError(path, path.name, f"line {number}: a second DPO marker")
            section, seen_marker = "dpo", True
            continue
        if not stripped or stripped.startswith("//"):
            continue
        try:
            row = orjson.loads(stripped)
        except orjson.JSONDecodeError:
            raise BundleError(path, path.name, f"line {number}: not valid JSON") from None
        if not isinstance(row, dict):
            raise BundleError(path, path.name, f"line {number}: not a JSON object")
        texts = _sft_texts(row) if section == "sft" else row
        keys = ("prompt", "completion") if section == "sft" else ("prompt", "chosen", "rejected")
        if texts is None or not all(isinstance(texts.get(k), str) and texts[k].strip() for k in keys):
            raise BundleError(
                path, path.name, f"line {number}: a {section} row needs string {', '.join(keys)}"
            )
        examples.append((section, {k: texts[k] for k in (*keys, "system") if isinstance(texts.get(k), str)}))
    return LegacyFile(path, hashlib.sha256(raw).hexdigest(), examples)


def _metadata(decision: str, source: str) -> dict[str, Any]:
    return {
        "suggestion_type": LEGACY_TYPE,
        "decision": decision,
        "confidence": None,
        "age_range": None,
        "source": source,
    }


def _convert(kind: str, t: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    prompt = ([{"role": "system", "content": t["system"]}] if t.get("system") else []) + [
        {"role": "user", "content": t["prompt"]}
    ]
    if kind == "sft":
        meta = _metadata("accepted_as_is", "clinician")
        return [
            ("sft", sft_row(prompt, t["completion"], meta)),
            ("kto", kto_row(prompt, t["completion"], True, meta)),
        ]
    if t["chosen"] == t["rejected"]:
        return []
    meta, ai = _metadata("major_edit", "clinician"), _metadata("major_edit", "ai")
    return [
        ("dpo", dpo_row(prompt, t["chosen"], t["rejected"], meta)),
        ("kto", kto_row(prompt, t["rejected"], False, ai)),
        ("kto", kto_row(prompt, t["chosen"], True, meta)),
    ]


def convert(legacy: LegacyFile, anonymizer: Anonymizer) -> Iterator[tuple[str, dict[str, Any]]]:
    """(format, row) for every example, its texts anonymized; skipped ones counted on ``legacy``."""
    for start in range(0, len(legacy.examples), _BATCH):
        batch = legacy.examples[start : start + _BATCH]
        flat = [(i, k, clean_text(v)) for i, (_, t) in enumerate(batch) for k, v in sorted(t.items())]
        done = anonymizer.anonymize_many([text for _, _, text in flat])
        cleaned: list[dict[str, str]] = [{} for _ in batch]
        for (i, key, _), anon in zip(flat, done, strict=True):
            cleaned[i][key] = anon.text
        for (kind, _), texts in zip(batch, cleaned, strict=True):
            if any(has_template_token(v) for v in texts.values()):
                legacy.skipped["template_tokens"] += 1
                continue
            rows = _convert(kind, texts)
            if not rows:
                legacy.skipped["chosen_equals_rejected"] += 1
            yield from rows
