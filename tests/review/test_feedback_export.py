"""Maintainer exports in both modes; no socket is opened by logging, aggregation or export."""

from __future__ import annotations

import json
import logging
import socket

from tilbake.review.corrections import Request

NOTE = "Hun er sjåfør i firmaet Fjordlaks. Kari Hansen ringte. Fortsetter med Hvite Boka hjemme."


def _corrected(review, org_id):
    item = review.submit(org_id, NOTE)
    start = NOTE.index("Fjordlaks")
    review.correct(org_id, item["id"], Request("mark_as_pii", start, start + 9, "ORG"))
    start = NOTE.index("Hvite Boka")
    review.correct(org_id, item["id"], Request("mark_as_not_pii", start, start + 10))
    start = NOTE.index("Kari Hansen")
    review.correct(org_id, item["id"], Request("change_entity_type", start, start + 11, "ORG"))


def test_both_modes_write_both_files(review, org_id, tmp_path):
    _corrected(review, org_id)
    for mode in ("anonymised", "raw"):
        written = review.export_feedback(org_id, tmp_path / mode, mode)
        assert written["events"] == 3
        summary = json.loads((tmp_path / mode / "feedback-summary.json").read_text())
        events = [json.loads(line) for line in (tmp_path / mode / "feedback-events.jsonl").open()]
        assert summary["mode"] == mode and len(events) == 3
    raw = (tmp_path / "raw" / "feedback-events.jsonl").read_text()
    assert "Hvite Boka" in raw and "i firmaet" in raw  # not-PII text and context, for internal training
    assert "Fjordlaks" not in raw and "Kari" not in raw  # never stored at all


def test_anonymised_holds_no_entity_text_and_no_context(review, org_id, tmp_path):
    _corrected(review, org_id)
    review.export_feedback(org_id, tmp_path, "anonymised")
    both = (tmp_path / "feedback-summary.json").read_text() + (tmp_path / "feedback-events.jsonl").read_text()
    for word in ("Fjordlaks", "Kari", "Hansen", "Hvite", "Boka", "firmaet", "sjåfør", "ringte"):
        assert word.lower() not in both.lower()
    events = [json.loads(line) for line in (tmp_path / "feedback-events.jsonl").open()]
    assert all("context" not in e and "cue" not in e and "entity_text" not in e for e in events)
    assert {e["entity_shape"] for e in events} == {"Xxxxxxxxx", "Xxxxx Xxxx", "Xxxx Xxxxxx"}
    summary = json.loads((tmp_path / "feedback-summary.json").read_text())
    assert summary["false_positives"][0]["entity"] and "text" not in summary["false_positives"][0]


def test_no_socket_is_opened_by_logging_review_aggregation_or_export(sqlite_database, tmp_path, monkeypatch):
    """On SQLite (PostgreSQL is itself reached over a socket): a guard on connect, not a mock."""
    from functools import partial

    from tilbake.accounts.service import AccountService
    from tilbake.review.service import ReviewService
    from tilbake.wiring import rules_engine

    org_id = AccountService(sqlite_database).create_org(f"nett-{tmp_path.name}")[0]["id"]
    review = ReviewService(sqlite_database, b"k" * 32, partial(rules_engine, model=False))
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    logging.getLogger("tilbake").warning("review test: logging works without a network")
    _corrected(review, org_id)
    review.summary(org_id)
    review.acceptance(org_id)
    review.prune(org_id)
    review.export_feedback(org_id, tmp_path / "a", "anonymised")
    review.export_feedback(org_id, tmp_path / "r", "raw")
    review.delete_all(org_id, confirm=True)
    assert attempts == []
