"""Closing the loop with rules: proposals, replay, apply, history, rollback, and the end-to-end gain."""

from __future__ import annotations

import pytest
from loop_notes import note

from tilbake.deid.spans import Label
from tilbake.errors import ConflictError, NotFoundError
from tilbake.review.corrections import Entity, Request
from tilbake.review.proposals import Reviewed, score
from tilbake.wiring import rules_engine


def _review_like_a_reviewer(review, org_id, text, gold):
    """Correct the engine's output to the gold spans, as a careful reviewer would, and complete."""
    item = review.submit(org_id, text)
    for e in item["entities"]:
        if not any(e["start"] < end and start < e["end"] for start, end, _ in gold):
            review.correct(org_id, item["id"], Request("mark_as_not_pii", e["start"], e["end"]))
    for start, end, label in gold:
        found = review.get(org_id, item["id"])["entities"]
        if not any(e["label"] == label and e["start"] < end and start < e["end"] for e in found):
            review.correct(org_id, item["id"], Request("mark_as_pii", start, end, label))
    return review.complete(org_id, item["id"])


def _score(rules, notes):
    docs = [Reviewed(text, tuple(Entity(s, e, Label(lab)) for s, e, lab in gold)) for text, gold in notes]
    return score(rules_engine(rules, model=False), docs)


def _totals(figures):
    tp = sum(f["tp"] for f in figures.values())
    fp = sum(f["fp"] for f in figures.values())
    fn = sum(f["fn"] for f in figures.values())
    return tp / (tp + fn), tp / (tp + fp)


def test_end_to_end_recall_rises_on_unseen_notes_and_precision_does_not_fall(review, rules_service, org_id):
    from tilbake.deid.detect.rules import Rules

    notes = [note(i) for i in range(24)]
    reviewed, rest = notes[:12], notes[12:]
    for text, gold in reviewed:
        _review_like_a_reviewer(review, org_id, text, gold)
    shown = rules_service.propose(org_id)
    kinds = {(p["kind"], tuple(sorted(p["entry"].items()))) for p in shown["proposals"]}
    assert ("allow", (("text", "Hvite Boka"),)) in kinds
    assert ("context", (("label", "ORG"), ("words", "i firmaet"))) in kinds
    assert shown["reviewed_documents"] == 12
    context = next(p for p in shown["proposals"] if p["kind"] == "context")
    recall_before, recall_after = context["replay"]["per_label"]["ORG"]["recall"]
    assert recall_after > recall_before
    assert context["applied_by_default"]

    before = _score(Rules(), rest)
    applied = rules_service.apply(org_id)
    assert applied["version"] == "org-v1" and applied["allow"] == ["hvite boka"]
    after = _score(Rules.from_dict(applied), rest)
    (recall_before, precision_before), (recall_after, precision_after) = _totals(before), _totals(after)
    assert (recall_before, precision_before) < (1, 1)  # the blind spot and the false positive are real
    assert after["ORG"]["recall"] > before["ORG"]["recall"]
    assert recall_after > recall_before and precision_after >= precision_before

    # the engine uses the organization's rules at once
    item = review.submit(org_id, rest[0][0])
    assert item["rules_version"] == "org-v1"
    employer = rest[0][0][rest[0][1][0][0]:rest[0][1][0][1]] if rest[0][1][0][2] == "ORG" else None
    found = {e["text"] for e in item["entities"]}
    assert "Hvite Boka" not in found and (employer is None or employer in found)


def test_a_proposal_that_lowers_recall_is_marked_and_not_applied(review, rules_service, org_id):
    text = "Han bor sammen med Tassen."
    start = text.index("Tassen")
    for _ in range(2):  # a dog, twice
        item = review.submit(org_id, text)
        review.correct(org_id, item["id"], Request("mark_as_not_pii", start, start + 6))
        review.complete(org_id, item["id"])
    item = review.submit(org_id, text)  # a person's nickname, here: left as PERSON
    review.complete(org_id, item["id"])
    [allow] = [p for p in rules_service.propose(org_id)["proposals"] if p["kind"] == "allow"]
    assert allow["replay"]["lowers_recall"] == ["PERSON"] and not allow["applied_by_default"]
    with pytest.raises(ConflictError, match="no proposal"):
        rules_service.apply(org_id)
    with pytest.raises(ConflictError, match="lowers recall"):
        rules_service.apply(org_id, [allow["id"]])
    applied = rules_service.apply(org_id, [allow["id"]], include_recall_lowering=True)
    assert applied["allow"] == ["tassen"]


def test_history_and_rollback(review, rules_service, org_id):
    with pytest.raises(ConflictError):
        rules_service.rollback(org_id)
    for text, gold in (note(i) for i in range(6)):
        _review_like_a_reviewer(review, org_id, text, gold)
    first = rules_service.apply(org_id)
    assert first["version"] == "org-v1" and first["context"]
    rolled = rules_service.rollback(org_id)
    assert rolled["version"] == "org-v2" and rolled["allow"] == [] and rolled["context"] == []
    assert review.submit(org_id, note(0)[0])["rules_version"] == "org-v2"
    again = rules_service.rollback(org_id, 1)
    assert again["version"] == "org-v3" and again["context"] == first["context"]
    history = rules_service.history(org_id)
    assert [h["version"] for h in history] == ["org-v3", "org-v2", "org-v1"]
    assert history[0]["note"] == "rollback to org-v1"
    with pytest.raises(NotFoundError):
        rules_service.rollback(org_id, 9)
    with pytest.raises(NotFoundError):
        rules_service.apply(org_id, ["nope"])
