"""`tilbake user ...`: the people who sign in to the pages (users of an organization, with a role).

A password is read from a hidden prompt (or standard input with --password-stdin), never from the
command line, where it would stay in the shell's history and the process list.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tilbake.accounts.people import ROLES
from tilbake.cli.common import services

user_app = typer.Typer(help="Create, list and disable the people who sign in to the pages.",
                       no_args_is_help=True)
OrgOption = Annotated[str, typer.Option("--org", help="organization name (tilbake org list)")]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("password", hide_input=True, confirmation_prompt=True))


@user_app.command("create")
def user_create(
    org: OrgOption,
    username: Annotated[str, typer.Argument(help="sign-in name (letters a-z, digits, . _ @ -)")],
    role: Annotated[str, typer.Option(help=f"one of {', '.join(ROLES)}")] = "clinician",
    name: Annotated[str | None, typer.Option(help="display name (default: the user name)")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                 help="read the password from stdin")] = False,
) -> None:
    """Create a user of an organization; asks for the password (at least 10 characters)."""
    password = _password(password_stdin)
    with services() as built:
        user = built.people.create_user(org, username, name or username, role, password)
    typer.echo(f"user {user['username']!r} ({user['role']}) created in {org!r} (id {user['id']})")


@user_app.command("list")
def user_list(org: OrgOption) -> None:
    """List an organization's users: id, name, role, state."""
    with services() as built:
        users = built.people.list_users(org)
    for u in users:
        state = f"disabled {u['disabled_at']:%Y-%m-%d %H:%M}" if u["disabled_at"] else "active"
        typer.echo(f"{u['id']}\t{u['username']}\t{u['display_name']}\t{u['role']}\t{state}")


@user_app.command("disable")
def user_disable(org: OrgOption,
                 username: Annotated[str, typer.Argument(help="the user's sign-in name")]) -> None:
    """Disable a user: their sessions end and they can no longer sign in."""
    with services() as built:
        built.people.disable_user(org, username)
    typer.echo(f"user {username!r} of {org!r} disabled")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
