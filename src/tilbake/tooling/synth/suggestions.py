"""Synthetic AI-suggestion records in the first client's ``ai_feedback`` shape, with gold PHI spans.

Each record is what a clinician saw (``original_suggestion``) and did (accepted as is, a minor or major
edit, rejected, ignored), with context, ratings and timings. The free texts carry plenty of PHI, since
the export must anonymize it; ``_gold`` holds its exact spans per free-text field so leaks can be
measured (``context_data.chief_complaint`` under the key ``chief_complaint``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from tilbake.tooling.synth import clinical
from tilbake.tooling.synth.edits import MAJOR_MIN, differs_by_at_least, minor_edit, surely_differs
from tilbake.tooling.synth.rand import Pool, chance, pick
from tilbake.tooling.synth.scene import Scene, expand
from tilbake.tooling.synth.suggestion_texts import CHIEF, COMM, FAMILIES, FEEDBACK_NOTES, HEAD, RF, SUMMARY
from tilbake.tooling.synth.text import Frags, join, render, words

SUGGESTION_TYPES = tuple(FAMILIES)
DECISIONS = Pool(("accepted_as_is", "minor_edit", "major_edit", "rejected", "ignored"), (40, 25, 15, 12, 8))
MODELS = (
    ("gpt-4o-mini", "2024-07-18"),
    ("gpt-4o", "2024-08-06"),
    ("claude-3-5-sonnet", "20241022"),
    ("llama-3.1-8b-instruct-nb", "1.2.0"),
    ("normistral-7b-warm", "0.9.1"),
    ("mistral-small", "2501"),
)
_CONFIDENCE = {
    "accepted_as_is": (0.7, 0.99),
    "minor_edit": (0.55, 0.95),
    "major_edit": (0.3, 0.8),
    "rejected": (0.1, 0.7),
    "ignored": (0.2, 0.9),
}
_RATING = {
    "accepted_as_is": (4, 5),
    "minor_edit": (3, 5),
    "major_edit": (2, 4),
    "rejected": (1, 2),
    "ignored": (1, 3),
}
MIN_WORDS = 14
_START = dt.datetime(2026, 8, 1, 7, 0, tzinfo=dt.UTC)


def _draft(scene: Scene, families: tuple[tuple[str, ...], ...], k: int) -> list[Frags]:
    # Each family in turn, then at random; a template is used at most once per draft.
    rng = scene.rng
    used: set[str] = set()
    out = []
    for i in range(k):
        fam = families[i] if i < len(families) else pick(rng, families)
        template = pick(rng, fam)
        if template in used:
            template = pick(rng, fam)
            if template in used:
                continue
        used.add(template)
        out.append(expand(scene, template))
    return out


def _major(scene: Scene, draft: list[Frags], families: tuple[tuple[str, ...], ...]) -> list[Frags]:
    # At most one original sentence kept, the rest the clinician's own; redrawn until it provably
    # differs enough (the cheap bound first, the exact ratio only for the last try).
    before = _plain(draft)
    for attempt in range(10):
        kept = [draft[0]] if attempt < 4 and len(draft) >= 4 and chance(scene.rng, 0.5) else []
        k = scene.rng.randint(max(2, len(draft) - 1), len(draft) + 2)
        final = kept + _draft(scene, families, k)
        if surely_differs(before, _plain(final), MAJOR_MIN):
            return final
    # Rare: keep adding the clinician's own sentences; each new word raises the ratio towards 1.
    for _ in range(20):
        if differs_by_at_least(before, _plain(final), MAJOR_MIN):
            break
        final.append(expand(scene, pick(scene.rng, pick(scene.rng, (SUMMARY, RF, COMM)))))
    return final


def _plain(sentences: list[Frags]) -> str:
    return "".join(f.text for f in join(sentences))  # the text as rendered (word splits match)


class _Gold:
    """Gold PHI spans and hard negatives of each free-text field, collected as the texts are rendered."""

    def __init__(self) -> None:
        self.spans: dict[str, Any] = {}
        self.negatives: dict[str, Any] = {}

    def text(self, sentences: list[Frags] | None, key: str, sep: str = " ") -> str | None:
        if sentences is None:
            return None
        text, self.spans[key], self.negatives[key] = render(join(sentences, sep))
        return text


def _draft_and_final(
    scene: Scene, families: tuple[tuple[str, ...], ...], decision: str
) -> tuple[list[Frags], list[Frags] | None]:
    """The AI's draft and, when the clinician wrote one, the final text."""
    rng = scene.rng
    draft = _draft(scene, families, rng.randint(3, 6))
    if chance(rng, 0.6):
        draft.insert(0, expand(scene, pick(rng, HEAD)))
    for _ in range(6):  # a draft of a dozen words or more, so a minor edit stays minor
        if sum(words(s) for s in draft) >= MIN_WORDS:
            break
        draft += _draft(scene, families, 1)
    if decision == "minor_edit":
        return draft, minor_edit(rng, draft)
    if decision == "major_edit" or (decision == "rejected" and chance(rng, 0.4)):
        return draft, _major(scene, draft, families)
    return draft, None


