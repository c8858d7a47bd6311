"""Closing the loop with rules: propose from the summary, replay, apply, history, rollback.

Every organization's rules are versioned in the database (``rulebook.py``); applying or rolling back
adds a version, and the engine of that organization uses the newest at once (review items, replay and
exports all ask ``rulebook.org_rules``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tilbake.deid.detect.rules import Rules
from tilbake.errors import ConflictError, NotFoundError, ValidationError
from tilbake.review import privacy
from tilbake.review.aggregate import summarize
from tilbake.review.corrections import Entity
from tilbake.review.corrections import replay as replay_corrections
from tilbake.review.proposals import Proposal, Reviewed, candidates, replay, with_entries
from tilbake.review.repository import FeedbackRepository, ReviewRepository, RulesRepository
from tilbake.review.rulebook import org_rules, rules_of, version_name
from tilbake.review.service import EngineFor, _corrections
from tilbake.store import Database, UnitOfWork
from tilbake.store.clock import utcnow


def documents(uow: UnitOfWork, org_id: int, *, reviewed_only: bool = True) -> list[Reviewed]:
    """The organization's review items as text + the entities the reviewers left."""
    repo, out = uow.repo(ReviewRepository), []
    for item in repo.with_text(org_id, reviewed_only=reviewed_only):
        entities = replay_corrections(map(Entity.from_dict, item["detected"]),
                                      _corrections(repo.corrections(item["id"])))
        out.append(Reviewed(item["text"], tuple(entities)))
    return out


class RulesService:
    def __init__(self, db: Database, secret: bytes, engine_for: EngineFor) -> None:
        self.db, self.secret, self.engine_for = db, secret, engine_for

    def _proposals(self, uow: UnitOfWork, org_id: int, rules: Rules, min_count: int) -> list[Proposal]:
        summary = summarize(uow, org_id, top=None)
        groups = uow.repo(FeedbackRepository).grouped(org_id, "mark_as_pii", ("entity_hash", "updated_label"))
        missed = [(g["entity_hash"], g["updated_label"], g["count"]) for g in groups]
        texts: dict[str, str] = {}
        for doc in documents(uow, org_id, reviewed_only=False):
            for e in doc.entities:
                piece = doc.text[e.start:e.end]
                texts.setdefault(privacy.keyed_hash(self.secret, piece), " ".join(piece.split()))
        return candidates(summary, missed, rules, texts.get, min_count)

    def propose(self, org_id: int, min_count: int = 2) -> dict[str, Any]:
        """Proposals, each with its replay on the reviewed documents (nothing is applied)."""
        if not 1 <= min_count <= 1000:
            raise ValidationError("min_count must be within 1..1000", field="min_count")
        with self.db.unit_of_work(write=False) as uow:
            rules = org_rules(uow, org_id)
            proposals = self._proposals(uow, org_id, rules, min_count)
            docs = documents(uow, org_id)
        return {"rules_version": rules.version, "reviewed_documents": len(docs),
                "proposals": replay(proposals, rules, self.engine_for, docs)}

    def apply(self, org_id: int, ids: Sequence[str] = (), *, include_recall_lowering: bool = False,
              min_count: int = 2) -> dict[str, Any]:
        """A new rules version with the proposals named (default: every one applied by default).
        A proposal that lowers recall is applied only when named and ``include_recall_lowering``."""
        shown = self.propose(org_id, min_count)
        by_id = {p["id"]: p for p in shown["proposals"]}
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise NotFoundError(f"{len(unknown)} of the ids name no current proposal (run propose again)")
        default = [p for p in shown["proposals"] if p["applied_by_default"]]
        chosen = [by_id[i] for i in ids] if ids else default
        lowering = [p["id"] for p in chosen if not p["applied_by_default"]]
        if lowering and not include_recall_lowering:
            raise ConflictError(f"proposal {lowering[0]} lowers recall on the reviewed documents; "
                                "apply it only with include_recall_lowering")
        if not chosen:
            raise ConflictError("no proposal to apply")
        picked = [Proposal.of(p["kind"], p["evidence"], **p["entry"]) for p in chosen]
        return self._add_version(org_id, lambda rules: with_entries(rules, picked),
                                 f"applied {len(picked)} proposal(s)", {"proposals": chosen})

    def _add_version(self, org_id: int, change: Any, note: str, replay_info: dict[str, Any] | None
                     ) -> dict[str, Any]:
        with self.db.unit_of_work() as uow:
            repo = uow.repo(RulesRepository)
            latest = repo.latest(org_id)
            number = (latest["version"] if latest else 0) + 1
            rules = change(rules_of(latest)).to_dict()
            rules.pop("version")
            repo.add({"organization_id": org_id, "version": number, "rules": rules, "note": note[:200],
                      "replay": replay_info, "created_at": utcnow()})
        return self.current(org_id)

    def current(self, org_id: int) -> dict[str, Any]:
        with self.db.unit_of_work(write=False) as uow:
            return org_rules(uow, org_id).to_dict()

    def history(self, org_id: int) -> list[dict[str, Any]]:
        with self.db.unit_of_work(write=False) as uow:
            rows = uow.repo(RulesRepository).history(org_id)
        return [{"version": version_name(r["version"]), "created_at": r["created_at"], "note": r["note"],
                 "rules": r["rules"]} for r in rows]

    def rollback(self, org_id: int, to_version: int | None = None) -> dict[str, Any]:
        """A new version holding the rules of ``to_version`` (default: the one before the newest;
        0 is the built-in, empty rules)."""
        with self.db.unit_of_work(write=False) as uow:
            repo = uow.repo(RulesRepository)
            latest = repo.latest(org_id)
            if latest is None:
                raise ConflictError("this organization has no rules to roll back")
            target = latest["version"] - 1 if to_version is None else to_version
            row = repo.version(org_id, target) if target > 0 else None
            if target > 0 and row is None:
                raise NotFoundError(f"no rules version {target} in this organization")
        note = f"rollback to {version_name(target)}" if target > 0 else "rollback to the built-in rules"
        return self._add_version(org_id, lambda _rules: rules_of(row), note, None)
