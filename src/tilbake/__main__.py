"""`python -m tilbake` is the same as the `tilbake` command."""

from tilbake.cli import app

app()
