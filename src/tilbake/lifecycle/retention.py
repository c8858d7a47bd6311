"""Retention of raw suggestion text: each organization keeps the clinical text it captured for a
period after the decision (default 365 days; an undecided suggestion counts from when it was logged).
After that the text (suggestion, correction, notes, context) is removed and the row is never exported;
the decision and its numbers stay, so the reports still count it.

Pruning runs when the web service starts and every few hours while it runs, and on demand with
`tilbake prune`. It logs counts, never text.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from tilbake.accounts.service import org_id as org_id_of
from tilbake.audit import service as audit
from tilbake.capture.repository import SuggestionRepository
from tilbake.errors import ValidationError
from tilbake.lifecycle.repository import RetentionRepository
from tilbake.store import Database
from tilbake.store.clock import utcnow

log = logging.getLogger("tilbake.lifecycle")

DEFAULT_TEXT_RETENTION_DAYS = 365
MAX_TEXT_RETENTION_DAYS = 10 * 366
PRUNE_EVERY_SECONDS = 6 * 3600  # the web service's pruning interval


class RetentionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, org_name: str) -> dict[str, Any]:
        with self.db.unit_of_work(write=False) as uow:
            days = uow.repo(RetentionRepository).days(org_id_of(uow, org_name))
        return {"organization": org_name, "days": days or DEFAULT_TEXT_RETENTION_DAYS,
                "default": days is None}

    def set(self, org_name: str, days: int) -> dict[str, Any]:
        if not 1 <= days <= MAX_TEXT_RETENTION_DAYS:
            raise ValidationError(f"a retention period is 1-{MAX_TEXT_RETENTION_DAYS} days, got {days}",
                                  field="days")
        with self.db.unit_of_work() as uow:
            org = org_id_of(uow, org_name)
            uow.repo(RetentionRepository).set(org, days)
            audit.record(uow, org, None, "updated", "text_retention", f"{days} days")
        return self.get(org_name)

    def prune(self, org_name: str | None = None, *, scheduled: bool = False) -> dict[int, int]:
        """Remove the raw text past each organization's period (or only ``org_name``'s): pruned per org
        id. ``scheduled``: the service's own run (the audit trail's actor), else the local operator's."""
        now = utcnow()
        pruned: dict[int, int] = {}
        with self.db.unit_of_work() as uow:
            rows = uow.repo(SuggestionRepository)
            orgs = {org: timedelta(days=days or DEFAULT_TEXT_RETENTION_DAYS)
                    for org, days in uow.repo(RetentionRepository).all_orgs()}
            if org_name is not None:
                wanted = org_id_of(uow, org_name)
                orgs = {wanted: orgs[wanted]}
            # one cheap query first: only organizations with text older than the shortest period
            due = rows.orgs_with_text_before(now - min(orgs.values(), default=timedelta(0)))
            for org, period in orgs.items():
                pruned[org] = rows.prune_text(org, now - period, now) if org in due else 0
                if pruned[org]:  # a run that removes nothing leaves no trace (it runs every few hours)
                    audit.record(uow, org, None, "pruned", "suggestion_text", None, pruned[org],
                                 by=audit.SCHEDULED if scheduled else None)
        for org, n in pruned.items():
            if n:
                log.info("retention: removed the raw text of %d suggestions of organization %d", n, org)
        log.info("retention: pruned %d suggestions in %d organizations", sum(pruned.values()), len(pruned))
        return pruned
