"""`tilbake org ...` and `tilbake token ...`: organizations and their API tokens.

Tokens are printed once, when made, and never again (only their hash is stored).
"""

from __future__ import annotations

from typing import Annotated

import typer

from tilbake.cli.common import services

org_app = typer.Typer(help="Create and list organizations (each has its own data and API tokens).",
                      no_args_is_help=True)
token_app = typer.Typer(help="List, create and revoke an organization's API tokens.", no_args_is_help=True)
OrgOption = Annotated[str, typer.Option("--org", help="organization name (tilbake org list)")]


@org_app.command("create")
def org_create(name: Annotated[str, typer.Argument(help="organization name")]) -> None:
    """Create an organization and print its first API token (shown this once; stored hashed)."""
    with services() as built:
        org, token = built.accounts.create_org(name)
    typer.echo(f"organization {org['name']!r} created (id {org['id']})")
    typer.echo(f"API token (shown once, keep it): {token}")


@org_app.command("list")
def org_list() -> None:
    """List organizations with their number of suggestions."""
    with services() as built:
        orgs = built.accounts.list_orgs()
    for org in orgs:
        created = f"{org['created_at']:%Y-%m-%d}"
        typer.echo(f"{org['id']}\t{org['name']}\t{org['suggestions']} suggestions\tcreated {created}")


@token_app.command("list")
def token_list(org: OrgOption) -> None:
    """List an organization's tokens (id, name, prefix, state); the tokens themselves are not stored."""
    with services() as built:
        tokens = built.accounts.list_tokens(org)
    for tok in tokens:
        state = f"revoked {tok['revoked_at']:%Y-%m-%d %H:%M}" if tok["revoked_at"] else "active"
        typer.echo(f"{tok['id']}\t{tok['name']}\t{tok['prefix']}…\t{state}")


@token_app.command("create")
def token_create(org: OrgOption,
                 name: Annotated[str, typer.Option(help="what the token is for")] = "default") -> None:
    """Create another API token for an organization and print it once."""
    with services() as built:
        tok, clear = built.accounts.create_token(org, name)
    typer.echo(f"token {tok['id']} ({tok['name']}) for {org!r} (shown once, keep it): {clear}")


@token_app.command("revoke")
def token_revoke(org: OrgOption,
                 token_id: Annotated[int, typer.Argument(help="token id (from token list)")]) -> None:
    """Revoke a token: calls with it answer 401 from now on."""
    with services() as built:
        built.accounts.revoke_token(org, token_id)
    typer.echo(f"token {token_id} of {org!r} revoked")


def register(app: typer.Typer) -> None:
    app.add_typer(org_app, name="org")
    app.add_typer(token_app, name="token")
