"""Overlap resolution and name propagation: turning every detector's candidates into one clean set."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from operator import attrgetter
from typing import Final

from tilbake.deid.lang_nb import letters, words
from tilbake.deid.spans import Label, Span

_JOINERS: Final = frozenset({"", " ", "-"})


def resolve_overlaps(spans: Iterable[Span], text: str | None = None) -> list[Span]:
    """Non-overlapping spans, sorted by start.

    1. Spans of one label that overlap are merged into their union (the model's "Nordmann" and a
       rule's "Kari Nordmann" become one name), as are PERSON pieces that touch or are separated by
       only a space or hyphen (when ``text`` is given to check the gap).
    2. A place, organisation or name inside a longer one of another of those labels is part of it
       ("Moss" in "Moss Fysioterapi", "Oslo" in "Universitetet i Oslo"): the longer reading wins, so
       the rest of the name is not left in the text.
    3. A name that runs into an age read after it ends where the age starts ("randi ekornes" +
       "sekstito år": a model reading the number word as part of the name would leave "år").
    4. Otherwise, across labels, the highest score wins; on equal scores the longer span; then the
       earlier one.
    5. A lower-case name takes an initial that closes its line ("Sign. mette k"), and a lower-case
       name right before its age takes the name-like words between them.
    """
    chosen = _resolve(sorted(spans, key=_ORDER), text)
    return _names_up_to_ages(chosen, text) if text is not None else chosen


def _resolve(ordered: list[Span], text: str | None) -> list[Span]:
    if _disjoint(ordered, text):
        return ordered  # the common case: nothing to merge or resolve
    merged = _merge_same_label(sorted(ordered, key=_by_label), text)
    merged.sort(key=_ORDER)
    if _disjoint(merged):
        return merged  # no overlaps across labels left to resolve
    merged = _drop_contained_names(merged)
    merged = _cut_names_at_ages(merged, text)
    # the chosen spans never overlap, so sorted by start their ends are sorted too and only the
    # neighbours of a new span's position can overlap it (a bisection instead of a scan of all)
    chosen: list[Span] = []
    starts: list[int] = []
    ends: list[int] = []
    for span in sorted(merged, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        k = bisect_right(starts, span.start)
        if (k and ends[k - 1] > span.start) or (k < len(starts) and starts[k] < span.end):
            continue
        starts.insert(k, span.start)
        ends.insert(k, span.end)
        chosen.append(span)
    return sorted(chosen, key=_ORDER)


# lower-case words between a name and its age ("ragnhild [bakken] åttito år", "daniel [o connor]
# førtifem år"): dictated and typed-in-a-hurry text, where the model often reads only the first name
_GAP_WORDS: Final = re.compile(r"((?: [a-zæøåüéö]+){1,2}) $")


# a lower-case name and an initial closing a line: "Sign. mette k", "hilsen ola n."
# (not the one-letter words "i", "å", "e")
_INITIAL_AT_LINE_END: Final = re.compile(r" ((?![iåe]\b)[a-zæøåA-ZÆØÅ]\.?)[ \t]*(?:\n|$)")


def _names_up_to_ages(chosen: list[Span], text: str) -> list[Span]:
    """Rule 5 of :func:`resolve_overlaps`: a lower-case name takes an initial that closes its line,
    and a name followed by one or two lower-case words and an age takes those words when each is a
    name any list knows, an initial or a rare word."""
    for i, name in enumerate(chosen):
        if name.label is Label.PERSON and text[name.start:name.end].islower():
            m = _INITIAL_AT_LINE_END.match(text, name.end)
            if m is not None and (i + 1 == len(chosen) or chosen[i + 1].start >= m.end(1)):
                chosen[i] = name = Span(name.start, m.end(1), name.label, name.score, name.source)
    for i in range(len(chosen) - 1):
        name, age = chosen[i], chosen[i + 1]
        if name.label is not Label.PERSON or age.label is not Label.AGE or age.start - name.end > 24:
            continue
        m = _GAP_WORDS.fullmatch(text, name.end, age.start)
        if m is None or not text[name.start:name.end].islower():
            continue
        if all(_name_like(w) for w in m.group(1).split()):
            chosen[i] = Span(name.start, m.end(1), name.label, name.score, name.source)
    return chosen


def _name_like(word: str) -> bool:
    from tilbake.deid import lang_nb
    from tilbake.deid.detect.name_words import zipf

    if len(word) == 1:
        return True  # an initial, "o" of "o connor"
    cap = word.capitalize()
    if cap in words.NAME_STOPWORDS:
        return False
    return cap in lang_nb.known_names() or zipf(word) < 3.5


_ORDER: Final = attrgetter("start", "end")  # a C-level sort key: this runs for every document
_NAMES: Final = frozenset({Label.PERSON, Label.ORG, Label.LOCATION})


def _drop_contained_names(ordered: list[Span]) -> list[Span]:
    """Rule 2 of :func:`resolve_overlaps`; ``ordered`` by start."""
    dropped = set()
    for i, outer in enumerate(ordered):
        if outer.label not in _NAMES:
            continue
        for j in range(i + 1, len(ordered)):
            inner = ordered[j]
            if inner.start >= outer.end:
                break
            if (inner.end <= outer.end and inner.label in _NAMES and inner.label != outer.label
                    and (inner.start, inner.end) != (outer.start, outer.end)):
                dropped.add(j)
        # spans starting together sort shorter first: look back for those the outer one contains
        for j in range(i - 1, -1, -1):
            inner = ordered[j]
            if inner.start != outer.start:
                break
            if inner.end < outer.end and inner.label in _NAMES and inner.label != outer.label:
                dropped.add(j)
    return [s for k, s in enumerate(ordered) if k not in dropped] if dropped else ordered


def _cut_names_at_ages(ordered: list[Span], text: str | None) -> list[Span]:
    """Rule 3 of :func:`resolve_overlaps`; ``ordered`` by start."""
    ages = [s for s in ordered if s.label is Label.AGE]
    if not ages:
        return ordered
    out = []
    for span in ordered:
        if span.label is Label.PERSON:
            for age in ages:
                if span.start < age.start < span.end < age.end:
                    cut = age.start
                    while text is not None and cut > span.start and text[cut - 1] in " \t,":
                        cut -= 1
                    if cut > span.start:
                        span = Span(span.start, cut, span.label, span.score, span.source)
                    break
        out.append(span)
    return sorted(out, key=_ORDER)


def _disjoint(ordered: list[Span], text: str | None = None) -> bool:
    """No span overlaps the next (``ordered`` by start), and, given the text, no two PERSON spans in
    a row are joined only by a space or hyphen (they would merge). One loop: compiled, it costs less
    than separate checks."""
    end = 0
    person: Span | None = None
    for span in ordered:
        if span.start < end:
            return False
        end = span.end
        if span.label is Label.PERSON:
            if person is not None and text is not None and text[person.end:span.start] in _JOINERS:
                return False
            person = span
    return True


def _by_label(s: Span) -> tuple[str, int, int]:
    return (s.label.value, s.start, -s.end)


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
                    if last.score >= span.score:
                        continue  # nothing changes (and no new Span: propagation repeats every name)
                    source = last.source
                elif span.start == last.start:
                    source = span.source
                else:
                    source = last.source if last.source == span.source else f"{last.source}+{span.source}"
                out[-1] = Span(last.start, end, last.label, max(last.score, span.score), source)
                continue
        out.append(span)
    return out


_SKIP_TOKENS: Final = frozenset(w.lower() for w in words.NON_NAME_CAPWORDS) | {
    t.lower() for t in words.PERSON_TITLES}
_TOKEN: Final = re.compile(letters.CAPWORD)


def propagate_names(text: str, spans: list[Span]) -> list[Span]:
    """Later (and earlier) mentions of names already found: "Kari", "Nordmann", "Karis", "K. Nordmann".

    Plain ``str.find`` per name token (a regex compiled per document would cost more than the search).
    """
    names: set[str] = set()
    for span in spans:
        if span.label == Label.PERSON and span.score >= 0.6:
            for token in _TOKEN.findall(text[span.start:span.end]):
                if len(token) > 1 and token.lower() not in _SKIP_TOKENS:
                    names.add(token.rstrip("'"))
    out: list[Span] = []
    for name in names:
        for variant in {name, name.upper()}:
            i = text.find(variant)
            while i >= 0:
                end = mention_end(text, i + len(variant))
                if end == i + len(variant) and name in _WORDS and _sentence_start(text, i) and \
                        not text[end + 1:end + 2].isupper():
                    pass  # "Dag to etter skaden" is not the "Dag" of "Dag Mo"
                elif end and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == ".")):
                    out.append(Span(i, end, Label.PERSON, 0.8, "propagation"))
                elif end and i >= 3 and text[i - 1] in " ." and _initial_before(text, i):
                    out.append(Span(_initial_before(text, i), end, Label.PERSON, 0.8, "propagation"))
                i = text.find(variant, i + 1)
    return out


_WORDS: Final = frozenset(words.NAME_STOPWORDS)


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 8):i].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


def mention_end(text: str, end: int) -> int:
    """The end of a mention of a word that stops at ``end``, or after its genitive ("s", "'s", "'");
    0 if a letter or digit is glued on (the word is part of a longer one). One rule for every pass
    that adds mentions of a name already found (propagation here, the model's document pass)."""
    for tail in ("", "s", "'s", "'", "’s", "’"):
        stop = end + len(tail)
        if text.startswith(tail, end) and (stop >= len(text) or not text[stop].isalnum()):
            return stop
    return 0


def _initial_before(text: str, i: int) -> int:
    """Start of an initial right before ``i`` ("K. Nordmann", "K.Nordmann"), else 0."""
    j = i - 2 if text[i - 1] == " " else i - 1
    if j >= 1 and text[j] == "." and text[j - 1].isupper() and (j == 1 or not text[j - 2].isalnum()):
        return j - 1
    return 0
