"""The first client's feedback panel, as it posts: camelCase JSON onto the same `/feedback` call.

`PanelFeedbackIn` is `FeedbackIn` under the panel's names (`suggestionId` is the record's id), so
validation, decision classes and idempotency are those of `POST /api/v1/feedback`; the route only
translates the names in errors back to the ones the panel sent.
"""

from __future__ import annotations

import re

from fastapi import APIRouter
from pydantic import ConfigDict
from pydantic.alias_generators import to_camel

from tilbake.capture.schemas import FeedbackIn
from tilbake.errors import ConflictError, InputError, ValidationError
from tilbake.web.auth import Caller, Service
from tilbake.web.responses import JSON

router = APIRouter(prefix="/api/v1/compat/chiroclick", tags=["compat"])


def panel_name(field: str) -> str:
    return "suggestionId" if field == "id" else to_camel(field)


class PanelFeedbackIn(FeedbackIn):
    """A feedback record as the panel posts it: `suggestionId`, `suggestionType`, `originalSuggestion`,
    `userCorrection`, `accepted`, `correctionType`, `confidenceScore`, `feedbackNotes`, `userRating`,
    `timeToDecision`, `contextData` (the other record fields are taken in camelCase too)."""

    model_config = ConfigDict(extra="forbid", alias_generator=panel_name, populate_by_name=False)


_SNAKE = {name: panel_name(name) for name in FeedbackIn.model_fields if "_" in name}
_SNAKE_WORD = re.compile(r"\b(" + "|".join(sorted(_SNAKE, key=len, reverse=True)) + r")\b")


def _in_panel_names(exc: InputError) -> InputError:
    """The service's error with every field name as the panel spells it."""
    message = _SNAKE_WORD.sub(lambda m: _SNAKE[m.group(1)], str(exc))
    if isinstance(exc, ValidationError):
        return ValidationError(message, field=panel_name(exc.field) if exc.field else None)
    if isinstance(exc, ConflictError):
        return ConflictError(message)
    return exc


@router.post("/feedback", status_code=201,
             summary="The feedback panel's camelCase record (same rules and answer as /api/v1/feedback)")
def post_panel_feedback(body: PanelFeedbackIn, who: Caller, svc: Service) -> JSON:
    try:
        result = svc.feedback(who, body)
    except (ValidationError, ConflictError) as exc:
        raise _in_panel_names(exc) from None
    return JSON(result, status_code=201 if result["created"] else 200)
