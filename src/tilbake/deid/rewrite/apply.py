"""One-pass rewrite: replace each span's text, joining the untouched segments and replacements once."""

from __future__ import annotations

from collections.abc import Sequence

from tilbake.deid.spans import Span


def rewrite(text: str, spans: Sequence[Span], replacements: Sequence[str]) -> tuple[str, list[Span]]:
    """Replace ``text[span]`` by its replacement; returns the new text and the spans' new positions.

    Spans must not overlap (resolve them first) and must lie inside the text; a violation raises
    ValueError naming the offsets, never the text.
    """
    if len(spans) != len(replacements):
        raise ValueError(f"{len(spans)} spans but {len(replacements)} replacements")
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, spans[i].end))
    pieces: list[str] = []
    moved: list[Span | None] = [None] * len(spans)
    cursor = length = 0
    for i in order:
        span = spans[i]
        if span.start < cursor:
            raise ValueError(f"spans overlap at offset {span.start}; resolve overlaps before rewriting")
        if span.end > len(text):
            raise ValueError(f"span end {span.end} is past the text's length {len(text)}")
        gap = text[cursor:span.start]
        pieces.append(gap)
        length += len(gap)
        new = replacements[i]
        pieces.append(new)
        moved[i] = Span(length, length + len(new), span.label, span.score, span.source) if new else None
        length += len(new)
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces), [m for m in moved if m is not None]


def apply(text: str, spans: Sequence[Span], replacements: Sequence[str]) -> str:
    """The rewritten text only (no new positions to compute): the hot path of ``anonymize``."""
    if len(spans) != len(replacements):
        raise ValueError(f"{len(spans)} spans but {len(replacements)} replacements")
    pieces: list[str] = []
    cursor = 0
    for span, new in zip(spans, replacements, strict=True):  # the engine's spans come sorted
        start = span.start
        if start < cursor:
            return _apply_sorted(text, spans, replacements)  # unsorted, or overlapping: it tells
        if span.end > len(text):
            raise ValueError(f"span end {span.end} is past the text's length {len(text)}")
        pieces.append(text[cursor:start])
        pieces.append(new)
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _apply_sorted(text: str, spans: Sequence[Span], replacements: Sequence[str]) -> str:
    edits = sorted([(s.start, s.end, new) for s, new in zip(spans, replacements, strict=True)])
    pieces: list[str] = []
    cursor = 0
    for start, end, new in edits:
        if start < cursor:
            raise ValueError(f"spans overlap at offset {start}; resolve overlaps before rewriting")
        if end > len(text):
            raise ValueError(f"span end {end} is past the text's length {len(text)}")
        pieces.append(text[cursor:start])
        pieces.append(new)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
