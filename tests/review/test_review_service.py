"""The review service on SQLite and PostgreSQL: items, corrections, "all like this", undo, events."""

from __future__ import annotations

import pytest

from tilbake.errors import NotFoundError, ValidationError
from tilbake.review.corrections import Request
from tilbake.review.repository import FeedbackRepository

NOTE = ("Hun er sjåfør i firmaet Fjordlaks og har ryggsmerter. Kari Hansen ringte. Hansens mor og "
        "Hansen-familien kom. Gjør øvelser fra Hvite Boka.")


def _events(db, org_id):
    with db.unit_of_work(write=False) as uow:
        return uow.repo(FeedbackRepository).events(org_id)


def _at(item, word):
    start = item["text"].index(word)
    return start, start + len(word)


def test_submitted_item_has_entities_explanations_and_a_rendering(review, org_id):
    item = review.submit(org_id, NOTE)
    texts = {e["text"]: e["label"] for e in item["entities"]}
    assert texts["Kari Hansen"] == "PERSON"
    assert "Fjordlaks" not in texts  # the blind spot this test relies on
    kept = [x for x in item["explanations"] if x["decision"] == "kept"]
    assert kept and all({"source", "pattern", "cues", "score"} <= set(x) for x in kept)
    assert "Kari Hansen" not in item["anonymized"] and "[NAVN]" in item["anonymized"]
    assert item["status"] == "open" and item["rules_version"] == "builtin"


def test_false_positive_logs_mark_as_not_pii_with_its_text(review, org_id, db):
    item = review.submit(org_id, NOTE)
    start, end = _at(item, "Hvite Boka")
    item = review.correct(org_id, item["id"], Request("mark_as_not_pii", start, end))
    assert "Hvite Boka" in item["anonymized"]
    [event] = _events(db, org_id)
    assert event["action"] == "mark_as_not_pii"
    assert event["entity_text"] == "Hvite Boka"
    assert (event["original_label"], event["original_start"], event["original_end"]) == ("PERSON", start, end)
    assert event["updated_label"] is None
    assert "Kari Hansen" not in event["context"] and "Hvite Boka" in event["context"]


def test_missed_entity_logs_mark_as_pii_without_raw_text(review, org_id, db):
    item = review.submit(org_id, NOTE)
    start, end = _at(item, "Fjordlaks")
    item = review.correct(org_id, item["id"], Request("mark_as_pii", start, end, "ORG"))
    assert "Fjordlaks" not in item["anonymized"]
    [event] = _events(db, org_id)
    assert event["action"] == "mark_as_pii" and event["original_label"] is None
    assert (event["updated_label"], event["updated_start"], event["updated_end"]) == ("ORG", start, end)
    assert event["updated_confidence"] == 1.0
    assert event["entity_shape"] == "Xxxxxxxxx" and event["entity_pattern"] == "Xx"
    assert event["entity_length"] == 9 and len(event["entity_hash"]) == 64
    assert event["entity_text"] is None and event["cue"] == "i firmaet"
    assert "Fjordlaks" not in str(event) and "Kari" not in event["context"]
    assert len(event["context"]) <= 200 and "[ORG]" in event["context"]


def test_change_type_and_adjust_confidence(review, org_id, db):
    item = review.submit(org_id, NOTE)
    start, end = _at(item, "Kari Hansen")
    item = review.correct(org_id, item["id"], Request("change_entity_type", start, end, "ORG"))
    assert {(e["text"], e["label"]) for e in item["entities"]} >= {("Kari Hansen", "ORG")}
    item = review.correct(org_id, item["id"], Request("adjust_confidence", start, end, confidence=0.3))
    assert "Kari Hansen" in item["anonymized"]  # below the threshold: not rewritten
    actions = [(e["action"], e["original_label"], e["updated_label"], e["updated_confidence"])
               for e in _events(db, org_id)]
    assert actions == [("change_entity_type", "PERSON", "ORG", 0.85),
                       ("adjust_confidence", "ORG", "ORG", 0.3)]


