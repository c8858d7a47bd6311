"""Turn NorNE sentences and synthetic notes into spaCy training docs.

Gold spans with labels the model does not predict (FNR, DATE, ADDRESS, ...) are marked *missing* in
the doc, not *outside*: a street name inside an ADDRESS span is a LOCATION in NorNE's eyes, and the
model must not be taught both. Lower-cased copies of some docs teach it names in messy notes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from tilbake.tooling.ner import MODEL_LABELS
from tilbake.tooling.ner.norne import Sentence, bio_to_spans


def sentence_doc(nlp: Language, sentence: Sentence) -> Doc:
    """A doc with NorNE's own tokens and mapped entities (spaCy re-tokenizes its text when training)."""
    doc = Doc(nlp.vocab, words=sentence.words, spaces=sentence.spaces)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in bio_to_spans(sentence.tags)]
    return doc


def note_doc(nlp: Language, text: str, spans: Iterable[Mapping[str, Any]]) -> Doc:
    """A doc from a gold note: model labels become entities, every other PHI span is left unknown."""
    doc = nlp.make_doc(text)
    ents: list[Span] = []
    missing: list[Span] = []
    for gold in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        span = doc.char_span(gold["start"], gold["end"], label=gold["label"], alignment_mode="expand")
        if span is None:
            continue
        if gold["label"] in MODEL_LABELS:
            if all(span.end <= e.start or span.start >= e.end for e in ents):
                ents.append(span)
        else:
            missing.append(span)
    missing = [m for m in missing if all(m.end <= e.start or m.start >= e.end for e in ents)]
    doc.set_ents(ents, default="outside")
    if missing:
        doc.set_ents([], missing=_disjoint(missing), default="unmodified")
    return doc


def _disjoint(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _rewritten(nlp: Language, doc: Doc, words: list[str]) -> Doc:
    """``doc`` with other words in its tokens' places: the same spacing, entities and unknown tokens."""
    copy = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    copy.set_ents(
        [Span(copy, e.start, e.end, label=e.label_) for e in doc.ents],
        missing=[copy[t.i : t.i + 1] for t in doc if t.ent_iob == 0],
        default="outside",
    )
    return copy


def lowercased(nlp: Language, doc: Doc) -> Doc | None:
    """The same doc in lower case with the same annotation, or None if lower-casing moves offsets."""
    words = [token.text.lower() for token in doc]
    if any(len(w) != len(t.text) for w, t in zip(words, doc, strict=True)):
        return None
    return _rewritten(nlp, doc, words)


def with_lowercase_copies(nlp: Language, docs: Iterable[Doc], share: float, seed: int) -> Iterator[Doc]:
    """Every doc, plus a lower-cased copy of a random ``share`` of them (deterministic by seed)."""
    rng = random.Random(seed)
    for doc in docs:
        yield doc
        if rng.random() < share and (copy := lowercased(nlp, doc)) is not None:
            yield copy


def name_swapped(nlp: Language, doc: Doc, invent: Mapping[str, Callable[[], str]]) -> Doc | None:
    """The doc with every capitalised word of its entities whose label ``invent`` knows replaced by an
    invented word (the same word by the same one, genitives kept: "Borten ... Bortens" -> "Kvalbe ...
    Kvalbes"), or None if it has no such entity."""
    new_words: dict[str, str] = {}

    def swap(word: str, label: str) -> str:
        genitive = word[-1:] in ("s", "'") and word[:-1] in new_words
        base, ending = (word[:-1], word[-1]) if genitive else (word, "")
        if not (base.isalpha() and base[:1].isupper()):
            return word
        new = new_words.setdefault(base, invent[label]())
        return (new.upper() if base.isupper() and len(base) > 1 else new) + ending

    labels = {t.i: e.label_ for e in doc.ents if e.label_ in invent for t in e}
    if not labels:
        return None
    words = [swap(t.text, labels[t.i]) if t.i in labels else t.text for t in doc]
    return _rewritten(nlp, doc, words)


def with_name_swaps(
    nlp: Language,
    docs: Iterable[Doc],
    share: float,
    seed: int,
    invent: Mapping[str, Callable[[random.Random], str]],
) -> Iterator[Doc]:
    """Every doc, plus a swapped copy (``name_swapped``) of a random ``share`` of them (by seed)."""
    rng = random.Random(seed)
    bound = {label: (lambda make=make: make(rng)) for label, make in invent.items()}
    for doc in docs:
        yield doc
        if share and rng.random() < share and (copy := name_swapped(nlp, doc, bound)):
            yield copy


def tags_from_entities(doc: Doc) -> Doc:
    """Copy the entities into BIO token tags ("B-PERSON", "O"); unknown tokens keep an empty (missing) tag.

    The tagger variant of the model learns from these; the parser variant reads the entities.
    """
    for token in doc:
        if token.ent_iob_ in ("B", "I"):
            token.tag_ = f"{token.ent_iob_}-{token.ent_type_}"
        elif token.ent_iob_ == "O":
            token.tag_ = "O"
    return doc


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Write docs (entities and BIO tags) to a ``.spacy`` file; returns how many were written."""
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE", "TAG"], store_user_data=False)
    count = 0
    for doc in docs:
        docbin.add(tags_from_entities(doc))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count
