"""`tilbake deid ...`: detect, anonymize and explain PHI in Norwegian clinical text.

`detect` and `anonymize --input` stream JSONL (DESIGN §2) through ``tilbake.batch.jsonl``: output in
input order, written aside and moved into place only when every line succeeded. `batch` runs a
corpus through ``tilbake.batch.runner`` (process pool) or ``tilbake.batch.spark`` (docs/batch.md).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn
from rich.table import Table

from tilbake.cli.common import services

if TYPE_CHECKING:
    from tilbake.batch.runner import Summary
    from tilbake.batch.work import Job

deid_app = typer.Typer(help="De-identify Norwegian clinical text.", no_args_is_help=True)
_err = Console(stderr=True)

_INPUT = typer.Option(..., "--input", "-i", help="JSONL file, one {\"id\", \"text\"} per line.")
_OUTPUT = typer.Option(None, "--output", "-o", help="JSONL file for {\"id\", \"spans\"} (default stdout).")
_RULES = typer.Option(None, "--rules", help="User rules JSON (allow, deny, context).")
_MODEL = typer.Option(True, "--model/--no-model", help="Run the shipped NER model with the rules (default).")
_TEXT = typer.Argument(None, help="Text to anonymize (default: stdin, unless --input is given).")
_INPUT2 = typer.Option(None, "--input", "-i", help="JSONL file, one {\"id\", \"text\"} per line.")
_OUTPUT2 = typer.Option(None, "--output", "-o", help="Where the JSONL output goes (default stdout).")
_OPERATOR = typer.Option("tag", "--operator", help="tag, role, age, redact or surrogate.")
_SCOPE = typer.Option(None, "--scope", help="Surrogate scope (default: each record's id).")
_TEXT2 = typer.Argument(..., help="The text to explain.")
_ALL_CANDIDATES = typer.Option(False, "--all", help="Also show candidates that were dropped.")


@contextmanager
def _bar(path: Path, what: str) -> Iterator[Callable[[int], None]]:
    """A progress bar over the input's bytes, for files of a megabyte or more on a terminal."""
    big = path.is_file() and path.stat().st_size >= 1_000_000
    with Progress(TextColumn("{task.description}"), BarColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
                  console=_err, transient=True, disable=not (_err.is_terminal and big)) as bar:
        task = bar.add_task(what, total=path.stat().st_size if big else None)
        yield lambda done: bar.update(task, completed=done)


@deid_app.command()
def detect(input: Path = _INPUT, output: Path = _OUTPUT, rules: Path = _RULES, model: bool = _MODEL) -> None:
    """Find PHI spans in every document of a JSONL file, streaming, in input order."""
    from tilbake.batch.jsonl import detect_file

    with services() as built, _bar(input, "detect") as progress:
        n = detect_file(input, output, built.engine(model, rules), progress)
    _err.print(f"{n} documents", highlight=False)


@deid_app.command()
def anonymize(text: str = _TEXT, input: Path = _INPUT2, output: Path = _OUTPUT2, operator: str = _OPERATOR,
              scope: str = _SCOPE, rules: Path = _RULES, model: bool = _MODEL) -> None:
    """Rewrite PHI in plain text or a JSONL file with the chosen operator."""
    from tilbake.batch.jsonl import anonymize_file, anonymize_text

    with services() as built:
        secret = built.secret if operator == "surrogate" else b""
        if input is None:
            body = text if text is not None else sys.stdin.read()
            typer.echo(anonymize_text(body, built.engine(model, rules), operator, secret, scope))
            return
        with _bar(input, "anonymize") as progress:
            n = anonymize_file(input, output, built.engine(model, rules), operator, secret, scope, progress)
    _err.print(f"{n} documents", highlight=False)


_B_INPUT = typer.Option(..., "--input", "-i", help="A .jsonl or .parquet file, or a directory of them.")
_B_OUTPUT = typer.Option(..., "--output", "-o", help="Directory for one .jsonl part per input file "
                         "(an interrupted run there resumes).")
_B_MODE = typer.Option("detect", "--mode", help="detect (spans) or anonymize (rewritten text).")
_B_TEXT = typer.Option("text", "--text-column", help="The JSON key or Parquet column holding the text.")
_B_ID = typer.Option("id", "--id-column", help="The JSON key or Parquet column holding the document id.")
_B_WORKERS = typer.Option(None, "--workers", "-w", help="Worker processes (default: one per core, at most "
                          "four; 0 runs in this process).", min=0)
_B_ENGINE = typer.Option("local", "--engine", help="local (process pool) or spark (docs/batch.md).")