def test_all_like_this_covers_genitive_case_and_hyphenated_forms(review, org_id, db):
    text = "Fjordlaks ringte. FJORDLAKS sin lege og Fjordlaks' sjef. Fjordlaks-ansatte. Fjordlakser."
    item = review.submit(org_id, text)
    item = review.correct(org_id, item["id"], Request("mark_as_pii", 0, 9, "ORG", all_like_this=True))
    marked = [e["text"] for e in item["entities"] if e["label"] == "ORG"]
    assert marked == ["Fjordlaks", "FJORDLAKS", "Fjordlaks'", "Fjordlaks"]
    assert item["anonymized"].endswith("[ORGANISASJON]-ansatte. Fjordlakser.")
    assert len(_events(db, org_id)) == 4
    start, end = _at(item, "FJORDLAKS")
    item = review.correct(org_id, item["id"], Request("mark_as_not_pii", start, end, all_like_this=True))
    assert item["entities"] == []


def test_undo_removes_the_last_request_and_its_events(review, org_id, db):
    item = review.submit(org_id, NOTE)
    start, end = _at(item, "Fjordlaks")
    review.correct(org_id, item["id"], Request("mark_as_pii", start, end, "ORG"))
    start, end = _at(item, "Hvite Boka")
    review.correct(org_id, item["id"], Request("mark_as_not_pii", start, end))
    item = review.undo(org_id, item["id"])
    assert "Hvite Boka" not in item["anonymized"] and "Fjordlaks" not in item["anonymized"]
    assert [e["action"] for e in _events(db, org_id)] == ["mark_as_pii"]
    item = review.undo(org_id, item["id"])
    assert "Fjordlaks" in item["anonymized"] and _events(db, org_id) == []
    with pytest.raises(ValidationError):
        review.undo(org_id, item["id"])


def test_bad_requests_name_the_problem_and_store_nothing(review, org_id, db):
    item = review.submit(org_id, NOTE)
    with pytest.raises(ValidationError, match="label must be one of"):
        review.correct(org_id, item["id"], Request("mark_as_pii", 0, 3, "NAME"))
    with pytest.raises(ValidationError, match="start and end"):
        review.correct(org_id, item["id"], Request("mark_as_pii", 5, 5000, "ORG"))
    with pytest.raises(ValidationError, match="action must be"):
        review.correct(org_id, item["id"], Request("delete", 0, 3))
    with pytest.raises(NotFoundError, match="no entity"):
        review.correct(org_id, item["id"], Request("mark_as_not_pii", 0, 3))
    with pytest.raises(NotFoundError):
        review.get(org_id, "nope")
    with pytest.raises(ValidationError):
        review.submit(org_id, "   ")
    assert _events(db, org_id) == [] and review.get(org_id, item["id"])["corrections"] == []


def test_items_of_another_organization_are_not_found(review, org_id, db):
    from tilbake.accounts.service import AccountService

    other = AccountService(db).create_org(f"annen-{org_id}")[0]["id"]
    item = review.submit(org_id, NOTE)
    with pytest.raises(NotFoundError):
        review.get(other, item["id"])
    assert review.list_items(other) == []


def test_events_survive_a_restart(review, org_id, db):
    from tilbake.store import open_database

    item = review.submit(org_id, NOTE)
    start, end = _at(item, "Fjordlaks")
    review.correct(org_id, item["id"], Request("mark_as_pii", start, end, "ORG"))
    again = open_database(db.engine.url.render_as_string(hide_password=False))
    try:
        assert [e["action"] for e in _events(again, org_id)] == ["mark_as_pii"]
    finally:
        again.dispose()


def test_complete_records_acceptance_per_label(review, org_id):
    item = review.submit(org_id, NOTE)
    start, end = _at(item, "Hvite Boka")
    review.correct(org_id, item["id"], Request("mark_as_not_pii", start, end))
    done = review.complete(org_id, item["id"])
    assert done["status"] == "reviewed" and done["reviewed_at"] is not None
    assert [i["id"] for i in review.list_items(org_id, "reviewed")] == [item["id"]]
