"""The de-identification engine behind the export's Anonymizer interface.

Tags mode (the default) rewrites names to "Pasient" / "Behandler" when the context says which (else
``[NAVN]``), ages to decade ranges, dates to ``[DATO]`` (removed) and everything else to its tag.
Surrogates mode uses keyed, consistent fakes (dates shifted). Either way the ranges written are
handed to the leak gate, which ignores them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tilbake import __version__
from tilbake.deid.apply import rewrite
from tilbake.deid.engine import Deidentifier
from tilbake.deid.operators import OperatorContext, age, get_operator, role, tag
from tilbake.deid.spans import Label, Span
from tilbake.errors import ValidationError
from tilbake.export.anonymize import MODES, Anonymized
from tilbake.export.leakscan import LeakScanner
from tilbake.export.pipeline import Cleaner

#: engine spans at or above this score left in anonymized text quarantine the row
LEAK_THRESHOLD = 0.85


@lru_cache(maxsize=2)
def load(model: bool = True) -> Deidentifier:
    """The default engine with the shipped NER model, built once per process. The model halves the PHI
    the rules alone leave behind on the synthetic notes, for about twice the CPU (docs/benchmarks.md)."""
    return Deidentifier.default(model=model)


def tags_operator(text: str, spans: Sequence[Span], ctx: OperatorContext) -> list[str]:
    roles, ages, tags = role(text, spans, ctx), age(text, spans, ctx), tag(text, spans, ctx)
    by_label = {Label.PERSON: roles, Label.AGE: ages}
    return [by_label.get(s.label, tags)[i] for i, s in enumerate(spans)]


class EngineAnonymizer:
    def __init__(self, engine: Deidentifier, mode: str = "tags", *, secret: bytes = b"") -> None:
        if mode not in MODES:
            raise ValidationError(f"mode must be one of {', '.join(MODES)}, got {mode!r}", field="mode")
        if mode == "surrogates" and not secret:
            raise ValidationError("surrogates need the installation secret", field="mode")
        self.engine, self.mode = engine, mode
        self.ctx = OperatorContext(secret=secret, scope="export")
        self.operator = tags_operator if mode == "tags" else get_operator("surrogate")
        self.versions = {
            "detector": f"tilbake-deid {__version__} ({', '.join(sorted(d.name for d in engine.detectors))})",
            "rules": engine.rules.version,
            "model": next(
                (str(getattr(d, "version", d.name)) for d in engine.detectors if "ner" in d.name), "none"
            ),
        }

    def anonymize_many(self, texts: Sequence[str]) -> list[Anonymized]:
        out = []
        for text, spans in zip(texts, self.engine.detect_many(texts), strict=True):
            if not spans:
                out.append(Anonymized(text))
                continue
            new, moved = rewrite(text, spans, self.operator(text, spans, self.ctx))
            out.append(Anonymized(new, tuple((s.start, s.end) for s in moved)))
        return out


def make_cleaner(mode: str, secret: bytes) -> Cleaner:
    """The anonymize-and-scan step with the default engine (module level: picklable for workers)."""
    return Cleaner(
        EngineAnonymizer(load(), mode, secret=secret), LeakScanner(load(), threshold=LEAK_THRESHOLD)
    )
