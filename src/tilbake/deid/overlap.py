"""Overlap resolution and name propagation: turning every detector's candidates into one clean set."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tilbake.deid.lang_nb import words
from tilbake.deid.spans import Label, Span

_JOINERS = frozenset({"", " ", "-"})


def resolve_overlaps(spans: Iterable[Span], text: str | None = None) -> list[Span]:
    """Non-overlapping spans, sorted by start.

    1. Spans of one label that overlap are merged into their union (the model's "Nordmann" and a
       rule's "Kari Nordmann" become one name), as are PERSON pieces that touch or are separated by
       only a space or hyphen (when ``text`` is given to check the gap).
    2. Across labels, the highest score wins; on equal scores the longer span; then the earlier one.
    """
    merged = _merge_same_label(sorted(spans, key=lambda s: (s.label, s.start, -s.end)), text)
    chosen: list[Span] = []
    for span in sorted(merged, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        if not any(span.start < c.end and c.start < span.end for c in chosen):
            chosen.append(span)
    return sorted(chosen)


def _merge_same_label(spans: list[Span], text: str | None) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and out[-1].label == span.label:
            last = out[-1]
            touching = span.label == Label.PERSON and text is not None and last.end <= span.start and \
                text[last.end:span.start] in _JOINERS
            if span.start < last.end or touching:
                end = max(last.end, span.end)
                if end == last.end:  # contained: keep the larger span as it was, with the best score
                    source = last.source
                elif span.start == last.start:
                    source = span.source
                else:
                    source = last.source if last.source == span.source else f"{last.source}+{span.source}"
                out[-1] = Span(last.start, end, last.label, max(last.score, span.score), source)
                continue
        out.append(span)
    return out


_SKIP_TOKENS = frozenset(w.lower() for w in words.NON_NAME_CAPWORDS) | {
    t.lower() for t in words.PERSON_TITLES}
_TOKEN = re.compile(r"[A-ZÆØÅÉ][\wæøåÆØÅéü'\-]+")


def propagate_names(text: str, spans: list[Span]) -> list[Span]:
    """Later (and earlier) mentions of names already found: "Kari", "Nordmann", "Karis", "K. Nordmann"."""
    names: set[str] = set()
    for span in spans:
        if span.label == Label.PERSON and span.score >= 0.6:
            for token in _TOKEN.findall(text[span.start:span.end]):
                if len(token) > 1 and token.lower() not in _SKIP_TOKENS:
                    names.add(token.rstrip("'"))
    if not names:
        return []
    ordered = sorted(names, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in ordered + [n.upper() for n in ordered if not n.isupper()])
    surnames = "|".join(re.escape(n) for n in ordered)
    pattern = re.compile(rf"(?<![\w.])(?:[A-ZÆØÅ]\. ?(?:{surnames})|(?:{alternation})(?:s|'s|')?)(?![\w])")
    return [Span(m.start(), m.end(), Label.PERSON, 0.8, "propagation") for m in pattern.finditer(text)]
