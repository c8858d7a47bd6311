"""What a FeedbackEvent may keep of an entity: a keyed hash, its shape, its length and a masked context.

    keyed_hash(secret, "Kari Hansen")  -> HMAC-SHA256 hex (the same name always gives the same key,
                                          and nobody without the installation secret can test a guess)
    shape("Kari Hansen")               -> "Xxxx Xxxxxx"      pattern("Kari Hansen") -> "Xx Xx"
    masked_context(text, span, spans)  -> "... jobber på [ORG], tlf [PHONE] ..." (at most 200 chars)
    cue(text, start, spans)            -> "jobber på" (the words right before, never an entity)
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable

from tilbake.deid.spans import Span

CONTEXT_CHARS = 200
_SIDE = 80  # characters kept on each side of the entity before masking
_WORD = re.compile(r"[^\W\d_]+")


def normalized(text: str) -> str:
    """One key per entity whatever its spacing or case (NFC, case-folded, single spaces)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def keyed_hash(secret: bytes, text: str) -> str:
    return hmac.new(secret, normalized(text).encode(), hashlib.sha256).hexdigest()


def _cls(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if ch.isalpha():
        return "X" if ch.isupper() else "x"
    return ch


def shape(text: str) -> str:
    """Letters and digits by class, punctuation as written, length kept: "dd.dd.dddd"."""
    return "".join(_cls(ch) for ch in text)[:200]


def pattern(text: str) -> str:
    """The shape with runs folded, so names of any length share it: "Xx Xx", "d.d.d"."""
    return re.sub(r"(.)\1+", r"\1", shape(text))[:200]


def masked_context(text: str, entity: Span, spans: Iterable[Span], *, keep: bool = False) -> str:
    """The window around ``entity`` with ``entity`` and every span in ``spans`` that reaches into it
    replaced by its label; with ``keep`` (text marked as not PII) the entity's own range stays as
    written. A span cut by the window edge is masked whole, so no part of an entity ever leaks."""
    start, end = max(0, entity.start - _SIDE), min(len(text), entity.end + _SIDE)
    own = (entity.start, entity.end)
    masks = sorted({s for s in (entity, *spans)
                    if s.start < end and s.end > start and not (keep and (s.start, s.end) == own)},
                   key=lambda s: (s.start, -s.end))
    out, pos = [], start
    for s in masks:
        if s.end <= pos:
            continue
        if s.start > pos:
            out.append(text[pos:s.start])
        out.append(f"[{s.label.value}]")
        pos = max(pos, s.end)
    if pos < end:
        out.append(text[pos:end])
    joined = " ".join("".join(out).split())
    return _trim(joined)


def _trim(context: str) -> str:
    """At most CONTEXT_CHARS, cut at both ends evenly (a cut never goes through a raw entity: they are
    masked already)."""
    excess = len(context) - CONTEXT_CHARS
    if excess <= 0:
        return context
    left = excess // 2
    return context[left:left + CONTEXT_CHARS]


def cue(text: str, start: int, spans: Iterable[Span], *, words: int = 2) -> str:
    """The last ``words`` words before ``start`` in the same sentence, lower case, none inside a span."""
    begin = max(0, start - 60)
    for s in spans:
        if s.end <= start and s.end > begin:
            begin = s.end  # never reach back over an entity
    before = re.split(r"[.!?\n]", text[begin:start])[-1]
    found = _WORD.findall(before.lower())
    return " ".join(found[-words:])[:100]
