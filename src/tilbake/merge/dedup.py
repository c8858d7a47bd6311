"""Duplicate removal: exact (content hash) and near (MinHash LSH on word shingles).

Near duplicates are judged on the text a row teaches: every message but the system one, in order,
within a kind (the format, and for KTO the label). Parameters, measured in docs/merge.md:

- shingles: 3 consecutive words, lower-cased (word tokens); a text of fewer words is one shingle;
- signatures: datasketch ``MinHash`` with 128 permutations (seed 1);
- threshold 0.6 estimated Jaccard; LSH bands chosen by datasketch for that threshold (18 bands of
  7 rows), and every LSH candidate is confirmed on the signatures before a row counts as a duplicate.

On 3,000 constructed pairs of synthetic notes (``tooling/synth/near_pairs.py``: minor edits and
re-sent copies against major rewrites and other notes of the same template) this flags near pairs
with precision 0.999 and recall 0.97; at 0.8 the recall falls to 0.80 (docs/merge.md).

The index is compact on purpose (datasketch's own ``MinHashLSH`` keeps each band as bytes in sets,
several kB a row): per band, sorted arrays from the band's hash to the first row's slot, and the
signatures' low 16 bits in one growing array, about 0.5 kB a row all told. No row text is held.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from tilbake.export.bundle import content_key

SHINGLE_WORDS = 3
NUM_PERM = 128
THRESHOLD = 0.6
SEED = 1
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def near_text(fmt: str, row: dict[str, Any]) -> str:
    """The text two rows must share to be the same example: every message but the system one (the
    task's fixed instructions, the same in every row of a type, would make any two rows look alike)."""
    keys = {"sft": ("messages",), "dpo": ("prompt", "chosen", "rejected"), "kto": ("prompt", "completion")}
    return "\n".join(m["content"] for k in keys[fmt] for m in row[k] if m["role"] != "system")


def kind(fmt: str, row: dict[str, Any]) -> str:
    """Rows are compared within a kind only: a KTO row with label true never shadows a false one (a
    minor edit's AI text and the clinician's are near each other by nature, and both are examples)."""
    return f"kto:{row['label']}" if fmt == "kto" else fmt


def exact_key(fmt: str, row: dict[str, Any]) -> bytes:
    return fmt.encode() + content_key(row)


_PERMUTATIONS: dict[int, Any] = {}


def signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray:
    if num_perm not in _PERMUTATIONS:  # the permutations are drawn once per process, not per row
        first = MinHash(num_perm=num_perm, seed=SEED)
        _PERMUTATIONS[num_perm] = (first.permutations, first.scheme)
    perms, scheme = _PERMUTATIONS[num_perm]
    mh = MinHash(num_perm=num_perm, seed=SEED, permutations=perms, scheme=scheme)
    mh.update_batch(list(shingles(text)))
    return mh.hashvalues.astype(np.uint32)


_MASK64 = (1 << 64) - 1


class BandTable:
    """band hash -> first slot, in two sorted numpy arrays (12 bytes an entry) and a small dict of
    recent entries merged into them every ``FLUSH`` entries (a merge of sorted runs, linear)."""

    FLUSH = 2048

    def __init__(self) -> None:
        self.keys = np.empty(0, dtype=np.uint64)
        self.slots = np.empty(0, dtype=np.int32)
        self.recent: dict[int, int] = {}

    def get(self, key: int) -> int | None:
        slot = self.recent.get(key)
        if slot is not None:
            return slot
        i = int(np.searchsorted(self.keys, np.uint64(key)))
        return int(self.slots[i]) if i < len(self.keys) and int(self.keys[i]) == key else None

    def setdefault(self, key: int, slot: int) -> None:
        if self.get(key) is None:
            self.recent[key] = slot
            if len(self.recent) >= self.FLUSH:
                self._flush()

    def _flush(self) -> None:
        new_keys = np.fromiter(self.recent.keys(), dtype=np.uint64, count=len(self.recent))
        new_slots = np.fromiter(self.recent.values(), dtype=np.int32, count=len(self.recent))
        order = np.argsort(new_keys)
        at = np.searchsorted(self.keys, new_keys[order])
        self.keys = np.insert(self.keys, at, new_keys[order])
        self.slots = np.insert(self.slots, at, new_slots[order])
        self.recent.clear()


class NearIndex:
    """``find(sig)``: the slot of an indexed row at or above the threshold, else None; ``add(sig)``.

    Per row: a 12-byte entry in each band's table and the signature's low 16 bits per permutation
    (256 bytes; two different hash values agree in their low 16 bits once in 65,536 draws, which
    leaves the estimated Jaccard as it is to three decimals)."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold, self.num_perm = threshold, num_perm
        self.bands, self.rows_per_band = _optimal_param(threshold, num_perm, 0.5, 0.5)
        self._tables = [BandTable() for _ in range(self.bands)]
        self._sigs = np.zeros((1024, num_perm), dtype=np.uint16)
        self.size = 0

    def _band_keys(self, sig: np.ndarray) -> Iterable[int]:
        r = self.rows_per_band
        return (hash(sig[b * r : (b + 1) * r].tobytes()) & _MASK64 for b in range(self.bands))

    def find(self, sig: np.ndarray) -> int | None:
        seen: set[int] = set()
        low = sig.astype(np.uint16)
        for table, key in zip(self._tables, self._band_keys(sig), strict=True):
            slot = table.get(key)
            if slot is None or slot in seen:
                continue
            seen.add(slot)
            if float(np.mean(self._sigs[slot] == low)) >= self.threshold:
                return slot
        return None

    def add(self, sig: np.ndarray) -> int:
        if self.size == len(self._sigs):
            self._sigs = np.concatenate([self._sigs, np.zeros_like(self._sigs)])
        slot = self.size
        self._sigs[slot] = sig.astype(np.uint16)
        self.size += 1
        for table, key in zip(self._tables, self._band_keys(sig), strict=True):
            table.setdefault(key, slot)
        return slot


class Deduplicator:
    """Per format: exact keys and a near-duplicate index of the rows kept so far."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.exact: dict[str, set[bytes]] = {}
        self.near: dict[str, NearIndex] = {}
        self.threshold = threshold

    def _near(self, kind: str) -> NearIndex:
        if kind not in self.near:
            self.near[kind] = NearIndex(self.threshold)
        return self.near[kind]

    def is_exact(self, fmt: str, row: dict[str, Any]) -> bool:
        return exact_key(fmt, row) in self.exact.get(fmt, ())

    def duplicate(self, fmt: str, row: dict[str, Any]) -> tuple[str | None, np.ndarray]:
        """("exact" | "near" | None, the row's signature)."""
        sig = signature(near_text(fmt, row))
        if self.is_exact(fmt, row):
            return "exact", sig
        return ("near" if self._near(kind(fmt, row)).find(sig) is not None else None), sig

    def add(self, fmt: str, row: dict[str, Any], sig: np.ndarray | None = None) -> None:
        self.exact.setdefault(fmt, set()).add(exact_key(fmt, row))
        self._near(kind(fmt, row)).add(signature(near_text(fmt, row)) if sig is None else sig)
