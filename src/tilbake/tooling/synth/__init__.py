"""Synthetic Norwegian clinical text with gold PHI spans: AI-suggestion records and clinical notes.

``suggestions(n, seed)`` yields records in the first client's ``ai_feedback`` shape (demo data, export
benchmarks); ``notes(n, seed, split=...)`` yields gold-corpus rows (NER training and recall measurement).
Both are deterministic by seed and stream.
"""

from __future__ import annotations

from tilbake.tooling.synth.notes import SPLITS, notes
from tilbake.tooling.synth.suggestions import DECISIONS, SUGGESTION_TYPES, gold_rows, suggestions

__all__ = ["DECISIONS", "SPLITS", "SUGGESTION_TYPES", "gold_rows", "notes", "suggestions"]
