"""Erasure: one suggestion, everything of an encounter or a session, everything older than a date, or
a whole organization.

Rows are deleted from the database in one transaction, so they are gone from every later export.
Bundles made before stay where they are (they hold anonymized rows, and may be with the maintainer
already): the result lists the exports that held an erased row, so the practice can tell the
maintainer which bundles to withdraw. A bundle revoked with "pending" no longer names its rows, so an
export revoked that way before the erasure is not listed (its bundle was deleted at the revoke).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tilbake.accounts.repository import OrgRepository, TokenRepository
from tilbake.accounts.service import org_id as org_id_of
from tilbake.audit import service as audit
from tilbake.capture.repository import Selection, SuggestionFilter, SuggestionRepository
from tilbake.errors import NotFoundError, ValidationError
from tilbake.export.repository import ExportRepository
from tilbake.store import Database

log = logging.getLogger("tilbake.lifecycle")


@dataclass(frozen=True)
class OrgCounts:
    suggestions: int
    exports: int
    tokens: int

    def as_dict(self) -> dict[str, int]:
        return {"suggestions": self.suggestions, "exports": self.exports, "tokens": self.tokens}


def _what(sel: Selection) -> tuple[str, str]:
    """The audit trail's object: what the erasure selected, most specific first."""
    for kind, value in (("suggestion", sel.public_id), ("encounter", sel.encounter_id),
                        ("session", sel.session_id)):
        if value is not None:
            return kind, value
    assert sel.before is not None
    return "suggestions_before", sel.before.isoformat()


class ErasureService:
    def __init__(self, db: Database, exports_dir: Path) -> None:
        self.db, self.exports_dir = db, exports_dir

    def erase(self, org_id: int, sel: Selection, *, token_id: int | None = None) -> dict[str, Any]:
        """Delete the organization's suggestions matching ``sel``: {"deleted", "exports_holding"}."""
        if sel.is_empty():
            raise ValidationError(
                "say what to erase: a suggestion id, an encounter_id, a session_id or a date (before)",
                field="selection")
        with self.db.unit_of_work() as uow:
            deleted, batch_ids = uow.repo(SuggestionRepository).erase(org_id, sel)
            if sel.public_id is not None and deleted == 0:
                raise NotFoundError("no suggestion with this id in this organization")
            holding = uow.repo(ExportRepository).summaries(org_id, batch_ids)
            kind, which = _what(sel)
            audit.record(uow, org_id, token_id, "deleted", kind, which, deleted)
        log.info("erased %d suggestions of organization %d (%d exports held some)", deleted, org_id,
                 len(holding))
        return {"deleted": deleted, "exports_holding": holding}

    def org_counts(self, name: str) -> OrgCounts:
        """What deleting the organization would delete (shown before asking for confirmation)."""
        with self.db.unit_of_work(write=False) as uow:
            org = org_id_of(uow, name)
            return OrgCounts(
                suggestions=uow.repo(SuggestionRepository).count(org, SuggestionFilter()),
                exports=uow.repo(ExportRepository).count(org),
                tokens=uow.repo(TokenRepository).count(org),
            )

    def delete_org(self, name: str, *, confirm: str) -> dict[str, Any]:
        """Delete an organization with everything it holds; ``confirm`` must repeat its name."""
        if confirm != name:
            counts = self.org_counts(name)  # NotFoundError first, for a name that does not exist
            raise ValidationError(
                f"deleting organization {name!r} deletes {counts.suggestions} suggestions, "
                f"{counts.exports} exports and {counts.tokens} tokens; to go ahead, repeat its name "
                f"(--confirm {name!r})",
                field="confirm")
        with self.db.unit_of_work() as uow:
            org = org_id_of(uow, name)
            counts = OrgCounts(
                suggestions=uow.repo(SuggestionRepository).count(org, SuggestionFilter()),
                exports=uow.repo(ExportRepository).count(org),
                tokens=uow.repo(TokenRepository).count(org),
            )
            uow.repo(OrgRepository).delete(org)
            audit.record(uow, org, None, "deleted", "organization", name, counts.suggestions)
        shutil.rmtree(self.exports_dir / str(org), ignore_errors=True)  # its bundles, after the commit
        log.info("deleted organization %d: %d suggestions, %d exports, %d tokens", org, counts.suggestions,
                 counts.exports, counts.tokens)
        return {"organization": name, "id": org, "deleted": counts.as_dict()}
