"""`tilbake ner train`: build the corpora, train with spaCy, ship the best model into the package.

One command, fixed seed, single-threaded (the machine it is sized for has 2 shared cores). Steps:

1. NorNE train (+ synthetic training notes, + lower-cased copies) -> ``train.spacy``;
   NorNE dev (+ synthetic notes of another seed) -> ``dev.spacy`` for model selection.
2. ``spacy train`` with ``config.cfg`` (best model by entity F1/recall on dev).
3. Copy ``model-best`` into ``src/tilbake/models/<name>``: drop the training-only tokenizer hook from
   its config (the abbreviations are saved in the tokenizer itself) and add the gate lexicon.
"""

from __future__ import annotations

import json
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config

from tilbake.deid.lang_nb import places
from tilbake.errors import InputError
from tilbake.tooling.ner import corpus, gate, gazetteer, norne, reviewed
from tilbake.tooling.ner.pseudonames import NameShapes
from tilbake.tooling.ner.tokenizer import add_clinical_abbreviations
from tilbake.tooling.synth.people import pools

PACKAGE_DIR = Path(__file__).resolve().parent
CONFIG_PATH = PACKAGE_DIR / "config.cfg"
REPO_DIR = PACKAGE_DIR.parents[3]
NORNE_DIR = REPO_DIR / "training" / "norne"
NORNE_TRAIN = "no_bokmaal-ndt-train.conll.gz"
NORNE_DEV = "no_bokmaal-ud-dev.conllu.gz"
MODEL_NAME = "nb_tilbake_ner"


@dataclass(slots=True)
class TrainOptions:
    config: Path = CONFIG_PATH
    norne_dir: Path = NORNE_DIR
    work_dir: Path = REPO_DIR / "build" / "ner"
    output: Path = PACKAGE_DIR.parents[1] / "models" / MODEL_NAME
    synth_notes: int = 8000  # synthetic training notes (0 = NorNE only)
    synth_dev_notes: int = 300
    lowercase_share: float = 0.15
    #: consecutive NorNE train sentences joined into one training doc (1: each sentence alone)
    norne_join: int = 1
    #: share of NorNE train sentences that also go in with invented names (see pseudonames)
    name_swaps: float = 0.0
    #: entity labels whose words are swapped (PERSON: invented names; LOCATION: invented places)
    swap_labels: tuple[str, ...] = ("PERSON",)
    seed: int = 1337  # the corpora: synthetic notes, lower-cased and name-swapped copies
    #: spaCy's weight initialisation and batch order; 42 gave the best NorNE dev model of four seeds
    #: tried with the same corpora (docs/ner.md: the seeds' spread is about +-0.012 PERSON F1)
    train_seed: int = 42
    max_steps: int | None = None
    #: extra training files: reviewed documents (``tilbake ner export-training``), JSONL or .spacy
    extra: tuple[Path, ...] = ()
    overrides: dict[str, object] = field(default_factory=dict)


def _blank() -> Language:
    return add_clinical_abbreviations(spacy.blank("nb"))


def _norne_docs(nlp: Language, path: Path, join: int = 1) -> Iterator[Doc]:
    if not path.is_file():
        raise InputError(f"NorNE file not found: {path} (expected {NORNE_TRAIN} and {NORNE_DEV})")
    for sentence in norne.joined(norne.read_sentences(path), join):
        yield corpus.sentence_doc(nlp, sentence)


def _synth_docs(nlp: Language, n: int, seed: int) -> Iterator[Doc]:
    try:
        from tilbake.tooling.synth import notes
    except ImportError as exc:  # the generator lives on another branch until it is merged
        raise InputError("synthetic notes requested but tilbake.tooling.synth is not available") from exc
    for note in notes(n, seed=seed, split="train"):
        yield corpus.note_doc(nlp, note["text"], note["spans"])


def entity_words(docs: Iterable[Doc]) -> tuple[set[str], set[str]]:
    """Capitalised words that training text puts in places or organisations: (not names, places).

    A word inside places or organisations at least twice, and more often than inside names, is no
    name ("Jordan"), and a place if places hold it most often. Names of the training text are *not*
    added to the name lists: the model would learn that every name is a listed one and miss the
    unlisted surname after a first name ("Hanna Kvanmo": NorNE dev PERSON F1 0.851 -> 0.838).
    """
    counts: dict[str, Counter[str]] = {"PERSON": Counter(), "ORG": Counter(), "LOCATION": Counter()}
    for doc in docs:
        for ent in doc.ents:
            for token in ent:
                if token.text[:1].isupper() and token.is_alpha and ent.label_ in counts:
                    counts[ent.label_][token.text] += 1
    person, org, place = counts["PERSON"], counts["ORG"], counts["LOCATION"]
    others = {word for word in org.keys() | place.keys() if org[word] + place[word] >= 2}
    not_names = {word for word in others if org[word] + place[word] > person[word]}
    return not_names, {word for word in not_names if place[word] > org[word] + person[word]}


def name_norms(
    docs: Iterable[Doc], first: set[str], surnames: set[str], common: Iterable[str]
) -> dict[str, str]:
    """The name- and place-class norms: name and place lists, places of the training text, genitives
    (see ``gazetteer.norm_table``)."""
    foreign_first, foreign_surnames = gazetteer.load_foreign_names()
    not_names, seen_places = entity_words(docs)
    all_places = places() | gazetteer.load_foreign_places() | seen_places
    return gazetteer.norm_table(
        first, surnames, common, foreign_first, foreign_surnames, not_names | all_places, all_places
    )


