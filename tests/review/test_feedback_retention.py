"""Retention prunes by count and by age, on write and on demand; delete wipes all and counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from tilbake.errors import ValidationError
from tilbake.review.corrections import Request
from tilbake.review.repository import FeedbackRepository
from tilbake.review.retention import Retention
from tilbake.review.tables import feedback_events
from tilbake.store.clock import utcnow

TEXT = "Ansatt i firmaet Fjordlaks. Ansatt i firmaet Bergfisk. Ansatt i firmaet Havbris."


def _mark(review, org_id, item, word):
    start = item["text"].index(word)
    return review.correct(org_id, item["id"], Request("mark_as_pii", start, start + len(word), "ORG"))


def _count(db, org_id):
    with db.unit_of_work(write=False) as uow:
        return uow.repo(FeedbackRepository).count(org_id)


def test_defaults_are_ten_thousand_events_and_ninety_days(review, org_id):
    assert review.retention(org_id) == Retention(10_000, 90)


def test_prunes_the_oldest_by_count_on_write(review, org_id, db):
    review.set_retention(org_id, Retention(max_events=2, max_days=90))
    item = review.submit(org_id, TEXT)
    for word in ("Fjordlaks", "Bergfisk", "Havbris"):
        _mark(review, org_id, item, word)
    with db.unit_of_work(write=False) as uow:
        events = uow.repo(FeedbackRepository).events(org_id)
    assert [e["updated_start"] for e in events] == [TEXT.index("Bergfisk"), TEXT.index("Havbris")]


def test_prunes_by_age_on_write_and_on_demand(review, org_id, db):
    item = review.submit(org_id, TEXT)
    _mark(review, org_id, item, "Fjordlaks")
    _mark(review, org_id, item, "Bergfisk")
    with db.unit_of_work() as uow:
        uow.conn.execute(update(feedback_events).where(feedback_events.c.organization_id == org_id)
                         .values(created_at=utcnow() - timedelta(days=91)))
    assert review.prune(org_id) == {"by_age": 2, "by_count": 0}
    assert _count(db, org_id) == 0
    _mark(review, org_id, item, "Havbris")
    assert _count(db, org_id) == 1


def test_a_shorter_retention_prunes_at_once(review, org_id, db):
    item = review.submit(org_id, TEXT)
    _mark(review, org_id, item, "Fjordlaks")
    _mark(review, org_id, item, "Bergfisk")
    with db.unit_of_work() as uow:
        uow.conn.execute(update(feedback_events).where(feedback_events.c.organization_id == org_id,
                                                       feedback_events.c.updated_start == 17)
                         .values(created_at=utcnow() - timedelta(days=10)))
    review.set_retention(org_id, Retention(max_events=100, max_days=5))
    assert _count(db, org_id) == 1


def test_delete_all_needs_confirmation_and_counts(review, org_id, db):
    item = review.submit(org_id, TEXT)
    _mark(review, org_id, item, "Fjordlaks")
    review.submit(org_id, TEXT)
    with pytest.raises(ValidationError, match="confirm"):
        review.delete_all(org_id, confirm=False)
    assert _count(db, org_id) == 1
    assert review.delete_all(org_id, confirm=True) == {"events_deleted": 1, "items_deleted": 2}
    assert _count(db, org_id) == 0 and review.list_items(org_id) == []


def test_bad_retention_is_refused(review, org_id):
    with pytest.raises(ValidationError, match="max_days"):
        review.set_retention(org_id, Retention(10, 0))
    assert review.retention(org_id) == Retention()
