"""The merge side's one service: merge inputs into a dataset, revoke a bundle, report its status.

A file tool: it reads bundles and writes a dataset directory; it needs the de-identification engine
(the leak gate, and anonymizing the legacy file) and no database. Every change goes through
``store.change``, so it is all-or-nothing.
"""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from tilbake.errors import InputError, NotFoundError
from tilbake.export.anonymize import Anonymizer
from tilbake.export.leakscan import LeakScanner
from tilbake.export.rows import FORMATS
from tilbake.merge import card, dataset, store
from tilbake.merge.caps import Caps
from tilbake.merge.legacy import LegacyFile, convert, read_legacy
from tilbake.merge.merger import Merger
from tilbake.merge.verify import Bundle, BundleError, is_bundle, verify

STATUS_THRESHOLD = 100


@dataclass(frozen=True)
class Input:
    """One file to merge and the practice that sent it (a label only the maintainer knows)."""

    path: Path
    practice: str


@dataclass
class Verified:
    input: Input
    source: Bundle | LegacyFile

    @property
    def bundle_id(self) -> str:
        return self.source.bundle_id

    @property
    def digest(self) -> str:
        return self.source.digest


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _held_rows(folder: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for fmt in FORMATS:
        path = folder / f"{fmt}.jsonl"
        if path.exists():
            with path.open("rb") as fh:
                for line in fh:
                    yield fmt, orjson.loads(line)


def practice_id(state: dict[str, Any], label: str) -> str:
    """Opaque, stable within the dataset, not reversible without the dataset's key."""
    key = bytes.fromhex(state["key"])
    return "p-" + hashlib.blake2b(label.strip().lower().encode(), key=key, digest_size=8).hexdigest()


class MergeService:
    def __init__(
        self,
        scanner: Callable[[], LeakScanner],
        anonymizer: Callable[[], Anonymizer],
        engine_versions: Callable[[], dict[str, str]],
    ) -> None:
        self.make_scanner, self.make_anonymizer, self.engine_versions = scanner, anonymizer, engine_versions

    # --- merge ---------------------------------------------------------------------------------

    def _verify(self, item: Input) -> Verified:
        path = item.path
        if path.is_file() and not is_bundle(path):
            return Verified(item, read_legacy(path))
        return Verified(item, verify(path))

    def merge(
        self,
        inputs: Sequence[Input],
        into: Path,
        *,
        caps: Caps | None = None,
        legacy_consent: str | None = None,
    ) -> dict[str, Any]:
        """Verify every input, then merge those that passed; returns the log entries written."""
        verified, entries = [], []
        for item in inputs:
            try:
                checked = self._verify(item)
            except BundleError as exc:
                entries.append({"event": "rejected", "file": item.path.name, "check": str(exc)})
                continue
            if isinstance(checked.source, LegacyFile) and not legacy_consent:
                raise InputError(f"{item.path.name} is a legacy file: name its consent with --legacy-consent")
            verified.append(checked)
        with store.change(into) as ch:
            merger = self._merger(ch, caps or Caps())
            for checked in verified:
                entries.append(self._merge_one(ch, merger, checked, legacy_consent))
            for entry in entries:
                if entry["event"] == "rejected":
                    ch.log({"at": _now(), **entry})
            self._rebuild(ch)
        return {"entries": entries, "rejected": sum(e["event"] == "rejected" for e in entries)}

    def _merger(self, ch: store.Change, caps: Caps) -> Merger:
        merger = Merger(self.make_scanner(), caps)
        for fmt in FORMATS:
            for row in dataset.stream(ch.root, fmt):
                merger.know(fmt, row)
        return merger

    def _merge_one(
        self, ch: store.Change, merger: Merger, checked: Verified, legacy_consent: str | None
    ) -> dict[str, Any]:
        bundles = ch.state["bundles"]
        known = bundles.get(checked.bundle_id)
        base = {"file": checked.input.path.name, "bundle_id": checked.bundle_id}
        if known is not None:
            if known["digest"] != checked.digest:
                return {
                    "event": "rejected",
                    **base,
                    "check": f"bundle {base['file']}: manifest.json: export_id {checked.bundle_id} "
                    "was merged before with different contents",
                }
            entry = {"event": "skipped", **base, "reason": f"already {known['status']}"}
            ch.log({"at": _now(), **entry})
            return entry
        source = checked.source
        pid = practice_id(ch.state, checked.input.practice)
        if isinstance(source, LegacyFile):
            consent, mode = f"legacy:{legacy_consent}", "legacy"
            rows: Iterator[tuple[str, dict[str, Any]]] = convert(source, self.make_anonymizer())
        else:
            consent, mode = source.consent_id, source.manifest["anonymization"]["mode"]
            rows = ((fmt, row) for fmt in FORMATS for row in source.rows(fmt))
        provenance = {"practice_id": pid, "consent_id": consent, "bundle_id": checked.bundle_id}
        bid = checked.bundle_id
        outcome = merger.merge(rows, store.rows_dir(ch.root, bid), provenance, store.held_dir(ch.root, bid))
        ch.state["merges"] += 1
        bundles[checked.bundle_id] = {
            "digest": checked.digest,
            "status": "merged",
            "practice_id": pid,
            "consent_id": consent,
            "mode": mode,
            "merged_at": _now(),
            "merge": ch.state["merges"],
            "added_by_type": {f: dict(c) for f, c in outcome.added_by_type.items()},
            "caps": {"per_practice": merger.caps.per_practice, "per_type": merger.caps.per_type},
        }
        entry = {"event": "merged", **base, "practice_id": pid, "consent_id": consent, **outcome.as_log()}
        if isinstance(source, LegacyFile):
            entry["skipped"] = dict(source.skipped)
        ch.log({"at": _now(), **entry})
        return entry

    def _rebuild(self, ch: store.Change) -> None:
        stats = dataset.build(ch.root)
        (ch.root / "README.md").write_text(
            card.render(stats, ch.state, self.engine_versions()), encoding="utf-8"
        )

    # --- revoke, status ------------------------------------------------------------------------

    def revoke(self, into: Path, bundle_id: str, reason: str) -> dict[str, Any]:
        """Remove a bundle's rows from the dataset; it is refused by every later merge."""
        known = store.current(into)["bundles"].get(bundle_id)
        if known is None:
            raise NotFoundError(f"no bundle {bundle_id} in {into}")
        if known["status"] == "revoked":
            return {"bundle_id": bundle_id, "removed": {}, "already": True}
        with store.change(into) as ch:
            known = ch.state["bundles"][bundle_id]
            removed = {f: sum(known["added_by_type"][f].values()) for f in FORMATS}
            shutil.rmtree(store.rows_dir(ch.root, bundle_id), ignore_errors=True)
            shutil.rmtree(store.held_dir(ch.root, bundle_id), ignore_errors=True)
            known.update(status="revoked", revoked_at=_now(), revoke_reason=reason)
            entry = {
                "event": "revoked",
                "bundle_id": bundle_id,
                "consent_id": known["consent_id"],
                "removed": removed,
                "restored": self._restore_held(ch),
                "reason": reason,
            }
            ch.log({"at": _now(), **entry})
            self._rebuild(ch)
        return entry

    def _restore_held(self, ch: store.Change) -> dict[str, dict[str, int]]:
        """Give every row held as a duplicate another pass through the gates, now that what it
        duplicated may be gone: bundles in the order they were merged, each against the dataset as it
        stands (so of two held copies of a revoked row, the earlier comes back). Returns the rows
        brought back per bundle and format."""
        bundles = ch.state["bundles"]
        waiting = sorted(
            (b["merge"], bid) for bid, b in bundles.items()
            if b["status"] == "merged" and store.held_dir(ch.root, bid).exists()
        )
        if not waiting:
            return {}
        merger = self._merger(ch, Caps())
        restored: dict[str, dict[str, int]] = {}
        for _, bid in waiting:
            known, held = bundles[bid], store.held_dir(ch.root, bid)
            passing = held.with_name(held.name + ".pass")  # what is still a duplicate is held anew
            held.rename(passing)  # (in the work folder: its files are links, the dataset keeps its own)
            for fmt in FORMATS:
                store.own(store.rows_dir(ch.root, bid) / f"{fmt}.jsonl")
            caps = known.get("caps") or {}
            merger.caps.per_practice, merger.caps.per_type = caps.get("per_practice"), caps.get("per_type")
            provenance = {k: known[k] for k in ("practice_id", "consent_id")} | {"bundle_id": bid}
            outcome = merger.merge(_held_rows(passing), store.rows_dir(ch.root, bid), provenance, held)
            shutil.rmtree(passing)
            for fmt, by_type in outcome.added_by_type.items():
                added = known["added_by_type"].setdefault(fmt, {})
                for stype, n in by_type.items():
                    added[stype] = added.get(stype, 0) + n
            if sum(outcome.added.values()):
                restored[bid] = {f: outcome.added[f] for f in FORMATS}
        return restored

    def mark_trained(self, into: Path, note: str = "") -> dict[str, Any]:
        with store.change(into) as ch:
            mark = {"at": _now(), "after_merge": ch.state["merges"], "note": note}
            ch.state["trainings"].append(mark)
            ch.log({"event": "trained", **mark})
            self._rebuild(ch)
        return mark

    def status(self, into: Path, threshold: int = STATUS_THRESHOLD) -> dict[str, Any]:
        """New rows since the last training mark, by format and suggestion type, against a threshold
        on new SFT + DPO rows (what the seed's trainer counted)."""
        state = store.current(into)
        since = state["trainings"][-1]["after_merge"] if state["trainings"] else 0
        new: dict[str, Counter[str]] = {f: Counter() for f in FORMATS}
        for b in state["bundles"].values():
            if b["status"] == "merged" and b["merge"] > since:
                for fmt in FORMATS:
                    new[fmt].update(b["added_by_type"][fmt])
        examples = sum(new["sft"].values()) + sum(new["dpo"].values())
        return {
            "last_training": state["trainings"][-1]["at"] if state["trainings"] else None,
            "new_examples": examples,
            "threshold": threshold,
            "ready": examples >= threshold,
            "new_by_format_and_type": {f: dict(sorted(c.items())) for f, c in new.items()},
            "bundles": {
                s: sum(b["status"] == s for b in state["bundles"].values()) for s in ("merged", "revoked")
            },
        }
