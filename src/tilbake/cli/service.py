"""Service commands: `tilbake serve`, `tilbake demo`, `tilbake org ...`, `tilbake types ...`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
