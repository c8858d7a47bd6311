"""`tilbake ner finetune`: teach an existing model the reviewed documents without making it forget.

Training from scratch (``tilbake ner train --extra``) takes hours; the reviewers' corrections are a few
dozen documents a month. Fine-tuning resumes the current model's weights for a bounded number of
updates on the reviewed documents mixed with a sample of the data the model was trained on (NorNE
sentences and/or synthetic training notes: *rehearsal*, so the old skills are kept). The candidate is
written to its own folder with the gate lexicon and a ``meta.json`` that says what it came from; it
never replaces the shipped model by itself (see ``compare`` and docs/ner.md).
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import Optimizer

from tilbake.deid.detect.ner import DEFAULT_MODEL_DIR, LEXICON_FILE, model_version
from tilbake.errors import InputError
from tilbake.tooling.ner import corpus, norne, reviewed
from tilbake.tooling.ner.train import NORNE_DIR, NORNE_TRAIN


@dataclass(slots=True)
class FinetuneOptions:
    extra: tuple[Path, ...]
    output: Path
    model: Path | None = None  # None: the shipped model
    norne_dir: Path = NORNE_DIR
    #: rehearsal: NorNE train sentences and synthetic training notes mixed in (0: none of that kind)
    norne_sentences: int = 0
    synth_notes: int = 200
    max_steps: int = 60
    batch_size: int = 8
    dropout: float = 0.1
    learn_rate: float = 0.0003  # gentler than training's 0.001: less forgetting (docs/ner.md)
    seed: int = 42


def _norne_file(folder: Path) -> Path:
    for name in (NORNE_TRAIN, NORNE_TRAIN.removesuffix(".gz")):
        if (folder / name).is_file():
            return folder / name
    raise InputError(f"NorNE file not found in {folder} (expected {NORNE_TRAIN}); "
                     "pass --norne-dir or --norne-sentences 0")


def _sample(items: list, n: int, rng: random.Random) -> list:
    return items if len(items) <= n else rng.sample(items, n)


def rehearsal_docs(nlp: Language, options: FinetuneOptions, rng: random.Random) -> Iterator[Doc]:
    """A sample of the model's original kind of data: NorNE sentences and synthetic training notes."""
    if options.norne_sentences:
        sentences = list(norne.read_sentences(_norne_file(options.norne_dir)))
        for sentence in _sample(sentences, options.norne_sentences, rng):
            yield corpus.sentence_doc(nlp, sentence)
    if options.synth_notes:
        from tilbake.tooling.synth import notes

        for note in notes(options.synth_notes, seed=options.seed, split="train"):
            yield corpus.note_doc(nlp, note["text"], note["spans"])


def _examples(nlp: Language, docs: list[Doc]) -> list[Example]:
    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def _updates(
    nlp: Language, examples: list[Example], options: FinetuneOptions, rng: random.Random
) -> tuple[Optimizer, list[float]]:
    """Up to ``max_steps`` updates over shuffled batches of ``examples``; the optimizer (its
    averaged weights are what is saved, as ``spacy train`` does) and the NER loss per step."""
    optimizer = nlp.resume_training()
    optimizer.learn_rate = options.learn_rate
    losses_seen: list[float] = []
    while len(losses_seen) < options.max_steps:
        rng.shuffle(examples)
        for batch in minibatch(examples, size=options.batch_size):
            losses: dict[str, float] = {}
            nlp.update(batch, sgd=optimizer, drop=options.dropout, losses=losses)
            losses_seen.append(losses.get("ner", 0.0))
            if len(losses_seen) >= options.max_steps:
                break
    return optimizer, losses_seen


def _mean(values: list[float]) -> float:
    return round(float(sum(values)) / len(values), 3)


def _lexicon(source: Path, docs: list[Doc]) -> dict[str, list[str]]:
    """The source model's gate lexicon, and the reviewed entities' words as names (so they wake the
    model; no longer "common")."""
    lexicon = json.loads((source / LEXICON_FILE).read_text("utf-8"))
    words = {t.text.lower() for doc in docs for ent in doc.ents for t in ent if t.is_alpha and len(t) > 1}
    lexicon["names"] = sorted(set(lexicon["names"]) | words)
    lexicon["common"] = sorted(set(lexicon["common"]) - words)
    lexicon["common_exact"] = [w for w in lexicon["common_exact"] if w.lower() not in words]
    return lexicon


def _package(nlp: Language, source: Path, docs: list[Doc], summary: dict[str, object], output: Path) -> None:
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    (output / LEXICON_FILE).write_text(json.dumps(_lexicon(source, docs), ensure_ascii=False), "utf-8")
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["tilbake_finetune"] = summary
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")


def finetune(options: FinetuneOptions) -> dict[str, object]:
    """Fine-tune, write the candidate to ``options.output``; returns a summary (counts, losses)."""
    source = Path(options.model) if options.model else DEFAULT_MODEL_DIR
    if not (source / "meta.json").is_file() or not (source / LEXICON_FILE).is_file():
        raise InputError(f"not a tilbake NER model folder (meta.json and {LEXICON_FILE}): {source}")
    if source.resolve() == options.output.resolve():
        raise InputError("--output must differ from the model fine-tuned (the candidate is compared first)")
    started = time.monotonic()
    rng = random.Random(options.seed)
    spacy.util.fix_random_seed(options.seed)
    nlp = spacy.load(source)
    extra = [doc for path in options.extra for doc in reviewed.docs(nlp, path)]
    if not extra:
        raise InputError("the --extra files hold no reviewed documents")
    rehearsal = list(rehearsal_docs(nlp, options, rng))
    optimizer, losses = _updates(nlp, _examples(nlp, extra + rehearsal), options, rng)
    summary: dict[str, object] = {
        "base": model_version(source), "reviewed_docs": len(extra), "rehearsal_docs": len(rehearsal),
        "steps": len(losses), "seed": options.seed, "learn_rate": options.learn_rate,
        "loss_first_10": _mean(losses[:10]), "loss_last_10": _mean(losses[-10:]),
        "seconds": round(time.monotonic() - started, 1),
    }  # fmt: skip
    with nlp.use_params(optimizer.averages):
        _package(nlp, source, extra, summary, options.output)
    summary["output"] = str(options.output)
    summary["version"] = model_version(options.output)
    return summary
