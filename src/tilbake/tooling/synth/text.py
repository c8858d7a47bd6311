"""Texts built from fragments, so gold offsets are exact by construction.

A fragment is ``(text, label, kind)``: ``label`` is a DESIGN §2 label for PHI, ``kind`` names a hard
negative (text that looks like PHI but is not), both ``None`` for plain text. Rendering concatenates
the fragments once and records each labelled fragment's offsets on the way: nothing is ever searched
for or replaced afterwards.
"""

from __future__ import annotations

from typing import NamedTuple


class Frag(NamedTuple):
    text: str
    label: str | None = None
    kind: str | None = None


Frags = list[Frag]


def plain(text: str) -> Frag:
    return Frag(text)


def join(parts: list[Frags], sep: str = " ") -> Frags:
    """The parts one after another, ``sep`` (plain text) between them."""
    out: Frags = []
    for i, part in enumerate(parts):
        if i:
            out.append(plain(sep))
        out.extend(part)
    return out


def phi(text: str, label: str) -> Frag:
    return Frag(text, label)


def neg(text: str, kind: str) -> Frag:
    return Frag(text, None, kind)


def render(frags: Frags) -> tuple[str, list[dict[str, object]], list[dict[str, object]]]:
    """Join fragments; return the text, its gold spans and its hard negatives."""
    parts: list[str] = []
    spans: list[dict[str, object]] = []
    negatives: list[dict[str, object]] = []
    pos = 0
    for text, label, kind in frags:
        if not text:
            continue
        end = pos + len(text)
        if label is not None:
            spans.append({"start": pos, "end": end, "label": label})
        elif kind is not None:
            negatives.append({"start": pos, "end": end, "kind": kind})
        parts.append(text)
        pos = end
    return "".join(parts), spans, negatives


def words(frags: Frags) -> int:
    return sum(len(f.text.split()) for f in frags)
