"""CPU speed of tilbake against a Norwegian-configured Presidio without NER, same notes, same run
(issue 17, item 4; docs/benchmarks.md, "Against Presidio").

    PYTHONPATH=src python bench/bench_presidio_speed.py [--notes 400] [--rounds 7]
    PYTHONPATH=src python bench/bench_presidio_speed.py --profile full [--notes 400]

Three engines, each in its own process (word-level caches stay per engine) and warmed up on notes of
another seed first:

- **presidio**: a Presidio ``AnalyzerEngine`` for ``nb`` with no NER at all: a blank spaCy ``nb``
  pipeline (tilbake's ``BlankNorwegianNlpEngine``) plus one small component that sets each token's
  lemma to its lower-case form (a blank pipeline has no lemmas, and Presidio's context enhancer
  compares context words with lemmas: without it the context words below would never count), and
  the pattern recognizers a Presidio user would write for Norwegian PHI:
  fødselsnummer (11 digits, optionally ``ddmmyy nnnnn``, the mod-11 check digits as validator),
  phone (8 digits, optionally ``+47``/``0047`` and grouped ``22 33 44 55`` / ``223 44 556``),
  e-mail (the pattern of Presidio's ``EmailRecognizer``, without its validator, which asks
  ``tldextract`` for the public suffix list over the network), dates (``dd.mm.yyyy``, ``d.m.yy``,
  ``dd/mm/yyyy``, ISO, and written months: ``12. mars 2024``, ``12. mars``, ``mars 2024``), with Norwegian
  context words ("fødselsnummer", "tlf", "mobil", "født", "innlagt", ...);
- **full**: tilbake's default pipeline, rules and shipped model (``tilbake.wiring.deid_engine(True)``),
  through ``detect_many`` as ``tilbake deid detect``/``batch`` call it;
- **rules**: the same without the model (``deid_engine(False)``).

Every round generates fresh held-out notes of 400–600 characters (``tilbake.tooling.synth.notes``,
seed ``--seed`` + round; word caches warm up across passes, so a second pass over the same notes
would flatter tilbake), each engine reads them once, in an order that alternates between rounds, one
process at a time. Docs/s are from CPU time (``time.process_time`` of the engine's process, generation
not included), so other load on a shared machine matters less; the median and the best round are
printed, and the ratio full/presidio (of the medians, and the median of the per-round ratios).

``--profile KIND`` instead profiles one engine (cProfile on a CPU clock) over one round of fresh
notes after the warm-up and prints the functions with the most cumulative and own time. cProfile
charges every Python call and so inflates the Python-heavy parts; ``--parts`` times the full
pipeline's parts without it (a CPU timer around each recognizer, the model's gate, its spaCy
reading and the final decisions) over ``--rounds`` rounds of fresh notes.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

KINDS = ("presidio", "full", "rules")
WARM_SEED = 1_716_999


def fresh_notes(n: int, seed: int) -> list[str]:
    """``n`` generated held-out notes of 400–600 characters (others skipped)."""
    from tilbake.tooling.synth.notes import notes

    out: list[str] = []
    stream: Iterator[dict[str, Any]] = notes(n * 4, seed, split="heldout")
    for row in stream:
        if 400 <= len(row["text"]) <= 600:
            out.append(row["text"])
            if len(out) == n:
                return out
    raise RuntimeError("too few notes of 400-600 characters")  # (never: ~40 % are)


def _fnr_ok(digits: str) -> bool:
    """The two mod-11 check digits of a fødselsnummer."""
    d = [int(c) for c in digits]
    k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), d, strict=False)) % 11
    k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), d, strict=False)) % 11
    k1, k2 = (0 if k1 == 11 else k1), (0 if k2 == 11 else k2)
    return k1 < 10 and k2 < 10 and d[9] == k1 and d[10] == k2


MONTHS = ("januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des")


def presidio_analyzer() -> Callable[[str], list[Any]]:
    """The Norwegian-configured Presidio analyzer (see the module docstring) as text -> results."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer
    from presidio_analyzer.predefined_recognizers import EmailRecognizer
    from presidio_analyzer.recognizer_registry import RecognizerRegistry
    from spacy.language import Language

    from tilbake.integrations.presidio import LANGUAGE, BlankNorwegianNlpEngine

    if "bench_lower_lemma" not in Language.factories:
        @Language.component("bench_lower_lemma")
        def lower_lemma(doc):  # type: ignore[no-untyped-def]
            for token in doc:
                token.lemma_ = token.lower_
            return doc

    class NlpEngine(BlankNorwegianNlpEngine):  # type: ignore[misc]
        def load(self) -> None:
            nlp = spacy.blank(LANGUAGE)
            nlp.add_pipe("bench_lower_lemma")
            self.nlp = {LANGUAGE: nlp}

    class FnrRecognizer(PatternRecognizer):  # type: ignore[misc]
        def validate_result(self, pattern_text: str) -> bool:
            digits = "".join(c for c in pattern_text if c.isdigit())
            return len(digits) == 11 and _fnr_ok(digits)

    fnr = FnrRecognizer(
        "NO_FODSELSNUMMER", supported_language=LANGUAGE,
        patterns=[Pattern("fnr", r"\b\d{6}\s?\d{5}\b", 0.5)],
        context=["fødselsnummer", "fødselsnr", "fnr", "f.nr", "personnummer", "pnr", "født"])
    phone = PatternRecognizer(
        "PHONE_NUMBER", supported_language=LANGUAGE,
        patterns=[Pattern("phone 8", r"(?<![\d+])(?:(?:\+|00)47[ ]?)?\d{8}\b", 0.4),
                  Pattern("phone pairs", r"(?<![\d+])(?:(?:\+|00)47[ ]?)?\d{2} \d{2} \d{2} \d{2}\b", 0.5),
                  Pattern("phone 3-2-3", r"(?<![\d+])(?:(?:\+|00)47[ ]?)?\d{3} \d{2} \d{3}\b", 0.5)],
        context=["tlf", "telefon", "telefonnummer", "mobil", "mob", "ring", "ringes", "nummer", "kontakt"])
    dates = PatternRecognizer(
        "DATE_TIME", supported_language=LANGUAGE,
        patterns=[Pattern("dd.mm.yyyy", r"\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\b", 0.6),
                  Pattern("dd/mm/yyyy", r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b", 0.5),
                  Pattern("iso", r"\b\d{4}-\d{2}-\d{2}\b", 0.6),
                  Pattern("written", rf"\b\d{{1,2}}\.? ?(?:{MONTHS})\.?(?: \d{{4}})?\b", 0.6),
                  Pattern("month year", rf"\b(?:{MONTHS}) \d{{4}}\b", 0.5)],
        context=["dato", "født", "fødselsdato", "innlagt", "utskrevet", "kontroll", "time", "siden"])
    email = PatternRecognizer("EMAIL_ADDRESS", supported_language=LANGUAGE, patterns=EmailRecognizer.PATTERNS,
                              context=["e-post", "epost", "mail", "email"])
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in (fnr, phone, dates, email):
        registry.add_recognizer(recognizer)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=NlpEngine(), supported_languages=[LANGUAGE])
    return lambda text: analyzer.analyze(text, language=LANGUAGE)


