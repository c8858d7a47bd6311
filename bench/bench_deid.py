"""De-identification throughput: tilbake's engine against the seed's four-regex scrubber, same run.

    PYTHONPATH=src python bench/bench_deid.py [--docs 2000] [--repeat 3] [--gold notes.jsonl]

Generates its own corpus of notes (bench/notes_deid.py), then prints docs/s and MB/s for

- baseline: the seed's four patterns (fnr 11 digits, phone 8 digits, e-mail, date dd.mm.yyyy),
  detect = finditer over all four, detect + anonymize = four re.sub passes;
- pattern part: the structured-family recognizers (ids, contact, dates, ages, addresses);
- all rules: Deidentifier.default() (adds names, organisations, towns and name propagation);

each with 1 process and with ``--procs`` (2) processes (a Pool over chunks of the corpus), best of
``--repeat`` rounds; within a round each detector runs alone and then in the pool, the detectors
taking turns. The machine may be shared, so ``docs/s`` and ``x baseline`` come from CPU time: with 1
process, that of the process; with N, the CPU time of the workers and of the parent together, divided
by N (what N processes would take on N free cores). ``wall docs/s`` is the wall-clock figure beside
it; ``x 1 proc`` is the CPU-based throughput over the same detector's with 1 process in the same
rounds (N means linear in processes). ``--gold`` also writes the corpus with gold spans, for
``score_spans.py``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_deid import notes  # noqa: E402

BASELINE = [(re.compile(r"\b\d{11}\b"), "[FNUMMER]"), (re.compile(r"\b\d{8}\b"), "[TELEFON]"),
            (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[EPOST]"),
            (re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b"), "[DATO]")]


def baseline_detect(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), tag) for pattern, tag in BASELINE for m in pattern.finditer(text)]


def baseline_anonymize(text: str) -> str:
    for pattern, tag in BASELINE:
        text = pattern.sub(tag, text)
    return text


_ENGINES: dict[str, object] = {}


def _engine(kind: str):  # type: ignore[no-untyped-def]
    if kind not in _ENGINES:
        from tilbake.deid.detect.engine import Deidentifier
        from tilbake.deid.detect.recognizers import structured_recognizers

        if kind == "pattern":
            engine = Deidentifier(structured_recognizers(), propagate=False)
        else:
            engine = Deidentifier.default()
        engine.detect("Pasient: Kari Nordmann, 0150 Oslo")  # load gazetteers before timing
        _ENGINES[kind] = engine
    return _ENGINES[kind]


def run_chunk(args: tuple[str, str, list[str]]) -> tuple[int, float]:
    """Process one chunk; returns the number of texts and the CPU seconds this process spent on it."""
    kind, mode, texts = args
    t0 = time.process_time()
    if kind == "baseline":
        fn: Callable[[str], object] = baseline_detect if mode == "detect" else baseline_anonymize
        for t in texts:
            fn(t)
        return len(texts), time.process_time() - t0
    engine = _engine(kind)
    if mode == "detect":
        for _ in engine.detect_many(texts):
            pass
    else:
        from tilbake.deid.rewrite.operators import anonymize

        for text, spans in zip(texts, engine.detect_many(texts), strict=True):
            anonymize(text, spans, "tag")
    return len(texts), time.process_time() - t0


def _warm_all() -> None:
    _engine("pattern")
    _engine("rules")


KINDS = ("baseline", "pattern", "rules")


def measure(mode: str, texts: list[str], procs: int, repeat: int
            ) -> dict[int, dict[str, tuple[float, float]]]:
    """Per number of processes (1 and ``procs``) and detector, the best (CPU seconds per process, wall
    seconds) over ``repeat`` rounds. Within a round every detector runs in this process and then in
    the pool, the detectors taking turns, so a busy moment on a shared machine hits all alike."""
    cpu = {n: dict.fromkeys(KINDS, float("inf")) for n in (1, procs)}
    wall = {n: dict.fromkeys(KINDS, float("inf")) for n in (1, procs)}
    chunks = [texts[i::procs * 4] for i in range(procs * 4)]
    _warm_all()
    with mp.get_context("fork").Pool(procs, initializer=_warm_all) as pool:
        for kind in KINDS:
            pool.map(run_chunk, [(kind, mode, c[:5]) for c in chunks])  # warm every worker
        for _ in range(repeat):
            for kind in KINDS:
                t0, w0 = time.process_time(), time.perf_counter()
                run_chunk((kind, mode, texts))
                cpu[1][kind] = min(cpu[1][kind], time.process_time() - t0)
                wall[1][kind] = min(wall[1][kind], time.perf_counter() - w0)
                t0, w0 = time.process_time(), time.perf_counter()
                done = pool.map(run_chunk, [(kind, mode, c) for c in chunks])
                # workers' CPU on their chunks plus the parent's (sending texts, collecting results)
                spent = sum(seconds for _, seconds in done) + time.process_time() - t0
                cpu[procs][kind] = min(cpu[procs][kind], spent / procs)
                wall[procs][kind] = min(wall[procs][kind], time.perf_counter() - w0)
                assert sum(n for n, _ in done) == len(texts)
    return {n: {kind: (cpu[n][kind], wall[n][kind]) for kind in KINDS} for n in (1, procs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--gold", type=Path, help="also write the corpus with gold spans here")
    args = parser.parse_args()
    corpus = list(notes(args.docs))
    texts = [str(d["text"]) for d in corpus]
    if args.gold:
        import orjson

        args.gold.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in corpus))
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(texts)} notes, {mb:.2f} MB, mean {mb * 1e6 / len(texts):.0f} bytes/note")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    results = {mode: measure(mode, texts, args.procs, args.repeat) for mode in ("detect", "detect+anonymize")}
    print(f"{'detector':<10}{'mode':<18}{'procs':>5}{'docs/s':>9}{'MB/s':>7}{'x baseline':>11}"
          f"{'wall docs/s':>12}{'x 1 proc':>9}")
    for procs in (1, args.procs):
        for mode, by_procs in results.items():
            best = by_procs[procs]
            for kind, (seconds, wall) in best.items():
                print(f"{kind:<10}{mode:<18}{procs:>5}{len(texts) / seconds:>9.0f}{mb / seconds:>7.2f}"
                      f"{best['baseline'][0] / seconds:>11.2f}{len(texts) / wall:>12.0f}"
                      f"{by_procs[1][kind][0] / seconds:>9.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
