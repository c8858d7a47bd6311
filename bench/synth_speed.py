"""Print how fast tilbake.synth generates records (a figure, not a test).

PYTHONPATH=src python bench/synth_speed.py [N]
"""

from __future__ import annotations

import sys
import time

from tilbake.synth import suggestions


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    start = time.perf_counter()
    count = sum(1 for _ in suggestions(n, seed=1))
    wall = time.perf_counter() - start
    print(f"suggestions: {count} records in {wall:.1f} s ({count / wall:,.0f}/s)")


if __name__ == "__main__":
    main()