def _runner(kind: str) -> Callable[[list[str]], int]:
    """A function that reads a list of texts with one engine and returns the spans found."""
    if kind == "presidio":
        analyze = presidio_analyzer()
        return lambda texts: sum(len(analyze(t)) for t in texts)
    from tilbake.wiring import deid_engine

    engine = deid_engine(kind == "full")
    return lambda texts: sum(len(spans) for spans in engine.detect_many(texts))


def _worker(kind: str, n: int, conn: Any) -> None:
    run = _runner(kind)
    run(fresh_notes(n, WARM_SEED))  # load gazetteers, spaCy, caches of the commonest words
    while (seed := conn.recv()) is not None:
        texts = fresh_notes(n, seed)
        t0 = time.process_time()
        found = run(texts)
        conn.send((time.process_time() - t0, found))


def measure(n: int, rounds: int, seed: int) -> dict[str, list[float]]:
    ctx = mp.get_context("spawn")
    workers = {}
    for kind in KINDS:
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(kind, n, theirs), daemon=True)
        proc.start()
        workers[kind] = (proc, mine)
    rates: dict[str, list[float]] = {k: [] for k in KINDS}
    for r in range(rounds):
        order = KINDS if r % 2 == 0 else KINDS[::-1]
        line = []
        for kind in order:  # one at a time: the others wait
            workers[kind][1].send(seed + r)
            cpu, found = workers[kind][1].recv()
            rates[kind].append(n / cpu)
            line.append(f"{kind} {n / cpu:,.0f} docs/s ({found} spans)")
        print(f"round {r + 1}: " + ", ".join(line) + f"; load {os.getloadavg()[0]:.2f}", flush=True)
    for proc, conn in workers.values():
        conn.send(None)
        proc.join()
    return rates


