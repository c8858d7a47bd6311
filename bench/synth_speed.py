"""Print how fast tilbake.tooling.synth generates records (figures, not a test).

    PYTHONPATH=src python bench/synth_speed.py [N]
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from tilbake.tooling.synth import notes, suggestions


def _time(name: str, make: Callable[[], Iterator[dict[str, Any]]]) -> None:
    start, cpu = time.perf_counter(), time.process_time()
    count = chars = 0
    for row in make():
        count += 1
        chars += len(row.get("text") or row.get("original_suggestion") or "")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{name}: {count:,} records in {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({count / cpu:,.0f}/CPU-s, {chars / count:.0f} chars each)")


def main() -> None:
    # CPU time is the fairer figure on a shared machine; wall time is what a user waits.
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"load average: {os.getloadavg()[0]:.1f}")
    _time("suggestions", lambda: suggestions(n, seed=1))
    _time("notes (train)", lambda: notes(n, seed=1, split="train"))
    _time("notes (heldout)", lambda: notes(n, seed=1, split="heldout"))


if __name__ == "__main__":
    main()
