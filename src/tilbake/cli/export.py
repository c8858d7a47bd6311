"""`tilbake export ...`: preview, create, list, download and revoke anonymized training-data exports.

Each command parses, makes one ExportService call and renders. The CLI is the local, authenticated
face of the service: whoever runs it has the data directory; the consent still has to be given
explicitly (`--given-by` and `--agree`) and is stored like an API consent, with channel "cli".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from tilbake.cli.common import echo_json, services

export_app = typer.Typer(help="Export anonymized training data (SFT, DPO, KTO).", no_args_is_help=True)

Org = Annotated[str, typer.Option("--org", help="organization name (tilbake org list)")]
Types = Annotated[list[str] | None, typer.Option("--type", help="only this suggestion type (repeatable)")]
Since = Annotated[datetime | None, typer.Option(help="only suggestions created at or after (ISO date)")]
Until = Annotated[datetime | None, typer.Option(help="only suggestions created before (ISO date)")]
Mode = Annotated[str, typer.Option(help="tags (default) or surrogates")]
AsJson = Annotated[bool, typer.Option("--json", help="print JSON instead of a table")]


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")


def _scope(types: list[str] | None, since: datetime | None, until: datetime | None, mode: str) -> Any:
    from tilbake.export.request import Scope

    return Scope(types=tuple(types or ()), since=since, until=until, mode=mode)


def _print(data: Any, as_json: bool, table: Callable[[Any], None]) -> None:
    echo_json(data) if as_json else table(data)


def _preview_table(p: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("suggestion type", "decision", "pending", title=f"{p['pending_total']} pending")
    for stype, decisions in sorted(p["per_type_and_decision"].items()):
        for decision, n in sorted(decisions.items(), key=lambda kv: str(kv[0])):
            table.add_row(stype, str(decision), str(n))
    console = Console()
    console.print(table)
    rows = p["rows_at_most"]
    console.print(
        f"rows at most: sft {rows['sft']}, dpo {rows['dpo']}, kto {rows['kto']} "
        f"(skipped: {p['skipped']}; {p['note']})"
    )
    console.print(
        f"\nConsent statement (version {p['consent']['statement_version']}):\n{p['consent']['statement']}"
    )


@export_app.command()
def preview(
    org: Org,
    type: Types = None,
    since: Since = None,
    until: Until = None,
    mode: Mode = "tags",
    as_json: AsJson = False,
) -> None:
    """Show what the next export would hold, and the consent statement to agree to."""
    with services() as built:
        preview = built.exports.preview(built.local(org).org_id, _scope(type, since, until, mode))
    _print(preview, as_json, _preview_table)


def _batch_line(b: dict[str, Any]) -> str:
    rows = b["rows"]
    return (
        f"{b['id']}  {b['status']:<8}  {str(b['created_at'])[:19]}  suggestions {b['suggestions']}  "
        f"sft {rows['sft']} dpo {rows['dpo']} kto {rows['kto']}  quarantined "
        f"{sum(b['quarantined_by_reason'].values())}"
    )


@export_app.command()
def create(
    org: Org,
    given_by: Annotated[str, typer.Option("--given-by", help="your name: who gives the consent")],
    agree: Annotated[
        bool, typer.Option("--agree", help="you agree to the consent statement (see preview)")
    ] = False,
    type: Types = None,
    since: Since = None,
    until: Until = None,
    mode: Mode = "tags",
    unpacked: Annotated[bool, typer.Option(help="also keep the bundle unpacked next to the zip")] = False,
    as_json: AsJson = False,
) -> None:
    """Create an export: anonymize, leak-scan, bundle, and mark its rows exported, atomically."""
    from rich.progress import Progress

    from tilbake.export.request import Consent

    consent, scope = Consent(given_by=given_by, agree=agree), _scope(type, since, until, mode)
    with services() as built, Progress(transient=True) as bar:
        svc, actor = built.exports, _actor(built.local(org).org_id)
        task = bar.add_task("exporting", total=svc.preview(actor.org_id, scope)["pending_total"])
        batch = svc.create(actor, consent, scope, unpacked=unpacked, progress=lambda n: bar.advance(task, n))
        batch["path"] = str(svc.org_dir(actor.org_id) / batch["file_name"])
    _print(batch, as_json, lambda b: typer.echo(f"{_batch_line(b)}\n{b['path']}"))


def _actor(org_id: int) -> Any:
    from tilbake.export.request import Actor

    return Actor(org_id, token_id=None, channel="cli")


@export_app.command("list")
def list_(org: Org, as_json: AsJson = False) -> None:
    """List this organization's exports, newest first."""
    with services() as built:
        batches = built.exports.list(built.local(org).org_id)
    _print(batches, as_json, lambda bs: typer.echo("\n".join(_batch_line(b) for b in bs) or "no exports yet"))


@export_app.command()
def download(
    export_id: Annotated[str, typer.Argument(help="the export's id (tilbake export list)")],
    org: Org,
    output: Annotated[Path, typer.Option("--output", "-o", help="where to write the zip (or the directory)")],
    unpack: Annotated[
        bool, typer.Option(help="write the files unpacked into OUTPUT instead of a zip")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="replace OUTPUT if it exists")] = False,
) -> None:
    """Write a past export's bundle again (zip, or unpacked), all or nothing: a failed write leaves
    OUTPUT as it was."""
    from tilbake.export.copies import copy_bundle, unpack_bundle

    with services() as built:
        path = built.exports.download(built.local(org).org_id, export_id)
        (unpack_bundle if unpack else copy_bundle)(path, output, force=force)
    typer.echo(str(output))


@export_app.command()
def revoke(
    export_id: Annotated[str, typer.Argument(help="the export's id (tilbake export list)")],
    org: Org,
    rows: Annotated[str, typer.Option(help="pending: may be exported again; excluded: never again")],
) -> None:
    """Revoke an export: delete its bundle; its rows go back to pending or stay excluded."""
    with services() as built:
        batch = built.exports.revoke(built.local(org).org_id, export_id, rows)
    typer.echo(_batch_line(batch))