def _word_shapes(
    labels: Iterable[str], first: set[str], surnames: set[str], common: Iterable[str]
) -> dict[str, NameShapes]:
    """Letter models that invent names (PERSON) and places (LOCATION) like the listed ones, for the
    ``labels`` asked: never a listed name or place, a common word, or a name of the held-out synthetic
    notes (they must stay unseen)."""
    foreign_first, foreign_surnames = gazetteer.load_foreign_names()
    names = first | surnames | foreign_first | foreign_surnames
    all_places = places() | gazetteer.load_foreign_places()
    avoid = names | all_places | pools("heldout").all_names() | set(common)
    lists = {"PERSON": names, "LOCATION": all_places}
    return {label: NameShapes(sorted(lists[label]), avoid) for label in labels}


def build_corpora(options: TrainOptions) -> dict[str, int]:
    """Write ``train.spacy``/``dev.spacy`` and the gate lexicon into the work dir; returns doc counts."""
    nlp = _blank()
    norne_docs = list(_norne_docs(nlp, options.norne_dir / NORNE_TRAIN, options.norne_join))
    synth_docs = list(_synth_docs(nlp, options.synth_notes, options.seed)) if options.synth_notes else []
    extra_docs = [doc for path in options.extra for doc in reviewed.docs(nlp, path)]
    train_docs = norne_docs + synth_docs + extra_docs
    first, surnames = gazetteer.load_names()
    lexicon = gate.build_lexicon(train_docs, extra_names=first | surnames)
    norms = name_norms(train_docs, first, surnames, lexicon["common"])
    options.work_dir.mkdir(parents=True, exist_ok=True)
    (options.work_dir / gate.LEXICON_FILE).write_text(json.dumps(lexicon, ensure_ascii=False), "utf-8")
    (options.work_dir / "norms.json").write_text(json.dumps(norms, ensure_ascii=False), "utf-8")
    if options.name_swaps:
        shapes = _word_shapes(options.swap_labels, first, surnames, lexicon["common"])
        invent = {label: shape.invent for label, shape in shapes.items()}
        swapped = corpus.with_name_swaps(nlp, norne_docs, options.name_swaps, options.seed, invent)
        train_docs = [*swapped, *synth_docs, *extra_docs]
    augmented = corpus.with_lowercase_copies(nlp, train_docs, options.lowercase_share, options.seed)
    counts = {"train": corpus.write_docbin(augmented, options.work_dir / "train.spacy"),
              "extra": len(extra_docs)}
    dev_docs = list(_norne_docs(nlp, options.norne_dir / NORNE_DEV))
    if options.synth_notes and options.synth_dev_notes:
        dev_docs += _synth_docs(nlp, options.synth_dev_notes, options.seed + 1)
    counts["dev"] = corpus.write_docbin(dev_docs, options.work_dir / "dev.spacy")
    return counts


def run_spacy_train(options: TrainOptions) -> Path:
    from spacy.cli.train import train as spacy_train

    overrides: dict[str, object] = {
        "paths.train": str(options.work_dir / "train.spacy"),
        "paths.dev": str(options.work_dir / "dev.spacy"),
        "nlp.after_creation.norms": str(options.work_dir / "norms.json"),
        "system.seed": options.train_seed,
        **options.overrides,
    }
    if options.max_steps is not None:
        overrides["training.max_steps"] = options.max_steps
    spacy_train(options.config, options.work_dir / "output", overrides=overrides)
    return options.work_dir / "output" / "model-best"


def package_model(best: Path, options: TrainOptions, scores: dict[str, object]) -> Path:
    """Copy the trained pipeline into the package, loadable by plain ``spacy.load``."""
    target = options.output
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best, target)
    config = load_config(target / "config.cfg")
    config["nlp"]["after_creation"] = None  # abbreviations and name norms live in tokenizer and vocab
    config.to_disk(target / "config.cfg")
    shutil.copy(options.work_dir / gate.LEXICON_FILE, target / gate.LEXICON_FILE)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta.update(
        name="tilbake_ner",
        version="1.0.0",
        description="tilbake: Norwegian (bokmål) clinical NER for PERSON, ORG, LOCATION",
        license="Apache-2.0 (model); NorNE annotations CC0, texts not redistributed",
        sources=[
            {"name": "NorNE", "url": "https://github.com/ltgoslo/norne"},
            {"name": "Statistics Norway (SSB) name statistics, CC BY 4.0, adapted (via norwegian-fake-data)"},
            {"name": "mimesis person data of Norwegian and 26 other locales, Norwegian address data (MIT)"},
        ],
        tilbake_training=scores,
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
    return target


def train(options: TrainOptions) -> dict[str, object]:
    """Build corpora, train, package; returns a summary (doc counts, minutes, output path)."""
    started = time.monotonic()
    counts = build_corpora(options)
    best = run_spacy_train(options)
    summary: dict[str, object] = {
        "docs": counts,
        "seed": options.seed,
        "train_seed": options.train_seed,
        "synth_notes": options.synth_notes,
        "minutes": round((time.monotonic() - started) / 60, 1),
    }
    summary["output"] = str(package_model(best, options, summary))
    return summary
