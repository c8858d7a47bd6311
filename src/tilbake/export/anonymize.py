"""The anonymization step of an export, behind a small interface so any engine plugs in.

An ``Anonymizer`` rewrites a batch of texts and tells, for each output, which character ranges it
wrote itself (tags such as ``[NAVN]`` or keyed surrogates): the leak gate skips those, since a
surrogate is meant to look real. ``versions`` lands in the manifest (detector, rules, model);
``engine`` is the detector behind it, if any (the leak gate need not rerun it on untouched text).

``EngineAnonymizer`` puts tilbake's engine behind it. Tags mode (the default) rewrites names to
"Pasient" / "Behandler" when the context says which (else ``[NAVN]``), ages to decade ranges, dates
to ``[DATO]`` (removed) and everything else to its tag. Surrogates mode uses keyed, consistent fakes
(dates shifted). Either way the ranges written are handed to the leak gate, which ignores them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.rewrite.apply import rewrite
from tilbake.deid.rewrite.operators import OperatorContext, age, get_operator, role, tag
from tilbake.deid.spans import Detector, Label, Range, Span
from tilbake.errors import ValidationError

MODES = ("tags", "surrogates")


@dataclass(frozen=True, slots=True)
class Anonymized:
    text: str
    replaced: tuple[Range, ...] = ()

    def __repr__(self) -> str:  # patient text never reaches a repr
        return f"Anonymized(<{len(self.text)} chars>, replaced={len(self.replaced)})"


class Anonymizer(Protocol):
    mode: str
    versions: dict[str, str]
    engine: Detector | None

    def anonymize_many(self, texts: Sequence[str]) -> list[Anonymized]: ...


@dataclass
class CallableAnonymizer:
    """Wraps a plain ``text -> anonymized text`` function (tests, or an engine without ranges)."""

    func: Callable[[str], str]
    mode: str = "tags"
    versions: dict[str, str] = field(default_factory=lambda: {"detector": "callable"})
    engine: Detector | None = None

    def anonymize_many(self, texts: Sequence[str]) -> list[Anonymized]:
        return [Anonymized(self.func(t)) for t in texts]


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
        self.versions = engine.provenance()

    def anonymize_many(self, texts: Sequence[str]) -> list[Anonymized]:
        out = []
        for text, spans in zip(texts, self.engine.detect_many(texts), strict=True):
            if not spans:
                out.append(Anonymized(text))
                continue
            new, moved = rewrite(text, spans, self.operator(text, spans, self.ctx))
            out.append(Anonymized(new, tuple((s.start, s.end) for s in moved)))
        return out
