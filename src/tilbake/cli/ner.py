"""`tilbake ner ...`: train and evaluate the Norwegian clinical NER model shipped in the package."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from tilbake.cli.common import failing_cleanly

ner_app = typer.Typer(help="Train and evaluate the Norwegian clinical NER model.", no_args_is_help=True)


@ner_app.command("train")
def train_command(
    synth_notes: Annotated[int, typer.Option(help="Synthetic training notes (0: NorNE only).")] = 8000,
    seed: Annotated[int, typer.Option(help="Seed of the corpora (notes, lower-cased copies).")] = 1337,
    train_seed: Annotated[int, typer.Option(help="Seed of spaCy's initialisation and batching.")] = 42,
    max_steps: Annotated[int | None, typer.Option(help="Stop after this many updates.")] = None,
    norne_dir: Annotated[Path | None, typer.Option(help="NorNE folder (default: training/norne).")] = None,
    work_dir: Annotated[Path | None, typer.Option(help="Scratch folder (default: build/ner).")] = None,
    output: Annotated[Path | None, typer.Option(help="Model folder (default: the package's).")] = None,
    config: Annotated[
        Path | None, typer.Option(help="spaCy config (default: ner/config.cfg).")
    ] = None,
    norne_join: Annotated[
        int, typer.Option(min=1, help="Consecutive NorNE train sentences per training doc.")
    ] = 1,
    name_swaps: Annotated[
        float,
        typer.Option(min=0, max=1, help="Share of NorNE person sentences also taught with invented names."),
    ] = 0.0,
    extra: Annotated[
        list[Path] | None,
        typer.Option("--extra", help="Extra training file (repeatable): tilbake ner export-training output."),
    ] = None,
) -> None:
    """Train the NER model on NorNE + synthetic notes (one thread, fixed seed) and ship it."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from tilbake.tooling.ner.train import TrainOptions, train

    options = TrainOptions(synth_notes=synth_notes, seed=seed, train_seed=train_seed, max_steps=max_steps,
                           norne_join=norne_join, name_swaps=name_swaps, extra=tuple(extra or ()))
    options.norne_dir = norne_dir or options.norne_dir
    options.work_dir = work_dir or options.work_dir
    options.output = output or options.output
    options.config = config or options.config
    with failing_cleanly():
        summary = train(options)
    typer.echo(json.dumps(summary, ensure_ascii=False))


@ner_app.command("evaluate")
def evaluate_command(
    corpus: Annotated[Path, typer.Option(help="Gold corpus: JSONL {id, text, spans} or NorNE .conll(u).")],
    model: Annotated[Path | None, typer.Option(help="Model folder (default: the shipped model).")] = None,
    ungated: Annotated[bool, typer.Option("--ungated", help="Read texts whole, not gated windows.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print rows as JSON instead of a table.")] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(help="Also write the spans found as detection JSONL."),
    ] = None,
    context: Annotated[
        str,
        typer.Option(help="What is read as one document around each gold doc: none (the doc alone), "
                     "paragraph (NorNE # newpar), or N (N neighbouring sentences either side)."),
    ] = "none",
) -> None:
    """Print per-label precision, recall and F1 (exact and overlap) of the model on a gold corpus."""
    from tilbake.tooling.ner.evaluate import evaluate, format_table

    with failing_cleanly():
        rows = evaluate(corpus, model, gated=not ungated, context=context, predictions=predictions)
    typer.echo(json.dumps(rows) if as_json else format_table(rows))


@ner_app.command("export-training")
def export_training(
    org: Annotated[str, typer.Option("--org", help="organization name (tilbake org list)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="folder for reviewed.jsonl and .spacy")],
) -> None:
    """Write the reviewed documents' corrected spans as gold JSONL and a spaCy DocBin (local data)."""
    from tilbake.cli.common import services
    from tilbake.tooling.ner.reviewed import write

    with services() as built:
        records = built.review.training_records(built.local(org).org_id)
        written = write(records, output)
    typer.echo(f"{written['documents']} reviewed document(s):\n" + "\n".join(written["files"]))


@ner_app.command("finetune")
def finetune_command(
    extra: Annotated[
        list[Path], typer.Option("--extra", help="Reviewed documents (repeatable): export-training output.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the candidate model.")],
    model: Annotated[Path | None, typer.Option(help="Model to start from (default: shipped).")] = None,
    max_steps: Annotated[int, typer.Option(min=1, help="Updates (batches) to run.")] = 60,
    synth_notes: Annotated[int, typer.Option(min=0, help="Rehearsal: synthetic training notes.")] = 200,
    norne_sentences: Annotated[int, typer.Option(min=0, help="Rehearsal: NorNE train sentences.")] = 0,
    norne_dir: Annotated[Path | None, typer.Option(help="NorNE folder (default: training/norne).")] = None,
    heldout: Annotated[int, typer.Option(min=0, help="Held-out synthetic notes to compare on.")] = 300,
    handwritten: Annotated[
        Path | None, typer.Option(help="Handwritten gold notes to compare on (default: corpora/handwritten).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the rehearsal sample and batch order.")] = 42,
    learn_rate: Annotated[float, typer.Option(min=0, help="Adam learning rate of the updates.")] = 0.0003,
) -> None:
    """Fine-tune the current model on reviewed documents (with rehearsal), write the candidate to
    --output, and compare it with the current model. Replacing the shipped model is a separate step."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from tilbake.tooling.ner.compare import HANDWRITTEN, compare, corpora, format_comparison
    from tilbake.tooling.ner.finetune import FinetuneOptions, finetune

    options = FinetuneOptions(extra=tuple(extra), output=output, model=model, max_steps=max_steps,
                              synth_notes=synth_notes, norne_sentences=norne_sentences, seed=seed,
                              learn_rate=learn_rate)
    options.norne_dir = norne_dir or options.norne_dir
    handwritten = handwritten or (HANDWRITTEN if HANDWRITTEN.is_file() else None)
    with failing_cleanly():
        gold = corpora(options.extra, heldout, handwritten)  # bad corpora fail before training
        summary = finetune(options)
        result = compare(model, output, gold)
    typer.echo(json.dumps(summary, ensure_ascii=False))
    typer.echo(format_comparison(result))


def register(app: typer.Typer) -> None:
    app.add_typer(ner_app, name="ner")
