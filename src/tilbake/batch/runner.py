"""`tilbake deid batch`: a corpus of JSONL/Parquet files through the engine, resumable, in parallel.

    inputs (sorted) -> chunks of documents -> process pool (engine once per worker) -> in order
      -> one part per input file + checkpoint -> part moved into place when the file is done

Output is the same whatever the number of workers and however often the run was interrupted:
chunks come back in submission order and every chunk is processed by the same function
(``work.process``). At most ``2 * workers`` chunks are in flight, so memory stays flat.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from tilbake.batch.parts import Part, open_run
from tilbake.batch.sources import Bad, Doc, list_inputs, position_label, read_docs
from tilbake.batch.work import Done, Job, init_worker, process, process_in_worker
from tilbake.errors import InputError, TilbakeError

CHUNK = 256  # documents per task: big enough to amortize the pickling, small enough to checkpoint often
OnBad = Callable[[str], None]  # told "FILE line N: reason" for each bad record
OnProgress = Callable[[int, int], None]  # told (input bytes done, input bytes in all)


@dataclass
class Summary:
    files: int = 0
    resumed_done: int = 0  # files finished by an earlier run
    docs: int = 0
    bad: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    bad_seen: list[str] = field(default_factory=list)


@dataclass
class Chunk:
    source: Path
    part: Part
    docs: list[Doc]
    bad: list[tuple[int, str]]
    position: int
    read: float  # fraction of the input file read
    last: bool


def output_name(root: Path, source: Path) -> Path:
    """The output part of an input file: its path under the input directory, as .jsonl."""
    rel = source.relative_to(root) if root.is_dir() else Path(source.name)
    return rel.with_suffix(".jsonl")


def _plan(input_path: Path, out_dir: Path, state: Path) -> list[tuple[Path, Part]]:
    sources = list_inputs(input_path)
    names = [output_name(input_path, s) for s in sources]
    clash = next((n for i, n in enumerate(names) if n in names[:i]), None)
    if clash is not None:
        raise InputError(f"--input {input_path}: two input files would both be written to {clash}")
    return [(s, Part(state, out_dir / n)) for s, n in zip(sources, names, strict=True)]


def _chunks(plan: list[tuple[Path, Part]], job: Job, chunk: int) -> Iterator[Chunk]:
    for source, part in plan:
        if part.checkpoint.done:
            continue
        part.open()
        docs: list[Doc] = []
        bad: list[tuple[int, str]] = []
        position, read = part.checkpoint.position, 0.0
        for item, read in read_docs(source, job.columns, after=part.checkpoint.position):
            position = item.position
            if isinstance(item, Bad):
                bad.append((item.position, item.reason))
            else:
                docs.append(item)
            if len(docs) == chunk:
                yield Chunk(source, part, docs, bad, position, read, False)
                docs, bad = [], []
        yield Chunk(source, part, docs, bad, position, 1.0, True)


def _processed(chunks: Iterator[Chunk], job: Job, secret: bytes, workers: int
               ) -> Iterator[tuple[Chunk, Done]]:
    if workers == 0:
        for c in chunks:
            yield c, process(job, secret, c.docs)
        return
    # spawn: a fresh interpreter per worker (no threads or locks of the parent inherited)
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=init_worker,
                             initargs=(job, secret)) as pool:
        window: deque[tuple[Chunk, Future[Done]]] = deque()
        for c in chunks:
            window.append((c, pool.submit(process_in_worker, c.docs)))
            if len(window) >= 2 * workers:
                yield _oldest(window)
        while window:
            yield _oldest(window)


def _oldest(window: deque[tuple[Chunk, Future[Done]]]) -> tuple[Chunk, Done]:
    first, future = window.popleft()
    try:
        return first, future.result()
    except BrokenProcessPool:
        raise TilbakeError("a worker process died (out of memory, or its engine failed to load); what "
                           "was written is checkpointed: run the same command again to resume") from None


def run_batch(input_path: Path, out_dir: Path, job: Job, secret: bytes = b"", workers: int = 0, *,
              on_bad: OnBad | None = None, on_progress: OnProgress | None = None,
              chunk: int = CHUNK) -> Summary:
    """De-identify every input file into ``out_dir`` (resuming a run interrupted there)."""
    plan = prepare(input_path, out_dir, job, secret)
    results = _processed(_chunks(plan, job, chunk), job, secret, workers)
    return write_all(plan, results, on_bad, on_progress)


def prepare(input_path: Path, out_dir: Path, job: Job, secret: bytes) -> list[tuple[Path, Part]]:
    """The input files and their output parts, checkpoints loaded (a run elsewhere is refused)."""
    if job.needs_secret and not secret:
        raise InputError("the surrogate operator needs the installation secret")
    state = open_run(out_dir, {**job.as_dict(), "input": str(input_path.resolve())})
    return _plan(input_path, out_dir, state)


def write_all(plan: list[tuple[Path, Part]], results: Iterator[tuple[Chunk, Done]],
              on_bad: OnBad | None = None, on_progress: OnProgress | None = None) -> Summary:
    """Append each processed chunk to its part, in order; finish the parts; sum up the run."""
    sizes = {s: max(s.stat().st_size, 1) for s, _ in plan}
    total, finished = sum(sizes.values()), 0
    summary = Summary(files=len(plan))
    for source, part in plan:
        if part.checkpoint.done:
            part.finish()  # a kill between the two steps of finish() left the part unmoved
            summary.resumed_done += 1
            finished += sizes[source]
    for c, done in results:
        c.part.append(done.lines, c.position, done.docs, done.labels, c.bad)
        if on_bad is not None:
            for position, reason in c.bad:
                on_bad(f"{c.source} {position_label(c.source)} {position}: {reason}")
        if c.last:
            c.part.finish()
            finished += sizes[c.source]
        if on_progress is not None:
            on_progress(finished + (0 if c.last else int(c.read * sizes[c.source])), total)
    for source, part in plan:
        ck = part.checkpoint
        summary.docs, summary.bad = summary.docs + ck.docs, summary.bad + ck.bad
        summary.labels.update(ck.labels)
        summary.bad_seen.extend(f"{source} {position_label(source)} {p}: {r}" for p, r in ck.bad_seen)
    return summary
