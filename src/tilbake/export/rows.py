"""Row builders: one anonymized suggestion in, TRL conversational rows out (DESIGN §2). Pure functions.

Which decision yields which row:

    decision        SFT (assistant = ...)   DPO (chosen / rejected)        KTO (completion, label)
    accepted_as_is  AI text                 -                              AI text, true
    minor_edit      clinician's text        clinician's / AI text          AI text, false; clinician's, true
    major_edit      clinician's text        clinician's / AI text          AI text, false; clinician's, true
    rejected        -                       clinician's / AI (if written)  AI text, false; clinician's, true
    ignored         -                       -                              -   (no signal: skipped)

Metadata carries the suggestion type, decision class, confidence, age range and whose text the
completion is; never an organization, user, encounter, session or patient id.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from tilbake.capture.decisions import CORRECTION_TYPES as DECISIONS
from tilbake.capture.decisions import EDITS
from tilbake.export.prompts import Message, prompt_messages

Row = dict[str, Any]
FORMATS = ("sft", "dpo", "kto")
METADATA_KEYS = ("suggestion_type", "decision", "confidence", "age_range", "source")


@dataclass(frozen=True, slots=True)
class Example:
    """One decided suggestion with every free-text field already anonymized."""

    suggestion_type: str
    decision: str
    original: str
    correction: str | None = None
    confidence: float | None = None
    age_range: str | None = None
    chief_complaint: str | None = None
    diagnosis_codes: tuple[str, ...] = ()

    def __repr__(self) -> str:  # texts stay out of reprs, even anonymized ones
        return f"Example({self.suggestion_type!r}, {self.decision!r}, <texts hidden>)"


@dataclass(slots=True)
class RowSet:
    """The rows one example yields, per format, or why it yields none."""

    sft: list[Row] = field(default_factory=list)
    dpo: list[Row] = field(default_factory=list)
    kto: list[Row] = field(default_factory=list)
    skipped: str | None = None

    def by_format(self) -> dict[str, list[Row]]:
        return {"sft": self.sft, "dpo": self.dpo, "kto": self.kto}


def clean_text(text: str | None) -> str:
    """NFC, Unix newlines, no surrounding blanks: the same text always gives the same bytes."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _assistant(text: str) -> list[Message]:
    return [{"role": "assistant", "content": text}]


def _metadata(ex: Example, source: str) -> dict[str, Any]:
    confidence = None if ex.confidence is None else round(float(ex.confidence), 4)
    return {
        "suggestion_type": ex.suggestion_type,
        "decision": ex.decision,
        "confidence": confidence,
        "age_range": ex.age_range,
        "source": source,
    }


def sft_row(prompt: list[Message], completion: str, metadata: dict[str, Any]) -> Row:
    return {"messages": [*prompt, *_assistant(completion)], "metadata": metadata}


def dpo_row(prompt: list[Message], chosen: str, rejected: str, metadata: dict[str, Any]) -> Row:
    return {
        "prompt": prompt,
        "chosen": _assistant(chosen),
        "rejected": _assistant(rejected),
        "metadata": metadata,
    }


def kto_row(prompt: list[Message], completion: str, label: bool, metadata: dict[str, Any]) -> Row:
    return {"prompt": prompt, "completion": _assistant(completion), "label": label, "metadata": metadata}


def build_rows(ex: Example) -> RowSet:
    """Every row ``ex`` contributes to the three files (see the table in the module docstring)."""
    if ex.decision not in DECISIONS:
        return RowSet(skipped="unknown_decision")
    if ex.decision == "ignored":
        return RowSet(skipped="ignored")
    original, correction = clean_text(ex.original), clean_text(ex.correction)
    if not original:
        return RowSet(skipped="empty_suggestion")
    prompt = prompt_messages(
        ex.suggestion_type, clean_text(ex.chief_complaint) or None, ex.age_range, ex.diagnosis_codes
    )
    ai, clinician = _metadata(ex, "ai"), _metadata(ex, "clinician")
    out = RowSet()
    if ex.decision == "accepted_as_is":
        out.sft.append(sft_row(prompt, original, ai))
        out.kto.append(kto_row(prompt, original, True, ai))
        return out
    has_better = bool(correction) and correction != original
    if ex.decision in EDITS and not has_better:
        return RowSet(skipped="edit_without_change")
    out.kto.append(kto_row(prompt, original, False, ai))
    if has_better:
        if ex.decision in EDITS:
            out.sft.append(sft_row(prompt, correction, clinician))
        out.dpo.append(dpo_row(prompt, correction, original, clinician))
        out.kto.append(kto_row(prompt, correction, True, clinician))
    return out
