"""Suggestion records in, bundle rows out: anonymize in batches, build rows, gate, write.

Records are mappings in the client's ``ai_feedback`` field names plus ``id`` and ``created_at``. Only
``original_suggestion``, ``user_correction`` and ``context_data.chief_complaint`` are free text; each
batch of them goes through the anonymizer in one call (the engine's ``detect_many`` is fastest in
batches) and then through the leak gate. A suggestion with PHI left in any of its fields, or whose rows
carry a chat-template token, is quarantined whole: none of its rows is written, the reason is counted and
its id listed for review.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from tilbake.capture.decisions import CORRECTION_TYPES as DECISIONS
from tilbake.capture.decisions import IGNORED
from tilbake.export import formats
from tilbake.export.anonymize import Anonymized, Anonymizer
from tilbake.export.leakscan import Leak, LeakScanner
from tilbake.export.manifest import Tally
from tilbake.export.prompts import COMPLAINT_LABEL, diagnosis_codes, labelled, patient_age_range, unlabelled
from tilbake.export.rows import Example, RowSet, build_rows

Record = Mapping[str, Any]


class RowSink(Protocol):
    """Where rows go: the bundle (``BundleWriter``), or a page's sample of the next export."""

    def add(self, fmt: str, row: dict[str, Any]) -> bool: ...


@dataclass
class Outcome:
    exported_ids: list[Any] = field(default_factory=list)
    quarantined: list[tuple[Any, tuple[str, ...]]] = field(default_factory=list)  # (id, reasons)
    tally: Tally = field(default_factory=Tally)


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while batch := list(islice(it, size)):
        yield batch


def _context(record: Record) -> Mapping[str, Any]:
    ctx = record.get("context_data")
    return ctx if isinstance(ctx, Mapping) else {}


def _free_texts(record: Record) -> list[str]:
    """original, correction, labelled chief complaint (empty strings where absent). The complaint goes
    with its label, as in the prompt: on its own a complaint that is only a name has no cue around it."""
    complaint = _context(record).get("chief_complaint")
    return [
        record.get("original_suggestion") or "",
        record.get("user_correction") or "",
        labelled(COMPLAINT_LABEL, complaint.strip()) if isinstance(complaint, str) else "",
    ]


def _example(record: Record, anon: Sequence[Anonymized]) -> Example:
    ctx = _context(record)
    conf = record.get("confidence_score")
    return Example(
        suggestion_type=str(record.get("suggestion_type")),
        decision=str(record.get("correction_type")),
        original=anon[0].text,
        correction=anon[1].text or None,
        confidence=float(conf) if isinstance(conf, int | float) and not isinstance(conf, bool) else None,
        age_range=patient_age_range(ctx.get("patient_age")),
        chief_complaint=unlabelled(COMPLAINT_LABEL, anon[2].text) or None,
        diagnosis_codes=diagnosis_codes(ctx.get("diagnosis_codes")),
    )


class Cleaner:
    """Anonymize a batch of texts and scan the results: the CPU-heavy step, run in-process or in workers.

    Empty texts skip the engine; repeated texts (a chief complaint seen before, a correction equal to
    the original) are done once, through a small per-export memo of short texts. When the scanner's
    engine is the anonymizer's, a text it left unchanged (no span at all) needs no second engine pass.
    """

    MEMO_CHARS, MEMO_SIZE = 300, 20_000

    def __init__(self, anonymizer: Anonymizer, scanner: LeakScanner) -> None:
        self.anonymizer, self.scanner = anonymizer, scanner
        self.memo: dict[str, tuple[Anonymized, list[Leak]]] = {}
        self.shared_engine = anonymizer.engine is not None and anonymizer.engine is scanner.engine

    def __call__(self, texts: Sequence[str]) -> list[tuple[Anonymized, list[Leak]]]:
        done: dict[str, tuple[Anonymized, list[Leak]]] = {"": (Anonymized(""), [])}
        done.update((t, self.memo[t]) for t in texts if t in self.memo)
        todo = list(dict.fromkeys(t for t in texts if t not in done))
        if todo:
            anon = self.anonymizer.anonymize_many(todo)
            # A text the engine left unchanged had no span at all: the same engine would find none again.
            seen = [self.shared_engine and a.text == t for t, a in zip(todo, anon, strict=True)]
            leaks = self.scanner.scan_many(
                [a.text for a in anon], [a.replaced for a in anon], skip_engine=seen
            )
            done.update(zip(todo, zip(anon, leaks, strict=True), strict=True))
            if len(self.memo) > self.MEMO_SIZE:
                self.memo.clear()
            self.memo.update((t, r) for t, r in done.items() if len(t) <= self.MEMO_CHARS)
        return [done[t] for t in texts]


