"""`tilbake ner ...`: train and evaluate the Norwegian clinical NER model shipped in the package."""

from __future__ import annotations

import typer

ner_app = typer.Typer(help="Train and evaluate the Norwegian clinical NER model.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(ner_app, name="ner")
