"""The train/test split: stratified by suggestion type, fixed seed, stable, and grouped.

A *group* is one practice's prompt: every row built from one suggestion (its SFT, DPO and both KTO
rows) shares it, and so do that practice's near-identical notes on the same complaint, so a group
never straddles the split. Within each suggestion type the groups are ranked by a keyed hash
(the seed) and the first ``ceil(fraction * groups)`` go to test: each type gets its share, the same
rows land on the same side on every build, and no rank depends on the order bundles arrived in.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from typing import Any

SEED = 20240601
TEST_FRACTION = 0.1


def group_key(row: dict[str, Any], seed: int = SEED) -> bytes:
    prompt = row.get("prompt") or row["messages"][:-1]
    user = "\n".join(m["content"] for m in prompt if m["role"] == "user")
    practice = row["metadata"]["practice_id"]
    return hashlib.blake2b(f"{practice}\n{user}".encode(), key=str(seed).encode(), digest_size=12).digest()


def test_groups(groups_by_type: dict[str, Iterable[bytes]], fraction: float = TEST_FRACTION) -> set[bytes]:
    """The groups that go to test: per type, the lowest-ranked ceil(fraction * n) (none of one group)."""
    chosen: set[bytes] = set()
    for groups in groups_by_type.values():
        ranked = sorted(set(groups))
        if len(ranked) > 1:
            chosen.update(ranked[: math.ceil(fraction * len(ranked))])
    return chosen
