"""Read NorNE (bokmål) sentences and map its entity types onto tilbake's labels.

Two file shapes are read with one function: the UD CoNLL-U dev file (comment lines, ``SpaceAfter=No``)
and the NDT ``.conll`` train file (no comments, no spacing information, headline sentences ending in
an extra ``|`` token that is not in the text). Both carry the NorNE tag as ``name=B-PER`` in column 10.
Files may be gzip-compressed.

Label mapping (why: tilbake de-identifies, it does not do general NER):

    PER      -> PERSON
    ORG      -> ORG        companies, hospitals, schools, clubs, agencies
    GPE_ORG  -> ORG        a place name acting as an organisation ("Norge vant", "Oslo kommune vedtok");
                           in notes this is the employer/municipality reading
    LOC      -> LOCATION
    GPE_LOC  -> LOCATION   towns, municipalities, countries as places
    PROD, EVT, DRV, MISC -> O
                           products (drug brands!), events, words derived from names ("norsk",
                           "osloværing") and the rest are not PHI; training them as O teaches the model
                           to leave such capitalised words alone.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

NORNE_TO_TILBAKE: dict[str, str | None] = {
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE_ORG": "ORG",
    "LOC": "LOCATION",
    "GPE_LOC": "LOCATION",
    "PROD": None,
    "EVT": None,
    "DRV": None,
    "MISC": None,
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its tokens, whether each is followed by a space, and mapped BIO tags.

    ``newpar``: a ``# newpar`` comment came before it (the UD dev file marks paragraphs; NorNE has no
    document ids, so paragraphs and neighbouring sentences are the only document context it gives).
    """

    words: list[str]
    spaces: list[bool]
    tags: list[str]
    newpar: bool = False

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces, strict=True))


def map_tag(tag: str) -> str:
    """Map one NorNE IOB2 tag (``B-GPE_LOC``) to tilbake's (``B-LOCATION``); dropped types become ``O``."""
    if tag == "O":
        return "O"
    prefix, _, kind = tag.partition("-")
    if prefix not in ("B", "I") or kind not in NORNE_TO_TILBAKE:
        kinds = ", ".join(NORNE_TO_TILBAKE)
        raise ValueError(f"unknown NorNE tag {tag!r}; expected O, or B-/I- with one of {kinds}")
    mapped = NORNE_TO_TILBAKE[kind]
    return f"{prefix}-{mapped}" if mapped else "O"


def _misc_fields(column: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for item in column.split("|"):
        key, sep, value = item.partition("=")
        if sep:
            fields[key] = value
    return fields


def _is_headline_bar(cols: list[str]) -> bool:
    # NDT marks headlines with a trailing "|" token (POS clb, feats <overskrift>); UD drops it.
    return cols[1] == "|" and "<overskrift>" in cols[5]


_NO_SPACE_BEFORE = frozenset(".,:;!?)]}»%")
_NO_SPACE_AFTER = frozenset("([{«")


def guess_spaces(words: list[str]) -> list[bool]:
    """Spacing for files without ``SpaceAfter`` (NDT): attach punctuation the way it is written.

    Straight double quotes alternate between opening and closing. The guess only has to make the
    training text look like real text, so that spaCy's tokenizer sees what it will see at run time.
    """
    spaces = [True] * len(words)
    open_quote = False
    for i, word in enumerate(words):
        if word == '"':
            if open_quote:
                if i:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            open_quote = not open_quote
        elif word in _NO_SPACE_BEFORE and i:
            spaces[i - 1] = False
        elif word in _NO_SPACE_AFTER:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def _sentence(rows: list[list[str]], spacing_known: bool, newpar: bool = False) -> Sentence:
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    for cols in rows:
        misc = _misc_fields(cols[9])
        words.append(cols[1])
        spaces.append(misc.get("SpaceAfter") != "No")
        tags.append(map_tag(misc.get("name", "O")))
    if not spacing_known:
        spaces = guess_spaces(words)
    elif spaces:
        spaces[-1] = False
    return Sentence(words, spaces, tags, newpar)


def parse_lines(lines: Iterator[str] | list[str], *, spacing_known: bool = True) -> Iterator[Sentence]:
    """Sentences from CoNLL(-U) lines; multiword-token and empty-node rows are skipped.

    ``spacing_known=False`` (NDT ``.conll``) guesses spaces from punctuation instead of ``SpaceAfter``.
    """
    rows: list[list[str]] = []
    newpar = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip():
            if rows:
                yield _sentence(rows, spacing_known, newpar)
                newpar = False
            rows = []
            continue
        if line.startswith("#"):
            newpar = newpar or (not rows and line[1:].split()[:1] == ["newpar"])
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"line {number}: expected 10 tab-separated columns, got {len(cols)}")
        if "-" in cols[0] or "." in cols[0] or _is_headline_bar(cols):
            continue
        rows.append(cols)
    if rows:
        yield _sentence(rows, spacing_known, newpar)


def read_sentences(path: Path) -> Iterator[Sentence]:
    """All sentences of one NorNE file (``.conll``/``.conllu``, optionally ``.gz``).

    CoNLL-U files carry ``SpaceAfter``; NDT ``.conll`` files do not, so spacing is guessed for them.
    """
    spacing_known = ".conllu" in path.suffixes
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from parse_lines(handle, spacing_known=spacing_known)


_SENTENCE_STOPS = frozenset(".!?:;»\"")


def joined(sentences: Iterable[Sentence], size: int) -> Iterator[Sentence]:
    """Consecutive sentences joined ``size`` at a time, as they stand in an article: a space after a
    sentence ending in punctuation, a line break (an ``O`` token) after a headline. NorNE's sentences
    are in article order; trained on them joined, the model meets sentence-initial capitals inside
    running text, as in the notes it reads."""
    group: list[Sentence] = []
    for sentence in sentences:
        group.append(sentence)
        if len(group) == size:
            yield _join(group)
            group = []
    if group:
        yield _join(group)


def _join(group: list[Sentence]) -> Sentence:
    if len(group) == 1:
        return group[0]
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    for i, sentence in enumerate(group):
        if i:
            if words[-1][-1:] in _SENTENCE_STOPS:
                spaces[-1] = True
            else:
                words.append("\n")
                spaces.append(False)
                tags.append("O")
        words.extend(sentence.words)
        spaces.extend(sentence.spaces)
        tags.extend(sentence.tags)
    return Sentence(words, spaces, tags, group[0].newpar)


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(first, end, label)`` from BIO tags; an ``I-`` without a matching ``B-`` opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if label and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            label = ""
        if prefix == "B" or (prefix == "I" and not label):
            start, label = i, kind
    return spans
