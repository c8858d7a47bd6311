"""Every 4xx/5xx answers {"error": {"code", "message", "field"?}} naming the problem."""

from __future__ import annotations

import pytest
from tests.web.conftest import MAX_TEXT

OK = {"suggestion_type": "soap_plan", "original_suggestion": "Hjemmeøvelser."}


def _post(client, auth, path, body, raw=False, headers=None):
    headers = {**auth, **(headers or {})}
    if raw:
        return client.post(path, content=body, headers={**headers, "content-type": "application/json"})
    return client.post(path, json=body, headers=headers)


@pytest.mark.parametrize(
    ("body", "raw", "status", "code", "field", "in_message"),
    [
        ("{not json", True, 400, "invalid_json", None, "not valid JSON"),
        ("", True, 422, "validation_error", None, "required"),
        ("[1, 2]", True, 422, "validation_error", None, "object"),
        ({"original_suggestion": "x"}, False, 422, "validation_error", "suggestion_type", "required"),
        ({**OK, "suggestion_type": "xray"}, False, 422, "validation_error", "suggestion_type", "soap_plan"),
        ({**OK, "confidence_score": 1.5}, False, 422, "validation_error", "confidence_score", "1"),
        ({**OK, "confidence_score": "high"}, False, 422, "validation_error", "confidence_score", "number"),
        ({**OK, "accepted": "yes"}, False, 422, "validation_error", "accepted", "boolean"),
        ({**OK, "user_rating": 6}, False, 422, "validation_error", "user_rating", "5"),
        ({**OK, "time_to_decision": -1}, False, 422, "validation_error", "time_to_decision", "0"),
        ({**OK, "context_data": [1]}, False, 422, "validation_error", "context_data", "dictionary"),
        ({**OK, "correction_type": "sideways"}, False, 422, "validation_error", "correction_type",
         "minor_edit"),
        ({**OK, "colour": "blue"}, False, 422, "validation_error", None, "unknown field"),
        ({**OK, "original_suggestion": "a" * (MAX_TEXT + 1)}, False, 422, "validation_error",
         "original_suggestion", "TILBAKE_MAX_TEXT_CHARS"),
        ({**OK, "feedback_notes": "a" * (MAX_TEXT + 1)}, False, 422, "validation_error", "feedback_notes",
         "limit"),
    ],
)
def test_bad_feedback_bodies(client, auth, body, raw, status, code, field, in_message):
    r = _post(client, auth, "/api/v1/feedback", body, raw=raw)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == code
    assert error.get("field") == field
    assert in_message in error["message"]
    assert set(r.json()) == {"error"} and set(error) <= {"code", "message", "field"}


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "missing API token"),
        ({"Authorization": "Bearer"}, "missing API token"),
        ({"Authorization": "Basic dXNlcjpwdw=="}, "'Bearer <token>'"),
        ({"Authorization": "tlb_abcdefghijklmnop"}, "the word Bearer, a space, then the token"),
        ({"Authorization": "Bearer abc"}, "malformed"),
    ],
)
def test_missing_or_malformed_tokens_answer_401_before_the_body_is_read(client, headers, message):
    for r in (client.post("/api/v1/suggestions", json={}, headers=headers),
              client.get("/api/v1/metrics/daily", headers=headers)):
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "unauthorized" and message in r.json()["error"]["message"]


def test_wrong_token_answers_401(client):
    headers = {"Authorization": "Bearer tlb_wrongwrongwrong"}
    for r in (client.post("/api/v1/suggestions", json=OK, headers=headers),
              client.post("/api/v1/suggestions/x/decision", json={"accepted": True}, headers=headers),
              client.get("/api/v1/metrics/daily", headers=headers)):
        assert r.status_code == 401 and "unknown or revoked" in r.json()["error"]["message"]


def test_unknown_suggestion_and_route_and_method(client, auth):
    r = client.post("/api/v1/suggestions/nope/decision", json={"accepted": True}, headers=auth)
    assert (r.status_code, r.json()["error"]["code"]) == (404, "not_found")
    r = client.get("/api/v1/nothing-here", headers=auth)
    assert (r.status_code, r.json()["error"]["code"]) == (404, "not_found")
    r = client.put("/api/v1/feedback", json={}, headers=auth)
    assert (r.status_code, r.json()["error"]["code"]) == (405, "method_not_allowed")


