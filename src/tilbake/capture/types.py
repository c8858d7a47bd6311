"""Suggestion types: the default registry every organization has, plus its own.

The defaults hold both vocabularies of the first client (a Norwegian chiropractic EHR): its stored
suggestion types and its runtime task types.
"""

from __future__ import annotations

import re

from tilbake.capture.repository import TypeRepository
from tilbake.errors import ConflictError, ValidationError
from tilbake.store import UnitOfWork

DEFAULT_TYPES: dict[str, str] = {
    "soap_subjective": "SOAP note, subjective part",
    "soap_objective": "SOAP note, objective findings",
    "soap_assessment": "SOAP note, assessment",
    "soap_plan": "SOAP note, plan",
    "diagnosis_code": "ICPC-2 / ICD-10 code suggestion",
    "treatment_suggestion": "treatment suggestion",
    "red_flag": "red flag warning",
    "communication": "message to the patient or a colleague",
    "spelling": "spelling correction",
    "template": "filled-in template",
    "soap_notes": "whole SOAP note (task type)",
    "clinical_summary": "clinical summary (task type)",
    "diagnosis_suggestion": "diagnosis suggestion (task type)",
    "differential_diagnosis": "differential diagnoses (task type)",
    "red_flag_analysis": "red flag analysis (task type)",
    "clinical_reasoning": "clinical reasoning (task type)",
    "spell_check": "spell check (task type)",
    "referral_letter": "referral letter (task type)",
    "journal_organization": "journal organization (task type)",
}

_NAME = re.compile(r"^[a-z][a-z0-9_]{1,63}$")


def known_types(uow: UnitOfWork, org_id: int) -> list[str]:
    return sorted({*DEFAULT_TYPES, *(row["name"] for row in uow.repo(TypeRepository).list(org_id))})


def check_type(uow: UnitOfWork, org_id: int, name: str) -> None:
    """Raise ValidationError naming the known types unless `name` is registered for the organization."""
    if name in DEFAULT_TYPES or uow.repo(TypeRepository).exists(org_id, name):
        return
    raise ValidationError(
        "suggestion_type is not registered for this organization; known types: "
        + ", ".join(known_types(uow, org_id)),
        field="suggestion_type",
    )


def add_type(uow: UnitOfWork, org_id: int, name: str, description: str | None = None) -> None:
    if not _NAME.match(name):
        raise ValidationError(
            "a suggestion type name is 2-64 characters of a-z, 0-9 and _, starting with a letter",
            field="name",
        )
    if name in DEFAULT_TYPES or uow.repo(TypeRepository).exists(org_id, name):
        raise ConflictError(f"suggestion type {name!r} is already registered")
    uow.repo(TypeRepository).add(org_id, name, description)


def list_types(uow: UnitOfWork, org_id: int) -> list[dict[str, str | bool | None]]:
    own = {row["name"]: row["description"] for row in uow.repo(TypeRepository).list(org_id)}
    rows: list[dict[str, str | bool | None]] = [
        {"name": n, "description": d, "default": True} for n, d in DEFAULT_TYPES.items()
    ]
    rows += [{"name": n, "description": d, "default": False} for n, d in sorted(own.items())]
    return rows
