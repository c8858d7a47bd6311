"""Long documents: time and peak memory of one detect call on a 1 MB and a 4 MB text.

    PYTHONPATH=src python bench/bench_long_text.py [--sizes 1,4] [--no-model]

The text is synthetic notes (tilbake.tooling.synth) joined until it reaches the size (in millions of
characters). Each size runs in a fresh process, so its peak resident memory (ru_maxrss) is its own;
the figure printed beside it is the same process's peak after loading the engine on a short text, so
the difference is what the long text cost. Long texts are read in windows of WINDOW_CHARS
(deid/detect/engine.py): the cost should grow linearly in time and stay flat in memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def _text(chars: int) -> str:
    from tilbake.tooling.synth.notes import notes

    parts, size = [], 0
    for row in notes(1_000_000, 11):
        parts.append(row["text"])
        size += len(row["text"]) + 2
        if size >= chars:
            break
    return "\n\n".join(parts)[:chars]


def _one(chars: int, model: bool) -> dict[str, float]:
    from tilbake.wiring import deid_engine

    engine = deid_engine(model=model)
    text = _text(chars)
    engine.detect("Kari Nordmann ringte 12.03.2024.")  # load everything first
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu = time.perf_counter(), time.process_time()
    spans = engine.detect(text)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"chars": len(text), "spans": len(spans), "wall_s": wall, "cpu_s": cpu, "peak_mb": peak,
            "loaded_mb": loaded}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4", help="text sizes in millions of characters")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_one(args.child, not args.no_model)))
        return
    print(f"{'size':>6} {'spans':>7} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'after load MB':>14}")
    for size in (float(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(int(size * 1_000_000))]
        out = subprocess.run(cmd + (["--no-model"] if args.no_model else []), check=True, capture_output=True,
                             text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{size:>5g}M {r['spans']:>7} {r['wall_s']:>7.1f} {r['cpu_s']:>7.1f} {r['peak_mb']:>8.0f} "
              f"{r['loaded_mb']:>14.0f}")


if __name__ == "__main__":
    main()
