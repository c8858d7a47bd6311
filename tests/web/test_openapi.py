"""The OpenAPI description is true: schemathesis, bounded, finds no server error and no answer that
differs from the description (status, content type, schema), on both databases."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tilbake.web.models import Error

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
