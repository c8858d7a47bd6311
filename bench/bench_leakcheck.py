"""The export's leak gates against documents with gold spans: which leaking documents they stop.

    PYTHONPATH=src python bench/bench_leakcheck.py [GOLD.jsonl ...] [--cache DIR] [--no-model]

Each document is anonymized the way an export does it (tags mode: ``EngineAnonymizer`` on
``tilbake.wiring.deid_engine()``). A document *leaks* when a gold PHI token (a ``\\w+`` run inside a
gold span) is not wholly covered by the engine's spans, the token rule of ``score_spans.py``. Then each
gate looks at the anonymized text and the ranges the anonymizer wrote:

- ``engine gate``: ``LeakScanner`` as before this change (strict patterns + the engine again, >= 0.85);
- ``independent``: ``tilbake.export.leakcheck.LeakCheck`` alone;
- ``both``: a row is quarantined when either says so (what an export now does).

Printed per corpus and gate: catch rate (share of leaking documents flagged), cost (share of documents
without a leak that are flagged: clean rows quarantined), and the reasons the independent check gave.
The engine's output is cached per corpus file (``--cache``, default /tmp/bench_leakcheck): delete it
after changing the engine. Nothing of the texts is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

DEFAULT = [
    "/work/main/corpora/handwritten/plain.jsonl",
    "/work/main/corpora/handwritten/tokenized.jsonl",
    "/tmp/heldout_4242.jsonl",
]
TOKEN = re.compile(r"\w+")


def leaked_tokens(text: str, gold: list[dict], spans) -> int:
    mask = bytearray(len(text))
    for s in spans:
        mask[s.start:s.end] = b"\x01" * (s.end - s.start)
    n = 0
    for g in gold:
        for m in TOKEN.finditer(text, g["start"], g["end"]):
            if not all(mask[m.start():m.end()]):
                n += 1
    return n


def prepare(path: str, cache: Path, model: bool) -> list[dict]:
    raw = Path(path).read_bytes()
    key = hashlib.sha256(raw + bytes([model])).hexdigest()[:16]
    file = cache / f"{Path(path).stem}-{key}.pkl"
    if file.exists():
        return pickle.loads(file.read_bytes())
    from tilbake.deid.rewrite.apply import rewrite
    from tilbake.export.anonymize import tags_operator
    from tilbake.export.leakscan import LEAK_THRESHOLD, LeakScanner
    from tilbake.wiring import deid_engine

    engine = deid_engine(model)
    docs = [json.loads(line) for line in raw.decode().splitlines() if line.strip()]
    texts = [d["text"] for d in docs]
    out = []
    # the anonymizer's own steps (EngineAnonymizer.anonymize_many), keeping the spans for the leak count
    from tilbake.export.anonymize import EngineAnonymizer

    anonymizer = EngineAnonymizer(engine, "tags")
    for d, text, spans in zip(docs, texts, engine.detect_many(texts), strict=True):
        if spans:
            new, moved = rewrite(text, spans, tags_operator(text, spans, anonymizer.ctx))
            replaced = tuple((s.start, s.end) for s in moved)
        else:
            new, replaced = text, ()
        out.append({"id": d["id"], "anon": new, "replaced": replaced,
                    "leaks": leaked_tokens(text, d.get("spans", []), spans),
                    "gold": len(d.get("spans", []))})
    scanner = LeakScanner(engine, threshold=LEAK_THRESHOLD, independent=None)
    found = scanner.scan_many([o["anon"] for o in out], [o["replaced"] for o in out],
                              skip_engine=[o["anon"] == t for o, t in zip(out, texts, strict=True)])
    for o, f in zip(out, found, strict=True):
        o["engine_gate"] = sorted({x.label for x in f})
    cache.mkdir(parents=True, exist_ok=True)
    file.write_bytes(pickle.dumps(out))
    return out


def report(name: str, docs: list[dict]) -> None:
    from tilbake.export.leakcheck import LeakCheck

    check = LeakCheck()
    hits = check.check_many([d["anon"] for d in docs], [d["replaced"] for d in docs])
    leaking = [i for i, d in enumerate(docs) if d["leaks"]]
    clean = [i for i, d in enumerate(docs) if not d["leaks"]]
    gates = {
        "engine gate": [bool(d["engine_gate"]) for d in docs],
        "independent": [bool(h) for h in hits],
    }
    gates["both"] = [a or b for a, b in zip(gates["engine gate"], gates["independent"], strict=True)]
    print(f"\n{name}: {len(docs)} documents, {len(leaking)} leak a gold PHI token, {len(clean)} do not")
    print(f"  {'gate':<12} {'catch':>14} {'cost':>14}")
    for gate, flagged in gates.items():
        caught = sum(flagged[i] for i in leaking)
        cost = sum(flagged[i] for i in clean)
        print(f"  {gate:<12} {caught:>4}/{len(leaking):<4} {caught / max(1, len(leaking)):5.1%}"
              f" {cost:>4}/{len(clean):<4} {cost / max(1, len(clean)):5.1%}")
    missed = sum(1 for i in leaking if not gates["both"][i])
    print(f"  leaking documents no gate stops: {missed}")
    reasons_leak = Counter(r for i in leaking for r in {h.reason for h in hits[i]})
    reasons_clean = Counter(r for i in clean for r in {h.reason for h in hits[i]})
    print(f"  independent reasons (documents), leaking: {dict(sorted(reasons_leak.items()))}")
    print(f"  independent reasons (documents), clean:   {dict(sorted(reasons_clean.items()))}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="*", default=DEFAULT)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/bench_leakcheck"))
    ap.add_argument("--no-model", action="store_true")
    args = ap.parse_args(argv)
    for path in args.gold:
        report(path, prepare(path, args.cache, not args.no_model))


if __name__ == "__main__":
    sys.exit(main())