_worker_cleaner: Cleaner | None = None


def _die_with(parent: int) -> None:
    """Make this worker die when the process that started it does, even by SIGKILL: a forked worker
    holds copies of the parent's files (the export lock, a server's listening socket), so an orphan
    would keep the next export and a restarted server out. Linux: prctl(PR_SET_PDEATHSIG)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the stale-lock check in export/lock.py remains
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _worker_init(factory: Callable[[], Cleaner], parent: int) -> None:
    global _worker_cleaner
    _die_with(parent)
    _worker_cleaner = factory()


def _worker_clean(texts: list[str]) -> list[tuple[Anonymized, list[Leak]]]:
    assert _worker_cleaner is not None
    return _worker_cleaner(texts)


class ExportPipeline:
    """Batches of records -> rows in the bundle. With ``workers`` > 0 and a picklable ``cleaner_factory``,
    the anonymize-and-scan step runs in that many processes while this one reads, builds and writes."""

    def __init__(
        self,
        anonymizer: Anonymizer,
        scanner: LeakScanner,
        *,
        batch_size: int = 256,
        workers: int = 0,
        cleaner_factory: Callable[[], Cleaner] | None = None,
    ) -> None:
        self.anonymizer, self.batch_size = anonymizer, batch_size
        self.clean = Cleaner(anonymizer, scanner)
        self.workers, self.cleaner_factory = workers, cleaner_factory

    def run(
        self, records: Iterable[Record], writer: RowSink, progress: Callable[[int], None] | None = None
    ) -> Outcome:
        out = Outcome()
        for batch, live, cleaned in self._cleaned(_batches(records, self.batch_size), out):
            self._emit(live, cleaned, writer, out)
            if progress is not None:
                progress(len(batch))
        return out

    def _live(self, batch: list[Record], out: Outcome) -> list[Record]:
        live = []
        for record in batch:
            decision = record.get("correction_type")
            if decision not in DECISIONS or decision == IGNORED:
                out.tally.skipped["ignored" if decision == IGNORED else "no_decision"] += 1
            else:
                live.append(record)
        return live

    def _cleaned(
        self, batches: Iterator[list[Record]], out: Outcome
    ) -> Iterator[tuple[list[Record], list[Record], list[Any]]]:
        if not self.workers or self.cleaner_factory is None:
            for batch in batches:
                live = self._live(batch, out)
                yield batch, live, self.clean([t for r in live for t in _free_texts(r)])
            return
        with ProcessPoolExecutor(
            self.workers, initializer=_worker_init, initargs=(self.cleaner_factory, os.getpid())
        ) as pool:
            window: deque[tuple[list[Record], list[Record], Future[Any]]] = deque()
            for batch in batches:
                live = self._live(batch, out)
                window.append(
                    (batch, live, pool.submit(_worker_clean, [t for r in live for t in _free_texts(r)]))
                )
                if len(window) > 2 * self.workers:  # bounded: memory stays flat
                    done_batch, done_live, future = window.popleft()
                    yield done_batch, done_live, future.result()
            while window:
                done_batch, done_live, future = window.popleft()
                yield done_batch, done_live, future.result()

    def _emit(self, live: list[Record], cleaned: list[Any], writer: RowSink, out: Outcome) -> None:
        for i, record in enumerate(live):
            fields = [a for a, _ in cleaned[3 * i : 3 * i + 3]]
            reasons = sorted({leak.reason for _, found in cleaned[3 * i : 3 * i + 3] for leak in found})
            rows = build_rows(_example(record, fields))
            if rows.skipped:
                out.tally.skipped[rows.skipped] += 1
                continue
            # Rows are valid by construction (rows.py, tested against formats.py); only their texts can
            # carry a chat-template token, and each text is checked once rather than in every row.
            if not reasons and any(formats.has_template_token(a.text) for a in fields):
                reasons = ["chat_template_token"]
            if reasons:
                out.quarantined.append((record.get("id"), tuple(reasons)))
                out.tally.quarantined_suggestions += 1
                out.tally.quarantined.update(reasons)
                continue
            self._write(record, rows, writer, out)

    @staticmethod
    def _write(record: Record, rows: RowSet, writer: RowSink, out: Outcome) -> None:
        for fmt, fmt_rows in rows.by_format().items():
            for row in fmt_rows:
                if writer.add(fmt, row) and fmt == "kto":
                    out.tally.kto_labels[bool(row["label"])] += 1
        out.exported_ids.append(record.get("id"))
        out.tally.suggestions[(str(record.get("suggestion_type")), str(record.get("correction_type")))] += 1
        out.tally.see_month(record.get("created_at"))
