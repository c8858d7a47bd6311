"""Capture: suggestions, the clinician's decision on each, and the reports built on them."""

from __future__ import annotations

from tilbake.capture.decisions import CORRECTION_TYPES, classify_edit, derive_correction_type, edit_ratio
from tilbake.capture.schemas import DecisionIn, FeedbackIn, SuggestionIn
from tilbake.capture.service import ApiToken, CaptureService
from tilbake.capture.types import DEFAULT_TYPES

__all__ = [
    "CORRECTION_TYPES", "DEFAULT_TYPES", "ApiToken", "CaptureService", "DecisionIn", "FeedbackIn",
    "SuggestionIn", "classify_edit", "derive_correction_type", "edit_ratio",
]
