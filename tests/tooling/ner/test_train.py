"""`tilbake ner train` end to end on a tiny NorNE sample: a few real spaCy updates, then the packaged
model loads with plain ``spacy.load``; the training seed alone decides the weights."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from tilbake.tooling.ner.train import NORNE_DEV, NORNE_TRAIN, TrainOptions, train

ROWS = [
    ("Kari", "B-PER"), ("Nordmann", "I-PER"), ("bor", "O"), ("i", "O"), ("Tromsø", "B-GPE_LOC"),
    ("og", "O"), ("jobber", "O"), ("på", "O"), ("Ullevål", "B-ORG"), ("sykehus", "I-ORG"), (".", "O"),
]  # fmt: skip


def _norne(folder: Path) -> Path:
    sentence = "".join(f"{i}\t{w}\t{w}\tX\t_\t_\t0\t_\t_\tname={t}\n" for i, (w, t) in enumerate(ROWS, 1))
    folder.mkdir(parents=True, exist_ok=True)
    for name in (NORNE_TRAIN, NORNE_DEV):
        (folder / name).write_bytes(gzip.compress(((sentence + "\n") * 6).encode()))
    return folder


def _train(tmp_path: Path, name: str, **options: object) -> Path:
    norne_dir = _norne(tmp_path / "norne")
    work = tmp_path / name
    opts = TrainOptions(norne_dir=norne_dir, work_dir=work, output=work / "model", synth_notes=0, max_steps=4)
    opts = replace(opts, **options)
    summary = train(opts)
    assert summary["train_seed"] == opts.train_seed
    return Path(str(summary["output"]))


@pytest.mark.slow
def test_training_packages_a_model_that_loads_and_follows_its_seed(tmp_path: Path):
    first = _train(tmp_path, "a")
    again = _train(tmp_path, "b")
    other = _train(tmp_path, "c", train_seed=7)
    nlp = spacy.load(first)  # plain spaCy: no tilbake hook left in the packaged config
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert json.loads((first / "meta.json").read_text("utf-8"))["tilbake_training"]["train_seed"] == 42
    weights = [(m / "tok2vec" / "model").read_bytes() for m in (first, again, other)]
    assert weights[0] == weights[1]
    assert weights[0] != weights[2]


@pytest.mark.slow
def test_name_swaps_add_training_docs(tmp_path: Path):
    plain = _train(tmp_path, "plain")
    swapped = _train(tmp_path, "swapped", name_swaps=1.0)
    count = lambda m: json.loads((m / "meta.json").read_text("utf-8"))["tilbake_training"]["docs"]["train"]  # noqa: E731
    assert count(swapped) > count(plain)
