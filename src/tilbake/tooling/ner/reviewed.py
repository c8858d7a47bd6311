"""The reviewed documents as NER training data: gold JSONL (DESIGN §2) and a spaCy DocBin.

The texts are the organization's own (raw text stays local: this is the maintainer's own data); the
spans are the ones the reviewers left. ``tilbake ner train --extra FILE`` adds either file to the
training corpus; ``tilbake ner evaluate --corpus reviewed.jsonl`` compares a model on them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from tilbake.errors import InputError
from tilbake.tooling.ner import corpus

JSONL, DOCBIN = "reviewed.jsonl", "reviewed.spacy"


def write(records: Iterable[Mapping[str, Any]], folder: Path) -> dict[str, Any]:
    """Write ``reviewed.jsonl`` and ``reviewed.spacy`` into ``folder``; returns the count and paths."""
    folder.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nb")
    rows = list(records)
    with open(folder / JSONL, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = corpus.write_docbin((corpus.note_doc(nlp, r["text"], r["spans"]) for r in rows), folder / DOCBIN)
    return {"documents": n, "files": [str(folder / JSONL), str(folder / DOCBIN)]}


def docs(nlp: Language, path: Path) -> Iterator[Doc]:
    """Training docs from an --extra file: a DocBin (``.spacy``) or gold JSONL."""
    if not path.is_file():
        raise InputError(f"extra training file not found: {path}")
    if path.suffix == ".spacy":
        yield from DocBin().from_disk(path).get_docs(nlp.vocab)
        return
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                row = json.loads(line)
                yield corpus.note_doc(nlp, row["text"], row.get("spans", []))
            except (ValueError, KeyError, TypeError):
                raise InputError(f"{path} line {n}: expected {{\"text\", \"spans\"}} JSON") from None
