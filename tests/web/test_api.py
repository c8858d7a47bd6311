"""The capture API end to end (TestClient), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tilbake.accounts.service import AccountService
from tilbake.capture.repository import SuggestionRepository

AI_FEEDBACK_FIELDS = {
    "suggestion_type", "original_suggestion", "user_correction", "accepted", "correction_type",
    "confidence_score", "user_rating", "feedback_notes", "context_data", "time_to_decision", "session_id",
    "template_id", "encounter_id", "model_name", "model_version",
}
SUGGESTION = {
    "suggestion_type": "soap_assessment",
    "original_suggestion": "Mekaniske nakkesmerter uten nevrologiske utfall. Ingen røde flagg.",
    "context_data": {"chief_complaint": "nakkesmerter", "patient_age": 52, "diagnosis_codes": ["L83"]},
    "confidence_score": 0.82, "model_name": "klinikk-llm", "model_version": "2025.10",
    "encounter_id": 90210, "session_id": "sess-7", "template_id": "tpl-soap",
}


def test_suggestion_then_decision(client, auth):
    r = client.post("/api/v1/suggestions", json=SUGGESTION, headers=auth)
    assert r.status_code == 201
    sid = r.json()["id"]
    decision = {"accepted": True, "user_rating": 4, "time_to_decision": 8300,
                "user_correction": "Mekaniske nakkesmerter uten nevrologiske utfall. Ingen røde flagg nå."}
    r = client.post(f"/api/v1/suggestions/{sid}/decision", json=decision, headers=auth)
    assert r.status_code == 200
    body = r.json()
    assert body["correction_type"] == "minor_edit" and body["created"] is True
    assert body["encounter_id"] == "90210"  # opaque ids are kept as strings
    assert set(AI_FEEDBACK_FIELDS) <= set(body)
    retry = client.post(f"/api/v1/suggestions/{sid}/decision", json=decision, headers=auth)
    assert retry.status_code == 200 and retry.json()["created"] is False
    clash = client.post(f"/api/v1/suggestions/{sid}/decision", json={"accepted": False}, headers=auth)
    assert clash.status_code == 409 and clash.json()["error"]["code"] == "conflict"


def test_an_ai_feedback_row_is_accepted_as_it_is(client, auth):
    row = {**SUGGESTION, "id": "7f1c", "organization_id": "their-org", "user_id": "u-1",
           "updated_at": "2025-10-01T10:00:00Z", "accepted": True, "correction_type": "modified",
           "user_correction": SUGGESTION["original_suggestion"].replace("Ingen", "Ingen kjente"),
           "feedback_notes": "ok", "user_rating": 5, "time_to_decision": 1200}
    r = client.post("/api/v1/feedback", json=row, headers=auth)
    assert r.status_code == 201
    assert r.json() == {"id": "7f1c", "correction_type": "minor_edit", "created": True}
    assert client.post("/api/v1/feedback", json=row, headers=auth).status_code == 200


def test_list_filters_and_pages(client, auth):
    for stype, accepted in [("soap_plan", True), ("red_flag", False), ("soap_plan", None)]:
        client.post("/api/v1/feedback", json={"suggestion_type": stype, "original_suggestion": "Tekst.",
                                              "accepted": accepted}, headers=auth)
    r = client.get("/api/v1/suggestions", params={"suggestion_type": "soap_plan"}, headers=auth)
    assert [i["correction_type"] for i in r.json()["items"]] == ["ignored", "accepted_as_is"]
    r = client.get("/api/v1/suggestions", params=[("decision", "rejected"), ("decision", "ignored")],
                   headers=auth)
    assert len(r.json()["items"]) == 2
    r = client.get("/api/v1/suggestions", params={"since": "2000-01-01", "until": "2000-01-02"}, headers=auth)
    assert r.json()["items"] == []
    first = client.get("/api/v1/suggestions", params={"limit": 2}, headers=auth).json()
    rest = client.get("/api/v1/suggestions", params={"limit": 2, "cursor": first["next_cursor"]},
                      headers=auth).json()
    assert len(first["items"]) == 2 and len(rest["items"]) == 1 and rest["next_cursor"] is None


def test_reports(client, auth):
    client.post("/api/v1/feedback", json={**SUGGESTION, "accepted": True, "user_rating": 5}, headers=auth)
    client.post("/api/v1/suggestions", json=SUGGESTION, headers=auth)
    stats = client.get("/api/v1/training/export/stats", headers=auth).json()
    assert stats == {"pending_total": 1, "groups": [{
        "suggestion_type": "soap_assessment", "correction_type": "accepted_as_is", "count": 1,
        "avg_confidence": pytest.approx(0.82), "avg_rating": pytest.approx(5.0)}]}
    days = client.get("/api/v1/metrics/daily", headers=auth).json()["days"]
    assert len(days) == 1 and days[0]["total"] == 2 and days[0]["counts"]["pending"] == 1
    assert days[0]["acceptance_rate"] == 1.0


def test_another_organizations_rows_answer_404(client, auth, db, org):
    sid = client.post("/api/v1/suggestions", json=SUGGESTION, headers=auth).json()["id"]
    _other, token = AccountService(db).create_org(org[0]["name"] + "-other")
    theirs = {"Authorization": f"Bearer {token}"}
    for method, path, body in [("get", f"/api/v1/suggestions/{sid}", None),
                               ("post", f"/api/v1/suggestions/{sid}/decision", {"accepted": True})]:
        r = client.request(method, path, json=body, headers=theirs)
        assert r.status_code == 404
        assert SUGGESTION["original_suggestion"] not in r.text
    assert client.get("/api/v1/suggestions", headers=theirs).json()["items"] == []


def test_revoked_token_answers_401_on_every_path(client, auth, db, org):
    sid = client.post("/api/v1/suggestions", json=SUGGESTION, headers=auth).json()["id"]
    AccountService(db).revoke_token(org[0]["name"], _token_id(db, org))
    for method, path, body in [
        ("get", "/api/v1/suggestions", None),
        ("post", "/api/v1/suggestions", SUGGESTION),
        ("post", "/api/v1/feedback", {**SUGGESTION, "accepted": True}),
        ("post", f"/api/v1/suggestions/{sid}/decision", {"accepted": True}),
        ("post", "/api/v1/feedback/batch", {"items": [SUGGESTION]}),
    ]:
        r = client.request(method, path, json=body, headers=auth)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", path
        assert r.headers["www-authenticate"] == "Bearer"
    with db.unit_of_work(write=False) as uow:  # nothing was written with the revoked token
        assert uow.repo(SuggestionRepository).count(org[0]["id"]) == 1


def _token_id(db, org):
    from tilbake.accounts.service import AccountService

    return AccountService(db).list_tokens(org[0]["name"])[0]["id"]


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/suggestions", "/api/v1/suggestions/{suggestion_id}/decision", "/api/v1/feedback",
            "/api/v1/training/export/stats", "/api/v1/metrics/daily"} <= set(spec["paths"])
    fields = set(spec["components"]["schemas"]["FeedbackIn"]["properties"])
    assert fields >= AI_FEEDBACK_FIELDS
    assert client.get("/docs").status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"


def test_suggestion_types_endpoint(client, auth):
    names = [t["name"] for t in client.get("/api/v1/suggestion-types", headers=auth).json()["types"]]
    assert "soap_plan" in names and "journal_organization" in names


def _item(i, **kw):
    return {"id": f"b-{i}", "suggestion_type": "spell_check", "original_suggestion": f"Pasineten {i}.",
            "user_correction": f"Pasienten {i}.", "accepted": True, **kw}


def test_feedback_batch_stores_all_and_retries_idempotently(client, auth):
    body = {"items": [_item(i) for i in range(3)]}
    r = client.post("/api/v1/feedback/batch", json=body, headers=auth)
    assert r.status_code == 200
    got = [(i["id"], i["created"]) for i in r.json()["items"]]
    assert got == [("b-0", True), ("b-1", True), ("b-2", True)]
    again = client.post("/api/v1/feedback/batch", json=body, headers=auth).json()["items"]
    assert [i["created"] for i in again] == [False, False, False]
    assert len(client.get("/api/v1/suggestions", headers=auth).json()["items"]) == 3


@pytest.mark.parametrize(
    ("items", "status", "field"),
    [
        ([_item(0), _item(1, user_rating=9)], 422, "items.1.user_rating"),
        ([_item(0), _item(1, suggestion_type="nope")], 422, "suggestion_type"),
        ([_item(0), _item(0, accepted=False)], 422, "items"),  # the same id twice
        ([], 422, "items"),
        ([_item(0), _item(7, id="stored", accepted=False)], 409, None),  # clashes with a stored record
    ],
)
def test_feedback_batch_is_all_or_nothing(client, auth, items, status, field):
    client.post("/api/v1/feedback", json=_item(7, id="stored"), headers=auth)
    r = client.post("/api/v1/feedback/batch", json={"items": items}, headers=auth)
    assert r.status_code == status
    assert r.json()["error"].get("field") == field
    assert [i["id"] for i in client.get("/api/v1/suggestions", headers=auth).json()["items"]] == ["stored"]


def test_cursors_are_opaque_and_good_only_in_their_organization(client, auth, db):
    import uuid

    from tilbake.accounts.service import AccountService

    for i in range(3):
        client.post("/api/v1/suggestions", headers=auth,
                    json={"suggestion_type": "soap_plan", "original_suggestion": f"T {i}"})
    first = client.get("/api/v1/suggestions", params={"limit": 1}, headers=auth).json()
    cursor = first["next_cursor"]
    assert cursor and not cursor.isdigit()
    with db.unit_of_work() as uow:
        ids = [str(r[0]) for r in uow.conn.exec_driver_sql("SELECT id FROM suggestions").fetchall()]
    assert cursor not in ids
    other = AccountService(db).create_org(f"annen-{uuid.uuid4().hex[:8]}")[1]
    r = client.get("/api/v1/suggestions", params={"cursor": cursor},
                   headers={"Authorization": f"Bearer {other}"})
    assert r.status_code == 422 and r.json()["error"]["field"] == "cursor"
    for forged in (ids[0], cursor[:-2] + ("AA" if cursor[-2:] != "AA" else "BB")):
        r = client.get("/api/v1/suggestions", params={"cursor": forged}, headers=auth)
        assert r.status_code == 422 and r.json()["error"]["field"] == "cursor"


@pytest.mark.parametrize("value", ["15108637274", "1700000000", 1700000000, "1.5e9"])
def test_numbers_are_no_timestamps(client, auth, value):
    body = {"suggestion_type": "soap_plan", "original_suggestion": "T", "created_at": value}
    r = client.post("/api/v1/suggestions", json=body, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["field"] == "created_at", r.text
    r = client.get("/api/v1/suggestions", params={"since": str(value)}, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["field"] == "since"
    assert client.get("/api/v1/suggestions", params={"since": "2026-01-01"}, headers=auth).status_code == 200


def test_failed_authentication_is_logged_without_the_token_and_limited(client, caplog):
    import logging

    caplog.set_level(logging.INFO, logger="tilbake.web")
    wrong = "tlb_" + "w" * 30
    statuses = [client.get("/api/v1/suggestions", headers={"Authorization": f"Bearer {wrong}{i:03d}"})
                .status_code for i in range(40)]
    assert statuses[0] == 401 and statuses[-1] == 429
    assert "failed authentication" in caplog.text and "w" * 30 not in caplog.text
    r = client.get("/api/v1/suggestions", headers={"Authorization": f"Bearer {wrong}"})
    assert r.status_code == 429 and r.json()["error"]["code"] == "too_many_requests"
    assert "Retry-After" in r.headers