@deid_app.command()
def batch(input: Path = _B_INPUT, output: Path = _B_OUTPUT, mode: str = _B_MODE, text_column: str = _B_TEXT,
          id_column: str = _B_ID, operator: str = _OPERATOR, scope: str = _SCOPE, rules: Path = _RULES,
          model: bool = _MODEL, workers: int = _B_WORKERS, engine: str = _B_ENGINE) -> None:
    """De-identify a corpus: JSONL/Parquet files, streaming, resumable, in parallel (docs/batch.md)."""
    from tilbake.batch.work import Job, read_rules

    with services() as built:
        job = Job(mode, operator, model, read_rules(rules), scope, id_column, text_column)
        summary = _run(engine, input, output, job, built.secret if job.needs_secret else b"", workers)
    _print_summary(summary)


def _run(engine: str, input: Path, output: Path, job: Job, secret: bytes, workers: int | None) -> Summary:
    from tilbake.batch.runner import run_batch
    from tilbake.errors import InputError
    from tilbake.wiring import default_workers

    if engine == "spark":
        from tilbake.batch.spark import run_spark

        return run_spark(input, output, job, secret, on_bad=_report_bad)
    if engine != "local":
        raise InputError(f"--engine must be local or spark, not {engine!r}")
    with Progress(TextColumn("{task.description}"), BarColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
                  console=_err, transient=True, disable=not _err.is_terminal) as bar:
        task = bar.add_task("batch", total=None)
        return run_batch(input, output, job, secret, default_workers() if workers is None else workers,
                         on_bad=_report_bad,
                         on_progress=lambda done, total: bar.update(task, completed=done, total=total))


def _report_bad(message: str) -> None:
    typer.echo(f"skipped: {message}", err=True)


def _print_summary(summary: Summary) -> None:
    typer.echo(f"{summary.docs} documents in {summary.files} files ({summary.resumed_done} finished by an "
               f"earlier run), {summary.bad} bad records skipped", err=True)
    table = Table("label", "spans")
    for label, count in sorted(summary.labels.items()):
        table.add_row(label, str(count))
    _err.print(table)


@deid_app.command()
def explain(text: str = _TEXT2, rules: Path = _RULES, model: bool = _MODEL,
            all_candidates: bool = _ALL_CANDIDATES) -> None:
    """Show each span found in TEXT: label, recognizer, pattern, validation and context words."""
    with services() as built:
        explanations = built.engine(model, rules).analyze(text)
    table = Table("text", "label", "score", "source", "pattern", "check", "cues", "decision")
    for e in explanations:
        if e.decision == "kept" or all_candidates:
            table.add_row(text[e.span.start:e.span.end], e.span.label.value, f"{e.span.score:.2f}", e.source,
                          e.pattern, e.check, ", ".join(e.cues), e.decision)
    Console().print(table)


_GOLD = typer.Argument(..., help="gold JSONL: {\"id\", \"text\", \"spans\", \"negatives\"?} per line")
_PRED = typer.Argument(..., help="predictions JSONL: {\"id\", \"spans\"} per line (deid detect's output)")
_JSON = typer.Option(False, "--json", help="print the figures as JSON")


@deid_app.command()
def score(gold: Path = _GOLD, pred: Path = _PRED, as_json: bool = _JSON) -> None:
    """Score predicted PHI spans against gold spans: exact and overlap precision/recall, PHI tokens left,
    clean documents, hard negatives flagged."""
    from tilbake.batch.score import score_files, summary
    from tilbake.cli.common import echo_json, failing_cleanly

    with failing_cleanly():
        figures = summary(score_files(gold, pred))
    echo_json(figures) if as_json else _score_table(figures)


def _score_table(f: dict[str, Any]) -> None:
    console = Console()
    table = Table("match", "precision", "recall", "F1", "F2", title=f"{f['documents']} documents, "
                  f"{f['gold_spans']} gold spans, {f['predicted_spans']} predicted")
    for mode in ("exact", "bounds", "overlap", "chars"):
        row = f[mode]
        table.add_row(mode, *(_num(row.get(k)) for k in ("precision", "recall", "f1", "f2")))
    console.print(table)
    console.print(f"PHI tokens left {_num(f['phi_tokens_left'])} of {f['phi_tokens']}; clean documents "
                  f"{_num(f['clean_documents'])}; hard negatives flagged {f['hard_negatives']['flagged']} of "
                  f"{f['hard_negatives']['n']}", highlight=False)
    labels = Table("gold label", "n", "exact R", "overlap R")
    for label, row in f["per_gold_label"].items():
        labels.add_row(label, str(row["n"]), _num(row["exact_recall"]), _num(row["overlap_recall"]))
    console.print(labels)
    if f["documents_without_prediction"]:
        console.print(f"{f['documents_without_prediction']} gold documents had no prediction line "
                      "(scored as nothing found)", highlight=False)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def register(app: typer.Typer) -> None:
    app.add_typer(deid_app, name="deid")
