"""What an export asks of the review area: the organization's rules, and which quarantined rows go out.

A suggestion the leak gate held back in an export stays out of every later export until a reviewer has
reviewed each of its free-text fields (``tilbake`` makes one review item per field, ``from_quarantine``).
Until then it is counted in the manifest as quarantined, reason ``awaiting_review``; once reviewed, its
fields go into the next export as the reviewer left them (rendered with the corrections applied), and
still through the normal anonymizer and leak gate, which can only take more out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from tilbake.export.pipeline import Outcome
from tilbake.review.corrections import Entity, render
from tilbake.review.corrections import replay as replay_corrections
from tilbake.review.repository import ReviewRepository
from tilbake.review.rulebook import org_rules
from tilbake.review.service import _corrections
from tilbake.store import Database

AWAITING_REVIEW = "awaiting_review"


@dataclass
class OrgRelease:
    """One export's view: the rules in force, the rows held back, the reviewed texts of released rows."""

    factory_args: dict[str, Any]
    held_ids: set[int]
    released: dict[int, dict[str, str]] = field(repr=False)  # suggestion id -> field -> reviewed text
    held: list[int] = field(default_factory=list)

    def records(self, records: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
        for record in records:
            sid = record.get("id")
            if sid in self.held_ids:
                self.held.append(int(sid))
            elif sid in self.released:
                yield _with_fields(record, self.released[int(sid)])
            else:
                yield record

    def count_held(self, outcome: Outcome) -> None:
        for sid in self.held:
            outcome.quarantined.append((sid, (AWAITING_REVIEW,)))
            outcome.tally.quarantined[AWAITING_REVIEW] += 1
            outcome.tally.quarantined_suggestions += 1


def _with_fields(record: Mapping[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    out = dict(record)
    for name, text in texts.items():
        if name == "chief_complaint":
            out["context_data"] = {**(out.get("context_data") or {}), "chief_complaint": text}
        else:
            out[name] = text
    return out


class ExportRelease:
    """Built by the wiring root and handed to the export service (``review=``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def for_org(self, org_id: int) -> OrgRelease:
        with self.db.unit_of_work(write=False) as uow:
            repo = uow.repo(ReviewRepository)
            rules = org_rules(uow, org_id)
            quarantined = repo.quarantined_ids(org_id)
            items = [i for i in repo.suggestion_items(org_id, sorted(quarantined))
                     if i["source"] == "quarantine"]
            waiting = {i["suggestion_id"] for i in items if i["status"] != "reviewed"}
            ready = {i["suggestion_id"] for i in items} - waiting
            released: dict[int, dict[str, str]] = {}
            for i in (i for i in items if i["suggestion_id"] in ready):
                released.setdefault(i["suggestion_id"], {})[i["field"]] = _rendered(repo, org_id, i["id"])
        args = {"rules": rules.to_dict()} if rules.version != "builtin" else {}
        return OrgRelease(args, quarantined - ready, released)


def _rendered(repo: ReviewRepository, org_id: int, item_id: str) -> str:
    """A reviewed item's text with the reviewer's corrections applied."""
    item = repo.item(org_id, item_id)
    assert item is not None
    corrections = _corrections(repo.corrections(item_id))
    entities = replay_corrections(map(Entity.from_dict, item["detected"]), corrections)
    return render(item["text"], entities)
