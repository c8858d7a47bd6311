"""`tilbake retention ...` and `tilbake prune`: how long raw suggestion text is kept, and removing what
is past it (the web service also prunes on start and every few hours)."""

from __future__ import annotations

from typing import Annotated

import typer

from tilbake.cli.accounts import OrgOption
from tilbake.cli.common import services

retention_app = typer.Typer(help="How long each organization keeps raw suggestion text.",
                            no_args_is_help=True)


@retention_app.command("show")
def retention_show(org: OrgOption) -> None:
    """Show an organization's retention period for raw suggestion text."""
    with services() as built:
        policy = built.retention.get(org)
    typer.echo(_line(policy))


@retention_app.command("set")
def retention_set(org: OrgOption,
                  days: Annotated[int, typer.Option(help="days to keep raw text after the decision")]
                  ) -> None:
    """Set how many days after the decision an organization keeps raw suggestion text."""
    with services() as built:
        policy = built.retention.set(org, days)
    typer.echo(_line(policy))


def _line(policy: dict[str, object]) -> str:
    return (f"{policy['organization']}: raw text kept {policy['days']} days after the decision"
            f"{' (the default)' if policy['default'] else ''}")


def prune(org: Annotated[str | None, typer.Option("--org", help="only this organization")] = None) -> None:
    """Remove raw suggestion text past each organization's retention period; prints the counts."""
    with services() as built:
        pruned = built.retention.prune(org)
    typer.echo(f"pruned the raw text of {sum(pruned.values())} suggestions in {len(pruned)} organizations")


def register(app: typer.Typer) -> None:
    app.add_typer(retention_app, name="retention")
    app.command(help=prune.__doc__)(prune)