def profile(kind: str, n: int, seed: int) -> None:
    import cProfile
    import pstats

    run = _runner(kind)
    run(fresh_notes(n, WARM_SEED))
    texts = fresh_notes(n, seed)
    prof = cProfile.Profile(time.process_time)
    t0 = time.process_time()
    prof.runcall(run, texts)
    per_note = (time.process_time() - t0) * 1000 / n
    print(f"{kind}: {n} notes, {per_note:.2f} CPU-ms per note under the profiler")
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


def parts(n: int, rounds: int, seed: int) -> None:
    from collections import Counter

    from tilbake.deid.detect import engine as engine_module
    from tilbake.deid.detect import ner
    from tilbake.wiring import deid_engine

    spent: Counter[str] = Counter()

    def timed(owner: Any, name: str, key: str) -> None:
        inner = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[key] += time.process_time() - t0

        setattr(owner, name, wrapper)

    engine = deid_engine(True)
    list(engine.detect_many(fresh_notes(n, WARM_SEED)))
    for recognizer in engine._recognizers:
        timed(recognizer, "find", f"rules: {recognizer.name}")
    timed(ner, "windows", "model: gate")
    for detector in engine._others:
        timed(detector, "_entities", "model: spaCy reading")
        timed(detector, "_consistent", "model: one reading per name")
    timed(engine_module.Deidentifier, "_final", "final decisions")
    total = 0.0
    for r in range(rounds):
        texts = fresh_notes(n, seed + r)
        t0 = time.process_time()
        list(engine.detect_many(texts))
        total += time.process_time() - t0
    notes_read = n * rounds
    print(f"whole pipeline {total * 1000 / notes_read:.3f} CPU-ms per note (timers included), "
          f"{notes_read} notes; load average {os.getloadavg()[0]:.2f}")
    for key, seconds in spent.most_common():
        print(f"{key:30s} {seconds * 1000 / notes_read:.3f} ms  {100 * seconds / total:3.0f} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=400, help="notes per round")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1_717_000, help="seed of round 1 (+1 per round)")
    parser.add_argument("--profile", choices=KINDS, help="profile one engine instead")
    parser.add_argument("--parts", action="store_true", help="time the full pipeline's parts instead")
    args = parser.parse_args()
    if args.parts:
        parts(args.notes, args.rounds, args.seed)
        return
    if args.profile:
        profile(args.profile, args.notes, args.seed)
        return
    print(f"{args.notes} fresh held-out notes of 400-600 characters per round, {args.rounds} rounds; "
          f"load average before {os.getloadavg()[0]:.2f}", flush=True)
    rates = measure(args.notes, args.rounds, args.seed)
    print(f"{'engine':<10}{'median docs/s':>15}{'best docs/s':>13}{'CPU-ms/note':>13}")
    for kind in KINDS:
        med = statistics.median(rates[kind])
        print(f"{kind:<10}{med:>15,.0f}{max(rates[kind]):>13,.0f}{1000 / med:>13.2f}")
    ratios = [f / p for f, p in zip(rates["full"], rates["presidio"], strict=True)]
    print(f"full / presidio: {statistics.median(rates['full']) / statistics.median(rates['presidio']):.2f}x "
          f"(medians), per-round ratios median {statistics.median(ratios):.2f}x, "
          f"range {min(ratios):.2f}-{max(ratios):.2f}x; rules / presidio "
          f"{statistics.median(rates['rules']) / statistics.median(rates['presidio']):.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
