"""What clients send: the first client's `ai_feedback` columns, under the same snake_case names.

These models are the record's single definition; the web layer, the Python client and the demo all
use them. Text length limits depend on settings (TILBAKE_MAX_TEXT_CHARS) and are checked by the
service. `organization_id`, `user_id` and `updated_at` of an `ai_feedback` row are accepted so a
row can be sent as it is, and discarded: the organization comes from the token.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StrictBool

from tilbake.values import IsoDateTime, StorableModel

TEXT_FIELDS = ("original_suggestion", "user_correction", "feedback_notes")
CONTEXT_MAX_BYTES = 65_536


def _opaque(value: Any) -> Any:
    # The client's ids may be integers or UUIDs; we keep them as opaque strings.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


OpaqueId = Annotated[str, BeforeValidator(_opaque), Field(min_length=1, max_length=200)]
PublicId = Annotated[
    str, BeforeValidator(_opaque), Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")
]


class _Record(StorableModel):
    """Unknown fields refused; every value one both databases can store (tilbake.values)."""


class SuggestionIn(_Record):
    id: PublicId | None = Field(None, description="client-chosen id (makes retries idempotent); "
                                                  "a uuid4 hex is generated when absent")
    suggestion_type: str = Field(min_length=1, max_length=64)
    original_suggestion: str = Field(min_length=1)
    context_data: dict[str, Any] | None = Field(
        None, description="chief_complaint, patient_age, diagnosis_codes, ... (JSON object)"
    )
    confidence_score: float | None = Field(None, ge=0, le=1)
    model_name: str | None = Field(None, max_length=200)
    model_version: str | None = Field(None, max_length=200)
    encounter_id: OpaqueId | None = None
    session_id: OpaqueId | None = None
    template_id: OpaqueId | None = None
    created_at: IsoDateTime | None = Field(None, description="when the suggestion was shown; default now")
    organization_id: Any = Field(None, exclude=True, description="ignored: the token decides")
    user_id: Any = Field(None, exclude=True, description="ignored: not stored")
    updated_at: Any = Field(None, exclude=True, description="ignored")


class DecisionIn(_Record):
    accepted: StrictBool | None = None
    user_correction: str | None = Field(None, description="the final text the clinician kept")
    correction_type: str | None = Field(
        None, max_length=32,
        description="accepted_as_is, minor_edit, major_edit, rejected or ignored (legacy values mapped); "
                    "derived from the edit when absent",
    )
    user_rating: int | None = Field(None, ge=1, le=5)
    feedback_notes: str | None = None
    time_to_decision: int | None = Field(None, ge=0, le=2**31 - 1,
                                         description="milliseconds from display to decision")
    decided_at: IsoDateTime | None = Field(None, description="when the clinician decided; default now")


class FeedbackIn(SuggestionIn, DecisionIn):
    """A suggestion and its decision in one record (apps that log after the fact)."""


BATCH_MAX = 1000


class FeedbackBatchIn(_Record):
    """Up to BATCH_MAX feedback records, stored in one transaction (all or none)."""

    items: list[FeedbackIn] = Field(min_length=1, max_length=BATCH_MAX)
