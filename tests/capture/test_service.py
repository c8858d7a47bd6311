"""The capture service on both databases: registry, idempotency, conflicts, isolation, reports."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from client_types import CLIENT_TYPES
from tilbake.accounts.service import AccountService, Principal
from tilbake.capture.repository import SuggestionFilter
from tilbake.capture.schemas import DecisionIn, FeedbackIn, SuggestionIn
from tilbake.capture.service import ApiToken, CaptureService
from tilbake.capture.types import DEFAULT_TYPES, add_type, list_types
from tilbake.errors import AuthError, ConflictError, NotFoundError, ValidationError

DAY = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def svc(db):
    return CaptureService(db, max_text_chars=200)


@pytest.fixture
def who(org):
    return ApiToken(org[1])


PLAN = "Tøyningsøvelser for nakke og skuldre daglig i to uker, kontroll om tre uker."
PLAN_EDITED = "Tøyningsøvelser for nakke og skuldre daglig i tre uker, kontroll om tre uker."  # 1 of 15


def _s(**kw):
    return SuggestionIn(**{"suggestion_type": "soap_plan", "original_suggestion": PLAN, **kw})


def test_defaults_cover_both_vocabularies():
    assert set(DEFAULT_TYPES) >= CLIENT_TYPES


def test_unknown_type_names_known_ones_and_an_added_type_works(svc, who, db, org):
    with pytest.raises(ValidationError, match="known types: .*soap_plan") as info:
        svc.log_suggestion(who, _s(suggestion_type="x_ray_report"))
    assert info.value.field == "suggestion_type"
    with db.unit_of_work() as uow:
        add_type(uow, org[0]["id"], "x_ray_report", "radiology summary")
        with pytest.raises(ConflictError):
            add_type(uow, org[0]["id"], "x_ray_report")
        with pytest.raises(ValidationError):
            add_type(uow, org[0]["id"], "Bad Name")
        assert {"name": "x_ray_report", "description": "radiology summary", "default": False} in list_types(
            uow, org[0]["id"])
    assert svc.log_suggestion(who, _s(suggestion_type="x_ray_report"))["created"]
    other = ApiToken(AccountService(db).create_org(f"other-{uuid.uuid4().hex[:8]}")[1])
    with pytest.raises(ValidationError):  # registries are per organization
        svc.log_suggestion(other, _s(suggestion_type="x_ray_report"))


def test_client_id_makes_suggestion_retries_idempotent(svc, who):
    first = svc.log_suggestion(who, _s(id="af-1"))
    again = svc.log_suggestion(who, _s(id="af-1"))
    assert (first, again) == ({"id": "af-1", "created": True}, {"id": "af-1", "created": False})
    with pytest.raises(ConflictError, match="original_suggestion"):
        svc.log_suggestion(who, _s(id="af-1", original_suggestion="Noe annet."))


def test_decision_retry_is_idempotent_and_a_different_one_conflicts(svc, who):
    sid = svc.log_suggestion(who, _s())["id"]
    decision = DecisionIn(accepted=True, user_correction=PLAN_EDITED, user_rating=4)
    first = svc.decide(who, sid, decision)
    assert first["created"] and first["correction_type"] == "minor_edit"
    again = svc.decide(who, sid, decision)
    assert not again["created"] and again["decided_at"] == first["decided_at"]
    with pytest.raises(ConflictError, match="different decision"):
        svc.decide(who, sid, DecisionIn(accepted=False))
    assert svc.get_suggestion(who, sid)["correction_type"] == "minor_edit"


def test_other_organizations_rows_are_not_found(svc, who, db):
    sid = svc.log_suggestion(who, _s())["id"]
    stranger = ApiToken(AccountService(db).create_org(f"stranger-{uuid.uuid4().hex[:8]}")[1])
    with pytest.raises(NotFoundError):
        svc.decide(stranger, sid, DecisionIn(accepted=True))
    with pytest.raises(NotFoundError):
        svc.get_suggestion(stranger, sid)
    assert svc.list_suggestions(stranger, SuggestionFilter())["items"] == []
    assert svc.get_suggestion(who, sid)["decided_at"] is None  # untouched


@pytest.mark.parametrize("token", [None, "", "Bearer", "tlb_not-a-real-token", "x" * 500])
def test_bad_tokens_are_refused(svc, token):
    with pytest.raises(AuthError):
        svc.log_suggestion(ApiToken(token), _s())


@pytest.mark.parametrize("field", ["original_suggestion", "user_correction", "feedback_notes"])
def test_texts_over_the_limit_are_refused_and_nothing_is_written(svc, who, field):
    record = {"suggestion_type": "soap_plan", "original_suggestion": "ok", "id": f"big-{field}",
              field: "ø" * 201}
    with pytest.raises(ValidationError, match="limit is 200") as info:
        svc.feedback(who, FeedbackIn(**record))
    assert info.value.field == field
    with pytest.raises(NotFoundError):
        svc.get_suggestion(who, f"big-{field}")


def test_feedback_in_one_call_and_its_retry(svc, who):
    record = FeedbackIn(id="fb-1", suggestion_type="red_flag", original_suggestion="Cauda equina?",
                        accepted=False, user_rating=2, time_to_decision=5400, confidence_score=0.4)
    assert svc.feedback(who, record) == {"id": "fb-1", "correction_type": "rejected", "created": True}
    assert svc.feedback(who, record)["created"] is False
    with pytest.raises(ConflictError):
        svc.feedback(who, record.model_copy(update={"user_rating": 5}))


def test_listing_pages_with_a_cursor(svc, who):
    ids = [svc.log_suggestion(who, _s())["id"] for _ in range(5)]
    seen, cursor = [], None
    while True:
        page = svc.list_suggestions(who, SuggestionFilter(), limit=2, cursor=cursor)
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids[::-1]
    with pytest.raises(ValidationError):
        svc.list_suggestions(who, SuggestionFilter(), cursor="abc")


def test_export_stats_and_daily_metrics(svc, who):
    rows = [("soap_plan", True, None, 0.9, 5, 1000), ("soap_plan", True, PLAN_EDITED, 0.7, 4, 3000),
            ("soap_plan", False, None, 0.2, 1, 2000), ("red_flag", None, None, 0.5, None, None)]
    for stype, accepted, correction, conf, rating, ttd in rows:
        svc.feedback(who, FeedbackIn(suggestion_type=stype, original_suggestion=PLAN,
                                     accepted=accepted, user_correction=correction, confidence_score=conf,
                                     user_rating=rating, time_to_decision=ttd, created_at=DAY))
    svc.log_suggestion(who, _s(created_at=DAY))  # undecided: counted as pending, never exported
    stats = svc.export_stats(who)
    assert stats["pending_total"] == 4
    groups = {(g["suggestion_type"], g["correction_type"]): g for g in stats["groups"]}
    assert set(groups) == {("soap_plan", "accepted_as_is"), ("soap_plan", "minor_edit"),
                           ("soap_plan", "rejected"), ("red_flag", "ignored")}
    assert groups[("soap_plan", "rejected")]["avg_confidence"] == pytest.approx(0.2)
    days = svc.daily_metrics(who, SuggestionFilter())["days"]
    plan = next(d for d in days if d["suggestion_type"] == "soap_plan")
    assert plan["day"] == "2026-04-01"
    assert (plan["total"], plan["decided"], plan["counts"]["pending"]) == (4, 3, 1)
    assert plan["acceptance_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert plan["modification_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert plan["avg_rating"] == pytest.approx(10 / 3, abs=1e-4)
    assert plan["avg_time_to_decision_ms"] == pytest.approx(2000)
    flag = next(d for d in days if d["suggestion_type"] == "red_flag")
    assert flag["acceptance_rate"] == 0 and flag["avg_rating"] is None


def test_principal_skips_the_token_lookup(svc, org):
    who = Principal(org_id=org[0]["id"], org_name=org[0]["name"], token_id=0)
    assert svc.log_suggestion(who, _s())["created"]
