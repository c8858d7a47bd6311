"""The OpenAPI description is true: schemathesis, bounded, finds no server error and no answer that
differs from the description (status, content type, schema), on both databases."""

from __future__ import annotations

import functools

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tilbake.web.models import Error
from tilbake.web.openapi import SUCCESS

EXAMPLES = 30  # per operation: bounded, for CI (well under a minute for both databases)
#: server errors and schema mismatches; not "valid data accepted": a suggestion type must also be
#: registered for the organization, which no static schema can say
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_every_operation_documents_its_success_and_the_canonical_errors(app):
    spec = app.openapi()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, item in spec["paths"].items():
        for method, op in item.items():
            responses = op["responses"]
            ok = [s for s in responses if s.startswith("2")]
            assert ok, (method, path)
            for status in ok:
                content = responses[status]["content"]
                schema_of = next(iter(content.values()))["schema"]
                assert schema_of.get("type") != "string" or path.endswith("/download"), (method, path)
            expected = {"422"} | ({"401"} if path.startswith("/api/") else set())
            expected |= {"404"} if "{" in path else set()
            expected |= {"400", "413", "415"} if "requestBody" in op else set()
            assert expected <= set(responses), (method, path, sorted(responses))
            for status in expected:
                ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith(f"/{Error.__name__}")
    links = spec["paths"]["/api/v1/training/exports"]["post"]["responses"]["201"]["links"]
    assert {"ShowExport", "DownloadExport", "RevokeExport"} <= set(links)


def test_the_api_answers_as_described(app, auth):
    """Every operation, with generated valid and invalid input: no 5xx, and every answer (status,
    content type, body) as the description says. Failures are collected over all operations."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  derandomize=True, database=None)
        def check(case):
            case.call_and_validate(headers=auth, checks=CHECKS)

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - gathered, reported together
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:1500])
    assert not failures, "\n\n".join(failures)


def test_the_links_hold_in_stateful_runs(app, auth):
    """Sequences that follow the links (log a suggestion, then read or decide it; create an export, then
    show, download or revoke it) answer as described too."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    base = schema.as_state_machine()

    class Machine(base):  # type: ignore[misc, valid-type]
        def get_call_kwargs(self, case):
            return {"headers": auth}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs or None)

    Machine.run(settings=settings(max_examples=15, stateful_step_count=6, deadline=None, database=None,
                                  suppress_health_check=list(HealthCheck), derandomize=True))


def _described(client, auth, method, template, json=None, query=None, **path):
    """Call the operation and check the body against the model its description declares."""
    r = client.request(method, template.format(**path), json=json, params=query, headers=auth)
    assert r.status_code < 300, (method, template, r.text)
    SUCCESS[(method, template)][r.status_code].model_validate(r.json())
    return r.json()


def test_populated_review_audit_and_erasure_answers_match_their_models(client, auth):
    """Schemathesis meets mostly empty lists; here every list is filled (corrections of all kinds, a
    completed review, proposals, rules versions, audit events, an erasure) and still matches."""
    d = functools.partial(_described, client, auth)
    for word in ("Fjordlaks", "Bergfisk"):
        text = f"Hun er sjåfør i firmaet {word}. Kari Hansen ringte. Fortsetter med Hvite Boka hjemme."
        item = d("post", "/api/v1/review/items", {"text": text})
        at = {e["text"]: (e["start"], e["end"]) for e in item["entities"]}
        start = text.index(word)
        fixes = [{"action": "mark_as_pii", "start": start, "end": start + len(word), "label": "ORG"},
                 {"action": "change_entity_type", "start": at["Kari Hansen"][0], "end": at["Kari Hansen"][1],
                  "label": "ORG"}]
        if "Hvite Boka" in at:
            start, end = at["Hvite Boka"]
            fixes.append({"action": "mark_as_not_pii", "start": start, "end": end})
        for fix in fixes:
            d("post", "/api/v1/review/items/{item_id}/corrections", fix, item_id=item["id"])
        d("post", "/api/v1/review/items/{item_id}/undo", {}, item_id=item["id"])
        d("post", "/api/v1/review/items/{item_id}/corrections", fixes[-1], item_id=item["id"])
        done = d("post", "/api/v1/review/items/{item_id}/complete", item_id=item["id"])
        assert done["corrections"] and done["explanations"]
    summary = d("get", "/api/v1/review/summary")
    assert summary["missed_patterns"] and summary["retyped"]
    assert d("get", "/api/v1/review/acceptance")["acceptance"]
    assert d("get", "/api/v1/review/rules/proposals")["proposals"]
    assert d("post", "/api/v1/review/rules/apply", {})["context"]
    d("post", "/api/v1/review/rules/rollback", {})
    assert len(d("get", "/api/v1/review/rules/history")["versions"]) == 2
    d("get", "/api/v1/review/rules")
    assert d("get", "/api/v1/review/items")["items"]
    d("get", "/api/v1/review/miss-rate")
    d("put", "/api/v1/review/retention", {"max_events": 100, "max_days": 30})
    d("get", "/api/v1/review/retention")
    logged = d("post", "/api/v1/compat/chiroclick/feedback", {
        "suggestionId": "s1", "suggestionType": "soap_plan", "accepted": True,
        "originalSuggestion": "Kontroll om to uker."})
    assert d("post", "/api/v1/review/items/sample", {"size": 5})["items"]
    d("post", "/api/v1/review/items/quiet", {"size": 5})
    assert d("delete", "/api/v1/suggestions/{suggestion_id}", suggestion_id=logged["id"])["deleted"] == 1
    d("delete", "/api/v1/suggestions", query={"session_id": "none"})
    assert d("get", "/api/v1/audit")["events"]
    assert d("post", "/api/v1/review/feedback/delete", {"confirm": True})["items_deleted"]
