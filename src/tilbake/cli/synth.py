"""`tilbake synth ...`: synthetic Norwegian clinical notes and suggestions with gold spans."""

from __future__ import annotations

import typer

synth_app = typer.Typer(help="Generate synthetic Norwegian clinical notes with gold PHI spans.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(synth_app, name="synth")
