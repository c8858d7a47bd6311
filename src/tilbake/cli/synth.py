"""`tilbake synth ...`: synthetic Norwegian clinical notes and suggestions with gold spans."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer

from tilbake.cli.common import failing_cleanly

synth_app = typer.Typer(
    help="Generate synthetic Norwegian clinical notes with gold PHI spans.", no_args_is_help=True
)

_N = typer.Option(1000, "--n", min=0, help="How many records to write.")
_SEED = typer.Option(1, "--seed", help="Seed: the same seed gives the same records.")
_OUT = typer.Option(..., "--output", "-o", help="JSONL file to write ('-' for standard output).")


def _write(rows: Iterable[dict[str, Any]], output: str, total: int, what: str) -> int:
    """Rows to ``output`` ('-': standard output) through the atomic JSONL writer, with a progress bar."""
    from rich.console import Console
    from rich.progress import Progress

    from tilbake.batch.jsonl import write_jsonl

    target = None if output == "-" else Path(output)
    with failing_cleanly(), Progress(console=Console(stderr=True), transient=True,
                                     disable=target is None) as bar:
        task = bar.add_task(f"writing {what}", total=total)
        return write_jsonl(rows, target, lambda n: bar.update(task, completed=n))


_SPLIT = typer.Option("heldout", "--split", help="Name and place pools: heldout (default) or train.")


def _check_split(split: str) -> None:
    from tilbake.tooling.synth import SPLITS

    if split not in SPLITS:
        choices = ", ".join(SPLITS)
        raise typer.BadParameter(f"unknown split {split!r}; choose one of: {choices}", param_hint="--split")


_GOLD_ROWS = typer.Option(
    False, "--gold-rows", help="Write each free text as a gold-corpus row (id, text, spans, negatives)."
)


@synth_app.command("suggestions")
def suggestions_cmd(
    n: int = _N, seed: int = _SEED, split: str = _SPLIT, output: str = _OUT, gold_rows: bool = _GOLD_ROWS
) -> None:
    """Write synthetic AI-suggestion records (ai_feedback fields plus `_gold` spans) as JSONL."""
    from tilbake.tooling import synth

    _check_split(split)
    records = synth.suggestions(n, seed, split=split)
    if gold_rows:  # ids "s<seed>-<index>:<field>", one line per free text
        rows = (row for i, r in enumerate(records) for row in synth.gold_rows(r, f"s{seed}-{i:06d}"))
        count = _write(rows, output, 3 * n, "gold rows")
    else:
        count = _write(records, output, n, "suggestions")
    if output != "-":
        what = "gold rows" if gold_rows else "suggestions"
        typer.echo(f"wrote {count} {what} to {output}", err=True)


@synth_app.command("notes")
def notes_cmd(
    n: int = _N,
    seed: int = _SEED,
    split: str = typer.Option("train", "--split", help="train, or heldout (other phrasings, names, places)."),
    output: str = _OUT,
) -> None:
    """Write synthetic clinical notes as gold-corpus JSONL (id, text, spans, negatives, kind)."""
    from tilbake.tooling.synth import notes

    _check_split(split)
    count = _write(notes(n, seed, split=split), output, n, "notes")
    if output != "-":
        typer.echo(f"wrote {count} {split} notes to {output}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(synth_app, name="synth")
