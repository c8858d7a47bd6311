"""Suggestion records in, bundle rows out: anonymize in batches, build rows, gate, write.

Records are mappings in the client's ``ai_feedback`` field names plus ``id`` and ``created_at``. Only
``original_suggestion``, ``user_correction`` and ``context_data.chief_complaint`` are free text; each
batch of them goes through the anonymizer in one call (the engine's ``detect_many`` is fastest in
batches) and then through the leak gate. A suggestion with PHI left in any of its fields, or whose rows
fail the format check, is quarantined whole: none of its rows is written, the reason is counted and
its id listed for review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from tilbake.export import formats
from tilbake.export.anonymize import Anonymized, Anonymizer
from tilbake.export.bundle import BundleWriter
from tilbake.export.leakscan import LeakScanner
from tilbake.export.manifest import Tally
from tilbake.export.prompts import age_range, diagnosis_codes
from tilbake.export.rows import DECISIONS, Example, RowSet, build_rows

Record = Mapping[str, Any]


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
    """original, correction, chief complaint (empty strings where absent)."""
    complaint = _context(record).get("chief_complaint")
    return [
        record.get("original_suggestion") or "",
        record.get("user_correction") or "",
        complaint if isinstance(complaint, str) else "",
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
        age_range=age_range(ctx.get("patient_age")),
        chief_complaint=anon[2].text or None,
        diagnosis_codes=diagnosis_codes(ctx.get("diagnosis_codes")),
    )


def _format_problems(rows: RowSet) -> list[str]:
    reasons = set()
    for fmt, fmt_rows in rows.by_format().items():
        for row in fmt_rows:
            for problem in formats.problems(fmt, row):
                reasons.add("chat_template_token" if "chat-template" in problem else "invalid_row")
    return sorted(reasons)


class ExportPipeline:
    def __init__(self, anonymizer: Anonymizer, scanner: LeakScanner, *, batch_size: int = 256) -> None:
        self.anonymizer, self.scanner, self.batch_size = anonymizer, scanner, batch_size

    def run(
        self, records: Iterable[Record], writer: BundleWriter, progress: Callable[[int], None] | None = None
    ) -> Outcome:
        out = Outcome()
        for batch in _batches(records, self.batch_size):
            self._run_batch(batch, writer, out)
            if progress is not None:
                progress(len(batch))
        return out

    def _run_batch(self, batch: list[Record], writer: BundleWriter, out: Outcome) -> None:
        live = []
        for record in batch:
            decision = record.get("correction_type")
            if decision not in DECISIONS or decision == "ignored":
                out.tally.skipped["ignored" if decision == "ignored" else "no_decision"] += 1
            else:
                live.append(record)
        if not live:
            return
        texts = [t for r in live for t in _free_texts(r)]
        anon = self.anonymizer.anonymize_many(texts)
        leaks = self.scanner.scan_many([a.text for a in anon], [a.replaced for a in anon])
        for i, record in enumerate(live):
            fields = anon[3 * i : 3 * i + 3]
            reasons = sorted({leak.label for f in leaks[3 * i : 3 * i + 3] for leak in f})
            rows = build_rows(_example(record, fields))
            if rows.skipped:
                out.tally.skipped[rows.skipped] += 1
                continue
            reasons = reasons or _format_problems(rows)
            if reasons:
                out.quarantined.append((record.get("id"), tuple(reasons)))
                out.tally.quarantined_suggestions += 1
                out.tally.quarantined.update(reasons)
                continue
            self._write(record, rows, writer, out)

    @staticmethod
    def _write(record: Record, rows: RowSet, writer: BundleWriter, out: Outcome) -> None:
        for fmt, fmt_rows in rows.by_format().items():
            for row in fmt_rows:
                if writer.add(fmt, row) and fmt == "kto":
                    out.tally.kto_labels[bool(row["label"])] += 1
        out.exported_ids.append(record.get("id"))
        out.tally.suggestions[(str(record.get("suggestion_type")), str(record.get("correction_type")))] += 1
        out.tally.see_month(record.get("created_at"))
