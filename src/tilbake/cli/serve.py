"""`tilbake serve` and `tilbake demo`: run the web service, fill an organization with demo data."""

from __future__ import annotations

import copy
from typing import Annotated, Any

import typer

from tilbake.cli.common import services


def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[int, typer.Option(help="worker processes (one per core is plenty)")] = 1,
) -> None:
    """Start the web service (API under /api/v1, OpenAPI at /docs); migrates the database first."""
    import uvicorn

    with services() as built:
        built.db.ping()  # migrate once, before the workers start
        settings = built.settings
    typer.echo(f"tilbake serving on http://{host}:{port} (pages: sign in at /logg-inn, API docs: /docs, "
               f"data: {settings.data_dir})")
    uvicorn.run("tilbake.web.app:create_app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=settings.log_level.lower(), access_log=False,
                log_config=log_config(settings.log_level))


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging, plus tilbake's loggers on its console handler. uvicorn's access log (full
    paths and query strings) stays off: ``tilbake.web.access`` logs route templates instead."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["tilbake"] = {"handlers": ["default"], "level": level, "propagate": False}
    return config


def demo(
    if_empty: Annotated[bool, typer.Option("--if-empty", help="skip if any organization exists")] = False,
    org: Annotated[str, typer.Option("--org", help="organization to fill")] = "demo",
    count: Annotated[int, typer.Option(min=1, max=100_000, help="how many suggestions")] = 500,
    seed: Annotated[int, typer.Option(help="random seed (same seed, same data)")] = 7,
) -> None:
    """Fill an organization with synthetic Norwegian suggestions of every type and decision class."""
    from tilbake.tooling.demo import PASSWORD_FILE, TOKEN_FILE, run_demo, save_private

    with services() as built:
        result = run_demo(built, org_name=org, n=count, seed=seed, if_empty=if_empty)
        data_dir = built.settings.data_dir
        saved = save_private(data_dir, TOKEN_FILE, result.token) if result.token else None
        where = save_private(data_dir, PASSWORD_FILE, result.password) if result.password else None
    if result.skipped:
        typer.echo("demo: organizations exist already; nothing added (drop --if-empty to add anyway)")
        kept = data_dir / PASSWORD_FILE
        if kept.exists():  # make run, the second time: how to sign in is still worth saying
            typer.echo("sign in to the pages at /logg-inn as the demo's admin (admin@demo) with the "
                       f"password in {kept}")
        typer.echo("sign in with a user made before (tilbake user list --org demo), or make one: "
                   "tilbake user create --org demo --role admin NAME")
        return
    typer.echo(f"demo: {result.inserted} suggestions in organization {result.org_name!r}")
    if saved:
        typer.echo(f"API token for {result.org_name!r} written to {saved} (readable only by you): "
                   f"TOKEN=$(cat {saved})")
    if where:
        typer.echo(f"sign in to the pages at /logg-inn as {result.admin!r} with the password in {where} "
                   "(readable only by you; more users: tilbake user create)")


def register(app: typer.Typer) -> None:
    app.command(help=serve.__doc__)(serve)
    app.command(help=demo.__doc__)(demo)
