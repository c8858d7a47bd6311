"""The `tilbake` command: a thin face over the core.

Every command parses its arguments, calls one service function and renders the result. Each area
keeps its commands in its own module here; this file only assembles them. Bad input exits with code 2
and a message naming the problem.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="tilbake",
    help="Capture clinicians' decisions on AI suggestions, de-identify Norwegian clinical text, "
    "and export anonymized training data.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _start() -> None:
    # Before any command touches a file: everything tilbake writes is readable by its owner only.
    from tilbake.files import owner_only_umask

    owner_only_umask()


@app.command()
def version() -> None:
    """Print the installed tilbake version."""
    from tilbake import __version__

    typer.echo(__version__)


def _register() -> None:
    # Sub-command groups live beside this file, one module per area.
    import importlib

    for module_name in (
        "serve",
        "accounts",
        "capture",
        "users",
        "imports",
        "deid",
        "export",
        "erase",
        "retention",
        "audit",
        "review",
        "merge",
        "ner",
        "synth",
    ):
        module = importlib.import_module(f"tilbake.cli.{module_name}")
        module.register(app)


_register()
