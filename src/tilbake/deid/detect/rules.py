"""User rules, learned from reviewers' corrections: an allow list, a deny list and extra context words.

Rules are plain data with a version, so an export can record exactly which rules de-identified it:

    {"schema": 1, "version": "2026-11-23.1",
     "allow": ["Bekhterev"],                                 # never PHI (whole span, any case)
     "deny": [{"text": "Solsiden", "label": "ORG"}],          # always PHI where it occurs as a word
     "context": [{"words": "behandlet av", "label": "PERSON"}]}  # what follows these words is PHI

A context rule labels the capitalised words (PERSON, ORG, LOCATION) or the number/identifier
(other labels) right after its words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tilbake.deid.spans import Label, Span
from tilbake.errors import ValidationError

SCHEMA = 1
_LABELS = ", ".join(label.value for label in Label)


@dataclass(frozen=True)
class DenyRule:
    text: str
    label: Label


@dataclass(frozen=True)
class ContextRule:
    words: str
    label: Label


@dataclass(frozen=True)
class Rules:
    version: str = "builtin"
    allow: frozenset[str] = field(default_factory=frozenset)
    deny: tuple[DenyRule, ...] = ()
    context: tuple[ContextRule, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rules:
        """Build rules from their JSON form; a bad entry raises ValidationError naming the field."""
        if data.get("schema", SCHEMA) != SCHEMA:
            raise ValidationError(f"rules schema must be {SCHEMA}, got {data.get('schema')!r}",
                                  field="schema")
        version = data.get("version")
        if not isinstance(version, str) or not version:
            raise ValidationError("rules need a non-empty string 'version'", field="version")
        allow = data.get("allow", [])
        if not isinstance(allow, list) or not all(isinstance(a, str) and a.strip() for a in allow):
            raise ValidationError("'allow' must be a list of non-empty strings", field="allow")
        deny = tuple(DenyRule(_text(d, "text", "deny"), _label(d, "deny")) for d in _list(data, "deny"))
        context = tuple(ContextRule(_text(c, "words", "context").lower(), _label(c, "context"))
                        for c in _list(data, "context"))
        return cls(version, frozenset(a.strip().lower() for a in allow), deny, context)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "version": self.version, "allow": sorted(self.allow),
                "deny": [{"text": d.text, "label": d.label.value} for d in self.deny],
                "context": [{"words": c.words, "label": c.label.value} for c in self.context]}

    def allowed(self, text: str, span: Span) -> bool:
        return text[span.start:span.end].strip().lower() in self.allow

    def deny_spans(self, text: str) -> list[Span]:
        out: list[Span] = []
        if not self.deny:
            return out
        for rule in self.deny:
            for m in re.finditer(rf"(?<!\w){re.escape(rule.text)}(?!\w)", text, re.IGNORECASE):
                out.append(Span(m.start(), m.end(), rule.label, 1.0, "rules:deny"))
        return out

    def context_spans(self, text: str) -> list[Span]:
        out: list[Span] = []
        if not self.context:
            return out
        lower = text.lower()
        for rule in self.context:
            wordy = rule.label in (Label.PERSON, Label.ORG, Label.LOCATION)
            after = _CAPWORDS if wordy else _TOKEN
            i = lower.find(rule.words)
            while i >= 0:
                if i == 0 or not lower[i - 1].isalnum():
                    m = after.match(text, i + len(rule.words))
                    if m and m.group(1):
                        out.append(Span(m.start(1), m.end(1), rule.label, 0.9, "rules:context"))
                i = lower.find(rule.words, i + 1)
        return out


_CAPWORDS = re.compile(r"[\s:.,]*([A-ZÆØÅ][\w'\-]*(?: [A-ZÆØÅ][\w'\-]*){0,3})")
_TOKEN = re.compile(r"[\s:.,#]*(\w[\w\-/.]*\w|\w)")


def _list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ValidationError(f"'{key}' must be a list of objects", field=key)
    return value


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"every '{where}' entry needs a non-empty string '{key}'",
                              field=f"{where}.{key}")
    return value.strip()


def _label(entry: Mapping[str, Any], where: str) -> Label:
    try:
        return Label(str(entry.get("label")))
    except ValueError:
        raise ValidationError(f"'{where}' label must be one of {_LABELS}, got {entry.get('label')!r}",
                              field=f"{where}.label") from None