def _record(rng: random.Random, i: int, split: str) -> dict[str, Any]:
    scene = Scene(rng, split)
    stype = (
        SUGGESTION_TYPES[i % len(SUGGESTION_TYPES)]
        if i < len(SUGGESTION_TYPES)
        else pick(rng, SUGGESTION_TYPES)
    )
    decision = DECISIONS.draw(rng)
    draft, final = _draft_and_final(scene, FAMILIES[stype], decision)
    gold = _Gold()
    sep = "\n" if stype == "template" else " "
    original = gold.text(draft, "original_suggestion", sep)
    correction = gold.text(final, "user_correction", sep)
    note = [expand(scene, pick(rng, FEEDBACK_NOTES))] if chance(rng, 0.3) else None
    notes = gold.text(note, "feedback_notes")
    chief = gold.text([expand(scene, pick(rng, CHIEF))], "chief_complaint")
    lo, hi = _CONFIDENCE[decision]
    model, version = pick(rng, MODELS)
    created = _START + dt.timedelta(seconds=rng.randrange(90 * 86400))
    return {
        "suggestion_type": stype,
        "original_suggestion": original,
        "user_correction": correction,
        "accepted": decision in ("accepted_as_is", "minor_edit", "major_edit"),
        "correction_type": decision,
        "confidence_score": round(rng.uniform(lo, hi), 3),
        "user_rating": rng.randint(*_RATING[decision]) if chance(rng, 0.7) else None,
        "feedback_notes": notes,
        "context_data": {
            "chief_complaint": chief,
            "patient_age": scene.age,
            "diagnosis_codes": clinical.diagnosis_codes(rng, scene.complaint()[1]),
        },
        "time_to_decision": int(rng.lognormvariate(9.3 if decision != "ignored" else 10.5, 0.7)),
        "model_name": model,
        "model_version": version,
        "session_id": f"ses-{rng.getrandbits(48):012x}",
        "encounter_id": f"enc-{rng.getrandbits(48):012x}",
        "template_id": f"tpl-{rng.randrange(40):03d}",
        "created_at": created.isoformat(),
        "_gold": gold.spans,
        "_negatives": gold.negatives,
    }


def suggestions(n: int, seed: int, *, split: str = "heldout") -> Iterator[dict[str, Any]]:
    """Yield ``n`` suggestion records, the same ones for the same seed; the first 19 cover every type.

    ``split`` chooses the name and place pools (see ``notes``). The default, ``heldout``, keeps the
    people and places of these records out of what a model trained on ``notes(split="train")`` saw, so
    leak figures measured on them are not flattered by memorisation.
    """
    if split not in ("train", "heldout"):
        raise ValueError(f"split must be one of ['heldout', 'train'], got {split!r}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    rng = random.Random(f"suggestions:{seed}")
    for i in range(n):
        yield _record(rng, i, split)


def gold_rows(record: dict[str, Any], record_id: str) -> Iterator[dict[str, Any]]:
    """The record's free texts as gold-corpus rows (``{"id", "text", "spans", "negatives"}``, ids
    ``record_id:field``), ready for ``score_spans.py`` or a leak check."""
    texts = {"original_suggestion": record["original_suggestion"],
             "user_correction": record["user_correction"], "feedback_notes": record["feedback_notes"],
             "chief_complaint": record["context_data"]["chief_complaint"]}
    for field, text in texts.items():
        if text is not None:
            yield {"id": f"{record_id}:{field}", "text": text, "spans": record["_gold"][field],
                   "negatives": record["_negatives"][field]}
