"""The feedback panel's camelCase route: the same validation, errors and idempotency as /feedback."""

from __future__ import annotations

import pytest

PATH = "/api/v1/compat/chiroclick/feedback"
PANEL = {  # as the panel posts it
    "suggestionId": "sugg-4711",
    "suggestionType": "soap_assessment",
    "originalSuggestion": "Mekaniske nakkesmerter uten nevrologiske utfall. Ingen røde flagg.",
    "userCorrection": "Mekaniske nakkesmerter uten nevrologiske utfall. Ingen kjente røde flagg.",
    "accepted": True,
    "correctionType": "modified",
    "confidenceScore": 0.82,
    "feedbackNotes": "godt forslag",
    "userRating": 4,
    "timeToDecision": 8300,
    "contextData": {"chief_complaint": "nakkesmerter", "patient_age": 52, "diagnosis_codes": ["L83"]},
}
SNAKE = {  # /api/v1/feedback's name -> the panel's
    "id": "suggestionId", "suggestion_type": "suggestionType", "original_suggestion": "originalSuggestion",
    "user_correction": "userCorrection", "accepted": "accepted", "correction_type": "correctionType",
    "confidence_score": "confidenceScore", "feedback_notes": "feedbackNotes", "user_rating": "userRating",
    "time_to_decision": "timeToDecision", "context_data": "contextData",
}


def test_the_panels_payload_is_stored_as_a_feedback_record(client, auth):
    r = client.post(PATH, json=PANEL, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json() == {"id": "sugg-4711", "correction_type": "minor_edit", "created": True}
    stored = client.get("/api/v1/suggestions/sugg-4711", headers=auth).json()
    for snake, camel in SNAKE.items():
        if camel != "correctionType":
            assert stored[snake] == PANEL[camel], snake
    assert stored["correction_type"] == "minor_edit"  # the legacy 'modified', as /feedback maps it


def test_a_replay_is_idempotent_and_a_different_record_conflicts(client, auth):
    assert client.post(PATH, json=PANEL, headers=auth).status_code == 201
    replay = client.post(PATH, json=PANEL, headers=auth)
    assert replay.status_code == 200 and replay.json()["created"] is False
    clash = client.post(PATH, json={**PANEL, "userCorrection": "Noe annet.", "userRating": 2}, headers=auth)
    assert clash.status_code == 409 and clash.json()["error"]["code"] == "conflict"
    assert "userCorrection" in clash.json()["error"]["message"]
    assert "user_correction" not in clash.json()["error"]["message"]


def test_one_record_whichever_route_it_came_by(client, auth):
    snake = {s: PANEL[c] for s, c in SNAKE.items()}
    assert client.post("/api/v1/feedback", json=snake, headers=auth).status_code == 201
    again = client.post(PATH, json=PANEL, headers=auth)
    assert again.status_code == 200 and again.json()["created"] is False
    assert len(client.get("/api/v1/suggestions", headers=auth).json()["items"]) == 1


@pytest.mark.parametrize(("change", "field", "says"), [
    ({"userRating": 9}, "userRating", "less than or equal to 5"),
    ({"suggestionType": None}, "suggestionType", "string"),
    ({"accepted": "yes"}, "accepted", "boolean"),
    ({"confidenceScore": 1.5}, "confidenceScore", "less than or equal to 1"),
    ({"suggestionId": "has spaces"}, "suggestionId", "pattern"),
    ({"suggestionType": "x_ray_report"}, "suggestionType", "suggestionType is not registered"),
    ({"correctionType": "weird"}, "correctionType", "correctionType must be one of"),
    ({"userCorrection": "ord " * 200}, "userCorrection", "userCorrection is 800 characters long"),
    ({"timeToDecision": -1}, "timeToDecision", "greater than or equal to 0"),
])
def test_bad_payloads_name_the_field_as_the_panel_sent_it(client, auth, change, field, says):
    r = client.post(PATH, json={**PANEL, **change}, headers=auth)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error" and error["field"] == field
    assert says in error["message"]
    assert client.get("/api/v1/suggestions", headers=auth).json()["items"] == []  # nothing stored


def test_missing_unknown_and_snake_case_fields(client, auth):
    body = {k: v for k, v in PANEL.items() if k != "originalSuggestion"}
    r = client.post(PATH, json=body, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["message"] == "originalSuggestion is required"
    r = client.post(PATH, json={**PANEL, "sessionKey": "x"}, headers=auth)
    assert r.status_code == 422 and r.json()["error"] == {  # the client's name is never echoed
        "code": "validation_error",
        "message": "unknown field in the body; the API description (/docs) lists the fields"}
    r = client.post(PATH, json={**PANEL, "user_rating": 3}, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("unknown field")  # snake_case


def test_bad_json_and_no_token(client, auth):
    r = client.post(PATH, content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"
    r = client.post(PATH, json=PANEL)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"


def test_openapi_describes_the_panels_names(client):
    spec = client.get("/openapi.json").json()
    assert PATH in spec["paths"]
    assert set(SNAKE.values()) <= set(spec["components"]["schemas"]["PanelFeedbackIn"]["properties"])
