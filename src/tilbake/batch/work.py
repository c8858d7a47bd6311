"""What one worker does to a chunk of documents: detect, render the output lines, count the labels.

The same function runs in the main process (``--workers 0``), in each process of the pool and in
each Spark executor, so every path writes the same bytes. A worker builds its engine once
(:func:`engine_for` is cached per process) from the picklable :class:`Job`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from tilbake.batch.jsonl import anonymized_row, spans_row
from tilbake.batch.sources import Columns, Doc
from tilbake.deid.rewrite.operators import get_operator
from tilbake.errors import InputError

if TYPE_CHECKING:
    from tilbake.deid.detect.engine import Deidentifier

MODES = ("detect", "anonymize")


@dataclass(frozen=True, slots=True)
class Job:
    """Everything but the secret that decides a run's output (recorded with a resumable run)."""

    mode: str = "detect"
    operator: str = "tag"
    model: bool = True
    rules_json: str | None = None  # user rules as canonical JSON (hashable, picklable)
    scope: str | None = None
    id_column: str = "id"
    text_column: str = "text"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InputError(f"--mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.mode == "anonymize":
            get_operator(self.operator)  # an unknown operator fails before any work

    @property
    def columns(self) -> Columns:
        return Columns(self.id_column, self.text_column)

    @property
    def needs_secret(self) -> bool:
        return self.mode == "anonymize" and self.operator == "surrogate"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_rules(path: Path | None) -> str | None:
    """A user rules file (``--rules``: allow, deny, context) as canonical JSON for the workers."""
    if path is None:
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read rules file {path}: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise InputError(f"rules file {path} must hold a JSON object (allow, deny, context)")
    from tilbake.deid.detect.rules import Rules

    Rules.from_dict(data)  # a bad rule fails here, before any worker starts
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


@lru_cache(maxsize=4)
def engine_for(model: bool, rules_json: str | None) -> Deidentifier:
    """The engine of a job, built once per process (the shipped default when no user rules)."""
    from tilbake.wiring import deid_engine

    if rules_json is None:
        return deid_engine(model)
    from tilbake.deid.detect.engine import Deidentifier
    from tilbake.deid.detect.rules import Rules

    return Deidentifier.default(Rules.from_dict(json.loads(rules_json)), model=model)


@dataclass(slots=True)
class Done:
    """A processed chunk: its output lines (JSONL, in input order), documents and labels found."""

    lines: list[bytes]
    labels: Counter[str]
    docs: int


def render(job: Job, secret: bytes, docs: Sequence[Doc]) -> Iterator[tuple[bytes, list[str]]]:
    """(output line, labels of its spans) per document, in order."""
    engine = engine_for(job.model, job.rules_json)
    for doc, spans in zip(docs, engine.detect_many([d.text for d in docs]), strict=True):
        if job.mode == "detect":
            row = spans_row(doc.id, doc.text, doc.record, spans)
        else:
            row = anonymized_row(doc.id, doc.text, doc.record, spans, job.operator, secret, job.scope,
                                 job.text_column)
        yield orjson.dumps(row, default=str) + b"\n", [s.label.value for s in spans]


def process(job: Job, secret: bytes, docs: Sequence[Doc]) -> Done:
    done = Done([], Counter(), len(docs))
    for line, labels in render(job, secret, docs):
        done.lines.append(line)
        done.labels.update(labels)
    return done


# The pool's worker side: the job and secret arrive once per process, chunks after that.
_WORKER: tuple[Job, bytes] | None = None


def init_worker(job: Job, secret: bytes) -> None:
    global _WORKER
    _WORKER = (job, secret)
    engine_for(job.model, job.rules_json)  # load the model now, once, not on the first chunk


def process_in_worker(docs: Sequence[Doc]) -> Done:
    assert _WORKER is not None, "init_worker runs first"
    return process(*_WORKER, docs)
