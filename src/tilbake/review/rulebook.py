"""An organization's user rules, versioned in the database; the newest version is the one in force.

Version names are ``org-v<N>`` so an export's manifest says exactly which rules de-identified it.
"""

from __future__ import annotations

from typing import Any

from tilbake.deid.detect.rules import Rules
from tilbake.review.repository import RulesRepository
from tilbake.store import UnitOfWork


def version_name(n: int) -> str:
    return f"org-v{n}"


def rules_of(row: dict[str, Any] | None) -> Rules:
    if row is None:
        return Rules()
    return Rules.from_dict({**row["rules"], "version": version_name(row["version"])})


def org_rules(uow: UnitOfWork, org_id: int) -> Rules:
    """The rules in force for an organization (the built-in, empty ones until some are applied)."""
    return rules_of(uow.repo(RulesRepository).latest(org_id))
