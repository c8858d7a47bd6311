"""The summary groups repeated corrections (their contexts differ) and orders them stably."""

from __future__ import annotations

from tilbake.review.corrections import Request

NOTES = [
    "Hun er sjåfør i firmaet Fjordlaks. Fortsetter med Hvite Boka hjemme.",
    "Lagerarbeider i firmaet Bergfisk, sykmeldt. Fortsetter med Hvite Boka hjemme.",
    "Ansatt i firmaet Havbris siden 2019. Kari Hansen ringte. Fortsetter med Hvite Boka hjemme.",
]


def _at(text, word):
    start = text.index(word)
    return start, start + len(word)


def _review_all(review, org_id):
    for note, employer in zip(NOTES, ("Fjordlaks", "Bergfisk", "Havbris"), strict=True):
        item = review.submit(org_id, note)
        start, end = _at(note, employer)
        review.correct(org_id, item["id"], Request("mark_as_pii", start, end, "ORG"))
        start, end = _at(note, "Hvite Boka")
        review.correct(org_id, item["id"], Request("mark_as_not_pii", start, end))
        review.complete(org_id, item["id"])


def test_repeated_corrections_group_with_rising_counts(review, org_id):
    _review_all(review, org_id)
    s = review.summary(org_id)
    assert s["events"] == 6
    assert s["false_positives"] == [{"text": "Hvite Boka", "type": "PERSON", "language": "nb",
                                     "document_type": "note", "count": 3}]
    assert s["missed_patterns"] == [{"shape": "Xx", "type": "ORG", "context_words": "i firmaet", "count": 3}]
    assert len(s["missed_entities"]) == 3 and all(m["count"] == 1 for m in s["missed_entities"])
    item = review.submit(org_id, "Sjåfør i firmaet Fjordlaks igjen.")
    start, end = _at(item["text"], "Fjordlaks")
    review.correct(org_id, item["id"], Request("mark_as_pii", start, end, "ORG"))
    s = review.summary(org_id)
    assert s["missed_patterns"][0]["count"] == 4
    assert s["missed_entities"][0]["count"] == 2  # the same employer twice, by its keyed id


def test_ordering_is_stable_and_top_limits(review, org_id):
    _review_all(review, org_id)
    item = review.submit(org_id, "Kari Hansen og Ola Nordmann.")
    for word in ("Kari Hansen", "Ola Nordmann"):
        start, end = _at(item["text"], word)
        review.correct(org_id, item["id"], Request("change_entity_type", start, end, "ORG"))
    first = review.summary(org_id)
    assert first == review.summary(org_id)
    assert first["retyped"] == [{"from": "PERSON", "to": "ORG", "count": 2}]
    counts = [g["count"] for g in first["missed_patterns"]]
    assert counts == sorted(counts, reverse=True)
    assert len(review.summary(org_id, top=1)["missed_entities"]) == 1


def test_acceptance_by_type_over_time(review, org_id):
    _review_all(review, org_id)
    rows = review.acceptance(org_id)
    person = [r for r in rows if r["type"] == "PERSON"]
    assert len(person) == 1 and person[0]["week"].count("-W") == 1
    # three "Hvite Boka" PERSON false positives and one real name: 1 of 4 accepted
    assert (person[0]["accepted"], person[0]["detected"], person[0]["rate"]) == (1, 4, 0.25)


def test_false_positives_group_case_blind(db, org_id):
    from datetime import UTC, datetime

    from tilbake.review.aggregate import summarize
    from tilbake.review.repository import FeedbackRepository

    def event(i, text):
        return {"id": f"e{org_id}x{i}", "created_at": datetime.now(UTC), "source": "submitted",
                "item_id": None, "group_no": 1, "doc_hash": "d", "document_type": "note", "language": "nb",
                "action": "mark_as_not_pii", "original_label": "PERSON", "original_start": 0,
                "original_end": len(text), "original_confidence": 0.6, "updated_label": None,
                "updated_start": None, "updated_end": None, "updated_confidence": None,
                "entity_hash": "h", "entity_shape": "X", "entity_pattern": "X", "entity_length": len(text),
                "entity_text": text, "context": f"[{i}]", "cue": ""}

    with db.unit_of_work() as uow:
        uow.repo(FeedbackRepository).add([event(0, "Hvite Boka"), event(1, "HVITE BOKA"),
                                          event(2, "hvite boka")], org_id)
        groups = summarize(uow, org_id)["false_positives"]
    assert [(g["text"].lower(), g["count"]) for g in groups] == [("hvite boka", 3)]
