"""What grows in a `tilbake deid batch` worker as the corpus grows (issue 17: memory per worker).

    python bench/bench_batch_memory.py                          # RSS at 20k / 60k / 120k notes
    python bench/bench_batch_memory.py --at 5000,20000 --trace  # + tracemalloc growth by file:line

Generated notes (``tilbake.tooling.synth``) are made in a child process and streamed through a pipe,
never all in memory, so the generator's own memory is not counted. This process does what one batch
worker does: the engine of ``batch.work`` built once, then ``work.process`` on chunks of 256
documents. At each checkpoint it prints VmRSS / VmHWM (``/proc/self/status``), the sizes of the
caches that could grow (spaCy's StringStore and vocabulary, the NER window memo, every
``functools`` cache in ``tilbake.deid``) and, with ``--trace``, the allocations that grew most since
the first checkpoint (tracemalloc, by file:line; tracing makes the run 2-3 times slower).
``--trim N`` calls glibc's ``malloc_trim(0)`` every N chunks, to tell fragmentation from live data.
"""

from __future__ import annotations

import argparse
import ctypes
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator

import orjson

CHUNK = 256


def _generate(count: int, seed: int) -> None:
    """(child) ``count`` notes as JSONL on stdout."""
    from tilbake.tooling.synth.notes import notes

    out = sys.stdout.buffer
    for note in notes(count, seed):
        out.write(orjson.dumps({"id": note["id"], "text": note["text"]}) + b"\n")
    out.flush()


def _stream(count: int, seed: int) -> Iterator[bytes]:
    cmd = [sys.executable, __file__, "--generate", str(count), "--seed", str(seed)]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, bufsize=1 << 20) as child:
        assert child.stdout is not None
        yield from child.stdout
    if child.returncode:
        raise SystemExit(f"generator failed ({child.returncode})")


def _status() -> dict[str, float]:
    """VmRSS and VmHWM of this process, MB."""
    found: dict[str, float] = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) / 1024
    return found


def _caches() -> dict[str, int]:
    """Current size of every functools cache in the loaded ``tilbake.deid`` modules that holds >1."""
    sizes: dict[str, int] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("tilbake.deid") or module is None:
            continue
        for attr, value in vars(module).items():
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name:
                size = info().currsize
                if size > 1:
                    sizes[f"{name.removeprefix('tilbake.deid.')}.{attr}"] = size
    return sizes


def _ner(engine: object) -> object | None:
    for detector in getattr(engine, "detectors", None) or getattr(engine, "_detectors", None) or ():
        if getattr(detector, "name", "") == "ner":
            return detector
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--at", default="20000,60000,120000", help="checkpoints, notes (comma-separated)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--no-model", action="store_true", help="rules only")
    ap.add_argument("--trace", action="store_true", help="tracemalloc: top growth by file:line")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--trim", type=int, default=0, help="malloc_trim(0) every N chunks (0: never)")
    ap.add_argument("--renew", type=int, help="NerDetector.RENEW_AFTER (strings read between loads)")
    ap.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.generate is not None:
        _generate(args.generate, args.seed)
        return

    from tilbake.batch.sources import Doc
    from tilbake.batch.work import Job, engine_for, process

    checkpoints = sorted(int(x) for x in args.at.split(","))
    job = Job(model=not args.no_model)
    t0 = time.perf_counter()
    engine = engine_for(job.model, job.rules_json)
    ner = _ner(engine)
    if args.renew is not None and ner is not None:
        ner.RENEW_AFTER = args.renew  # type: ignore[attr-defined]
    print(f"engine loaded in {time.perf_counter() - t0:.1f} s; RSS {_status()['VmRSS']:.0f} MB", flush=True)
    trim = ctypes.CDLL("libc.so.6").malloc_trim if args.trim else None
    if args.trace:
        tracemalloc.start(1)
    first: tracemalloc.Snapshot | None = None

    def report(done: int, seconds: float) -> None:
        nonlocal first
        rss = _status()
        line = f"{done:>8,} notes {seconds:6.1f} s  VmRSS {rss['VmRSS']:.1f} MB  VmHWM {rss['VmHWM']:.1f} MB"
        nlp = getattr(ner, "_nlp", None)
        if nlp is not None:
            # len(vocab) counts every lexeme ever made (spaCy does not subtract the memory zone's):
            # count the ones the vocabulary still holds
            line += (f"  strings {len(nlp.vocab.strings):,}  lexemes {sum(1 for _ in nlp.vocab):,}"
                     f"  ner memo {len(getattr(ner, '_memo', {})):,} (hits {getattr(ner, 'memo_hits', 0):,})"
                     f"  renewals {getattr(ner, 'renewals', 0)}")
        print(line, flush=True)
        print("   caches: " + ", ".join(f"{k} {v:,}" for k, v in sorted(_caches().items())), flush=True)
        if args.trace:
            own = tracemalloc.Filter(False, tracemalloc.__file__)
            snap = tracemalloc.take_snapshot().filter_traces([own])
            traced = sum(s.size for s in snap.statistics("filename")) / 2**20
            print(f"   traced Python allocations {traced:.1f} MB", flush=True)
            if first is None:
                first = snap
            else:
                for stat in snap.compare_to(first, "lineno")[: args.top]:
                    frame = stat.traceback[0]
                    print(f"     {stat.size_diff / 2**20:+7.2f} MB {stat.count_diff:+9,} blocks  "
                          f"{frame.filename.split('site-packages/')[-1].split('/src/')[-1]}:{frame.lineno}",
                          flush=True)

    docs: list[Doc] = []
    done, chunks = 0, 0
    todo = iter(checkpoints)
    target = next(todo)
    t0 = time.perf_counter()
    for position, line in enumerate(_stream(checkpoints[-1], args.seed)):
        row = orjson.loads(line)
        docs.append(Doc(position, row["id"], row["text"], row))
        if len(docs) < CHUNK and position + 1 < checkpoints[-1]:
            continue
        process(job, b"", docs)
        done += len(docs)
        docs = []
        chunks += 1
        if trim is not None and chunks % args.trim == 0:
            trim(0)
        if done >= target:
            report(done, time.perf_counter() - t0)
            target = next(todo, 1 << 62)


if __name__ == "__main__":
    main()
