"""The OpenAPI description, made true to what the service answers.

The routes return orjson responses, so FastAPI cannot see their shape: this module declares the
success models (web/models.py) per operation, the canonical error shape for every status the service
can answer (in place of FastAPI's own 422 shape), and links between operations (a suggestion's id to
its decision, an export's id to show, download and revoke) so stateful API testers can follow them.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from tilbake.web import models as m
from tilbake.web import review_models as r

#: (method, path) -> {status: model} of the 2xx answers
SUCCESS: dict[tuple[str, str], dict[int, type[BaseModel]]] = {
    ("get", "/healthz"): {200: m.Health},
    ("post", "/api/v1/suggestions"): {201: m.Logged, 200: m.Logged},
    ("get", "/api/v1/suggestions"): {200: m.SuggestionPage},
    ("get", "/api/v1/suggestions/{suggestion_id}"): {200: m.Suggestion},
    ("post", "/api/v1/suggestions/{suggestion_id}/decision"): {200: m.Decided},
    ("post", "/api/v1/feedback"): {201: m.FeedbackLogged, 200: m.FeedbackLogged},
    ("post", "/api/v1/feedback/batch"): {200: m.FeedbackBatchLogged},
    ("get", "/api/v1/suggestion-types"): {200: m.SuggestionTypes},
    ("get", "/api/v1/training/export/stats"): {200: m.ExportStats},
    ("get", "/api/v1/metrics/daily"): {200: m.DailyMetrics},
    ("get", "/api/v1/training/exports/preview"): {200: m.ExportPreview},
    ("post", "/api/v1/training/exports"): {201: m.ExportDetail},
    ("get", "/api/v1/training/exports"): {200: m.ExportList},
    ("get", "/api/v1/training/exports/{export_id}"): {200: m.ExportDetail},
    ("post", "/api/v1/training/exports/{export_id}/revoke"): {200: m.ExportRevoked},
    ("post", "/api/v1/compat/chiroclick/feedback"): {201: m.FeedbackLogged, 200: m.FeedbackLogged},
    ("delete", "/api/v1/suggestions"): {200: r.Erased},
    ("delete", "/api/v1/suggestions/{suggestion_id}"): {200: r.Erased},
    ("get", "/api/v1/audit"): {200: r.AuditPage},
    **{("post", f"/api/v1/review/items/{how}"): {201: r.ReviewItemIds} for how in ("sample", "quarantine",
                                                                                  "quiet")},
    ("post", "/api/v1/review/items"): {201: r.ReviewItem},
    ("get", "/api/v1/review/items"): {200: r.ReviewItems},
    **{(method, f"/api/v1/review/items/{{item_id}}{tail}"): {200: r.ReviewItem}
       for method, tail in (("get", ""), ("post", "/corrections"), ("post", "/undo"), ("post", "/complete"))},
    ("get", "/api/v1/review/miss-rate"): {200: r.MissRate},
    ("get", "/api/v1/review/summary"): {200: r.FeedbackSummary},
    ("get", "/api/v1/review/acceptance"): {200: r.Acceptance},
    ("get", "/api/v1/review/retention"): {200: r.RetentionOut},
    ("put", "/api/v1/review/retention"): {200: r.RetentionOut},
    ("post", "/api/v1/review/feedback/delete"): {200: r.FeedbackDeleted},
    ("get", "/api/v1/review/rules"): {200: r.RulesOut},
    ("get", "/api/v1/review/rules/proposals"): {200: r.Proposals},
    ("post", "/api/v1/review/rules/apply"): {200: r.RulesOut},
    ("get", "/api/v1/review/rules/history"): {200: r.RulesHistory},
    ("post", "/api/v1/review/rules/rollback"): {200: r.RulesOut},
}

_ZIP = {"description": "the bundle", "content": {"application/zip": {"schema": {"type": "string",
                                                                             "format": "binary"}}}}

_WHY = {
    400: "the body is not valid JSON", 401: "missing, malformed, unknown or revoked token",
    404: "no such row (or named id) in this organization",
    409: "contradicts what is stored, or an export is running",
    413: "the body is too large", 415: "the body is not sent as application/json",
    422: "a field or parameter is missing, mistyped or out of range", 429: "too many failed authentications",
    500: "an unexpected failure (the server log has a reference)", 503: "the database is unavailable",
}

#: (method, path, status) -> links: name -> (target method, target path, parameter, source expression)
LINKS = {
    ("post", "/api/v1/suggestions", "201"): {
        "GetSuggestion": ("get", "/api/v1/suggestions/{suggestion_id}", "suggestion_id",
                          "$response.body#/id"),
        "DecideSuggestion": ("post", "/api/v1/suggestions/{suggestion_id}/decision", "suggestion_id",
                             "$response.body#/id"),
        "EraseSuggestion": ("delete", "/api/v1/suggestions/{suggestion_id}", "suggestion_id",
                            "$response.body#/id"),
    },
    ("post", "/api/v1/feedback", "201"): {
        "GetFeedbackSuggestion": ("get", "/api/v1/suggestions/{suggestion_id}", "suggestion_id",
                                  "$response.body#/id"),
    },
    ("post", "/api/v1/compat/chiroclick/feedback", "201"): {
        "GetPanelFeedbackSuggestion": ("get", "/api/v1/suggestions/{suggestion_id}", "suggestion_id",
                                       "$response.body#/id"),
    },
    ("post", "/api/v1/review/items", "201"): {
        f"{name}ReviewItem": (method, f"/api/v1/review/items/{{item_id}}{tail}", "item_id",
                              "$response.body#/id")
        for name, method, tail in (("Get", "get", ""), ("Correct", "post", "/corrections"),
                                   ("Undo", "post", "/undo"), ("Complete", "post", "/complete"))
    },
    ("post", "/api/v1/training/exports", "201"): {
        "ShowExport": ("get", "/api/v1/training/exports/{export_id}", "export_id", "$response.body#/id"),
        "DownloadExport": ("get", "/api/v1/training/exports/{export_id}/download", "export_id",
                           "$response.body#/id"),
        "RevokeExport": ("post", "/api/v1/training/exports/{export_id}/revoke", "export_id",
                         "$response.body#/id"),
    },
}


#: operations that answer 404 for an id named in the body, not the path
_NOT_FOUND_BY_BODY = {("post", "/api/v1/review/items/quarantine"), ("post", "/api/v1/review/rules/apply"),
                      ("post", "/api/v1/review/rules/rollback")}


def _error_statuses(method: str, path: str, op: dict[str, Any]) -> list[int]:
    codes = {422, 500, 503}
    if path.startswith("/api/"):
        codes |= {401, 429}
    if "{" in path or (method, path) in _NOT_FOUND_BY_BODY:
        codes.add(404)
    if "requestBody" in op:
        codes |= {400, 413, 415}
    if method == "post":
        codes.add(409)
    return sorted(codes)


def _schema_ref(model: type[BaseModel], components: dict[str, Any]) -> dict[str, str]:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in schema.pop("$defs", {}).items():
        components.setdefault(name, sub)
    components[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def describe(app: FastAPI) -> dict[str, Any]:
    spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    error_ref = _schema_ref(m.Error, components)
    op_ids = {(method, path): op.get("operationId") for path, item in spec["paths"].items()
              for method, op in item.items()}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            responses = op.setdefault("responses", {})
            success = SUCCESS.get((method, path))
            if path.endswith("/download"):
                responses["200"] = _ZIP
            elif success:
                for status in [s for s in responses if s.startswith("2")]:
                    responses.pop(status)
                for status, model in success.items():
                    responses[str(status)] = {"description": "success", "content": {
                        "application/json": {"schema": _schema_ref(model, components)}}}
            for status in _error_statuses(method, path, op):
                responses[str(status)] = {"description": _WHY[status],
                                          "content": {"application/json": {"schema": error_ref}}}
            for status, links in ((s, LINKS.get((method, path, s))) for s in list(responses)):
                if links:
                    responses[status]["links"] = {
                        name: {"operationId": op_ids[(tm, tp)], "parameters": {param: expr}}
                        for name, (tm, tp, param, expr) in links.items()}
    return spec


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = describe(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
