"""One input's rows through the merge gates, in order: exact duplicate, leak gate, near duplicate,
caps; what passes is written to the dataset's row file of that bundle with its provenance.

The cheap exact check runs before the leak scan (a re-sent row costs nothing); the near-duplicate
check runs after it, so a quarantined row never shadows a clean one. A duplicate is kept aside (the
bundle's held file): if the row it duplicates is revoked, the held row goes through the gates again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from tilbake.export import formats
from tilbake.export.leakscan import LeakScanner
from tilbake.export.rows import FORMATS
from tilbake.merge.caps import Caps
from tilbake.merge.dedup import Deduplicator
from tilbake.merge.rescan import Verdicts, unsafe

BATCH = 256


@dataclass
class Outcome:
    """What one input contributed, for the merge log and the state."""

    added: Counter[str] = field(default_factory=Counter)
    added_by_type: dict[str, Counter[str]] = field(default_factory=lambda: {f: Counter() for f in FORMATS})
    duplicates: Counter[str] = field(default_factory=Counter)  # "exact", "near"
    quarantined: Counter[str] = field(default_factory=Counter)  # by leak reason
    capped: Counter[str] = field(default_factory=Counter)  # "practice", "type"
    invalid: int = 0

    def as_log(self) -> dict[str, Any]:
        return {
            "added": {f: self.added[f] for f in FORMATS},
            "duplicates": dict(self.duplicates),
            "quarantined": dict(self.quarantined),
            "capped": dict(self.capped),
            "invalid": self.invalid,
        }


class Merger:
    """Holds the dataset-wide dedup index and cap counters while inputs are merged one by one."""

    def __init__(self, scanner: LeakScanner, caps: Caps, dedup: Deduplicator | None = None) -> None:
        self.scanner, self.caps = scanner, caps
        self.dedup = dedup or Deduplicator()
        self.verdicts = Verdicts()

    def know(self, fmt: str, row: dict[str, Any]) -> None:
        """A row the dataset holds already: it counts for duplicates and caps."""
        self.dedup.add(fmt, row)
        meta = row["metadata"]
        self.caps.count(fmt, meta["practice_id"], meta["suggestion_type"])

    def merge(
        self,
        rows: Iterable[tuple[str, dict[str, Any]]],
        out_dir: Path,
        provenance: dict[str, str],
        held_dir: Path | None = None,
    ) -> Outcome:
        """Append what passes to ``out_dir``'s row files and the duplicates to ``held_dir``'s."""
        outcome = Outcome()
        out_dir.mkdir(parents=True, exist_ok=True)
        files = {f: open(out_dir / f"{f}.jsonl", "ab") for f in FORMATS}  # noqa: SIM115
        held = _HeldFiles(held_dir)
        pending: dict[str, list[dict[str, Any]]] = {f: [] for f in FORMATS}
        try:
            for fmt, row in rows:
                pending[fmt].append(row)
                if len(pending[fmt]) >= BATCH:
                    self._batch(fmt, pending[fmt], files[fmt], held, provenance, outcome)
                    pending[fmt] = []
            for fmt, batch in pending.items():
                self._batch(fmt, batch, files[fmt], held, provenance, outcome)
        finally:
            for fh in files.values():
                fh.close()
            held.close()
        return outcome

    def _batch(
        self,
        fmt: str,
        rows: list[dict[str, Any]],
        out: IO[bytes],
        held: _HeldFiles,
        provenance: dict[str, str],
        outcome: Outcome,
    ) -> None:
        fresh = []
        for row in rows:
            if formats.problems(fmt, row):  # a legacy text that anonymized to nothing, say
                outcome.invalid += 1
            elif self.dedup.is_exact(fmt, row):
                outcome.duplicates["exact"] += 1
                held.write(fmt, row)
            else:
                fresh.append(row)
        for row, reason in zip(fresh, unsafe(self.scanner, fmt, fresh, self.verdicts), strict=True):
            if reason is not None:
                outcome.quarantined[reason] += 1
                continue
            kind, sig = self.dedup.duplicate(fmt, row)  # again: an earlier row of this batch may match
            if kind is not None:
                outcome.duplicates[kind] += 1
                held.write(fmt, row)
                continue
            stype = row["metadata"]["suggestion_type"]
            cap = self.caps.over(fmt, provenance["practice_id"], stype)
            if cap is not None:
                outcome.capped[cap] += 1
                continue
            kept = {**row, "metadata": {**row["metadata"], **provenance}}
            out.write(orjson.dumps(kept) + b"\n")
            self.dedup.add(fmt, row, sig)
            self.caps.count(fmt, provenance["practice_id"], stype)
            outcome.added[fmt] += 1
            outcome.added_by_type[fmt][stype] += 1


class _HeldFiles:
    """The duplicates of one input, per format, opened when the first one comes (most inputs have none)."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.files: dict[str, IO[bytes]] = {}

    def write(self, fmt: str, row: dict[str, Any]) -> None:
        if self.root is None:
            return
        if fmt not in self.files:
            self.root.mkdir(parents=True, exist_ok=True)
            self.files[fmt] = open(self.root / f"{fmt}.jsonl", "ab")  # noqa: SIM115
        self.files[fmt].write(orjson.dumps(row) + b"\n")  # as the bundle sent it: its schema is checked again

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()
