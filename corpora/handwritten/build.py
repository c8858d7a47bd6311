"""Builds the hand-written development corpus from its marked-up sources.

    python corpora/handwritten/build.py          # writes plain.jsonl and tokenized.jsonl of each corpus
    python corpora/handwritten/build.py --check  # exit 1 if the JSONL files are not what the sources give

It builds both hand-written corpora the same way: this development corpus and the check set beside it
(``corpora/handwritten_check``), which is only ever scored as totals (see its README).

A source file (``source/<genre>.txt``, or ``source/<batch>/<genre>.txt`` for a batch written later,
whose documents carry ``"batch": "<batch>"``) holds documents, each opened by a line ``=== <id>``; lines that
start with ``%%`` are the author's comments and are dropped. Inside a document, ``[[surface|LABEL]]``
marks PHI (a DESIGN §2 label) and ``{{surface|kind}}`` a hard negative. The text of a document is what
is left once the markup is removed, blank lines at either end stripped.

``tokenized.jsonl`` is the same corpus as some EHR and NLP exports write it: a space on both sides of
every punctuation mark that is not inside a word or number ("i 2012 ." "7 . mars" "Hansen , 58 ,"),
with every span moved along.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = (HERE, HERE.parent / "handwritten_check")
LABELS = {"PERSON", "FNR", "PHONE", "EMAIL", "URL", "DATE", "AGE", "ADDRESS", "LOCATION", "ORG", "ID"}
KINDS = {"name_word", "score", "eponym", "drug", "agency", "clinical_word", "time", "year", "week",
         "duration", "vertebra", "code", "dose", "measure", "other"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]|\{\{([^{}|]+)\|([a-z_]+)\}\}")
PUNCT = set(".,:;!?()[]\"/")


def parse_document(doc_id: str, genre: str, marked: str) -> dict:
    text, spans, negatives, last = [], [], [], 0
    pos = 0
    for m in MARK.finditer(marked):
        text.append(marked[last:m.start()])
        pos += m.start() - last
        surface, label, neg_surface, kind = m.groups()
        body = surface if surface is not None else neg_surface
        if surface is not None and label not in LABELS:
            raise ValueError(f"{doc_id}: unknown label {label!r}")
        if neg_surface is not None and kind not in KINDS:
            raise ValueError(f"{doc_id}: unknown negative kind {kind!r}")
        if body != body.strip():
            raise ValueError(f"{doc_id}: markup with blanks at an end: {body!r}")
        entry = {"start": pos, "end": pos + len(body)}
        if surface is not None:
            spans.append({**entry, "label": label})
        else:
            negatives.append({**entry, "kind": kind})
        text.append(body)
        pos += len(body)
        last = m.end()
    text.append(marked[last:])
    joined = "".join(text)
    if "[[" in joined or "{{" in joined or "]]" in joined or "}}" in joined:
        raise ValueError(f"{doc_id}: broken markup left in the text")
    lead = len(joined) - len(joined.lstrip())
    body = joined.strip()
    shift = lambda items: [{**s, "start": s["start"] - lead, "end": s["end"] - lead} for s in items]  # noqa: E731
    return {"id": doc_id, "genre": genre, "text": body, "spans": shift(spans), "negatives": shift(negatives)}


def read_source(path: Path, batch: str | None = None) -> list[dict]:
    genre = path.stem
    docs: list[dict] = []
    current: str | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            doc = parse_document(current, genre, "\n".join(lines))
            docs.append({**doc, "batch": batch} if batch else doc)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            close()
            current, lines = line[4:].strip(), []
        elif line.startswith("%%"):
            continue
        elif current is not None:
            lines.append(line)
    close()
    return docs


def tokenized(doc: dict) -> dict:
    """Spaces around punctuation that does not sit between two letters or digits."""
    text = doc["text"]
    out: list[str] = []
    where = [0] * (len(text) + 1)  # old offset -> new offset
    for i, ch in enumerate(text):
        inner = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
        if ch in PUNCT and not inner:
            if out and not out[-1].isspace():
                out.append(" ")
            where[i] = sum(map(len, out))
            out.append(ch)
            if i + 1 < len(text) and not text[i + 1].isspace():
                out.append(" ")
        else:
            where[i] = sum(map(len, out))
            out.append(ch)
    new = "".join(out)
    where[len(text)] = len(new)

    def move(s: dict) -> dict:
        return {**s, "start": where[s["start"]], "end": where[s["end"] - 1] + 1}

    return {**doc, "id": doc["id"] + ":tok", "text": new,
            "spans": [move(s) for s in doc["spans"]], "negatives": [move(s) for s in doc["negatives"]]}


def build(root: Path = HERE) -> tuple[list[dict], list[dict]]:
    docs = [d for path in sorted((root / "source").glob("*.txt")) for d in read_source(path)]
    for folder in sorted(p for p in (root / "source").iterdir() if p.is_dir()):
        docs += [d for path in sorted(folder.glob("*.txt")) for d in read_source(path, folder.name)]
    ids = [d["id"] for d in docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"duplicate document ids: {', '.join(dupes)}")
    return docs, [tokenized(d) for d in docs]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str]) -> int:
    built = {root: build(root) for root in CORPORA}
    files = {root / name: dump(rows) for root, (plain, tok) in built.items()
             for name, rows in (("plain.jsonl", plain), ("tokenized.jsonl", tok))}
    if "--check" in argv:
        stale = [f"{p.parent.name}/{p.name}" for p, body in files.items()
                 if not p.is_file() or p.read_text("utf-8") != body]
        if stale:
            print(f"out of date: {', '.join(stale)} (run python corpora/handwritten/build.py)")
            return 1
        return 0
    for path, body in files.items():
        path.write_text(body, encoding="utf-8")
    for root, (plain, _) in built.items():
        _summary(root.name, plain)
    return 0


def _summary(name: str, plain: list[dict]) -> None:
    genres: dict[str, int] = {}
    for d in plain:
        genres[d["genre"]] = genres.get(d["genre"], 0) + 1
    print(f"{name}: {len(plain)} documents, {sum(len(d['spans']) for d in plain)} PHI spans, "
          f"{sum(len(d['negatives']) for d in plain)} hard negatives; " +
          ", ".join(f"{g} {n}" for g, n in sorted(genres.items())))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
