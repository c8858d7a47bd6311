"""`tilbake types ...`: the suggestion types an organization may log."""

from __future__ import annotations

from typing import Annotated

import typer

from tilbake.cli.accounts import OrgOption
from tilbake.cli.common import services

types_app = typer.Typer(help="An organization's suggestion types (defaults plus its own).",
                        no_args_is_help=True)


@types_app.command("add")
def types_add(org: OrgOption, name: Annotated[str, typer.Argument(help="type name: a-z, 0-9, _")],
              description: Annotated[str | None, typer.Option(help="what it is")] = None) -> None:
    """Register a suggestion type of the organization's own."""
    with services() as built:
        built.capture.add_type(built.local(org), name, description)
    typer.echo(f"suggestion type {name!r} added for {org!r}")


@types_app.command("list")
def types_list(org: OrgOption) -> None:
    """List the suggestion types an organization may log (defaults and its own)."""
    with services() as built:
        rows = built.capture.types(built.local(org))
    for row in rows:
        typer.echo(f"{row['name']}\t{'default' if row['default'] else 'own'}\t{row['description'] or ''}")


def register(app: typer.Typer) -> None:
    app.add_typer(types_app, name="types")
