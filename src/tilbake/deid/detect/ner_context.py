"""Document context for the model's entities: one name, one reading per document.

The CNN reads a few words either side; it cannot carry "this note (article) is about Borten" from one
sentence to the next, so it finds a surname in one sentence and misses it in the next, or reads a
place once as a person. Within one document (a note, an article) a capitalised word usually keeps one
reading. So after the model has read a document:

* a person inside a short quoted title is dropped («Mein Kampf»: a work, not a person);
* every word of the model's entities gets a vote for that entity's label (a word alone in an
  organisation or place span votes for it; words inside longer ones do not: "Borten-regjeringen",
  "Fritt Ord"); each word of a full name (two capitalised words or more) votes twice;
* a lone person reading of an unknown word that opens a sentence, written nowhere else but at a
  sentence start, is dropped ("Stasjonssjefen er ...": the capital says nothing);
* a single-word entity whose word has more votes for another label takes that label when one of
  the two is PERSON ("Nordås" read twice as a place and once as a person is a place; places and
  organisations are not traded: "Norge vant" and "i Norge" are both right);
* other mentions of a word whose votes are mostly PERSON, which no entity covers, become PERSON
  spans (with a genitive ending: "Bortens"); neighbouring person mentions joined by one space become
  one span ("Per" + "Borten"). Sentence-initial common words ("Per", "Dag") and never-a-name words are
  not propagated.

Words the model left alone are no votes against a name: the model misses names more often than it
invents them, and de-identification puts recall first. The engine's own name propagation
(``overlap.propagate_names``) does the same for names its rules found; this pass is the model's, so
the model alone (``tilbake ner evaluate``) and the engine agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from tilbake.deid.detect.overlap import mention_end
from tilbake.deid.spans import Label, Span

_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*")
_GENITIVES = ("s", "'s", "’s", "'", "’")
_SENTENCE_END = frozenset(".!?:;\n•")
_FULL_STOPS = frozenset(".!?\n")  # not ':' ("Pasient: Jadwiga")
_MIN_LETTERS = 2
_NORWEGIAN = frozenset("abcdefghijklmnopqrstuvwxyzæøåéèêüö")  # letters of bokmål words (and loans)
_FULL_NAME = 2  # the vote of each word of a person's name of two capitalised words or more


def _key(word: str, present: set[str]) -> str:
    """``word`` without a genitive ending when the bare form is a word of the same text ("Bortens")."""
    for tail in _GENITIVES:
        if word.endswith(tail) and word[: -len(tail)] in present:
            return word[: -len(tail)]
    return word


def _sentence_initial(text: str, start: int, ends: frozenset[str] = _SENTENCE_END) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"«'(-–":
        i -= 1
    return i < 0 or text[i] in ends


def _lone_opener(text: str, span: Span, votes: dict[str, Counter[Label]], names: frozenset[str]) -> bool:
    """Whether ``span`` is a lone person reading of a word that opens a sentence: one word, no known
    name, the only entity of that word, and written nowhere else in the text but at a sentence start
    ("Stasjonssjefen er ...", "Ull er stikkordet"). A sentence-initial capital says nothing, and no
    other mention backs the reading; after a colon a name is likely ("Pasient: Jadwiga"). Known names
    count with a genitive too ("Lisas bestemor"), and letters foreign to bokmål make a name
    ("Zieliński komma som ...")."""
    word = text[span.start : span.end]
    lower = word.lower()
    if span.label != Label.PERSON or not word.isalpha() or not _NORWEGIAN.issuperset(lower):
        return False
    if lower in names or (lower.endswith("s") and lower[:-1] in names):
        return False
    if not _sentence_initial(text, span.start, _FULL_STOPS) or sum(votes.get(word, Counter()).values()) > 1:
        return False
    i = text.find(word)
    while i >= 0:
        if i != span.start and not _sentence_initial(text, i):
            return False
        i = text.find(word, i + 1)
    return True


def _glued(char: str) -> bool:
    return char.isalnum() or char in "-_"


def consistent(
    text: str,
    spans: Sequence[Span],
    common: frozenset[str],
    never: frozenset[str],
    source: str = "ner",
    keep: Callable[[int, int], bool] | None = None,
    names: frozenset[str] = frozenset(),
) -> list[Span]:
    """The model's spans of one document made consistent (see the module docstring).

    ``keep(start, end)``: whether a new person mention passes the filters the model's own spans
    passed ("Dag to etter skaden" counts days even where "Dag" is a name elsewhere).
    """
    if not spans:
        return []
    score = spans[0].score  # the model's one fixed score
    spans = [s for s in spans if not (s.label == Label.PERSON and _in_title(text, s))]
    present = {m.group() for m in _WORD.finditer(text)}
    votes: dict[str, Counter[Label]] = {}
    for span in spans:
        words = _WORD.findall(text[span.start : span.end])
        if span.label != Label.PERSON and len(words) != 1:
            continue
        named = [w for w in words if w[:1].isupper() and len(w) >= _MIN_LETTERS]
        weight = _FULL_NAME if len(named) > 1 else 1  # "Karl Ove Knausgård" says more than "Knausgårds"
        for word in named:
            votes.setdefault(_key(word, present), Counter())[span.label] += weight
    lone = [s for s in spans if _lone_opener(text, s, votes, names)]
    for span in lone:
        votes.pop(text[span.start : span.end], None)
    spans = [s for s in spans if s not in lone]
    out: list[Span] = []
    for span in spans:
        words = _WORD.findall(text[span.start : span.end])
        if len(words) == 1 and text[span.start : span.end] == words[0]:
            tally = votes.get(_key(words[0], present))
            if tally:
                label, n = tally.most_common(1)[0]
                if Label.PERSON in (label, span.label) and label != span.label and n > tally[span.label]:
                    span = Span(span.start, span.end, label, span.score, span.source)
        out.append(span)
    voted = [
        word for word, tally in votes.items()
        if tally[Label.PERSON] > max(tally[Label.ORG], tally[Label.LOCATION]) and word.lower() not in never
    ]  # fmt: skip
    if not voted:
        return out
    taken = bytearray(len(text))
    for span in out:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    added: list[Span] = []
    for word in voted:
        lower_common = word.lower() in common
        i = text.find(word)
        while i >= 0:
            end = mention_end(text, i + len(word))
            if (
                end
                and (i == 0 or not _glued(text[i - 1]))
                and not any(taken[i:end])
                and not (lower_common and _sentence_initial(text, i))
                and (keep is None or keep(i, end))
            ):
                added.append(Span(i, end, Label.PERSON, score, source))
                taken[i:end] = b"\x01" * (end - i)
            i = text.find(word, i + 1)
    if not added:
        return out
    return _join_people(out, added, text)


_TITLE_REACH = 60  # characters either side of a span to look for the quote marks of a title


def _in_title(text: str, span: Span) -> bool:
    """Whether ``span`` is part, not all, of a short quoted phrase of capitalised words: a title
    («Mein Kampf», «Dagbladet Magasinet»), which NorNE marks as a work, not a person."""
    lo = text.rfind("«", max(0, span.start - _TITLE_REACH), span.start + 1)
    if lo < 0 or "»" in text[lo : span.start]:
        return False
    hi = text.find("»", span.end, span.end + _TITLE_REACH)
    if hi < 0 or "«" in text[span.end : hi] or "\n" in text[lo:hi]:
        return False
    inside = text[lo + 1 : hi].strip()
    words = inside.split()
    if inside == text[span.start : span.end] or len(words) > 5:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _join_people(kept: list[Span], added: list[Span], text: str) -> list[Span]:
    """Sorted spans where a new person mention and a person span next to it (one space apart)
    become one span ("Per Borten" when "Borten" was found once and "Per" elsewhere)."""
    new = set(added)
    ordered = sorted([*kept, *added], key=lambda s: (s.start, s.end))
    out: list[Span] = []
    for span in ordered:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label == span.label == Label.PERSON
            and (last in new or span in new)
            and text[last.end : span.start] == " "
        ):
            out[-1] = Span(last.start, span.end, Label.PERSON, last.score, last.source)
            new.add(out[-1])
            continue
        out.append(span)
    return out
