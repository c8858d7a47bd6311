"""The review service: review items, corrections (with "all like this"), undo, completion, retention.

Each call is one unit of work: an item, its corrections and the FeedbackEvents they log are written
together, and retention prunes the organization's oldest events in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.detect.rules import Rules
from tilbake.errors import NotFoundError, ValidationError
from tilbake.review import privacy
from tilbake.review.aggregate import TOP, acceptance, summarize
from tilbake.review.corrections import MIN_CONFIDENCE, Correction, Entity, Request, plan, render, replay
from tilbake.review.events import Document, build_events
from tilbake.review.repository import FeedbackRepository, ReviewRepository
from tilbake.review.retention import Retention, retention_of
from tilbake.review.rulebook import org_rules
from tilbake.store import Database, UnitOfWork
from tilbake.store.clock import utcnow

SOURCES = ("submitted", "quarantine", "sample", "quiet")
FIELDS = ("original_suggestion", "user_correction", "chief_complaint")
EngineFor = Callable[[Rules], Deidentifier]


def _entity(data: dict[str, Any] | None) -> Entity | None:
    return Entity.from_dict(data) if data else None


def _corrections(rows: Sequence[dict[str, Any]]) -> list[Correction]:
    return [Correction(r["action"], _entity(r["original"]), _entity(r["updated"])) for r in rows]


def item_entities(repo: ReviewRepository, item: dict[str, Any]) -> list[Entity]:
    """An item's entities now: the engine's, with the live corrections replayed."""
    return replay(map(Entity.from_dict, item["detected"]), _corrections(repo.corrections(item["id"])))


def field_texts(row: dict[str, Any]) -> list[tuple[str, str]]:
    """The non-empty free-text fields of a suggestion row, by name."""
    raw = row.get("context_data")
    ctx: dict[str, Any] = raw if isinstance(raw, dict) else {}
    values = (row.get("original_suggestion"), row.get("user_correction"), ctx.get("chief_complaint"))
    return [(f, v) for f, v in zip(FIELDS, values, strict=True) if isinstance(v, str) and v.strip()]


class ReviewService:
    def __init__(self, db: Database, secret: bytes, engine_for: EngineFor, *,
                 max_text_chars: int = 20_000) -> None:
        self.db, self.secret, self.engine_for = db, secret, engine_for
        self.max_text_chars = max_text_chars

    # -- making items ------------------------------------------------------------------------------
    def _new_item(self, engine: Deidentifier, org_id: int, text: str, **where: Any) -> dict[str, Any]:
        detected = [Entity(s.start, s.end, s.label, s.score).as_dict() for s in engine.detect(text)]
        return {"id": uuid.uuid4().hex, "organization_id": org_id, "text": text,
                "doc_hash": privacy.keyed_hash(self.secret, text), "detected": detected,
                "explanations": [e.as_dict() for e in engine.analyze(text)],
                "rules_version": engine.rules.version, "status": "open", "created_at": utcnow(),
                "language": "nb", "document_type": "note", "suggestion_id": None, "field": None,
                "export_batch_id": None, **where}

    def _check_text(self, text: str) -> None:
        if not text.strip():
            raise ValidationError("text must not be empty", field="text")
        if len(text) > self.max_text_chars:
            raise ValidationError(f"text is {len(text)} characters long; the limit is "
                                  f"{self.max_text_chars} (TILBAKE_MAX_TEXT_CHARS)", field="text")

    def engine(self, org_id: int) -> Deidentifier:
        with self.db.unit_of_work(write=False) as uow:
            return self.engine_for(org_rules(uow, org_id))

    def submit(self, org_id: int, text: str, *, document_type: str = "note", language: str = "nb",
               source: str = "submitted") -> dict[str, Any]:
        """A review item from text a reviewer submits (or a sampled sentence, ``source="quiet"``)."""
        self._check_text(text)
        if source not in SOURCES:
            raise ValidationError(f"source must be one of {', '.join(SOURCES)}", field="source")
        if not 1 <= len(document_type) <= 64 or not 1 <= len(language) <= 8:
            raise ValidationError("document_type is 1-64 and language 1-8 characters", field="document_type")
        item = self._new_item(self.engine(org_id), org_id, text, document_type=document_type,
                              language=language, source=source)
        with self.db.unit_of_work() as uow:
            uow.repo(ReviewRepository).add_item(item)
        return self.get(org_id, item["id"])

    def from_quarantine(self, org_id: int, export_id: str) -> list[str]:
        """Items for every free-text field of the suggestions an export's leak gate held back (once)."""
        from tilbake.export.repository import ExportRepository

        with self.db.unit_of_work(write=False) as uow:
            if uow.repo(ExportRepository).get(org_id, export_id) is None:
                raise NotFoundError("no export with this id in this organization")
            rows = uow.repo(ReviewRepository).quarantined_rows(org_id, export_id)
            seen = uow.repo(ReviewRepository).existing(org_id, [r["id"] for r in rows], "quarantine")
        return self._items_from_rows(org_id, rows, "quarantine", seen, export_batch_id=export_id)

    def from_sample(self, org_id: int, size: int, types: Sequence[str] = ()) -> list[str]:
        """Items from a random sample of the rows a pending export would read (the spot check)."""
        if not 1 <= size <= 500:
            raise ValidationError("size must be within 1..500", field="size")
        with self.db.unit_of_work(write=False) as uow:
            rows = uow.repo(ReviewRepository).sample_pending(org_id, types, size)
        return self._items_from_rows(org_id, rows, "sample", set())

    def _items_from_rows(self, org_id: int, rows: list[dict[str, Any]], source: str,
                         seen: set[tuple[int, str]], **where: Any) -> list[str]:
        engine = self.engine(org_id)
        items = [self._new_item(engine, org_id, text, source=source, suggestion_id=row["id"], field=name,
                                document_type=str(row["suggestion_type"])[:64], **where)
                 for row in rows for name, text in field_texts(row) if (row["id"], name) not in seen]
        with self.db.unit_of_work() as uow:
            for item in items:
                uow.repo(ReviewRepository).add_item(item)
        return [i["id"] for i in items]

    def sample_quiet(self, org_id: int, size: int, types: Sequence[str] = ()) -> list[str]:
        """Items of randomly sampled sentences of pending suggestions in which the engine found nothing
        (reviewed, they bound the miss rate: ``miss_rate``)."""
        from tilbake.review.missrate import sentences

        if not 1 <= size <= 500:
            raise ValidationError("size must be within 1..500", field="size")
        with self.db.unit_of_work(write=False) as uow:
            rows = uow.repo(ReviewRepository).sample_pending(org_id, types, size)
        engine, items = self.engine(org_id), []
        for row in rows:
            for name, text in field_texts(row):
                for sentence in sentences(text):
                    if len(items) < size and not engine.detect(sentence):
                        items.append(self._new_item(engine, org_id, sentence, source="quiet", field=name,
                                                    suggestion_id=row["id"],
                                                    document_type=str(row["suggestion_type"])[:64]))
        with self.db.unit_of_work() as uow:
            for item in items:
                uow.repo(ReviewRepository).add_item(item)
        return [i["id"] for i in items]

    def miss_rate(self, org_id: int, confidence: float = 0.95) -> dict[str, Any]:
        """The upper bound on the share of quiet sentences holding PHI, from the reviewed ones."""
        from tilbake.review.missrate import report

        if not 0.5 <= confidence < 1:
            raise ValidationError("confidence must be within 0.5..1 (exclusive)", field="confidence")
        with self.db.unit_of_work(write=False) as uow:
            repo = uow.repo(ReviewRepository)
            quiet = [i for i in repo.with_text(org_id) if i["source"] == "quiet"]
            found = sum(1 for i in quiet if item_entities(repo, i))
        return report(found, len(quiet), confidence)

    def training_records(self, org_id: int) -> list[dict[str, Any]]:
        """The reviewed documents in the gold corpus shape (DESIGN §2): id, text, corrected spans."""
        with self.db.unit_of_work(write=False) as uow:
            repo = uow.repo(ReviewRepository)
            out = []
            for item in repo.with_text(org_id):
                entities = item_entities(repo, item)
                out.append({"id": item["id"], "text": item["text"],
                            "spans": [{"start": e.start, "end": e.end, "label": e.label.value}
                                      for e in entities if e.confidence >= MIN_CONFIDENCE]})
        return out

    # -- reading ---------------------------------------------------------------------------------
    def list_items(self, org_id: int, status: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        if status not in (None, "open", "reviewed"):
            raise ValidationError("status must be open or reviewed", field="status")
        with self.db.unit_of_work(write=False) as uow:
            rows = uow.repo(ReviewRepository).items(org_id, status, max(1, min(limit, 1000)))
        return [_summary(r) for r in rows]

    def _load(self, uow: UnitOfWork, org_id: int, item_id: str, *, lock: bool = False
              ) -> tuple[dict[str, Any], list[Entity]]:
        item = uow.repo(ReviewRepository).item(org_id, item_id, lock=lock)
        if item is None:
            raise NotFoundError("no review item with this id in this organization")
        corrections = _corrections(uow.repo(ReviewRepository).corrections(item_id))
        item["corrections"] = corrections
        return item, replay(map(Entity.from_dict, item["detected"]), corrections)

    def get(self, org_id: int, item_id: str) -> dict[str, Any]:
        with self.db.unit_of_work(write=False) as uow:
            item, entities = self._load(uow, org_id, item_id)
        return _view(item, entities)

    # -- correcting --------------------------------------------------------------------------------
    def correct(self, org_id: int, item_id: str, request: Request) -> dict[str, Any]:
        with self.db.unit_of_work() as uow:
            item, entities = self._load(uow, org_id, item_id, lock=True)
            changes = plan(item["text"], entities, request)
            if changes:
                self._record(uow, org_id, item, entities, changes)
        return self.get(org_id, item_id)

    def _record(self, uow: UnitOfWork, org_id: int, item: dict[str, Any], entities: list[Entity],
                changes: list[Correction]) -> None:
        repo, when = uow.repo(ReviewRepository), utcnow()
        group = repo.next_group(item["id"])
        repo.add_corrections([{"item_id": item["id"], "group_no": group, "action": c.action,
                               "original": c.original.as_dict() if c.original else None,
                               "updated": c.updated.as_dict() if c.updated else None,
                               "undone": False, "created_at": when} for c in changes])
        after = replay(entities, changes)
        masks = {*map(Entity.from_dict, item["detected"]), *entities, *after}
        doc = Document(item["id"], item["source"], item["doc_hash"], item["document_type"], item["language"])
        rows = build_events(self.secret, item["text"], doc, changes, masks, group, when)
        uow.repo(FeedbackRepository).add(rows, org_id)
        _prune(uow, org_id)

    def undo(self, org_id: int, item_id: str, count: int = 1) -> dict[str, Any]:
        """Undo the last ``count`` requests on an item; their FeedbackEvents are deleted with them."""
        if not 1 <= count <= 100:
            raise ValidationError("count must be within 1..100", field="count")
        with self.db.unit_of_work() as uow:
            self._load(uow, org_id, item_id, lock=True)
            groups = uow.repo(ReviewRepository).undo_last(item_id, count)
            if not groups:
                raise ValidationError("this item has no corrections to undo", field="count")
            uow.repo(FeedbackRepository).remove_groups(item_id, groups)
        return self.get(org_id, item_id)

    def complete(self, org_id: int, item_id: str) -> dict[str, Any]:
        """Mark an item reviewed: its entities are now the truth (replay, training data, release)."""
        with self.db.unit_of_work() as uow:
            item, entities = self._load(uow, org_id, item_id)
            acceptance = _acceptance(item["detected"], entities)
            uow.repo(ReviewRepository).set_status(org_id, item_id, "reviewed", utcnow(), acceptance)
        return self.get(org_id, item_id)

    # -- summary -----------------------------------------------------------------------------------
    def summary(self, org_id: int, top: int = TOP) -> dict[str, Any]:
        if not 1 <= top <= 1000:
            raise ValidationError("top must be within 1..1000", field="top")
        with self.db.unit_of_work(write=False) as uow:
            return summarize(uow, org_id, top)

    def acceptance(self, org_id: int) -> list[dict[str, Any]]:
        with self.db.unit_of_work(write=False) as uow:
            return acceptance(uow, org_id)

    def export_feedback(self, org_id: int, folder: Path, mode: str = "anonymised") -> dict[str, Any]:
        """The maintainer's export: feedback-summary.json and feedback-events.jsonl in ``folder``."""
        from tilbake.review import feedback_export

        feedback_export.check_mode(mode)
        with self.db.unit_of_work(write=False) as uow:
            summary = summarize(uow, org_id, top=None)
            events = uow.repo(FeedbackRepository).events(org_id)
        return feedback_export.write(folder, summary, events, mode, self.secret)

    # -- retention and deletion ------------------------------------------------------------------
    def retention(self, org_id: int) -> Retention:
        with self.db.unit_of_work(write=False) as uow:
            return retention_of(uow, org_id)

    def set_retention(self, org_id: int, retention: Retention) -> Retention:
        retention.check()
        with self.db.unit_of_work() as uow:
            uow.repo(FeedbackRepository).set_settings(org_id, retention.max_events, retention.max_days)
            _prune(uow, org_id)
        return retention

    def prune(self, org_id: int) -> dict[str, int]:
        with self.db.unit_of_work() as uow:
            return _prune(uow, org_id)

    def delete_all(self, org_id: int, *, confirm: bool) -> dict[str, int]:
        """Wipe every FeedbackEvent and review item (with its corrections) of the organization."""
        if confirm is not True:
            raise ValidationError("confirm must be true: this deletes all feedback data", field="confirm")
        with self.db.unit_of_work() as uow:
            events = uow.repo(FeedbackRepository).delete_all(org_id)
            items = uow.repo(ReviewRepository).delete_all(org_id)
        return {"events_deleted": events, "items_deleted": items}


def _prune(uow: UnitOfWork, org_id: int) -> dict[str, int]:
    keep = retention_of(uow, org_id)
    return uow.repo(FeedbackRepository).prune(org_id, utcnow() - timedelta(days=keep.max_days),
                                               keep.max_events)


def _acceptance(detected: list[dict[str, Any]], entities: list[Entity]) -> dict[str, list[int]]:
    """Per label: how many detected entities the reviewer left as they were, of how many detected."""
    now = {(e.start, e.end, e.label.value) for e in entities}
    out: dict[str, list[int]] = {}
    for d in detected:
        counts = out.setdefault(d["label"], [0, 0])
        counts[0] += (d["start"], d["end"], d["label"]) in now
        counts[1] += 1
    return out


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "source", "status", "document_type", "language", "field", "export_batch_id",
            "rules_version", "created_at", "reviewed_at")
    return {k: row.get(k) for k in keys} | {"detected": len(row["detected"])}


def _view(item: dict[str, Any], entities: list[Entity]) -> dict[str, Any]:
    text = item["text"]
    return _summary(item) | {
        "text": text,
        "entities": [e.as_dict() | {"text": text[e.start:e.end]} for e in entities],
        "explanations": item["explanations"],
        "corrections": [{"action": c.action, "original": c.original.as_dict() if c.original else None,
                         "updated": c.updated.as_dict() if c.updated else None}
                        for c in item["corrections"]],
        "anonymized": render(text, entities),
    }

