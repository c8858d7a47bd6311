"""`tilbake export ...`: preview, create, list, download and revoke anonymized training-data exports."""

from __future__ import annotations

import typer

export_app = typer.Typer(help="Export anonymized training data (SFT, DPO, KTO).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")