@pytest.mark.parametrize("chunked", [False, True])
def test_oversize_bodies_answer_413(client, auth, chunked):
    big = b'{"suggestion_type": "soap_plan", "original_suggestion": "' + b"a" * 400_000 + b'"}'
    content = iter([big[:1000], big[1000:]]) if chunked else big
    r = client.post("/api/v1/feedback", content=content, headers={**auth, "content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_bad_query_values(client, auth):
    r = client.get("/api/v1/suggestions", params={"limit": 0}, headers=auth)
    assert (r.status_code, r.json()["error"]["field"]) == (422, "limit")
    r = client.get("/api/v1/suggestions", params={"since": "last tuesday"}, headers=auth)
    assert (r.status_code, r.json()["error"]["field"]) == (422, "since")


def test_unexpected_failures_answer_500_in_the_same_shape(client, auth, app, monkeypatch):
    def explode(*_a, **_k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(app.state.services.capture, "log_suggestion", explode)
    r = client.post("/api/v1/suggestions", json=OK, headers=auth)
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "internal_error" and "kaboom" not in r.text


FNR_LIKE = "15108695088"  # a client may use a fødselsnummer as its id: errors must not repeat it


def test_404_and_409_do_not_repeat_the_id(client, auth):
    for path in (f"/api/v1/suggestions/{FNR_LIKE}", f"/api/v1/training/exports/{FNR_LIKE}"):
        r = client.get(path, headers=auth)
        assert r.status_code == 404 and FNR_LIKE not in r.text
    r = client.post(f"/api/v1/suggestions/{FNR_LIKE}/decision", json={"accepted": True}, headers=auth)
    assert r.status_code == 404 and FNR_LIKE not in r.text
    assert client.post("/api/v1/suggestions", json={**OK, "id": FNR_LIKE}, headers=auth).status_code == 201
    r = client.post("/api/v1/suggestions", json={**OK, "id": FNR_LIKE, "original_suggestion": "Annen."},
                    headers=auth)
    assert r.status_code == 409 and FNR_LIKE not in r.text


HUGE = 2**70


def _raw(extra: str) -> str:
    """A valid suggestion with one more member, written as raw JSON (escapes and literals kept)."""
    return '{"suggestion_type": "soap_plan", "original_suggestion": "x", ' + extra + "}"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (_raw(f'"context_data": {{"n": {HUGE}}}'), "context_data"),
        (_raw(f'"context_data": {{"a": [1, {HUGE}]}}'), "context_data"),
        (_raw('"context_data": {"s": "\\ud800"}'), "context_data"),
        (_raw('"context_data": {"\\ud800": 1}'), "context_data"),
        (_raw('"model_version": "x\\ud83d"'), "model_version"),
        ('{"suggestion_type": "soap_plan", "original_suggestion": "x\\u0000y"}', "original_suggestion"),
        (_raw('"model_name": "a\\u0000"'), "model_name"),
        (_raw('"context_data": {"s": "\\u0000"}'), "context_data"),
        (_raw('"context_data": {"f": 1e400}'), "context_data"),
        (_raw('"context_data": {"f": Infinity}'), "context_data"),
        (_raw('"context_data": {"f": NaN}'), "context_data"),
        (_raw('"confidence_score": 1e400'), "confidence_score"),
        (_raw(f'"time_to_decision": {HUGE}'), "time_to_decision"),
        (_raw('"time_to_decision": 3000000000'), "time_to_decision"),
    ],
)
def test_values_no_database_can_store_answer_422_naming_the_field(client, auth, body, field):
    for path in ("/api/v1/feedback", "/api/v1/suggestions"):
        if path.endswith("suggestions") and "time_to_decision" in body:
            continue
        r = _post(client, auth, path, body.encode("utf-8", "surrogatepass"), raw=True)
        assert r.status_code == 422, r.text
        assert r.json()["error"]["field"] == field
    r = client.get("/api/v1/suggestions", headers=auth)
    assert r.status_code == 200 and r.json()["items"] == []


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/suggestions", {"suggestion_type": "soap\x00plan"}, "suggestion_type"),
        ("/api/v1/suggestions", {"cursor": "\x00"}, "cursor"),
        ("/api/v1/suggestions/ab%00cd", {}, "suggestion_id"),
        ("/api/v1/training/exports/ab%00cd", {}, "export_id"),
    ],
)
def test_nul_in_a_query_or_path_parameter_answers_422(client, auth, path, params, field):
    r = client.get(path, params=params, headers=auth)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["field"] == field


def test_unknown_field_names_are_not_repeated(client, auth):
    name = f"fnr_{FNR_LIKE}"
    for path, body in (("/api/v1/feedback", {**OK, name: 1}),
                       ("/api/v1/feedback/batch", {"items": [{**OK, name: 1}]}),
                       ("/api/v1/training/exports",
                        {"consent": {"given_by": "Kari", "agree": True, name: 1}})):
        r = client.post(path, json=body, headers=auth)
        assert r.status_code == 422, r.text
        assert FNR_LIKE not in r.text and "unknown field" in r.json()["error"]["message"]
    r = client.post("/api/v1/feedback/batch", json={"items": [OK, {**OK, name: 1}]}, headers=auth)
    assert r.json()["error"]["field"] == "items.1"


def test_the_access_log_names_the_route_not_the_path_or_query(client, auth, caplog):
    import logging

    caplog.set_level(logging.DEBUG, logger="tilbake.web.access")
    client.get(f"/api/v1/suggestions/{FNR_LIKE}", headers=auth)
    client.get("/api/v1/suggestions", params={"since": "2026-01-01", "suggestion_type": FNR_LIKE},
               headers=auth)
    lines = [r.getMessage() for r in caplog.records if r.name == "tilbake.web.access"]
    assert lines[0].startswith("GET /api/v1/suggestions/{suggestion_id} 404")
    assert lines[1].startswith("GET /api/v1/suggestions 200")
    assert FNR_LIKE not in caplog.text and "2026-01-01" not in caplog.text


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_a_body_not_sent_as_json_says_so(client, auth, content_type):
    headers = {**auth, **({"content-type": content_type} if content_type else {})}
    body = b'{"suggestion_type": "soap_plan", "original_suggestion": "x"}'
    r = client.post("/api/v1/feedback", content=body, headers=headers)
    assert r.status_code == 415, r.text
    assert "Content-Type: application/json" in r.json()["error"]["message"]


def test_every_problem_of_a_body_is_listed(client, auth):
    r = client.post("/api/v1/feedback", json={"confidence_score": 3, "user_rating": 9, "accepted": "ja"},
                    headers=auth)
    message = r.json()["error"]["message"]
    for part in ("suggestion_type is required", "original_suggestion is required", "confidence_score",
                 "user_rating", "accepted"):
        assert part in message
    assert "more problem" not in message and r.json()["error"]["field"] in message
