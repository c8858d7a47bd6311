"""Helpers shared by the export tests (and the kill test's child process)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tilbake.capture.repository import SuggestionRepository

FNR = re.compile(r"\b\d{11}\b")


def fake_deid(text: str) -> str:
    """Knows one name and fødselsnummer; misses phone numbers (the leak gate must catch those)."""
    return FNR.sub("[FNUMMER]", text.replace("Ola Nordmann", "[NAVN]"))


def fake_cleaner():
    """A picklable cleaner factory over ``fake_deid`` for export worker processes."""
    from tilbake.export.anonymize import CallableAnonymizer
    from tilbake.export.leakscan import LeakScanner
    from tilbake.export.pipeline import Cleaner

    return Cleaner(CallableAnonymizer(fake_deid), LeakScanner())


def record(i, decision, original=None, correction=None, stype="soap_plan", **context):
    ctx = {"chief_complaint": "Vondt i korsryggen", "patient_age": 47, "diagnosis_codes": ["L03"], **context}
    return {
        "suggestion_type": stype,
        "original_suggestion": original or f"Forslag nummer {i}.",
        "user_correction": correction,
        "correction_type": decision,
        "accepted": decision == "accepted_as_is",
        "confidence_score": 0.75,
        "context_data": ctx,
        "encounter_id": f"enc-{i}",
        "session_id": "sess-1",
    }


def add_suggestions(db, org_id, records, *, decided=True, start=0):
    now = datetime.now(UTC) - timedelta(minutes=5)
    with db.unit_of_work() as uow:
        uow.repo(SuggestionRepository).insert_new(
            org_id, [(f"p{start + i}", rec, now, now if decided else None) for i, rec in enumerate(records)]
        )
