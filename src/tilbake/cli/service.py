"""Service commands: `tilbake serve`, `demo`, `org ...`, `token ...` and `types ...`.

Each command parses, calls one service function and renders. Bad input exits with code 2 and a
message naming the problem; tokens are printed once, when made, and never again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, TypeVar

import typer

from tilbake.errors import ConfigError, InputError, StorageError

org_app = typer.Typer(help="Create and list organizations (each has its own data and API tokens).",
                      no_args_is_help=True)
token_app = typer.Typer(help="List, create and revoke an organization's API tokens.", no_args_is_help=True)
types_app = typer.Typer(help="An organization's suggestion types (defaults plus its own).",
                        no_args_is_help=True)

T = TypeVar("T")
OrgOption = Annotated[str, typer.Option("--org", help="organization name")]


@contextmanager
def _database() -> Iterator[object]:
    from tilbake.config import Settings
    from tilbake.store import open_database

    db = open_database(Settings.from_env().database_url)
    try:
        yield db
    finally:
        db.dispose()


def _run(action: Callable[..., T]) -> T:
    """Open the database, run `action(db)`, and turn our errors into exit code 2 with a message."""
    try:
        with _database() as db:
            return action(db)
    except (InputError, ConfigError, StorageError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[int, typer.Option(help="worker processes (one per core is plenty)")] = 1,
) -> None:
    """Start the web service (API under /api/v1, OpenAPI at /docs); migrates the database first."""
    import uvicorn

    from tilbake.config import Settings

    settings = Settings.from_env()
    _run(lambda db: None)  # migrate once, before the workers start
    typer.echo(f"tilbake serving on http://{host}:{port} (docs: /docs, data: {settings.data_dir})")
    uvicorn.run("tilbake.web.app:create_app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=settings.log_level.lower(), access_log=settings.log_level == "DEBUG")


def demo(
    if_empty: Annotated[bool, typer.Option("--if-empty", help="skip if any organization exists")] = False,
    org: Annotated[str, typer.Option("--org", help="organization to fill")] = "demo",
    count: Annotated[int, typer.Option(min=1, max=100_000, help="how many suggestions")] = 500,
    seed: Annotated[int, typer.Option(help="random seed (same seed, same data)")] = 7,
) -> None:
    """Fill an organization with synthetic Norwegian suggestions of every type and decision class."""
    from tilbake.demo import run_demo

    result = _run(lambda db: run_demo(db, org_name=org, n=count, seed=seed, if_empty=if_empty))
    if result.skipped:
        typer.echo("demo: organizations exist already; nothing added (drop --if-empty to add anyway)")
        return
    typer.echo(f"demo: {result.inserted} suggestions in organization {result.org_name!r}")
    if result.token:
        typer.echo(f"API token for {result.org_name!r} (shown once, keep it): {result.token}")


@org_app.command("create")
def org_create(name: Annotated[str, typer.Argument(help="organization name")]) -> None:
    """Create an organization and print its first API token (shown this once; stored hashed)."""
    from tilbake.capture.orgs import create_org

    org, token = _run(lambda db: create_org(db, name))
    typer.echo(f"organization {org['name']!r} created (id {org['id']})")
    typer.echo(f"API token (shown once, keep it): {token}")


@org_app.command("list")
def org_list() -> None:
    """List organizations with their number of suggestions."""
    from tilbake.capture.orgs import list_orgs

    for org in _run(list_orgs):
        created = f"{org['created_at']:%Y-%m-%d}"
        typer.echo(f"{org['id']}\t{org['name']}\t{org['suggestions']} suggestions\tcreated {created}")


@token_app.command("list")
def token_list(org: OrgOption) -> None:
    """List an organization's tokens (id, name, prefix, state); the tokens themselves are not stored."""
    from tilbake.capture.orgs import list_tokens

    for tok in _run(lambda db: list_tokens(db, org)):
        state = f"revoked {tok['revoked_at']:%Y-%m-%d %H:%M}" if tok["revoked_at"] else "active"
        typer.echo(f"{tok['id']}\t{tok['name']}\t{tok['prefix']}…\t{state}")


@token_app.command("create")
def token_create(org: OrgOption,
                 name: Annotated[str, typer.Option(help="what the token is for")] = "default") -> None:
    """Create another API token for an organization and print it once."""
    from tilbake.capture.orgs import create_token

    tok, clear = _run(lambda db: create_token(db, org, name))
    typer.echo(f"token {tok['id']} ({tok['name']}) for {org!r} (shown once, keep it): {clear}")


@token_app.command("revoke")
def token_revoke(org: OrgOption,
                 token_id: Annotated[int, typer.Argument(help="token id (from token list)")]) -> None:
    """Revoke a token: calls with it answer 401 from now on."""
    from tilbake.capture.orgs import revoke_token

    _run(lambda db: revoke_token(db, org, token_id))
    typer.echo(f"token {token_id} of {org!r} revoked")


@types_app.command("add")
def types_add(org: OrgOption, name: Annotated[str, typer.Argument(help="type name: a-z, 0-9, _")],
              description: Annotated[str | None, typer.Option(help="what it is")] = None) -> None:
    """Register a suggestion type of the organization's own."""
    from tilbake.capture.orgs import org_id
    from tilbake.capture.types import add_type

    def action(db: object) -> None:
        with db.unit_of_work() as uow:  # type: ignore[attr-defined]
            add_type(uow, org_id(uow, org), name, description)

    _run(action)
    typer.echo(f"suggestion type {name!r} added for {org!r}")


@types_app.command("list")
def types_list(org: OrgOption) -> None:
    """List the suggestion types an organization may log (defaults and its own)."""
    from tilbake.capture.orgs import org_id
    from tilbake.capture.types import list_types

    def action(db: object) -> list[dict[str, str | bool | None]]:
        with db.unit_of_work(write=False) as uow:  # type: ignore[attr-defined]
            return list_types(uow, org_id(uow, org))

    for row in _run(action):
        typer.echo(f"{row['name']}\t{'default' if row['default'] else 'own'}\t{row['description'] or ''}")


def register(app: typer.Typer) -> None:
    app.command(help=serve.__doc__)(serve)
    app.command(help=demo.__doc__)(demo)
    app.add_typer(org_app, name="org")
    app.add_typer(token_app, name="token")
    app.add_typer(types_app, name="types")
