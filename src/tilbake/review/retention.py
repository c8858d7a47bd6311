"""How long FeedbackEvents are kept: 10,000 events or 90 days, whichever comes first, per organization.

The oldest events are pruned on every write and by ``tilbake feedback prune``.
"""

from __future__ import annotations

from dataclasses import dataclass

from tilbake.errors import ValidationError
from tilbake.review.repository import FeedbackRepository
from tilbake.store import UnitOfWork

MAX_EVENTS, MAX_DAYS = 10_000, 90


@dataclass(frozen=True)
class Retention:
    max_events: int = MAX_EVENTS
    max_days: int = MAX_DAYS

    def check(self) -> None:
        if not 1 <= self.max_events <= 10_000_000:
            raise ValidationError("max_events must be within 1..10000000", field="max_events")
        if not 1 <= self.max_days <= 3650:
            raise ValidationError("max_days must be within 1..3650", field="max_days")

    def as_dict(self) -> dict[str, int]:
        return {"max_events": self.max_events, "max_days": self.max_days}


def retention_of(uow: UnitOfWork, org_id: int) -> Retention:
    row = uow.repo(FeedbackRepository).settings(org_id)
    return Retention(row["max_events"], row["max_days"]) if row else Retention()
