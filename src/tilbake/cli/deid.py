"""`tilbake deid ...`: detect, anonymize and explain PHI in Norwegian clinical text."""

from __future__ import annotations

import typer

deid_app = typer.Typer(help="De-identify Norwegian clinical text.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(deid_app, name="deid")
