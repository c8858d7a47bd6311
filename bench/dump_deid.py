"""Dump what the pattern part and the full rule engine find, for diffing two trees byte for byte.

    PYTHONPATH=src python bench/dump_deid.py out.txt [notes.jsonl ...]

Writes, per note, the detected spans (offsets, label, exact score, source) and every ``analyze``
explanation of both engines; run it on two trees and ``cmp`` the outputs. The corpus is 1,500 bench
notes (bench/notes_deid.py, two seeds) plus the texts of any JSONL files given (e.g. from
``tilbake synth notes``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_deid import notes  # noqa: E402


def main() -> None:
    from tilbake.deid.detect.engine import Deidentifier
    from tilbake.deid.detect.recognizers import structured_recognizers

    texts = [str(d["text"]) for d in notes(1000)] + [str(d["text"]) for d in notes(500, seed=11)]
    for path in sys.argv[2:]:
        texts += [orjson.loads(line)["text"] for line in Path(path).read_bytes().splitlines() if line]
    engines = {"pattern": Deidentifier(structured_recognizers(), propagate=False),
               "rules": Deidentifier.default()}
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            for name, engine in engines.items():
                spans = [(s.start, s.end, s.label.value, repr(s.score), s.source)
                         for s in engine.detect(text)]
                out.write(f"{i} {name} detect {spans}\n")
                for e in engine.analyze(text):
                    out.write(f"{i} {name} analyze {e.as_dict()} {e.span.score!r} {e.span.source}\n")
    print(f"{len(texts)} notes -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
